import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.js';
import { parseYaml } from '../core/input/located-yaml.js';
import { decodeInput } from '../core/input/decode.js';
import type { PackFiles } from '../core/policy/pack.js';
import { displayPath, globParent, isGlob, leadsOutOfWorkspace, readLimited, readWorkspaceFile } from './input-files.js';
import { cannotRead, isMissing } from './read-problems.js';
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

/** What a pack reads: NAME.yaml and NAME.yml, not hidden. */
const isYaml = (name: string) => /\.ya?ml$/i.test(name) && !name.startsWith('.');
/** Folders never looked into for stray policies: version control and installed packages, large and never ours. */
const NOT_LOOKED_INTO = new Set(['.git', '.hg', '.svn', 'node_modules']);
const lookedInto = (entry: Dirent) => entry.isDirectory() && !NOT_LOOKED_INTO.has(entry.name);
const at = (file: string) => ({ file, line: 1, column: 1 });

/*
 * Every folder and entry below is read through these two: a folder without permission or a
 * symbolic link loop is bad input, named with what to do, never an internal error, and never
 * read as "no pack here" (a pack skipped in silence would drop its policies from the gate).
 */

/** A folder's entries, in name order, or a located error saying why they cannot be listed. */
function listFolder(abs: string, display: string): Dirent[] {
  try {
    return readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    throw InputError.at(at(display), cannotRead(e, 'the folder', abs));
  }
}

/**
 * What a path is, links followed: undefined when nothing is there, an error at `where`
 * when something is but cannot be reached (a loop, a link to nothing, no permission).
 */
function kindOf(abs: string, where: string, shown: string): 'file' | 'folder' | 'other' | undefined {
  try {
    const st = statSync(abs);
    return st.isDirectory() ? 'folder' : st.isFile() ? 'file' : 'other';
  } catch (e) {
    if (isMissing(e, abs)) return undefined;
    throw InputError.at(at(where), cannotRead(e, `"${shown}"`, abs));
  }
}

const isPack = (dir: string, display: string) => ['pack.yaml', 'pack.yml'].some((f) => kindOf(path.join(dir, f), display, `${display}/${f}`) !== undefined);

/**
 * A pack's YAML files. A user's pack comes from the repository, so its files must be
 * files of the workspace (`confine`); the built-in one lives beside the code. `filesRead`
 * collects the absolute paths read, so that a report is never written over one.
 */
function readPackDir(dir: string, display: string, confine: Workspace | undefined, filesRead: string[]): PackFiles {
  const files = listFolder(dir, display)
    .map((e) => e.name)
    .filter(isYaml)
    .map((f) => {
      const abs = path.join(dir, f);
      const shown = `${display}/${f}`;
      const bytes = confine ? readWorkspaceFile(confine, abs, shown, PACK_FILE_MAX_BYTES) : readLimited(abs, shown, PACK_FILE_MAX_BYTES);
      filesRead.push(abs);
      return { path: shown, text: decodeInput(bytes, shown) };
    });
  return { dir: display, files };
}


/**
 * Whether a file looks like a policy (top-level `id` and `check`): what a pack would run if
 * it were read, whatever its name (`.ACME-1.yaml`, `ACME-1`, `ACME-1.json`). Other files
 * beside a pack (test fixtures, lint settings, package.json, README.md, .DS_Store) are none
 * of topogate's business. A link leading out is not followed to look.
 */
