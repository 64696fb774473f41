/**
 * "Did you mean": the known word nearest to a misspelt one. Called once per unknown name
 * with every name of an environment, so it must stay near-linear on hostile input
 * (thousands of long names, hundreds of slips): candidates that cannot beat the best so far
 * are dropped by cheap lower bounds before any table is filled, and the table is a band.
 */

/** Edits a word of this length may be away from its suggestion. */
const allowedEdits = (word: string) => (word.length <= 4 ? 1 : Math.max(2, Math.floor(word.length / 3)));

/**
 * Closest known word, for "did you mean". A short word allows one edit: two edits turn
 * "icmp" into "tcp", which is another word, not a slip. Ties go to the first candidate.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  // Only a candidate strictly nearer than the best so far (and within the allowance) can win.
  let bound = allowedEdits(word);
  countLetters(lower, 1);
  try {
    for (const c of candidates) {
      const other = c.toLowerCase();
      if (Math.abs(other.length - lower.length) > bound || unmatchedLetters(lower.length, other, bound + 1) > bound) continue;
      const d = editDistance(lower, other, bound);
      if (d <= bound) {
        best = c;
        bound = d - 1;
        if (bound < 0) break;
      }
    }
  } finally {
    countLetters(lower, -1);
  }
  return best;
}

// The word's letter counts, and per candidate the letters used (valid where stamped with the candidate's turn).
const wordLetters = new Int32Array(65536);
const usedLetters = new Int32Array(65536);
const usedStamp = new Int32Array(65536);
let turn = 0;

function countLetters(word: string, step: 1 | -1): void {
  for (let i = 0; i < word.length; i++) wordLetters[word.charCodeAt(i)] += step;
}

/**
 * A lower bound of the edit distance in one pass over the candidate (the word's letters
 * counted once per call): letters of either with no counterpart in the other each need
 * an edit, whatever their order (a swap changes none). Stops once `enough` is reached.
 */
function unmatchedLetters(wordLength: number, other: string, enough: number): number {
  if (++turn === 0x7fffffff) {
    usedStamp.fill(0);
    turn = 1;
  }
  let matched = 0;
  let extra = 0;
  for (let i = 0; i < other.length; i++) {
    const c = other.charCodeAt(i);
    if (usedStamp[c] !== turn) {
      usedStamp[c] = turn;
      usedLetters[c] = 0;
    }
    if (usedLetters[c]++ < wordLetters[c]) matched++;
    else if (++extra >= enough) return extra;
  }
  return Math.max(extra, wordLength - matched);
}

// Rows reused across calls: three, as a swap looks two rows back.
let rows = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];

/**
 * Edit distance where swapping two neighbours counts as one edit (optimal string
 * alignment). With `max`, any distance over it is reported as `max + 1`, which lets the
 * work stop early: only cells within `max` of the diagonal are filled, and the rows stop
 * once two in a row exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const over = Math.min(max, Math.max(a.length, b.length)) + 1;
  if (Math.abs(a.length - b.length) >= over) return over;
  if (rows[0].length < b.length + 1) rows = rows.map(() => new Int32Array(b.length + 1));
  let [twoBack, prev, row] = rows;
  const band = over - 1;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  let prevMin = 0;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    // Cells left of the band count as over; column 0 is i deletions.
    row[from - 1] = from === 1 ? Math.min(i, over) : over;
    let rowMin = row[from - 1];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      // Cells right of the previous row's band were never written: read them as over.
      const up = j <= i - 1 + band ? prev[j] : over;
      let d = Math.min(up + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, twoBack[j - 2] + 1);
      row[j] = Math.min(d, over);
      if (row[j] < rowMin) rowMin = row[j];
    }
    if (to < b.length) row[to + 1] = over;
    // A cell comes from the row above or, by a swap, the one above that: two rows over the bound keep every later row over it.
    if (rowMin >= over && prevMin >= over) return over;
    prevMin = rowMin;
    [twoBack, prev, row] = [prev, row, twoBack];
  }
  return Math.min(prev[b.length], over);
}
