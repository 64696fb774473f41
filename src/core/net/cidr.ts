import * as iv from './interval-set.js';
import type { Interval, Intervals } from './interval-set.js';

/**
 * Exact IPv4 and IPv6 address sets. A set is two interval lists (one per family), so
 * unions, differences and coverage are exact to the last bit: `0.0.0.0/1` plus
 * `128.0.0.0/1` covers `0.0.0.0/0`, and `0.0.0.0/0` never covers `::/0`.
 */

const V4_MAX = (1n << 32n) - 1n;
const V6_MAX = (1n << 128n) - 1n;

export type Family = 4 | 6;

export interface ParsedCidr {
  family: Family;
  /** The address as written (host part kept). */
  address: bigint;
  prefix: number;
  /** True when the text had an explicit `/prefix`. */
  hasPrefix: boolean;
  /** True when bits beyond the prefix are set, e.g. `10.0.0.1/8`. */
  hostBitsSet: boolean;
}

export type CidrParseResult = { ok: true; value: ParsedCidr } | { ok: false; error: string };

function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    // Decimal only: leading zeros are ambiguous (octal in some tools), so refuse them.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIPv6(text: string): bigint | undefined {
  if (text.includes('%')) return undefined; // zone ids have no meaning in a firewall rule
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tailV4 = parseIPv4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = text.slice(0, lastColon + 1) + '0:0'; // placeholder for the two groups it fills
  }
  const doubleColon = head.indexOf('::');
  if (doubleColon !== head.lastIndexOf('::')) return undefined;
  const groupsOf = (s: string): string[] | undefined => {
    if (s === '') return [];
    const g = s.split(':');
    return g.every((x) => /^[0-9a-fA-F]{1,4}$/.test(x)) ? g : undefined;
  };
  let groups: string[];
  if (doubleColon >= 0) {
    const left = groupsOf(head.slice(0, doubleColon));
    const right = groupsOf(head.slice(doubleColon + 2));
    if (!left || !right || left.length + right.length > 7) return undefined;
    groups = [...left, ...new Array<string>(8 - left.length - right.length).fill('0'), ...right];
  } else {
    const all = groupsOf(head);
    if (!all || all.length !== 8) return undefined;
    groups = all;
  }
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(parseInt(g, 16));
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

/** Parses `10.0.0.0/8`, `10.0.0.1`, `2001:db8::/32`, `::ffff:10.0.0.1`. */
export function parseCidr(input: string): CidrParseResult {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'empty address' };
  const slash = text.indexOf('/');
  const addrText = slash >= 0 ? text.slice(0, slash) : text;
  const prefixText = slash >= 0 ? text.slice(slash + 1) : undefined;
  const family: Family = addrText.includes(':') ? 6 : 4;
  const address = family === 4 ? parseIPv4(addrText) : parseIPv6(addrText);
  if (address === undefined) {
    return { ok: false, error: `"${input}" is not an IPv${family} address${family === 4 ? ' (four decimal numbers 0-255, e.g. 10.0.0.0/8)' : ' (e.g. 2001:db8::/32)'}` };
  }
  const bits = family === 4 ? 32 : 128;
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText) || Number(prefixText) > bits) {
      return { ok: false, error: `"${input}" has an invalid prefix length: IPv${family} prefixes are 0 to ${bits}` };
    }
    prefix = Number(prefixText);
  }
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  return { ok: true, value: { family, address, prefix, hasPrefix: prefixText !== undefined, hostBitsSet: (address & hostMask) !== 0n } };
}

function blockInterval(family: Family, address: bigint, prefix: number): Interval {
  const bits = family === 4 ? 32 : 128;
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const lo = address & ~hostMask & (family === 4 ? V4_MAX : V6_MAX);
  return { lo, hi: lo | hostMask };
}

export function formatIPv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join('.');
}

