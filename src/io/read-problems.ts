import { lstatSync } from 'node:fs';

/**
 * Why a file or folder cannot be read, in the user's words, and what to do: the reading
 * side of WRITE_PROBLEMS. A raw `ELOOP: too many symbolic links encountered, stat '…'`
 * names neither the fix nor, once the path is shown as the location, anything new.
 */

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a symbolic link loop',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENOENT: 'it does not exist',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'an input/output error of the disk',
};

const errorCode = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code ?? '';

function isDanglingLink(e: unknown, path: string | undefined): boolean {
  if (errorCode(e) !== 'ENOENT' || path === undefined) return false;
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** `permission denied (EACCES)`; an unknown error as its own message. */
export function readReason(e: unknown, path?: string): string {
  const code = errorCode(e);
  // A name that is there but leads nowhere is a link to a missing target, not a missing file.
  if (isDanglingLink(e, path)) return 'a symbolic link to a missing file or folder (ENOENT)';
  return REASONS[code] ? `${REASONS[code]} (${code})` : (e as Error).message;
}

/** What to do about a read error, as a sentence. */
export function readRemedy(e: unknown, path?: string): string {
  if (isDanglingLink(e, path)) return 'Point the link at a file or folder that exists, or remove it.';
  switch (errorCode(e)) {
    case 'EACCES':
    case 'EPERM':
      return 'Make it readable by the user running topogate (chmod a+r for a file, a+rx for a folder and the folders above it).';
    case 'ELOOP':
      return 'A symbolic link on the way points back to itself through other links: point it at a real file or folder, or remove it.';
    case 'ENOTDIR':
      return 'Check the path: a name in it that should be a folder is a file.';
    case 'EMFILE':
    case 'ENFILE':
      return 'Raise the limit of open files (ulimit -n), or run again.';
    default:
      return 'Check the path.';
  }
}

/** `cannot read the folder: permission denied (EACCES). Make it readable …`; `subject` names what was read. */
export function cannotRead(e: unknown, subject: string, path?: string): string {
  return `cannot read ${subject}: ${readReason(e, path)}. ${readRemedy(e, path)}`;
}

/** Whether an error says nothing is there (not a link to nothing, not something unreadable). */
export const isMissing = (e: unknown, path?: string) => errorCode(e) === 'ENOENT' && !isDanglingLink(e, path);
