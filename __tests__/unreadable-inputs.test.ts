import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn } from './helpers/cli-in-process.js';
import { ROOT } from './helpers/pipeline.js';
import { runProcess } from './helpers/run-process.js';

/**
 * Folders and files that are there but cannot be read (no permission, a symbolic link
 * loop, a link to nothing): each is bad input, exit 2 with the path, the reason in words
 * and what to do. Never an internal error, never "does not exist", never skipped.
 */

let work: string;
const locked: string[] = [];

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'topogate-unreadable-'));
  // Walkable by the unprivileged user the permission cases run as.
  chmodSync(work, 0o755);
  cpSync(path.join(ROOT, 'examples'), path.join(work, 'examples'), { recursive: true });
});

afterEach(() => {
  for (const p of locked.splice(0)) chmodSync(p, 0o755);
  rmSync(work, { recursive: true, force: true });
});

const cli = (args: string[]) => runCliIn(work, args);

const TOPOLOGY = 'examples/topology.yml';
const POLICY = 'id: ACME-SSH-001\ntitle: No SSH from the internet\nseverity: warning\nsource: ACME baseline\ncheck:\n  type: forbidden-flow\n  from: { client: internet }\n  to: { any: true }\n  ports: [22]\n';

function writePack(dir: string): void {
  mkdirSync(path.join(work, dir), { recursive: true });
  writeFileSync(path.join(work, dir, 'pack.yaml'), 'name: acme\nversion: 1\ndescription: ACME\n');
  writeFileSync(path.join(work, dir, 'ssh.yaml'), POLICY);
}

const link = (target: string, name: string) => symlinkSync(target, path.join(work, name));

/** A clean failure: exit 2, nothing on stdout, no stack. */
function expectBadInput(r: { code: number | null; stdout: string; stderr: string }): void {
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
}

describe('symbolic link loops and links to nothing under --policies', () => {
  it('a loop in a folder of packs: the folder and the entry, not an internal error', async () => {
    writePack('packs/acme');
    link('b', 'packs/a');
    link('a', 'packs/b');
    const r = await cli(['validate', '--policies', 'packs']);
    expectBadInput(r);
    expect(r.stderr).toBe('packs:1:1: cannot read "packs/a": a symbolic link loop (ELOOP). A symbolic link on the way points back to itself through other links: point it at a real file or folder, or remove it.\nnothing was checked.\n');
  });

  it('the folder named is a loop', async () => {
    link('loop', 'loop');
    const r = await cli(['validate', '--policies', 'loop']);
    expectBadInput(r);
    expect(r.stderr).toMatch(/^loop:1:1: cannot read "loop": a symbolic link loop \(ELOOP\)\./);
  });

  it("a pack's pack.yaml or policy file is a loop", async () => {
    writePack('p');
    rmSync(path.join(work, 'p', 'pack.yaml'));
    link('pack.yaml', 'p/pack.yaml');
    const packFile = await cli(['validate', '--policies', 'p']);
    expectBadInput(packFile);
    expect(packFile.stderr).toMatch(/^p:1:1: cannot read "p\/pack.yaml": a symbolic link loop \(ELOOP\)\./);

    writePack('q');
    link('x.yaml', 'q/x.yaml');
    const policy = await cli(['validate', '--policies', 'q']);
    expectBadInput(policy);
    expect(policy.stderr).toMatch(/^q\/x.yaml:1:1: cannot read the file: a symbolic link loop \(ELOOP\)\./);
  });

  it('a link to nothing in a folder of packs (a pack not checked out) is said, not skipped', async () => {
    writePack('packs/acme');
    link('../../elsewhere/shared', 'packs/shared');
    const r = await cli(['validate', '--policies', 'packs']);
    expectBadInput(r);
    expect(r.stderr).toMatch(/^packs:1:1: cannot read "packs\/shared": a symbolic link to a missing file or folder \(ENOENT\)\. Point the link at a file or folder that exists, or remove it\./);
  });
});

