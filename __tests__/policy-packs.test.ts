import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../src/core/policy/pack.js';
import { renderPackReadme } from '../src/core/policy/pack-docs.js';
import { loadPolicies } from '../src/core/run-check.js';
import { BUILTIN_DIR, builtinPack, check, problemsOf, yaml } from './helpers/pipeline.js';

const PACK_YAML = 'name: acme\nversion: 1\ndescription: ACME rules\n';

function pack(files: Record<string, string>) {
  return { dir: 'packs/acme', files: Object.entries({ 'pack.yaml': PACK_YAML, ...files }).map(([p, text]) => ({ path: `packs/acme/${p}`, text })) };
}

const GOOD_POLICY = yaml`
  id: ACME-SSH-001
  title: No SSH from the internet
  severity: error
  source: ACME security baseline 4.2
  check:
    type: forbidden-flow
    from: { client: internet }
    to: { any: true }
    ports: [22]
`;

describe('custom packs', () => {
  it('a valid custom pack runs beside the built-in one', () => {
    const topology = yaml`
      version: 1
      environments:
        - name: lab
          servers:
            - { name: jump, roles: [bastion], addresses: [10.9.0.4] }
          firewall:
            - { from: 0.0.0.0/0, to: jump, ports: [22] }
    `;
    const report = check(topology, { packs: [builtinPack(), pack({ 'ssh.yaml': GOOD_POLICY })] });
    const ssh = report.findings.filter((f) => f.policy === 'ACME-SSH-001');
    expect(ssh.map((f) => [f.subject, f.status, f.location.line])).toEqual([['internet -> jump', 'fail', 7]]);
  });

  const broken: Array<{ name: string; text: string; line: number; column: number; message: RegExp }> = [
    { name: 'unknown check type', text: GOOD_POLICY.replace('forbidden-flow', 'forbiden-flow'), line: 6, column: 9, message: /"forbiden-flow" is not allowed; use one of "required-flow", "forbidden-flow", "same-provider", "same-region". Did you mean "forbidden-flow"\?/ },
    { name: 'bad severity', text: GOOD_POLICY.replace('severity: error', 'severity: critical'), line: 3, column: 11, message: /"critical" is not allowed; use one of "error", "warning", "notice"/ },
    { name: 'missing source', text: GOOD_POLICY.replace('source: ACME security baseline 4.2\n', ''), line: 1, column: 1, message: /"source" is required.*Cite the requirement/ },
    { name: 'check parameter typo', text: GOOD_POLICY.replace('ports: [22]', 'port: [22]'), line: 9, column: 3, message: /unknown key "port". Did you mean "ports"\?/ },
    { name: 'selector with two keys', text: GOOD_POLICY.replace('{ any: true }', '{ role: a, server: b }'), line: 8, column: 7, message: /Write one of \{ role: NAME \}/ },
    { name: 'bad CIDR in the check', text: GOOD_POLICY.replace('{ client: internet }', '{ cidrs: [10.0.0.0/40] }'), line: 7, column: 19, message: /invalid prefix length/ },
    { name: 'reversed port range', text: GOOD_POLICY.replace('[22]', '["30-20"]'), line: 9, column: 11, message: /empty range/ },
    { name: 'lower-case id', text: GOOD_POLICY.replace('ACME-SSH-001', 'acme-ssh-1'), line: 1, column: 5, message: /look like OS11-NET-001/ },
    { name: 'not YAML', text: 'id: [unclosed\n', line: 2, column: 1, message: /invalid YAML/ },
  ];
  it.each(broken)('a broken policy is an error at its line: $name', ({ text, line, column, message }) => {
    const problems = problemsOf(() => parsePack(pack({ 'ssh.yaml': text })));
    expect(problems[0].file).toBe('packs/acme/ssh.yaml');
    expect(problems[0].message).toMatch(message);
    expect([problems[0].line, problems[0].column]).toEqual([line, column]);
  });

  it('a folder without pack.yaml is not a pack', () => {
    expect(problemsOf(() => parsePack({ dir: 'x', files: [{ path: 'x/a.yaml', text: GOOD_POLICY }] }))[0].message).toMatch(/no pack.yaml/);
  });

  it('an id used twice across packs is an error at the second', () => {
    const dup = { dir: 'packs/other', files: [{ path: 'packs/other/pack.yaml', text: 'name: other\nversion: 1\ndescription: x\n' }, { path: 'packs/other/a.yaml', text: GOOD_POLICY }] };
    const p = problemsOf(() => loadPolicies([pack({ 'ssh.yaml': GOOD_POLICY }), dup]));
    expect(p[0].message).toMatch(/ACME-SSH-001 is already used by packs\/acme\/ssh.yaml:1/);
  });

  it('every broken file of a pack is reported at once', () => {
    const p = problemsOf(() => parsePack(pack({ 'a.yaml': GOOD_POLICY.replace('severity: error', 'severity: x'), 'b.yaml': GOOD_POLICY.replace('title: No SSH from the internet\n', '') })));
    expect(p.map((x) => x.file)).toEqual(['packs/acme/a.yaml', 'packs/acme/b.yaml']);
  });
});

describe('policies/outsystems-11/README.md', () => {
  it('is generated from the policy files (npm run docs:policies)', () => {
    const committed = readFileSync(path.join(BUILTIN_DIR, 'README.md'), 'utf8');
    expect(committed).toBe(renderPackReadme(parsePack(builtinPack())));
  });
});

describe('precompiled validators', () => {
  it('src/core/input/validators.generated.js is what the schemas compile to (npm run schemas)', async () => {
    const { precompiledValidatorsSource, precompiledValidatorsTypes } = await import('../scripts/schema-sources.js');
    const dir = path.join(BUILTIN_DIR, '..', '..', 'src', 'core', 'input');
    expect(readFileSync(path.join(dir, 'validators.generated.js'), 'utf8')).toBe(precompiledValidatorsSource());
    expect(readFileSync(path.join(dir, 'validators.generated.d.ts'), 'utf8')).toBe(precompiledValidatorsTypes());
  });
});