/** RFC 5952 text: lower case, the longest run of two or more zero groups compressed. */
export function formatIPv6(value: bigint): string {
  const groups: number[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(Number((value >> s) & 0xffffn));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** The fewest CIDR blocks that exactly cover an interval: each block as large as alignment and the rest allow. */
function intervalToCidrs(family: Family, range: Interval): string[] {
  const bits = family === 4 ? 32 : 128;
  const out: string[] = [];
  let lo = range.lo;
  while (lo <= range.hi) {
    const alignment = lo === 0n ? bits : bitLength(lo & -lo) - 1;
    const fits = bitLength(range.hi - lo + 1n) - 1;
    const size = Math.min(alignment, fits);
    const text = family === 4 ? formatIPv4(lo) : formatIPv6(lo);
    out.push(`${text}/${bits - size}`);
    lo += 1n << BigInt(size);
  }
  return out;
}

export class AddressSet {
  static readonly EMPTY = new AddressSet([], []);
  static readonly ALL_V4 = new AddressSet([{ lo: 0n, hi: V4_MAX }], []);
  static readonly ALL_V6 = new AddressSet([], [{ lo: 0n, hi: V6_MAX }]);
  static readonly ALL = new AddressSet([{ lo: 0n, hi: V4_MAX }], [{ lo: 0n, hi: V6_MAX }]);

  private constructor(
    readonly v4: Intervals,
    readonly v6: Intervals,
  ) {}

  /** Masks host bits, as every cloud does for a rule's CIDR. */
  static fromParsed(cidrs: Iterable<ParsedCidr>): AddressSet {
    const v4: Interval[] = [];
    const v6: Interval[] = [];
    for (const c of cidrs) (c.family === 4 ? v4 : v6).push(blockInterval(c.family, c.address, c.prefix));
    return new AddressSet(iv.normalize(v4), iv.normalize(v6));
  }

  /** Parses CIDR texts; throws on an invalid one (callers validate input first). */
  static of(...cidrs: string[]): AddressSet {
    return AddressSet.fromParsed(
      cidrs.map((c) => {
        const r = parseCidr(c);
        if (!r.ok) throw new Error(r.error);
        return r.value;
      }),
    );
  }

  isEmpty(): boolean {
    return this.v4.length === 0 && this.v6.length === 0;
  }

  union(o: AddressSet): AddressSet {
    if (o === this || o.isEmpty()) return this;
    if (this.isEmpty()) return o;
    if (this.covers(o)) return this;
    if (o.covers(this)) return o;
    return new AddressSet(iv.union(this.v4, o.v4), iv.union(this.v6, o.v6));
  }

  // Where the answer is one of the operands it is returned as is: the flow engine asks
  // these per pair, mostly of a rule that covers the source, and an operand keeps its
  // memoized description.
  intersect(o: AddressSet): AddressSet {
    if (o === this) return this;
    if (this.isEmpty() || o.isEmpty()) return AddressSet.EMPTY;
    if (o.covers(this)) return this;
    if (this.covers(o)) return o;
    // Most rules a flow is asked against do not match its end at all: no allocation for those.
    if (!this.overlaps(o)) return AddressSet.EMPTY;
    return new AddressSet(iv.intersect(this.v4, o.v4), iv.intersect(this.v6, o.v6));
  }

  subtract(o: AddressSet): AddressSet {
    if (this.isEmpty() || o.isEmpty() || !this.overlaps(o)) return this;
    if (o.covers(this)) return AddressSet.EMPTY;
    return new AddressSet(iv.subtract(this.v4, o.v4), iv.subtract(this.v6, o.v6));
  }

  /** True when every address of `o` is in this set. */
  covers(o: AddressSet): boolean {
    if (o === this || o.isEmpty()) return true;
    return iv.covers(this.v4, o.v4) && iv.covers(this.v6, o.v6);
  }

  overlaps(o: AddressSet): boolean {
    return iv.overlaps(this.v4, o.v4) || iv.overlaps(this.v6, o.v6);
  }

  equals(o: AddressSet): boolean {
    return iv.equal(this.v4, o.v4) && iv.equal(this.v6, o.v6);
  }

  private cidrs?: string[];

  /** Minimal CIDR list, IPv4 first: what a message shows a person. */
  toCidrs(): readonly string[] {
    this.cidrs ??= [...this.v4.flatMap((r) => intervalToCidrs(4, r)), ...this.v6.flatMap((r) => intervalToCidrs(6, r))];
    return this.cidrs;
  }

  private described?: Map<number, string>;

  /** Short human form; long lists are cut with a count. Memoized: messages ask for it per finding. */
  describe(max = 6): string {
    let text = this.described?.get(max);
    if (text === undefined) {
      text = this.describeUncached(max);
      (this.described ??= new Map()).set(max, text);
    }
    return text;
  }

  private describeUncached(max: number): string {
    if (this.isEmpty()) return 'no addresses';
    const all = this.toCidrs().map((c) => (c.endsWith('/32') && !c.includes(':') ? c.slice(0, -3) : c.endsWith('/128') ? c.slice(0, -4) : c));
    return all.length <= max ? all.join(', ') : `${all.slice(0, max).join(', ')} and ${all.length - max} more blocks`;
  }

  private keyText?: string;
  private internedId?: number;
  private static readonly interned = new Map<string, number>();

  /** A small number equal for equal sets: cheap to put in a cache key. */
  id(): number {
    if (this.internedId === undefined) {
      const key = this.key();
      let id = AddressSet.interned.get(key);
      if (id === undefined) AddressSet.interned.set(key, (id = AddressSet.interned.size));
      this.internedId = id;
    }
    return this.internedId;
  }

  /** Stable key for memoising. */
  key(): string {
    if (this.keyText === undefined) {
      const enc = (xs: Intervals) => xs.map((x) => `${x.lo.toString(36)}-${x.hi.toString(36)}`).join(',');
      this.keyText = `${enc(this.v4)}|${enc(this.v6)}`;
    }
    return this.keyText;
  }
}

/**
 * The public internet: everything but the private and special-purpose ranges that
 * never route on it (IANA special-purpose registries, RFC 6890). "Open to the
 * internet" means open to some address of this set.
 */
export const NON_INTERNET_RANGES = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12',
  '192.0.0.0/24', '192.168.0.0/16', '198.18.0.0/15', '224.0.0.0/4', '240.0.0.0/4',
  '::/128', '::1/128', '::ffff:0:0/96', '64:ff9b:1::/48', '100::/64', 'fc00::/7', 'fe80::/10', 'ff00::/8',
] as const;

export const INTERNET: AddressSet = AddressSet.ALL.subtract(AddressSet.of(...NON_INTERNET_RANGES));
