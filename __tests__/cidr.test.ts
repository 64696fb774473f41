import { describe, expect, it } from 'vitest';
import { AddressSet, INTERNET, formatIPv6, parseCidr } from '../src/core/net/cidr.js';

describe('parseCidr', () => {
  const valid: Array<[string, number, number, boolean]> = [
    ['10.0.0.0/8', 4, 8, false],
    ['10.0.0.1', 4, 32, false],
    ['10.0.0.1/8', 4, 8, true],
    ['0.0.0.0/0', 4, 0, false],
    ['255.255.255.255/32', 4, 32, false],
    ['::/0', 6, 0, false],
    ['2001:db8::/32', 6, 32, false],
    ['2001:DB8::1/128', 6, 128, false],
    ['::ffff:10.0.0.1', 6, 128, false],
    ['fe80::1:2:3:4:5', 6, 128, false],
    ['1:2:3:4:5:6:7:8/64', 6, 64, true],
  ];
  it.each(valid)('%s is IPv%i /%i (host bits set: %s)', (text, family, prefix, hostBits) => {
    const r = parseCidr(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect([r.value.family, r.value.prefix, r.value.hostBitsSet]).toEqual([family, prefix, hostBits]);
  });

  const invalid = ['', '10.0.0', '10.0.0.256', '10.0.0.01', '10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/', '1:2:3:4:5:6:7:8:9', '1::2::3', '::/129', 'fe80::1%eth0', 'abc', '10.0.0.0/8/8', '12345::'];
  it.each(invalid)('rejects %j with a reason', (text) => {
    const r = parseCidr(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
  });
});

describe('AddressSet coverage', () => {
  it('two halves cover 0.0.0.0/0, one half does not', () => {
    const all = AddressSet.of('0.0.0.0/0');
    expect(AddressSet.of('0.0.0.0/1', '128.0.0.0/1').covers(all)).toBe(true);
    expect(AddressSet.of('0.0.0.0/1').covers(all)).toBe(false);
    expect(all.subtract(AddressSet.of('0.0.0.0/1')).toCidrs()).toEqual(['128.0.0.0/1']);
  });

  it('0.0.0.0/0 never covers IPv6', () => {
    const v4 = AddressSet.of('0.0.0.0/0');
    const clients = AddressSet.of('0.0.0.0/0', '::/0');
    expect(v4.covers(clients)).toBe(false);
    expect(clients.subtract(v4).toCidrs()).toEqual(['::/0']);
  });

  it('a /32 is covered by its /24 but not by the neighbouring /24', () => {
    const host = AddressSet.of('10.0.2.12/32');
    expect(AddressSet.of('10.0.2.0/24').covers(host)).toBe(true);
    expect(AddressSet.of('10.0.3.0/24').covers(host)).toBe(false);
    expect(AddressSet.of('10.0.2.12').equals(host)).toBe(true);
  });

  it('adjacent blocks merge into the fewest CIDRs', () => {
    expect(AddressSet.of('10.0.0.0/25', '10.0.0.128/25').toCidrs()).toEqual(['10.0.0.0/24']);
    expect(AddressSet.of('10.0.0.1', '10.0.0.2').toCidrs()).toEqual(['10.0.0.1/32', '10.0.0.2/32']);
    expect(AddressSet.of('10.0.0.2', '10.0.0.3').toCidrs()).toEqual(['10.0.0.2/31']);
  });

  it('masks host bits like the clouds do', () => {
    expect(AddressSet.of('10.1.2.3/8').toCidrs()).toEqual(['10.0.0.0/8']);
  });

  it('subtracting a hole leaves the exact remainder', () => {
    const rest = AddressSet.of('10.0.0.0/24').subtract(AddressSet.of('10.0.0.5'));
    expect(rest.toCidrs()).toEqual(['10.0.0.0/30', '10.0.0.4/32', '10.0.0.6/31', '10.0.0.8/29', '10.0.0.16/28', '10.0.0.32/27', '10.0.0.64/26', '10.0.0.128/25']);
    expect(rest.union(AddressSet.of('10.0.0.5')).toCidrs()).toEqual(['10.0.0.0/24']);
  });

  it('IPv6 halves cover ::/0 and an IPv6 hole is exact', () => {
    expect(AddressSet.of('::/1', '8000::/1').covers(AddressSet.ALL_V6)).toBe(true);
    expect(AddressSet.of('2001:db8::/32').subtract(AddressSet.of('2001:db8::/33')).toCidrs()).toEqual(['2001:db8:8000::/33']);
  });

  it('intersect and overlaps agree', () => {
    const a = AddressSet.of('10.0.0.0/16');
    const b = AddressSet.of('10.0.255.0/24', '192.168.0.0/16');
    expect(a.intersect(b).toCidrs()).toEqual(['10.0.255.0/24']);
    expect(a.overlaps(b)).toBe(true);
    expect(a.overlaps(AddressSet.of('10.1.0.0/16'))).toBe(false);
  });
});

describe('formatIPv6 (RFC 5952)', () => {
  it.each([
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:0db8:0000:0000:0000:0000:0002:0001', '2001:db8::2:1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
  ])('%s -> %s', (input, expected) => {
    const r = parseCidr(input);
    expect(r.ok && formatIPv6(r.value.address)).toBe(expected);
  });
});

describe('INTERNET', () => {
  it('is public space only', () => {
    expect(INTERNET.overlaps(AddressSet.of('10.0.0.0/8'))).toBe(false);
    expect(INTERNET.overlaps(AddressSet.of('172.16.5.0/24'))).toBe(false);
    expect(INTERNET.overlaps(AddressSet.of('fd00::/8'))).toBe(false);
    expect(INTERNET.covers(AddressSet.of('8.8.8.8', '2001:4860::8888'))).toBe(true);
    expect(AddressSet.of('0.0.0.0/0').overlaps(INTERNET)).toBe(true);
  });
});
