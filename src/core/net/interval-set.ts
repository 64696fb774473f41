/**
 * Sets of integers stored as sorted, disjoint, non-adjacent closed intervals.
 * One implementation serves IPv4 (32-bit), IPv6 (128-bit) and ports: bigint keeps
 * 128-bit arithmetic exact, and the sets a firewall produces are small.
 */
export interface Interval {
  readonly lo: bigint;
  readonly hi: bigint;
}

export type Intervals = readonly Interval[];

/** Sorts, merges overlapping and adjacent intervals. */
export function normalize(input: Intervals): Interval[] {
  if (input.length <= 1) return input.filter((i) => i.lo <= i.hi).slice();
  const sorted = input.filter((i) => i.lo <= i.hi).sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out: Interval[] = [];
  for (const cur of sorted) {
    const last = out[out.length - 1];
    if (last && cur.lo <= last.hi + 1n) {
      if (cur.hi > last.hi) out[out.length - 1] = { lo: last.lo, hi: cur.hi };
    } else {
      out.push(cur);
    }
  }
  return out;
}

export function union(a: Intervals, b: Intervals): Interval[] {
  if (a.length === 0) return b.slice();
  if (b.length === 0) return a.slice();
  return normalize([...a, ...b]);
}

/**
 * The first index at or after `from` whose interval ends at or after `lo` (`set.length` if
 * none). Galloping: a walk of a large set against a small one (a role's thousand server
 * addresses against one source) skips in log steps instead of one interval at a time.
 */
function seek(set: Intervals, from: number, lo: bigint): number {
  if (from >= set.length || set[from].hi >= lo) return from;
  // set[prev].hi < lo throughout; the answer is past prev.
  let prev = from;
  let step = 1;
  while (prev + step < set.length && set[prev + step].hi < lo) {
    prev += step;
    step *= 2;
  }
  let a = prev + 1;
  let b = Math.min(prev + step, set.length);
  while (a < b) {
    const mid = (a + b) >> 1;
    if (set[mid].hi < lo) a = mid + 1;
    else b = mid;
  }
  return a;
}

export function intersect(a: Intervals, b: Intervals): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x.hi < y.lo) {
      i = seek(a, i + 1, y.lo);
      continue;
    }
    if (y.hi < x.lo) {
      j = seek(b, j + 1, x.lo);
      continue;
    }
    const lo = x.lo > y.lo ? x.lo : y.lo;
    const hi = x.hi < y.hi ? x.hi : y.hi;
    if (lo <= hi) out.push({ lo, hi });
    if (x.hi < y.hi) i++;
    else j++;
  }
  return out;
}

export function subtract(a: Intervals, b: Intervals): Interval[] {
  if (a.length === 0 || b.length === 0) return a.slice();
  const out: Interval[] = [];
  let j = 0;
  for (const x of a) {
    let lo = x.lo;
    const hi = x.hi;
    j = seek(b, j, lo);
    let k = j;
    while (k < b.length && b[k].lo <= hi) {
      const y = b[k];
      if (y.lo > lo) out.push({ lo, hi: y.lo - 1n });
      lo = y.hi + 1n;
      if (lo > hi) break;
      k++;
    }
    if (lo <= hi) out.push({ lo, hi });
  }
  return out;
}

/** True when every member of `inner` is in `outer` (a merge walk that gallops: no allocation). */
export function covers(outer: Intervals, inner: Intervals): boolean {
  let j = 0;
  for (const x of inner) {
    j = seek(outer, j, x.lo);
    if (j >= outer.length) return false;
    // Sets are normalized (adjacent intervals merged), so one outer interval must hold x.
    if (outer[j].lo > x.lo || outer[j].hi < x.hi) return false;
  }
  return true;
}

/** True when the sets share a member (a merge walk that gallops: no allocation). */
export function overlaps(a: Intervals, b: Intervals): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x.hi < y.lo) i = seek(a, i + 1, y.lo);
    else if (y.hi < x.lo) j = seek(b, j + 1, x.lo);
    else return true;
  }
  return false;
}

export function equal(a: Intervals, b: Intervals): boolean {
  return a.length === b.length && a.every((x, i) => x.lo === b[i].lo && x.hi === b[i].hi);
}

export function contains(set: Intervals, value: bigint): boolean {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const iv = set[mid];
    if (value < iv.lo) hi = mid - 1;
    else if (value > iv.hi) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Number of members; for display and tests. */
export function size(set: Intervals): bigint {
  let n = 0n;
  for (const iv of set) n += iv.hi - iv.lo + 1n;
  return n;
}
