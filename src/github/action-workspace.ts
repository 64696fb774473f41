import { statSync } from 'node:fs';
import path from 'node:path';
import type { Workspace } from '../io/input-files.js';
import { ActionInputError } from './action-inputs.js';
import type { ActionInputs } from './action-inputs.js';
import type { RunContext } from './run-context.js';

/**
 * The checkout as the action sees it: the workspace root (reported paths are relative to
 * it, which makes them the repository paths annotations need), the working directory
 * patterns start from, and the files the action writes.
 */

export function resolveWorkspace(inputs: ActionInputs, run: RunContext): Workspace {
  const root = run.workspace;
  const cwd = path.resolve(root, inputs.workingDirectory);
  const rel = path.relative(root, cwd);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new ActionInputError([`working-directory: "${inputs.workingDirectory}" is outside the workspace (${root}); reported paths must be repository paths.`]);
  }
  let isDir = false;
  try {
    isDir = statSync(cwd).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new ActionInputError([`working-directory: "${inputs.workingDirectory}" is not a folder in the workspace (${cwd}). Did the job check out the repository (actions/checkout)?`]);
  return { root, cwd };
}

/** Whether a reported path is a file in the checkout, so an annotation or a link can point at it. */
export function isRepoFile(ws: Workspace, file: string): boolean {
  if (file === '' || /^[(\-/\\]/.test(file) || /^[A-Za-z]:/.test(file) || file.split('/').includes('..')) return false;
  try {
    return statSync(path.join(ws.root, file)).isFile();
  } catch {
    return false;
  }
}

export { writeFileAtomically } from '../io/write-atomically.js';
