import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04Module from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../src/core/report/json-report.js';
import { renderMarkdown } from '../src/core/report/markdown-report.js';
import { renderSarif } from '../src/core/report/sarif-report.js';
import { renderText } from '../src/core/report/text-report.js';
import { escapeMarkdown, safeLogLine } from '../src/core/report/escape.js';
import { failingFindings } from '../src/core/report/report.js';
import { nameList } from '../src/core/report/name-list.js';
import { ROOT, check, yaml } from './helpers/pipeline.js';
import { expectGolden } from './helpers/golden.js';

const example = readFileSync(path.join(ROOT, 'examples', 'topology.yml'), 'utf8');

const MIXED = yaml`
  version: 1
  environments:
    - name: prod
      provider: aws
      region: eu-west-1
      clients:
        end-users: [0.0.0.0/0, "::/0"]
        development-tools: [198.51.100.0/24]
      servers:
        - { name: ctl-1, roles: [controller], addresses: [10.0.1.10] }
        - { name: fe-1, roles: [front-end], addresses: [10.0.2.11] }
        - { name: db, roles: [database], engine: sqlserver, addresses: [10.0.3.5] }
      firewall:
        - { from: 0.0.0.0/0, to: role:front-end, ports: [80, 443] }
        - { from: development-tools, to: role:front-end, ports: [80, 443] }
        - { from: role:front-end, to: db, ports: [1433] }
        - { from: role:front-end, to: ctl-1, ports: [12000, 5672] }
        - { from: role:controller, to: role:front-end, ports: [80, 12001, 12002] }
        - { from: 0.0.0.0/0, to: ctl-1, ports: [12000] }
    - name: staging
      servers:
        - { name: stg-1, roles: [controller, front-end], addresses: [10.5.0.10] }
  waivers:
    - { policy: OS11-SEC-001, environment: prod, subject: internet -> ctl-1, reason: "vendor access until the VPN is up", expires: "2027-01-01" }
  overrides:
    - { policy: OS11-NET-003, severity: off, reason: "the newer article dropped port 80 for development tools" }
    - { policy: OS11-LAT-002, severity: warning, reason: "we care about regions" }
`;

