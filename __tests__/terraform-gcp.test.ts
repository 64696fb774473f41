import { describe, expect, it } from 'vitest';
import { checkPlans, cidrs, constant, finding, flow, ref, serverOf } from './helpers/plan-builder.js';
import type { TestPlan, TestResource } from './helpers/plan-builder.js';

/**
 * GCP VPC firewall rules after apply: priorities (default 1000), allow and deny, source and
 * target tags and service accounts, direction, the implied deny-ingress / allow-egress,
 * `ports = []` as every port, networks outside the plan, and Cloud SQL for SQL Server.
 */

const vpc: TestResource = { address: 'google_compute_network.vpc', values: { name: 'prod-vpc', auto_create_subnetworks: false }, unknown: { id: true, self_link: true } };
const subnet: TestResource = { address: 'google_compute_subnetwork.app', values: { name: 'app', ip_cidr_range: '10.10.0.0/24' }, unknown: { id: true, self_link: true, network: true }, expressions: { network: ref('google_compute_network.vpc.id', 'google_compute_network.vpc') } };

interface Firewall {
  direction?: 'INGRESS' | 'EGRESS';
  priority?: number;
  allow?: Array<{ protocol: string; ports?: string[] }>;
  deny?: Array<{ protocol: string; ports?: string[] }>;
  sourceRanges?: string[];
  destinationRanges?: string[];
  sourceTags?: string[];
  targetTags?: string[];
  disabled?: boolean;
  expressions?: Record<string, unknown>;
  unknown?: Record<string, unknown>;
}

/** A firewall on the plan's network; unset arguments are computed (unknown) as in real plans. */
function firewall(name: string, f: Firewall): TestResource {
  const values: Record<string, unknown> = { name, allow: (f.allow ?? []).map((a) => ({ protocol: a.protocol, ports: a.ports ?? [] })), deny: (f.deny ?? []).map((a) => ({ protocol: a.protocol, ports: a.ports ?? [] })), disabled: f.disabled ?? null, source_tags: f.sourceTags ?? null, target_tags: f.targetTags ?? null, source_service_accounts: null, target_service_accounts: null };
  const unknown: Record<string, unknown> = { id: true, network: true, ...f.unknown };
  const expressions: Record<string, unknown> = { network: ref('google_compute_network.vpc.name', 'google_compute_network.vpc'), ...f.expressions };
  if (f.direction) {
    values.direction = f.direction;
    expressions.direction = constant(f.direction);
  } else unknown.direction = true;
  if (f.priority !== undefined) {
    values.priority = f.priority;
    expressions.priority = constant(f.priority);
  } else unknown.priority = true;
  if (f.sourceRanges) {
    values.source_ranges = f.sourceRanges;
    expressions.source_ranges = constant(f.sourceRanges);
  } else unknown.source_ranges = true;
  if (f.destinationRanges) {
    values.destination_ranges = f.destinationRanges;
    expressions.destination_ranges = constant(f.destinationRanges);
  } else unknown.destination_ranges = true;
  return { address: `google_compute_firewall.${name}`, values, unknown, expressions };
}

function instance(name: string, tags: string[], labels: Record<string, string>, extra: { ip?: string; serviceAccount?: string } = {}): TestResource {
  return {
    address: `google_compute_instance.${name}`,
    values: { name, zone: 'europe-west1-b', tags, labels, network_interface: [{ ...(extra.ip ? { network_ip: extra.ip } : {}) }], service_account: extra.serviceAccount ? [{ scopes: [] }] : [] },
    unknown: { id: true, network_interface: [{ network: true, subnetwork: true, ...(extra.ip ? {} : { network_ip: true }) }], ...(extra.serviceAccount ? { service_account: [{ email: true }] } : {}) },
    expressions: {
      network_interface: [{ subnetwork: ref('google_compute_subnetwork.app.id', 'google_compute_subnetwork.app') }],
      ...(extra.serviceAccount ? { service_account: [{ email: ref(`${extra.serviceAccount}.email`, extra.serviceAccount) }] } : {}),
    },
  };
}

const plan = (...resources: TestResource[]): TestPlan => ({ resources: [vpc, subnet, ...resources] });
const web = instance('web', ['web'], { 'topogate-role': 'front-end' });
const internet = cidrs('end-users', '0.0.0.0/0');

