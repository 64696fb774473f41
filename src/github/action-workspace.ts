import { existsSync, readdirSync, statSync } from 'node:fs';
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

/**
 * The workspace when it is a repository (a submodule below it is part of it); else the
 * nearest folder with `.git` from `cwd` up to it; else, with `cwd` the workspace itself
 * (no `working-directory`), the one folder of the workspace holding `.git`: the repository
 * `actions/checkout` put there with `path:`. Several such folders: none is the answer.
 */
function repositoryRoot(workspace: string, cwd: string): string {
  if (existsSync(path.join(workspace, '.git'))) return workspace;
  for (let dir = cwd; dir !== workspace && dir.startsWith(workspace); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
  }
  if (cwd !== workspace) return workspace;
  let checkouts: string[] = [];
  try {
    checkouts = readdirSync(workspace, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(workspace, d.name, '.git')))
      .map((d) => path.join(workspace, d.name));
  } catch {
    // An unreadable workspace: the check reports the files it cannot read.
  }
  return checkouts.length === 1 ? checkouts[0] : workspace;
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
