import { escapeCharacter, safeLogLine, showInvisible } from '../core/report/escape.js';

/**
 * What the CLI prints on stderr quotes inputs (names, keys, values, file names), and a CI
 * log reads stderr too: a name holding a line break and `::error ...` would start a
 * workflow command, an ESC a terminal sequence, a U+202E reorder what the reader sees, a
 * U+200B hide in a key.
 */

// C0 and C1 controls and DEL; the invisible and format characters are showInvisible's.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Each such character as a visible escape (`\n`, `\u001b`, `\u200b`), so the reader sees what the input holds. */
export function visibleEscapes(text: string): string {
  return showInvisible(text).replace(CONTROLS, (c) => NAMED[c] ?? escapeCharacter(c));
}

/** One line for stderr: nothing unshowable, and never a workflow command. */
export function safeStderrLine(text: string): string {
  return safeLogLine(visibleEscapes(text));
}

/** Several lines, each made safe on its own; a line break inside one is shown, not obeyed. */
export function safeStderrLines(lines: readonly string[]): string {
  return `${lines.map(safeStderrLine).join('\n')}\n`;
}
