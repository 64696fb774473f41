import type { SourceLocation } from '../model.js';
import type { ConfigIndex } from './references.js';

/**
 * Where a plan's resources are declared: the `.tf` file and line of `resource "TYPE"
 * "NAME"`, so a finding lands in the pull request's diff. The plan names no files, so the
 * root module's folder is the one whose `.tf` files declare the most of the root's
 * resources (ties: nearest the plan file when the plan is in the repository, then nearest
 * the working directory; still tied, none: the findings stay in the plan file rather than
 * land on one of two look-alike stacks at random), and each module's folder is its call's local
 * `source` relative to its parent. A module from a registry or git has no folder in the
 * repository: its resources point at the `module "NAME"` block that calls it.
 */

export interface TfSource {
  /** Workspace-relative, forward slashes. */
  path: string;
  text: string;
}

export interface Declaration {
  location: SourceLocation;
  /**
   * What the resource body writes at its top level: arguments (`ingress = [...]`), nested
   * blocks (`ingress { ... }`) and `dynamic "ingress"` blocks. The plan's configuration
   * leaves out nested blocks of attributes-as-blocks (AWS `ingress`, Azure `security_rule`)
   * and dynamic blocks, so the `.tf` is what tells "written" from "computed".
   */
  written: ReadonlySet<string>;
}

export interface DeclarationScan {
  /** folder -> `resource|TYPE.NAME`, `data|TYPE.NAME`, `module|NAME` -> declaration. */
  byFolder: ReadonlyMap<string, ReadonlyMap<string, Declaration>>;
  /** `TYPE.NAME` or `module|NAME` -> folders declaring it, for finding the root folder. */
  foldersOf: ReadonlyMap<string, readonly string[]>;
}

const HEADER = /^[ \t]*(resource|data|module)[ \t]+("([^"\n]*)"|([A-Za-z_][\w-]*))(?:[ \t]+("([^"\n]*)"|([A-Za-z_][\w-]*)))?[ \t]*\{?/;
const DYNAMIC = /^[ \t]*dynamic[ \t]+("([^"\n]*)"|([A-Za-z_][\w-]*))/;
const ARGUMENT = /^[ \t]*([A-Za-z_][\w-]*)[ \t]*(=(?!=)|\{)/;

function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i);
}

/**
 * Scans one HCL file for top-level block headers and what each resource body writes.
 * Comments, strings (with `${…}` templates) and heredocs are skipped so that braces in
 * them do not unbalance the nesting.
 */
function scanFile(source: TfSource, found: (kind: string, label: string, declaration: Declaration) => void): void {
  const text = source.text.charCodeAt(0) === 0xfeff ? source.text.slice(1) : source.text;
  let depth = 0;
  let line = 1;
  let current: { kind: string; label: string; location: SourceLocation; written: Set<string> } | undefined;
  const flush = () => {
    if (current) found(current.kind, current.label, { location: current.location, written: current.written });
    current = undefined;
  };
  let i = 0;
  let atLineStart = true;
  // Template nesting inside strings: each entry counts the braces open in one `${`.
  const templates: number[] = [];
  let inString = false;
  while (i < text.length) {
    if (atLineStart && !inString && templates.length === 0) {
      atLineStart = false;
      const rest = text.slice(i, text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i));
      if (depth === 0) {
        const m = HEADER.exec(rest);
        if (m) {
          flush();
          const first = m[3] ?? m[4];
          const second = m[6] ?? m[7];
          const kind = m[1];
          if (kind === 'module' || second !== undefined) {
            const column = rest.length - rest.trimStart().length + 1;
            current = { kind, label: kind === 'module' ? first : `${first}.${second}`, location: { file: source.path, line, column }, written: new Set() };
          }
        }
      } else if (depth === 1 && current?.kind === 'resource') {
        const d = DYNAMIC.exec(rest);
        const a = d ? undefined : ARGUMENT.exec(rest);
        if (d) current.written.add(d[2] ?? d[3]);
        else if (a) current.written.add(a[1]);
      }
    }
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 2;
      else if (c === '"') {
        inString = false;
        i++;
      } else if (c === '$' && text[i + 1] === '{') {
        templates.push(0);
        inString = false;
        i += 2;
      } else if (c === '\n') {
        // An unterminated string: give up on it at the end of the line.
        inString = false;
      } else i++;
      continue;
    }
    if (c === '\n') {
      line++;
      atLineStart = true;
      i++;
      continue;
    }
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (let k = i; k < stop; k++) if (text[k] === '\n') line++;
      i = stop;
      continue;
    }
    if (c === '<' && text[i + 1] === '<' && templates.length === 0) {
      const m = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 200));
      if (m) {
        const marker = new RegExp(`^[ \\t]*${m[1]}[ \\t]*\\r?$`, 'gm');
        marker.lastIndex = i + m[0].length;
        const end = marker.exec(text);
        const stop = end ? end.index + end[0].length : text.length;
        for (let k = i; k < stop; k++) if (text[k] === '\n') line++;
        i = stop;
        continue;
      }
    }
    if (c === '"') {
      inString = true;
      i++;
      continue;
    }
    if (c === '{') {
      if (templates.length > 0) templates[templates.length - 1]++;
      else depth++;
    } else if (c === '}') {
      if (templates.length > 0) {
        if (templates[templates.length - 1] === 0) {
          templates.pop();
          inString = true;
        } else templates[templates.length - 1]--;
      } else if (depth > 0) {
        depth--;
        if (depth === 0) flush();
      }
    }
    i++;
  }
  flush();
}

