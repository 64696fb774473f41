/**
 * A small JSON scanner for the paths JSON.parse cannot serve: where exactly a syntax
 * error is (JSON.parse's messages differ between Node versions and give no line), where
 * the first value ends when data trails it, and where the value at a path starts, so an
 * error about a plan's content can point at a line. Iterative: nesting depth costs heap,
 * never stack. Used on error paths only; the happy path is JSON.parse.
 */

export type JsonPath = ReadonlyArray<string | number>;

export type JsonScan =
  | { ok: true; /** Offset just after the first complete value. */ end: number; /** Offset of the value at the requested path, when found. */ found?: number }
  | { ok: false; offset: number; message: string };

interface Frame {
  kind: 'object' | 'array';
  /** The key or index of the value being read in this container. */
  at: string | number;
  /** What the scanner expects next inside this container. */
  expect: 'first' | 'key' | 'colon' | 'value' | 'comma';
}

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'the end of the file';
  const ch = text.codePointAt(i) ?? 0;
  if (ch < 0x20) return `a control character (U+${ch.toString(16).padStart(4, '0').toUpperCase()})`;
  return `"${String.fromCodePoint(ch)}"`;
}

/** Reads a string starting at the quote at `i`; returns its end (after the closing quote) or an error. */
function scanString(text: string, i: number): { end: number; value: string } | { offset: number; message: string } {
  let j = i + 1;
  let simple = true;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x22) {
      const raw = text.slice(i, j + 1);
      return { end: j + 1, value: simple ? raw.slice(1, -1) : (JSON.parse(raw) as string) };
    }
    if (c === 0x5c) {
      simple = false;
      const e = text[j + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return { offset: j, message: 'invalid \\u escape in a string: write four hex digits' };
        j += 6;
        continue;
      }
      if (e === undefined || !'"\\/bfnrt'.includes(e)) return { offset: j, message: `invalid escape \\${e ?? ''} in a string` };
      j += 2;
      continue;
    }
    if (c < 0x20) return { offset: j, message: 'a string contains a raw line break or control character; strings end on the line they start' };
    j++;
  }
  return { offset: i, message: 'a string starts here and is never closed (the file may be truncated)' };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Scans the first JSON value of `text` from `start`. With `path`, also reports the offset
 * where the value at that path begins.
 */
export function scanJson(text: string, start = 0, path?: JsonPath): JsonScan {
  const stack: Frame[] = [];
  let found: number | undefined;
  let i = start;
  const skipWs = () => {
    while (i < text.length && isWs(text.charCodeAt(i))) i++;
  };
  const atPath = (): boolean => {
    if (!path || found !== undefined || stack.length !== path.length) return false;
    for (let k = 0; k < stack.length; k++) if (stack[k].at !== path[k]) return false;
    return true;
  };
  const fail = (offset: number, message: string): JsonScan => ({ ok: false, offset, message });

  for (;;) {
    skipWs();
    const top = stack[stack.length - 1];
    // Inside a container: punctuation first.
    if (top && top.expect !== 'value' && top.expect !== 'first') {
      const c = text[i];
      if (top.expect === 'colon') {
        if (c !== ':') return fail(i, `expected ":" after the property name, found ${describeChar(text, i)}`);
        i++;
        top.expect = 'value';
        continue;
      }
      if (top.expect === 'comma') {
        if (c === ',') {
          i++;
          if (top.kind === 'array') {
            top.at = (top.at as number) + 1;
            top.expect = 'value';
          } else {
            top.expect = 'key';
          }
          continue;
        }
        if ((c === '}' && top.kind === 'object') || (c === ']' && top.kind === 'array')) {
          i++;
          stack.pop();
          if (stack.length === 0) return { ok: true, end: i, found };
          continue;
        }
        if (i >= text.length) return fail(i, 'the JSON ends before it is complete: the file is truncated or a bracket is never closed');
        return fail(i, `expected "," or "${top.kind === 'object' ? '}' : ']'}", found ${describeChar(text, i)}`);
      }
      // expect key
      if (c !== '"') {
        if (c === '}' ) return fail(i, 'a "," is followed by "}": remove the trailing comma');
        if (i >= text.length) return fail(i, 'the JSON ends before it is complete: the file is truncated or a bracket is never closed');
        return fail(i, `expected a property name in double quotes, found ${describeChar(text, i)}`);
      }
      const s = scanString(text, i);
      if (!('end' in s)) return fail(s.offset, s.message);
      top.at = s.value;
      i = s.end;
      top.expect = 'colon';
      continue;
    }
    if (top && top.expect === 'first') {
      const c = text[i];
      if ((c === '}' && top.kind === 'object') || (c === ']' && top.kind === 'array')) {
        i++;
        stack.pop();
        if (stack.length === 0) return { ok: true, end: i, found };
        stack[stack.length - 1].expect = 'comma';
        continue;
      }
      if (top.kind === 'object') {
        top.expect = 'key';
        continue;
      }
      top.expect = 'value';
    }
    // A value.
    if (atPath()) found = i;
    const c = text[i];
    if (c === '{' || c === '[') {
      if (top) top.expect = 'comma';
      stack.push({ kind: c === '{' ? 'object' : 'array', at: 0, expect: 'first' });
      i++;
      continue;
    }
    if (c === '"') {
      const s = scanString(text, i);
      if (!('end' in s)) return fail(s.offset, s.message);
      i = s.end;
    } else if (text.startsWith('true', i)) i += 4;
    else if (text.startsWith('false', i)) i += 5;
    else if (text.startsWith('null', i)) i += 4;
    else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m || m[0] === '-' ) {
        if (i >= text.length) return fail(i, 'the JSON ends before it is complete: the file is truncated or a value is missing');
        if (top?.kind === 'array' && c === ']') return fail(i, 'a "," is followed by "]": remove the trailing comma');
        return fail(i, `expected a value (a string, number, object, array, true, false or null), found ${describeChar(text, i)}`);
      }
      i += m[0].length;
    }
    if (!top) return { ok: true, end: i, found };
    top.expect = 'comma';
  }
}

/** Where the value at `path` starts in a JSON text, or undefined when the path is absent. */
export function offsetOfPath(text: string, path: JsonPath): number | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const r = scanJson(text, start, path);
  return r.ok ? r.found : undefined;
}
