import { randomBytes } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';

/** A report that cannot be written where it was asked to go: what is in the way, and why. */
export class OutputFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`cannot write ${file}: ${reason}`);
    this.name = 'OutputFileError';
  }
}

const KINDS: readonly [(s: Stats) => boolean, string][] = [
  [(s) => s.isSymbolicLink(), 'a symbolic link'],
  [(s) => s.isDirectory(), 'a folder'],
  [(s) => s.isCharacterDevice() || s.isBlockDevice(), 'a device'],
  [(s) => s.isFIFO(), 'a named pipe (FIFO)'],
  [(s) => s.isSocket(), 'a socket'],
];

/**
 * Refuses a path where something other than a regular file exists. The rename replaces
 * what is there: a symbolic link would become a file (not the file it points to), a device
 * or FIFO (`/dev/stdout`) a regular file. lstat, so that a link is seen, not followed.
 */
export function requireWritableFilePath(file: string): void {
  let stats: Stats;
  try {
    stats = lstatSync(file);
  } catch {
    return; // nothing there yet: the write creates it, or says why it cannot
  }
  if (stats.isFile()) return;
  const kind = KINDS.find(([is]) => is(stats))?.[1] ?? 'not a regular file';
  throw new OutputFileError(file, `it is ${kind}, and writing would replace it with a regular file; pass the path of a file (new or existing)`);
}

/** Why a file cannot be written, by error code, as `it is a folder`; also used for the runner's own files. */
export const WRITE_PROBLEMS: Readonly<Record<string, string>> = {
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  // mkdir's word for the same: a file holds the name of a folder to create.
  EEXIST: 'a part of the path is a file, not a folder',
  ENOENT: 'a file cannot be created there',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the name is too long',
};

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const what = code && WRITE_PROBLEMS[code] ? `${WRITE_PROBLEMS[code]} (${code})` : (e as Error).message;
  return `${what}; choose a file path in a folder you can write to`;
}

/**
 * Writes beside the target and renames: a reader (a later step, a tool) never sees half a
 * file. The temporary name is unpredictable and created exclusively (`wx`), so a link
 * planted under it is not followed; on any failure it is removed and nothing is left.
 */
export function writeFileAtomically(file: string, text: string): void {
  requireWritableFilePath(file);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const fd = openSync(tmp, 'wx');
    created = true;
    try {
      writeFileSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    if (created) rmSync(tmp, { force: true });
    throw new OutputFileError(file, reasonOf(e));
  }
}

/** The real path a write to `file` lands on, whether or not the file exists yet. */
function realTarget(file: string): string {
  for (const resolve of [() => realpathSync(file), () => path.join(realpathSync(path.dirname(file)), path.basename(file))]) {
    try {
      return resolve();
    } catch {
      // not there yet: try its folder
    }
  }
  return path.resolve(file);
}

/** Refuses to write a report over one of the files it was made from (`--output topology.yml`). */
export function requireNotAnInput(file: string, filesRead: readonly string[]): void {
  const target = realTarget(file);
  if (filesRead.some((f) => realTarget(f) === target)) {
    throw new OutputFileError(file, 'it is one of the files this run read (a topology, plan, policy or .tf file), and the report would replace it; pass another file path');
  }
}