export function scanDeclarations(sources: readonly TfSource[]): DeclarationScan {
  const byFolder = new Map<string, Map<string, Declaration>>();
  const foldersOf = new Map<string, string[]>();
  for (const source of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const folder = folderOf(source.path);
    scanFile(source, (kind, label, declaration) => {
      const key = `${kind}|${label}`;
      const map = byFolder.get(folder) ?? new Map<string, Declaration>();
      if (!map.has(key)) map.set(key, declaration);
      byFolder.set(folder, map);
      const list = foldersOf.get(key) ?? [];
      if (!list.includes(folder)) list.push(folder);
      foldersOf.set(key, list);
    });
  }
  return { byFolder, foldersOf };
}

/** `a/b` + `../c` -> `a/c`; undefined when it leaves the workspace or is not a local path. */
export function joinFolder(base: string, relative: string): string | undefined {
  if (!relative.startsWith('./') && !relative.startsWith('../') && relative !== '.' && relative !== '..') return undefined;
  const parts = base === '.' ? [] : base.split('/');
  for (const seg of relative.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

const segments = (folder: string) => (folder === '.' ? [] : folder.split('/'));

/**
 * How near `folder` is to `to`: the folders they share from the root, then whether it is
 * `to` itself (`stacks/b` from `stacks/b` is nearer than `stacks/b/old`, which is nearer than
 * `stacks/a`). Depth alone says nothing: `infra` is no nearer the root than `old/infra` is.
 */
function nearness(folder: string, to: string): [number, number] {
  const x = segments(folder);
  const y = segments(to);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return [n, folder === to ? 1 : 0];
}

/** A path the repository holds: relative and not leading out (the edge names files outside it by their absolute path). */
const inRepository = (p: string) => p !== '' && !p.startsWith('/') && !/^[A-Za-z]:/.test(p) && !p.split('/').includes('..');

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Finds the declaration of each resource of one plan. */
export class DeclarationLocator {
  private readonly folders = new Map<string, string | undefined>();

  constructor(
    private readonly scan: DeclarationScan,
    private readonly config: ConfigIndex,
    private readonly planPath: string,
    /** Resource keys (`TYPE.NAME`) per module path, from the plan, for plans without configuration. */
    private readonly planKeys: ReadonlyMap<string, readonly string[]>,
    /** Repository-relative folder the run works in (the action's `working-directory`): breaks ties the plan's place leaves. */
    private readonly workingFolder = '.',
  ) {}

  /** The folder of a module's `.tf` files, or undefined when it is not in the repository. */
  folderOf(modulePath: string): string | undefined {
    if (this.folders.has(modulePath)) return this.folders.get(modulePath);
    this.folders.set(modulePath, undefined); // guards against cycles
    let folder: string | undefined;
    if (modulePath === '') folder = this.bestFolder('');
    else {
      const cut = modulePath.lastIndexOf('.module.');
      const parentPath = cut < 0 ? '' : modulePath.slice(0, cut);
      const name = modulePath.slice(cut < 0 ? 'module.'.length : cut + '.module.'.length);
      const call = this.config.modules.get(parentPath)?.calls.get(name);
      const parentFolder = this.folderOf(parentPath);
      const source = call?.source;
      const local = source !== undefined && (source.startsWith('./') || source.startsWith('../'));
      if (local && parentFolder !== undefined) {
        const joined = joinFolder(parentFolder, source);
        if (joined !== undefined && this.scan.byFolder.has(joined)) folder = joined;
      }
      // A local source whose folder is not where the call says (or no configuration): only a
      // folder declaring every block of the module is taken, so common names (`this`) do not mislead.
      if (folder === undefined && (local || source === undefined)) folder = this.bestFolder(modulePath, true);
    }
    this.folders.set(modulePath, folder);
    return folder;
  }

  /**
   * The folder declaring the most of a module's resources and calls; ties go to the one
   * nearest the plan (when the plan is in the repository: one written to `$RUNNER_TEMP` says
   * nothing), then to the one nearest the working directory. Folders still tied are
   * look-alikes (two stacks of one module): none is taken, rather than one picked by name,
   * so findings point at the plan instead of at a stack the plan may not be of.
   */
  private bestFolder(modulePath: string, requireAll = false): string | undefined {
    const module = this.config.modules.get(modulePath);
    const keys: string[] = [];
    if (module && this.config.present) {
      for (const r of module.resources.values()) keys.push(`${r.mode === 'data' ? 'data' : 'resource'}|${r.type}.${r.name}`);
      for (const name of module.calls.keys()) keys.push(`module|${name}`);
    } else {
      for (const k of this.planKeys.get(modulePath) ?? []) keys.push(k.startsWith('data.') ? `data|${k.slice(5)}` : `resource|${k}`);
    }
    const score = new Map<string, number>();
    for (const k of keys) for (const f of this.scan.foldersOf.get(k) ?? []) score.set(f, (score.get(f) ?? 0) + 1);
    const planFolder = inRepository(this.planPath) ? folderOf(this.planPath) : undefined;
    const workingFolder = inRepository(this.workingFolder) ? this.workingFolder : '.';
    let best: string | undefined;
    let bestRank: number[] = [];
    let tied = false;
    for (const [f, s] of score) {
      const rank = [s, ...(planFolder !== undefined ? nearness(f, planFolder) : [0, 0]), ...nearness(f, workingFolder)];
      const order = best === undefined ? 1 : compareRanks(rank, bestRank);
      if (order > 0) {
        best = f;
        bestRank = rank;
        tied = false;
      } else if (order === 0) tied = true;
    }
    if (best === undefined || tied) return undefined;
    return requireAll && bestRank[0] < keys.length ? undefined : best;
  }

  /** The `.tf` declaration of a resource block, or undefined. */
  declaration(modulePath: string, localKey: string): Declaration | undefined {
    const folder = this.folderOf(modulePath);
    if (folder === undefined) return undefined;
    const key = localKey.startsWith('data.') ? `data|${localKey.slice(5)}` : `resource|${localKey}`;
    return this.scan.byFolder.get(folder)?.get(key);
  }

  /** Where a resource is declared, else the `module` block that brings it in (nearest first). */
  locate(modulePath: string, localKey: string): SourceLocation | undefined {
    const d = this.declaration(modulePath, localKey);
    if (d) return d.location;
    let path = modulePath;
    while (path !== '') {
      const cut = path.lastIndexOf('.module.');
      const parentPath = cut < 0 ? '' : path.slice(0, cut);
      const name = path.slice(cut < 0 ? 'module.'.length : cut + '.module.'.length);
      const folder = this.folderOf(parentPath);
      const call = folder !== undefined ? this.scan.byFolder.get(folder)?.get(`module|${name}`) : undefined;
      if (call) return call.location;
      path = parentPath;
    }
    return undefined;
  }
}
