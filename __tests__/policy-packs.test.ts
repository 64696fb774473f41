import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../src/core/policy/pack.js';
import { AddressSet } from '../src/core/net/cidr.js';
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
    { name: 'a protocol two edits from another: no "did you mean"', text: GOOD_POLICY.replace('ports: [22]', 'protocol: icmp\n  ports: [22]'), line: 9, column: 13, message: /check > protocol: the text "icmp" is not allowed; use one of "tcp", "udp"\.$/ },
    { name: 'bad severity', text: GOOD_POLICY.replace('severity: error', 'severity: critical'), line: 3, column: 11, message: /"critical" is not allowed; use one of "error", "warning", "notice"/ },
    { name: 'missing source', text: GOOD_POLICY.replace('source: ACME security baseline 4.2\n', ''), line: 1, column: 1, message: /"source" is required.*Cite the requirement/ },
    { name: 'check parameter typo', text: GOOD_POLICY.replace('ports: [22]', 'port: [22]'), line: 9, column: 3, message: /unknown key "port". Did you mean "ports"\?/ },
    { name: 'selector with two keys', text: GOOD_POLICY.replace('{ any: true }', '{ role: a, server: b }'), line: 8, column: 7, message: /Write one of \{ role: NAME \}/ },
    { name: 'bad CIDR in the check', text: GOOD_POLICY.replace('{ client: internet }', '{ cidrs: [10.0.0.0/40] }'), line: 7, column: 19, message: /invalid prefix length/ },
    { name: 'a CIDR with host bits set, as in topologies', text: GOOD_POLICY.replace('{ client: internet }', '{ cidrs: [10.0.1.10/24] }'), line: 7, column: 19, message: /"10.0.1.10\/24" has host bits set beyond \/24\. Write the network address for a range/ },
    { name: 'a port past 65535: says the range', text: GOOD_POLICY.replace('ports: [22]', 'ports: [70000]'), line: 9, column: 11, message: /number 70000 is not valid\. A port is a whole number from 0 to 65535, or a quoted range/ },
    { name: 'an empty port list: says it is empty', text: GOOD_POLICY.replace('ports: [22]', 'ports: []'), line: 9, column: 10, message: /check > ports: an empty list is not valid\./ },
    { name: 'a selector with two keys: names them', text: GOOD_POLICY.replace('{ client: internet }', '{ client: internet, role: x }'), line: 7, column: 9, message: /check > from: must hold one key, not 2 \(client, role\)\./ },
    { name: 'reversed port range', text: GOOD_POLICY.replace('[22]', '["30-20"]'), line: 9, column: 11, message: /empty range/ },
    { name: 'lower-case id', text: GOOD_POLICY.replace('ACME-SSH-001', 'acme-ssh-1'), line: 1, column: 5, message: /look like OS11-NET-001/ },
    { name: 'not YAML', text: 'id: [unclosed\n', line: 1, column: 5, message: /invalid YAML: the bracket \[ opened here is never closed/ },
  ];
  it.each(broken)('a broken policy is an error at its line: $name', ({ text, line, column, message }) => {
    const problems = problemsOf(() => parsePack(pack({ 'ssh.yaml': text })));
    expect(problems[0].file).toBe('packs/acme/ssh.yaml');
    expect(problems[0].message).toMatch(message);
    expect([problems[0].line, problems[0].column]).toEqual([line, column]);
  });

  it('a client in pack.yaml with host bits set is an error at its value, as in topologies', () => {
    const p = problemsOf(() => parsePack({ dir: 'packs/acme', files: [{ path: 'packs/acme/pack.yaml', text: `${PACK_YAML}clients:\n  ops: [10.0.0.10/8]\n` }, { path: 'packs/acme/ssh.yaml', text: GOOD_POLICY }] }));
    expect(p.map((x) => [x.file, x.line, x.column, x.message])).toEqual([['packs/acme/pack.yaml', 5, 9, '"10.0.0.10/8" has host bits set beyond /8. Write the network address for a range, or the address without a prefix for one host.']]);
  });

  it('"internet" is built in: a pack or a topology that redefines it is an error at its key', () => {
    const pk = problemsOf(() => parsePack({ dir: 'packs/acme', files: [{ path: 'packs/acme/pack.yaml', text: `${PACK_YAML}clients:\n  internet: [10.0.0.0/8]\n` }, { path: 'packs/acme/ssh.yaml', text: GOOD_POLICY }] }));
    expect(pk.map((x) => [x.line, x.column, x.message.slice(0, 45)])).toEqual([[5, 3, 'client "internet" is built in: the public add']]);
    const topology = 'version: 1\nenvironments:\n  - name: lab\n    clients:\n      internet: [10.0.0.0/8]\n    servers:\n      - { name: a, roles: [front-end], addresses: [10.0.0.5] }\n';
    const tp = problemsOf(() => check(topology));
    expect(tp.map((x) => [x.line, x.column, x.message.slice(0, 45)])).toEqual([[5, 7, 'client "internet" is built in: the public add']]);
  });

  it('two packs giving one client different addresses is an error at the second; the same addresses are fine', () => {
    const other = (cidr: string) => ({ dir: 'packs/other', files: [{ path: 'packs/other/pack.yaml', text: `name: other\nversion: 1\ndescription: x\nclients:\n  end-users: [${cidr}]\n` }, { path: 'packs/other/a.yaml', text: GOOD_POLICY.replace('ACME-SSH-001', 'OTHER-SSH-001') }] });
    const p = problemsOf(() => loadPolicies([builtinPack(), other('10.0.0.0/8')]));
    expect(p.map((x) => [x.file, x.line, x.column])).toEqual([['packs/other/pack.yaml', 5, 3]]);
    expect(p[0].message).toMatch(/^client "end-users" is also defined by pack outsystems-11 \(.*pack.yaml:\d+\) with other addresses \(0.0.0.0\/0\); a client has one default/);
    expect(() => loadPolicies([builtinPack(), other('0.0.0.0/0')])).not.toThrow();
  });

  it('a folder without pack.yaml is not a pack', () => {
    expect(problemsOf(() => parsePack({ dir: 'x', files: [{ path: 'x/a.yaml', text: GOOD_POLICY }] }))[0].message).toMatch(/no pack.yaml/);
  });

  it('a pack name used twice is an error at the second pack.yaml\'s name', () => {
    const twin = { dir: 'packs/twin', files: [{ path: 'packs/twin/pack.yaml', text: 'description: x\nname: acme\nversion: 1\n' }, { path: 'packs/twin/a.yaml', text: GOOD_POLICY.replace('ACME-SSH-001', 'TWIN-SSH-001') }] };
    const p = problemsOf(() => loadPolicies([pack({ 'ssh.yaml': GOOD_POLICY }), twin]));
    expect(p.map((x) => [x.file, x.line, x.column, x.message])).toEqual([['packs/twin/pack.yaml', 2, 7, 'pack name "acme" is also the name of packs/acme; pack names are unique: rename this one.']]);
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

describe('pack files that would check nothing or be ignored', () => {
  it('port 0 alone is an error at the value; "0-65535" is every port', () => {
    const zero = GOOD_POLICY.replace('ports: [22]', 'ports: [0]');
    const p = problemsOf(() => parsePack(pack({ 'ssh.yaml': zero })));
    expect(p.map((x) => x.message)).toEqual(['port 0 is no port a service listens on, so the policy would check nothing. For every port write "0-65535"; otherwise list the ports.']);
    expect(() => parsePack(pack({ 'ssh.yaml': GOOD_POLICY.replace('ports: [22]', 'ports: ["0-65535"]') }))).not.toThrow();
  });

  it('pack.yaml beside pack.yml is an error: one of them would be ignored', () => {
    const both = pack({ 'ssh.yaml': GOOD_POLICY });
    both.files.push({ path: 'packs/acme/pack.yml', text: 'name: other\nversion: 2\ndescription: x\n' });
    expect(problemsOf(() => parsePack(both))[0].message).toMatch(/^"packs\/acme" holds both pack\.yaml and pack\.yml; a pack has one/);
  });
});

describe('names a policy uses', () => {
  const lab = yaml`
    version: 1
    environments:
      - name: lab
        clients:
          admins: [10.8.0.0/24]
        servers:
          - { name: jump-1, roles: [bastion], addresses: [10.9.0.4] }
        firewall:
          - { from: admins, to: role:bastion, ports: [22] }
  `;
  const policy = (from: string, to: string) => yaml`
    id: ACME-SSH-003
    title: Admins reach the bastion
    severity: error
    source: ACME baseline
    check:
      type: required-flow
      from: ${from}
      to: ${to}
      ports: [22]
  `;
  const run = (from: string, to: string, topology = lab) => check(topology, { packs: [builtinPack(), pack({ 'ssh.yaml': policy(from, to) })] });

  it('a client no pack and no environment declares is an error at the policy line, with "did you mean"', () => {
    const p = problemsOf(() => run('{ client: admns }', '{ role: bastion }'));
    expect(p).toHaveLength(1);
    expect([p[0].file, p[0].line, p[0].column]).toEqual(['packs/acme/ssh.yaml', 7, 19]);
    expect(p[0].message).toMatch(/^policy ACME-SSH-003 names client "admns", which no loaded pack \(pack.yaml clients:\) and no topology environment \(clients:\) declares, so it can never be checked. Did you mean "admins"\?/);
  });

  it('without a close name, the message lists the clients there are', () => {
    const p = problemsOf(() => run('{ client: contractors }', '{ role: bastion }'));
    expect(p[0].message).toMatch(/Known clients: admins, development-tools, end-users, internet\./);
  });

  it('a client one environment declares is not an error: the others get unknown findings, as before', () => {
    const two = lab.replace('version: 1\nenvironments:\n', 'version: 1\nenvironments:\n  - name: other\n    servers:\n      - { name: jump-2, roles: [bastion], addresses: [10.9.1.4] }\n');
    const report = run('{ client: admins }', '{ role: bastion }', two);
    const ssh = report.findings.filter((f) => f.policy === 'ACME-SSH-003');
    expect(ssh.map((f) => [f.environment, f.status])).toEqual([['lab', 'pass'], ['other', 'unknown']]);
  });

  it.each([
    ['frontend', 'front-end'],
    ['bastoin', 'bastion'],
    ['Bastion', 'bastion'],
    ['bastio', 'bastion'],
  ])('a role no server holds that nearly matches one (%s for %s) is an error', (written, meant) => {
    const p = problemsOf(() => run('{ client: admins }', `{ role: ${written} }`));
    expect(p).toHaveLength(1);
    expect([p[0].line, p[0].column]).toEqual([8, 15]);
    expect(p[0].message).toContain(`names role "${written}", which no server holds, so the policy checks nothing; did you mean "${meant}"?`);
  });

  it.each([
    ['controler', 'controller'],
    ['Controller', 'controller'],
    ['frontend', 'front-end'],
  ])('a server role no policy names that nearly matches one a policy does (%s for %s) is an error at the server', (held, meant) => {
    const topology = lab.replace('jump-1, roles: [bastion]', `jump-1, roles: [bastion, ${held}]`);
    const p = problemsOf(() => run('{ client: admins }', '{ role: bastion }', topology));
    expect(p).toHaveLength(1);
    expect(p[0].message).toBe(`server jump-1 holds role "${held}", which no policy names, so the policies about role "${meant}" do not check it; did you mean "${meant}"? Role names are exact (case too). If "${held}" is a role of its own, give it a name that does not read like "${meant}".`);
    // A role of its own that reads like none passes.
    expect(() => run('{ client: admins }', '{ role: bastion }', lab.replace('jump-1, roles: [bastion]', 'jump-1, roles: [bastion, monitoring]'))).not.toThrow();
  });

  it.each([
    ['server', 'fe-3', '{ server: fe-3 }', '{ role: bastion1 }'],
    ['role', 'bastion2', '{ client: admins }', '{ role: bastion2 }'],
  ])('a numbered sibling (%s %s of fe-1 / bastion1) is a name of its own, not a slip', (_kind, _name, from, to) => {
    const topology = lab.replace('jump-1, roles: [bastion]', 'fe-1, roles: [bastion1]').replace('to: role:bastion', 'to: role:bastion1');
    expect(() => run(from, to, topology)).not.toThrow();
  });

  it('a client suggestion is only offered for a near miss: a shared pack\'s other client is not a slip for end-users', () => {
    const p = problemsOf(() => run('{ client: vpn-users }', '{ role: bastion }'));
    expect(p[0].message).not.toMatch(/Did you mean/);
    expect(p[0].message).toMatch(/Known clients: admins, development-tools, end-users, internet\./);
  });

  it.each([
    ['{ client: admins }', '{ server: bastion }', 'names server "bastion", but "bastion" is a role here', 'Write { role: bastion }.'],
    ['{ role: jump-1 }', '{ role: bastion }', 'names role "jump-1", but "jump-1" is a server here', 'Write { server: jump-1 }.'],
    ['{ role: admins }', '{ role: bastion }', 'names role "admins", but "admins" is a client here', 'Write { client: admins } (a client can only be a source, in from).'],
    ['{ client: jump-1 }', '{ role: bastion }', 'names client "jump-1", but "jump-1" is a server here', 'Write { server: jump-1 }.'],
  ])('a name of the wrong kind (%s -> %s) is an error, not a pass on nothing', (from, to, what, fix) => {
    const p = problemsOf(() => run(from, to));
    expect(p).toHaveLength(1);
    expect(p[0].message).toBe(`policy ACME-SSH-003 ${what}, so the policy would not check what it means. ${fix} If the pack means a ${what.match(/names (\w+)/)![1]} this repository does not have, turn ACME-SSH-003 off with an override (overrides: [{ policy: ACME-SSH-003, severity: off, reason: ... }] in a topology file).`);
  });

  it('a role nothing holds and nothing resembles has nothing to check, as before (a shared pack may name roles a repository lacks)', () => {
    const report = run('{ client: admins }', '{ role: lifetime }');
    const ssh = report.findings.filter((f) => f.policy === 'ACME-SSH-003');
    expect(ssh.map((f) => [f.status, f.message])).toEqual([['pass', 'Nothing to check: no server in "lab" matches role:lifetime.']]);
  });

  it('the roles topogate gives by itself, named by a policy and held by no server, are not taken for typos of a held role; a held role that reads like one is', () => {
    // `database`, which the built-in pack names and no server here holds, is no typo of
    // `databases`: the policy's side says nothing. The server's side does: `databases` is
    // what no policy checks, and reads like `database`.
    const topology = lab.replace('roles: [bastion]', 'roles: [bastion, databases]');
    const p = problemsOf(() => run('{ client: admins }', '{ role: bastion }', topology));
    expect(p.map((x) => x.message)).toEqual([expect.stringMatching(/^server jump-1 holds role "databases", which no policy names, so the policies about role "database" do not check it; did you mean "database"\?/)]);
  });

  it('a placement check\'s roles and a server name are checked the same way', () => {
    const placement = yaml`
      id: ACME-LAT-001
      title: One provider
      severity: notice
      source: ACME baseline
      check: { type: same-provider, roles: [bastoin] }
    `;
    const p = problemsOf(() => check(lab, { packs: [builtinPack(), pack({ 'lat.yaml': placement, 'ssh.yaml': policy('{ server: jump1 }', '{ role: bastion }') })] }));
    expect(p.map((x) => [x.file, x.line, x.message.match(/names (\w+ "[^"]+")/)?.[1], x.message.match(/did you mean "([^"]+)"/)?.[1]])).toEqual([
      ['packs/acme/lat.yaml', 5, 'role "bastoin"', 'bastion'],
      ['packs/acme/ssh.yaml', 7, 'server "jump1"', 'jump-1'],
    ]);
  });

  it('a server whose roles are not known until apply may hold any role: no error then', async () => {
    const { policyNameProblems } = await import('../src/core/policy/policy-names.js');
    const env = { name: 'e', location: { file: 't', line: 1, column: 1 }, clients: new Map(), loadBalancers: [], servers: [{ name: 's', roles: [], rolesUnknown: 'tag unknown' }] };
    const names = [{ kind: 'role' as const, name: 'bastoin', location: { file: 'p', line: 1, column: 1 } }];
    expect(policyNameProblems([{ id: 'X-1', names }], [env as never], [])).toEqual([]);
    const known = { ...env, servers: [{ name: 's', roles: ['bastion'] }] };
    expect(policyNameProblems([{ id: 'X-1', names }], [known as never], [])).toHaveLength(1);
  });

  it('ports: database towards a server that is not a database says so, rather than blaming a missing engine', () => {
    const text = policy('{ client: admins }', '{ role: bastion }').replace('ports: [22]', 'ports: database');
    const report = check(lab, { packs: [builtinPack(), pack({ 'ssh.yaml': text })] });
    const [f] = report.findings.filter((x) => x.policy === 'ACME-SSH-003');
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/ports: database asks for each target's database port, and jump-1 is not a database \(it does not hold role database\): list the ports, or select databases with to: \{ role: database \}/);
  });

  it('a forbidden flow from a role has one subject per source server: a waiver for one does not cover a new opening for another', () => {
    const forbid = policy('{ role: bastion }', '{ server: db-1 }').replace('type: required-flow', 'type: forbidden-flow');
    const two = `${lab.replace('addresses: [10.9.0.4] }', 'addresses: [10.9.0.4] }\n      - { name: jump-2, roles: [bastion], addresses: [10.9.0.5] }\n      - { name: db-1, roles: [database], engine: sqlserver, addresses: [10.0.3.5] }')}      - { from: 10.9.0.4, to: db-1, ports: [22] }\n      - { from: 10.9.0.5, to: db-1, ports: [22] }\nwaivers:\n  - { policy: ACME-SSH-003, environment: lab, subject: jump-1 -> db-1, reason: legacy job until Q3, expires: 2027-01-31 }\n`;
    const findings = check(two, { packs: [builtinPack(), pack({ 'ssh.yaml': forbid })] }).findings.filter((f) => f.policy === 'ACME-SSH-003');
    expect(findings.map((f) => [f.subject, f.status])).toEqual([['jump-1 -> db-1', 'waived'], ['jump-2 -> db-1', 'fail']]);
    expect(findings[1].message).toMatch(/^db-1 accepts tcp\/22 from jump-2 \(10\.9\.0\.5\)/);
  });

  it('a topology server or balancer without addresses is named as such in an undecided finding, not "not known until apply"', () => {
    // jump-1 may or may not be 10.9.0.4, which the opening names.
    const fromJump = policy('{ role: bastion }', '{ server: db-1 }').replace('type: required-flow', 'type: forbidden-flow');
    const noAddress = `${lab.replace('addresses: [10.9.0.4] }', '}\n      - { name: db-1, roles: [database], engine: sqlserver, addresses: [10.0.3.5] }')}      - { from: 10.9.0.4, to: db-1, ports: [22] }\n`;
    const [server] = check(noAddress, { packs: [builtinPack(), pack({ 'ssh.yaml': fromJump })] }).findings.filter((f) => f.policy === 'ACME-SSH-003');
    expect(server.status).toBe('unknown');
    expect(server.message).toContain('jump-1 declares no addresses in the topology: add `addresses:` to it');
    expect(server.message).not.toContain('until apply');
    const viaLb = `${lab.replace('    firewall:', '    load-balancers:\n      - { name: lb, listeners: [ { port: 2222, to: jump-1, target-port: 22 } ] }\n    firewall:')}      - { from: 0.0.0.0/0, to: lb, ports: [2222] }\n`;
    const forbid = policy('{ client: internet }', '{ role: bastion }').replace('type: required-flow', 'type: forbidden-flow');
    const [balanced] = check(viaLb, { packs: [builtinPack(), pack({ 'ssh.yaml': forbid })] }).findings.filter((f) => f.policy === 'ACME-SSH-003');
    expect(balanced.status).toBe('unknown');
    expect(balanced.message).toContain('lb declares no addresses in the topology: add `addresses:` to it');
  });

  it('a topology client nearly named like a pack client a policy uses is an error at the client: the policy would check the default range instead', () => {
    const withPartners = { ...pack({ 'ssh.yaml': policy('{ client: partners }', '{ role: bastion }').replace('type: required-flow', 'type: forbidden-flow') }) };
    withPartners.files[0] = { path: 'packs/acme/pack.yaml', text: `${PACK_YAML}clients:\n  partners: [203.0.113.0/24]\n` };
    const topology = lab.replace('admins: [10.8.0.0/24]', 'admins: [10.8.0.0/24]\n      partner: [192.0.2.0/24]');
    const p = problemsOf(() => check(topology, { packs: [builtinPack(), withPartners] }));
    expect(p).toHaveLength(1);
    expect([p[0].file, p[0].line]).toEqual(['topology.yml', topology.split('\n').findIndex((l) => l.includes('partner: [192.0.2.0/24]')) + 1]);
    expect(p[0].message).toBe('environment "lab" declares client "partner", which no policy names, so the policies about client "partners" check its default range and not this one; did you mean "partners"? Client names are exact (case too). If "partner" is a client of its own, give it a name that does not read like "partners".');
    // Named exactly, it is the client the policy checks.
    expect(() => check(topology.replace('partner:', 'partners:'), { packs: [builtinPack(), withPartners] })).not.toThrow();
  });

  it('ports: database towards a database of unknown port: every port open (or none) decides; part of them does not', () => {
    const forbid = policy('{ role: bastion }', '{ role: database }').replace('ports: [22]', 'ports: database').replace('type: required-flow', 'type: forbidden-flow');
    const topology = (opening: string) => lab.replace('addresses: [10.9.0.4] }\n', 'addresses: [10.9.0.4] }\n      - { name: pg-1, roles: [database], addresses: [10.0.3.6] }\n') + `      - ${opening}\n`;
    const status = (opening: string, text = forbid) => check(topology(opening), { packs: [builtinPack(), pack({ 'ssh.yaml': text })] }).findings.filter((x) => x.policy === 'ACME-SSH-003' && x.subject.endsWith('pg-1'));
    const all = status('{ from: role:bastion, to: pg-1, protocol: all }');
    expect(all.map((f) => f.status)).toEqual(['fail']);
    expect(all[0].message).toMatch(/^Database pg-1 declares neither "engine" \(sqlserver \| oracle\) nor "port", so its port is not known, but every port is open from jump-1, so whichever port it is: /);
    expect(status('{ from: role:bastion, to: pg-1, ports: [5432] }').map((f) => f.status)).toEqual(['unknown']);
    expect(status('{ from: admins, to: pg-1, ports: [5432] }').map((f) => f.status)).toEqual(['pass']);
  });

  it('ports: database towards a server whose roles are unknown until apply blames the missing engine, as for a database', async () => {
    const { portsFor } = await import('../src/core/checks/required-flow.js');
    const params = { type: 'required-flow', from: { role: 'front-end' }, to: { role: 'database' }, ports: 'database' } as never;
    const server = (extra: object) => ({ kind: 'server', name: 'x', roles: [], identities: [], addresses: AddressSet.EMPTY, addressesExact: false, ingress: [], egress: [], location: { file: 'p', line: 1, column: 1 }, ...extra }) as never;
    const reason = (extra: object) => {
      const r = portsFor(params, server(extra));
      return r.ok ? '' : r.reason;
    };
    expect(reason({ rolesUnknown: 'tags of x are not known until apply' })).toMatch(/^database x declares neither "engine"/);
    expect(reason({ rolesUnknown: 'a selector may match', possibleRoles: ['front-end'] })).toMatch(/^ports: database asks for each target's database port, and x is not a database/);
    expect(reason({})).toMatch(/and x is not a database/);
  });

  it('a policy turned off by an override is not checked', () => {
    const topology = `${lab}overrides:\n  - { policy: ACME-SSH-003, severity: off, reason: no such client here }\n`;
    const report = run('{ client: contractors }', '{ role: bastion }', topology);
    expect(report.findings.filter((f) => f.policy === 'ACME-SSH-003')).toEqual([]);
  });

  it('overrides that turn off every loaded policy are an error at the first of them: nothing would be checked, and the run would pass', () => {
    const topology = `${lab}overrides:\n  - { policy: ACME-SSH-003, severity: off, reason: not here }\n`;
    const only = () => check(topology, { packs: [pack({ 'ssh.yaml': policy('{ client: admins }', '{ role: bastion }') })] });
    const p = problemsOf(only);
    expect(p).toHaveLength(1);
    expect([p[0].file, p[0].line]).toEqual(['topology.yml', topology.split('\n').indexOf('  - { policy: ACME-SSH-003, severity: off, reason: not here }') + 1]);
    expect(p[0].message).toMatch(/^overrides turn off every loaded policy \(1\), so topogate would check nothing and report a pass/);
    // One policy still on: a run.
    expect(() => run('{ client: admins }', '{ role: bastion }', topology)).not.toThrow();
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
