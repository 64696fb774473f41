import { describe, expect, it } from 'vitest';
import { buildPlanJson, checkPlans, environmentsOf, finding, flow, inputErrorOf, ref, serverOf } from './helpers/plan-builder.js';
import type { TestPlan, TestResource } from './helpers/plan-builder.js';
import { yaml } from './helpers/pipeline.js';
import { CHECK_TYPES } from '../src/core/checks/index.js';
import { evaluateFlowPairs } from '../src/core/checks/required-flow.js';
import type { FlowParams, PairContext } from '../src/core/checks/required-flow.js';
import type { Environment, Server } from '../src/core/model.js';
import { AddressSet, parseCidr } from '../src/core/net/cidr.js';

const parsed = (c: string) => {
  const r = parseCidr(c);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
import { renderJson } from '../src/core/report/json-report.js';
import { renderMarkdown } from '../src/core/report/markdown-report.js';
import { renderText } from '../src/core/report/text-report.js';

/**
 * A `topogate-role` or `topogate-environment` tag (GCP: label) unknown until apply is not an
 * absent tag: the server may hold roles, or belong to environments, the plan does not show.
 * The verdicts it could change are unknown, naming the attribute; those it cannot stay.
 */

const EGRESS_ALL = { protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '' };
const tcp = (from: number, to: number, cidrs: string[]) => ({ protocol: 'tcp', from_port: from, to_port: to, cidr_blocks: cidrs, ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '' });

const group = (name: string, ingress: unknown[]): TestResource => ({
  address: `aws_security_group.${name}`,
  values: { ingress, egress: [EGRESS_ALL] },
  unknown: { id: true },
  expressions: { ingress: ingress.map(() => ({})), egress: [{}] },
});

/** An instance in security group `sg` at `ip`; `values` and `unknown` say what its tags are. */
const instance = (name: string, ip: string, sg: string, values: Record<string, unknown>, unknown: Record<string, unknown> = {}): TestResource => ({
  address: `aws_instance.${name}`,
  values: { private_ip: ip, availability_zone: 'eu-west-1a', ...values },
  unknown: { id: true, vpc_security_group_ids: true, ...unknown },
  expressions: { vpc_security_group_ids: ref(`aws_security_group.${sg}.id`) },
});

const production = { 'topogate-environment': 'production' };

/**
 * A front-end, a database that admits only the front-end subnet, and `ctl` at 10.0.2.5 whose
 * tags `ctl` gives. Everything in 10.0.0.0/16 reaches the instances on every TCP port.
 */
const platform = (ctl: TestResource, extra: TestResource[] = []): TestPlan => ({
  resources: [
    group('app', [tcp(0, 65535, ['10.0.0.0/16'])]),
    group('db', [tcp(1433, 1433, ['10.0.1.0/24'])]),
    instance('fe', '10.0.1.5', 'app', { tags: { 'topogate-role': 'front-end', ...production } }),
    ctl,
    {
      address: 'aws_db_instance.db',
      values: { engine: 'sqlserver-se', port: 1433, availability_zone: 'eu-west-1a', tags: production },
      unknown: { id: true, vpc_security_group_ids: true },
      expressions: { vpc_security_group_ids: ref('aws_security_group.db.id') },
    },
    ...extra,
  ],
});

describe('a role tag not known until apply', () => {
  const plan = platform(instance('ctl', '10.0.2.5', 'app', { tags: production }, { tags: { 'topogate-role': true } }));

  it('the server says so, naming the attribute', () => {
    const ctl = serverOf(plan, 'aws_instance.ctl');
    expect(ctl.roles).toEqual([]);
    expect(ctl.rolesUnknown).toBe('tags.topogate-role of aws_instance.ctl is not known until apply');
  });

  it('a flow it may have to carry is unknown, not "nothing to check"; one that passes either way still passes', () => {
    const report = checkPlans(plan);
    // If it is the controller, it must reach the database, which admits only the front-end subnet.
    const net6 = finding(report, 'OS11-NET-006');
    expect(net6).toMatchObject({ status: 'unknown', environment: 'production', subject: 'aws_instance.ctl -> aws_db_instance.db' });
    expect(net6.message).toBe(
      'Cannot decide until apply whether aws_instance.ctl holds role controller (tags.topogate-role of aws_instance.ctl is not known until apply). If so: aws_instance.ctl (10.0.2.5) cannot reach aws_db_instance.db on tcp/1433 (security group aws_security_group.db: no rule allows it). Fix: add an ingress rule to aws_security_group.db allowing tcp/1433 from role:controller (its security group aws_security_group.app).',
    );
    expect(net6.location).toEqual(serverOf(plan, 'aws_instance.ctl').location);
    // The front-end reaches it on 12000 whatever its role: decided.
    expect(finding(report, 'OS11-NET-007', 'aws_instance.fe -> aws_instance.ctl').status).toBe('pass');
    expect(report.findings.filter((f) => f.policy === 'OS11-NET-006').map((f) => f.status)).toEqual(['unknown']);
  });

  it('renders in the text, markdown and JSON reports as an ordinary unknown finding', () => {
    const report = checkPlans(plan);
    const attribute = 'tags.topogate-role of aws_instance.ctl is not known until apply';
    expect(report.summary.unknown).toBeGreaterThan(0);
    expect(renderText(report, 'error')).toContain(attribute);
    expect(renderMarkdown(report, { failOn: 'error' })).toContain(attribute.replace(/_/g, '\\_'));
    const json = JSON.parse(renderJson(report)) as { findings: Array<{ policy: string; status: string; message: string }> };
    expect(json.findings.find((f) => f.policy === 'OS11-NET-006')).toMatchObject({ status: 'unknown', message: expect.stringContaining(attribute) });
  });

  it('a server that holds a role for certain and may hold others: a topology opening from another role may admit it', () => {
    const topology = yaml`
      version: 1
      environments:
        - name: production
          provider: aws
          servers:
            - { name: db, roles: [database], engine: sqlserver, addresses: [10.9.0.5] }
          firewall:
            - { from: role:front-end, to: db, ports: [1433] }
          terraform:
            plans: [plan.json]
            select:
              - { address: aws_instance.ctl, role: controller }
    `;
    const tagged: TestPlan = { resources: [group('app', []), instance('ctl', '10.0.2.5', 'app', { tags: { Name: 'ctl' } }, { tags: { 'topogate-role': true } })] };
    const run = { plans: { 'plan.json': tagged }, topologies: { 'topology.yml': topology } };
    const ctl = serverOf(run, 'aws_instance.ctl');
    expect(ctl.roles).toEqual(['controller', 'cache-invalidation']);
    // Were it also a front-end, the opening would let it in: neither fail nor pass.
    const net6 = finding(checkPlans(run), 'OS11-NET-006', 'aws_instance.ctl -> db');
    expect(net6.status).toBe('unknown');
    expect(net6.message).toMatch(/tags\.topogate-role of aws_instance\.ctl is not known until apply/);
    const db = environmentsOf(run)[0].servers.find((s) => s.name === 'db') as Server;
    expect(flow(ctl, db, 1433, { forbidden: true }).status).toBe('unknown');
  });

  it('a role a topology rule names that only such a server may hold is not an input error', () => {
    const topology = 'version: 1\nenvironments:\n  - name: a\n    servers:\n      - { name: db, roles: [database], addresses: [10.0.0.5] }\n    firewall:\n      - { from: role:front-end, to: db, ports: [1433] }\n    terraform:\n      plans: [plan.json]\n';
    const untold: TestPlan = { resources: [group('app', []), instance('fe', '10.0.1.5', 'app', { tags: {} }, { tags: { 'topogate-role': true } })] };
    expect(environmentsOf({ plans: { 'plan.json': untold }, topologies: { 'topology.yml': topology } })[0].servers.map((s) => s.name)).toEqual(['db', 'aws_instance.fe']);
  });

  it('same-region over roles: a server that may hold the role, in another region, makes it unknown', () => {
    const env = environmentsOf(platform(instance('ctl', '10.0.2.5', 'app', { tags: production, availability_zone: 'us-east-1a' }, { tags: { 'topogate-role': true } })))[0];
    const check = (roles: string[]) => CHECK_TYPES.get('same-region')!.check(env, { type: 'same-region', roles } as never);
    expect(check(['front-end'])).toEqual([
      expect.objectContaining({ status: 'unknown', message: 'Cannot decide until apply whether aws_instance.ctl holds role front-end (tags.topogate-role of aws_instance.ctl is not known until apply). If so: aws_instance.ctl runs under us-east-1, while the other servers with role front-end run under eu-west-1.' }),
    ]);
    // Over all servers it is among them for certain: a plain fail.
    expect(CHECK_TYPES.get('same-region')!.check(env, { type: 'same-region' } as never)[0].status).toBe('fail');
  });

  it('a database engine that only a role makes a server, with its role tag unknown, may be a server', () => {
    const reports: TestResource = {
      address: 'aws_db_instance.reports',
      // Listening on 12000 (a database answers only on its port): were it a server, a controller port would be exposed.
      values: { engine: 'mysql', port: 12000, availability_zone: 'eu-west-1a', tags: production },
      unknown: { id: true, vpc_security_group_ids: true, tags: { 'topogate-role': true } },
      expressions: { vpc_security_group_ids: ref('aws_security_group.open.id') },
    };
    const p = platform(instance('ctl', '10.0.2.5', 'app', { tags: { 'topogate-role': 'controller', ...production } }), [group('open', [tcp(0, 65535, ['0.0.0.0/0'])]), reports]);
    const env = environmentsOf(p)[0];
    expect(env.servers.map((s) => s.name)).not.toContain('aws_db_instance.reports');
    expect(env.possibleServers?.map((s) => [s.name, s.membershipUnknown])).toEqual([
      ['aws_db_instance.reports', 'tags.topogate-role of aws_db_instance.reports is not known until apply, and only a role makes a mysql aws_db_instance a server'],
    ]);
    // Open to the internet: were it a server, the controller port it listens on would be exposed.
    const sec = finding(checkPlans(p), 'OS11-SEC-001', 'internet -> aws_db_instance.reports');
    expect(sec.status).toBe('unknown');
    expect(sec.message).toMatch(/^Cannot decide until apply whether aws_db_instance\.reports belongs to "production" \(tags\.topogate-role of aws_db_instance\.reports is not known until apply, and only a role makes a mysql aws_db_instance a server\)\. If so: aws_db_instance\.reports accepts tcp\/12000 from /);
  });
});

describe('an environment tag not known until apply', () => {
  const unknownTags = instance('ctl', '10.0.2.5', 'app', {}, { tags: true });
  const staging = instance('stg', '10.0.3.5', 'app', { tags: { 'topogate-role': 'front-end', 'topogate-environment': 'staging' } });

  /** The plan with ctl's whole change unknown (`after: null`), as Terraform writes a deferred one, in resource_changes or deferred_changes. */
  const deferred = (where: 'resource_changes' | 'deferred_changes'): string => {
    const json = buildPlanJson(platform(instance('ctl', '10.0.2.5', 'app', {}), [staging]));
    const changes = json.resource_changes as Array<{ address: string; change: Record<string, unknown> }>;
    const i = changes.findIndex((c) => c.address === 'aws_instance.ctl');
    changes[i].change = { ...changes[i].change, after: null, after_unknown: true };
    if (where === 'deferred_changes') Object.assign(json, { complete: false, deferred_changes: changes.splice(i, 1).map((c) => ({ reason: 'provider_config_unknown', resource_change: c })) });
    return JSON.stringify(json, null, 2);
  };

  it.each([
    ['the tags map is unknown', platform(unknownTags, [staging]) as TestPlan | string],
    ['the change is unknown as a whole (after: null)', deferred('resource_changes')],
    ['the change is deferred', deferred('deferred_changes')],
  ])('%s: the server may belong to each environment of the plan, and is in none for certain', (_, plan) => {
    const envs = environmentsOf({ plans: { 'plan.json': plan } });
    expect(envs.map((e) => e.name).sort()).toEqual(['production', 'staging']);
    for (const e of envs) {
      expect(e.servers.map((s) => s.name)).not.toContain('aws_instance.ctl');
      expect(e.possibleServers?.map((s) => [s.name, s.membershipUnknown, s.rolesUnknown])).toEqual([
        ['aws_instance.ctl', 'tags of aws_instance.ctl are not known until apply', 'tags of aws_instance.ctl are not known until apply'],
      ]);
    }
    const report = checkPlans({ plans: { 'plan.json': plan } });
    // Each environment it may join gets an unknown finding naming it and the attribute.
    for (const env of ['production', 'staging']) {
      const net1 = report.findings.find((x) => x.environment === env && x.policy === 'OS11-NET-001' && x.subject === 'end-users -> aws_instance.ctl');
      expect(net1?.status).toBe('unknown');
      expect(net1?.message).toContain(`whether aws_instance.ctl belongs to "${env}" and holds role front-end (tags of aws_instance.ctl are not known until apply). If so: end-users`);
    }
    // The database is in production: if it is the controller there, it cannot reach it.
    expect(finding(report, 'OS11-NET-006', 'aws_instance.ctl -> aws_db_instance.db')).toMatchObject({ status: 'unknown', environment: 'production' });
    expect(report.environments.map((e) => [e.name, e.servers])).toEqual([['production', 2], ['staging', 1]]);
  });

  it('a key of the tags unknown until apply, the others known', () => {
    const p = platform(instance('ctl', '10.0.2.5', 'app', { tags: { 'topogate-role': 'controller' } }, { tags: { 'topogate-environment': true } }), [staging]);
    const prod = environmentsOf(p).find((e) => e.name === 'production') as Environment;
    expect(prod.possibleServers?.map((s) => [s.roles, s.membershipUnknown, s.rolesUnknown])).toEqual([[['controller', 'cache-invalidation'], 'tags.topogate-environment of aws_instance.ctl is not known until apply', undefined]]);
    const net6 = finding(checkPlans(p), 'OS11-NET-006', 'aws_instance.ctl -> aws_db_instance.db');
    expect(net6.status).toBe('unknown');
    expect(net6.message).toMatch(/^Cannot decide until apply whether aws_instance\.ctl belongs to "production" \(tags\.topogate-environment of aws_instance\.ctl is not known until apply\)\. If so: aws_instance\.ctl \(10\.0\.2\.5\) cannot reach aws_db_instance\.db/);
  });

  it('same-provider: a server that may join the environment under another provider makes it unknown', () => {
    const azure: TestResource = { address: 'azurerm_linux_virtual_machine.ctl', values: { location: 'westeurope', network_interface_ids: [] }, unknown: { id: true, tags: true } };
    const report = checkPlans(platform(azure));
    const lat = finding(report, 'OS11-LAT-001', 'production');
    expect(lat.status).toBe('unknown');
    expect(lat.message).toBe(
      'Cannot decide until apply whether azurerm_linux_virtual_machine.ctl belongs to "production" (tags of azurerm_linux_virtual_machine.ctl are not known until apply). If so: azurerm_linux_virtual_machine.ctl runs under azure, while the other servers run under aws.',
    );
    // Under the same provider it passes whatever its environment.
    expect(finding(checkPlans(platform(unknownTags)), 'OS11-LAT-001', 'production').status).toBe('pass');
  });

  it('alone in its plan it goes where it would untagged: never dropped', () => {
    const env = environmentsOf({ resources: [group('app', []), unknownTags] });
    expect(env.map((e) => [e.name, e.servers.map((s) => s.name)])).toEqual([['default', ['aws_instance.ctl']]]);
  });
});

describe('a selector reading tags not known until apply', () => {
  const vm = (name: string, tags: Record<string, string> | undefined, unknown: Record<string, unknown> = {}): TestResource => ({
    address: `azurerm_linux_virtual_machine.${name}`,
    values: { location: 'westeurope', network_interface_ids: [], ...(tags ? { tags } : {}) },
    unknown: { id: true, ...unknown },
  });
  const plan: TestPlan = { resources: [vm('web_1', { Role: 'web' }), vm('web_2', { Name: 'two' }, { tags: { Role: true } })] };

  it('may give roles: the server says so', () => {
    const topology = 'version: 1\nenvironments:\n  - name: a\n    terraform:\n      plans: [plan.json]\n      select:\n        - { tags: { Role: web }, role: front-end }\n';
    const run = { plans: { 'plan.json': plan }, topologies: { 'topology.yml': topology } };
    expect(serverOf(run, 'azurerm_linux_virtual_machine.web_1').rolesUnknown).toBeUndefined();
    expect(serverOf(run, 'azurerm_linux_virtual_machine.web_2')).toMatchObject({ roles: [], rolesUnknown: 'tags of azurerm_linux_virtual_machine.web_2 are not known until apply, and selector #1 of environment "a" reads them' });
  });

  it('of another environment: the server may belong to that one too', () => {
    const topology = 'version: 1\nenvironments:\n  - name: a\n    terraform:\n      select:\n        - { tags: { Role: web }, role: front-end }\n';
    const envs = environmentsOf({ plans: { 'plan.json': plan }, topologies: { 'topology.yml': topology } });
    expect(envs.map((e) => [e.name, e.servers.map((s) => s.name), (e.possibleServers ?? []).map((s) => s.name)])).toEqual([
      ['a', ['azurerm_linux_virtual_machine.web_1'], ['azurerm_linux_virtual_machine.web_2']],
      ['default', [], ['azurerm_linux_virtual_machine.web_2']],
    ]);
  });
});

describe('role tags and labels in other places', () => {
  it('a launch template whose instance tag specification is unknown until apply', () => {
    const lt: TestResource = {
      address: 'aws_launch_template.web',
      values: { tags: { 'topogate-environment': 'production' }, vpc_security_group_ids: [], tag_specifications: [{ resource_type: 'instance', tags: null }] },
      unknown: { id: true, tag_specifications: [{ tags: true }] },
    };
    expect(serverOf({ resources: [lt] }, 'aws_launch_template.web').rolesUnknown).toBe('tag_specifications[0].tags of aws_launch_template.web are not known until apply');
  });

  it('a GCP label topogate-role-<role> unknown until apply, the others known', () => {
    const vm: TestResource = {
      address: 'google_compute_instance.ctl',
      values: { zone: 'europe-west1-b', labels: { 'topogate-role-controller': 'true', 'topogate-role-front-end': null } },
      unknown: { id: true, labels: { 'topogate-role-front-end': true } },
    };
    expect(serverOf({ resources: [vm] }, 'google_compute_instance.ctl')).toMatchObject({
      roles: ['controller', 'cache-invalidation'],
      rolesUnknown: 'labels.topogate-role-front-end of google_compute_instance.ctl is not known until apply',
    });
  });

  it('a balancer forwarding to a server that may join the environment forwards to it there', () => {
    const rule = (port: number, extra: Record<string, unknown>) => ({ protocol: 'tcp', from_port: port, to_port: port, cidr_blocks: [], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '', ...extra });
    const alb: TestResource = { address: 'aws_security_group.alb', values: { ingress: [rule(443, { cidr_blocks: ['0.0.0.0/0'] })], egress: [EGRESS_ALL] }, unknown: { id: true }, expressions: { ingress: [{}], egress: [{}] } };
    // The front-ends admit 8080 from the balancer's group only.
    const fe: TestResource = {
      address: 'aws_security_group.fe',
      values: { ingress: [rule(8080, { security_groups: [null] })], egress: [EGRESS_ALL] },
      unknown: { id: true, ingress: [{ security_groups: [true] }] },
      expressions: { ingress: [{ security_groups: ref('aws_security_group.alb.id', 'aws_security_group.alb') }], egress: [{}] },
    };
    const vm = (i: number, tagged: boolean): TestResource => ({
      address: `aws_instance.fe[${i}]`,
      values: tagged ? { tags: { 'topogate-role': 'front-end', ...production } } : {},
      unknown: { id: true, private_ip: true, vpc_security_group_ids: true, ...(tagged ? {} : { tags: true }) },
      expressions: { vpc_security_group_ids: ref('aws_security_group.fe.id', 'aws_security_group.fe'), subnet_id: ref('aws_subnet.app.id', 'aws_subnet.app') },
    });
    const plan: TestPlan = {
      resources: [
        { address: 'aws_subnet.public', values: { cidr_block: '10.0.0.0/24' }, unknown: { id: true } },
        { address: 'aws_subnet.app', values: { cidr_block: '10.0.1.0/24' }, unknown: { id: true } },
        alb,
        fe,
        vm(0, true),
        vm(1, false),
        { address: 'aws_lb.web', values: { load_balancer_type: 'application', internal: false, tags: {} }, unknown: { id: true, arn: true, security_groups: true, subnets: true }, expressions: { security_groups: ref('aws_security_group.alb.id', 'aws_security_group.alb'), subnets: ref('aws_subnet.public.id', 'aws_subnet.public') } },
        { address: 'aws_lb_target_group.web', values: { port: 8080, protocol: 'HTTP', target_type: 'instance' }, unknown: { id: true, arn: true } },
        {
          address: 'aws_lb_listener.https',
          values: { port: 443, protocol: 'HTTPS', default_action: [{ type: 'forward', target_group_arn: null }] },
          unknown: { id: true, arn: true, load_balancer_arn: true, default_action: [{ target_group_arn: true }] },
          expressions: { load_balancer_arn: ref('aws_lb.web.arn', 'aws_lb.web'), default_action: [{ type: { constant_value: 'forward' }, target_group_arn: ref('aws_lb_target_group.web.arn', 'aws_lb_target_group.web') }] },
        },
        ...[0, 1].map((i): TestResource => ({
          address: `aws_lb_target_group_attachment.fe[${i}]`,
          values: {},
          unknown: { id: true, target_group_arn: true, target_id: true },
          expressions: { target_group_arn: ref('aws_lb_target_group.web.arn', 'aws_lb_target_group.web'), target_id: ref('aws_instance.fe', 'count.index') },
        })),
      ],
    };
    const [env] = environmentsOf(plan);
    expect(env.possibleServers?.map((s) => s.name)).toEqual(['aws_instance.fe[1]']);
    expect(env.loadBalancers[0].listeners[0].targets).toEqual(['aws_instance.fe[0]', 'aws_instance.fe[1]']);
    // Were it a front-end of production, end users would reach it through the balancer: that passes either way.
    const report = checkPlans(plan);
    expect(finding(report, 'OS11-NET-002', 'end-users -> aws_instance.fe[0]').status).toBe('pass');
    expect(finding(report, 'OS11-NET-002', 'end-users -> aws_instance.fe[1]').status).toBe('pass');
  });
});

describe('many servers whose roles are unknown until apply', () => {
  /** `count` instances at 10.0.1.10, .11, ... in group `app` whose tags are unknown as a whole. */
  const untagged = (count: number): TestResource[] =>
    Array.from({ length: count }, (_, i) => instance(`vm${i}`, `10.0.1.${10 + i}`, 'app', {}, { tags: true }));
  const fromFrontEnds: FlowParams = { type: 'required-flow', from: { role: 'front-end' }, to: { role: 'controller' }, ports: [12000] };
  /** The outcomes of a flow check and how many (source, target) pairs it evaluated. */
  const evaluated = (env: Environment, params: FlowParams) => {
    let pairs = 0;
    const outcomes = evaluateFlowPairs(env, params, 'listener-port', (pair) => `${pair.source.name} -> ${pair.target.name}`, (ctx) => {
      pairs++;
      return { status: 'pass', message: () => `${ctx.source.name} reaches ${ctx.target.name}.`, location: ctx.target.location };
    });
    return { outcomes, pairs };
  };

  it('every server in doubt: one finding per server and policy, and no pair of two such servers is evaluated', () => {
    const plan: TestPlan = { resources: [group('app', [tcp(0, 65535, ['10.0.0.0/16'])]), ...untagged(30)] };
    const [env] = environmentsOf(plan);
    expect(env.servers).toHaveLength(30);
    const roles = evaluated(env, { ...fromFrontEnds });
    expect(roles.pairs).toBe(0);
    expect(roles.outcomes).toHaveLength(30);
    expect(roles.outcomes[0]).toEqual({
      subject: 'role:front-end -> aws_instance.vm0 -> role:controller',
      status: 'unknown',
      message: 'Cannot decide until apply whether aws_instance.vm0 holds role front-end or controller (tags of aws_instance.vm0 are not known until apply). If so: its pairs with 29 other servers that may match too (aws_instance.vm1, aws_instance.vm2, aws_instance.vm3 and 26 more) are not checked: their roles or environment are not known until apply either.',
      location: env.servers[0].location,
    });
    // From a client each server has one pair: evaluated, each its own finding.
    const clients = evaluated(env, { type: 'required-flow', from: { client: 'end-users' }, to: { role: 'front-end' }, ports: [443] });
    expect(clients.pairs).toBe(30);
    expect(clients.outcomes.map((o) => o.subject)).toContain('end-users -> aws_instance.vm7');
    // Through the pack: 30 findings where there were 30 x 29 pairs.
    const report = checkPlans(plan);
    expect(report.findings.filter((f) => f.policy === 'OS11-MON-001')).toHaveLength(30);
    expect(finding(report, 'OS11-MON-001', 'aws_instance.vm3 <-> role:front-end').status).toBe('unknown');
  });

  it('past the listing cap, passing pairs are counted without wording their messages; failing ones are worded', () => {
    // 101 front-ends talking to each other: 10,100 pairs, past MAX_LISTED_PAIRS (10,000).
    const plan: TestPlan = {
      resources: [group('app', [tcp(0, 65535, ['10.0.0.0/16'])]), ...Array.from({ length: 101 }, (_, i) => instance(`fe${i}`, `10.0.1.${i + 1}`, 'app', { tags: { 'topogate-role': 'front-end' } }))],
    };
    const [env] = environmentsOf(plan);
    let worded = 0;
    const run = (failing: (ctx: PairContext) => boolean) =>
      evaluateFlowPairs(env, { type: 'required-flow', from: { role: 'front-end' }, to: { role: 'front-end' }, ports: [80] }, 'listener-port', (pair) => `${pair.source.name} -> ${pair.target.name}`, (ctx) => ({
        status: failing(ctx) ? 'fail' : 'pass',
        message: () => `${ctx.source.name} -> ${ctx.target.name} #${++worded}`,
        location: ctx.target.location,
      }));
    const passing = run(() => false);
    expect(passing).toEqual([expect.objectContaining({ status: 'pass', message: expect.stringMatching(/^10100 of 10100 pairs pass/) })]);
    expect(worded).toBe(0);
    // The pairs into fe7 fail (100 of them): each is listed, with its message.
    const failing = run((ctx) => ctx.target.name === 'aws_instance.fe7');
    expect(failing.filter((o) => o.status === 'fail')).toHaveLength(100);
    expect(failing.find((o) => o.subject === 'aws_instance.fe0 -> aws_instance.fe7')?.message).toMatch(/^aws_instance\.fe0 -> aws_instance\.fe7 #\d+$/);
    expect(worded).toBe(100);
  });

  describe('with servers known to hold the roles', () => {
    // D admits 12000 only from 10.0.1.0/28: fe1 gets in, fe2 and fe3 do not; 443 from the whole network.
    const plan: TestPlan = {
      resources: [
        group('app', [tcp(0, 65535, ['10.0.0.0/16'])]),
        group('narrow', [tcp(12000, 12000, ['10.0.1.0/28']), tcp(443, 443, ['10.0.0.0/16'])]),
        ...[5, 20, 30].map((last, i) => instance(`fe${i + 1}`, `10.0.1.${last}`, 'app', { tags: { 'topogate-role': 'front-end' } })),
        instance('d', '10.0.2.5', 'narrow', { tags: {} }, { tags: { 'topogate-role': true } }),
      ],
    };
    const env = () => environmentsOf(plan)[0];
    const check = (params: FlowParams) => CHECK_TYPES.get('required-flow')!.check(env(), params as never);
    const why = 'tags.topogate-role of aws_instance.d is not known until apply';

    it('its pairs with them are evaluated and summed up in one finding, with the first that would not pass', () => {
      const outcomes = check({ ...fromFrontEnds });
      expect(outcomes).toEqual([
        {
          subject: 'role:front-end -> aws_instance.d',
          status: 'unknown',
          message: expect.stringMatching(
            /^Cannot decide until apply whether aws_instance\.d holds role controller \(tags\.topogate-role of aws_instance\.d is not known until apply\)\. If so: 2 of its 3 pairs with servers known to match would not pass; the first: aws_instance\.fe2 \(10\.0\.1\.20\) cannot reach aws_instance\.d on tcp\/12000 /,
          ),
          location: env().servers.find((s) => s.name === 'aws_instance.d')?.location,
        },
      ]);
      expect(evaluated(env(), { ...fromFrontEnds }).pairs).toBe(3);
    });

    it('when all its pairs pass, one pass', () => {
      expect(check({ type: 'required-flow', from: { role: 'front-end' }, to: { role: 'reports' }, ports: [443] })).toEqual([
        expect.objectContaining({
          subject: 'role:front-end -> aws_instance.d',
          status: 'pass',
          message: expect.stringMatching(new RegExp(`^All 3 pairs of aws_instance\\.d pass, so it does not matter whether aws_instance\\.d holds role reports \\(${why.replace(/\./g, '\\.')}\\)\\. The first: aws_instance\\.fe1 \\(10\\.0\\.1\\.5\\) reaches aws_instance\\.d on tcp/443`)),
        }),
      ]);
    });

    it('as source and target of a role talking to itself: both ways in one finding', () => {
      const outcomes = check({ type: 'required-flow', from: { role: 'front-end' }, to: { role: 'front-end' }, ports: [12000] });
      const pairsOfKnown = outcomes.filter((o) => !o.subject.includes('aws_instance.d'));
      expect(pairsOfKnown).toHaveLength(6);
      expect(outcomes.filter((o) => o.subject.includes('aws_instance.d'))).toEqual([
        expect.objectContaining({ subject: 'aws_instance.d <-> role:front-end', status: 'unknown', message: expect.stringContaining('If so: 2 of its 6 pairs with servers known to match would not pass; the first: aws_instance.fe2 (10.0.1.20) cannot reach aws_instance.d') }),
      ]);
    });
  });
});

describe('tags_all and effective_labels unknown until apply: the provider may add default tags', () => {
  const withDefaults = { aws: { name: 'aws', expressions: { region: { constant_value: 'eu-west-1' }, default_tags: [{ tags: ref('var.default_tags') }] } } };
  const prodServer = instance('other', '10.0.1.6', 'app', { tags: { 'topogate-role': 'controller', ...production } });
  const fe = (tags: Record<string, string>, unknown: Record<string, unknown> = { tags_all: true }) => instance('fe', '10.0.1.5', 'app', { tags }, unknown);
  const placed = (plan: TestPlan) => environmentsOf(plan).map((e) => [e.name, e.servers.map((s) => [s.name, s.roles, s.rolesUnknown]), (e.possibleServers ?? []).map((s) => [s.name, s.membershipUnknown, s.rolesUnknown])]);

  it('a key the resource\'s own tags do not set may come from default_tags: its environment is not known', () => {
    const plan: TestPlan = { resources: [group('app', []), fe({ 'topogate-role': 'front-end' }), prodServer], providers: withDefaults };
    expect(placed(plan)).toEqual([
      ['production', [['aws_instance.other', ['controller', 'cache-invalidation'], undefined]], [['aws_instance.fe', 'tags_all of aws_instance.fe (its tags and the provider\'s default_tags) are not known until apply', undefined]]],
    ]);
    // A plan without configuration cannot tell whether the provider has default_tags either.
    expect(placed({ ...plan, noConfiguration: true })[0][2]).toEqual([['aws_instance.fe', expect.stringContaining('tags_all of aws_instance.fe'), undefined]]);
  });

  it('keys the resource\'s own tags set are known whatever default_tags add', () => {
    const plan: TestPlan = { resources: [group('app', []), fe({ 'topogate-role': 'front-end', ...production }), prodServer], providers: withDefaults };
    expect(placed(plan)).toEqual([['production', [['aws_instance.fe', ['front-end'], undefined], ['aws_instance.other', ['controller', 'cache-invalidation'], undefined]], []]]);
  });

  it('one key of tags_all unknown; without any tag the roles are unknown too', () => {
    const one = { resources: [group('app', []), fe({ 'topogate-role': 'front-end' }, { tags_all: { 'topogate-environment': true } }), prodServer], providers: withDefaults };
    expect(placed(one)[0][2]).toEqual([['aws_instance.fe', 'tags_all.topogate-environment of aws_instance.fe is not known until apply', undefined]]);
    const bare = { resources: [group('app', []), fe({}), prodServer], providers: withDefaults };
    const why = 'tags_all of aws_instance.fe (its tags and the provider\'s default_tags) are not known until apply';
    expect(placed(bare)[0][2]).toEqual([['aws_instance.fe', why, why]]);
  });

  it('a provider configuration without default_tags adds nothing: tags_all is tags (Terraform marks it unknown all the same)', () => {
    const plan: TestPlan = { resources: [group('app', []), fe({}), prodServer], providers: { aws: { name: 'aws', expressions: { region: { constant_value: 'eu-west-1' } } } } };
    expect(placed(plan)).toEqual([
      ['default', [['aws_instance.fe', [], undefined]], []],
      ['production', [['aws_instance.other', ['controller', 'cache-invalidation'], undefined]], []],
    ]);
  });

  it('GCP: effective_labels unknown, labels known', () => {
    const vm: TestResource = {
      address: 'google_compute_instance.ctl',
      values: { zone: 'europe-west1-b', labels: { 'topogate-environment': 'production' } },
      unknown: { id: true, effective_labels: true },
    };
    expect(serverOf({ resources: [vm] }, 'google_compute_instance.ctl')).toMatchObject({
      roles: [],
      rolesUnknown: 'effective_labels of google_compute_instance.ctl (its labels and the provider\'s default_labels) are not known until apply',
    });
    const plain = { resources: [vm], providers: { google: { name: 'google', expressions: { project: { constant_value: 'p' } } } } };
    expect(serverOf(plain, 'google_compute_instance.ctl').rolesUnknown).toBeUndefined();
  });
});

describe('the controller\'s default cache-invalidation with a server that may declare the role', () => {
  // The controller admits 12000 but not 5672; mq's tags are unknown: it may be the cache-invalidation server.
  const plan = (mq: TestResource[]): TestPlan => ({
    resources: [
      group('ctl', [tcp(12000, 12000, ['10.0.0.0/16'])]),
      group('app', [tcp(0, 65535, ['10.0.0.0/16'])]),
      instance('fe', '10.0.1.5', 'app', { tags: { 'topogate-role': 'front-end' } }),
      instance('ctl', '10.0.2.5', 'ctl', { tags: { 'topogate-role': 'controller' } }),
      ...mq,
    ],
  });

  it('a front-end that cannot reach the controller on 5672 is unknown, naming why, not a fail', () => {
    const net9 = finding(checkPlans(plan([instance('mq', '10.0.3.5', 'app', {}, { tags: true })])), 'OS11-NET-009', 'role:front-end -> aws_instance.ctl');
    expect(net9.status).toBe('unknown');
    expect(net9.message).toMatch(
      /^Cannot decide until apply whether aws_instance\.ctl holds role cache-invalidation \(the controller holds it by default, unless aws_instance\.mq does: tags of aws_instance\.mq are not known until apply\)\. If so: its one pair with a server known to match would not pass: aws_instance\.fe \(10\.0\.1\.5\) cannot reach aws_instance\.ctl on tcp\/5672 /,
    );
    // No server that may declare it: the default holds, and the fail stands.
    expect(finding(checkPlans(plan([])), 'OS11-NET-009', 'aws_instance.fe -> aws_instance.ctl').status).toBe('fail');
  });

  it('the controller holds the role in doubt: not among the servers known to hold it', () => {
    const [env] = environmentsOf(plan([instance('mq', '10.0.3.5', 'app', {}, { tags: true })]));
    const ctl = env.servers.find((s) => s.name === 'aws_instance.ctl') as Server;
    expect(ctl.roles).toEqual(['controller', 'cache-invalidation']);
    expect(ctl.roleDoubts).toEqual({ 'cache-invalidation': 'the controller holds it by default, unless aws_instance.mq does: tags of aws_instance.mq are not known until apply' });
  });
});

describe('a topology role no server holds, next to servers whose roles are unknown', () => {
  const topology = (role: string) => `version: 1\nenvironments:\n  - name: a\n    servers:\n      - { name: db, roles: [database], addresses: [10.0.0.5] }\n    firewall:\n      - { from: "role:${role}", to: db, ports: [1433] }\n    terraform:\n      plans: [plan.json]\n      select:\n        - { tags: { Role: web }, role: front-end }\n`;
  // web_2's tags are unknown: selector #1 may match it, which gives it role front-end, no other.
  // (web_1, which it matches, belongs to environment b, where a selector of a gives no role.)
  const vm = (name: string, tags: Record<string, string>, unknown: Record<string, unknown> = {}): TestResource => ({ address: `azurerm_linux_virtual_machine.${name}`, values: { location: 'westeurope', network_interface_ids: [], tags }, unknown: { id: true, ...unknown } });
  const run = (role: string) => ({ plans: { 'plan.json': { resources: [vm('web_1', { Role: 'web', 'topogate-environment': 'b' }), vm('web_2', { Name: 'two' }, { tags: { Role: true } })] } }, topologies: { 'topology.yml': topology(role) } });

  it('the role the selector may give: not an error', () => {
    const a = environmentsOf(run('front-end')).find((e) => e.name === 'a') as Environment;
    expect(a.servers.map((s) => [s.name, s.roles, s.possibleRoles])).toEqual([['db', ['database'], undefined], ['azurerm_linux_virtual_machine.web_2', [], ['front-end']]]);
  });

  it('a rule from a role it cannot gain decides its flows: only the roles a selector may give are in doubt', () => {
    const text = topology('front-end').replace('    firewall:\n', '    firewall:\n      - { from: "role:ops", to: db, ports: [1521] }\n').replace('addresses: [10.0.0.5] }\n', 'addresses: [10.0.0.5] }\n      - { name: ops-1, roles: [ops], addresses: [10.0.0.9] }\n');
    const a = environmentsOf({ ...run('front-end'), topologies: { 'topology.yml': text } }).find((e) => e.name === 'a') as Environment;
    expect(a.servers.find((s) => s.name === 'azurerm_linux_virtual_machine.web_2')?.possibleRoles).toEqual(['front-end']);
    const db = a.servers.find((s) => s.name === 'db') as Server;
    // Such a server at a known address: its roles unknown, front-end the only one it may gain.
    const vm = (possibleRoles?: string[]) => ({ name: 'vm', kind: 'server' as const, addresses: AddressSet.fromParsed([parsed('10.0.7.7/32')]), addressesExact: true, identities: ['server:vm'], rolesUnknown: 'tags.Role of vm is not known until apply', possibleRoles, egress: [] });
    // role:front-end -> db 1433: it may be a front-end, so it may get in.
    expect(flow(vm(['front-end']), db, 1433, { forbidden: true }).status).toBe('unknown');
    // role:ops -> db 1521: it can never be ops, so it is not let in; with any role possible, it may.
    expect(flow(vm(['front-end']), db, 1521, { forbidden: true }).status).toBe('pass');
    expect(flow(vm(undefined), db, 1521, { forbidden: true }).status).toBe('unknown');
  });

  it('a selector that may make it a controller may also give it cache-invalidation (the controller\'s by default)', () => {
    const text = topology('front-end').replace('role: front-end }', 'role: controller }').replace('"role:front-end"', '"role:controller"');
    const a = environmentsOf({ ...run('controller'), topologies: { 'topology.yml': text } }).find((e) => e.name === 'a') as Environment;
    expect(a.servers.find((s) => s.name === 'azurerm_linux_virtual_machine.web_2')?.possibleRoles).toEqual(['controller', 'cache-invalidation']);
  });

  it('another role: an error, since no server can hold it', () => {
    expect(inputErrorOf(() => environmentsOf(run('front-edn'))).message).toMatch(/environment "a": no server holds role "front-edn", neither in the topology nor in its plans\. Did you mean role:front-end\?/);
  });
});

describe('same-provider and same-region over many servers that may be among them', () => {
  it('the message stays short', () => {
    const vms = Array.from({ length: 300 }, (_, i) => instance(`vm${i}`, `10.0.${i >> 8}.${i & 255}`, 'app', { availability_zone: i % 2 ? 'eu-west-1a' : 'us-east-1a' }, { tags: true }));
    const report = checkPlans({ plans: { 'plan.json': { resources: [group('app', []), ...vms] } }, topologies: { 'topology.yml': 'version: 1\nenvironments:\n  - name: prod\n    provider: aws\n    terraform:\n      plans: [plan.json]\n' } });
    const lat = finding(report, 'OS11-LAT-002', 'prod');
    expect(lat.status).toBe('unknown');
    expect(lat.message.length).toBeLessThan(1000);
    expect(lat.message).toMatch(/^Cannot decide until apply whether aws_instance\.vm1 belongs to "prod" \(tags of aws_instance\.vm1 are not known until apply\) and whether aws_instance\.vm3 .*, and the same of 147 more servers\. If so: aws_instance\.vm1, aws_instance\.vm3, .* and 142 more run under eu-west-1, while aws_instance\.vm0, .* and 142 more run under us-east-1\.$/);
  });
});
