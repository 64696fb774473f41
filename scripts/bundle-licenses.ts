import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes the licenses of every production dependency (the closure of package.json's
 * `dependencies`) to a file: `tsx scripts/bundle-licenses.ts dist/licenses.txt`.
 *
 * Why: ncc writes one licenses file per chunk under the same name, so with the action's
 * dynamic import (Octokit in its own chunk) the last chunk's list replaces the main one
 * and the bundle ships without most of its notices. The production closure is a superset
 * of what the bundles hold; the format follows ncc's (name, license id, text).
 */

const ROOT = path.resolve(import.meta.dirname, '..');

interface PackageJson {
  name: string;
  version: string;
  license?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Where Node would find `name` from `fromDir`: the nearest node_modules up the tree. */
function packageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function licenseText(dir: string): string | undefined {
  const file = readdirSync(dir).sort().find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  return file ? readFileSync(path.join(dir, file), 'utf8').trim() : undefined;
}

function collect(): Map<string, { pkg: PackageJson; text?: string }> {
  const root = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
  const found = new Map<string, { pkg: PackageJson; text?: string }>();
  const queue: Array<[string, string]> = Object.keys(root.dependencies ?? {}).map((n) => [n, ROOT]);
  while (queue.length > 0) {
    const [name, from] = queue.shift()!;
    const dir = packageDir(name, from);
    if (!dir) continue; // an optional dependency not installed on this platform
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
    const id = `${pkg.name}@${pkg.version}`;
    if (found.has(id)) continue;
    found.set(id, { pkg, text: licenseText(dir) });
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) queue.push([dep, dir]);
  }
  return found;
}

const out = process.argv[2];
if (!out) throw new Error('usage: tsx scripts/bundle-licenses.ts OUTPUT');
const entries = [...collect().values()].sort((a, b) => (a.pkg.name < b.pkg.name ? -1 : a.pkg.name > b.pkg.name ? 1 : a.pkg.version < b.pkg.version ? -1 : 1));
const text = entries.map(({ pkg, text: t }) => [pkg.name, pkg.license ?? 'UNKNOWN', t].filter(Boolean).join('\n')).join('\n\n');
writeFileSync(path.resolve(out), `${text}\n`);
