import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/pipeline.js';
import { runProcess } from './helpers/run-process.js';

/** The committed CLI bundle, run as a user runs it: a real process in a scratch folder. */

const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
let work: string;

const cli = (args: string[], cwd = work) => runProcess(process.execPath, [CLI, ...args], { cwd });

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli/index.js is missing: run npm run build');
  work = mkdtempSync(path.join(os.tmpdir(), 'topogate-cli-'));
  cpSync(path.join(ROOT, 'examples'), path.join(work, 'examples'), { recursive: true });
});

describe('topogate check', () => {
  it('finds the honest mistake in the example: exit 1 and a readable verdict', async () => {
    const r = await cli(['check', '--topology', 'examples/topology.yml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^topogate \d+\.\d+\.\d+ FAIL: 2 findings at or above error/);
    expect(r.stdout).toMatch(/OS11-NET-002 {2}end-users -> fe-1 {2}examples\/topology.yml:16:9\n.*public-lb cannot reach fe-1 on tcp\/443.*Fix: add to the firewall of environment "production": - \{ from: public-lb, to: role:front-end, protocol: tcp, ports: \[443\] \}/);
    expect(r.stderr).toBe('');
  });

  it('--fail-on-unknown: a topology whose firewall was deleted fails instead of passing on unknowns', async () => {
    // The example without its firewall blocks: every flow is unknown, nothing fails.
    const text = readFileSync(path.join(work, 'examples', 'topology.yml'), 'utf8');
    const withoutFirewall = text.replace(/^ {4}firewall:\n(?: {6}.*\n|\s*\n)*/gm, '');
    expect(withoutFirewall).not.toMatch(/firewall:/);
    writeFileSync(path.join(work, 'no-firewall.yml'), withoutFirewall);
    const lenient = await cli(['check', '--topology', 'no-firewall.yml']);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/^topogate \S+ PASS: nothing at or above error \(0 error, 0 warning, 0 notice; [1-9]\d* unknown/);
    const strict = await cli(['check', '--topology', 'no-firewall.yml', '--fail-on-unknown']);
    expect(strict.code).toBe(1);
    const unknownErrors = /; (\d+) unknown/.exec(strict.stdout);
    expect(strict.stdout).toMatch(/^topogate \S+ FAIL: \d+ findings \(\d+ unknown\) at or above error, unknown included/);
    expect(unknownErrors).not.toBeNull();
    // Only unknowns at or above the threshold count; fail-on never still never fails.
    expect((await cli(['check', '--topology', 'no-firewall.yml', '--fail-on-unknown', '--fail-on', 'never'])).code).toBe(0);
    // The example itself: its failures fail either way, with no unknown among them.
    const example = await cli(['check', '--topology', 'examples/topology.yml', '--fail-on-unknown']);
    expect(example.code).toBe(1);
    expect(example.stdout).toMatch(/^topogate \S+ FAIL: 2 findings at or above error, unknown included/);
  });

  it('check is the default command; --fail-on never exits 0', async () => {
    expect((await cli(['--topology', 'examples/topology.yml', '--fail-on', 'never'])).code).toBe(0);
  });

  it('--format json --output writes the report atomically and prints the verdict', async () => {
    const r = await cli(['check', '--topology', 'examples/*.yml', '--format', 'json', '--output', 'report.json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(readFileSync(path.join(work, 'report.json'), 'utf8'));
    expect(json.summary.bySeverity.error).toBe(2);
    expect(json.findings.every((f: { location: { file: string } }) => f.location.file === 'examples/topology.yml')).toBe(true);
    expect(r.stdout).toMatch(/^topogate .* FAIL/);
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each(['markdown', 'sarif'])('--format %s renders to stdout', async (format) => {
    const r = await cli(['check', '--topology', 'examples/topology.yml', '--format', format]);
    expect(r.code).toBe(1);
    if (format === 'sarif') expect(JSON.parse(r.stdout).version).toBe('2.1.0');
    else expect(r.stdout).toMatch(/^### ❌ topogate/);
  });

  it('bad input: exit 2, file:line:column on stderr, nothing on stdout, no output file', async () => {
    writeFileSync(path.join(work, 'broken.yml'), 'version: 1\nenvironments:\n  - name: prod\n    servers:\n      - name: fe-1\n        roles: [front-end]\n        adresses: [10.0.0.1]\n');
    const r = await cli(['check', '--topology', 'broken.yml', '--format', 'json', '--output', 'broken-report.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^broken.yml:7:9: environment "prod" > server "fe-1": unknown key "adresses". Did you mean "addresses"\?/);
    expect(existsSync(path.join(work, 'broken-report.json'))).toBe(false);
  });

  it('a missing file or an empty glob is exit 2, naming it', async () => {
    const r = await cli(['check', '--topology', 'nope.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/topology "nope.yml" does not exist/);
    const g = await cli(['check', '--topology', 'nothing/**/*.yml']);
    expect(g.code).toBe(2);
    expect(g.stderr).toMatch(/matches no file/);
  });

  it('usage errors are exit 2 with the usage text', async () => {
    for (const args of [['check'], ['check', '--format', 'xml', '--topology', 'x'], ['frobnicate'], ['check', '--bogus']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/Usage: topogate/);
    }
  });

  it('a binary file is refused with a clear message', async () => {
    writeFileSync(path.join(work, 'plan.yml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]));
    const r = await cli(['check', '--topology', 'plan.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan.yml:1:1: this is a binary file \(zip archive\)/);
  });
});

describe('topogate validate and policies', () => {
  it('validate checks inputs and packs without evaluating', async () => {
    const r = await cli(['validate', '--topology', 'examples/topology.yml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('valid: 1 topology file(s), 0 plan(s), 2 environment(s), 1 policy pack(s) with 15 policies\n');
  });

  it('policies lists ids, titles and sources', async () => {
    const r = await cli(['policies']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^OS11-[A-Z]{3}-\d{3} /gm)).toHaveLength(15);
    expect(r.stdout).toMatch(/OS11-NET-002 {2}error {4}End users reach Front-End servers over HTTPS {2}\[outsystems-11\]\n {4}OutSystems 11 network requirements/);
  });

  it('a custom pack folder is loaded with --policies; a broken one is exit 2 at its line', async () => {
    const dir = path.join(work, 'packs', 'acme');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'pack.yaml'), 'name: acme\nversion: 1\ndescription: ACME\n');
    writeFileSync(path.join(dir, 'ssh.yaml'), 'id: ACME-SSH-001\ntitle: No SSH from the internet\nseverity: warning\nsource: ACME baseline\ncheck:\n  type: forbidden-flow\n  from: { client: internet }\n  to: { any: true }\n  ports: [22]\n');
    const ok = await cli(['policies', '--policies', 'packs']);
    expect(ok.stdout).toMatch(/ACME-SSH-001 {2}warning/);
    writeFileSync(path.join(dir, 'ssh.yaml'), 'id: ACME-SSH-001\ntitle: x\nseverity: loud\nsource: y\ncheck: { type: forbidden-flow, from: { client: internet }, to: { any: true }, ports: [22] }\n');
    const bad = await cli(['check', '--topology', 'examples/topology.yml', '--policies', 'packs/acme']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^packs\/acme\/ssh.yaml:3:11: severity: the text "loud" is not allowed/);
  });

  it('validate refuses what check would: a misspelt client in a pack, a waiver naming no policy', async () => {
    const dir = path.join(work, 'packs', 'typo');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'pack.yaml'), 'name: typo\nversion: 1\ndescription: typo\n');
    writeFileSync(path.join(dir, 'web.yaml'), 'id: TYPO-001\ntitle: x\nseverity: error\nsource: y\ncheck: { type: required-flow, from: { client: end-user }, to: { role: front-end }, ports: [443] }\n');
    for (const command of ['validate', 'check']) {
      const r = await cli([command, '--topology', 'examples/topology.yml', '--policies', 'packs/typo']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^packs\/typo\/web.yaml:5:47: policy TYPO-001 names client "end-user", .* Did you mean "end-users"\?/);
      expect(r.stdout).toBe('');
    }
    const waiver = readFileSync(path.join(work, 'examples', 'topology.yml'), 'utf8') + 'waivers:\n  - { policy: OS11-NET-02, environment: production, reason: vendor access until the VPN is live, expires: 2099-01-01 }\n';
    writeFileSync(path.join(work, 'waived.yml'), waiver);
    const r = await cli(['validate', '--topology', 'waived.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/this waiver names policy "OS11-NET-02", which no loaded pack defines. Did you mean OS11-NET-002\?/);
  });

  it('--version and --help', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect((await cli(['--version'])).stdout).toBe(`${pkg.version}\n`);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--fail-on LEVEL/);
  });
});

describe('a reader that stops early', () => {
  it('a closed stdout ends the CLI quietly (no EPIPE stack trace)', async () => {
    // Far more output than a pipe holds, so writes are still pending when the reader leaves.
    const servers = Array.from({ length: 300 }, (_, i) => `      - { name: fe-${i}, roles: [front-end], addresses: [10.0.${Math.floor(i / 250)}.${(i % 250) + 1}] }`);
    writeFileSync(path.join(work, 'farm.yml'), ['version: 1', 'environments:', '  - name: farm', '    servers:', ...servers, '    firewall: []', ''].join('\n'));
    const r = await runProcess('sh', ['-c', `"${process.execPath}" "${CLI}" check --topology farm.yml --verbose | head -c 100 > /dev/null`], { cwd: work });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
