import { readFileSync, readdir, realpath, realpathSync, stat, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { InputError } from '../core/errors.js';
import { cannotRead, isMissing, readReason, readRemedy } from './read-problems.js';

/**
 * Reading what the user names: glob patterns (several, one per line or repeated flags),
 * files with a size limit, and paths written inside inputs, which must stay inside the
 * workspace. Reported paths are relative to the workspace with forward slashes, so they
 * match the repository paths GitHub annotates.
 */

/**
 * Nothing to read: no input named, or a named file or pattern that finds nothing. Not a
 * problem inside a file, so it carries no line; the CLI exits 2 and the action fails.
 */
export class MissingInputError extends Error {}

export interface Workspace {
  /** The repository root: reported paths are relative to it; paths inside inputs may not leave it (or `boundary`). */
  root: string;
  /** Where relative patterns start (the action's working-directory). */
  cwd: string;
  /** The folder inputs may not leave, where it holds the repository (a runner's workspace above a checkout's `path:`); `root` when absent. */
  boundary?: string;
}

const boundaryOf = (ws: Workspace) => ws.boundary ?? ws.root;

export function displayPath(ws: Workspace, absolute: string): string {
  const rel = path.relative(ws.root, absolute);
  return (rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? absolute : rel).split(path.sep).join('/');
}

/** One pattern per line or comma-free entry; blank lines and `#` comments are ignored (action inputs). */
export function splitPatterns(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(/\r?\n/)).map((v) => v.trim()).filter((v) => v !== '' && !v.startsWith('#'));
}

export const isGlob = (p: string) => /[*?[\]{}]/.test(p);

/** The folder a pattern starts from: `packs/*` -> `packs`, `*.yml` -> `.`. */
export function globParent(pattern: string): string {
  const parts = pattern.split('/');
  const fixed = parts.slice(0, parts.findIndex(isGlob));
  return fixed.join('/') || '.';
}

/**
 * Expands patterns to files, in a stable order, each file once. A literal path that does
 * not exist, or a pattern that matches nothing, is an error naming it: a gate that
 * silently checks nothing would pass every PR.
 */
