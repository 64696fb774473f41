import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.js';
import { decodeInput } from '../core/input/decode.js';
import type { PackFiles } from '../core/policy/pack.js';
import { displayPath, readLimited, readWorkspaceFile } from './input-files.js';
import type { Workspace } from './input-files.js';

const BUILTIN = path.join('policies', 'outsystems-11');

/**
 * The built-in pack ships beside the code: `policies/` next to `dist/` in the action's
 * checkout and the npm package, next to `src/` in a clone. Found by walking up from here.
 */
export function builtinPackDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(path.join(dir, BUILTIN, 'pack.yaml'))) return path.join(dir, BUILTIN);
    dir = path.dirname(dir);
  }
  throw new Error(`the built-in policy pack (${BUILTIN}) is missing beside ${fileURLToPath(import.meta.url)}: the installation is incomplete.`);
}

const PACK_FILE_MAX_BYTES = 1024 * 1024;

/**
 * A pack's YAML files. A user's pack comes from the repository, so its files must be
 * files of the workspace (`confine`); the built-in one lives beside the code. `filesRead`
 * collects the absolute paths read, so that a report is never written over one.
 */
function readPackDir(dir: string, display: string, confine: Workspace | undefined, filesRead: string[]): PackFiles {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => {
      const abs = path.join(dir, f);
      const shown = `${display}/${f}`;
      const bytes = confine ? readWorkspaceFile(confine, abs, shown, PACK_FILE_MAX_BYTES) : readLimited(abs, shown, PACK_FILE_MAX_BYTES);
      filesRead.push(abs);
      return { path: shown, text: decodeInput(bytes, shown) };
    });
  return { dir: display, files };
}

/** A pack folder, or a folder of pack folders. */
export function readPacks(ws: Workspace, dirs: readonly string[], builtin: boolean, filesRead: string[] = []): PackFiles[] {
  const packs: PackFiles[] = [];
  if (builtin) {
    const dir = builtinPackDir();
    packs.push(readPackDir(dir, `(built-in)/${path.basename(dir)}`, undefined, filesRead));
  }
  for (const written of dirs) {
    const abs = path.resolve(ws.cwd, written);
    const display = displayPath(ws, abs);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) {
      throw InputError.at({ file: written, line: 1, column: 1 }, `policy pack folder "${written}" does not exist or is not a folder.`);
    }
    if (existsSync(path.join(abs, 'pack.yaml')) || existsSync(path.join(abs, 'pack.yml'))) {
      packs.push(readPackDir(abs, display, ws, filesRead));
      continue;
    }
    const children = readdirSync(abs)
      .sort()
      .filter((c) => existsSync(path.join(abs, c, 'pack.yaml')) || existsSync(path.join(abs, c, 'pack.yml')));
    if (children.length === 0) {
      throw InputError.at({ file: display, line: 1, column: 1 }, `"${written}" is not a policy pack: it holds no pack.yaml, and no sub-folder does. A pack is a folder with pack.yaml and one YAML file per policy.`);
    }
    for (const c of children) packs.push(readPackDir(path.join(abs, c), `${display}/${c}`, ws, filesRead));
  }
  return packs;
}
