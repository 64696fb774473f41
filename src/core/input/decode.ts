import { InputError } from '../errors.js';
import type { SourceLocation } from '../model.js';

/**
 * Bytes to text for every input: UTF-8 with or without a byte-order mark, and UTF-16
 * with a mark (Windows PowerShell writes `terraform show -json > plan.json` that way).
 * Binary files are refused with a message saying what they look like.
 */
export function decodeInput(bytes: Uint8Array, file: string): string {
  const utf8 = utf8Bytes(bytes, file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(utf8);
  } catch {
    throw notUtf8(utf8, file);
  }
}

/** The error for bytes that are not UTF-8, placed at the first bad one. */
export function notUtf8(bytes: Uint8Array, file: string): InputError {
  return InputError.at(firstInvalidUtf8(bytes, file), 'this file is not valid UTF-8 text: the character here is in another encoding (Latin-1 or Windows-1252?). Save the file as UTF-8 (or UTF-16 with a byte-order mark).');
}

/**
 * Where the first byte sequence that is not UTF-8 starts, as the line and column a
 * LineIndex gives (columns in UTF-16 units; LF, CRLF and a lone CR end a line). One pass
 * over the bytes by the well-formed sequences of Unicode's table 3-7, so that a plan of
 * hundreds of MiB is never decoded again to say where it goes wrong.
 */
function firstInvalidUtf8(bytes: Uint8Array, file: string): SourceLocation {
  let line = 1;
  let column = 1;
  let i = 0;
  const continuation = (at: number, lo = 0x80, hi = 0xbf) => at < bytes.length && bytes[at] >= lo && bytes[at] <= hi;
  while (i < bytes.length) {
    const b = bytes[i];
    let size = 0;
    if (b < 0x80) size = 1;
    else if (b >= 0xc2 && b <= 0xdf) size = continuation(i + 1) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) size = continuation(i + 1, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf) && continuation(i + 2) ? 3 : 0;
    else if (b >= 0xf0 && b <= 0xf4) size = continuation(i + 1, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
    if (size === 0) break;
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      column = 1;
    } else {
      column += size === 4 ? 2 : 1;
    }
    i += size;
  }
  return { file, line, column };
}

/**
 * The input as UTF-8 bytes without a byte-order mark, for readers that work on bytes
 * (large plans): UTF-16 is converted, binary files are refused as in decodeInput. The
 * UTF-8 itself is checked by whoever decodes it.
 */
export function utf8Bytes(bytes: Uint8Array, file: string): Uint8Array {
  // UTF-32 first: its little-endian mark starts like UTF-16's.
  if (bytes.length >= 4 && ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff))) {
    throw InputError.at({ file, line: 1, column: 1 }, 'this file is UTF-32 text. Save it as UTF-8 (or UTF-16 with a byte-order mark).');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextEncoder().encode(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextEncoder().encode(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  const kind = binaryKind(bytes);
  if (kind === UTF16_WITHOUT_MARK) throw InputError.at({ file, line: 1, column: 1 }, 'this file is UTF-16 text without a byte-order mark. Save it as UTF-8 (or UTF-16 with a byte-order mark).');
  if (kind) throw InputError.at({ file, line: 1, column: 1 }, `this is a binary file (${kind}), not text. ${kind.startsWith('zip') ? 'A saved Terraform plan file is a zip archive: convert it with `terraform show -json plan.out > plan.json`.' : 'Pass a YAML topology or a JSON plan from `terraform show -json`.'}`);
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

const UTF16_WITHOUT_MARK = 'UTF-16 without a byte-order mark';

function binaryKind(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 8);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip archive';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip archive';
  if (head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) return 'ELF executable';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'PNG image';
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return 'PDF document';
  // A NUL byte in the first 8 KiB of a file without a UTF-16 mark: not text we can read.
  const probe = bytes.subarray(0, 8192);
  for (let i = 0; i < probe.length; i++) if (probe[i] === 0) return looksLikeUtf16(probe) ? UTF16_WITHOUT_MARK : 'contains NUL bytes';
  return undefined;
}

/** ASCII text in UTF-16 has a NUL in every other byte, and only there. */
function looksLikeUtf16(probe: Uint8Array): boolean {
  const pairs = probe.length >> 1;
  if (pairs < 4) return false;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i + 1 < probe.length; i += 2) {
    if (probe[i] === 0) zeroEven++;
    if (probe[i + 1] === 0) zeroOdd++;
  }
  const mostly = (n: number) => n >= pairs * 0.9;
  const rarely = (n: number) => n <= pairs * 0.1;
  return (mostly(zeroOdd) && rarely(zeroEven)) || (mostly(zeroEven) && rarely(zeroOdd));
}

/** Removes a byte-order mark left in already-decoded text. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
