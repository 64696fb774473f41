import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../src/core/input/closest-word.js';
import { clipLongRuns } from '../src/core/errors.js';

/**
 * "Did you mean" was made fast (bounds, a band, early exits): it must suggest exactly
 * what the plain full-table version suggested. That version is kept here as the reference.
 */

function referenceDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function referenceClosest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = referenceDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= (word.length <= 4 ? 1 : Math.max(2, Math.floor(word.length / 3))) ? best : undefined;
}

/** A fixed pseudo-random sequence: the same words on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
}

const LETTERS = 'abcAB-_xyİé';

function words(seed: number) {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const word = (n: number) => Array.from({ length: n }, () => LETTERS[pick(LETTERS.length)]).join('');
  // Up to four edits of every kind, swaps included.
  const slip = (w: string) => {
    const a = [...w];
    for (let k = pick(5); k > 0; k--) {
      const p = pick(a.length + 1);
      const op = pick(4);
      if (op === 0) a.splice(p, 0, LETTERS[pick(LETTERS.length)]);
      else if (op === 1) a.splice(p, 1);
      else if (op === 2) a[p] = LETTERS[pick(LETTERS.length)];
      else if (p + 1 < a.length) [a[p], a[p + 1]] = [a[p + 1], a[p]];
    }
    return a.join('');
  };
  return { pick, word, slip };
}

describe('closest: the same suggestions as the full table', () => {
  it.each([
    ['icmp', ['tcp', 'udp'], undefined],
    ['tpc', ['tcp', 'udp'], 'tcp'],
    ['front-edn', ['front-end', 'controller'], 'front-end'],
    ['FRONT-END', ['controller', 'front-end'], 'front-end'],
    ['servrs', ['name', 'servers', 'firewall'], 'servers'],
    ['fe-3', ['fe-1', 'fe-2'], 'fe-1'],
    ['', ['a', 'bb'], 'a'],
    ['abc', [], undefined],
  ] as const)('%s in %j: %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
    expect(referenceClosest(word, candidates)).toBe(expected);
  });

  it('agrees on 20,000 generated slips and unrelated words (ties to the first candidate)', () => {
    const { pick, word, slip } = words(7);
    let suggested = 0;
    for (let t = 0; t < 20_000; t++) {
      const candidates = Array.from({ length: 1 + pick(8) }, () => word(pick(14)));
      const typed = pick(10) < 7 ? slip(candidates[pick(candidates.length)]) : word(pick(14));
      const expected = referenceClosest(typed, candidates);
      if (expected !== undefined) suggested++;
      expect(closest(typed, candidates), JSON.stringify({ typed, candidates })).toBe(expected);
    }
    // Not a vacuous pass: most slips find their word.
    expect(suggested).toBeGreaterThan(10_000);
  });

  it('agrees on long names that differ in order only (no shortcut by length or letters)', () => {
    const { pick, slip } = words(11);
    const long = (i: number) => `s${i}${'xy'.repeat(40)}`;
    const candidates = Array.from({ length: 40 }, (_, i) => [...long(i)].sort(() => pick(3) - 1).join(''));
    for (let t = 0; t < 40; t++) {
      const typed = slip(candidates[pick(candidates.length)]);
      expect(closest(typed, candidates)).toBe(referenceClosest(typed, candidates));
    }
  });

  it('editDistance: exact, or max + 1 when over a bound', () => {
    const { pick, word, slip } = words(3);
    for (let t = 0; t < 20_000; t++) {
      const a = word(pick(12));
      const b = pick(2) === 0 ? slip(a) : word(pick(12));
      const max = pick(6);
      const exact = referenceDistance(a, b);
      expect(editDistance(a, b), `${a} ${b}`).toBe(exact);
      expect(editDistance(a, b, max), `${a} ${b} ${max}`).toBe(Math.min(exact, max + 1));
    }
  });
});

describe('clipLongRuns', () => {
  it('cuts only the runs over the limit, however many shorter runs surround them', () => {
    const short = 'y'.repeat(290);
    const message = `${short} ${'z'.repeat(400)} ${short}`;
    expect(clipLongRuns(message)).toBe(`${short} ${'z'.repeat(120)}…(280 more characters) ${short}`);
  });
});
