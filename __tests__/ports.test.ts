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

describe('PortSet.unionOf', () => {
  it('equals folding union over the same sets, on random port lists', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 200; round++) {
      const sets = Array.from({ length: rand(40) }, () => {
        const a = rand(200);
        return PortSet.range(a, a + rand(5));
      });
      const folded = sets.reduce((acc, s) => acc.union(s), PortSet.EMPTY);
      expect(PortSet.unionOf(sets).toRanges()).toEqual(folded.toRanges());
    }
    expect(PortSet.unionOf([])).toBe(PortSet.EMPTY);
  });

  it('merges a long list of adjacent single ports into one range', () => {
    const sets = Array.from({ length: 30_000 }, (_, i) => PortSet.of(i + 1));
    expect(PortSet.unionOf(sets).toRanges()).toEqual([[1, 30_000]]);
  });
});
