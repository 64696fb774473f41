import { describe, expect, it } from 'vitest';
import { checkPlans, cidrs, constant, environmentsOf, finding, flow, ref, serverOf } from './helpers/plan-builder.js';
import type { TestPlan, TestResource } from './helpers/plan-builder.js';

/**
 * AWS security groups as they will be after apply: inline and separate rules, group
 * sources, `-1`, ICMP, no egress on a group Terraform creates, references to ids unknown
 * until apply.
 */

const EGRESS_ALL = { protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'], prefix_list_ids: [], security_groups: [], self: false, description: '' };
const rule = (protocol: string, from: number, to: number, extra: Record<string, unknown> = {}) => ({ protocol, from_port: from, to_port: to, cidr_blocks: [], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '', ...extra });

/** A group created by this plan: its id is unknown until apply. */
function group(address: string, ingress: unknown[] | undefined, egress: unknown[] | undefined, expressions: Record<string, unknown> = {}): TestResource {
  const values: Record<string, unknown> = { name: address.split('.').pop() };
  const unknown: Record<string, unknown> = { id: true, arn: true };
  const exprs: Record<string, unknown> = { ...expressions };
  if (ingress) {
    values.ingress = ingress;
    exprs.ingress ??= ingress.map(() => ({}));
  } else unknown.ingress = true;
  if (egress) {
    values.egress = egress;
    exprs.egress ??= egress.map(() => ({}));
  } else unknown.egress = true;
  return { address, values, unknown, expressions: exprs };
}

function instance(address: string, sgExpression: unknown, extra: Partial<TestResource> = {}): TestResource {
  return {
    address,
    values: { ami: 'ami-1', tags: {} , ...extra.values },
    unknown: { id: true, private_ip: true, vpc_security_group_ids: true, security_groups: true, ...extra.unknown },
    expressions: sgExpression === undefined ? {} : { vpc_security_group_ids: sgExpression },
    ...(extra.actions ? { actions: extra.actions } : {}),
  };
}

const internet = cidrs('end-users', '0.0.0.0/0');

describe('inline rules and groups as sources', () => {
  const plan: TestPlan = {
    resources: [
      group('aws_security_group.fe', [rule('tcp', 443, 443, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]),
      // The database group admits the front-end group: a source by membership, its id unknown until apply.
      group('aws_security_group.db', [rule('tcp', 1433, 1433, { security_groups: [null] })], [EGRESS_ALL], {
        ingress: [{ from_port: constant(1433), to_port: constant(1433), protocol: constant('tcp'), security_groups: ref('aws_security_group.fe.id', 'aws_security_group.fe') }],
      }),
      { ...group('aws_security_group.other', [], [EGRESS_ALL]) },
      instance('aws_instance.fe', ref('aws_security_group.fe.id', 'aws_security_group.fe')),
      instance('aws_instance.db', ref('aws_security_group.db.id', 'aws_security_group.db')),
      instance('aws_instance.other', ref('aws_security_group.other.id', 'aws_security_group.other')),
    ],
  };
  plan.resources[1].unknown = { ...plan.resources[1].unknown, ingress: [{ security_groups: [true] }] };

  it('a member of the source group reaches the database port', () => {
    const r = flow(serverOf(plan, 'aws_instance.fe'), serverOf(plan, 'aws_instance.db'), 1433);
    expect(r.status).toBe('pass');
    expect(r.message).toMatch(/allowed by aws_security_group\.fe egress rule all traffic to 0\.0\.0\.0\/0, ::\/0 \(plan\.json:\d+\); aws_security_group\.db ingress rule tcp\/1433 from aws_security_group\.fe \(plan\.json:\d+\)/);
  });

  it('a server outside the source group does not, and the fix names the group to change', () => {
    const r = flow(serverOf(plan, 'aws_instance.other'), serverOf(plan, 'aws_instance.db'), 1433);
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/Fix: add an ingress rule to aws_security_group\.db allowing tcp\/1433/);
  });

  it('0.0.0.0/0 on 443 is exact: IPv6 end users are not covered', () => {
    expect(flow(internet, serverOf(plan, 'aws_instance.fe'), 443).status).toBe('pass');
    const both = flow(cidrs('end-users', '0.0.0.0/0', '::/0'), serverOf(plan, 'aws_instance.fe'), 443);
    expect(both.status).toBe('fail');
    expect(both.verdict.gaps[0].uncovered.toCidrs()).toEqual(['::/0']);
  });

  it('the instance carries its group as an identity', () => {
    expect(serverOf(plan, 'aws_instance.fe').identities).toContain('sg:aws_security_group.fe');
  });
});

describe('egress: a group Terraform creates has none unless declared', () => {
  const plan: TestPlan = {
    resources: [
      group('aws_security_group.fe', [], undefined),
      group('aws_security_group.db', [rule('tcp', 1433, 1433, { cidr_blocks: ['10.0.0.0/8'] })], [EGRESS_ALL]),
      { ...instance('aws_instance.fe', ref('aws_security_group.fe')), values: { private_ip: '10.0.1.5' }, unknown: { id: true, vpc_security_group_ids: true } },
      instance('aws_instance.db', ref('aws_security_group.db')),
    ],
  };

  it('the front-end cannot get out to the database: the egress of its group blocks it', () => {
    const r = flow(serverOf(plan, 'aws_instance.fe'), serverOf(plan, 'aws_instance.db'), 1433);
        expect(r.status).toBe('fail');
    expect(r.message).toMatch(/\(the egress of aws_instance\.fe \(egress of security group aws_security_group\.fe\): no rule allows it\)\. Fix: add an egress rule to aws_security_group\.fe allowing tcp\/1433 to aws_instance\.db/);
  });

  it('an egress declared in a dynamic block (seen in the .tf) is unknown, not absent', () => {
    const sources = [{ path: 'main.tf', text: 'resource "aws_security_group" "fe" {\n  dynamic "egress" {\n    for_each = var.egress\n    content {}\n  }\n}\n' }];
    const r = flow(serverOf({ plans: { 'plan.json': plan }, sources }, 'aws_instance.fe'), serverOf({ plans: { 'plan.json': plan }, sources }, 'aws_instance.db'), 1433);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/the egress rules of aws_security_group\.fe are not known until apply/);
  });
});

describe('protocols and ports', () => {
  const cases: Array<{ name: string; rule: Record<string, unknown>; port: number; protocol?: 'tcp' | 'udp'; status: string }> = [
    { name: 'protocol -1 is every protocol and port', rule: rule('-1', 0, 0, { cidr_blocks: ['0.0.0.0/0'] }), port: 12001, status: 'pass' },
    { name: 'protocol "all" likewise', rule: rule('all', 0, 0, { cidr_blocks: ['0.0.0.0/0'] }), port: 80, protocol: 'udp', status: 'pass' },
    { name: 'protocol number 6 is tcp', rule: rule('6', 80, 80, { cidr_blocks: ['0.0.0.0/0'] }), port: 80, status: 'pass' },
    { name: 'ICMP (-1 / -1 is its type and code) opens no tcp port', rule: rule('icmp', -1, -1, { cidr_blocks: ['0.0.0.0/0'] }), port: 80, status: 'fail' },
    { name: 'a udp rule does not open tcp', rule: rule('udp', 443, 443, { cidr_blocks: ['0.0.0.0/0'] }), port: 443, status: 'fail' },
    { name: 'a range 8000-8080 holds 8080', rule: rule('tcp', 8000, 8080, { cidr_blocks: ['0.0.0.0/0'] }), port: 8080, status: 'pass' },
    { name: 'and not 8081', rule: rule('tcp', 8000, 8080, { cidr_blocks: ['0.0.0.0/0'] }), port: 8081, status: 'fail' },
    { name: 'a /1 does not cover 0.0.0.0/0', rule: rule('tcp', 80, 80, { cidr_blocks: ['0.0.0.0/1'] }), port: 80, status: 'fail' },
    { name: 'two /1 halves do', rule: rule('tcp', 80, 80, { cidr_blocks: ['0.0.0.0/1', '128.0.0.0/1'] }), port: 80, status: 'pass' },
    { name: 'host bits are masked as AWS does (1.2.3.4/0)', rule: rule('tcp', 80, 80, { cidr_blocks: ['1.2.3.4/0'] }), port: 80, status: 'pass' },
    { name: 'a prefix list not in the plan is unknown', rule: rule('tcp', 80, 80, { prefix_list_ids: ['pl-123'] }), port: 80, status: 'unknown' },
  ];
  it.each(cases)('$name', ({ rule: r, port, protocol, status }) => {
    const plan: TestPlan = { resources: [group('aws_security_group.web', [r], [EGRESS_ALL]), instance('aws_instance.web', ref('aws_security_group.web'))] };
    expect(flow(internet, serverOf(plan, 'aws_instance.web'), port, { protocol }).status).toBe(status);
  });

  it('a prefix list the plan defines is its entries', () => {
    const plan: TestPlan = {
      resources: [
        { address: 'aws_ec2_managed_prefix_list.office', values: { id: 'pl-1', entry: [{ cidr: '198.51.100.0/24' }] } },
        group('aws_security_group.web', [rule('tcp', 443, 443, { prefix_list_ids: ['pl-1'] })], [EGRESS_ALL]),
        instance('aws_instance.web', ref('aws_security_group.web')),
      ],
    };
    expect(flow(cidrs('office', '198.51.100.0/24'), serverOf(plan, 'aws_instance.web'), 443).status).toBe('pass');
    expect(flow(cidrs('office', '198.51.0.0/16'), serverOf(plan, 'aws_instance.web'), 443).status).toBe('fail');
  });
});

