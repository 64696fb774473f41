import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Workspace } from '../io/input-files.js';
import { ActionInputError } from './action-inputs.js';
import type { ActionInputs } from './action-inputs.js';
import type { RunContext } from './run-context.js';

/**
 * The checkout as the action sees it: the repository root (reported paths are relative to
 * it, which makes them the repository paths annotations and links need), the working
 * directory patterns start from, and the files the action writes. The root is the workspace,
 * unless the workspace is no repository and the repository was checked out below it
 * (`actions/checkout` with `path:`): then the folder holding `.git` above the working directory.
 */

export function resolveWorkspace(inputs: ActionInputs, run: RunContext): Workspace {
  const workspace = run.workspace;
  const cwd = path.resolve(workspace, inputs.workingDirectory);
  const rel = path.relative(workspace, cwd);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new ActionInputError([`working-directory: "${inputs.workingDirectory}" is outside the workspace (${workspace}); reported paths must be repository paths.`]);
  }
  const root = repositoryRoot(workspace, cwd);
  let isDir = false;
  try {
    isDir = statSync(cwd).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new ActionInputError([`working-directory: "${inputs.workingDirectory}" is not a folder in the workspace (${cwd}). Did the job check out the repository (actions/checkout)?`]);
  return root === workspace ? { root, cwd } : { root, cwd, boundary: workspace };
}

/** The workspace when it is a repository (a submodule below it is part of it); else the nearest folder with `.git` from `cwd` up to it. */
function repositoryRoot(workspace: string, cwd: string): string {
  if (existsSync(path.join(workspace, '.git'))) return workspace;
  for (let dir = cwd; dir !== workspace && dir.startsWith(workspace); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
  }
  return workspace;
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