describe('an environment with no server', () => {
  const text = yaml`
    version: 1
    environments:
      - name: prod
        provider: aws
      - name: lab
        servers:
          - { name: fe-1, roles: [front-end], addresses: [10.0.2.11] }
  `;
  const report = check(text);

  it('passes (a plan may hold no server), but says that nothing was checked, in the text and the comment', () => {
    expect(report.findings.filter((f) => f.environment === 'prod').every((f) => f.status === 'pass')).toBe(true);
    const out = renderText(report, 'error');
    expect(out).toMatch(/^prod \(aws; 0 servers\)\n {3}! {2}No servers, so nothing was checked here\. If "prod" has servers, declare them under servers: in its topology, tag its Terraform resources topogate-environment: prod, or pass the plan that holds them.*\n {3}- {2}15 checks found nothing to check \(--verbose lists them\)$/m);
    expect(out.match(/nothing was checked/g)).toHaveLength(1);
    // The counts agree with the note: the checks that ran on nothing are not passes.
    const passed = report.findings.filter((f) => f.environment === 'lab' && f.status === 'pass').length;
    expect(out.split('\n')[0]).toMatch(new RegExp(`^topogate \\S+ PASS: nothing at or above error \\(.*, 0 waived, ${passed} passed, 15 not checked: no servers\\)$`));
    const md = renderMarkdown(report, { failOn: 'error' });
    expect(md).toMatch(/#### prod — ⚠️ nothing checked\n\n<sub>aws · 0 servers<\/sub>\n\nNo servers, so nothing was checked here\./);
    expect(md).not.toMatch(/#### lab — ⚠️/);
  });

  it('when no environment has a server, the comment\'s header says nothing was checked, not that all checks pass', () => {
    const only = check('version: 1\nenvironments:\n  - name: iam-only\n    provider: aws\n');
    expect(renderMarkdown(only, { failOn: 'error' })).toMatch(/^### ⚠️ topogate: nothing was checked \(no environment has a server\)\n\n0 errors · 0 warnings · 0 notices · 0 unknown · 0 waived · 0 passed · 15 not checked \(no servers\) — /);
    expect(renderMarkdown(only, { failOn: 'error' })).toContain('<details><summary>15 checks found nothing to check</summary>');
    expect(renderText(only, 'error').split('\n')[0]).toMatch(/^topogate \S+ PASS, but nothing was checked: no environment has a server \(0 error, 0 warning, 0 notice; 0 unknown, 0 waived, 0 passed, 15 not checked: no servers\)$/);
    const json = JSON.parse(renderJson(only));
    expect(json.environments).toEqual([{ name: 'iam-only', providers: ['aws'], servers: 0 }]);
    // The JSON summary keeps DESIGN's shape (its counts add up to the findings); servers: 0 and each message say it.
    expect(json.summary.pass).toBe(15);
    expect(json.findings.every((f: { message: string }) => f.message.startsWith('Nothing to check'))).toBe(true);
  });
});

describe('markdown report (the PR comment)', () => {
  it('a pass with failures below fail-on says so in its header, not "all checks pass"', () => {
    const example = readFileSync(path.join(ROOT, 'examples/topology.yml'), 'utf8');
    const lowered = `${example}overrides:\n  - { policy: OS11-NET-002, severity: warning, reason: the balancer moves to TLS passthrough next sprint }\n`;
    expect(renderMarkdown(check({ 'examples/topology.yml': lowered }), { failOn: 'error' })).toMatch(/^### ✅ topogate: nothing blocks the merge; 2 findings below `error`\n/);
    // Undecided findings and failures below fail-on, both said.
    const noFirewall = example.replace(/^ {4}firewall:\n(?: {6}.*\n|\s*\n)*/gm, '');
    expect(renderMarkdown(check({ 'examples/topology.yml': noFirewall }), { failOn: 'error' }).split('\n')[0]).toMatch(/^### ✅ topogate: nothing blocks the merge; \d+ could not be decided$/);
    expect(renderMarkdown(check({ 'examples/topology.yml': example }), { failOn: 'never' })).toMatch(/^### ✅ topogate: nothing blocks the merge; 2 findings fail \(fail-on `never`\)\n/);
  });

  it('example: golden', () => {
    expectGolden('example.md', renderMarkdown(check({ 'examples/topology.yml': example }), { failOn: 'error' }));
  });

  it('fail, unknown, waived, disabled and an override: golden', () => {
    const report = check(MIXED);
    expectGolden('mixed.md', renderMarkdown(report, { failOn: 'error', linkTo: (l) => `https://github.com/acme/infra/blob/abc123/${l.file}#L${l.line}` }));
  });

  it('stays under the length limit and says where the rest is', () => {
    const report = check(MIXED);
    const full = renderMarkdown(report, { failOn: 'error' });
    const cut = renderMarkdown(report, { failOn: 'error', maxLength: 1500, fullReportHint: 'See the job summary.' });
    expect(full.length).toBeGreaterThan(1500);
    expect(cut.length).toBeLessThanOrEqual(1500);
    expect(cut).toMatch(/See the job summary\./);
    expect(cut.startsWith('### ❌ topogate')).toBe(true);
  });

  it('collapses passes before cutting anything', () => {
    const report = check(MIXED);
    const compact = renderMarkdown(report, { failOn: 'error', passDetails: false });
    const limit = compact.length + 10;
    const fitted = renderMarkdown(report, { failOn: 'error', maxLength: limit });
    expect(fitted).toBe(compact);
    expect(fitted).not.toMatch(/<details>/);
  });
});

describe('names from inputs are data, never markup', () => {
  const hostile = yaml`
    version: 1
    environments:
      - name: "x<img_src=x_onerror=alert(1)>"
        servers:
          - { name: "@octocat", roles: [front-end], addresses: [10.0.0.1] }
          - { name: "[click](http://evil.example)", roles: [database], addresses: [10.0.0.2] }
        firewall: []
  `;
  it('rejects names with markup characters at validation', () => {
    expect(() => check(hostile)).toThrow(/Names are letters/);
  });

  it('escapes what reaches markdown', () => {
    const text = escapeMarkdown('<img src=x> [a](http://evil.example) @octocat *b* | c `d` www.evil.example $x$');
    expect(text).not.toMatch(/(^|[^\\])<img/);
    expect(text).not.toMatch(/(^|[^\\])\]\(/);
    expect(text).not.toMatch(/(^|[^\\])[[\]*`|<>]/);
    expect(text).not.toMatch(/@octocat/);
    expect(text).not.toMatch(/http:\/\//);
    expect(text).not.toMatch(/www\./);
  });

  it('breaks issue references and commit hashes, which GitHub links in plain text', () => {
    const text = escapeMarkdown('see #12, acme/infra#7, GH-99 and a1b2c3d4e5f6');
    expect(text).not.toMatch(/#\d/);
    expect(text).not.toMatch(/GH-\d/);
    expect(text).not.toMatch(/[0-9a-f]{7}/);
    expect(text.replace(/\u200b/g, '')).toBe('see #12, acme/infra#7, GH-99 and a1b2c3d4e5f6');
  });

  it('a log line cannot become a workflow command', () => {
    expect(safeLogLine('x\n::set-output name=a::b')).toBe('x ::set-output name=a::b');
    expect(safeLogLine('::error::boom').startsWith('::')).toBe(false);
    // The runner trims leading whitespace before it looks for `::`, and reads `##[cmd]` anywhere.
    for (const hostile of [' ::error::boom', '\t  ::add-mask::x', '\u3000::stop-commands::t', 'see ##[set-output name=result]pass', 'a ##[error]b ##[warning]c']) {
      const line = safeLogLine(hostile);
      expect(line.replace(/^[\s\u0085]+/, '').startsWith('::'), JSON.stringify(hostile)).toBe(false);
      expect(line, JSON.stringify(hostile)).not.toContain('##[');
      expect(line.replace(/\u200b/g, '').trim()).toBe(hostile.replace(/\t/g, ' ').trim());
    }
  });
});

describe('bidirectional controls', () => {
  it('cannot make a name read differently in a comment, a summary or a log line', () => {
    const hostile = 'db-prod\u202e1v\u2066x\u2069\u200f';
    for (const out of [escapeMarkdown(hostile), safeLogLine(hostile)]) {
      expect(out).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      expect(out).toContain('db-prod');
    }
  });
});

describe('JSON report', () => {
  it('has the DESIGN shape, every finding, a stable order', () => {
    const report = check(MIXED);
    const json = JSON.parse(renderJson(report));
    expect(Object.keys(json)).toEqual(['tool', 'summary', 'environments', 'findings', 'disabled', 'advisories']);
    expect(json.tool).toEqual({ name: 'topogate', version: '0.0.0-test' });
    expect(Object.keys(json.summary)).toEqual(['fail', 'unknown', 'pass', 'waived', 'bySeverity']);
    expect(json.summary.fail + json.summary.unknown + json.summary.pass + json.summary.waived).toBe(json.findings.length);
    expect(json.summary.bySeverity.error + json.summary.bySeverity.warning + json.summary.bySeverity.notice).toBe(json.summary.fail);
    expect(json.environments).toEqual([
      { name: 'prod', providers: ['aws'], servers: 3 },
      { name: 'staging', providers: [], servers: 1 },
    ]);
    for (const f of json.findings) {
      expect(Object.keys(f).slice(0, 9)).toEqual(['policy', 'title', 'status', 'severity', 'environment', 'subject', 'message', 'location', 'source']);
    }
    const keys = json.findings.map((f: { environment: string; policy: string; subject: string }) => `${f.environment}|${f.policy}|${f.subject}`);
    expect(keys).toEqual([...keys].sort());
    expect(renderJson(check(MIXED))).toBe(renderJson(report));
  });

  it('waivers, overrides and disabled policies show with their reasons', () => {
    const report = check(MIXED);
    const waived = report.findings.find((f) => f.policy === 'OS11-SEC-001' && f.subject === 'internet -> ctl-1');
    expect(waived?.status).toBe('waived');
    expect(waived?.message).toMatch(/Waived until 2027-01-01: vendor access until the VPN is up/);
    expect(report.disabled.map((d) => [d.policy, d.reason])).toEqual([['OS11-NET-003', 'the newer article dropped port 80 for development tools']]);
    expect(report.findings.some((f) => f.policy === 'OS11-NET-003')).toBe(false);
    const lat2 = report.findings.filter((f) => f.policy === 'OS11-LAT-002');
    expect(lat2.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('an expired waiver stops waiving and says so', () => {
    const report = check(MIXED, { today: '2027-01-02' });
    const f = report.findings.find((x) => x.policy === 'OS11-SEC-001' && x.subject === 'internet -> ctl-1');
    expect(f?.status).toBe('fail');
    expect(f?.message).toMatch(/expired on 2027-01-01 and no longer applies/);
    expect(f?.waiver?.expired).toBe(true);
  });

  it('a waiver naming an unknown policy or environment is an input error at its line', () => {
    const bad = MIXED.replace('policy: OS11-SEC-001, environment: prod', 'policy: OS11-SEC-01, environment: prd');
    // At the values, with a "did you mean" for each.
    expect(() => check(bad)).toThrow(/topology.yml:24:15: this waiver names policy "OS11-SEC-01", which no loaded pack defines. Did you mean OS11-SEC-001\?/);
    expect(() => check(bad)).toThrow(/topology.yml:24:41: this waiver names environment "prd", which no topology or plan defines. Did you mean "prod"\?/);
  });

  it('a renewed waiver beside the expired one it replaces waives; a waiver left from a fixed finding is no error', () => {
    const expiredThenRenewed = MIXED.replace(
      /( {2}- \{ policy: OS11-SEC-001, environment: prod, subject: internet -> ctl-1, reason: "vendor access until the VPN is up", expires: )"2027-01-01"( \})/,
      '$1"2026-01-01"$2\n$1"2027-01-01"$2',
    );
    expect(expiredThenRenewed).not.toBe(MIXED);
    const f = check(expiredThenRenewed).findings.find((x) => x.policy === 'OS11-SEC-001' && x.subject === 'internet -> ctl-1')!;
    expect([f.status, f.waiver?.expires]).toEqual(['waived', '2027-01-01']);
    const stale = MIXED.replace('subject: internet -> ctl-1', 'subject: internet -> ctl-9');
    expect(check(stale).advisories).toBeUndefined();
  });

  it('a waiver whose subject is a slip for a finding still open is a warning (text, comment, JSON), not an error', () => {
    const slip = check(MIXED.replace('subject: internet -> ctl-1', 'subject: internet -> ctl1'));
    const warning = 'topology.yml:24:57: this waiver\'s subject "internet -> ctl1" matches no finding of OS11-SEC-001 in "prod", so it waives nothing; did you mean "internet -> ctl-1", which is still open?';
    expect(slip.advisories?.map((a) => `${a.file}:${a.line}:${a.column}: ${a.message}`)).toEqual([warning]);
    expect(renderText(slip, 'error')).toContain(`\nwarning: ${warning}\n`);
    expect(renderMarkdown(slip, { failOn: 'error' })).toContain('> ⚠️ topology.yml:24:57: this waiver');
    expect(JSON.parse(renderJson(slip)).advisories).toEqual([{ file: 'topology.yml', line: 24, column: 57, message: warning.replace(/^topology.yml:24:57: /, '') }]);
  });

  it('fail-on decides what fails the run', () => {
    const report = check(MIXED);
    const errors = failingFindings(report, 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(failingFindings(report, 'warning').length).toBeGreaterThanOrEqual(errors);
    expect(failingFindings(report, 'never')).toEqual([]);
    expect(failingFindings(report, 'error').every((f) => f.severity === 'error' && f.status === 'fail')).toBe(true);
  });
});

describe('SARIF', () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  const validate = new AjvDraft04Module.default({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);

  it('is valid SARIF 2.1.0 with one rule per policy and physical locations', () => {
    const report = check(MIXED);
    const sarif = JSON.parse(renderSarif(report));
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(report.policies.map((p) => p.id).sort());
    for (const r of run.tool.driver.rules) expect(r.help.text).toMatch(/Source: .*OutSystems 11 network requirements/);
    const nonPass = report.findings.filter((f) => f.status !== 'pass');
    expect(run.results).toHaveLength(nonPass.length);
    for (const res of run.results) {
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('topology.yml');
      expect(res.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
    const waived = run.results.find((r: { properties: { status: string } }) => r.properties.status === 'waived');
    expect(waived.suppressions[0].justification).toMatch(/vendor access/);
  });
});

describe('SARIF results the spec constrains', () => {
  it('an unknown finding is kind review with level none (3.27.10); a file outside the repository is an absolute file: URI with no base', () => {
    const report = check(MIXED);
    const [first, second, third] = report.findings.filter((f) => f.status === 'fail');
    const findings = report.findings.map((f) =>
      f === first ? { ...f, status: 'unknown' as const } : f === second ? { ...f, location: { ...f.location, file: '/home/runner/work/outside dir/topology.yml' } } : f === third ? { ...f, location: { ...f.location, file: 'C:/a/b#c.yml' } } : f,
    );
    const sarif = JSON.parse(renderSarif({ ...report, findings }));
    const results = sarif.runs[0].results as Array<{ kind: string; level: string; properties: { subject: string; status: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }> }>;
    const of = (f: { subject: string; environment: string; policy: string }) => results.find((r, i) => r.properties.subject === f.subject && sarif.runs[0].results[i].ruleId === f.policy) as (typeof results)[number];
    expect(of(first)).toMatchObject({ kind: 'review', level: 'none' });
    expect(results.filter((r) => r.properties.status === 'unknown').every((r) => r.level === 'none')).toBe(true);
    expect(results.filter((r) => r.kind === 'fail').every((r) => ['error', 'warning', 'note'].includes(r.level))).toBe(true);
    expect(of(second).locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///home/runner/work/outside%20dir/topology.yml' });
    expect(of(third).locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///C:/a/b%23c.yml' });
    expect(results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uriBaseId === '%SRCROOT%').every((r) => !r.locations[0].physicalLocation.artifactLocation.uri.startsWith('/'))).toBe(true);
  });
});

describe('text report', () => {
  it('leads with the verdict and lists what needs attention', () => {
    const text = renderText(check({ 'examples/topology.yml': example }), 'error');
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^topogate 0\.0\.0-test FAIL: 2 findings at or above error/);
    expect(text).toMatch(/FAIL error {3}OS11-NET-002 {2}end-users -> fe-2 {2}examples\/topology.yml:19:9/);
  });
});

describe('names in a sentence', () => {
  it.each([
    { names: [], options: {}, text: '' },
    { names: ['a'], options: {}, text: 'a' },
    { names: ['a', 'b', 'c'], options: {}, text: 'a, b and c' },
    { names: ['a', 'b', 'c'], options: { last: ', ' as const }, text: 'a, b, c' },
    { names: ['a', 'b', 'c'], options: { max: 3 }, text: 'a, b and c' },
    { names: ['a', 'b', 'c', 'd', 'e'], options: { max: 3 }, text: 'a, b, c and 2 more' },
    { names: ['a', 'b', 'c', 'd', 'e'], options: { max: 3, last: ', ' as const }, text: 'a, b, c and 2 more' },
  ])('$names with $options: "$text"', ({ names, options, text }) => {
    expect(nameList(names, options)).toBe(text);
  });
});