describe('firewall rules and their targets', () => {
  it('a rule for target tag web opens the tagged instance only; the implied rule denies the rest', () => {
    const p = plan(web, instance('other', [], {}), firewall('https', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'], targetTags: ['web'] }));
    const r = flow(internet, serverOf(p, 'google_compute_instance.web'), 443);
    expect(r.status).toBe('pass');
    expect(r.message).toMatch(/allowed by google_compute_firewall\.https \(INGRESS allow tcp\/443, priority 1000\)/);
    const other = flow(internet, serverOf(p, 'google_compute_instance.other'), 443);
    expect(other.status).toBe('fail');
    expect(other.message).toMatch(/firewall rules of google_compute_network\.vpc: no rule allows it\)\. Fix: add an INGRESS allow rule \(google_compute_firewall, with a priority number below any deny that matches\) to google_compute_network\.vpc allowing tcp\/443 from end-users/);
  });

  it('a priority unknown until apply may put the rule first, or make it decide nothing: both verdicts it touches are unknown', () => {
    const unknownPriority = { expressions: { priority: ref('random_integer.p.result', 'random_integer.p') } };
    const rng: TestResource = { address: 'random_integer.p', values: { min: 1, max: 2000 }, unknown: { result: true } };
    // An allow that may come before the deny at 1000: the port may be open.
    const mayOpen = plan(web, rng, firewall('open', { ...unknownPriority, allow: [{ protocol: 'tcp', ports: ['12000'] }], sourceRanges: ['0.0.0.0/0'] }), firewall('deny', { priority: 1000, deny: [{ protocol: 'tcp' }], sourceRanges: ['0.0.0.0/0'] }));
    const exposed = flow(internet, serverOf(mayOpen, 'google_compute_instance.web'), 12000, { forbidden: true });
    expect(exposed.status).toBe('unknown');
    expect(exposed.message).toMatch(/priority of google_compute_firewall\.open .*random_integer\.p/);
    // A deny that may come before the allow at 1000: the port may be closed.
    const mayClose = plan(web, rng, firewall('open', { priority: 1000, allow: [{ protocol: 'tcp', ports: ['12000'] }], sourceRanges: ['0.0.0.0/0'] }), firewall('deny', { ...unknownPriority, deny: [{ protocol: 'tcp' }], sourceRanges: ['0.0.0.0/0'] }));
    expect(flow(internet, serverOf(mayClose, 'google_compute_instance.web'), 12000).status).toBe('unknown');
  });

  it('direction and priority not written: INGRESS and 1000', () => {
    const p = plan(web, firewall('https', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'] }), firewall('block', { priority: 1001, deny: [{ protocol: 'all' }], sourceRanges: ['0.0.0.0/0'] }));
    expect(flow(internet, serverOf(p, 'google_compute_instance.web'), 443).status).toBe('pass');
  });

  it.each([
    { name: 'a deny at 900 beats an allow at 1000', deny: 900, allow: 1000, status: 'fail' },
    { name: 'an allow at 900 beats a deny at 1000', deny: 1000, allow: 900, status: 'pass' },
    { name: 'at equal priority the deny wins', deny: 1000, allow: 1000, status: 'fail' },
  ])('$name', ({ deny, allow, status }) => {
    const p = plan(web, firewall('allow', { priority: allow, allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'] }), firewall('deny', { priority: deny, deny: [{ protocol: 'tcp' }], sourceRanges: ['0.0.0.0/0'] }));
    expect(flow(internet, serverOf(p, 'google_compute_instance.web'), 443).status).toBe(status);
  });

  it('ports = [] is every port; "1000-2000" is a range', () => {
    const p = plan(web, firewall('all-tcp', { allow: [{ protocol: 'tcp', ports: [] }], sourceRanges: ['203.0.113.0/24'] }), firewall('range', { allow: [{ protocol: 'udp', ports: ['1000-2000'] }], sourceRanges: ['0.0.0.0/0'] }));
    const w = serverOf(p, 'google_compute_instance.web');
    expect(flow(cidrs('office', '203.0.113.0/24'), w, 12001).status).toBe('pass');
    expect(flow(internet, w, 1500, { protocol: 'udp' }).status).toBe('pass');
    expect(flow(internet, w, 2001, { protocol: 'udp' }).status).toBe('fail');
  });

  it('no source at all is 0.0.0.0/0 (IPv4 only)', () => {
    const p = plan(web, firewall('open', { allow: [{ protocol: 'tcp', ports: ['80'] }] }));
    expect(flow(internet, serverOf(p, 'google_compute_instance.web'), 80).status).toBe('pass');
    expect(flow(cidrs('v6', '::/0'), serverOf(p, 'google_compute_instance.web'), 80).status).toBe('fail');
  });

  it('what a rule allows or denies, unknown until apply, makes the verdict unknown: neither nothing nor every port', () => {
    // A deny whose protocols and ports are computed may block what the allow at 1000 lets in.
    const denyUnknown = firewall('deny', { priority: 900, sourceRanges: ['0.0.0.0/0'], unknown: { deny: true } });
    delete denyUnknown.values?.deny;
    const allow = firewall('allow', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'] });
    const r = flow(internet, serverOf(plan(web, allow, denyUnknown), 'google_compute_instance.web'), 443);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/deny of google_compute_firewall\.deny is not known until apply/);
    // Ports computed at apply are left out of the plan's values, which must not read as every port.
    const portsUnknown = firewall('ports', { allow: [{ protocol: 'tcp' }], sourceRanges: ['0.0.0.0/0'], unknown: { allow: [{ ports: true }] } });
    delete (portsUnknown.values?.allow as Array<Record<string, unknown>>)[0].ports;
    const w = serverOf(plan(web, portsUnknown), 'google_compute_instance.web');
    expect(flow(internet, w, 443).message).toMatch(/^Cannot decide .*allow\[0\]\.ports of google_compute_firewall\.ports is not known until apply/);
    expect(flow(internet, w, 12000, { forbidden: true }).status).toBe('unknown');
  });

  it('a disabled rule does nothing', () => {
    const p = plan(web, firewall('off', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'], disabled: true }));
    expect(flow(internet, serverOf(p, 'google_compute_instance.web'), 443).status).toBe('fail');
  });

  it('whether a rule is disabled, unknown until apply: it may apply or not', () => {
    const maybeOff = (f: Firewall) => plan(web, firewall('maybe', { ...f, sourceRanges: ['0.0.0.0/0'], unknown: { disabled: true }, expressions: { disabled: ref('var.off') } }));
    const allow = flow(internet, serverOf(maybeOff({ allow: [{ protocol: 'tcp', ports: ['443'] }] }), 'google_compute_instance.web'), 443);
    expect(allow.status).toBe('unknown');
    expect(allow.message).toMatch(/disabled of google_compute_firewall\.maybe/);
    const open = firewall('open', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'], priority: 2000 });
    const deny = plan(web, open, firewall('maybe', { deny: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'], priority: 100, unknown: { disabled: true }, expressions: { disabled: ref('var.off') } }));
    expect(flow(internet, serverOf(deny, 'google_compute_instance.web'), 443).status).toBe('unknown');
  });
});

describe('sources by tag and service account', () => {
  it('source_tags: instances tagged fe reach those tagged db; source ranges are not implied', () => {
    const p = plan(
      instance('fe', ['fe'], { 'topogate-role': 'front-end' }),
      instance('db', ['db'], { 'topogate-role': 'database' }),
      instance('batch', [], {}),
      firewall('fe-db', { allow: [{ protocol: 'tcp', ports: ['1433'] }], sourceTags: ['fe'], targetTags: ['db'] }),
    );
    expect(flow(serverOf(p, 'google_compute_instance.fe'), serverOf(p, 'google_compute_instance.db'), 1433).status).toBe('pass');
    expect(flow(serverOf(p, 'google_compute_instance.batch'), serverOf(p, 'google_compute_instance.db'), 1433).status).toBe('fail');
    expect(flow(internet, serverOf(p, 'google_compute_instance.db'), 1433).status).toBe('fail');
  });

  it('service accounts created in the plan: their e-mail unknown until apply, matched through references', () => {
    const account = (name: string): TestResource => ({ address: `google_service_account.${name}`, values: { account_id: name }, unknown: { id: true, email: true, name: true } });
    const fw = firewall('fe-db', { allow: [{ protocol: 'tcp', ports: ['1433'] }], expressions: { source_service_accounts: ref('google_service_account.fe.email', 'google_service_account.fe'), target_service_accounts: ref('google_service_account.db.email', 'google_service_account.db') }, unknown: { source_service_accounts: true, target_service_accounts: true } });
    const p = plan(account('fe'), account('db'), instance('fe', [], {}, { serviceAccount: 'google_service_account.fe' }), instance('db', [], {}, { serviceAccount: 'google_service_account.db' }), instance('other', [], {}, { serviceAccount: 'google_service_account.db' }), fw);
    expect(flow(serverOf(p, 'google_compute_instance.fe'), serverOf(p, 'google_compute_instance.db'), 1433).status).toBe('pass');
    expect(flow(serverOf(p, 'google_compute_instance.other'), serverOf(p, 'google_compute_instance.fe'), 1433).status).toBe('fail');
  });

  it('tags unknown until apply make a tag rule undecidable, never a false fail', () => {
    const p = plan(
      { ...instance('fe', [], {}), unknown: { id: true, tags: true, network_interface: [{ network: true, subnetwork: true, network_ip: true }] }, expressions: { tags: ref('local.tags'), network_interface: [{ subnetwork: ref('google_compute_subnetwork.app') }] } },
      instance('db', ['db'], {}),
      firewall('fe-db', { allow: [{ protocol: 'tcp', ports: ['1433'] }], sourceTags: ['fe'], targetTags: ['db'] }),
    );
    const r = flow(serverOf(p, 'google_compute_instance.fe'), serverOf(p, 'google_compute_instance.db'), 1433);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/tags of google_compute_instance\.fe is not known until apply and comes from local\.tags/);
  });
});

describe('egress, and networks outside the plan', () => {
  it('an EGRESS deny blocks the source; egress is otherwise allowed (implied rule)', () => {
    const fe = instance('fe', ['fe'], {});
    const db = instance('db', ['db'], {}, { ip: '10.10.0.9' });
    const allowDb = firewall('to-db', { allow: [{ protocol: 'tcp', ports: ['1433'] }], sourceRanges: ['10.10.0.0/24'], targetTags: ['db'] });
    expect(flow(serverOf(plan(fe, db, allowDb), 'google_compute_instance.fe'), serverOf(plan(fe, db, allowDb), 'google_compute_instance.db'), 1433).status).toBe('pass');
    const blocked = plan(fe, db, allowDb, firewall('no-sql-out', { direction: 'EGRESS', priority: 500, deny: [{ protocol: 'tcp', ports: ['1433'] }], destinationRanges: ['10.10.0.0/16'], targetTags: ['fe'] }));
    const r = flow(serverOf(blocked, 'google_compute_instance.fe'), serverOf(blocked, 'google_compute_instance.db'), 1433);
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/the egress of google_compute_instance\.fe \(egress firewall rules of google_compute_network\.vpc\): denied by google_compute_firewall\.no-sql-out \(EGRESS deny tcp\/1433, priority 500\)/);
  });

  it('the default network is not in the plan: rules made elsewhere may open it, so unknown rather than fail', () => {
    const p: TestPlan = { resources: [{ address: 'google_compute_instance.vm', values: { zone: 'us-central1-a', network_interface: [{ network: 'default' }], tags: [] }, unknown: { id: true } }] };
    const r = flow(internet, serverOf(p, 'google_compute_instance.vm'), 443);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/network default is not declared in this plan, so firewall rules made elsewhere \(such as the default network's default-allow-\* rules\) may also apply/);
  });

  it('a firewall on a network given by self link reaches instances that name it by name', () => {
    const declared: TestResource = { address: 'google_compute_network.vpc', values: { name: 'prod-vpc', self_link: 'https://www.googleapis.com/compute/v1/projects/p/global/networks/prod-vpc', id: 'projects/p/global/networks/prod-vpc' }, actions: ['no-op'] };
    const p: TestPlan = {
      resources: [
        declared,
        { address: 'google_compute_firewall.https', values: { network: 'projects/p/global/networks/prod-vpc', direction: 'INGRESS', priority: 1000, allow: [{ protocol: 'tcp', ports: ['443'] }], deny: [], source_ranges: ['0.0.0.0/0'] }, unknown: { id: true } },
        { address: 'google_compute_instance.vm', values: { zone: 'us-central1-a', network_interface: [{ network: 'prod-vpc' }], tags: [] }, unknown: { id: true } },
      ],
    };
    expect(flow(internet, serverOf(p, 'google_compute_instance.vm'), 443).status).toBe('pass');
  });
});

describe('servers: labels, regions, Cloud SQL for SQL Server', () => {
  it('roles from the topogate-role label and topogate-role-<role> keys; region from the zone', () => {
    const s = serverOf(plan(instance('ctl', [], { 'topogate-role-controller': 'true', 'topogate-role-front-end': 'true', 'topogate-environment': 'prod' })), 'google_compute_instance.ctl');
    expect(s.roles).toEqual(['controller', 'front-end', 'cache-invalidation']);
    expect(s.region).toBe('europe-west1');
    expect(s.provider).toBe('gcp');
  });

  const sql = (ip: Record<string, unknown>): TestPlan =>
    plan(
      instance('fe', ['fe'], { 'topogate-role': 'front-end' }, { ip: '10.10.0.5' }),
      { address: 'google_sql_database_instance.db', values: { name: 'sql', region: 'europe-west1', database_version: 'SQLSERVER_2019_STANDARD', settings: [{ ip_configuration: [ip] }] }, unknown: { id: true } },
    );

  it('SQLSERVER_* is a SQL Server database on 1433; the VPC firewall does not guard it', () => {
    const s = serverOf(sql({ ipv4_enabled: true, authorized_networks: [] }), 'google_sql_database_instance.db');
    expect(s).toMatchObject({ roles: ['database'], engine: 'sqlserver', region: 'europe-west1', provider: 'gcp' });
    expect(finding(checkPlans(sql({ ipv4_enabled: true, authorized_networks: [] })), 'OS11-NET-005').status).toBe('fail');
  });

  it('an authorized network is matched against the public address the instance connects from, never its internal one', () => {
    const net = (value: string) => finding(checkPlans(sql({ ipv4_enabled: true, authorized_networks: [{ name: 'n', value }] })), 'OS11-NET-005');
    // The front-end's internal range never reaches the public IP.
    expect(net('10.10.0.0/24').status).toBe('fail');
    expect(net('0.0.0.0/0').status).toBe('unknown');
    const nat = net('203.0.113.0/24');
    expect(nat.status).toBe('unknown');
    expect(nat.message).toMatch(/203\.0\.113\.0\/24 admits a server with a private address only if its public outbound \(SNAT or NAT\) address is in the range/);
  });

  it('a private IP on the front-end\'s network admits it', () => {
    const p = sql({ ipv4_enabled: false, private_network: null });
    const db = p.resources[p.resources.length - 1];
    db.unknown = { id: true, settings: [{ ip_configuration: [{ private_network: true }] }] };
    db.expressions = { settings: [{ ip_configuration: [{ private_network: ref('google_compute_network.vpc.id', 'google_compute_network.vpc') }] }] };
    expect(finding(checkPlans(p), 'OS11-NET-005').status).toBe('pass');
  });

  it('answers only on its engine port and 3307 (its connectors), whatever its authorized networks admit', () => {
    const open = serverOf(sql({ ipv4_enabled: true, authorized_networks: [{ name: 'all', value: '0.0.0.0/0' }] }), 'google_sql_database_instance.db');
    const office = cidrs('office', '203.0.113.0/24');
    expect([1433, 3307, 12000].map((port) => flow(office, open, port).status)).toEqual(['pass', 'pass', 'fail']);
    expect(flow(office, open, 12000).message).toMatch(/google_sql_database_instance\.db is a managed database listening only on tcp\/1433 \(and 3307 for its connectors\)/);
  });

  it('has IPv4 addresses only: an egress deny of every IPv4 destination fails the flow to it (it was unknown)', () => {
    const withEgress = (...rules: TestResource[]) => {
      const p = sql({ ipv4_enabled: false, private_network: null });
      const db = p.resources[p.resources.length - 1];
      db.unknown = { id: true, settings: [{ ip_configuration: [{ private_network: true }] }] };
      db.expressions = { settings: [{ ip_configuration: [{ private_network: ref('google_compute_network.vpc.id', 'google_compute_network.vpc') }] }] };
      p.resources.push(...rules);
      return finding(checkPlans(p), 'OS11-NET-005');
    };
    const denyV4 = firewall('egress-deny', { direction: 'EGRESS', priority: 65000, deny: [{ protocol: 'all' }], destinationRanges: ['0.0.0.0/0'] });
    const denied = withEgress(firewall('egress-web', { direction: 'EGRESS', priority: 1000, allow: [{ protocol: 'tcp', ports: ['443'] }], destinationRanges: ['0.0.0.0/0'] }), denyV4);
    expect(denied.status).toBe('fail');
    expect(denied.message).toMatch(/denied by google_compute_firewall\.egress-deny/);
    expect(withEgress(firewall('egress-sql', { direction: 'EGRESS', priority: 1000, allow: [{ protocol: 'tcp', ports: ['1433'] }], destinationRanges: ['0.0.0.0/0'] }), denyV4).status).toBe('pass');
  });

  it('a POSTGRES instance without a role tag is not a server', () => {
    const p = plan({ address: 'google_sql_database_instance.pg', values: { database_version: 'POSTGRES_15', region: 'europe-west1' }, unknown: { id: true } });
    expect(() => serverOf(p, 'google_sql_database_instance.pg')).toThrow(/no server/);
  });
});

describe('destination_ranges (ingress) and source_ranges (egress) narrow the instances a rule applies to', () => {
  const fe = (ip?: string) => instance('fe', ['fe'], { 'topogate-role': 'front-end' }, ip ? { ip } : {});
  const unknownRanges = { expressions: { destination_ranges: ref('local.ranges') }, unknown: { destination_ranges: true } };
  it.each([
    { name: 'an allow for another address does not open the instance (was a false pass)', ip: '10.10.0.10', rules: [firewall('web', { allow: [{ protocol: 'tcp', ports: ['80', '443'] }], sourceRanges: ['0.0.0.0/0'], destinationRanges: ['10.10.0.99/32'] })], status: 'fail' },
    { name: 'an allow whose ranges hold the instance opens it', ip: '10.10.0.10', rules: [firewall('web', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'], destinationRanges: ['10.10.0.0/24'] })], status: 'pass' },
    { name: 'a deny-all for other addresses does not block the instance (was a false fail)', ip: '10.10.0.10', rules: [firewall('web', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'] }), firewall('quarantine', { priority: 10, deny: [{ protocol: 'all' }], sourceRanges: ['0.0.0.0/0'], destinationRanges: ['10.99.0.0/16'] })], status: 'pass' },
    { name: 'a deny-all whose ranges hold the instance blocks it', ip: '10.99.0.5', rules: [firewall('web', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'] }), firewall('quarantine', { priority: 10, deny: [{ protocol: 'all' }], sourceRanges: ['0.0.0.0/0'], destinationRanges: ['10.99.0.0/16'] })], status: 'fail' },
    { name: 'address unknown until apply, somewhere in a subnet the ranges only partly cover: unknown', ip: undefined, rules: [firewall('web', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'], destinationRanges: ['10.10.0.99/32'] })], status: 'unknown' },
    { name: 'address unknown until apply, in a subnet outside the ranges: the rule cannot apply', ip: undefined, rules: [firewall('web', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'], destinationRanges: ['10.20.0.0/16'] })], status: 'fail' },
    { name: 'address unknown until apply, a deny partly covering its subnet: unknown, not a pass', ip: undefined, rules: [firewall('web', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'] }), firewall('quarantine', { priority: 10, deny: [{ protocol: 'all' }], sourceRanges: ['0.0.0.0/0'], destinationRanges: ['10.10.0.128/25'] })], status: 'unknown' },
    { name: 'target tag AND ranges: the tagged instance outside the ranges is not opened', ip: '10.10.0.10', rules: [firewall('web', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'], targetTags: ['fe'], destinationRanges: ['10.10.0.99/32'] })], status: 'fail' },
    { name: 'target tag AND ranges: the tagged instance inside the ranges is opened', ip: '10.10.0.99', rules: [firewall('web', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'], targetTags: ['fe'], destinationRanges: ['10.10.0.99/32'] })], status: 'pass' },
    { name: 'target tag AND ranges: an untagged instance inside the ranges is not opened', ip: '10.10.0.99', rules: [firewall('web', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'], targetTags: ['db'], destinationRanges: ['10.10.0.99/32'] })], status: 'fail' },
    { name: 'ranges unknown until apply: unknown', ip: '10.10.0.10', rules: [firewall('web', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'], ...unknownRanges })], status: 'unknown' },
  ])('$name', ({ ip, rules, status }) => {
    const r = flow(internet, serverOf(plan(fe(ip), ...rules), 'google_compute_instance.fe'), 443);
    expect(r.status).toBe(status);
  });

  it('an unknown address or unknown ranges are named in the message', () => {
    const partial = flow(internet, serverOf(plan(fe(), firewall('web', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'], destinationRanges: ['10.10.0.99/32'] })), 'google_compute_instance.fe'), 443);
    expect(partial.message).toMatch(/google_compute_firewall\.web \(INGRESS allow tcp\/443, priority 1000\) applies to part of firewall rules of google_compute_network\.vpc only/);
    const unknown = flow(internet, serverOf(plan(fe('10.10.0.10'), firewall('web', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'], ...unknownRanges })), 'google_compute_instance.fe'), 443);
    expect(unknown.message).toMatch(/destination_ranges of google_compute_firewall\.web is not known until apply and comes from local\.ranges/);
  });

  it.each([
    { name: 'an EGRESS deny for other sources does not block the instance', ip: '10.10.0.5', status: 'pass' },
    { name: 'an EGRESS deny whose source_ranges hold the instance blocks it', ip: '10.10.0.200', status: 'fail' },
    { name: 'an EGRESS deny whose source_ranges hold part of the subnet of an instance with an unknown address: unknown', ip: undefined, status: 'unknown' },
  ])('$name', ({ ip, status }) => {
    const db = instance('db', ['db'], {}, { ip: '10.10.0.9' });
    const allowDb = firewall('to-db', { allow: [{ protocol: 'tcp', ports: ['1433'] }], sourceRanges: ['10.10.0.0/24'], targetTags: ['db'] });
    const noSqlOut = firewall('no-sql-out', { direction: 'EGRESS', priority: 500, deny: [{ protocol: 'tcp', ports: ['1433'] }], destinationRanges: ['10.10.0.0/16'], sourceRanges: ['10.10.0.128/25'] });
    const p = plan(instance('fe', ['fe'], {}, ip ? { ip } : {}), db, allowDb, noSqlOut);
    expect(flow(serverOf(p, 'google_compute_instance.fe'), serverOf(p, 'google_compute_instance.db'), 1433).status).toBe(status);
  });
});

describe('network firewall policies attached in the plan', () => {
  const other: TestResource = { address: 'google_compute_network.other', values: { name: 'other-vpc' }, unknown: { id: true, self_link: true } };
  const policy = (type = 'google_compute_network_firewall_policy', name = 'main'): TestResource => ({ address: `${type}.${name}`, values: { name: `${name}-policy` }, unknown: { id: true, self_link: true } });
  const association = (network = 'google_compute_network.vpc', policyAddress = 'google_compute_network_firewall_policy.main', extra: Record<string, unknown> = {}): TestResource => ({
    address: `${policyAddress.split('.')[0]}_association.main`,
    values: { name: 'main', ...extra },
    unknown: { id: true, attachment_target: true, firewall_policy: true },
    expressions: { attachment_target: ref(`${network}.id`, network), firewall_policy: ref(`${policyAddress}.id`, policyAddress) },
  });
  interface PolicyRule {
    priority: number;
    action: string;
    direction?: 'INGRESS' | 'EGRESS';
    src?: string[];
    dest?: string[];
    layer4?: Array<{ ip_protocol: string; ports?: string[] }>;
    match?: Record<string, unknown>;
  }
  const policyRule = (name: string, r: PolicyRule, policyAddress = 'google_compute_network_firewall_policy.main'): TestResource => ({
    address: `${policyAddress.split('.')[0]}_rule.${name}`,
    values: {
      priority: r.priority,
      action: r.action,
      direction: r.direction ?? 'INGRESS',
      disabled: false,
      match: [{ src_ip_ranges: r.src ?? [], dest_ip_ranges: r.dest ?? [], layer4_configs: (r.layer4 ?? [{ ip_protocol: 'tcp', ports: ['443'] }]).map((l) => ({ ports: [], ...l })), src_secure_tags: [], src_fqdns: [], ...r.match }],
      target_secure_tags: [],
      target_service_accounts: null,
    },
    unknown: { id: true, firewall_policy: true },
    expressions: { firewall_policy: ref(`${policyAddress}.id`, policyAddress) },
  });
  const allowHttps = policyRule('https', { priority: 100, action: 'allow', src: ['0.0.0.0/0'] });
  const denyHttps = policyRule('no-https', { priority: 100, action: 'deny', src: ['0.0.0.0/0'] });
  const vpcAllowHttps = firewall('https', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'] });
  const before: TestResource = { ...vpc, values: { ...vpc.values, network_firewall_policy_enforcement_order: 'BEFORE_CLASSIC_FIREWALL' } };
  const fe = instance('fe', ['fe'], { 'topogate-role': 'front-end' }, { ip: '10.10.0.10' });
  const walk = (...resources: TestResource[]) => flow(internet, serverOf(plan(fe, ...resources), 'google_compute_instance.fe'), 443);

  it.each([
    { name: 'a policy allows what no VPC rule matches (after the VPC rules, the default)', resources: [policy(), association(), allowHttps], status: 'pass' },
    { name: 'a policy on another network has no effect', resources: [other, policy(), association('google_compute_network.other'), allowHttps], status: 'fail' },
    { name: 'a VPC allow ends the walk before a policy deny (AFTER_CLASSIC_FIREWALL)', resources: [policy(), association(), denyHttps, vpcAllowHttps], status: 'pass' },
    { name: 'BEFORE_CLASSIC_FIREWALL: the policy deny comes first', resources: [policy(), association(), denyHttps, vpcAllowHttps], network: before, status: 'fail' },
    { name: 'BEFORE_CLASSIC_FIREWALL: a policy allow opens what the VPC rules deny', resources: [policy(), association(), allowHttps, firewall('deny', { priority: 10, deny: [{ protocol: 'all' }], sourceRanges: ['0.0.0.0/0'] })], network: before, status: 'pass' },
    { name: 'a policy rule for other destinations (dest_ip_ranges) does not open the instance', resources: [policy(), association(), policyRule('https', { priority: 100, action: 'allow', src: ['0.0.0.0/0'], dest: ['10.10.0.99/32'] })], status: 'fail' },
    { name: 'layer4 all opens every port', resources: [policy(), association(), policyRule('any', { priority: 100, action: 'allow', src: ['0.0.0.0/0'], layer4: [{ ip_protocol: 'all' }] })], status: 'pass' },
    { name: 'goto_next in the last stage meets the implied deny', resources: [policy(), association(), policyRule('next', { priority: 10, action: 'goto_next', src: ['0.0.0.0/0'] }), allowHttps], status: 'fail' },
    { name: 'goto_next before the VPC rules: not followed, unknown', resources: [policy(), association(), policyRule('next', { priority: 10, action: 'goto_next', src: ['0.0.0.0/0'] }), vpcAllowHttps], network: before, status: 'unknown' },
    { name: 'a source by secure tag is not modelled: unknown', resources: [policy(), association(), policyRule('tagged', { priority: 100, action: 'allow', match: { src_secure_tags: [{ name: 'tagValues/1' }] } })], status: 'unknown' },
    { name: 'a policy outside the plan attached to the network: unknown', resources: [{ ...association(), unknown: { id: true, attachment_target: true }, values: { name: 'main', firewall_policy: 'projects/p/global/firewallPolicies/shared' }, expressions: { attachment_target: ref('google_compute_network.vpc.id', 'google_compute_network.vpc') } }], status: 'unknown' },
    { name: 'a regional policy of the instance\'s region applies', resources: [policy('google_compute_region_network_firewall_policy'), association('google_compute_network.vpc', 'google_compute_region_network_firewall_policy.main', { region: 'europe-west1' }), policyRule('https', { priority: 100, action: 'allow', src: ['0.0.0.0/0'] }, 'google_compute_region_network_firewall_policy.main')], status: 'pass' },
    { name: 'a regional policy of another region has no effect', resources: [policy('google_compute_region_network_firewall_policy'), association('google_compute_network.vpc', 'google_compute_region_network_firewall_policy.main', { region: 'us-central1' }), policyRule('https', { priority: 100, action: 'allow', src: ['0.0.0.0/0'] }, 'google_compute_region_network_firewall_policy.main')], status: 'fail' },
  ])('$name', ({ resources, network, status }) => {
    const p: TestPlan = { resources: [network ?? vpc, subnet, fe, ...resources] };
    expect(flow(internet, serverOf(p, 'google_compute_instance.fe'), 443).status).toBe(status);
  });

  it('a policy that opens the database to the internet fails the forbidden flow (was a false pass)', () => {
    const db = instance('db', ['db'], { 'topogate-role': 'database' }, { ip: '10.10.0.20' });
    const p = plan(db, policy(), association(), policyRule('sql', { priority: 100, action: 'allow', src: ['0.0.0.0/0'], layer4: [{ ip_protocol: 'tcp', ports: ['1433'] }] }));
    const r = flow(internet, serverOf(p, 'google_compute_instance.db'), 1433, { forbidden: true });
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/google_compute_network_firewall_policy_rule\.sql \(INGRESS allow tcp\/1433, priority 100, in google_compute_network_firewall_policy\.main\)/);
  });

  it('layer-4 ports unknown until apply are not every port', () => {
    const rule = policyRule('computed', { priority: 100, action: 'allow', src: ['0.0.0.0/0'], layer4: [{ ip_protocol: 'tcp' }] });
    rule.unknown = { ...rule.unknown, match: [{ layer4_configs: [{ ports: true }] }] };
    delete ((rule.values?.match as Array<Record<string, unknown>>)[0].layer4_configs as Array<Record<string, unknown>>)[0].ports;
    const r = walk(policy(), association(), rule);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/match\[0\]\.layer4_configs\[0\]\.ports of google_compute_network_firewall_policy_rule\.computed is not known until apply/);
  });

  it('unknowns name the policy resource', () => {
    expect(walk(policyRule('tagged', { priority: 100, action: 'allow', match: { src_secure_tags: [{ name: 'tagValues/1' }] } }), policy(), association()).message).toMatch(/match\.src_secure_tags of google_compute_network_firewall_policy_rule\.tagged is not modelled/);
    const hierarchical: TestResource = { address: 'google_compute_firewall_policy_association.org', values: { name: 'org', attachment_target: 'folders/123', firewall_policy: 'locations/global/firewallPolicies/9' }, unknown: { id: true } };
    const r = walk(vpcAllowHttps, hierarchical);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/hierarchical firewall policy google_compute_firewall_policy_association\.org is attached to folders\/123/);
  });
});

describe('an instance with several network interfaces', () => {
  const https = firewall('https', { allow: [{ protocol: 'tcp', ports: ['443'] }], sourceRanges: ['0.0.0.0/0'], targetTags: ['web'] });
  const twoNics: TestResource = {
    ...web,
    values: { ...web.values, network_interface: [{}, { network: 'mgmt' }] },
    unknown: { ...web.unknown, network_interface: [{ network: true, subnetwork: true, network_ip: true }, { network_ip: true }] },
    expressions: { network_interface: [{ subnetwork: ref('google_compute_subnetwork.app.id', 'google_compute_subnetwork.app') }, { network: constant('mgmt') }] },
  };

  it('what the first interface allows is certain; what it denies may come in through the others: unknown, never a pass', () => {
    const server = serverOf(plan(twoNics, https), 'google_compute_instance.web');
    expect(flow(internet, server, 443).status).toBe('pass');
    const rdp = flow(internet, server, 3389, { forbidden: true });
    expect(rdp.status).toBe('unknown');
    expect(rdp.message).toMatch(/has 2 network interfaces and topogate models the first only/);
    // One interface: the first's firewall decides.
    expect(flow(internet, serverOf(plan(web, https), 'google_compute_instance.web'), 3389, { forbidden: true }).status).toBe('pass');
  });
});

describe('IPv6 exposure of an IPv4-only instance', () => {
  it('a rule admitting ::/0 exposes nothing on an IPV4_ONLY interface; on a dual-stack one it does', () => {
    const rule = firewall('v6', { allow: [{ protocol: 'tcp', ports: ['12000'] }], sourceRanges: ['::/0'], priority: 1000, direction: 'INGRESS' });
    const ctl = (stack: string) => {
      const i = instance('ctl', [], { 'topogate-role': 'controller' }, { ip: '10.10.0.5' });
      (i.values!.network_interface as Array<Record<string, unknown>>)[0].stack_type = stack;
      return i;
    };
    const sec = (stack: string) => finding(checkPlans(plan(ctl(stack), rule)), 'OS11-SEC-001');
    expect(sec('IPV4_ONLY').status).toBe('pass');
    expect(sec('IPV4_IPV6').status).toBe('fail');
  });
});

describe('an instance without an external IP', () => {
  const open = firewall('web', { direction: 'INGRESS', priority: 1000, allow: [{ protocol: 'tcp', ports: ['443', '12000'] }], sourceRanges: ['0.0.0.0/0'], targetTags: ['web'] });
  const withAccess = (access: unknown[] | undefined): TestResource => {
    const i = instance('web', ['web'], { 'topogate-role': 'front-end' }, { ip: '10.10.0.5' });
    const nic = (i.values!.network_interface as Array<Record<string, unknown>>)[0];
    if (access) nic.access_config = access;
    return i;
  };

  it('no access_config: what the firewall admits from the internet is not certain (never a pass)', () => {
    const r = flow(internet, serverOf(plan(open, withAccess([])), 'google_compute_instance.web'), 443);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/google_compute_instance\.web has no public IPv4 address \(its network interface has no access_config\), so clients on the internet reach it only through/);
    // A port that must stay closed is still judged by the rules: an address added outside the plan would expose it.
    expect(flow(cidrs('internet', '8.8.8.0/24'), serverOf(plan(open, withAccess([])), 'google_compute_instance.web'), 12000, { forbidden: true }).status).toBe('fail');
  });

  it('with an access_config (or one not known), the firewall decides', () => {
    expect(flow(internet, serverOf(plan(open, withAccess([{ nat_ip: '' }])), 'google_compute_instance.web'), 443).status).toBe('pass');
    expect(flow(internet, serverOf(plan(open, withAccess(undefined)), 'google_compute_instance.web'), 443).status).toBe('pass');
  });
});
