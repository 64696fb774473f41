import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/pipeline.js';
import { runProcess } from './helpers/run-process.js';

/** The committed CLI bundle on Terraform plans: a real process in a scratch repository. */

const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
let work: string;

const cli = (args: string[], cwd = work) => runProcess(process.execPath, [CLI, ...args], { cwd });

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli/index.js is missing: run npm run build');
  work = mkdtempSync(path.join(os.tmpdir(), 'topogate-plans-'));
  cpSync(path.join(ROOT, 'examples', 'terraform'), path.join(work, 'infra'), { recursive: true });
});

describe('topogate check --plan', () => {
  it('finds the one mistake of the AWS example on the .tf line of the group to fix: exit 1', async () => {
    const r = await cli(['check', '--plan', 'infra/aws/plan.json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^topogate \d+\.\d+\.\d+ FAIL: 1 finding at or above error/);
    expect(r.stdout).toMatch(/FAIL error {3}OS11-NET-006 {2}aws_instance\.controller -> aws_db_instance\.platform {2}infra\/aws\/main\.tf:66:1\n.*security group aws_security_group\.database: no rule allows it\)\. Fix: add an ingress rule to aws_security_group\.database allowing tcp\/1433 from role:controller \(its security group aws_security_group\.controller\)\./);
  });

  it('--format json: environments from the tags, every finding located in the repository', async () => {
    const r = await cli(['check', '--plan', 'infra/*/plan.json', '--format', 'json', '--output', 'report.json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(work, 'report.json'), 'utf8')) as { environments: unknown[]; findings: Array<{ policy: string; status: string; location: { file: string } }> };
    // The three examples all tag their servers "production": one environment on three clouds.
    expect(json.environments).toEqual([{ name: 'production', providers: ['aws', 'azure', 'gcp'], servers: 12 }]);
    expect(json.findings.find((f) => f.policy === 'OS11-LAT-001')?.status).toBe('fail');
    const files = new Set(json.findings.map((f) => f.location.file));
    expect([...files].every((f) => /^infra\/(aws|azure|gcp)\/(main\.tf|plan\.json)$/.test(f))).toBe(true);
    expect(files.has('infra/azure/main.tf') && files.has('infra/gcp/main.tf')).toBe(true);
  });

  it('validate counts plans', async () => {
    const r = await cli(['validate', '--plan', 'infra/gcp/plan.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('valid: 0 topology file(s), 1 plan(s), 1 environment(s), 1 policy pack(s) with 15 policies\n');
  });

  it('a topology names the plan (relative to itself) and gives the clients; --topology alone reads it', async () => {
    mkdirSync(path.join(work, 'ops'), { recursive: true });
    cpSync(path.join(work, 'infra', 'aws'), path.join(work, 'ops', 'aws'), { recursive: true });
    writeFileSync(path.join(work, 'ops', 'topology.yml'), 'version: 1\nenvironments:\n  - name: production\n    clients:\n      end-users: [0.0.0.0/0, "::/0"]\n    terraform:\n      plans: [aws/plan.json]\n');
    const r = await cli(['check', '--topology', 'ops/topology.yml', '--format', 'json']);
    const json = JSON.parse(r.stdout) as { environments: Array<{ name: string; servers: number }>; findings: Array<{ policy: string; status: string; location: { file: string } }> };
    expect(json.environments).toEqual([{ name: 'production', providers: ['aws'], servers: 4 }]);
    expect(json.findings.filter((f) => f.status === 'fail').map((f) => [f.policy, f.location.file])).toEqual([['OS11-NET-006', 'ops/aws/main.tf']]);
    // The topology's end users include IPv6 (the default ones are IPv4), which the plan's
    // IPv4-only front-ends take only through a path the plan does not show: unknown, not a pass.
    const v6 = json.findings.filter((f) => ['OS11-NET-001', 'OS11-NET-002'].includes(f.policy));
    expect(v6.map((f) => f.status)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(v6.every((f) => /has no IPv6 address, so IPv6 clients reach it only through a load balancer or a path this plan does not show/.test((f as unknown as { message: string }).message))).toBe(true);
  });

  it('a state file given as a plan: exit 2, what it is and how to make a plan, nothing on stdout', async () => {
    writeFileSync(path.join(work, 'state.json'), JSON.stringify({ version: 4, terraform_version: '1.9.0', serial: 1, lineage: 'x', outputs: {}, resources: [] }));
    const r = await cli(['check', '--plan', 'state.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^state\.json:1:1: this is a Terraform state file \(terraform\.tfstate\), not a plan.*terraform show -json plan\.out > plan\.json/);
  });

  it('a topology naming a missing plan, or one outside the workspace: exit 2 at the line that names it', async () => {
    writeFileSync(path.join(work, 'missing.yml'), 'version: 1\nenvironments:\n  - name: p\n    terraform:\n      plans: [nowhere/plan.json]\n');
    const missing = await cli(['check', '--topology', 'missing.yml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^missing\.yml:5:15: plan "nowhere\/plan\.json" does not exist/);
    const outside = mkdtempSync(path.join(os.tmpdir(), 'topogate-outside-'));
    writeFileSync(path.join(outside, 'plan.json'), '{"format_version":"1.2"}');
    symlinkSync(outside, path.join(work, 'linked'));
    writeFileSync(path.join(work, 'escape.yml'), 'version: 1\nenvironments:\n  - name: p\n    terraform:\n      plans: [linked/plan.json]\n');
    const escape = await cli(['check', '--topology', 'escape.yml']);
    expect(escape.code).toBe(2);
    expect(escape.stderr).toMatch(/^escape\.yml:5:15: "linked\/plan\.json" resolves outside the workspace/);
  });

  it('a folder named as a plan says it is a folder and which file to name, in a topology and on the command line', async () => {
    mkdirSync(path.join(work, 'infra', 'prod'), { recursive: true });
    writeFileSync(path.join(work, 'folder.yml'), 'version: 1\nenvironments:\n  - name: p\n    terraform:\n      plans: [infra/prod]\n');
    const listed = await cli(['check', '--topology', 'folder.yml']);
    expect(listed.code).toBe(2);
    expect(listed.stderr).toMatch(/^folder\.yml:5:15: plan "infra\/prod" is a folder \(.*infra[\\/]prod\); plans: lists plan JSON files\. Name the file, e\.g\. infra\/prod\/plan\.json/);
    const given = await cli(['check', '--plan', 'infra/prod']);
    expect(given.code).toBe(2);
    expect(given.stderr).toMatch(/plan "infra\/prod" is a folder \(.*\), not a file: name the files, or a pattern such as "infra\/prod\/\*\.json"/);
  });
});
