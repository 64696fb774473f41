import { describe, expect, it } from 'vitest';
import { AddressSet } from '../src/core/net/cidr.js';
import * as iv from '../src/core/net/interval-set.js';

/**
 * Set arithmetic checked against a brute-force oracle: random CIDRs inside one /20
 * (4,096 addresses, small enough to enumerate), a fixed seed so a failure replays.
 */

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = (10 << 24) | (20 << 16); // 10.20.0.0/20
const SIZE = 4096;
const ip = (n: number) => `10.20.${(n >> 8) & 255}.${n & 255}`;

function randomCidrs(rand: () => number): string[] {
  const count = 1 + Math.floor(rand() * 4);
  return Array.from({ length: count }, () => {
    const prefix = 20 + Math.floor(rand() * 13);
    const block = 1 << (32 - prefix);
    const start = Math.floor((rand() * SIZE) / block) * block;
    return `${ip(start)}/${prefix}`;
  });
}

function members(cidrs: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const c of cidrs) {
    const [addr, p] = c.split('/');
    const parts = addr.split('.').map(Number);
    const start = ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) - BASE;
    for (let i = 0; i < 1 << (32 - Number(p)); i++) out.add(start + i);
  }
  return out;
}

function asMembers(set: AddressSet): Set<number> {
  return members(set.toCidrs());
}

describe('AddressSet against a brute-force oracle', () => {
  const rand = prng(20261124);
  const cases = Array.from({ length: 300 }, () => [randomCidrs(rand), randomCidrs(rand)] as const);

  it('union, intersect, subtract, covers and overlaps agree with sets of addresses', () => {
    for (const [a, b] of cases) {
      const A = AddressSet.of(...a);
      const B = AddressSet.of(...b);
      const ma = members(a);
      const mb = members(b);
      const union = new Set([...ma, ...mb]);
      const inter = new Set([...ma].filter((x) => mb.has(x)));
      const diff = new Set([...ma].filter((x) => !mb.has(x)));
      expect(asMembers(A.union(B))).toEqual(union);
      expect(asMembers(A.intersect(B))).toEqual(inter);
      expect(asMembers(A.subtract(B))).toEqual(diff);
      expect(A.covers(B)).toBe([...mb].every((x) => ma.has(x)));
      expect(A.overlaps(B)).toBe(inter.size > 0);
    }
  });

  it('toCidrs is minimal: no two blocks could merge, and it round-trips', () => {
    for (const [a] of cases) {
      const A = AddressSet.of(...a);
      const cidrs = A.toCidrs();
      expect(AddressSet.of(...cidrs).equals(A)).toBe(true);
      // Sibling blocks of equal size would have merged into their parent.
      const seen = new Set(cidrs);
      for (const c of cidrs) {
        const [addr, p] = c.split('/');
        const prefix = Number(p);
        const parts = addr.split('.').map(Number);
        const n = ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
        const sibling = (n ^ (1 << (32 - prefix))) >>> 0;
        expect(seen.has(`${(sibling >>> 24) & 255}.${(sibling >>> 16) & 255}.${(sibling >>> 8) & 255}.${sibling & 255}/${prefix}`)).toBe(false);
      }
    }
  });
});

describe('interval sets of very different sizes against a brute-force oracle', () => {
  // A role's many server addresses against one source: the walks gallop over the large side.
  const rand = prng(11240);
  const DOMAIN = 2000;
  const randomSet = (n: number) => {
    const picked = new Set<number>();
    for (let k = 0; k < n; k++) {
      const lo = Math.floor(rand() * DOMAIN);
      const len = rand() < 0.7 ? 1 : 1 + Math.floor(rand() * 20);
      for (let x = lo; x < Math.min(DOMAIN, lo + len); x++) picked.add(x);
    }
    return picked;
  };
  const toIntervals = (m: ReadonlySet<number>) => iv.normalize([...m].map((x) => ({ lo: BigInt(x), hi: BigInt(x) })));
  const fromIntervals = (s: iv.Intervals) => {
    const out = new Set<number>();
    for (const { lo, hi } of s) for (let x = Number(lo); x <= Number(hi); x++) out.add(x);
    return out;
  };
  const sorted = (m: ReadonlySet<number>) => [...m].sort((p, q) => p - q);

  it('intersect, subtract, covers and overlaps agree, either way round', () => {
    for (let c = 0; c < 400; c++) {
      const ma = randomSet(Math.floor(rand() * 300));
      const mb = randomSet(Math.floor(rand() * 4));
      if (rand() < 0.3) for (const x of mb) ma.add(x);
      for (const [x, y] of [[ma, mb], [mb, ma]] as const) {
        const X = toIntervals(x);
        const Y = toIntervals(y);
        expect(sorted(fromIntervals(iv.intersect(X, Y)))).toEqual(sorted(new Set([...x].filter((v) => y.has(v)))));
        expect(sorted(fromIntervals(iv.subtract(X, Y)))).toEqual(sorted(new Set([...x].filter((v) => !y.has(v)))));
        expect(iv.covers(X, Y)).toBe([...y].every((v) => x.has(v)));
        expect(iv.overlaps(X, Y)).toBe([...y].some((v) => x.has(v)));
      }
    }
  });
});
