/**
 * Names and values from inputs are data, never markup. These make them inert in the
 * places topogate writes: markdown (PR comment, job summary), plain log lines, and
 * workflow-command payloads.
 */

const ZWSP = '\u200b';

/**
 * Characters that show as nothing, or change how the text around them shows: format
 * characters (Cf: zero-width spaces and joiners, U+FEFF, the word joiner, the soft hyphen,
 * the bidirectional marks, embeddings, overrides and isolates, tag characters), the
 * blank fillers and invisible combining marks, and the line and paragraph separators.
 */
const INVISIBLE = /\p{Cf}|[\u115f\u1160\u180e\u2028\u2029\u3164\uffa0]|\u034f|\u17b4|\u17b5|\u180b|\u180c|\u180d|\u180f/gu;

/** A character as a visible escape: `\u200b`, `\u{e0041}`. */
export function escapeCharacter(c: string): string {
  const code = c.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Invisible characters in echoed input as visible escapes, so that `unknown key
 * "servers\u200b"` shows why "servers" is unknown rather than reading like a contradiction.
 */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, escapeCharacter);
}

/**
 * Control characters and line breaks become spaces: one finding, one line. So do the
 * bidirectional marks, embeddings, overrides and isolates, which would make a name read
 * differently from what it is ("Trojan Source").
 */
export function singleLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ');
}

/**
 * Markdown-inert text: every character markdown or HTML acts on is backslash-escaped
 * (links and images need `[`, HTML needs `<` and `&`, tables `|`, math `$`), and a
 * zero-width space breaks the autolinks (`http://`, `www.`, e-mail) and @mentions that
 * GitHub finds in plain text.
 */
export function escapeMarkdown(text: string): string {
  return singleLine(text)
    .replace(/[\\`*_[\]<>&|~$]/g, (c) => `\\${c}`)
    .replace(/@/g, `@${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`)
    // Issue and pull request references (#12, owner/repo#12, GH-12) and commit hashes.
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/\b(GH-)(?=\d)/gi, `$1${ZWSP}`)
    .replace(/\b[0-9a-f]{7,40}\b/gi, (h) => (/\d/.test(h) && /[a-f]/i.test(h) ? `${h.slice(0, 6)}${ZWSP}${h.slice(6)}` : h));
}

/** Markdown text inside an inline code span stays literal; this picks a fence longer than any backtick run. */
export function codeSpan(text: string): string {
  const clean = singleLine(text);
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/**
 * A log line that cannot be read as a workflow command. The runner takes a line as a
 * command when it starts with `::` after trimming leading whitespace, and (the legacy
 * form) when `##[command]` appears anywhere in it; both include `set-output`,
 * `add-mask` and `stop-commands`. A zero-width space is not whitespace to the runner,
 * so one in front of the `::`, and one inside every `##[`, leaves the text as read.
 */
export function safeLogLine(text: string): string {
  const line = singleLine(text).replace(/##\[/g, `#${ZWSP}#[`);
  return line.trimStart().startsWith('::') ? `${ZWSP}${line}` : line;
}