describe('separate rule resources', () => {
  it('aws_security_group_rule: group and source group both unknown until apply, both found by reference', () => {
    const plan: TestPlan = {
      resources: [
        group('aws_security_group.fe', [], [EGRESS_ALL]),
        { ...group('aws_security_group.db', undefined, undefined), expressions: {} },
        {
          address: 'aws_security_group_rule.db_from_fe',
          values: { type: 'ingress', protocol: 'tcp', from_port: 1433, to_port: 1433, self: false, cidr_blocks: null, prefix_list_ids: [] },
          unknown: { id: true, security_group_id: true, source_security_group_id: true },
          expressions: { security_group_id: ref('aws_security_group.db.id', 'aws_security_group.db'), source_security_group_id: ref('aws_security_group.fe.id', 'aws_security_group.fe') },
        },
        instance('aws_instance.fe', ref('aws_security_group.fe')),
        instance('aws_instance.db', ref('aws_security_group.db')),
      ],
    };
    const r = flow(serverOf(plan, 'aws_instance.fe'), serverOf(plan, 'aws_instance.db'), 1433);
    expect(r.status).toBe('pass');
    expect(r.message).toMatch(/aws_security_group_rule\.db_from_fe \(ingress tcp\/1433 from aws_security_group\.fe\)/);
  });

  /** fe and db instances, each in its group, and one aws_security_group_rule db_in into db's group on tcp/1433. */
  const dbIn = (values: Record<string, unknown>, sourceGroup: unknown): TestPlan => ({
    resources: [
      group('aws_security_group.fe', [], [EGRESS_ALL]),
      group('aws_security_group.db', [], [EGRESS_ALL]),
      {
        address: 'aws_security_group_rule.db_in',
        values: { type: 'ingress', protocol: 'tcp', from_port: 1433, to_port: 1433, self: false, cidr_blocks: null, prefix_list_ids: [], ...values },
        unknown: { id: true, security_group_id: true, source_security_group_id: true },
        expressions: { security_group_id: ref('aws_security_group.db.id', 'aws_security_group.db'), source_security_group_id: sourceGroup },
      },
      instance('aws_instance.fe', ref('aws_security_group.fe')),
      instance('aws_instance.db', ref('aws_security_group.db')),
    ],
  });

  it('aws_security_group_rule with prefix_list_ids and source_security_group_id admits both (they share one permission; was a false fail)', () => {
    const plan = dbIn({ ipv6_cidr_blocks: null, prefix_list_ids: ['pl-corp'] }, ref('aws_security_group.fe.id', 'aws_security_group.fe'));
    const r = flow(serverOf(plan, 'aws_instance.fe'), serverOf(plan, 'aws_instance.db'), 1433);
    expect(r.status).toBe('pass');
    expect(r.message).toMatch(/aws_security_group_rule\.db_in \(ingress tcp\/1433 from [^)]*aws_security_group\.fe/);
  });

  it('a source group that cannot be resolved makes the flow unknown, naming the attribute and why', () => {
    const plan = dbIn({}, ref('local.app_sg'));
    const r = flow(serverOf(plan, 'aws_instance.fe'), serverOf(plan, 'aws_instance.db'), 1433);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/source_security_group_id of aws_security_group_rule\.db_in is not known until apply and comes from local\.app_sg \(locals are not recorded in the plan\)/);
  });

  it('aws_vpc_security_group_ingress_rule / _egress_rule (ip_protocol, cidr_ipv4, referenced_security_group_id)', () => {
    const plan: TestPlan = {
      resources: [
        group('aws_security_group.fe', undefined, undefined),
        group('aws_security_group.db', undefined, undefined),
        { address: 'aws_vpc_security_group_egress_rule.fe_out', values: { ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0', from_port: null, to_port: null }, unknown: { id: true, security_group_id: true }, expressions: { security_group_id: ref('aws_security_group.fe.id', 'aws_security_group.fe') } },
        { address: 'aws_vpc_security_group_ingress_rule.https', values: { ip_protocol: 'tcp', cidr_ipv4: '0.0.0.0/0', from_port: 443, to_port: 443 }, unknown: { id: true, security_group_id: true }, expressions: { security_group_id: ref('aws_security_group.fe.id', 'aws_security_group.fe') } },
        { address: 'aws_vpc_security_group_ingress_rule.db', values: { ip_protocol: 'tcp', from_port: 1433, to_port: 1433 }, unknown: { id: true, security_group_id: true, referenced_security_group_id: true }, expressions: { security_group_id: ref('aws_security_group.db'), referenced_security_group_id: ref('aws_security_group.fe') } },
        instance('aws_instance.fe', ref('aws_security_group.fe')),
        instance('aws_instance.db', ref('aws_security_group.db')),
      ],
    };
    expect(flow(internet, serverOf(plan, 'aws_instance.fe'), 443).status).toBe('pass');
    expect(flow(serverOf(plan, 'aws_instance.fe'), serverOf(plan, 'aws_instance.db'), 1433).status).toBe('pass');
    // The database group declares no egress and Terraform removed AWS's default: nothing gets out.
    expect(flow(serverOf(plan, 'aws_instance.db'), serverOf(plan, 'aws_instance.fe'), 443).status).toBe('fail');
  });

  it('self = true admits the other members of the group', () => {
    const plan: TestPlan = {
      resources: [
        group('aws_security_group.farm', [rule('tcp', 12001, 12002, { self: true })], [EGRESS_ALL]),
        instance('aws_instance.fe[0]', ref('aws_security_group.farm')),
        instance('aws_instance.fe[1]', ref('aws_security_group.farm')),
      ],
    };
    expect(flow(serverOf(plan, 'aws_instance.fe[0]'), serverOf(plan, 'aws_instance.fe[1]'), 12001).status).toBe('pass');
    expect(flow(internet, serverOf(plan, 'aws_instance.fe[1]'), 12001).status).toBe('fail');
  });

  it('self unknown until apply may admit the group\'s members, or not: unknown, never a fail', () => {
    const plan: TestPlan = {
      resources: [
        { address: 'aws_security_group.farm', values: { name: 'farm', egress: [EGRESS_ALL] }, unknown: { id: true, arn: true }, expressions: { egress: [{}] } },
        { address: 'aws_security_group_rule.peers', values: { type: 'ingress', protocol: 'tcp', from_port: 12001, to_port: 12002, cidr_blocks: [], ipv6_cidr_blocks: [], prefix_list_ids: [] }, unknown: { security_group_id: true, self: true, source_security_group_id: true }, expressions: { security_group_id: ref('aws_security_group.farm.id', 'aws_security_group.farm'), self: ref('var.peers') } },
        instance('aws_instance.fe[0]', ref('aws_security_group.farm')),
        instance('aws_instance.fe[1]', ref('aws_security_group.farm')),
      ],
    };
    const r = flow(serverOf(plan, 'aws_instance.fe[0]'), serverOf(plan, 'aws_instance.fe[1]'), 12001);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/self of aws_security_group_rule\.peers is not known until apply/);
  });

  it('static ingress blocks are missing from the plan\'s configuration (attributes as blocks): the .tf says they are written', () => {
    const existing = { id: 'sg-0bbb', name: 'web', ingress: [rule('tcp', 443, 443, { cidr_blocks: ['0.0.0.0/0'] })], egress: [EGRESS_ALL] };
    const plan: TestPlan = {
      resources: [
        { address: 'aws_security_group.web', values: existing, actions: ['no-op'], expressions: { name: constant('web') } },
        { ...instance('aws_instance.web', undefined), values: { vpc_security_group_ids: ['sg-0bbb'] }, unknown: {}, actions: ['no-op'] },
      ],
    };
    const written = [{ path: 'main.tf', text: 'resource "aws_security_group" "web" {\n  name = "web"\n  ingress {\n    from_port = 443\n  }\n  egress {\n  }\n}\n' }];
    expect(flow(internet, serverOf({ plans: { 'plan.json': plan }, sources: written }, 'aws_instance.web'), 443).status).toBe('pass');
    // The same values with a .tf that writes no inline rules: rules AWS reads back that no rule
    // resource of this plan accounts for (left inline, managed in another state) stay after apply.
    const unwritten = [{ path: 'main.tf', text: 'resource "aws_security_group" "web" {\n  name = "web"\n}\n' }];
    expect(flow(internet, serverOf({ plans: { 'plan.json': plan }, sources: unwritten }, 'aws_instance.web'), 443).status).toBe('pass');
  });

  it('moving to rule resources: a rule left inline that no rule resource accounts for stays (removing the blocks from the .tf does not delete it)', () => {
    const existing = { id: 'sg-0ctl', name: 'ctl', ingress: [rule('tcp', 12000, 12000, { cidr_blocks: ['0.0.0.0/0'] }), rule('tcp', 22, 22, { cidr_blocks: ['10.0.0.0/16'] })], egress: [EGRESS_ALL] };
    const plan = (ruleCidr: unknown, extra: Partial<TestResource> = {}): TestPlan => ({
      resources: [
        { address: 'aws_security_group.ctl', values: existing, actions: ['no-op'] },
        { address: 'aws_security_group_rule.ssh', values: { type: 'ingress', security_group_id: 'sg-0ctl', protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['10.0.0.0/16'] }, actions: ['no-op'] },
        { address: 'aws_security_group_rule.ctl', values: { type: 'ingress', security_group_id: 'sg-0ctl', protocol: 'tcp', from_port: 12000, to_port: 12000, cidr_blocks: ruleCidr }, ...extra },
        { ...instance('aws_instance.ctl', undefined), values: { vpc_security_group_ids: ['sg-0ctl'] }, unknown: {}, actions: ['no-op'] },
      ],
    });
    // The new resource admits only the VPC; the inline 0.0.0.0/0 entry stays in AWS.
    const ctl = serverOf(plan(['10.0.0.0/16']), 'aws_instance.ctl');
    const exposed = flow(internet, ctl, 12000, { forbidden: true });
    expect(exposed.status).toBe('fail');
    expect(exposed.message).toMatch(/aws_security_group\.ctl ingress rule tcp\/12000 from 0\.0\.0\.0\/0/);
    // Entries a rule resource accounts for are that resource's: the ssh rule is not counted twice, nor kept when deleted.
    const ssh = flow(internet, ctl, 22, { forbidden: true }).message;
    expect(ssh).toContain('aws_security_group_rule.ssh');
    expect(ssh).not.toContain('aws_security_group.ctl ingress rule tcp/22');
    // The entry is a resource's own, which this plan deletes: gone with it.
    expect(flow(internet, serverOf(deleteWithBefore(plan(['0.0.0.0/0'], { actions: ['delete'] })), 'aws_instance.ctl'), 12000, { forbidden: true }).status).toBe('pass');
    // A resource whose sources are not known until apply may be the entry's: unknown.
    expect(flow(internet, serverOf(plan(null, { unknown: { cidr_blocks: true } }), 'aws_instance.ctl'), 12000, { forbidden: true }).status).toBe('unknown');
    // A rule replaced here (0.0.0.0/0 -> the VPC): the entry read back may be its old rule, not one left inline.
    const replaced = flow(cidrs('public', '8.8.8.0/24'), serverOf(plan(['10.0.0.0/16'], { actions: ['delete', 'create'] }), 'aws_instance.ctl'), 12000, { forbidden: true });
    expect(replaced.status).toBe('unknown');
    expect(replaced.message).toContain('may be the old rule of aws_security_group_rule.ctl, which this plan replaces');
  });

  it('an instance naming no group gets the plan\'s aws_default_security_group of its VPC, whose rules the plan holds', () => {
    const vpc: TestResource = { address: 'aws_vpc.main', values: { id: 'vpc-1', cidr_block: '10.0.0.0/16' }, actions: ['no-op'] };
    const subnet: TestResource = { address: 'aws_subnet.app', values: { id: 'subnet-app', vpc_id: 'vpc-1', cidr_block: '10.0.1.0/24' }, actions: ['no-op'] };
    const dflt = (ingress: unknown[]): TestResource => ({ address: 'aws_default_security_group.d', values: { id: 'sg-0dflt', vpc_id: 'vpc-1', ingress, egress: [EGRESS_ALL] }, actions: ['update'], expressions: { vpc_id: ref('aws_vpc.main.id', 'aws_vpc.main'), ingress: ingress.map(() => ({})), egress: [{}] } });
    const ctl: TestResource = { address: 'aws_instance.ctl', values: { subnet_id: 'subnet-app', private_ip: '10.0.1.5' }, unknown: { id: true }, actions: ['create'] };
    const plan = (ingress: unknown[]): TestPlan => ({ resources: [vpc, subnet, dflt(ingress), ctl] });
    const open = flow(internet, serverOf(plan([rule('tcp', 12000, 12000, { cidr_blocks: ['0.0.0.0/0'] })]), 'aws_instance.ctl'), 12000, { forbidden: true });
    expect(open.status).toBe('fail');
    expect(open.message).toMatch(/aws_default_security_group\.d ingress rule tcp\/12000 from 0\.0\.0\.0\/0/);
    expect(flow(internet, serverOf(plan([]), 'aws_instance.ctl'), 12000, { forbidden: true }).status).toBe('pass');
    // Without it in the plan: the VPC's default group's rules are not known.
    expect(flow(internet, serverOf({ resources: [vpc, subnet, ctl] }, 'aws_instance.ctl'), 12000, { forbidden: true }).status).toBe('unknown');
  });

  it('a launch template\'s instances are in the subnets of the autoscaling groups that launch from it', () => {
    const subnet = (n: string, cidr: string): TestResource => ({ address: `aws_subnet.${n}`, values: { id: `subnet-${n}`, cidr_block: cidr }, actions: ['no-op'] });
    const lt: TestResource = { address: 'aws_launch_template.fe', values: { tags: { 'topogate-role': 'front-end' } }, unknown: { id: true } };
    const asg = (subnets: unknown): TestResource => ({
      address: 'aws_autoscaling_group.fe',
      values: { vpc_zone_identifier: subnets, launch_template: [{ version: '$Latest' }] },
      unknown: { id: true, launch_template: [{ id: true, name: true }], ...(subnets === null ? { vpc_zone_identifier: true } : {}) },
      expressions: { launch_template: [{ id: ref('aws_launch_template.fe.id', 'aws_launch_template.fe') }] },
    });
    const server = (subnets: unknown) => serverOf({ resources: [subnet('a', '10.0.1.0/24'), subnet('b', '10.0.2.0/24'), lt, asg(subnets)] }, 'aws_launch_template.fe');
    expect(server(['subnet-a', 'subnet-b']).addresses.describe()).toBe('10.0.1.0/24, 10.0.2.0/24');
    expect(server(['subnet-a', 'subnet-b']).addressesExact).toBe(false);
    // Subnets not known until apply, or not in the plan: anywhere.
    expect(server(null).addresses.describe()).toBe('0.0.0.0/0');
    expect(server(['subnet-elsewhere']).addresses.describe()).toBe('0.0.0.0/0');
  });

  it('a group source unknown inside an inline block the plan does not record: unknown, saying so', () => {
    const db = group('aws_security_group.db', [rule('tcp', 1433, 1433, { security_groups: [null] })], [EGRESS_ALL], {});
    db.unknown = { ...db.unknown, ingress: [{ security_groups: [true] }] };
    db.expressions = {};
    const plan: TestPlan = { resources: [group('aws_security_group.fe', [], [EGRESS_ALL]), db, instance('aws_instance.fe', ref('aws_security_group.fe')), instance('aws_instance.db', ref('aws_security_group.db'))] };
    const r = flow(serverOf(plan, 'aws_instance.fe'), serverOf(plan, 'aws_instance.db'), 1433);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/ingress\[0\]\.security_groups of aws_security_group\.db is not known until apply, and the plan's configuration does not record the ingress block it is written in/);
  });

  it('a rule this plan deletes is gone, though the group read back from AWS still lists it', () => {
    const existing = { id: 'sg-0aaa', name: 'web', ingress: [rule('tcp', 22, 22, { cidr_blocks: ['0.0.0.0/0'] })], egress: [EGRESS_ALL] };
    const plan: TestPlan = {
      resources: [
        { address: 'aws_security_group.web', values: existing, actions: ['no-op'] },
        { address: 'aws_security_group_rule.ssh', values: { type: 'ingress', security_group_id: 'sg-0aaa', protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] }, actions: ['delete'] },
        { ...instance('aws_instance.web', undefined), values: { vpc_security_group_ids: ['sg-0aaa'] }, unknown: {}, actions: ['no-op'] },
      ],
    };
    const json = plan;
    // The deleted change has no "after": the builder writes its values as before.
    const r = flow(internet, serverOf(deleteWithBefore(json), 'aws_instance.web'), 22);
    expect(r.status).toBe('fail');
  });
});

