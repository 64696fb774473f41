import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCliIn } from './helpers/cli-in-process.js';
import { requireWritableFilePath } from '../src/io/write-atomically.js';
import { ROOT } from './helpers/pipeline.js';

/**
 * The CLI's edge with files it did not expect, run from the source (runCli) in a scratch
 * workspace: every case ends in exit 2 and a clear message, with nothing written.
 */

let work: string;

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'topogate-cli-hardening-'));
  cpSync(path.join(ROOT, 'examples'), path.join(work, 'examples'), { recursive: true });
});

const cli = (args: string[]) => runCliIn(work, args);

const TOPOLOGY = 'examples/topology.yml';
const tmpFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** A folder outside the workspace, holding a file whose content must never be quoted. */
function outsideFile(name: string, text = 'SECRET-CONTENT: [unclosed\n'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'topogate-outside-'));
  writeFileSync(path.join(dir, name), text);
  return dir;
}

function writePack(dir: string, policy = 'id: ACME-SSH-001\ntitle: No SSH from the internet\nseverity: warning\nsource: ACME baseline\ncheck:\n  type: forbidden-flow\n  from: { client: internet }\n  to: { any: true }\n  ports: [22]\n'): void {
  mkdirSync(path.join(work, dir), { recursive: true });
  writeFileSync(path.join(work, dir, 'pack.yaml'), 'name: acme\nversion: 1\ndescription: ACME\n');
  writeFileSync(path.join(work, dir, 'ssh.yaml'), policy);
}

describe('--output that cannot be written', () => {
  it('a folder: exit 2, what is in the way, no stack, no temporary file, nothing on stdout', async () => {
    mkdirSync(path.join(work, 'outdir'));
    const r = await cli(['check', '--topology', TOPOLOGY, '--output', 'outdir']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`topogate: cannot write the report to ${path.join(work, 'outdir')}: it is a folder, and writing would replace it with a regular file; pass the path of a file (new or existing). Nothing was written.\n`);
    expect(tmpFiles(work)).toEqual([]);
    expect(readdirSync(path.join(work, 'outdir'))).toEqual([]);
  });

  it.each([
    ['a place no file can be created', '/proc/out.json', /a file cannot be created there \(ENOENT\)/],
    ['a path through a file', `${TOPOLOGY}/report.json`, /a part of the path is a file, not a folder/],
    ['a path deeper through a file', `${TOPOLOGY}/sub/report.json`, /a part of the path is a file, not a folder/],
  ])('%s: exit 2 with the reason, nothing left behind', async (_name, output, reason) => {
    const r = await cli(['check', '--topology', TOPOLOGY, '--output', output]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^topogate: cannot write the report to \S+: /);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(tmpFiles(work)).toEqual([]);
  });
});

