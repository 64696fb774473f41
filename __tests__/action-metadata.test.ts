import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { INPUT_NAMES, OUTPUT_NAMES } from '../src/github/action-inputs.js';
import { ROOT } from './helpers/pipeline.js';

/** action.yml, the code that reads it and the README that documents it say the same thing. */

interface ActionMetadata {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required?: boolean; default?: unknown }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const action = load(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionMetadata;
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The first yaml block of the README's GitHub Action section: the step a user copies. */
function usageStep(): { uses: string; with: Record<string, unknown> } {
  const section = readme.slice(readme.indexOf('## GitHub Action'));
  const block = /```yaml\n([^]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README has no yaml usage block under "## GitHub Action"');
  const steps = load(block) as Array<{ uses: string; with: Record<string, unknown> }>;
  return steps[0];
}

/** Rows of the markdown table under a `### heading`: first cell (unquoted) -> other cells. */
function table(heading: string): Map<string, string[]> {
  const section = readme.slice(readme.indexOf(`### ${heading}\n`));
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n').slice(1)) {
    if (line.startsWith('### ') || line.startsWith('## ')) break;
    const cells = /^\|(.*)\|$/.exec(line)?.[1].split(' | ').map((c) => c.trim());
    if (!cells || cells[0].startsWith('---') || cells[0] === 'Input' || cells[0] === 'Output') continue;
    rows.set(cells[0].replace(/^`|`$/g, ''), cells.slice(1));
  }
  return rows;
}

const defaultOf = (name: string) => String(action.inputs[name].default ?? '');

describe('action.yml', () => {
  it('runs the committed bundle on node24, with branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.branding.icon).toBeTruthy();
    expect(action.branding.color).toBeTruthy();
  });

  it('declares exactly the inputs and outputs the code reads and writes, each described', () => {
    expect(Object.keys(action.inputs)).toEqual([...INPUT_NAMES]);
    expect(Object.keys(action.outputs)).toEqual([...OUTPUT_NAMES]);
    for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) expect(spec.description.length, name).toBeGreaterThan(20);
  });

  it('has the defaults DESIGN gives', () => {
    expect(defaultOf('fail-on')).toBe('error');
    expect(defaultOf('comment')).toBe('update');
    expect(defaultOf('annotations')).toBe('true');
    expect(defaultOf('github-token')).toBe('${{ github.token }}');
    for (const name of ['topology', 'plan', 'policies', 'sarif-file', 'working-directory']) expect(name in action.inputs).toBe(true);
    for (const name of ['result', 'errors', 'warnings', 'unknown', 'report', 'sarif-file']) expect(name in action.outputs).toBe(true);
  });
});

describe('README', () => {
  it('usage block: the step names every input, in action.yml\'s order, with its default', () => {
    const step = usageStep();
    expect(step.uses).toMatch(/^[\w-]+\/topogate@v\d+$/);
    expect(Object.keys(step.with)).toEqual(Object.keys(action.inputs));
    for (const [name, value] of Object.entries(step.with)) {
      // The one input a user must set shows an example instead of its empty default.
      if (name === 'topology') continue;
      expect(String(value), name).toBe(defaultOf(name));
    }
  });

  it('inputs table: every input with its default', () => {
    const rows = table('Inputs');
    expect([...rows.keys()]).toEqual(Object.keys(action.inputs));
    for (const [name, [dflt]] of rows) expect(dflt.replace(/^`|`$/g, '').replace(/^''$/, ''), name).toBe(defaultOf(name));
  });

  it('outputs table: every output', () => {
    expect([...table('Outputs').keys()]).toEqual(Object.keys(action.outputs));
  });

  it('says which permissions the action needs', () => {
    for (const p of ['contents: read', 'pull-requests: write', 'checks: write']) expect(readme).toContain(`\`${p}\``);
  });
});
