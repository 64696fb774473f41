import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/model.js';
import { builtinPack, check } from './helpers/pipeline.js';
import { parsePack } from '../src/core/policy/pack.js';

/**
 * The built-in pack, table-driven: a correct OutSystems farm where every policy passes,
 * and for each policy the variants that make it fail and make it unknown, with the
 * subject, the line the finding points at and what its message must say.
 */

const OPENINGS: Record<string, string> = {
  web: '- { from: end-users, to: role:front-end, ports: [80, 443] }',
  dev: '- { from: development-tools, to: role:front-end, ports: [80, 443] }',
  db: '- { from: [role:front-end, role:controller], to: role:database, ports: [1433] }',
  ctl: '- { from: role:front-end, to: role:controller, ports: [12000, 5672] }',
  deploy: '- { from: role:controller, to: role:front-end, ports: [80, 12001, 12002] }',
  mon: '- { from: role:front-end, to: role:front-end, ports: [80, 12001, 12002] }',
};

const SERVERS = [
  '- { name: ctl-1, roles: [controller], addresses: [10.0.1.10] }',
  // Dual-stack front-ends: end users come over IPv6 too (a server with no IPv6 address cannot be reached over it).
  '- { name: fe-1, roles: [front-end], addresses: [10.0.2.11, "fd00:2::11"] }',
  '- { name: fe-2, roles: [front-end], addresses: [10.0.2.12, "fd00:2::12"] }',
  '- { name: db, roles: [database], engine: sqlserver, addresses: [10.0.3.5] }',
];

interface Variant {
  openings?: Record<string, string | undefined> | null;
  /** Narrower end users, so that the world-wide web opening does not also cover developers and servers. */
  endUsers?: string;
  servers?: string[];
  head?: string;
}

