import { describe, expect, it } from 'vitest';
import { buildPlanJson, checkPlans, environmentsOf, finding, flow, ref, serverOf } from './helpers/plan-builder.js';
import type { TestPlan, TestResource } from './helpers/plan-builder.js';
import { yaml } from './helpers/pipeline.js';
import { CHECK_TYPES } from '../src/core/checks/index.js';
import type { Environment, Server } from '../src/core/model.js';
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
      'Cannot decide until apply whether aws_instance.ctl holds role controller (tags.topogate-role of aws_instance.ctl is not known until apply). If so: aws_instance.ctl (10.0.2.5) cannot reach aws_db_instance.db on tcp/1433 (security group aws_security_group.db: no rule allows it). Fix: add an ingress rule to aws_security_group.db allowing tcp/1433 from role:controller.',
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
      values: { engine: 'mysql', port: 3306, availability_zone: 'eu-west-1a', tags: production },
      unknown: { id: true, vpc_security_group_ids: true, tags: { 'topogate-role': true } },
      expressions: { vpc_security_group_ids: ref('aws_security_group.open.id') },
    };
    const p = platform(instance('ctl', '10.0.2.5', 'app', { tags: { 'topogate-role': 'controller', ...production } }), [group('open', [tcp(0, 65535, ['0.0.0.0/0'])]), reports]);
    const env = environmentsOf(p)[0];
    expect(env.servers.map((s) => s.name)).not.toContain('aws_db_instance.reports');
    expect(env.possibleServers?.map((s) => [s.name, s.membershipUnknown])).toEqual([
      ['aws_db_instance.reports', 'tags.topogate-role of aws_db_instance.reports is not known until apply, and only a role makes a mysql aws_db_instance a server'],
    ]);
    // Open to the internet: were it a server, the controller ports would be exposed.
    const sec = finding(checkPlans(p), 'OS11-SEC-001', 'internet -> aws_db_instance.reports');
    expect(sec.status).toBe('unknown');
    expect(sec.message).toMatch(/^Cannot decide until apply whether aws_db_instance\.reports belongs to "production" \(tags\.topogate-role of aws_db_instance\.reports is not known until apply, and only a role makes a mysql aws_db_instance a server\)\. If so: aws_db_instance\.reports accepts tcp\/12000-12002, 12102 from /);
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
        ['aws_instance.ctl', 'tags of aws_instance.ctl is not known until apply', 'tags of aws_instance.ctl is not known until apply'],
      ]);
    }
    const report = checkPlans({ plans: { 'plan.json': plan } });
    // Each environment it may join gets an unknown finding naming it and the attribute.
    for (const env of ['production', 'staging']) {
      const net1 = report.findings.find((x) => x.environment === env && x.policy === 'OS11-NET-001' && x.subject === 'end-users -> aws_instance.ctl');
      expect(net1?.status).toBe('unknown');
      expect(net1?.message).toContain(`whether aws_instance.ctl belongs to "${env}" and holds role front-end (tags of aws_instance.ctl is not known until apply). If so: end-users`);
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
      'Cannot decide until apply whether azurerm_linux_virtual_machine.ctl belongs to "production" (tags of azurerm_linux_virtual_machine.ctl is not known until apply). If so: azurerm_linux_virtual_machine.ctl runs under azure, while the other servers run under aws.',
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
    expect(serverOf(run, 'azurerm_linux_virtual_machine.web_2')).toMatchObject({ roles: [], rolesUnknown: 'tags of azurerm_linux_virtual_machine.web_2 is not known until apply, and selector #1 of environment "a" reads it' });
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
    expect(serverOf({ resources: [lt] }, 'aws_launch_template.web').rolesUnknown).toBe('tag_specifications[0].tags of aws_launch_template.web is not known until apply');
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
