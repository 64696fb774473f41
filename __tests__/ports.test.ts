import { describe, expect, it } from 'vitest';
import { PortSet, parsePortSpec } from '../src/core/net/ports.js';

describe('PortSet', () => {
  it('ranges that touch merge, ranges that overlap merge', () => {
    expect(PortSet.fromRanges([[80, 89], [90, 100]]).describe()).toBe('80-100');
    expect(PortSet.fromRanges([[80, 95], [90, 100]]).describe()).toBe('80-100');
    expect(PortSet.fromRanges([[80, 88], [90, 100]]).describe()).toBe('80-88, 90-100');
  });

  it('coverage is exact at both ends', () => {
    const open = PortSet.range(8000, 8080);
    expect(open.covers(PortSet.of(8000))).toBe(true);
    expect(open.covers(PortSet.of(8080))).toBe(true);
    expect(open.covers(PortSet.of(8081))).toBe(false);
    expect(open.covers(PortSet.range(7999, 8000))).toBe(false);
    expect(PortSet.of(80, 443).covers(PortSet.range(80, 443))).toBe(false);
  });

  it('subtract leaves holes', () => {
    expect(PortSet.ALL.subtract(PortSet.of(22)).describe()).toBe('0-21, 23-65535');
    expect(PortSet.ALL.describe()).toBe('all ports');
  });
});

describe('parsePortSpec', () => {
  it.each([
    [443, '443'],
    ['443', '443'],
    ['8000-8080', '8000-8080'],
    [' 80 - 81 ', '80-81'],
    [0, '0'],
    [65535, '65535'],
  ])('%j parses as %s', (spec, expected) => {
    const r = parsePortSpec(spec);
    expect(r.ok && r.value.describe()).toBe(expected);
  });

  it.each([65536, -1, 1.5, '443-80', '70000', 'http', '', null, '1-2-3'])('%j is refused', (spec) => {
    expect(parsePortSpec(spec).ok).toBe(false);
  });
});
