import { safeLogLine } from '../core/report/escape.js';

/**
 * What the CLI prints on stderr quotes inputs (names, keys, values, file names), and a CI
 * log reads stderr too: a name holding a line break and `::error ...` would start a
 * workflow command, an ESC a terminal sequence, a U+202E reorder what the reader sees.
 */

// C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional marks,
// embeddings, overrides and isolates ("Trojan Source").
// eslint-disable-next-line no-control-regex
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Each such character as a visible escape (`\n`, `\u001b`), so the reader sees what the input holds. */
export function visibleEscapes(text: string): string {
  return text.replace(UNSHOWABLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line for stderr: nothing unshowable, and never a workflow command. */
export function safeStderrLine(text: string): string {
  return safeLogLine(visibleEscapes(text));
}

/** Several lines, each made safe on its own; a line break inside one is shown, not obeyed. */
export function safeStderrLines(lines: readonly string[]): string {
  return `${lines.map(safeStderrLine).join('\n')}\n`;
}