/** The builder writes `after`; a delete carries its values in `before`. */
function deleteWithBefore(plan: TestPlan): { plans: Record<string, string> } {
  const json = JSON.parse(JSON.stringify(planJson(plan))) as { resource_changes: Array<{ change: { actions: string[]; before: unknown; after: unknown } }> };
  for (const rc of json.resource_changes) {
    if (rc.change.actions.includes('delete')) {
      rc.change.before = rc.change.after;
      rc.change.after = null;
    }
  }
  return { plans: { 'plan.json': JSON.stringify(json) } };
}

import { buildPlanJson as planJson } from './helpers/plan-builder.js';

describe('which groups an instance has', () => {
  it('vpc_security_group_ids unknown until apply is followed through a module variable to the root group', () => {
    const plan: TestPlan = {
      resources: [
        group('aws_security_group.web', [rule('tcp', 443, 443, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]),
        instance('module.app.aws_instance.web', ref('var.security_group_ids')),
      ],
      modules: { 'module.app': { source: './modules/app', expressions: { security_group_ids: ref('aws_security_group.web.id', 'aws_security_group.web') } } },
    };
    expect(flow(internet, serverOf(plan, 'module.app.aws_instance.web'), 443).status).toBe('pass');
  });

  it('and through a module output to a group inside a registry module', () => {
    const plan: TestPlan = {
      resources: [
        group('module.sg.aws_security_group.this[0]', [rule('tcp', 443, 443, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]),
        instance('aws_instance.web', ref('module.sg.security_group_id', 'module.sg')),
      ],
      modules: { 'module.sg': { source: 'terraform-aws-modules/security-group/aws', outputs: { security_group_id: ref('aws_security_group.this[0].id', 'aws_security_group.this[0]', 'aws_security_group.this') } } },
    };
    expect(flow(internet, serverOf(plan, 'aws_instance.web'), 443).status).toBe('pass');
  });

  it('count: each instance gets the group its count.index names', () => {
    const plan: TestPlan = {
      resources: [
        group('aws_security_group.tier[0]', [rule('tcp', 80, 80, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]),
        group('aws_security_group.tier[1]', [rule('tcp', 443, 443, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]),
        instance('aws_instance.web[0]', ref('aws_security_group.tier', 'count.index')),
        instance('aws_instance.web[1]', ref('aws_security_group.tier', 'count.index')),
      ],
    };
    expect(flow(internet, serverOf(plan, 'aws_instance.web[0]'), 80).status).toBe('pass');
    expect(flow(internet, serverOf(plan, 'aws_instance.web[0]'), 443).status).toBe('fail');
    expect(flow(internet, serverOf(plan, 'aws_instance.web[1]'), 443).status).toBe('pass');
  });

  it('for_each keys and known ids of groups that already exist', () => {
    const plan: TestPlan = {
      resources: [
        { address: 'aws_security_group.web["eu"]', values: { id: 'sg-0eu', name: 'web-eu', ingress: [rule('tcp', 443, 443, { cidr_blocks: ['0.0.0.0/0'] })], egress: [EGRESS_ALL] }, actions: ['no-op'], expressions: { ingress: [{}], egress: [{}] } },
        { address: 'aws_instance.web["eu"]', values: { vpc_security_group_ids: ['sg-0eu'], private_ip: '10.0.0.5' }, unknown: {}, actions: ['update'] },
      ],
    };
    const web = serverOf(plan, 'aws_instance.web["eu"]');
    expect(web.addresses.toCidrs()).toEqual(['10.0.0.5/32']);
    expect(web.addressesExact).toBe(true);
    expect(flow(internet, web, 443).status).toBe('pass');
  });

  it('a group outside the plan (known id) is unknown, never a pass', () => {
    const plan: TestPlan = { resources: [{ address: 'aws_instance.web', values: { vpc_security_group_ids: ['sg-0outside'] } }] };
    const r = flow(internet, serverOf(plan, 'aws_instance.web'), 443);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/security group sg-0outside is not in this plan, so its ingress rules are unknown/);
  });

  it('ids built in a local cannot be resolved: unknown, naming the attribute', () => {
    const plan: TestPlan = { resources: [group('aws_security_group.web', [rule('tcp', 443, 443, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]), instance('aws_instance.web', ref('local.groups'))] };
    const r = flow(internet, serverOf(plan, 'aws_instance.web'), 80);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/vpc_security_group_ids of aws_instance\.web is not known until apply and comes from local\.groups/);
  });

  it('no group at all: the default group of the VPC, whose rules the plan does not hold', () => {
    const plan: TestPlan = { resources: [instance('aws_instance.web', undefined)] };
    const r = flow(internet, serverOf(plan, 'aws_instance.web'), 443);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/names no security group, so AWS attaches the default security group of its VPC/);
  });

  it('a launch template by its groups and tag specifications', () => {
    const plan: TestPlan = {
      resources: [
        group('aws_security_group.web', [rule('tcp', 443, 443, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]),
        {
          address: 'aws_launch_template.web',
          values: { tag_specifications: [{ resource_type: 'instance', tags: { 'topogate-role': 'front-end' } }] },
          unknown: { id: true, vpc_security_group_ids: true },
          expressions: { vpc_security_group_ids: ref('aws_security_group.web') },
        },
      ],
    };
    const lt = serverOf(plan, 'aws_launch_template.web');
    expect(lt.roles).toEqual(['front-end']);
    expect(flow(internet, lt, 443).status).toBe('pass');
  });
});

describe('servers in the same groups', () => {
  const plan: TestPlan = {
    resources: [
      group('aws_security_group.web', [rule('tcp', 443, 443, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]),
      group('aws_security_group.admin', [rule('tcp', 22, 22, { cidr_blocks: ['10.0.0.0/8'] })], []),
      instance('aws_instance.a', ref('aws_security_group.web.id', 'aws_security_group.web')),
      instance('aws_instance.b', ref('aws_security_group.web.id', 'aws_security_group.web')),
      instance('aws_instance.c', { references: ['aws_security_group.web.id', 'aws_security_group.web', 'aws_security_group.admin.id', 'aws_security_group.admin'] }),
    ],
  };
  const office = cidrs('office', '10.1.0.0/16');

  it('share one filter layer; a server with another group has its own', () => {
    const servers = environmentsOf(plan).flatMap((e) => e.servers);
    const [a, b, c] = ['aws_instance.a', 'aws_instance.b', 'aws_instance.c'].map((n) => servers.find((s) => s.name === n)!);
    expect(a.ingress[0]).toBe(b.ingress[0]);
    expect(a.egress[0]).toBe(b.egress[0]);
    expect(c.ingress[0]).not.toBe(a.ingress[0]);
    expect(c.ingress[0].name).toBe('security groups aws_security_group.web, aws_security_group.admin');
  });

  it('and are still judged one by one', () => {
    const [a, c] = ['aws_instance.a', 'aws_instance.c'].map((n) => serverOf(plan, n));
    expect(flow(office, a, 443).status).toBe('pass');
    expect(flow(office, a, 22).status).toBe('fail');
    expect(flow(office, c, 22).status).toBe('pass');
    expect(a.identities).toContain('server:aws_instance.a');
    expect(a.identities).not.toContain('server:aws_instance.b');
  });
});

describe('prefix list entries managed as their own resources', () => {
  const list = (entry: unknown[]) => ({ address: 'aws_ec2_managed_prefix_list.office', values: { id: 'pl-1', entry }, actions: ['no-op'] });
  const web = () => [group('aws_security_group.web', [rule('tcp', 443, 443, { prefix_list_ids: ['pl-1'] })], [EGRESS_ALL]), instance('aws_instance.web', ref('aws_security_group.web'))];

  it('an entry resource adds its CIDR to the list, whose id is known or found by reference', () => {
    const plan: TestPlan = {
      resources: [
        list([{ cidr: '10.0.0.0/8' }]),
        { address: 'aws_ec2_managed_prefix_list_entry.vendor', values: { prefix_list_id: 'pl-1', cidr: '0.0.0.0/0' } },
        ...web(),
      ],
    };
    // Kept entries as the list reads back (10/8) plus the new one: the whole IPv4 internet.
    expect(flow(internet, serverOf(plan, 'aws_instance.web'), 443).status).toBe('pass');
    const byReference: TestPlan = {
      resources: [
        list([{ cidr: '10.0.0.0/8' }]),
        { address: 'aws_ec2_managed_prefix_list_entry.vendor', values: { cidr: '203.0.113.0/24' }, unknown: { prefix_list_id: true }, expressions: { prefix_list_id: ref('aws_ec2_managed_prefix_list.office.id', 'aws_ec2_managed_prefix_list.office') } },
        ...web(),
      ],
    };
    expect(flow(cidrs('vendor', '203.0.113.0/24'), serverOf(byReference, 'aws_instance.web'), 443).status).toBe('pass');
    expect(flow(cidrs('other', '192.0.2.0/24'), serverOf(byReference, 'aws_instance.web'), 443).status).toBe('fail');
  });

  it('an entry this plan deletes is gone, though the list read back from AWS still holds it', () => {
    const plan: TestPlan = {
      resources: [
        list([{ cidr: '10.0.0.0/8' }, { cidr: '198.51.100.0/24' }]),
        { address: 'aws_ec2_managed_prefix_list_entry.corp', values: { prefix_list_id: 'pl-1', cidr: '10.0.0.0/8' }, actions: ['no-op'] },
        { address: 'aws_ec2_managed_prefix_list_entry.old', values: { prefix_list_id: 'pl-1', cidr: '198.51.100.0/24' }, actions: ['delete'] },
        ...web(),
      ],
    };
    const run = deleteWithBefore(plan);
    expect(flow(cidrs('corp', '10.0.0.0/8'), serverOf(run, 'aws_instance.web'), 443).status).toBe('pass');
    expect(flow(cidrs('old', '198.51.100.0/24'), serverOf(run, 'aws_instance.web'), 443).status).toBe('fail');
  });
});

describe('groups through network interfaces', () => {
  const open = group('aws_security_group.open', [rule('tcp', 12000, 12000, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]);
  const closed = group('aws_security_group.fe', [rule('tcp', 443, 443, { cidr_blocks: ['10.0.0.0/8'] })], [EGRESS_ALL]);
  const v4 = cidrs('v4', '0.0.0.0/0');

  it('aws_network_interface_sg_attachment adds its group to the instance whose primary interface it names', () => {
    const plan: TestPlan = {
      resources: [
        open,
        closed,
        instance('aws_instance.fe', ref('aws_security_group.fe.id', 'aws_security_group.fe'), { unknown: { primary_network_interface_id: true } }),
        {
          address: 'aws_network_interface_sg_attachment.open',
          unknown: { security_group_id: true, network_interface_id: true },
          expressions: { security_group_id: ref('aws_security_group.open.id', 'aws_security_group.open'), network_interface_id: ref('aws_instance.fe.primary_network_interface_id', 'aws_instance.fe') },
        },
      ],
    };
    expect(flow(v4, serverOf(plan, 'aws_instance.fe'), 12000).status).toBe('pass');
    expect(flow(v4, serverOf(plan, 'aws_instance.fe'), 443).status).toBe('fail');
  });

  it('and by a known interface id; one it cannot place makes every server unknown, never a pass', () => {
    const known: TestPlan = {
      resources: [
        { address: 'aws_security_group.open', values: { id: 'sg-0open', ingress: [rule('tcp', 12000, 12000, { cidr_blocks: ['0.0.0.0/0'] })], egress: [EGRESS_ALL] }, actions: ['no-op'], expressions: { ingress: [{}], egress: [{}] } },
        { address: 'aws_instance.fe', values: { vpc_security_group_ids: [], primary_network_interface_id: 'eni-0fe', private_ip: '10.0.0.5' }, actions: ['no-op'] },
        { address: 'aws_network_interface_sg_attachment.open', values: { security_group_id: 'sg-0open', network_interface_id: 'eni-0fe' } },
      ],
    };
    expect(flow(v4, serverOf(known, 'aws_instance.fe'), 12000).status).toBe('pass');
    const lost: TestPlan = {
      resources: [
        open,
        closed,
        instance('aws_instance.fe', ref('aws_security_group.fe.id', 'aws_security_group.fe')),
        { address: 'aws_network_interface_sg_attachment.open', unknown: { security_group_id: true, network_interface_id: true }, expressions: { security_group_id: ref('aws_security_group.open.id', 'aws_security_group.open'), network_interface_id: ref('local.eni') } },
      ],
    };
    const r = flow(v4, serverOf(lost, 'aws_instance.fe'), 12000);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/aws_network_interface_sg_attachment\.open attaches a security group to a network interface that is not known until apply/);
  });

  it('a group attached to an instance that names none comes on top of the default group: exposure stays unknown', () => {
    const plan: TestPlan = {
      resources: [
        closed,
        { address: 'aws_instance.db', values: { vpc_security_group_ids: [], primary_network_interface_id: 'eni-0db', private_ip: '10.0.0.9' }, actions: ['no-op'] },
        { address: 'aws_network_interface_sg_attachment.closed', values: { network_interface_id: 'eni-0db' }, unknown: { security_group_id: true }, expressions: { security_group_id: ref('aws_security_group.fe.id', 'aws_security_group.fe') } },
      ],
    };
    const db = serverOf(plan, 'aws_instance.db');
    const exposed = flow(v4, db, 12000, { forbidden: true });
    expect(exposed.status).toBe('unknown');
    expect(exposed.message).toMatch(/names no security group, so AWS attaches the default security group/);
    // What the attached group allows is certain.
    expect(flow(cidrs('corp', '10.1.0.0/16'), db, 443).status).toBe('pass');
  });

  it('provider 6 writes the interface as primary_network_interface', () => {
    const plan: TestPlan = {
      resources: [
        { address: 'aws_security_group.open', values: { id: 'sg-0open', ingress: [rule('tcp', 12000, 12000, { cidr_blocks: ['0.0.0.0/0'] })], egress: [EGRESS_ALL] }, actions: ['no-op'], expressions: { ingress: [{}], egress: [{}] } },
        { address: 'aws_network_interface.fe', values: { id: 'eni-0fe', security_groups: ['sg-0open'], private_ips: ['10.0.0.7'] }, actions: ['no-op'] },
        { address: 'aws_instance.fe', values: { primary_network_interface: [{ network_interface_id: 'eni-0fe' }], private_ip: '10.0.0.7' }, unknown: { vpc_security_group_ids: true }, actions: ['update'] },
      ],
    };
    expect(flow(v4, serverOf(plan, 'aws_instance.fe'), 12000).status).toBe('pass');
  });

  it('an instance on its own network interface gets that interface\'s groups', () => {
    const plan: TestPlan = {
      resources: [
        open,
        { address: 'aws_network_interface.fe', values: { private_ips: ['10.0.0.7'] }, unknown: { id: true, security_groups: true }, expressions: { security_groups: ref('aws_security_group.open.id', 'aws_security_group.open') } },
        {
          address: 'aws_instance.fe',
          values: { network_interface: [{ device_index: 0, network_interface_id: null }] },
          unknown: { id: true, private_ip: true, vpc_security_group_ids: true, network_interface: [{ network_interface_id: true }] },
          expressions: { network_interface: [{ device_index: constant(0), network_interface_id: ref('aws_network_interface.fe.id', 'aws_network_interface.fe') }] },
        },
      ],
    };
    const r = flow(v4, serverOf(plan, 'aws_instance.fe'), 12000);
    expect(r.status).toBe('pass');
    expect(flow(v4, serverOf(plan, 'aws_instance.fe'), 22).status).toBe('fail');
  });
});

describe('an instance with secondary network interfaces', () => {
  const fe = group('aws_security_group.fe', [rule('tcp', 443, 443, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]);
  const v4 = cidrs('v4', '0.0.0.0/0');
  const exposure = (plan: TestPlan) => flow(v4, serverOf(plan, 'aws_instance.web'), 3389, { forbidden: true });

  it.each([
    ['aws_network_interface_attachment', { address: 'aws_network_interface_attachment.second', values: { device_index: 1, network_interface_id: 'eni-0second' }, unknown: { instance_id: true }, expressions: { instance_id: ref('aws_instance.web.id', 'aws_instance.web') } }],
    ['an interface attached inline', { address: 'aws_network_interface.second', values: { attachment: [{ device_index: 1 }] }, unknown: { id: true, attachment: [{ instance: true }] }, expressions: { attachment: [{ instance: ref('aws_instance.web.id', 'aws_instance.web'), device_index: constant(1) }] } }],
  ])('%s: what the primary groups allow is certain, what they deny is unknown', (_name, attachment) => {
    const plan: TestPlan = { resources: [fe, instance('aws_instance.web', ref('aws_security_group.fe.id', 'aws_security_group.fe')), attachment as TestResource] };
    expect(flow(v4, serverOf(plan, 'aws_instance.web'), 443).status).toBe('pass');
    const r = exposure(plan);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/aws_instance\.web has other network interfaces/);
  });

  it('without one, the groups decide', () => {
    const plan: TestPlan = { resources: [fe, instance('aws_instance.web', ref('aws_security_group.fe.id', 'aws_security_group.fe'))] };
    expect(exposure(plan).status).toBe('pass');
  });
});

describe('network ACLs', () => {
  const subnet = (name: string, cidr: string, id: string): TestResource => ({ address: `aws_subnet.${name}`, values: { id, cidr_block: cidr, vpc_id: 'vpc-1' }, actions: ['no-op'] });
  const entry = (rule_no: number, action: string, protocol: string, cidr: string, from = 0, to = 0) => ({ rule_no, action, protocol, cidr_block: cidr, ipv6_cidr_block: '', from_port: from, to_port: to, icmp_code: 0, icmp_type: 0 });
  const acl = (name: string, subnets: string[], ingress: unknown[], egress: unknown[]): TestResource => ({ address: `aws_network_acl.${name}`, values: { id: `acl-${name}`, vpc_id: 'vpc-1', subnet_ids: subnets, ingress, egress }, actions: ['no-op'], expressions: { ingress: ingress.map(() => ({})), egress: egress.map(() => ({})) } });
  const open = { address: 'aws_security_group.open', values: { id: 'sg-0open', ingress: [rule('-1', 0, 0, { cidr_blocks: ['0.0.0.0/0'] })], egress: [EGRESS_ALL] }, actions: ['no-op'], expressions: { ingress: [{}], egress: [{}] } };
  const server = (name: string, subnetId: string, ip: string): TestResource => ({ address: `aws_instance.${name}`, values: { vpc_security_group_ids: ['sg-0open'], subnet_id: subnetId, private_ip: ip }, actions: ['no-op'] });
  const ALLOW_ALL = [entry(100, 'allow', '-1', '0.0.0.0/0')];
  const v4 = cidrs('v4', '0.0.0.0/0');

  it('numbered rules, first match, the rest denied: the ACL narrows what the groups allow', () => {
    const plan: TestPlan = { resources: [open, subnet('web', '10.0.1.0/24', 'subnet-web'), acl('web', ['subnet-web'], [entry(100, 'allow', 'tcp', '0.0.0.0/0', 443, 443)], ALLOW_ALL), server('web', 'subnet-web', '10.0.1.10')] };
    const web = serverOf(plan, 'aws_instance.web');
    expect(flow(v4, web, 443).status).toBe('pass');
    const ssh = flow(v4, web, 22);
    expect(ssh.status).toBe('fail');
    expect(ssh.message).toMatch(/network ACL aws_network_acl\.web/);
    // From outside the subnet; its own addresses reach 22 (inside it the ACL does not apply).
    expect(flow(cidrs('public', '8.8.8.0/24'), web, 22, { forbidden: true }).status).toBe('pass');
    expect(flow(cidrs('neighbour', '10.0.1.0/24'), web, 22, { forbidden: true }).status).toBe('fail');
  });

  it('a deny numbered before an allow wins; traffic inside the subnet does not pass the ACL', () => {
    const plan: TestPlan = {
      resources: [
        open,
        subnet('app', '10.0.2.0/24', 'subnet-app'),
        subnet('db', '10.0.3.0/24', 'subnet-db'),
        acl('db', ['subnet-db'], [entry(90, 'deny', 'tcp', '10.0.2.0/24', 1433, 1433), entry(100, 'allow', '-1', '10.0.0.0/16')], ALLOW_ALL),
        server('app', 'subnet-app', '10.0.2.5'),
        server('db', 'subnet-db', '10.0.3.5'),
        server('db2', 'subnet-db', '10.0.3.6'),
      ],
    };
    const db = serverOf(plan, 'aws_instance.db');
    const blocked = flow(serverOf(plan, 'aws_instance.app'), db, 1433);
    expect(blocked.status).toBe('fail');
    expect(blocked.message).toMatch(/aws_network_acl\.db ingress rule 90/);
    expect(flow(serverOf(plan, 'aws_instance.app'), db, 5432).status).toBe('pass');
    expect(flow(serverOf(plan, 'aws_instance.db2'), db, 1433).status).toBe('pass');
  });

  it('outbound rules of the source subnet count too', () => {
    const plan: TestPlan = {
      resources: [open, subnet('app', '10.0.2.0/24', 'subnet-app'), subnet('db', '10.0.3.0/24', 'subnet-db'), acl('app', ['subnet-app'], ALLOW_ALL, [entry(100, 'allow', 'tcp', '0.0.0.0/0', 443, 443)]), server('app', 'subnet-app', '10.0.2.5'), server('db', 'subnet-db', '10.0.3.5')],
    };
    const r = flow(serverOf(plan, 'aws_instance.app'), serverOf(plan, 'aws_instance.db'), 1433);
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/outbound rules of network ACL aws_network_acl\.app/);
  });

  it('separate rules and associations, found by reference; the VPC\'s default ACL where none is named', () => {
    const plan: TestPlan = {
      resources: [
        open,
        { ...subnet('web', '10.0.1.0/24', 'subnet-web') },
        subnet('other', '10.0.9.0/24', 'subnet-other'),
        { address: 'aws_vpc.main', values: { id: 'vpc-1', default_network_acl_id: 'acl-default' }, actions: ['no-op'] },
        { address: 'aws_network_acl.web', values: { vpc_id: 'vpc-1' }, unknown: { id: true, ingress: true, egress: true, subnet_ids: true } },
        { address: 'aws_network_acl_association.web', values: { subnet_id: 'subnet-web' }, unknown: { network_acl_id: true }, expressions: { network_acl_id: ref('aws_network_acl.web.id', 'aws_network_acl.web') } },
        { address: 'aws_network_acl_rule.https', values: { rule_number: 100, egress: false, protocol: 'tcp', rule_action: 'allow', cidr_block: '0.0.0.0/0', from_port: 443, to_port: 443 }, unknown: { network_acl_id: true }, expressions: { network_acl_id: ref('aws_network_acl.web.id', 'aws_network_acl.web') } },
        { address: 'aws_network_acl_rule.out', values: { rule_number: 100, egress: true, protocol: '-1', rule_action: 'allow', cidr_block: '0.0.0.0/0', from_port: 0, to_port: 0 }, unknown: { network_acl_id: true }, expressions: { network_acl_id: ref('aws_network_acl.web.id', 'aws_network_acl.web') } },
        { address: 'aws_default_network_acl.default', values: { id: 'acl-default', ingress: [entry(100, 'allow', 'tcp', '0.0.0.0/0', 80, 80)], egress: ALLOW_ALL }, unknown: { default_network_acl_id: true }, actions: ['update'], expressions: { default_network_acl_id: ref('aws_vpc.main.default_network_acl_id', 'aws_vpc.main'), ingress: [{}], egress: [{}] } },
        server('web', 'subnet-web', '10.0.1.10'),
        server('other', 'subnet-other', '10.0.9.10'),
      ],
    };
    const web = serverOf(plan, 'aws_instance.web');
    expect(flow(v4, web, 443).status).toBe('pass');
    expect(flow(v4, web, 80).status).toBe('fail');
    const other = serverOf(plan, 'aws_instance.other');
    expect(flow(v4, other, 80).status).toBe('pass');
    expect(flow(v4, other, 443).status).toBe('fail');
  });

  it('a database\'s addresses are its subnet group\'s ranges: a rule that admits those ranges decides, where the group or a subnet is unknown it cannot', () => {
    const dbGroup = (subnetIds: unknown, unknown: Record<string, unknown> = {}): TestResource[] => [
      { address: 'aws_db_subnet_group.db', values: { name: 'db', subnet_ids: subnetIds }, unknown, actions: ['no-op'] },
      { address: 'aws_db_instance.db', values: { engine: 'sqlserver-se', port: 1433, vpc_security_group_ids: ['sg-0open'], db_subnet_group_name: 'db' }, actions: ['no-op'] },
    ];
    // The app may leave only towards the database subnets, on 1433.
    const narrow = { address: 'aws_security_group.app', values: { id: 'sg-0app', ingress: [], egress: [rule('tcp', 1433, 1433, { cidr_blocks: ['10.0.3.0/24', '10.0.4.0/24'] })] }, actions: ['no-op'], expressions: { ingress: [], egress: [{}] } };
    const app = { address: 'aws_instance.app', values: { vpc_security_group_ids: ['sg-0app'], subnet_id: 'subnet-app', private_ip: '10.0.2.5' }, actions: ['no-op'] };
    const base = [open, narrow, app, subnet('a', '10.0.3.0/24', 'subnet-a'), subnet('b', '10.0.4.0/24', 'subnet-b'), subnet('app', '10.0.2.0/24', 'subnet-app')];
    const inGroup: TestPlan = { resources: [...base, ...dbGroup(['subnet-a', 'subnet-b'])] };
    const db = serverOf(inGroup, 'aws_db_instance.db');
    expect(db.addresses.describe()).toBe('10.0.3.0/24, 10.0.4.0/24');
    expect(db.addressesExact).toBe(false);
    expect(flow(serverOf(inGroup, 'aws_instance.app'), db, 1433).status).toBe('pass');
    // A subnet outside the rule: the database may be there.
    const wider: TestPlan = { resources: [...base, subnet('c', '10.0.5.0/24', 'subnet-c'), ...dbGroup(['subnet-a', 'subnet-c'])] };
    expect(flow(serverOf(wider, 'aws_instance.app'), serverOf(wider, 'aws_db_instance.db'), 1433).status).toBe('unknown');
    // Subnets not known until apply, or not in the plan: anywhere.
    for (const plan of [{ resources: [...base, ...dbGroup(null, { subnet_ids: true })] }, { resources: [...base, ...dbGroup(['subnet-0elsewhere'])] }]) {
      const far = serverOf(plan, 'aws_db_instance.db');
      expect(far.addresses.describe()).toBe('0.0.0.0/0');
      expect(flow(serverOf(plan, 'aws_instance.app'), far, 1433).status).toBe('unknown');
    }
  });

  it('a database is in one of its subnet group\'s subnets: their shared ACL applies; ACLs that differ decide where they agree', () => {
    const db = (subnets: string[]): TestResource[] => [
      { address: 'aws_db_subnet_group.db', values: { name: 'db', subnet_ids: subnets }, actions: ['no-op'] },
      { address: 'aws_db_instance.db', values: { engine: 'sqlserver-se', port: 1433, vpc_security_group_ids: ['sg-0open'], db_subnet_group_name: 'db' }, actions: ['no-op'] },
    ];
    const base = [open, subnet('a', '10.0.3.0/24', 'subnet-a'), subnet('b', '10.0.4.0/24', 'subnet-b'), subnet('app', '10.0.2.0/24', 'subnet-app'), server('app', 'subnet-app', '10.0.2.5')];
    const closed = acl('db', ['subnet-a', 'subnet-b'], [entry(100, 'allow', 'tcp', '10.9.0.0/16', 1433, 1433)], ALLOW_ALL);
    const same: TestPlan = { resources: [...base, closed, ...db(['subnet-a', 'subnet-b'])] };
    expect(flow(serverOf(same, 'aws_instance.app'), serverOf(same, 'aws_db_instance.db'), 1433).status).toBe('fail');
    const differ: TestPlan = { resources: [...base, acl('db', ['subnet-a'], [entry(100, 'allow', 'tcp', '10.9.0.0/16', 1433, 1433)], ALLOW_ALL), ...db(['subnet-a', 'subnet-b'])] };
    const r = flow(serverOf(differ, 'aws_instance.app'), serverOf(differ, 'aws_db_instance.db'), 1433);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/the network ACLs of aws_subnet\.a, aws_subnet\.b \(in one of these subnets\): which of them applies is not known/);
    // Different ACLs that agree: both let the app in (and its responses out), or neither does.
    const both = (rule: unknown): TestPlan => ({ resources: [...base, acl('a', ['subnet-a'], [rule], ALLOW_ALL), acl('b', ['subnet-b'], [rule, entry(200, 'allow', 'udp', '0.0.0.0/0', 53, 53)], ALLOW_ALL), ...db(['subnet-a', 'subnet-b'])] });
    const open1433 = both(entry(100, 'allow', 'tcp', '10.0.2.0/24', 1433, 1433));
    expect(flow(serverOf(open1433, 'aws_instance.app'), serverOf(open1433, 'aws_db_instance.db'), 1433).status).toBe('pass');
    const closed1433 = both(entry(100, 'allow', 'tcp', '10.9.0.0/16', 1433, 1433));
    const blocked = flow(serverOf(closed1433, 'aws_instance.app'), serverOf(closed1433, 'aws_db_instance.db'), 1433);
    expect(blocked.status).toBe('fail');
    expect(blocked.message).toMatch(/the network ACLs of aws_subnet\.a, aws_subnet\.b \(in one of these subnets\): no rule allows it/);
  });

  it.each([
    ['two ACLs claim the subnet (one association moving it)', [acl('a', ['subnet-web'], [entry(100, 'allow', 'tcp', '0.0.0.0/0', 443, 443)], ALLOW_ALL), acl('b', [], ALLOW_ALL, ALLOW_ALL), { address: 'aws_network_acl_association.web', values: { subnet_id: 'subnet-web', network_acl_id: 'acl-b' } }], /both name aws_subnet\.web/],
    ['the subnet is associated with an ACL outside the plan', [{ address: 'aws_network_acl_association.web', values: { subnet_id: 'subnet-web', network_acl_id: 'acl-0external' } }], /associated with network ACL acl-0external, which is not in this plan/],
    ['an inline rule whose CIDR is known only after apply', [{ ...acl('web', ['subnet-web'], [{ ...entry(100, 'allow', 'tcp', '', 22, 22), cidr_block: null }], ALLOW_ALL), unknown: { ingress: [{ cidr_block: true }] } }], /ingress\[0\]\.cidr_block of aws_network_acl\.web is not known until apply/],
    ['a rule whose number is known only after apply', [acl('web', ['subnet-web'], ALLOW_ALL, ALLOW_ALL), { address: 'aws_network_acl_rule.ssh', values: { network_acl_id: 'acl-web', egress: false, protocol: 'tcp', rule_action: 'allow', cidr_block: '0.0.0.0/0', from_port: 22, to_port: 22 }, unknown: { rule_number: true } }, { address: 'aws_network_acl_rule.no', values: { network_acl_id: 'acl-web', egress: false, protocol: '-1', rule_action: 'deny', cidr_block: '0.0.0.0/0', from_port: 0, to_port: 0 }, unknown: { rule_number: true } }], /rule number or protocol of aws_network_acl_rule\.(ssh|no) is not known until apply/],
  ])('%s: unknown, never a pass', (_name, extra, message) => {
    const plan: TestPlan = { resources: [open, subnet('web', '10.0.1.0/24', 'subnet-web'), ...(extra as TestResource[]), server('web', 'subnet-web', '10.0.1.10')] };
    const r = flow(cidrs('public', '8.8.8.0/24'), serverOf(plan, 'aws_instance.web'), 22, { forbidden: true });
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(message);
  });

  it('actions in any case and protocol names as the provider takes them; the default ACL found by its vpc_id', () => {
    const plan: TestPlan = {
      resources: [
        open,
        subnet('web', '10.0.1.0/24', 'subnet-web'),
        acl('web', ['subnet-web'], [entry(90, 'ALLOW', 'ipv6-icmp', '0.0.0.0/0'), entry(100, 'Allow', 'tcp', '0.0.0.0/0', 443, 443)], ALLOW_ALL),
        subnet('other', '10.0.9.0/24', 'subnet-other'),
        { address: 'aws_default_network_acl.default', values: { id: 'acl-default', vpc_id: 'vpc-1', ingress: [entry(100, 'allow', 'tcp', '0.0.0.0/0', 80, 80)], egress: ALLOW_ALL }, actions: ['no-op'], expressions: { ingress: [{}], egress: [{}] } },
        server('web', 'subnet-web', '10.0.1.10'),
        server('other', 'subnet-other', '10.0.9.10'),
      ],
    };
    expect(flow(v4, serverOf(plan, 'aws_instance.web'), 443).status).toBe('pass');
    expect(flow(v4, serverOf(plan, 'aws_instance.web'), 3389).status).toBe('fail');
    expect(flow(v4, serverOf(plan, 'aws_instance.other'), 443).status).toBe('fail');
  });

  it('an instance launched on its own network interface is in that interface\'s subnet', () => {
    const plan: TestPlan = {
      resources: [
        open,
        subnet('web', '10.0.1.0/24', 'subnet-web'),
        acl('web', ['subnet-web'], [entry(100, 'allow', 'tcp', '0.0.0.0/0', 443, 443)], ALLOW_ALL),
        { address: 'aws_network_interface.web', values: { id: 'eni-0web', subnet_id: 'subnet-web', security_groups: ['sg-0open'], private_ips: ['10.0.1.10'] }, actions: ['no-op'] },
        { address: 'aws_instance.web', values: { network_interface: [{ device_index: 0, network_interface_id: 'eni-0web' }], private_ip: '10.0.1.10' }, unknown: { subnet_id: true, vpc_security_group_ids: true }, actions: ['update'] },
      ],
    };
    const web = serverOf(plan, 'aws_instance.web');
    expect(flow(v4, web, 443).status).toBe('pass');
    expect(flow(v4, web, 22).status).toBe('fail');
  });

  it('a subnet not known until apply: the subnet holding its known address, else which ACL applies is unknown', () => {
    const web = subnet('web', '10.0.1.0/24', 'subnet-web');
    const closed = acl('web', ['subnet-web'], [entry(100, 'allow', 'tcp', '0.0.0.0/0', 22, 22)], ALLOW_ALL);
    const placed = (values: Record<string, unknown>): TestPlan => ({ resources: [open, web, closed, { address: 'aws_instance.x', values: { vpc_security_group_ids: ['sg-0open'], ...values }, unknown: { subnet_id: true }, actions: ['update'] }] });
    // Its private address lies in subnet-web: that subnet's ACL applies.
    expect(flow(v4, serverOf(placed({ private_ip: '10.0.1.10' }), 'aws_instance.x'), 443).status).toBe('fail');
    // Nothing tells where it is: the ACL that applies is unknown, never absent.
    const r = flow(v4, serverOf(placed({}), 'aws_instance.x'), 443);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/AWS picks the subnet of aws_instance\.x at launch \(subnet_id is not set\), so which network ACL applies to it is not known/);
    // In a subnet outside the plan: its ACL is not in the plan either.
    const outside: TestPlan = { resources: [open, web, closed, { address: 'aws_instance.y', values: { vpc_security_group_ids: ['sg-0open'], subnet_id: 'subnet-0elsewhere' }, actions: ['no-op'] }] };
    expect(flow(v4, serverOf(outside, 'aws_instance.y'), 443).message).toMatch(/subnet subnet-0elsewhere of aws_instance\.y is not in this plan, so neither is its network ACL/);
  });

  describe('stateless: the responses of a connection must get back through the ACLs', () => {
    const app = subnet('app', '10.0.2.0/24', 'subnet-app');
    const dbNet = subnet('db', '10.0.3.0/24', 'subnet-db');
    const INTO_DB = [entry(100, 'allow', 'tcp', '10.0.2.0/24', 1433, 1433)];
    const pair = (dbEgress: unknown[], appAcl?: TestResource) => {
      const plan: TestPlan = { resources: [open, app, dbNet, acl('db', ['subnet-db'], INTO_DB, dbEgress), ...(appAcl ? [appAcl] : []), server('app', 'subnet-app', '10.0.2.5'), server('db', 'subnet-db', '10.0.3.5')] };
      return { app: serverOf(plan, 'aws_instance.app'), db: serverOf(plan, 'aws_instance.db') };
    };

    it('outbound rules that do not open the ephemeral ports drop the responses: a fail that says so and opens them', () => {
      const { app, db } = pair([entry(100, 'allow', 'tcp', '10.0.2.0/24', 443, 443)]);
      const r = flow(app, db, 1433);
      expect(r.status).toBe('fail');
      expect(r.message).toMatch(/the responses of aws_instance\.db to aws_instance\.app's ephemeral port, out through outbound rules of network ACL aws_network_acl\.db, which is stateless: no rule allows it/);
      expect(r.message).toMatch(/Fix: add an outbound allow rule .* to aws_network_acl\.db allowing tcp\/1024-65535 to aws_instance\.app \(the responses\)/);
      // A forbidden flow stays judged by what reaches the target: its first packets do.
      expect(flow(app, db, 1433, { forbidden: true }).status).toBe('fail');
    });

    it('responses allowed on every ephemeral port: a pass naming the outbound rule too', () => {
      const { app, db } = pair([entry(100, 'allow', 'tcp', '10.0.0.0/16', 1024, 65535)]);
      const r = flow(app, db, 1433);
      expect(r.status).toBe('pass');
      expect(r.message).toMatch(/aws_network_acl\.db ingress rule 100/);
      expect(r.message).toMatch(/aws_network_acl\.db egress rule 100/);
    });

    it.each([
      ['the Linux and Windows ranges', 32768, 65535],
      ['the Windows range', 49152, 65535],
    ])('responses allowed on part of the ephemeral range (%s): unknown, it depends on the port the client picks', (_name, from, to) => {
      const { app, db } = pair([entry(100, 'allow', 'tcp', '10.0.2.0/24', from, to)]);
      const r = flow(app, db, 1433);
      expect(r.status).toBe('unknown');
      expect(r.message).toContain(`get back to aws_instance.app only on tcp/${from}-${to} of the ephemeral ports 1024-65535`);
    });

    it('responses allowed only below the ports clients pick (outbound rules mirroring the inbound ones): a fail', () => {
      const { app, db } = pair([entry(100, 'allow', 'tcp', '10.0.2.0/24', 1433, 1433), entry(110, 'allow', 'tcp', '10.0.2.0/24', 1024, 32767)]);
      const r = flow(app, db, 1433);
      expect(r.status).toBe('fail');
      expect(r.message).toMatch(/the responses of aws_instance\.db to aws_instance\.app's ephemeral port, out through outbound rules of network ACL aws_network_acl\.db/);
    });

    it('the source subnet\'s inbound rules must let the responses in', () => {
      const appAcl = acl('app', ['subnet-app'], [entry(100, 'allow', 'tcp', '0.0.0.0/0', 443, 443)], ALLOW_ALL);
      const { app, db } = pair(ALLOW_ALL, appAcl);
      const r = flow(app, db, 1433);
      expect(r.status).toBe('fail');
      expect(r.message).toMatch(/the responses of aws_instance\.db to aws_instance\.app's ephemeral port, back in through network ACL aws_network_acl\.app, which is stateless: no rule allows it/);
      expect(r.message).toMatch(/add an inbound allow rule .* to aws_network_acl\.app allowing tcp\/1024-65535 from aws_instance\.db \(the responses\)/);
      const fixed = pair(ALLOW_ALL, acl('app', ['subnet-app'], [entry(100, 'allow', 'tcp', '10.0.3.0/24', 1024, 65535)], ALLOW_ALL));
      expect(flow(fixed.app, fixed.db, 1433).status).toBe('pass');
    });

    it('the built-in required flows check the responses', () => {
      const tagged = (r: TestResource, role: string): TestResource => ({ ...r, values: { ...r.values, tags: { 'topogate-role': role }, tags_all: { 'topogate-role': role } } });
      const plan: TestPlan = {
        resources: [
          open,
          app,
          dbNet,
          acl('db', ['subnet-db'], ALLOW_ALL, [entry(100, 'allow', 'tcp', '0.0.0.0/0', 443, 443)]),
          tagged(server('fe', 'subnet-app', '10.0.2.5'), 'front-end'),
          { address: 'aws_db_subnet_group.db', values: { name: 'db', subnet_ids: ['subnet-db'] }, actions: ['no-op'] },
          { address: 'aws_db_instance.db', values: { engine: 'sqlserver-se', port: 1433, vpc_security_group_ids: ['sg-0open'], db_subnet_group_name: 'db', private_ip: '10.0.3.5' }, actions: ['no-op'] },
        ],
      };
      const report = checkPlans(plan);
      const f = finding(report, 'OS11-NET-005', 'aws_instance.fe -> aws_db_instance.db');
      expect(f.status).toBe('fail');
      expect(f.message).toMatch(/out through outbound rules of network ACL aws_network_acl\.db, which is stateless/);
    });

    it('a client from outside: the target\'s outbound rules answer it or not; inside one subnet responses pass freely', () => {
      const plan: TestPlan = { resources: [open, subnet('web', '10.0.1.0/24', 'subnet-web'), acl('web', ['subnet-web'], ALLOW_ALL, [entry(100, 'allow', 'tcp', '0.0.0.0/0', 443, 443)]), server('web', 'subnet-web', '10.0.1.10'), server('peer', 'subnet-web', '10.0.1.11')] };
      const web = serverOf(plan, 'aws_instance.web');
      expect(flow(v4, web, 443).status).toBe('fail');
      expect(flow(v4, web, 443).message).toMatch(/out through outbound rules of network ACL aws_network_acl\.web/);
      expect(flow(serverOf(plan, 'aws_instance.peer'), web, 8080).status).toBe('pass');
    });
  });

  it('an ACL that allows everything (as the common VPC module writes it) changes nothing', () => {
    const plan: TestPlan = { resources: [open, subnet('web', '10.0.1.0/24', 'subnet-web'), acl('web', ['subnet-web'], [...ALLOW_ALL, entry(101, 'allow', '-1', '::/0')], ALLOW_ALL), server('web', 'subnet-web', '10.0.1.10')] };
    const web = serverOf(plan, 'aws_instance.web');
    expect(flow(v4, web, 3389).status).toBe('pass');
    expect(flow(v4, web, 3389, { forbidden: true }).status).toBe('fail');
  });
});

describe('CIDR lists holding something other than text', () => {
  // A number, a nested list, an object or a boolean where a CIDR belongs: as much "not a CIDR"
  // as a malformed text. Dropping it in silence let a forbidden flow pass.
  it.each([[0], [['0.0.0.0/0']], [{}], [true]])('cidr_blocks: [%j] makes what the rule admits unknown, naming it', (entry) => {
    const plan: TestPlan = {
      resources: [group('aws_security_group.fe', [rule('tcp', 22, 22, { cidr_blocks: [entry] })], [EGRESS_ALL]), instance('aws_instance.fe', ref('aws_security_group.fe.id', 'aws_security_group.fe'))],
    };
    const fe = serverOf(plan, 'aws_instance.fe');
    const exposed = flow(internet, fe, 22, { forbidden: true });
    expect(exposed.status).toBe('unknown');
    expect(exposed.message).toContain(`"${JSON.stringify(entry)}" in ingress[0].cidr_blocks of aws_security_group.fe is not a CIDR`);
    expect(flow(internet, fe, 22).status).toBe('unknown');
    // Beside a valid CIDR, the valid one still counts.
    const mixed: TestPlan = { resources: [group('aws_security_group.fe', [rule('tcp', 22, 22, { cidr_blocks: ['0.0.0.0/0', entry] })], [EGRESS_ALL]), plan.resources[1]] };
    expect(flow(internet, serverOf(mixed, 'aws_instance.fe'), 22, { forbidden: true }).status).toBe('fail');
  });

  it('an address without a prefix length (which AWS refuses) is not a CIDR, not one address that admits nobody', () => {
    for (const [entry, field] of [['0.0.0.0', 'cidr_blocks'], ['::', 'ipv6_cidr_blocks']] as const) {
      const plan: TestPlan = {
        resources: [group('aws_security_group.fe', [rule('tcp', 22, 22, { [field]: [entry] })], [EGRESS_ALL]), instance('aws_instance.fe', ref('aws_security_group.fe.id', 'aws_security_group.fe'))],
      };
      const exposed = flow(internet, serverOf(plan, 'aws_instance.fe'), 22, { forbidden: true });
      expect(exposed.status).toBe('unknown');
      expect(exposed.message).toContain(`"${entry}" in ingress[0].cidr_blocks of aws_security_group.fe is not a CIDR`);
    }
    // With its prefix, the same address is a CIDR.
    const plan: TestPlan = {
      resources: [group('aws_security_group.fe', [rule('tcp', 22, 22, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]), instance('aws_instance.fe', ref('aws_security_group.fe.id', 'aws_security_group.fe'))],
    };
    expect(flow(internet, serverOf(plan, 'aws_instance.fe'), 22, { forbidden: true }).status).toBe('fail');
  });
});

describe('a condition or an index picking among groups unknown until apply', () => {
  // The plan records only which names an expression reads: `var.use_fe ? fe : ctl` reads as `[fe, ctl]`.
  const sourceRule = (source: unknown): TestPlan => ({
    resources: [
      group('aws_security_group.fe', [], [EGRESS_ALL]),
      group('aws_security_group.ctl', [], [EGRESS_ALL]),
      group('aws_security_group.db', [], [EGRESS_ALL]),
      {
        address: 'aws_security_group_rule.db_in',
        values: { type: 'ingress', protocol: 'tcp', from_port: 1433, to_port: 1433, self: false, cidr_blocks: null, prefix_list_ids: [] },
        unknown: { id: true, security_group_id: true, source_security_group_id: true },
        expressions: { security_group_id: ref('aws_security_group.db.id', 'aws_security_group.db'), source_security_group_id: source },
      },
      instance('aws_instance.fe', ref('aws_security_group.fe.id', 'aws_security_group.fe')),
      instance('aws_instance.ctl', ref('aws_security_group.ctl.id', 'aws_security_group.ctl')),
      instance('aws_instance.db', ref('aws_security_group.db.id', 'aws_security_group.db')),
    ],
    variables: { use_fe: true },
  });

  it('a source group picked by a condition admits neither member for certain', () => {
    const plan = sourceRule(ref('var.use_fe', 'aws_security_group.fe.id', 'aws_security_group.fe', 'aws_security_group.ctl.id', 'aws_security_group.ctl'));
    for (const from of ['aws_instance.fe', 'aws_instance.ctl']) {
      const r = flow(serverOf(plan, from), serverOf(plan, 'aws_instance.db'), 1433);
      expect(r.status, from).toBe('unknown');
      expect(r.message).toMatch(/source_security_group_id of aws_security_group_rule\.db_in is not known until apply: var\.use_fe may pick some of aws_security_group\.fe, aws_security_group\.ctl/);
    }
    // Forbidden flows cannot pass on it either: it may admit.
    expect(flow(serverOf(plan, 'aws_instance.ctl'), serverOf(plan, 'aws_instance.db'), 1433, { forbidden: true }).status).toBe('unknown');
  });

  it.each([
    ['an index over a list: [fe.id, ctl.id][count.index]', 'count.index'],
    ['a condition on each.key', 'each.key'],
  ])('%s picks one of the groups: neither admitted for certain', (_name, decider) => {
    const plan = sourceRule(ref('aws_security_group.fe.id', 'aws_security_group.fe', 'aws_security_group.ctl.id', 'aws_security_group.ctl', decider));
    const r = flow(serverOf(plan, 'aws_instance.ctl'), serverOf(plan, 'aws_instance.db'), 1433);
    expect(r.status).toBe('unknown');
    expect(r.message).toContain(`${decider} may pick some of aws_security_group.fe, aws_security_group.ctl`);
  });

  it('count.index on a resource named bare (x[count.index].id records only x) picks that resource\'s own instance, not among the others: both admitted', () => {
    const plan = sourceRule(ref('aws_security_group.fe', 'count.index', 'aws_security_group.ctl.id', 'aws_security_group.ctl'));
    expect(flow(serverOf(plan, 'aws_instance.ctl'), serverOf(plan, 'aws_instance.db'), 1433).status).toBe('pass');
    expect(flow(serverOf(plan, 'aws_instance.fe'), serverOf(plan, 'aws_instance.db'), 1433).status).toBe('pass');
  });

  it('without the condition (a list of both) both are admitted, and a string variable beside them is a value, not a condition', () => {
    const both = sourceRule(ref('aws_security_group.fe.id', 'aws_security_group.fe', 'aws_security_group.ctl.id', 'aws_security_group.ctl'));
    expect(flow(serverOf(both, 'aws_instance.ctl'), serverOf(both, 'aws_instance.db'), 1433).status).toBe('pass');
    const withIds = sourceRule(ref('aws_security_group.fe.id', 'aws_security_group.fe', 'aws_security_group.ctl.id', 'aws_security_group.ctl', 'var.extra'));
    withIds.variables = { extra: 'sg-0123' };
    expect(flow(serverOf(withIds, 'aws_instance.ctl'), serverOf(withIds, 'aws_instance.db'), 1433).status).toBe('pass');
  });

  it('one group unknown until apply beside a condition is the one picked: the rest would be known in the plan', () => {
    // `var.create ? [aws_security_group.fe.id] : var.ids`: had Terraform picked var.ids, the attribute would be known.
    const plan: TestPlan = {
      resources: [group('aws_security_group.fe', [rule('tcp', 443, 443, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]), instance('aws_instance.fe', ref('var.create', 'var.ids', 'aws_security_group.fe.id', 'aws_security_group.fe'))],
      variables: { create: true, ids: [] },
    };
    expect(flow(internet, serverOf(plan, 'aws_instance.fe'), 443).status).toBe('pass');
    expect(serverOf(plan, 'aws_instance.fe').identities).toContain('sg:aws_security_group.fe');
  });

  it("an instance's groups picked by a condition: no rule of theirs is certain, and it is in neither group for certain", () => {
    const plan: TestPlan = {
      resources: [
        group('aws_security_group.open', [rule('tcp', 443, 443, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]),
        group('aws_security_group.closed', [], [EGRESS_ALL]),
        instance('aws_instance.fe', ref('var.open', 'aws_security_group.open.id', 'aws_security_group.open', 'aws_security_group.closed.id', 'aws_security_group.closed')),
      ],
      variables: { open: false },
    };
    const fe = serverOf(plan, 'aws_instance.fe');
    const r = flow(internet, fe, 443);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/vpc_security_group_ids of aws_instance\.fe is not known until apply: var\.open may pick some of aws_security_group\.open, aws_security_group\.closed/);
    expect(fe.identities.filter((i) => i.startsWith('sg:'))).toEqual([]);
    expect(fe.identitiesUnknown).toMatch(/var\.open may pick/);
  });

  it('an index from a variable picks one instance of a counted group', () => {
    const plan: TestPlan = {
      resources: [
        group('aws_security_group.db[0]', [rule('tcp', 1433, 1433, { cidr_blocks: ['10.0.0.0/8'] })], [EGRESS_ALL]),
        group('aws_security_group.db[1]', [], [EGRESS_ALL]),
        instance('aws_instance.db', ref('aws_security_group.db', 'var.i')),
      ],
      variables: { i: 1 },
    };
    expect(flow(cidrs('fe', '10.0.1.10/32'), serverOf(plan, 'aws_instance.db'), 1433).status).toBe('unknown');
  });
});

describe('an instance the plan gives no public IPv4 address', () => {
  const open = group('aws_security_group.fe', [rule('tcp', 0, 65535, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]);
  const vpc: TestResource = { address: 'aws_vpc.main', values: { cidr_block: '10.0.0.0/16' }, unknown: { id: true } };
  const fe = (publicIp: unknown, extra: TestResource[] = []): TestPlan => ({
    resources: [vpc, open, instance('aws_instance.fe', ref('aws_security_group.fe.id', 'aws_security_group.fe'), { values: { associate_public_ip_address: publicIp } }), instance('aws_instance.peer', ref('aws_security_group.fe.id', 'aws_security_group.fe')), ...extra],
  });

  it('associate_public_ip_address = false: what its group admits from the internet is not certain (never a pass); private ranges still get in', () => {
    const r = flow(internet, serverOf(fe(false), 'aws_instance.fe'), 443);
    // Unknown, not fail: a VPN, a NAT rule or an accelerator may still bring public addresses to it.
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/aws_instance\.fe has no public IPv4 address \(associate_public_ip_address = false, and no Elastic IP of this plan is associated with it\), so clients on the internet reach it only through a load balancer, a VPN or another path this plan does not show/);
    expect(flow(cidrs('office', '10.8.0.0/16'), serverOf(fe(false), 'aws_instance.fe'), 443).status).toBe('pass');
    // A port that must stay closed is still judged by the rules: an address from outside the plan would expose it.
    expect(flow(cidrs('internet', '8.8.8.0/24'), serverOf(fe(false), 'aws_instance.fe'), 12000, { forbidden: true }).status).toBe('fail');
  });

  it('another server of the plan still reaches it at its private address', () => {
    expect(flow(serverOf(fe(false), 'aws_instance.peer'), serverOf(fe(false), 'aws_instance.fe'), 443).status).toBe('pass');
  });

  it('true, unknown, or an Elastic IP of the plan that may be associated with it: the rules decide', () => {
    expect(flow(internet, serverOf(fe(true), 'aws_instance.fe'), 443).status).toBe('pass');
    expect(flow(internet, serverOf(fe(undefined), 'aws_instance.fe'), 443).status).toBe('pass');
    const eip: TestResource = { address: 'aws_eip.fe', values: { domain: 'vpc' }, unknown: { id: true, instance: true }, expressions: { instance: ref('aws_instance.fe.id', 'aws_instance.fe') } };
    expect(flow(internet, serverOf(fe(false, [eip]), 'aws_instance.fe'), 443).status).toBe('pass');
    const association: TestResource = { address: 'aws_eip_association.x', values: {}, unknown: { id: true, instance_id: true }, expressions: { instance_id: ref('var.instance_id') } };
    expect(flow(internet, serverOf(fe(false, [association]), 'aws_instance.fe'), 443).status).toBe('pass');
    // An Elastic IP for another instance leaves this one without an address.
    const other: TestResource = { ...eip, address: 'aws_eip.peer', expressions: { instance: ref('aws_instance.peer.id', 'aws_instance.peer') } };
    expect(flow(internet, serverOf(fe(false, [other]), 'aws_instance.fe'), 443).status).toBe('unknown');
    // A new address for a NAT gateway (its network_interface computed) does not count.
    const nat: TestResource = { address: 'aws_eip.nat', values: { domain: 'vpc' }, unknown: { id: true, instance: true, network_interface: true } };
    expect(flow(internet, serverOf(fe(false, [nat]), 'aws_instance.fe'), 443).status).toBe('unknown');
  });
});

describe('an instance that does not set associate_public_ip_address follows its subnet', () => {
  const open = group('aws_security_group.fe', [rule('tcp', 0, 65535, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]);
  const subnet = (map: unknown): TestResource => ({ address: 'aws_subnet.app', values: { cidr_block: '10.0.1.0/24', map_public_ip_on_launch: map }, unknown: { id: true } });
  const fe = (map: unknown, extra: Partial<TestResource> = {}): TestPlan => ({
    resources: [
      subnet(map),
      open,
      {
        ...instance('aws_instance.fe', ref('aws_security_group.fe.id', 'aws_security_group.fe')),
        unknown: { id: true, private_ip: true, vpc_security_group_ids: true, security_groups: true, subnet_id: true, associate_public_ip_address: true },
        expressions: { vpc_security_group_ids: ref('aws_security_group.fe.id', 'aws_security_group.fe'), subnet_id: ref('aws_subnet.app.id', 'aws_subnet.app'), ...extra.expressions },
      },
    ],
  });

  it('map_public_ip_on_launch = false (AWS\'s default for a new subnet): no public address, so internet flows are unknown (was a pass)', () => {
    const r = flow(internet, serverOf(fe(false), 'aws_instance.fe'), 443);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/aws_instance\.fe has no public IPv4 address \(associate_public_ip_address is not set, so it follows its subnet aws_subnet\.app, whose map_public_ip_on_launch = false, and no Elastic IP of this plan is associated with it\)/);
  });

  it('map_public_ip_on_launch = true, unknown, or the argument set (to a value known only at apply): the rules decide', () => {
    expect(flow(internet, serverOf(fe(true), 'aws_instance.fe'), 443).status).toBe('pass');
    expect(flow(internet, serverOf(fe(undefined), 'aws_instance.fe'), 443).status).toBe('pass');
    expect(flow(internet, serverOf(fe(false, { expressions: { associate_public_ip_address: ref('var.public') } }), 'aws_instance.fe'), 443).status).toBe('pass');
  });
});

describe('a flow that several filters block', () => {
  it('the fix names every filter to change, not one per run', () => {
    const plan: TestPlan = {
      resources: [
        group('aws_security_group.app', [], []),
        group('aws_security_group.db', [], [EGRESS_ALL]),
        instance('aws_instance.app', ref('aws_security_group.app.id', 'aws_security_group.app')),
        instance('aws_instance.db', ref('aws_security_group.db.id', 'aws_security_group.db')),
      ],
    };
    const r = flow(serverOf(plan, 'aws_instance.app'), serverOf(plan, 'aws_instance.db'), 1433);
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/Fix: add an egress rule to aws_security_group\.app allowing tcp\/1433 to aws_instance\.db; and add an ingress rule to aws_security_group\.db allowing tcp\/1433 from aws_instance\.app \(its security group aws_security_group\.app\)\.$/);
  });
});

describe('a managed database answers only on its port', () => {
  const open = group('aws_security_group.db', [rule('tcp', 0, 65535, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]);
  const db = (values: Record<string, unknown>, unknown: Record<string, unknown> = {}, expressions: Record<string, unknown> = {}): TestPlan => ({
    resources: [open, { address: 'aws_db_instance.db', values: { tags: { 'topogate-role': 'database' }, ...values }, unknown: { id: true, vpc_security_group_ids: true, ...unknown }, expressions: { vpc_security_group_ids: ref('aws_security_group.db.id', 'aws_security_group.db'), ...expressions } }],
  });
  const reach = (plan: TestPlan, port: number) => flow(cidrs('office', '203.0.113.0/24'), serverOf(plan, 'aws_db_instance.db'), port).status;

  it('its port, else its engine\'s where the configuration sets none; an unknown port leaves the rules to decide', () => {
    expect([reach(db({ engine: 'sqlserver-se', port: 1500 }), 1500), reach(db({ engine: 'sqlserver-se', port: 1500 }), 12000)]).toEqual(['pass', 'fail']);
    expect([reach(db({ engine: 'mysql' }, { port: true }), 3306), reach(db({ engine: 'mysql' }, { port: true }), 12000)]).toEqual(['pass', 'fail']);
    expect(reach(db({ engine: 'mysql' }, { port: true }, { port: ref('var.port') }), 12000)).toBe('pass');
    expect(finding(checkPlans(db({ engine: 'sqlserver-se', port: 1433 })), 'OS11-SEC-001', 'internet -> aws_db_instance.db').status).toBe('pass');
  });
});

describe('a managed database with an option group of its own', () => {
  it('may listen on the option ports too (Oracle SSL, Reporting Services): its group decides', () => {
    const open = group('aws_security_group.db', [rule('tcp', 0, 65535, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]);
    const db = (option: string | undefined): TestPlan => ({
      resources: [open, { address: 'aws_db_instance.db', values: { engine: 'oracle-ee', port: 1521, tags: { 'topogate-role': 'database' }, ...(option === undefined ? {} : { option_group_name: option }) }, unknown: { id: true, vpc_security_group_ids: true }, expressions: { vpc_security_group_ids: ref('aws_security_group.db.id', 'aws_security_group.db') } }],
    });
    const reach = (plan: TestPlan) => flow(cidrs('office', '203.0.113.0/24'), serverOf(plan, 'aws_db_instance.db'), 2484).status;
    expect([reach(db(undefined)), reach(db('default:oracle-ee-19')), reach(db('oracle-ssl'))]).toEqual(['fail', 'fail', 'pass']);
  });
});
