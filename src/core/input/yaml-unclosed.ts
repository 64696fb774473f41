/**
 * Finds the quotes and flow brackets that a YAML text opens and never closes. js-yaml
 * reports such a slip where it gives up, typically the next line ("deficient
 * indentation"), which sends the reader to a line with nothing wrong on it; the opener is
 * where the fix goes.
 *
 * A light scan, not a parser: it knows comments, quoted scalars ('' and \ escapes), flow
 * brackets and block scalars (| and >), and treats a quote or bracket as an opener only
 * where a value can start (line start, or after `:`, `-`, `?`, `,`, `[`, `{`), so the quote
 * in `it's` or the brackets in `x[1]` are plain text. It can still be fooled (a plain
 * scalar like `why? 'cause`), so the caller confirms a finding by closing the openers and
 * parsing again. A closer that does not match its opener is a different slip: none found.
 */

export interface Unclosed {
  offset: number;
  char: string;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

/** The openers never closed, outermost first; empty when there are none (or a closer does not match). */
export function findUnclosed(text: string): Unclosed[] {
  const flow: Unclosed[] = [];
  let i = 0;
  /** The last significant character on this line before `i` ('' at a line start). */
  let prev = '';
  let spaceSincePrev = true;
  let lineIndent = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      i++;
      if (flow.length === 0) {
        prev = '';
        spaceSincePrev = true;
      }
      let indent = 0;
      while (text[i + indent] === ' ') indent++;
      lineIndent = indent;
      continue;
    }
    if (isSpace(c)) {
      spaceSincePrev = true;
      i++;
      continue;
    }
    if (c === '#' && (spaceSincePrev || prev === '')) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    // Where a value may start: a quote or bracket here opens something.
    const valueStart = prev === '' || ((prev === ':' || prev === '-' || prev === '?') && spaceSincePrev) || prev === ',' || prev === '[' || prev === '{';
    if (valueStart && (c === '"' || c === "'")) {
      const start = i;
      i++;
      for (;;) {
        if (i >= text.length) return [...flow, { offset: start, char: c }];
        const q = text[i];
        if (c === '"' && q === '\\') i += 2;
        else if (q === c && c === "'" && text[i + 1] === "'") i += 2;
        else if (q === c) break;
        else i++;
      }
      i++;
      prev = c;
      spaceSincePrev = false;
      continue;
    }
    if ((valueStart || flow.length > 0) && (c === '[' || c === '{')) {
      flow.push({ offset: i, char: c });
    } else if (flow.length > 0 && (c === ']' || c === '}')) {
      const open = flow[flow.length - 1];
      if ((c === ']') !== (open.char === '[')) return [];
      flow.pop();
    } else if (valueStart && flow.length === 0 && (c === '|' || c === '>')) {
      // A block scalar: its lines are text, down to the first line indented no deeper than this one's.
      const parent = lineIndent;
      while (i < text.length) {
        const nl = text.indexOf('\n', i);
        if (nl < 0) return flow;
        i = nl + 1;
        let indent = 0;
        while (text[i + indent] === ' ') indent++;
        const blank = text[i + indent] === '\n' || text[i + indent] === '\r' || i + indent >= text.length;
        if (!blank && indent <= parent) {
          lineIndent = indent;
          break;
        }
      }
      prev = '';
      spaceSincePrev = true;
      continue;
    }
    prev = c;
    spaceSincePrev = false;
    i++;
  }
  return flow;
}

const CLOSER: Readonly<Record<string, string>> = { '"': '"', "'": "'", '[': ']', '{': '}' };

/** Where the content of the line holding `from` ends: before a comment and trailing blanks. */
function contentEnd(text: string, from: number, inQuote: boolean): number {
  let i = from;
  let quote = '';
  let end = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') {
    const c = text[i];
    if (!inQuote && quote === '' && c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
    if (!inQuote) {
      if (quote === '' && (c === '"' || c === "'") && i > from) quote = c;
      else if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = '';
    }
    if (c !== ' ' && c !== '\t') end = i + 1;
    i++;
  }
  return Math.max(end, from + 1);
}

/** Inserts each opener's closer at its point, inner ones before outer ones sharing a point. */
function insertClosers(text: string, openers: readonly Unclosed[], points: readonly number[], offset: number): { text: string; shift: number } {
  let out = text;
  let shift = 0;
  // From the last point back, so earlier positions stay valid; at one point, outer
  // closers go in first, and each inner one lands before them.
  const order = openers.map((_, k) => k).sort((a, b) => points[b] - points[a] || a - b);
  for (const k of order) {
    out = out.slice(0, points[k]) + CLOSER[openers[k].char] + out.slice(points[k]);
    if (points[k] <= offset) shift++;
  }
  return { text: out, shift };
}

/**
 * Ways to close the openers, for the caller to try: each at the end of its own line
 * (before a comment), or all where the value last had content before `stop` (a list
 * written over several lines). Each with how many characters it inserts at or before `stop`.
 */
export function closings(text: string, openers: readonly Unclosed[], stop: number): Array<{ text: string; shift: number }> {
  const own = openers.map((o) => contentEnd(text, o.offset, o.char === '"' || o.char === "'"));
  // The last line before `stop` with content (not blank, not only a comment).
  let lineStart = text.lastIndexOf('\n', Math.max(0, stop - 1));
  let last: number | undefined;
  while (lineStart > 0) {
    const prevStart = text.lastIndexOf('\n', lineStart - 1) + 1;
    const line = text.slice(prevStart, lineStart).replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) {
      last = prevStart;
      break;
    }
    lineStart = prevStart - 1;
  }
  const innermost = openers[openers.length - 1];
  const candidates = [insertClosers(text, openers, own, stop)];
  if (last !== undefined && last > innermost.offset) {
    const point = contentEnd(text, last, false);
    candidates.push(insertClosers(text, openers, openers.map(() => point), stop));
  }
  return candidates;
}

export const closerOf = (char: string): string => CLOSER[char] ?? char;