function topology(v: Variant = {}): string {
  const openings = v.openings === null ? null : Object.values({ ...OPENINGS, ...(v.openings ?? {}) }).filter((x): x is string => x !== undefined);
  return [
    'version: 1',
    'environments:',
    '  - name: prod',
    ...(v.head ?? '    provider: aws\n    region: eu-west-1').split('\n'),
    '    clients:',
    `      end-users: ${v.endUsers ?? '[0.0.0.0/0, "::/0"]'}`,
    '      development-tools: [198.51.100.0/24]',
    '    servers:',
    ...(v.servers ?? SERVERS).map((s) => `      ${s}`),
    ...(openings ? ['    firewall:', ...openings.map((o) => `      ${o}`)] : []),
    '',
  ].join('\n');
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

interface Expect {
  subject: string;
  status: Finding['status'];
  /** The finding sits on the first line containing this text. */
  lineWith?: string;
  message?: RegExp;
}

interface Case {
  policy: string;
  name: string;
  variant: Variant;
  expect: Expect[];
}

const NO_FIREWALL: Variant = { openings: null };

const cases: Case[] = [
  // End users -> front-end 80 / 443
  { policy: 'OS11-NET-001', name: 'the farm', variant: {}, expect: [{ subject: 'end-users -> fe-1', status: 'pass', lineWith: 'from: end-users', message: /allowed by opening end-users -> role:front-end tcp\/80, 443/ }, { subject: 'end-users -> fe-2', status: 'pass' }] },
  { policy: 'OS11-NET-001', name: 'only 443 opened', variant: { openings: { web: '- { from: end-users, to: role:front-end, ports: [443] }' } }, expect: [{ subject: 'end-users -> fe-1', status: 'fail', lineWith: 'name: fe-1', message: /^end-users \(0\.0\.0\.0\/0, ::\/0\) except 10\.0\.1\.10, 10\.0\.2\.11, 10\.0\.2\.12, 198\.51\.100\.0\/24 and 2 more blocks cannot reach fe-1 on tcp\/80.*Fix: add to the firewall of environment "prod": - \{ from: end-users, to: role:front-end, protocol: tcp, ports: \[80\] \}/ }, { subject: 'end-users -> fe-2', status: 'fail', lineWith: 'name: fe-2' }] },
  { policy: 'OS11-NET-001', name: 'no firewall', variant: NO_FIREWALL, expect: [{ subject: 'end-users -> fe-1', status: 'unknown', lineWith: 'name: fe-1', message: /declares no firewall/ }, { subject: 'end-users -> fe-2', status: 'unknown' }] },
  { policy: 'OS11-NET-002', name: 'the farm', variant: {}, expect: [{ subject: 'end-users -> fe-1', status: 'pass' }, { subject: 'end-users -> fe-2', status: 'pass' }] },
  { policy: 'OS11-NET-002', name: 'IPv4 only: ::/0 is not covered', variant: { openings: { web: '- { from: 0.0.0.0/0, to: role:front-end, ports: [80, 443] }' } }, expect: [{ subject: 'end-users -> fe-1', status: 'fail', message: /^::\/0 of end-users cannot reach fe-1 on tcp\/443.*from: end-users/ }, { subject: 'end-users -> fe-2', status: 'fail' }] },
  { policy: 'OS11-NET-002', name: 'IPv4-only front-ends: IPv6 end users cannot reach them, whatever the opening admits', variant: { servers: [SERVERS[0], '- { name: fe-1, roles: [front-end], addresses: [10.0.2.11] }', '- { name: fe-2, roles: [front-end], addresses: [10.0.2.12] }', SERVERS[3]] }, expect: [{ subject: 'end-users -> fe-1', status: 'fail', lineWith: 'name: fe-1', message: /^::\/0 of end-users cannot reach fe-1 on tcp\/443 \(fe-1 lists no IPv6 address in the topology\)\. Fix: if fe-1 has an IPv6 address, add it to its `addresses:` \(and open tcp\/443 to it from end-users where no rule does\), or bring these clients in through a dual-stack load balancer\.$/ }, { subject: 'end-users -> fe-2', status: 'fail' }] },
  { policy: 'OS11-NET-002', name: 'IPv4-only front-ends behind a balancer: it carries the IPv6 end users', variant: { servers: [SERVERS[0], '- { name: fe-1, roles: [front-end], addresses: [10.0.2.11] }', '- { name: fe-2, roles: [front-end], addresses: [10.0.2.12] }', SERVERS[3]], openings: { web: '- { from: end-users, to: lb, ports: [443] }\n      - { from: lb, to: role:front-end, ports: [443] }' }, head: '    provider: aws\n    region: eu-west-1\n    load-balancers:\n      - { name: lb, addresses: [10.0.0.5], listeners: [{ port: 443, to: role:front-end }] }' }, expect: [{ subject: 'end-users -> fe-1', status: 'pass', message: /through lb/ }, { subject: 'end-users -> fe-2', status: 'pass' }] },
  { policy: 'OS11-NET-002', name: 'no firewall', variant: NO_FIREWALL, expect: [{ subject: 'end-users -> fe-1', status: 'unknown' }, { subject: 'end-users -> fe-2', status: 'unknown' }] },
  // Development tools -> front-end 80 / 443
  { policy: 'OS11-NET-003', name: 'two halves of the office network together', variant: { openings: { dev: '- { from: [198.51.100.0/25, 198.51.100.128/25], to: role:front-end, ports: [80, 443] }' } }, expect: [{ subject: 'development-tools -> fe-1', status: 'pass' }, { subject: 'development-tools -> fe-2', status: 'pass' }] },
  { policy: 'OS11-NET-003', name: 'half the office network', variant: { endUsers: '[203.0.113.0/24]', openings: { dev: '- { from: 198.51.100.0/25, to: role:front-end, ports: [80, 443] }' } }, expect: [{ subject: 'development-tools -> fe-1', status: 'fail', message: /^198\.51\.100\.128\/25 of development-tools cannot reach fe-1 on tcp\/80/ }, { subject: 'development-tools -> fe-2', status: 'fail' }] },
  { policy: 'OS11-NET-003', name: 'no firewall', variant: NO_FIREWALL, expect: [{ subject: 'development-tools -> fe-1', status: 'unknown' }, { subject: 'development-tools -> fe-2', status: 'unknown' }] },
  { policy: 'OS11-NET-004', name: 'the farm', variant: {}, expect: [{ subject: 'development-tools -> fe-1', status: 'pass' }, { subject: 'development-tools -> fe-2', status: 'pass' }] },
  { policy: 'OS11-NET-004', name: 'opened to one front-end only', variant: { endUsers: '[203.0.113.0/24]', openings: { dev: '- { from: development-tools, to: [fe-1], ports: [80, 443] }' } }, expect: [{ subject: 'development-tools -> fe-1', status: 'pass' }, { subject: 'development-tools -> fe-2', status: 'fail', lineWith: 'name: fe-2' }] },
  { policy: 'OS11-NET-004', name: 'no firewall', variant: NO_FIREWALL, expect: [{ subject: 'development-tools -> fe-1', status: 'unknown' }, { subject: 'development-tools -> fe-2', status: 'unknown' }] },
  // Database
  { policy: 'OS11-NET-005', name: 'the farm', variant: {}, expect: [{ subject: 'fe-1 -> db', status: 'pass', message: /fe-1 \(10\.0\.2\.11, fd00:2::11\) reaches db on tcp\/1433/ }, { subject: 'fe-2 -> db', status: 'pass' }] },
  { policy: 'OS11-NET-005', name: 'only the controller opened', variant: { openings: { db: '- { from: role:controller, to: db, ports: [1433] }' } }, expect: [{ subject: 'fe-1 -> db', status: 'fail', lineWith: 'name: db', message: /fe-1 \(10\.0\.2\.11, fd00:2::11\) cannot reach db on tcp\/1433.*from: role:front-end, to: role:database, protocol: tcp, ports: \[1433\]/ }, { subject: 'fe-2 -> db', status: 'fail' }] },
  { policy: 'OS11-NET-005', name: 'one front-end address only', variant: { openings: { db: '- { from: [10.0.2.11, role:controller], to: db, ports: [1433] }' } }, expect: [{ subject: 'fe-1 -> db', status: 'pass' }, { subject: 'fe-2 -> db', status: 'fail', message: /fe-2 \(10\.0\.2\.12, fd00:2::12\) cannot reach db on tcp\/1433/ }] },
  { policy: 'OS11-NET-005', name: 'oracle listens on 1521', variant: { servers: [...SERVERS.slice(0, 3), '- { name: db, roles: [database], engine: oracle, addresses: [10.0.3.5] }'] }, expect: [{ subject: 'fe-1 -> db', status: 'fail', message: /tcp\/1521/ }, { subject: 'fe-2 -> db', status: 'fail' }] },
  { policy: 'OS11-NET-005', name: 'a declared port wins over the engine', variant: { servers: [...SERVERS.slice(0, 3), '- { name: db, roles: [database], engine: sqlserver, port: 1433, addresses: [10.0.3.5] }'], openings: {} }, expect: [{ subject: 'fe-1 -> db', status: 'pass' }, { subject: 'fe-2 -> db', status: 'pass' }] },
  { policy: 'OS11-NET-005', name: 'a non-default port must be opened', variant: { servers: [...SERVERS.slice(0, 3), '- { name: db, roles: [database], engine: sqlserver, port: 1500, addresses: [10.0.3.5] }'] }, expect: [{ subject: 'fe-1 -> db', status: 'fail', message: /tcp\/1500/ }, { subject: 'fe-2 -> db', status: 'fail' }] },
  { policy: 'OS11-NET-005', name: 'a database without engine or port', variant: { servers: [...SERVERS.slice(0, 3), '- { name: db, roles: [database], addresses: [10.0.3.5] }'] }, expect: [{ subject: 'fe-1 -> db', status: 'unknown', message: /neither "engine".*nor "port"/ }, { subject: 'fe-2 -> db', status: 'unknown' }] },
  { policy: 'OS11-NET-006', name: 'the farm', variant: {}, expect: [{ subject: 'ctl-1 -> db', status: 'pass' }] },
  { policy: 'OS11-NET-006', name: 'controller forgotten', variant: { openings: { db: '- { from: role:front-end, to: db, ports: [1433] }' } }, expect: [{ subject: 'ctl-1 -> db', status: 'fail', lineWith: 'name: db' }] },
  { policy: 'OS11-NET-006', name: 'no firewall', variant: NO_FIREWALL, expect: [{ subject: 'ctl-1 -> db', status: 'unknown' }] },
  // Platform services
  { policy: 'OS11-NET-007', name: 'the farm', variant: {}, expect: [{ subject: 'fe-1 -> ctl-1', status: 'pass' }, { subject: 'fe-2 -> ctl-1', status: 'pass' }] },
  { policy: 'OS11-NET-007', name: '12000 not opened', variant: { openings: { ctl: '- { from: role:front-end, to: role:controller, ports: [5672] }' } }, expect: [{ subject: 'fe-1 -> ctl-1', status: 'fail', message: /tcp\/12000/ }, { subject: 'fe-2 -> ctl-1', status: 'fail' }] },
  { policy: 'OS11-NET-007', name: 'no firewall', variant: NO_FIREWALL, expect: [{ subject: 'fe-1 -> ctl-1', status: 'unknown' }, { subject: 'fe-2 -> ctl-1', status: 'unknown' }] },
  { policy: 'OS11-NET-008', name: 'the farm', variant: {}, expect: [{ subject: 'ctl-1 -> fe-1', status: 'pass' }, { subject: 'ctl-1 -> fe-2', status: 'pass' }] },
  { policy: 'OS11-NET-008', name: 'udp instead of tcp', variant: { openings: { deploy: '- { from: role:controller, to: role:front-end, protocol: udp, ports: [80, 12001, 12002] }' } }, expect: [{ subject: 'ctl-1 -> fe-1', status: 'fail' }, { subject: 'ctl-1 -> fe-2', status: 'fail' }] },
  { policy: 'OS11-NET-008', name: 'no firewall', variant: NO_FIREWALL, expect: [{ subject: 'ctl-1 -> fe-1', status: 'unknown' }, { subject: 'ctl-1 -> fe-2', status: 'unknown' }] },
  { policy: 'OS11-NET-009', name: 'the controller holds RabbitMQ by default', variant: {}, expect: [{ subject: 'fe-1 -> ctl-1', status: 'pass' }, { subject: 'fe-2 -> ctl-1', status: 'pass' }] },
  { policy: 'OS11-NET-009', name: '5672 not opened', variant: { openings: { ctl: '- { from: role:front-end, to: role:controller, ports: [12000] }' } }, expect: [{ subject: 'fe-1 -> ctl-1', status: 'fail', message: /tcp\/5672/ }, { subject: 'fe-2 -> ctl-1', status: 'fail' }] },
  { policy: 'OS11-NET-009', name: 'a dedicated RabbitMQ server takes the role', variant: { servers: [...SERVERS, '- { name: mq, roles: [cache-invalidation], addresses: [10.0.4.4] }'] }, expect: [{ subject: 'fe-1 -> mq', status: 'fail' }, { subject: 'fe-2 -> mq', status: 'fail' }] },
  { policy: 'OS11-NET-009', name: 'no firewall', variant: NO_FIREWALL, expect: [{ subject: 'fe-1 -> ctl-1', status: 'unknown' }, { subject: 'fe-2 -> ctl-1', status: 'unknown' }] },
  // Monitoring
  { policy: 'OS11-MON-001', name: 'the farm', variant: {}, expect: [{ subject: 'fe-1 -> fe-2', status: 'pass' }, { subject: 'fe-2 -> fe-1', status: 'pass' }] },
  { policy: 'OS11-MON-001', name: 'front-ends cannot see each other', variant: { openings: { mon: undefined } }, expect: [{ subject: 'fe-1 -> fe-2', status: 'fail', message: /^fe-1 \(10\.0\.2\.11, fd00:2::11\) cannot reach fe-2 on tcp\/12001-12002/ }, { subject: 'fe-2 -> fe-1', status: 'fail' }] },
  { policy: 'OS11-MON-001', name: 'a single front-end has nothing to check', variant: { servers: [SERVERS[0], SERVERS[1], SERVERS[3]] }, expect: [{ subject: 'role:front-end -> role:front-end', status: 'pass', message: /only one server \(fe-1\)/ }] },
  { policy: 'OS11-MON-001', name: 'no firewall', variant: NO_FIREWALL, expect: [{ subject: 'fe-1 -> fe-2', status: 'unknown' }, { subject: 'fe-2 -> fe-1', status: 'unknown' }] },
  { policy: 'OS11-MON-002', name: 'the farm', variant: {}, expect: [{ subject: 'ctl-1 -> fe-1', status: 'pass' }, { subject: 'ctl-1 -> fe-2', status: 'pass' }] },
  { policy: 'OS11-MON-002', name: 'IIS not monitored', variant: { endUsers: '[203.0.113.0/24]', openings: { deploy: '- { from: role:controller, to: role:front-end, ports: ["12001-12002"] }' } }, expect: [{ subject: 'ctl-1 -> fe-1', status: 'fail', message: /tcp\/80[^,]/ }, { subject: 'ctl-1 -> fe-2', status: 'fail' }] },
  { policy: 'OS11-MON-002', name: 'no firewall', variant: NO_FIREWALL, expect: [{ subject: 'ctl-1 -> fe-1', status: 'unknown' }, { subject: 'ctl-1 -> fe-2', status: 'unknown' }] },
  { policy: 'OS11-MON-003', name: 'the farm', variant: {}, expect: [{ subject: 'fe-1 -> ctl-1', status: 'pass' }, { subject: 'fe-2 -> ctl-1', status: 'pass' }] },
  { policy: 'OS11-MON-003', name: '12000 not opened', variant: { openings: { ctl: '- { from: role:front-end, to: role:controller, ports: [5672] }' } }, expect: [{ subject: 'fe-1 -> ctl-1', status: 'fail' }, { subject: 'fe-2 -> ctl-1', status: 'fail' }] },
  { policy: 'OS11-MON-003', name: 'no firewall', variant: NO_FIREWALL, expect: [{ subject: 'fe-1 -> ctl-1', status: 'unknown' }, { subject: 'fe-2 -> ctl-1', status: 'unknown' }] },
  // Security tip
  { policy: 'OS11-SEC-001', name: 'the farm', variant: {}, expect: [{ subject: 'internet -> ctl-1', status: 'pass' }, { subject: 'internet -> db', status: 'pass' }, { subject: 'internet -> fe-1', status: 'pass' }, { subject: 'internet -> fe-2', status: 'pass' }] },
  {
    policy: 'OS11-SEC-001',
    name: '12000 open to the world on the controller',
    variant: { openings: { leak: '- { from: 0.0.0.0/0, to: ctl-1, ports: ["12000-12002"] }' } },
    expect: [{ subject: 'internet -> ctl-1', status: 'fail', lineWith: 'from: 0.0.0.0/0', message: /ctl-1 accepts tcp\/12000-12002 from every IPv4 address of internet.*allowed by opening 0\.0\.0\.0\/0 -> ctl-1/ }, { subject: 'internet -> db', status: 'pass' }, { subject: 'internet -> fe-1', status: 'pass' }, { subject: 'internet -> fe-2', status: 'pass' }],
  },
  { policy: 'OS11-SEC-001', name: 'open to private ranges only', variant: { openings: { lan: '- { from: 10.0.0.0/8, to: role:front-end, ports: [12001, 12002, 12102] }' } }, expect: [{ subject: 'internet -> ctl-1', status: 'pass' }, { subject: 'internet -> db', status: 'pass' }, { subject: 'internet -> fe-1', status: 'pass' }, { subject: 'internet -> fe-2', status: 'pass' }] },
  { policy: 'OS11-SEC-001', name: 'no firewall', variant: NO_FIREWALL, expect: [{ subject: 'internet -> ctl-1', status: 'unknown' }, { subject: 'internet -> db', status: 'unknown' }, { subject: 'internet -> fe-1', status: 'unknown' }, { subject: 'internet -> fe-2', status: 'unknown' }] },
  // Latency
  { policy: 'OS11-LAT-001', name: 'the farm', variant: {}, expect: [{ subject: 'prod', status: 'pass', message: /All 4 servers of "prod" run under provider aws/ }] },
  {
    policy: 'OS11-LAT-001',
    name: 'a database on another provider',
    variant: { servers: [...SERVERS.slice(0, 3), '- { name: db, roles: [database], engine: sqlserver, provider: azure, addresses: [10.0.3.5] }'] },
    expect: [{ subject: 'prod', status: 'fail', lineWith: 'provider: azure', message: /run under 2 providers: aws \(ctl-1, fe-1, fe-2\); azure \(db\)/ }],
  },
  { policy: 'OS11-LAT-001', name: 'no provider known', variant: { head: '    region: eu-west-1' }, expect: [{ subject: 'prod', status: 'unknown', message: /no provider is known for ctl-1, fe-1, fe-2, db/ }] },
  { policy: 'OS11-LAT-002', name: 'the farm', variant: {}, expect: [{ subject: 'prod', status: 'pass' }] },
  { policy: 'OS11-LAT-002', name: 'a server in another region', variant: { servers: [...SERVERS.slice(0, 3), '- { name: db, roles: [database], engine: sqlserver, region: us-east-1, addresses: [10.0.3.5] }'] }, expect: [{ subject: 'prod', status: 'fail', lineWith: 'name: db', message: /eu-west-1 \(ctl-1, fe-1, fe-2\); us-east-1 \(db\)/ }] },
  { policy: 'OS11-LAT-002', name: 'no region known', variant: { head: '    provider: aws' }, expect: [{ subject: 'prod', status: 'unknown' }] },
];

describe.each(cases)('$policy: $name', ({ policy, variant, expect: expected }) => {
  it('produces exactly the expected findings', () => {
    const text = topology(variant);
    const findings = check(text).findings.filter((f) => f.policy === policy);
    expect(findings.map((f) => [f.subject, f.status])).toEqual(expected.map((e) => [e.subject, e.status]));
    for (const [i, e] of expected.entries()) {
      const f = findings[i];
      expect(f.environment).toBe('prod');
      expect(f.location.file).toBe('topology.yml');
      if (e.lineWith) expect(f.location.line, `line of ${e.subject}`).toBe(lineOf(text, e.lineWith));
      if (e.message) expect(f.message).toMatch(e.message);
    }
  });
});

describe('the correct farm', () => {
  it('passes every policy of the pack', () => {
    const report = check(topology());
    expect(report.findings.filter((f) => f.status !== 'pass')).toEqual([]);
    expect(new Set(report.findings.map((f) => f.policy)).size).toBe(15);
  });
});

describe('pack completeness', () => {
  const pack = parsePack(builtinPack());
  it('every policy has a pass, a fail and an unknown case in this table', () => {
    for (const p of pack.policies) {
      const statuses = new Set(cases.filter((c) => c.policy === p.id).flatMap((c) => c.expect.map((e) => e.status)));
      expect([p.id, [...statuses].sort()]).toEqual([p.id, ['fail', 'pass', 'unknown']]);
    }
  });
  it('every policy documents its source row, rationale and remediation', () => {
    for (const p of pack.policies) {
      expect(p.source, p.id).toMatch(/OutSystems/);
      expect(p.rationale?.length ?? 0, p.id).toBeGreaterThan(20);
      expect(p.remediation?.length ?? 0, p.id).toBeGreaterThan(20);
      expect(p.description?.length ?? 0, p.id).toBeGreaterThan(20);
    }
  });
  it('has the ids of policies.md, unique', () => {
    expect(pack.policies.map((p) => p.id)).toEqual([
      'OS11-LAT-001', 'OS11-LAT-002', 'OS11-MON-001', 'OS11-MON-002', 'OS11-MON-003',
      'OS11-NET-001', 'OS11-NET-002', 'OS11-NET-003', 'OS11-NET-004', 'OS11-NET-005',
      'OS11-NET-006', 'OS11-NET-007', 'OS11-NET-008', 'OS11-NET-009', 'OS11-SEC-001',
    ]);
    expect(new Set(pack.policies.map((p) => p.id)).size).toBe(pack.policies.length);
    for (const p of pack.policies) expect(p.file.endsWith(`${p.id}.yaml`), p.id).toBe(true);
  });
});

describe('a role talking to itself across a large farm', () => {
  // 150 front-ends: 22,350 front-end pairs for OS11-MON-001, past the listing cap.
  const farm = (openMonitoring: boolean, size = 150, extra: string[] = []) => [
    'version: 1',
    'environments:',
    '  - name: big',
    '    provider: aws',
    '    region: eu-west-1',
    '    servers:',
    ...Array.from({ length: size }, (_, i) => `      - { name: fe-${i}, roles: [front-end], addresses: [10.0.${Math.floor(i / 200)}.${(i % 200) + 1}] }`),
    '    firewall:',
    '      - { from: 10.0.0.0/8, to: role:front-end, ports: [80] }',
    ...(openMonitoring ? ['      - { from: role:front-end, to: role:front-end, ports: [12001, 12002] }'] : []),
    ...extra,
    '',
  ].join('\n');

  it('counts passing pairs in one finding instead of listing 22,350', () => {
    const mon = check(farm(true)).findings.filter((f) => f.policy === 'OS11-MON-001');
    expect(mon.map((f) => [f.subject, f.status])).toEqual([['role:front-end -> role:front-end', 'pass']]);
    expect(mon[0].message).toMatch(/^22350 of 22350 pairs pass \("big" has 22350 \(source, target\) pairs for this policy; past 10000, passing pairs are counted rather than listed\)\.$/);
  });

  it('lists the first 10,000 failing pairs and counts the rest', () => {
    const mon = check(farm(false)).findings.filter((f) => f.policy === 'OS11-MON-001');
    expect(mon.filter((f) => f.status === 'fail' && f.subject.startsWith('fe-'))).toHaveLength(10_000);
    const rest = mon.filter((f) => f.subject.startsWith('role:'));
    expect(rest.map((f) => [f.subject, f.status])).toEqual([['role:front-end -> role:front-end (failing pairs past the first 10000)', 'fail']]);
    expect(rest[0].message).toMatch(/^12350 more pairs fail beyond the 10000 listed/);
  });

  it('a waiver of the pairs past the cap keeps waiving as the farm grows (the subject carries no count)', () => {
    const waiver = ['waivers:', '  - { policy: OS11-MON-001, environment: big, subject: "role:front-end -> role:front-end (failing pairs past the first 10000)", reason: monitoring mesh planned, expires: 2099-01-01 }'];
    for (const size of [150, 160]) {
      const rest = check(farm(false, size, waiver)).findings.filter((f) => f.policy === 'OS11-MON-001' && f.subject.startsWith('role:'));
      expect(rest.map((f) => f.status), `${size} front-ends`).toEqual(['waived']);
      expect(rest[0].message).toMatch(new RegExp(`^${size * (size - 1) - 10_000} more pairs fail`));
    }
  });
});

describe('exposure over IPv6 of a server without an IPv6 address', () => {
  const topology = (addresses: string) => `version: 1
environments:
  - name: p
    servers:
      - { name: ctl-1, roles: [controller], addresses: [${addresses}] }
    firewall:
      - { from: "::/0", to: ctl-1, ports: [12000] }
`;
  const sec = (addresses: string) => check(topology(addresses)).findings.find((f) => f.policy === 'OS11-SEC-001')!;

  it('an IPv4-only server is not reached over IPv6, whatever the rules admit; one with an IPv6 address is', () => {
    expect(sec('10.0.0.5').status).toBe('pass');
    const dual = sec('10.0.0.5, "2001:db8::5"');
    expect(dual.status).toBe('fail');
    expect(dual.message).toMatch(/accepts tcp\/12000 from every IPv6 address of internet/);
  });
});

describe('where a region finding points', () => {
  it('at the region that differs, written on the server or for the environment', () => {
    const text = `version: 1
environments:
  - name: p
    provider: aws
    region: eu-west-1
    servers:
      - { name: ctl-1, roles: [controller], addresses: [10.0.1.10] }
      - name: db
        roles: [database]
        engine: sqlserver
        region: us-east-1
        addresses: [10.0.3.5]
`;
    const f = check(text).findings.find((x) => x.policy === 'OS11-LAT-002')!;
    expect(f.status).toBe('fail');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('region: us-east-1')) + 1;
    expect([f.location.line, f.location.column]).toEqual([line, lines[line - 1].indexOf('us-east-1') + 1]);
  });
});
