import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_TYPES } from '../src/core/checks/index.js';
import { USAGE } from '../src/cli/cli-args.js';
import { ROOT } from './helpers/pipeline.js';

/** The README is for users: it must stay true to what the code does. */
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('documents every check type', () => {
    for (const type of CHECK_TYPES.keys()) expect(readme, type).toContain(`| \`${type}\` |`);
  });

  it('documents every CLI option', () => {
    const flags = [...new Set(USAGE.match(/--[a-z-]+/g))].filter((f) => f !== '--help' && f !== '--version');
    for (const flag of flags) expect(readme, flag).toContain(flag);
  });

  it('gives the two commands a newcomer runs on a fresh clone', () => {
    expect(readme).toContain('node dist/cli/index.js check --topology examples/topology.yml');
    expect(readme).toContain('npm test');
  });

  it('every key of the topology schema appears in the topology example', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'src/core/topology/topology.schema.json'), 'utf8'));
    const keys = new Set<string>();
    const walk = (s: unknown) => {
      if (s === null || typeof s !== 'object') return;
      const props = (s as { properties?: Record<string, unknown> }).properties;
      if (props) for (const k of Object.keys(props)) keys.add(k);
      for (const v of Object.values(s)) walk(v);
    };
    walk(schema);
    const section = readme.slice(readme.indexOf('## Topology files'), readme.indexOf('## Policies'));
    for (const k of keys) expect(section, k).toMatch(new RegExp(`\\b${k}:`));
  });
});

describe('the dogfooding workflow', () => {
  it('expects exactly the example\'s failures', async () => {
    const { check } = await import('./helpers/pipeline.js');
    const workflow = readFileSync(path.join(ROOT, '.github', 'workflows', 'topogate.yml'), 'utf8');
    const report = check({ 'examples/topology.yml': readFileSync(path.join(ROOT, 'examples', 'topology.yml'), 'utf8') });
    const failing = report.findings.filter((f) => f.status === 'fail');
    expect(workflow).toContain(`test "$ERRORS" = ${failing.filter((f) => f.severity === 'error').length}`);
    expect(workflow).toContain(failing.map((f) => `${f.policy} ${f.subject}`).sort().join(','));
  });
});