export async function expandPatterns(ws: Workspace, patterns: readonly string[], what: string): Promise<string[]> {
  const found = new Set<string>();
  const problems: string[] = [];
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    if (!isGlob(pattern)) {
      const abs = path.resolve(ws.cwd, pattern);
      let st: ReturnType<typeof statSync>;
      try {
        st = statSync(abs);
      } catch (e) {
        // Not there, or there but out of reach: "does not exist" would send the user looking for a file they can see.
        problems.push(isMissing(e, abs) ? `${what} "${pattern}" does not exist (looked in ${abs}).` : `${what} "${pattern}" cannot be read (${abs}): ${readReason(e, abs)}. ${readRemedy(e, abs)}`);
        continue;
      }
      if (st.isDirectory()) problems.push(`${what} "${pattern}" is a folder (${abs}), not a file: name the files, or a pattern such as "${path.posix.join(pattern.replace(/\\/g, '/'), what === 'plan' ? '*.json' : '*.yml').replace(/^\.\//, '')}".`);
      else if (!st.isFile()) problems.push(`${what} "${pattern}" is not a regular file (${abs}).`);
      else found.add(abs);
      continue;
    }
    const negated = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    const unreadable: { folder: string; error: unknown }[] = [];
    const matches = await glob(pattern, { cwd: ws.cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**', ...negated], expandDirectories: false, fs: noticingFs(unreadable) });
    // The walk skips a folder it cannot list, and with it every file the pattern would have found there.
    for (const { folder, error } of unreadable) {
      const rel = path.relative(ws.cwd, folder).split(path.sep).join('/') || '.';
      problems.push(`${what} pattern "${pattern}" cannot look in the folder "${rel}" (${path.resolve(folder)}): ${readReason(error, folder)}. ${readRemedy(error, folder)} Or leave the folder out of the pattern with "!${rel}/**".`);
    }
    if (matches.length === 0 && unreadable.length === 0) problems.push(`${what} pattern "${pattern}" matches no file (from ${ws.cwd}).`);
    for (const m of matches) found.add(path.resolve(m));
  }
  // Exclusions alone select nothing: checking nothing would pass every pull request.
  if (patterns.length > 0 && patterns.every((p) => p.startsWith('!'))) {
    problems.push(`the ${what} patterns only exclude files (${patterns.join(', ')}): name the files to check too, e.g. "infra/*.yml" before "!infra/draft.yml".`);
  }
  if (problems.length > 0) {
    throw new MissingInputError(problems.join(' '));
  }
  return [...found].sort();
}

type Callback<T> = (error: NodeJS.ErrnoException | null, value: T) => void;

/**
 * The file system as the glob walk sees it, so that nothing unreadable is skipped in
 * silence (the walk drops what it cannot read). A folder it cannot list is recorded; a
 * link it cannot follow (a loop, no permission) is handed on as a file, so that the
 * pattern decides whether it was meant, and reading it then says why it cannot be read.
 * A link to nothing stays skipped: the pattern matches what exists.
 */
function noticingFs(unreadable: { folder: string; error: unknown }[]) {
  const unreachable = (error: NodeJS.ErrnoException | null): error is NodeJS.ErrnoException => error !== null && !isMissing(error);
  const asFile = { isDirectory: () => false, isFile: () => true } as Stats;
  return {
    readdir: ((folder: string, options: object, callback: Callback<unknown>) =>
      readdir(folder, options as never, (error: NodeJS.ErrnoException | null, entries: unknown) => {
        if (unreachable(error)) unreadable.push({ folder, error });
        callback(error, entries);
      })) as unknown as typeof readdir,
    realpath: ((link: string, callback: Callback<string>) => realpath(link, (error, resolved) => (unreachable(error) ? callback(null, link) : callback(error, resolved)))) as typeof realpath,
    stat: ((file: string, callback: Callback<Stats>) => stat(file, (error, stats) => (unreachable(error) ? callback(null, asFile) : callback(error, stats)))) as typeof stat,
  };
}

export function readLimited(abs: string, display: string, maxBytes: number): Buffer {
  let size: number;
  try {
    size = statSync(abs).size;
  } catch (e) {
    throw InputError.at({ file: display, line: 1, column: 1 }, cannotRead(e, 'the file', abs));
  }
  if (size > maxBytes) {
    throw InputError.at({ file: display, line: 1, column: 1 }, `the file is ${(size / 1048576).toFixed(1)} MiB, over the ${(maxBytes / 1048576).toFixed(0)} MiB limit for this kind of input. Is it the right file?`);
  }
  try {
    return readFileSync(abs);
  } catch (e) {
    throw InputError.at({ file: display, line: 1, column: 1 }, cannotRead(e, 'the file', abs));
  }
}

/**
 * A path written inside an input (a topology's `terraform.plans`), resolved against the
 * file that names it and refused when it leaves the workspace, symbolic links included.
 */
export function resolveInsideWorkspace(ws: Workspace, fromFile: string, written: string): { ok: true; absolute: string } | { ok: false; reason: string } {
  const abs = path.resolve(path.dirname(fromFile), written);
  if (!isInsideWorkspace(ws, realpathOrSelf(abs))) return { ok: false, reason: `"${written}" resolves outside the workspace (${boundaryOf(ws)}); paths in inputs must stay inside the repository.` };
  return { ok: true, absolute: abs };
}

const isInside = (root: string, p: string) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

function isInsideWorkspace(ws: Workspace, real: string): boolean {
  return isInside(realpathOrSelf(boundaryOf(ws)), real);
}

/**
 * Reads a file of the workspace. A glob or a pack folder follows symbolic links, and a
 * link in a pull request can point anywhere (`/etc/passwd`, a runner's credentials): a
 * path inside the workspace must really be inside it, and a file must be a regular file
 * (a FIFO or device would block or never end). Refused before reading, so no error quotes
 * its content. A path the user names outside the workspace (`--topology ../x.yml`) is
 * read as named.
 */
export function readWorkspaceFile(ws: Workspace, abs: string, display: string, maxBytes: number): Buffer {
  const at = { file: display, line: 1, column: 1 };
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (e) {
    throw InputError.at(at, cannotRead(e, 'the file', abs));
  }
  // Named inside the workspace (as written, or through a root that is itself a link) but really outside: a link leads out.
  const named = path.resolve(abs);
  if ((isInside(path.resolve(boundaryOf(ws)), named) || isInsideWorkspace(ws, named)) && !isInsideWorkspace(ws, real)) {
    throw InputError.at(at, `the file resolves to ${real}, outside the workspace (${boundaryOf(ws)}); inputs must be files of the repository, and a symbolic link may not lead out of it. Copy the file into the repository, or leave it out.`);
  }
  let isFile: boolean;
  try {
    isFile = statSync(real).isFile();
  } catch (e) {
    throw InputError.at(at, cannotRead(e, 'the file', abs));
  }
  if (!isFile) throw InputError.at(at, 'this is not a regular file (a folder, device, FIFO or socket); name the file to read instead.');
  return readLimited(abs, display, maxBytes);
}

/** Whether a path named inside the workspace really lies outside it (a symbolic link leads out): such a path is never read. */
export function leadsOutOfWorkspace(ws: Workspace, abs: string): boolean {
  const named = path.resolve(abs);
  return (isInside(path.resolve(boundaryOf(ws)), named) || isInsideWorkspace(ws, named)) && !isInsideWorkspace(ws, realpathOrSelf(abs));
}

function realpathOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
