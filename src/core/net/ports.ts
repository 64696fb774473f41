import * as iv from './interval-set.js';
import type { Interval, Intervals } from './interval-set.js';

/** Exact sets of TCP/UDP ports (0-65535). */
export class PortSet {
  static readonly EMPTY = new PortSet([]);
  static readonly ALL = new PortSet([{ lo: 0n, hi: 65535n }]);

  private constructor(readonly ranges: Intervals) {}

  /** Ranges made so far: sets are immutable, and the flow engine asks for the same few ports per pair. */
  private static readonly made = new Map<number, PortSet>();

  static range(from: number, to: number): PortSet {
    if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= 65535)) {
      return new PortSet(iv.normalize([{ lo: BigInt(from), hi: BigInt(to) }]));
    }
    const key = from * 65536 + to;
    let set = PortSet.made.get(key);
    if (!set) {
      if (PortSet.made.size >= 65536) PortSet.made.clear();
      set = new PortSet([{ lo: BigInt(from), hi: BigInt(to) }]);
      PortSet.made.set(key, set);
    }
    return set;
  }

  static of(...ports: number[]): PortSet {
    if (ports.length === 1) return PortSet.range(ports[0], ports[0]);
    return new PortSet(iv.normalize(ports.map((p) => ({ lo: BigInt(p), hi: BigInt(p) }))));
  }

  static fromRanges(ranges: Iterable<readonly [number, number]>): PortSet {
    const list = [...ranges].map(([a, b]) => ({ lo: BigInt(a), hi: BigInt(b) }));
    return new PortSet(iv.normalize(list));
  }

  /** The union of many sets at once: one sort, where a fold of `union` would be quadratic in a long port list. */
  static unionOf(sets: Iterable<PortSet>): PortSet {
    const all: Interval[] = [];
    for (const set of sets) for (const r of set.ranges) all.push(r);
    return all.length === 0 ? PortSet.EMPTY : new PortSet(iv.normalize(all));
  }

  isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  union(o: PortSet): PortSet {
    return new PortSet(iv.union(this.ranges, o.ranges));
  }

  intersect(o: PortSet): PortSet {
    return new PortSet(iv.intersect(this.ranges, o.ranges));
  }

  subtract(o: PortSet): PortSet {
    return new PortSet(iv.subtract(this.ranges, o.ranges));
  }

  covers(o: PortSet): boolean {
    return iv.covers(this.ranges, o.ranges);
  }

  overlaps(o: PortSet): boolean {
    return iv.overlaps(this.ranges, o.ranges);
  }

  private numeric?: Float64Array;

  /** Membership without BigInt: the flow engine asks this for every rule it looks at. */
  has(port: number): boolean {
    let r = this.numeric;
    if (!r) {
      r = new Float64Array(this.ranges.length * 2);
      this.ranges.forEach((x, i) => {
        r![2 * i] = Number(x.lo);
        r![2 * i + 1] = Number(x.hi);
      });
      this.numeric = r;
    }
    for (let i = 0; i < r.length; i += 2) {
      if (port < r[i]) return false;
      if (port <= r[i + 1]) return true;
    }
    return false;
  }

  equals(o: PortSet): boolean {
    return iv.equal(this.ranges, o.ranges);
  }

  private pairs?: ReadonlyArray<readonly [number, number]>;

  /** [from, to] pairs, ascending (shared: do not modify). */
  toRanges(): ReadonlyArray<readonly [number, number]> {
    this.pairs ??= this.ranges.map((r) => [Number(r.lo), Number(r.hi)] as const);
    return this.pairs;
  }

  private described?: string;

  /** `80, 443, 8000-8080`, or `all ports`. */
  describe(): string {
    if (this.described === undefined) {
      this.described = this.isEmpty() ? 'no ports' : this.equals(PortSet.ALL) ? 'all ports' : this.toRanges().map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(', ');
    }
    return this.described;
  }
}

export type PortSpecResult = { ok: true; value: PortSet } | { ok: false; error: string };

/** One port spec as users write it: `443`, `"443"`, `"8000-8080"`. */
export function parsePortSpec(spec: unknown): PortSpecResult {
  if (typeof spec === 'number') {
    if (Number.isInteger(spec) && spec >= 0 && spec <= 65535) return { ok: true, value: PortSet.of(spec) };
    return { ok: false, error: `port ${spec} is out of range: ports are whole numbers 0 to 65535` };
  }
  if (typeof spec === 'string') {
    const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(spec);
    if (!m) return { ok: false, error: `"${spec}" is not a port or range: write 443 or "8000-8080"` };
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from > 65535 || to > 65535) return { ok: false, error: `"${spec}" is out of range: ports are 0 to 65535` };
    if (from > to) return { ok: false, error: `"${spec}" is an empty range: write the lower port first, "${to}-${from}"` };
    return { ok: true, value: PortSet.range(from, to) };
  }
  return { ok: false, error: `${JSON.stringify(spec)} is not a port: write 443 or "8000-8080"` };
}
