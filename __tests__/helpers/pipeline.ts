import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../src/core/errors.js';
import { runCheck } from '../../src/core/run-check.js';
import type { PackFiles } from '../../src/core/policy/pack.js';
import type { Report } from '../../src/core/report/report.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BUILTIN_DIR = path.join(ROOT, 'policies', 'outsystems-11');

export function readPackDir(dir: string, display = path.relative(ROOT, dir)): PackFiles {
  return {
    dir: display,
    files: readdirSync(dir)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .sort()
      .map((f) => ({ path: `${display}/${f}`, text: readFileSync(path.join(dir, f), 'utf8') })),
  };
}

export const builtinPack = (): PackFiles => readPackDir(BUILTIN_DIR);

/** Runs the pure pipeline on topology texts with the built-in pack. */
export function check(topologies: Record<string, string> | string, options: { packs?: PackFiles[]; today?: string } = {}): Report {
  const inputs = typeof topologies === 'string' ? { 'topology.yml': topologies } : topologies;
  return runCheck({
    version: '0.0.0-test',
    topologies: Object.entries(inputs).map(([p, text]) => ({ path: p, text })),
    packs: options.packs ?? [builtinPack()],
    today: options.today ?? '2026-06-01',
  });
}

/** The problems an input error carries, as `line:column message` strings. */
export function problemsOf(fn: () => unknown): Array<{ file: string; line: number; column: number; message: string }> {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return [...e.problems];
    throw e;
  }
  throw new Error('expected an InputError');
}

/** Dedent a template literal so YAML in tests can be indented with the code. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
