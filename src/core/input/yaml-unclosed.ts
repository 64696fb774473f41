/**
 * Finds a quote or flow bracket that a YAML text opens and never closes. js-yaml reports
 * such a slip where it gives up, typically the next line ("deficient indentation"), which
 * sends the reader to a line with nothing wrong on it; the opener is where the fix goes.
 *
 * A light scan, not a parser: it knows comments, quoted scalars ('' and \ escapes), flow
 * brackets and block scalars (| and >), and treats a quote or bracket as an opener only
 * where a value can start (line start, or after `:`, `-`, `?`, `,`, `[`, `{`), so the quote
 * in `it's` or the brackets in `x[1]` are plain text.
 */

export interface Unclosed {
  offset: number;
  char: string;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

export function findUnclosed(text: string): Unclosed | undefined {
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
        if (i >= text.length) return { offset: start, char: c };
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
      if ((c === ']') !== (open.char === '[')) return open;
      flow.pop();
    } else if (valueStart && flow.length === 0 && (c === '|' || c === '>')) {
      // A block scalar: its lines are text, down to the first line indented no deeper than this one's.
      const parent = lineIndent;
      while (i < text.length) {
        const nl = text.indexOf('\n', i);
        if (nl < 0) return undefined;
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
  return flow[flow.length - 1];
}