describe('what --policies takes', () => {
  it.each([
    ['a pattern', 'packs/*', /^packs\/\*:1:1: policy pack folder "packs\/\*" does not exist: --policies \(action input policies\) takes a pack folder \(pack.yaml and one YAML file per policy\) or a folder of packs, not a pattern, which is not expanded\. Pass the folder, "packs": the packs in it are found\./],
    ["a pack's pack.yaml", 'packs/acme/pack.yaml', /^packs\/acme\/pack.yaml:1:1: "packs\/acme\/pack.yaml" is a pack's pack.yaml, a file: --policies .* takes a pack folder .* Pass its folder, "packs\/acme"\./],
    ['a policy file of a pack', 'packs/acme/ssh.yaml', /^packs\/acme\/ssh.yaml:1:1: "packs\/acme\/ssh.yaml" is a file of the pack "packs\/acme": .* Pass the pack's folder, "packs\/acme"\./],
    ['a file of no pack', TOPOLOGY, /^examples\/topology.yml:1:1: "examples\/topology.yml" is a file: --policies \(action input policies\) takes a pack folder/],
    ['a folder that is not there', 'nowhere', /^nowhere:1:1: policy pack folder "nowhere" does not exist \(looked in .*nowhere\)\. --policies \(action input policies\) takes a pack folder/],
  ])('%s: says what to pass instead', async (_name, value, message) => {
    writePack('packs/acme');
    const r = await cli(['validate', '--policies', value]);
    expectBadInput(r);
    expect(r.stderr).toMatch(message);
  });
});

describe('topologies and plans that cannot be read', () => {
  it('a named topology that is a loop: "a symbolic link loop", not "does not exist"', async () => {
    link('loop2', 'loop1');
    link('loop1', 'loop2');
    const r = await cli(['validate', '--topology', 'loop1']);
    expectBadInput(r);
    expect(r.stderr).toBe(`topogate: topology "loop1" cannot be read (${path.join(work, 'loop1')}): a symbolic link loop (ELOOP). A symbolic link on the way points back to itself through other links: point it at a real file or folder, or remove it.\n`);
  });

  it('a loop a pattern matches is said, not skipped; one it does not match stays out of the way', async () => {
    mkdirSync(path.join(work, 'envs'));
    cpSync(path.join(work, TOPOLOGY), path.join(work, 'envs', 'prod.yml'));
    link('b.yml', 'envs/a.yml');
    link('a.yml', 'envs/b.yml');
    const r = await cli(['validate', '--topology', 'envs/*.yml']);
    expectBadInput(r);
    expect(r.stderr).toMatch(/^envs\/a.yml:1:1: cannot read the file: a symbolic link loop \(ELOOP\)\./);
    rmSync(path.join(work, 'envs', 'b.yml'));
    link('x', 'envs/loop');
    link('loop', 'envs/x');
    expect((await cli(['validate', '--topology', 'envs/prod.yml', '--topology', 'envs/*.yml', '--topology', '!envs/a.yml'])).code).toBe(0);
  });

  it('a plan listed in a topology that is a loop: "cannot be read", at the line that lists it', async () => {
    writeFileSync(path.join(work, 'topo.yml'), 'version: 1\nenvironments:\n  - name: production\n    terraform:\n      plans: [infra/plan.json]\n');
    mkdirSync(path.join(work, 'infra'));
    link('plan.json', 'infra/plan.json');
    const r = await cli(['validate', '--topology', 'topo.yml']);
    expectBadInput(r);
    expect(r.stderr).toMatch(/^topo.yml:5:15: plan "infra\/plan.json" cannot be read \(.*plan.json\): a symbolic link loop \(ELOOP\)\./);
  });

  it('a pattern in plans: is said to be one, with the two ways to name plans', async () => {
    writeFileSync(path.join(work, 'topo.yml'), "version: 1\nenvironments:\n  - name: production\n    terraform:\n      plans: ['infra/*.json']\n");
    mkdirSync(path.join(work, 'infra'));
    writeFileSync(path.join(work, 'infra', 'plan.json'), '{}');
    const r = await cli(['validate', '--topology', 'topo.yml']);
    expectBadInput(r);
    expect(r.stderr).toBe('topo.yml:5:15: plan "infra/*.json" is a pattern, and plans: takes file paths, not patterns (they are not expanded). List each plan file under plans:, or pass the pattern with --plan (action input plan).\nnothing was checked.\n');
  });
});

/*
 * Permission cases need a user the permission bits stop: root reads everything, so as
 * root the built CLI runs as nobody (runuser); as anyone else, as the user itself.
 */
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const isRoot = process.getuid?.() === 0;
const hasRunuser = (() => {
  try {
    execFileSync('runuser', ['--help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const canDropPermissions = process.platform !== 'win32' && (!isRoot || hasRunuser);

const unprivileged = (args: string[]) => {
  if (!existsSync(CLI)) throw new Error('dist/cli/index.js is missing: run npm run build');
  return isRoot ? runProcess('runuser', ['-u', 'nobody', '--', process.execPath, CLI, ...args], { cwd: work }) : runProcess(process.execPath, [CLI, ...args], { cwd: work });
};

function lock(relative: string): void {
  const p = path.join(work, relative);
  chmodSync(p, 0o000);
  locked.push(p);
}

describe.runIf(canDropPermissions)('folders and files without permission', () => {
  const denied = 'permission denied (EACCES). Make it readable by the user running topogate (chmod a+r for a file, a+rx for a folder and the folders above it).';

  it('a pack folder: cannot read the folder, exit 2', async () => {
    writePack('p');
    lock('p');
    const r = await unprivileged(['validate', '--policies', 'p']);
    expectBadInput(r);
    expect(r.stderr).toBe(`p:1:1: cannot read the folder: ${denied}\nnothing was checked.\n`);
  });

  it('a pack in a folder of packs: unreadable, not "holds no pack.yaml"', async () => {
    writePack('packs/acme');
    lock('packs/acme');
    const r = await unprivileged(['validate', '--policies', 'packs']);
    expectBadInput(r);
    expect(r.stderr).toBe(`packs/acme:1:1: cannot read the folder: ${denied}\nnothing was checked.\n`);
  });

  it('a sub-folder of a pack, which may hold policies', async () => {
    writePack('p');
    mkdirSync(path.join(work, 'p', 'drafts'));
    lock('p/drafts');
    const r = await unprivileged(['validate', '--policies', 'p']);
    expectBadInput(r);
    expect(r.stderr).toBe(`p/drafts:1:1: cannot read the folder: ${denied}\nnothing was checked.\n`);
  });

  it('a file among the policies: cannot tell whether it is one', async () => {
    writePack('packs/acme');
    writeFileSync(path.join(work, 'packs', 'stray.yaml'), POLICY);
    lock('packs/stray.yaml');
    const r = await unprivileged(['validate', '--policies', 'packs']);
    expectBadInput(r);
    expect(r.stderr).toMatch(/^packs\/stray.yaml:1:1: cannot read the file: permission denied \(EACCES\)\. .* It sits among policy files, so topogate must see whether it is one\./);
  });

  it('a folder a topology pattern meets: an error naming it, and the way to leave it out', async () => {
    mkdirSync(path.join(work, 'locked'));
    cpSync(path.join(work, TOPOLOGY), path.join(work, 'locked', 'staging.yml'));
    lock('locked');
    const r = await unprivileged(['validate', '--topology', '**/*.yml']);
    expectBadInput(r);
    expect(r.stderr).toBe(`topogate: topology pattern "**/*.yml" cannot look in the folder "locked" (${path.join(work, 'locked')}): ${denied} Or leave the folder out of the pattern with "!locked/**".\n`);
    const without = await unprivileged(['validate', '--topology', '**/*.yml', '--topology', '!locked/**']);
    expect(without.stderr).toBe('');
    expect(without.code).toBe(0);
  });

  it('a named topology in such a folder: "permission denied", not "does not exist"', async () => {
    mkdirSync(path.join(work, 'locked'));
    cpSync(path.join(work, TOPOLOGY), path.join(work, 'locked', 'staging.yml'));
    lock('locked');
    const r = await unprivileged(['validate', '--topology', 'locked/staging.yml']);
    expectBadInput(r);
    expect(r.stderr).toBe(`topogate: topology "locked/staging.yml" cannot be read (${path.join(work, 'locked', 'staging.yml')}): ${denied}\n`);
  });

  it('a topology file itself', async () => {
    lock(TOPOLOGY);
    const r = await unprivileged(['validate', '--topology', TOPOLOGY]);
    expectBadInput(r);
    expect(r.stderr).toBe(`${TOPOLOGY}:1:1: cannot read the file: ${denied}\nnothing was checked.\n`);
  });
});
