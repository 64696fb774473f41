import { InputError } from '../errors.js';

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
    throw InputError.at({ file, line: 1, column: 1 }, 'this file is not valid UTF-8 text. Save it as UTF-8 (or UTF-16 with a byte-order mark).');
  }
}

/**
 * The input as UTF-8 bytes without a byte-order mark, for readers that work on bytes
 * (large plans): UTF-16 is converted, binary files are refused as in decodeInput. The
 * UTF-8 itself is checked by whoever decodes it.
 */
export function utf8Bytes(bytes: Uint8Array, file: string): Uint8Array {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextEncoder().encode(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextEncoder().encode(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  const kind = binaryKind(bytes);
  if (kind) throw InputError.at({ file, line: 1, column: 1 }, `this is a binary file (${kind}), not text. ${kind.startsWith('zip') ? 'A saved Terraform plan file is a zip archive: convert it with `terraform show -json plan.out > plan.json`.' : 'Pass a YAML topology or a JSON plan from `terraform show -json`.'}`);
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

function binaryKind(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 8);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip archive';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip archive';
  if (head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) return 'ELF executable';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'PNG image';
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return 'PDF document';
  // A NUL byte in the first 8 KiB of a file without a UTF-16 mark: not text we can read.
  const probe = bytes.subarray(0, 8192);
  for (let i = 0; i < probe.length; i++) if (probe[i] === 0) return 'contains NUL bytes';
  return undefined;
}

/** Removes a byte-order mark left in already-decoded text. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