function looksLikePolicy(ws: Workspace, file: string): boolean {
  const text = head(ws, file);
  if (text === undefined || text.includes('\0')) return false;
  // Parsed, so that JSON, flow mappings and quoted keys count as well as block style.
  try {
    const value = parseYaml(text, file).value;
    return value !== null && typeof value === 'object' && !Array.isArray(value) && 'id' in value && 'check' in value;
  } catch {
    // Not YAML as a whole (or cut at 64 KiB): for a name that says YAML, JSON or nothing,
    // its top-level keys as written decide. A README.md quoting a policy is not one.
    const name = path.basename(file).replace(/^\.+/, '');
    return (/\.(ya?ml|json)$/i.test(name) || !name.includes('.')) && /^["']?id["']?\s*:/m.test(text) && /^["']?check["']?\s*:/m.test(text);
  }
}

/** The first 64 KiB of a workspace file, or undefined for a link leading out; unreadable, it may be a policy, so an error. */
function head(ws: Workspace, file: string): string | undefined {
  if (leadsOutOfWorkspace(ws, file)) return undefined;
  let text: string;
  try {
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(65536);
      text = buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw InputError.at(at(displayPath(ws, file)), `${cannotRead(e, 'the file', file)} It sits among policy files, so topogate must see whether it is one.`);
  }
  return text;
}

/**
 * Policy-like files under `dir`'s sub-folders (up to eight levels down, hidden ones
 * included), as paths relative to `dir`. A sub-folder that cannot be read is an error: it
 * may hold policies.
 */
function policiesInSubfolders(ws: Workspace, dir: string, display: string, depth = 0): string[] {
  if (depth > 7) return [];
  const found: string[] = [];
  for (const entry of listFolder(dir, display)) {
    if (!lookedInto(entry)) continue;
    const sub = path.join(dir, entry.name);
    const shown = `${display}/${entry.name}`;
    for (const f of listFolder(sub, shown)) if (f.isFile() && looksLikePolicy(ws, path.join(sub, f.name))) found.push(`${entry.name}/${f.name}`);
    for (const deeper of policiesInSubfolders(ws, sub, shown, depth + 1)) found.push(`${entry.name}/${deeper}`);
  }
  return found.sort();
}

const listed = (files: readonly string[]) => `${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}`;

/** The name a policy file must have to be read: `.ACME-1.yaml`, `ACME-1`, `ACME-1.json` and `ACME-1.yaml.bak` become ACME-1.yaml. */
function readableName(name: string): string {
  const bare = name.replace(/^\.+/, '');
  const yaml = /^(.*?\.ya?ml)(\..*)?$/i.exec(bare);
  if (yaml) return yaml[1];
  return `${bare.includes('.') ? bare.slice(0, bare.lastIndexOf('.')) : bare}.yaml`;
}

/**
 * A pack's policy files that it would not read: written as `.json`, hidden (`.NAME.yaml`),
 * named otherwise (`NAME`, `NAME.yaml.bak`), or in a sub-folder (hidden ones too). They
 * would never run, and nothing would say so.
 */
function requireNoUnreadPolicies(ws: Workspace, abs: string, display: string): void {
  const unread = listFolder(abs, display).filter((f) => f.isFile() && !isYaml(f.name) && looksLikePolicy(ws, path.join(abs, f.name))).map((f) => f.name);
  const json = unread.filter((f) => /\.json$/i.test(f));
  if (json.length > 0) {
    throw InputError.at({ file: `${display}/${json[0]}`, line: 1, column: 1 }, `pack "${display}" holds policy files written as JSON (${listed(json)}), which a pack does not read: its policies are .yaml or .yml files. Rename ${json.length === 1 ? 'it' : 'them'} to .yaml; JSON is YAML, so the content can stay.`);
  }
  if (unread.length > 0) {
    const [first] = unread;
    throw InputError.at({ file: `${display}/${first}`, line: 1, column: 1 }, `pack "${display}" holds policy files it does not read (${listed(unread)}): a pack reads the .yaml and .yml files beside pack.yaml whose names do not start with a dot, so ${unread.length === 1 ? 'this one' : 'these'} would never run. Rename ${unread.length === 1 ? 'it' : 'each'} to NAME.yaml in the pack folder ("${first}" to "${readableName(first)}") to run it, or move it out of the pack.`);
  }
  const nested = policiesInSubfolders(ws, abs, display);
  if (nested.length > 0) {
    throw InputError.at({ file: `${display}/${nested[0]}`, line: 1, column: 1 }, `pack "${display}" has policy files in sub-folders (${listed(nested)}), which a pack does not read: its policy files sit directly beside pack.yaml, named NAME.yaml. Move them up, make each sub-folder a pack of its own (with pack.yaml) and pass it with --policies, or move them out of the pack.`);
  }
}

/**
 * What --policies names must be: a folder. A pattern, a pack's pack.yaml or a policy file
 * is a natural slip, each answered with the folder to pass instead.
 */
function requirePackFolder(abs: string, written: string): void {
  const kind = kindOf(abs, written, written);
  if (kind === 'folder') return;
  const takes = '--policies (action input policies) takes a pack folder (pack.yaml and one YAML file per policy) or a folder of packs';
  const folder = path.dirname(written) || '.';
  let message: string;
  if (kind === undefined && isGlob(written)) message = `policy pack folder "${written}" does not exist: ${takes}, not a pattern, which is not expanded. Pass the folder, "${globParent(written)}": the packs in it are found.`;
  else if (kind === undefined) message = `policy pack folder "${written}" does not exist (looked in ${abs}). ${takes}.`;
  else if (kind === 'file' && /^pack\.ya?ml$/i.test(path.basename(abs))) message = `"${written}" is a pack's ${path.basename(abs)}, a file: ${takes}. Pass its folder, "${folder}".`;
  else if (kind === 'file' && isPack(path.dirname(abs), folder)) message = `"${written}" is a file of the pack "${folder}": ${takes}. Pass the pack's folder, "${folder}".`;
  else message = `"${written}" is ${kind === 'file' ? 'a file' : 'not a folder'}: ${takes}.`;
  throw InputError.at(at(written), message);
}

/** A pack folder, or a folder of pack folders. */
export function readPacks(ws: Workspace, dirs: readonly string[], builtin: boolean, filesRead: string[] = []): PackFiles[] {
  const packs: PackFiles[] = [];
  if (builtin) {
    const dir = builtinPackDir();
    packs.push(readPackDir(dir, `(built-in)/${path.basename(dir)}`, undefined, filesRead));
  }
  const seen = new Set<string>();
  for (const written of dirs) {
    const abs = path.resolve(ws.cwd, written);
    // The same folder named twice (`a`, `./a/`) is read once, as a plan named twice is.
    if (seen.has(abs)) continue;
    seen.add(abs);
    const display = displayPath(ws, abs);
    requirePackFolder(abs, written);
    const entries = listFolder(abs, display);
    if (isPack(abs, display)) {
      // Read first: its pack.yaml must be a file of the workspace before anything under it is looked at.
      packs.push(readPackDir(abs, display, ws, filesRead));
      requireNoUnreadPolicies(ws, abs, display);
      continue;
    }
    // Followed like the paths the user wrote: a pack may be a symbolic link to a folder (its files are still confined).
    const isDir = (e: { name: string }) => kindOf(path.join(abs, e.name), display, `${display}/${e.name}`) === 'folder';
    // Each sub-folder listed before it is asked for pack.yaml: one without permission is said to be unreadable, not to hold no pack.
    const isPackFolder = (sub: string, shown: string) => listFolder(sub, shown) && isPack(sub, shown);
    const children = entries.filter((c) => isDir(c) && isPackFolder(path.join(abs, c.name), `${display}/${c.name}`)).map((c) => c.name);
    if (children.length === 0) {
      throw InputError.at({ file: display, line: 1, column: 1 }, `"${written}" is not a policy pack: it holds no pack.yaml, and no sub-folder does. A pack is a folder with pack.yaml and one YAML file per policy.`);
    }
    // A folder of packs: YAML beside the packs, or in a sub-folder without pack.yaml, would be skipped in silence.
    const loose = [
      ...entries.filter((e) => e.isFile() && looksLikePolicy(ws, path.join(abs, e.name))).map((e) => e.name),
      // A sub-folder without pack.yaml (hidden or not): policies in it, or anywhere below it (a pack two levels down).
      ...entries
        .filter((e) => lookedInto(e) && !children.includes(e.name))
        .flatMap((e) => {
          const sub = path.join(abs, e.name);
          const shown = `${display}/${e.name}`;
          const here = listFolder(sub, shown).some((f) => f.isFile() && looksLikePolicy(ws, path.join(sub, f.name)));
          return here || policiesInSubfolders(ws, sub, shown).length > 0 ? [`${e.name}/`] : [];
        }),
    ];
    if (loose.length > 0) {
      throw InputError.at({ file: display, line: 1, column: 1 }, `"${written}" is a folder of packs (${listed(children)}), but it also holds policy files outside them (${listed(loose)}), which would not be read. A pack is a folder with pack.yaml, read from the folder passed or its direct sub-folders: add one, move the files into a pack, or pass a deeper folder with a --policies of its own.`);
    }
    for (const c of children) {
      packs.push(readPackDir(path.join(abs, c), `${display}/${c}`, ws, filesRead));
      requireNoUnreadPolicies(ws, path.join(abs, c), `${display}/${c}`);
    }
  }
  return packs;
}