describe('--output never replaces what is not a report', () => {
  it('a symbolic link stays a link, its target untouched', async () => {
    writeFileSync(path.join(work, 'target.json'), 'keep');
    symlinkSync('target.json', path.join(work, 'link.json'));
    const r = await cli(['check', '--topology', TOPOLOGY, '--output', 'link.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/link.json: it is a symbolic link, and writing would replace it with a regular file; pass the path of a file/);
    expect(lstatSync(path.join(work, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(work, 'target.json'), 'utf8')).toBe('keep');
  });

  // Only looked at, never written: code without the check, run as root, would replace the
  // machine's /dev/null with a file. The CLI is run on a device of its own below.
  it.each([
    ['/dev/full', 'a device'],
    ['/dev/null', 'a device'],
    ['/dev/stdout', 'a symbolic link'],
  ])('%s is refused as %s', (device, kind) => {
    expect(() => requireWritableFilePath(device)).toThrow(`cannot write ${device}: it is ${kind}`);
  });

  it.runIf(process.getuid?.() === 0)('a device node in the workspace is refused, not replaced', async () => {
    execFileSync('mknod', [path.join(work, 'null'), 'c', '1', '3']);
    const r = await cli(['check', '--topology', TOPOLOGY, '--output', 'null']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/null: it is a device/);
    expect(lstatSync(path.join(work, 'null')).isCharacterDevice()).toBe(true);
  });

  it('a FIFO is refused, not replaced', async () => {
    execFileSync('mkfifo', [path.join(work, 'pipe')]);
    const r = await cli(['check', '--topology', TOPOLOGY, '--output', 'pipe']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pipe: it is a named pipe \(FIFO\)/);
    expect(lstatSync(path.join(work, 'pipe')).isFIFO()).toBe(true);
  });

  it.each([
    ['the topology', [], TOPOLOGY],
    ['the topology, written another way', [], `./examples/../${TOPOLOGY}`],
    ['the plan', ['--plan', 'examples/terraform/aws/plan.json'], 'examples/terraform/aws/plan.json'],
    ['a .tf file read to place findings', ['--plan', 'examples/terraform/aws/plan.json'], 'examples/terraform/aws/main.tf'],
    ['a policy file of a pack', ['--policies', 'packs/acme'], 'packs/acme/ssh.yaml'],
  ])('an input is never overwritten: %s', async (_name, extra, output) => {
    writePack('packs/acme');
    const file = path.join(work, output);
    const before = readFileSync(file, 'utf8');
    const r = await cli(['check', '--topology', TOPOLOGY, ...extra, '--format', 'json', '--output', output]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/: it is one of the files this run read .* pass another file path\. Nothing was written\.\n$/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('an ordinary new or existing file is still written', async () => {
    writeFileSync(path.join(work, 'old.json'), 'old');
    for (const output of ['old.json', 'reports/new.json']) {
      const r = await cli(['check', '--topology', TOPOLOGY, '--format', 'json', '--output', output]);
      expect(r.code).toBe(1);
      expect(JSON.parse(readFileSync(path.join(work, output), 'utf8')).summary.bySeverity.error).toBe(2);
    }
    expect(tmpFiles(work)).toEqual([]);
  });
});

describe('stderr quotes inputs inertly', () => {
  const INJECTION = 'db\n::error file=x::pwned';

  /** No line a runner would take as a workflow command, and no raw control or bidi character. */
  function expectInert(stderr: string): void {
    for (const line of stderr.split('\n')) {
      expect(line.trimStart().startsWith('::'), line).toBe(false);
      expect(line).not.toContain('##[');
    }
    // eslint-disable-next-line no-control-regex
    expect(stderr.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  }

  it('a server name and a key: escapes shown, never a command', async () => {
    const topology = `version: 1\nenvironments:\n  - name: prod\n    servers:\n      - name: ${JSON.stringify(INJECTION)}\n        roles: [front-end]\n        addresses: [10.0.0.1]\n        ${JSON.stringify('k\n::error::key\u001b[31m')}: 1\n`;
    writeFileSync(path.join(work, 'evil.yml'), topology);
    const r = await cli(['check', '--topology', 'evil.yml']);
    expect(r.code).toBe(2);
    expectInert(r.stderr);
    expect(r.stderr).toContain('server "db\\n::error file=x::pwned"');
    expect(r.stderr).toContain('unknown key "k\\n::error::key\\u001b[31m"');
  });

  it('a firewall value with a bidi override and a legacy ##[ command', async () => {
    const topology = `version: 1\nenvironments:\n  - name: prod\n    servers:\n      - { name: fe-1, roles: [front-end], addresses: [10.0.0.1] }\n    firewall:\n      - { from: ${JSON.stringify('x\u202e\n##[error]y')}, to: role:front-end, ports: [443] }\n`;
    writeFileSync(path.join(work, 'evil.yml'), topology);
    const r = await cli(['check', '--topology', 'evil.yml']);
    expect(r.code).toBe(2);
    expectInert(r.stderr);
    expect(r.stderr).toContain('x\\u202e\\n#');
  });

  it('invisible characters in a key, a file name or a flag value are shown as escapes', async () => {
    writeFileSync(path.join(work, 'zw.yml'), 'version: 1\nenvironments:\n  - name: p\n    servers\u200b: []\n');
    const key = await cli(['check', '--topology', 'zw.yml']);
    expect(key.code).toBe(2);
    expect(key.stderr).toBe('zw.yml:4:5: environment "p": unknown key "servers\\u200b". Did you mean "servers"?\nnothing was checked.\n');
    const file = await cli(['check', '--topology', 'nope\u2060\ufeff.yml']);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/^topogate: topology "nope\\u2060\\ufeff\.yml" does not exist/);
    const flag = await cli(['check', '--topology', TOPOLOGY, '--fail-on', 'error\u{e0041}']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^topogate: --fail-on must be one of error, warning, notice, never, not "error\\u\{e0041\}"/);
    for (const r of [key, file, flag]) expect(r.stderr).not.toMatch(/[\u200b\u2060\ufeff]|\u{e0041}/u);
  });

  it('a file name found by a glob', async () => {
    writeFileSync(path.join(work, `a${INJECTION}.yml`), 'version: 2\n');
    const r = await cli(['check', '--topology', '*.yml']);
    expect(r.code).toBe(2);
    expectInert(r.stderr);
    expect(r.stderr).toMatch(/^adb\\n::error file=x::pwned\.yml:1:/);
  });

  it('usage and missing-file messages quoting arguments', async () => {
    for (const args of [['check', '--topology', TOPOLOGY, '--format', INJECTION], [INJECTION]]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expectInert(r.stderr);
      expect(r.stderr).toContain('db\\n::error file=x::pwned');
    }
    // A line break in --topology separates two patterns (as in the action's input): each is named, inertly.
    const missing = await cli(['check', '--topology', `${INJECTION}.yml`]);
    expect(missing.code).toBe(2);
    expectInert(missing.stderr);
  });
});

describe('symbolic links out of the workspace', () => {
  it('a glob through a linked folder: refused, the file content never quoted', async () => {
    symlinkSync(outsideFile('passwd.conf'), path.join(work, 'link_dir'));
    const r = await cli(['check', '--topology', 'link_dir/*.conf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^link_dir\/passwd.conf:1:1: the file resolves to .*passwd.conf, outside the workspace \(.*\); inputs must be files of the repository/);
    expect(r.stderr).not.toContain('SECRET');
  });

  it('policy files a pack would not read are an error, not skipped in silence; other YAML beside packs is left alone', async () => {
    const policy = 'id: ACME-SSH-002\ntitle: x\nseverity: error\nsource: y\ncheck: { type: forbidden-flow, from: { client: internet }, to: { any: true }, ports: [23] }\n';
    writePack('packs/acme');
    // Test fixtures, lint settings: not policies, not an error.
    mkdirSync(path.join(work, 'packs/acme/tests'));
    writeFileSync(path.join(work, 'packs/acme/tests/topology.yml'), 'version: 1\nenvironments: []\n');
    writeFileSync(path.join(work, 'packs/.yamllint.yml'), 'rules: {}\n');
    writeFileSync(path.join(work, 'packs/acme/.yamllint.yml'), 'rules: {}\n');
    expect((await cli(['validate', '--policies', 'packs/acme'])).code).toBe(0);
    expect((await cli(['validate', '--policies', 'packs'])).code).toBe(0);
    // A policy in a sub-folder of a pack, whether the pack is named or found in a folder of packs.
    mkdirSync(path.join(work, 'packs/acme/ssh'));
    writeFileSync(path.join(work, 'packs/acme/ssh/ACME-SSH-002.yaml'), policy);
    for (const dir of ['packs/acme', 'packs']) {
      const nested = await cli(['validate', '--policies', dir]);
      expect(nested.code).toBe(2);
      expect(nested.stderr).toMatch(/^packs\/acme\/ssh\/ACME-SSH-002.yaml:1:1: pack "packs\/acme" has policy files in sub-folders \(ssh\/ACME-SSH-002.yaml\), which a pack does not read/);
    }
    rmSync(path.join(work, 'packs/acme/ssh'), { recursive: true });
    // A policy written as JSON (valid YAML, but not a .yaml file); a package.json is none of ours.
    writeFileSync(path.join(work, 'packs/acme/package.json'), '{ "name": "acme-pack", "version": "1.0.0" }\n');
    expect((await cli(['validate', '--policies', 'packs/acme'])).code).toBe(0);
    writeFileSync(path.join(work, 'packs/acme/ACME-SSH-002.json'), JSON.stringify({ id: 'ACME-SSH-002', title: 'x', severity: 'error', source: 'y', check: { type: 'same-provider' } }));
    for (const dir of ['packs/acme', 'packs']) {
      const json = await cli(['validate', '--policies', dir]);
      expect(json.code).toBe(2);
      expect(json.stderr).toMatch(/^packs\/acme\/ACME-SSH-002\.json:1:1: pack "packs\/acme" holds policy files written as JSON \(ACME-SSH-002\.json\), which a pack does not read: its policies are \.yaml or \.yml files\. Rename it to \.yaml/);
    }
    rmSync(path.join(work, 'packs/acme/ACME-SSH-002.json'));
    // A folder of policies without pack.yaml beside the packs.
    mkdirSync(path.join(work, 'packs/web'));
    writeFileSync(path.join(work, 'packs/web/WEB-001.yaml'), policy);
    const loose = await cli(['validate', '--policies', 'packs']);
    expect(loose.code).toBe(2);
    expect(loose.stderr).toMatch(/^packs:1:1: "packs" is a folder of packs \(acme\), but it also holds policy files outside them \(web\/\), which would not be read/);
    rmSync(path.join(work, 'packs/web'), { recursive: true });
    // A pack two levels down (packs/teams/net) is no pack of the folder passed either.
    writePack('packs/teams/net', policy.replace('ACME-SSH-002', 'NET-001'));
    const deeper = await cli(['validate', '--policies', 'packs']);
    expect(deeper.code).toBe(2);
    expect(deeper.stderr).toMatch(/^packs:1:1: "packs" is a folder of packs \(acme\), but it also holds policy files outside them \(teams\/\).*pass a deeper folder with a --policies of its own/);
    rmSync(path.join(work, 'packs/teams'), { recursive: true });
    // Policies in a pack's sub-folder written as JSON, a flow mapping or with quoted keys: found too.
    for (const text of [JSON.stringify({ id: 'ACME-SSH-002', check: { type: 'same-provider' } }, null, 2), "{ id: ACME-SSH-002, check: { type: same-provider } }\n", '"id": ACME-SSH-002\n"check": { type: same-provider }\n']) {
      mkdirSync(path.join(work, 'packs/acme/drafts/deep/er'), { recursive: true });
      writeFileSync(path.join(work, 'packs/acme/drafts/deep/er/ACME-SSH-002.yaml'), text);
      const hidden = await cli(['validate', '--policies', 'packs/acme']);
      expect(hidden.code, text).toBe(2);
      expect(hidden.stderr).toMatch(/has policy files in sub-folders \(drafts\/deep\/er\/ACME-SSH-002\.yaml\)/);
      rmSync(path.join(work, 'packs/acme/drafts'), { recursive: true });
    }
  });

  it('hidden, extension-less and otherwise named policy files, and hidden sub-folders, are an error at the file; other files there are left alone', async () => {
    const policy = 'id: ACME-SSH-002\ntitle: x\nseverity: error\nsource: y\ncheck: { type: forbidden-flow, from: { client: internet }, to: { any: true }, ports: [23] }\n';
    writePack('packs/acme');
    // Not policies: a README quoting one, a binary file, hidden settings, version control.
    writeFileSync(path.join(work, 'packs/acme/README.md'), `# ACME\n\n\`\`\`yaml\n${policy}\`\`\`\n`);
    writeFileSync(path.join(work, 'packs/acme/.DS_Store'), Buffer.from([0, 0, 0, 1, 66, 117, 100, 49, 0, 0, 16, 0]));
    writeFileSync(path.join(work, 'packs/acme/CODEOWNERS'), '* @acme/network\n');
    writeFileSync(path.join(work, 'packs/.editorconfig'), 'root = true\n');
    mkdirSync(path.join(work, 'packs/acme/.git/refs'), { recursive: true });
    writeFileSync(path.join(work, 'packs/acme/.git/refs/ACME-SSH-002.yaml'), policy);
    mkdirSync(path.join(work, 'packs/.git'));
    writeFileSync(path.join(work, 'packs/.git/ACME-SSH-002.yaml'), policy);
    for (const dir of ['packs/acme', 'packs']) expect((await cli(['validate', '--policies', dir])).code, dir).toBe(0);
    const cases: Array<[string, RegExp]> = [
      ['.ACME-SSH-002.yaml', /^packs\/acme\/\.ACME-SSH-002\.yaml:1:1: pack "packs\/acme" holds policy files it does not read \(\.ACME-SSH-002\.yaml\): .* whose names do not start with a dot, so this one would never run\. Rename it to NAME\.yaml in the pack folder \("\.ACME-SSH-002\.yaml" to "ACME-SSH-002\.yaml"\) to run it, or move it out of the pack\.$/m],
      ['ACME-SSH-002', /^packs\/acme\/ACME-SSH-002:1:1: .*\("ACME-SSH-002" to "ACME-SSH-002\.yaml"\)/m],
      ['ACME-SSH-002.yaml.bak', /^packs\/acme\/ACME-SSH-002\.yaml\.bak:1:1: .*\("ACME-SSH-002\.yaml\.bak" to "ACME-SSH-002\.yaml"\)/m],
      ['.drafts/ACME-SSH-002.yaml', /^packs\/acme\/\.drafts\/ACME-SSH-002\.yaml:1:1: pack "packs\/acme" has policy files in sub-folders \(\.drafts\/ACME-SSH-002\.yaml\), .* or move them out of the pack\.$/m],
      ['drafts/.ACME-SSH-002.yml', /^packs\/acme\/drafts\/\.ACME-SSH-002\.yml:1:1: pack "packs\/acme" has policy files in sub-folders/m],
    ];
    for (const [file, message] of cases) {
      mkdirSync(path.dirname(path.join(work, 'packs/acme', file)), { recursive: true });
      writeFileSync(path.join(work, 'packs/acme', file), policy);
      for (const dir of ['packs/acme', 'packs']) {
        const r = await cli(['validate', '--policies', dir]);
        expect(r.code, `${file} in ${dir}`).toBe(2);
        expect(r.stderr, `${file} in ${dir}`).toMatch(message);
      }
      rmSync(path.join(work, 'packs/acme', file.split('/')[0]), { recursive: true });
    }
    // Beside the packs of a folder of packs: a hidden file, or a hidden folder without pack.yaml.
    for (const file of ['.ACME-SSH-002.yaml', 'ACME-SSH-002', '.drafts/ACME-SSH-002.yaml']) {
      mkdirSync(path.dirname(path.join(work, 'packs', file)), { recursive: true });
      writeFileSync(path.join(work, 'packs', file), policy);
      const r = await cli(['validate', '--policies', 'packs']);
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toMatch(new RegExp(`^packs:1:1: "packs" is a folder of packs \\(acme\\), but it also holds policy files outside them \\(${file.replace('/ACME-SSH-002.yaml', '/').replace(/\./g, '\\.')}\\), which would not be read`));
      rmSync(path.join(work, 'packs', file.split('/')[0]), { recursive: true });
    }
  });

  it('a folder of packs linked out of the workspace: refused for the link, its loose files never looked into', async () => {
    const outside = outsideFile('LOOSE-001.yaml', 'id: LOOSE-001\ncheck: { type: same-provider }\n');
    mkdirSync(path.join(outside, 'acme'));
    writeFileSync(path.join(outside, 'acme/pack.yaml'), 'name: acme\nversion: 1\ndescription: ACME\n');
    symlinkSync(outside, path.join(work, 'packs'));
    const r = await cli(['validate', '--policies', 'packs']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^packs\/acme\/pack.yaml:1:1: the file resolves to .*, outside the workspace/);
    expect(r.stderr).not.toContain('LOOSE-001');
  });

  it('a linked file in a pack folder', async () => {
    writePack('packs/x');
    symlinkSync(path.join(outsideFile('passwd'), 'passwd'), path.join(work, 'packs/x/evil.yaml'));
    for (const args of [['check', '--topology', TOPOLOGY, '--policies', 'packs/x'], ['validate', '--policies', 'packs'], ['policies', '--policies', 'packs/x']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^packs\/x\/evil.yaml:1:1: the file resolves to .*, outside the workspace/);
      expect(r.stderr).not.toContain('SECRET');
    }
  });

  it('a plan found by a glob, and a topology named directly', async () => {
    const outside = outsideFile('plan.json', '{"SECRET-CONTENT": ');
    mkdirSync(path.join(work, 'plans'));
    symlinkSync(path.join(outside, 'plan.json'), path.join(work, 'plans/p.json'));
    const plan = await cli(['check', '--plan', 'plans/*.json']);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toMatch(/^plans\/p.json:1:1: the file resolves to .*, outside the workspace/);
    symlinkSync(path.join(outsideFile('t.yml'), 't.yml'), path.join(work, 't.yml'));
    const topology = await cli(['check', '--topology', 't.yml']);
    expect(topology.code).toBe(2);
    expect(topology.stderr).toMatch(/^t.yml:1:1: the file resolves to .*, outside the workspace/);
    expect(plan.stderr + topology.stderr).not.toContain('SECRET');
  });

  it('a file the user names outside the workspace, without a link, is read as named', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'topogate-outside-'));
    cpSync(path.join(work, TOPOLOGY), path.join(outside, 'topology.yml'));
    const r = await cli(['check', '--topology', path.relative(work, path.join(outside, 'topology.yml'))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL/);
  });

  it('a link that stays inside the workspace is followed; the built-in pack is read', async () => {
    symlinkSync('examples', path.join(work, 'inside'));
    const r = await cli(['check', '--topology', 'inside/*.yml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/OS11-NET-002/);
  });
});

describe('no policy to check against', () => {
  it('--no-builtin without packs is exit 2, not a pass on nothing; a report file is not written', async () => {
    const r = await cli(['check', '--topology', TOPOLOGY, '--no-builtin', '--output', 'r.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^topogate: policies: no policy to check against: the built-in pack is off \(--no-builtin, action input builtin-policies: false\) and no pack is given\. Pass packs with --policies DIR/);
    expect(existsSync(path.join(work, 'r.json'))).toBe(false);
    // With a pack of its own, the same run checks.
    writePack('packs/acme');
    const withPack = await cli(['check', '--topology', TOPOLOGY, '--no-builtin', '--policies', 'packs/acme']);
    expect(withPack.stderr).not.toMatch(/no policy to check/);
  });
});

describe('validate --policies alone', () => {
  it('validates the packs, as the README says: exit 0 and the summary', async () => {
    writePack('packs/acme');
    const r = await cli(['validate', '--policies', 'packs/acme']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('valid: 0 topology file(s), 0 plan(s), 0 environment(s), 2 policy pack(s) with 16 policies\n');
  });

  it('a broken pack is exit 2 at its line', async () => {
    writePack('packs/acme', 'id: ACME-SSH-001\ntitle: x\nseverity: loud\nsource: y\ncheck: { type: forbidden-flow, from: { client: internet }, to: { any: true }, ports: [22] }\n');
    const r = await cli(['validate', '--policies', 'packs/acme', '--no-builtin']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^packs\/acme\/ssh.yaml:3:11: severity: the text "loud" is not allowed/);
  });

  it('validate and policies refuse the options of check: they write no report, and an option silently ignored would look obeyed', async () => {
    for (const args of [['validate', '--topology', TOPOLOGY, '--output', 'r.json'], ['policies', '--format', 'json'], ['validate', '--topology', TOPOLOGY, '--fail-on', 'warning'], ['validate', '--topology', TOPOLOGY, '--verbose'], ['policies', '--fail-on-unknown']]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^topogate: --(output|format|fail-on|verbose|fail-on-unknown) applies to check only; ${args[0]} writes no report and evaluates no policy`));
    }
    expect(existsSync(path.join(work, 'r.json'))).toBe(false);
    // policies reads no topology or plan: naming one would look read.
    for (const option of ['--topology', '--plan']) {
      const r = await cli(['policies', option, 'x.yml']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^topogate: ${option} does not apply to policies, which lists the policies of the packs only`));
    }
    expect((await cli(['policies', '--policies', 'packs/none', '--help'])).code).toBe(0);
    // The same pack folder named twice is read once, not a clash of pack names.
    writePack('packs/twice');
    expect((await cli(['policies', '--no-builtin', '--policies', 'packs/twice', '--policies', './packs/twice/'])).code).toBe(0);
    const none = await cli(['policies', '--no-builtin']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^topogate: nothing to list: --no-builtin drops the built-in pack; pass --policies DIR/);
  });

  it('validate with nothing named is still a usage error', async () => {
    const r = await cli(['validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^topogate: nothing to validate: pass --topology FILE, --plan FILE and\/or --policies DIR\n\nUsage:/);
  });
});


describe('usage errors', () => {
  it('an empty --policies is one, not the current folder read as a folder of packs', async () => {
    writePack('p');
    for (const args of [['validate', '--policies', ''], ['check', '--topology', TOPOLOGY, '--policies', ' ']]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^topogate: --policies needs a folder: a policy pack, or a folder of packs\n\nUsage:/);
    }
  });

  it('an unknown option suggests the nearest one, which works, rather than "put it after --"', async () => {
    for (const [args, message] of [
      [['check', '--Topology', TOPOLOGY], 'unknown option "--Topology"; did you mean --topology?'],
      [['check', '--topology', TOPOLOGY, '--fail-onn', 'never'], 'unknown option "--fail-onn"; did you mean --fail-on?'],
      [['check', '--topology', TOPOLOGY, '--zzzzzzzz'], 'unknown option "--zzzzzzzz"; the options are listed below.'],
    ] as const) {
      const r = await cli([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n\n')[0]).toBe(`topogate: ${message}`);
      expect(r.stderr).toMatch(/\n\nUsage:/);
    }
    // The advice works.
    expect((await cli(['check', '--topology', TOPOLOGY])).code).toBe(1);
  });

  it('a single-value option given twice is a usage error naming it; --topology, --plan and --policies repeat', async () => {
    for (const [args, message] of [
      [['--fail-on', 'error', '--fail-on', 'never'], '--fail-on is given twice ("error", then "never"); it takes one value. Give it once.'],
      [['--format', 'json', '-f', 'text'], '--format is given twice ("json", then "text"); it takes one value. Give it once.'],
      [['-o', 'a.json', '--output=b.json'], '--output is given twice ("a.json", then "b.json"); it takes one value. Give it once.'],
    ] as const) {
      const r = await cli(['check', '--topology', TOPOLOGY, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n\n')[0]).toBe(`topogate: ${message}`);
    }
    expect(existsSync(path.join(work, 'a.json')) || existsSync(path.join(work, 'b.json'))).toBe(false);
    writePack('packs/acme');
    writeFileSync(path.join(work, 'staging.yml'), readFileSync(path.join(work, TOPOLOGY), 'utf8').replace(/^ {2}- name: (\S+)/gm, '  - name: $1-copy'));
    const repeated = await cli(['check', '--topology', TOPOLOGY, '--topology', 'staging.yml', '--policies', 'packs/acme', '--policies', 'packs/acme', '--verbose', '--verbose']);
    expect(repeated.code).toBe(1);
  });

  it('an empty --topology or --plan is a usage error, not dropped beside a valid one', async () => {
    for (const args of [['--topology', TOPOLOGY, '--topology', ''], ['--topology', TOPOLOGY, '--plan', ' ']]) {
      const r = await cli(['check', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^topogate: --${args[2].slice(2)} needs a file name or a glob, not an empty value\n\nUsage:`));
    }
  });

  it("an option missing its value: Node's message over several lines is printed as one, without a literal \\n", async () => {
    const r = await cli(['check', '--topology', '--verbose']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n\n')[0]).toBe("topogate: Option '--topology' argument is ambiguous. Did you forget to specify the option argument for '--topology'? To specify an option argument starting with a dash use '--topology=-XYZ'.");
  });
});

describe('nothing to check is never a pass', () => {
  it('a topology without environments, and no plan: exit 2 at its environments key', async () => {
    writeFileSync(path.join(work, 'empty.yml'), 'version: 1\nenvironments: []\n');
    const r = await cli(['check', '--topology', 'empty.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^empty.yml:2:\d+: this topology file declares no environment, and no plan is given, so there is nothing to check/m);
  });

  it('a file of waivers beside one with environments is fine', async () => {
    writeFileSync(path.join(work, 'waivers.yml'), 'version: 1\nwaivers:\n  - { policy: OS11-NET-001, environment: production, reason: known gap, expires: 2026-12-01 }\n');
    const r = await cli(['check', '--topology', TOPOLOGY, '--topology', 'waivers.yml', '--fail-on', 'never']);
    expect(r.code).toBe(0);
  });

  it('patterns that only exclude: exit 2, saying to name files', async () => {
    const r = await cli(['check', '--topology', `!${TOPOLOGY}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the topology patterns only exclude files \(!examples\/topology.yml\): name the files to check too/);
  });
});

describe('selectors without a plan', () => {
  it('exit 2 at the selectors: they would select nothing', async () => {
    writeFileSync(path.join(work, 'sel.yml'), 'version: 1\nenvironments:\n  - name: prod\n    terraform:\n      select:\n        - { type: aws_instance, role: front-end }\n');
    const r = await cli(['check', '--topology', 'sel.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sel.yml:6:\d+: environment "prod" selects servers from Terraform plans, but no plan is given/m);
  });
});
