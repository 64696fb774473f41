import { describe, expect, it } from 'vitest';
import { checkPlans, constant, environmentsOf, finding, ref } from './helpers/plan-builder.js';
import type { TestPlan, TestResource } from './helpers/plan-builder.js';
import { hostileVariants } from './helpers/hostile-values.js';
import { InputError } from '../src/core/errors.js';

/**
 * AWS balancers from plans: an ALB (a proxy with its security groups), NLBs (client
 * addresses preserved or not, with and without groups), classic ELBs, listeners with their
 * target groups, attachments and autoscaling groups; each hop blocked, internal schemes, and
 * targets that cannot be resolved.
 */

const NET_002 = 'OS11-NET-002';
const rule = (protocol: string, from: number, to: number, extra: Record<string, unknown> = {}) => ({ protocol, from_port: from, to_port: to, cidr_blocks: [], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '', ...extra });
const EGRESS_ALL = rule('-1', 0, 0, { cidr_blocks: ['0.0.0.0/0'] });
const FROM_ANYWHERE = (port: number) => rule('tcp', port, port, { cidr_blocks: ['0.0.0.0/0'] });

/** A group created by the plan (id unknown); `from` names groups its first ingress rule admits. */
function group(name: string, ingress: Array<Record<string, unknown>>, egress: Array<Record<string, unknown>> | undefined, from?: string): TestResource {
  const address = `aws_security_group.${name}`;
  const values: Record<string, unknown> = { name, ingress: from ? ingress.map((r, i) => (i === 0 ? { ...r, security_groups: [null] } : r)) : ingress };
  const unknown: Record<string, unknown> = { id: true, arn: true, ...(from ? { ingress: [{ security_groups: [true] }] } : {}) };
  const expressions: Record<string, unknown> = {
    ingress: ingress.map((r, i) => (i === 0 && from ? { from_port: constant(r.from_port), to_port: constant(r.to_port), protocol: constant(r.protocol), security_groups: ref(`aws_security_group.${from}.id`, `aws_security_group.${from}`) } : {})),
  };
  if (egress) {
    values.egress = egress;
    expressions.egress = egress.map(() => ({}));
  } else unknown.egress = true;
  return { address, values, unknown, expressions };
}

const subnet = (name: string, cidr: string): TestResource => ({ address: `aws_subnet.${name}`, values: { cidr_block: cidr }, unknown: { id: true } });

const instances = (count: number, sg = 'fe', extra: Record<string, unknown> = {}): TestResource[] =>
  Array.from({ length: count }, (_, i) => ({
    address: `aws_instance.fe[${i}]`,
    values: { tags: { 'topogate-role': 'front-end' }, ...extra },
    unknown: { id: true, private_ip: true, vpc_security_group_ids: true },
    expressions: { vpc_security_group_ids: ref(`aws_security_group.${sg}.id`, `aws_security_group.${sg}`), subnet_id: ref('aws_subnet.app.id', 'aws_subnet.app') },
  }));

interface Alb {
  type?: 'application' | 'network';
  internal?: boolean;
  groups?: string[] | null;
  tg?: Record<string, unknown>;
  listenerPort?: number;
  attach?: 'instances' | 'ip' | 'none';
  extra?: TestResource[];
}

/** An ALB (or NLB) in subnet `public` forwarding 443 to a target group on 8080 holding two front-ends. */
function balancerPlan(fe: TestResource, lbGroup: TestResource | undefined, options: Alb = {}): TestPlan {
  const groups = options.groups === undefined ? ['alb'] : options.groups;
  const lb: TestResource = {
    address: 'aws_lb.web',
    values: { load_balancer_type: options.type ?? 'application', internal: options.internal ?? false, tags: {} },
    unknown: { id: true, arn: true, security_groups: true, subnets: true },
    expressions: {
      ...(groups ? { security_groups: ref(...groups.flatMap((g) => [`aws_security_group.${g}.id`, `aws_security_group.${g}`])) } : {}),
      subnets: ref('aws_subnet.public.id', 'aws_subnet.public'),
    },
  };
  const tg: TestResource = { address: 'aws_lb_target_group.web', values: { port: 8080, protocol: options.type === 'network' ? 'TCP' : 'HTTP', target_type: 'instance', ...options.tg }, unknown: { id: true, arn: true } };
  const listener: TestResource = {
    address: 'aws_lb_listener.https',
    values: { port: options.listenerPort ?? 443, protocol: options.type === 'network' ? 'TCP' : 'HTTPS', default_action: [{ type: 'forward', target_group_arn: null }] },
    unknown: { id: true, arn: true, load_balancer_arn: true, default_action: [{ target_group_arn: true }] },
    expressions: { load_balancer_arn: ref('aws_lb.web.arn', 'aws_lb.web'), default_action: [{ type: constant('forward'), target_group_arn: ref('aws_lb_target_group.web.arn', 'aws_lb_target_group.web') }] },
  };
  const attachments: TestResource[] = (options.attach ?? 'instances') === 'none' ? [] : [0, 1].map((i) => ({
    address: `aws_lb_target_group_attachment.fe[${i}]`,
    values: options.attach === 'ip' ? { target_id: `10.0.1.${10 + i}` } : {},
    unknown: { id: true, target_group_arn: true, ...(options.attach === 'ip' ? {} : { target_id: true }) },
    expressions: { target_group_arn: ref('aws_lb_target_group.web.arn', 'aws_lb_target_group.web'), ...(options.attach === 'ip' ? {} : { target_id: ref('aws_instance.fe', 'count.index') }) },
  }));
  return {
    resources: [subnet('public', '10.0.0.0/24'), subnet('app', '10.0.1.0/24'), fe, ...(lbGroup ? [lbGroup] : []), ...instances(2), lb, tg, listener, ...attachments, ...(options.extra ?? [])],
  };
}

const feFromAlb = (port = 8080) => group('fe', [rule('tcp', port, port)], [EGRESS_ALL], 'alb');
const albOpen = group('alb', [FROM_ANYWHERE(443)], [EGRESS_ALL]);

describe('an ALB: a proxy with its security groups', () => {
  it('both hops open: end users reach every front-end through the balancer, both groups named', () => {
    const report = checkPlans(balancerPlan(feFromAlb(), albOpen));
    const f = finding(report, NET_002, 'end-users -> aws_instance.fe[0]');
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/^end-users \(0\.0\.0\.0\/0\) reaches aws_instance\.fe\[0\] on tcp\/443 through aws_lb\.web: allowed by /);
    expect(f.message).toMatch(/aws_security_group\.alb ingress rule tcp\/443 from 0\.0\.0\.0\/0/);
    expect(f.message).toMatch(/aws_security_group\.fe ingress rule tcp\/8080 from aws_security_group\.alb/);
    expect(finding(report, NET_002, 'end-users -> aws_instance.fe[1]').status).toBe('pass');
  });

  it('the model: listener 443 to both instances on 8080, the ALB carrying its group, in its subnet', () => {
    const [env] = environmentsOf(balancerPlan(feFromAlb(), albOpen));
    expect(env.loadBalancers).toHaveLength(1);
    const lb = env.loadBalancers[0];
    expect(lb).toMatchObject({ name: 'aws_lb.web', preservesClientAddress: false, provider: 'aws', resource: { address: 'aws_lb.web', type: 'aws_lb' } });
    expect(lb.identities).toEqual(['lb:aws_lb.web', 'sg:aws_security_group.alb']);
    expect(lb.addresses.toCidrs()).toEqual(['10.0.0.0/24']);
    expect(lb.addressesExact).toBe(false);
    expect(lb.listeners.map((l) => ({ port: l.port, protocol: l.protocol, targets: l.targets, targetPort: l.targetPort }))).toEqual([
      { port: 443, protocol: 'tcp', targets: ['aws_instance.fe[0]', 'aws_instance.fe[1]'], targetPort: 8080 },
    ]);
  });

  it('first hop blocked: the ALB group admits only 10.0.0.0/8, and the fix is on that group', () => {
    const f = finding(checkPlans(balancerPlan(feFromAlb(), group('alb', [rule('tcp', 443, 443, { cidr_blocks: ['10.0.0.0/8'] })], [EGRESS_ALL]))), NET_002, 'end-users -> aws_instance.fe[0]');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/through aws_lb\.web \(listener tcp\/443 to aws_instance\.fe\[0\]:8080\), end-users cannot reach aws_lb\.web on tcp\/443 \(security group aws_security_group\.alb: no rule allows it\)/);
    expect(f.message).toMatch(/Fix: add an ingress rule to aws_security_group\.alb allowing tcp\/443 from end-users\.$/);
    // The annotation lands where the fix goes: the ALB's group, not the front-ends'.
    const albLine = (plan: TestPlan) => environmentsOf(plan)[0].loadBalancers[0].ingress.find((l) => l.name.startsWith('security group'))!.fixLocation;
    const plan = balancerPlan(feFromAlb(), group('alb', [rule('tcp', 443, 443, { cidr_blocks: ['10.0.0.0/8'] })], [EGRESS_ALL]));
    expect(f.location).toEqual(albLine(plan));
  });

  it('second hop blocked: the front-ends admit 8080 from another group only', () => {
    const fe = group('fe', [rule('tcp', 8080, 8080, { cidr_blocks: ['10.9.0.0/16'] })], [EGRESS_ALL]);
    const f = finding(checkPlans(balancerPlan(fe, albOpen)), NET_002, 'end-users -> aws_instance.fe[0]');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/end-users reaches aws_lb\.web but aws_lb\.web cannot reach aws_instance\.fe\[0\] on tcp\/8080 \(security group aws_security_group\.fe: no rule allows it\)/);
    expect(f.message).toMatch(/Fix: add an ingress rule to aws_security_group\.fe allowing tcp\/8080 from aws_lb\.web\.$/);
  });

  it('second hop blocked on the way out: a group Terraform creates without egress stops the ALB', () => {
    const f = finding(checkPlans(balancerPlan(feFromAlb(), group('alb', [FROM_ANYWHERE(443)], undefined))), NET_002, 'end-users -> aws_instance.fe[0]');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/the egress of aws_lb\.web \(egress of security group aws_security_group\.alb\): no rule allows it/);
    expect(f.message).toMatch(/Fix: add an egress rule to aws_security_group\.alb allowing tcp\/8080 to aws_instance\.fe\[0\]\.$/);
  });

  const httpListener = (action: Record<string, unknown>): TestResource => ({
    address: 'aws_lb_listener.http',
    values: { port: 80, protocol: 'HTTP', default_action: [{ target_group_arn: null, ...action }] },
    unknown: { id: true, arn: true, load_balancer_arn: true },
    expressions: { load_balancer_arn: ref('aws_lb.web.arn', 'aws_lb.web'), default_action: [{ type: constant(action.type) }] },
  });
  const albOpen80 = group('alb', [FROM_ANYWHERE(443), FROM_ANYWHERE(80)], [EGRESS_ALL]);

  it('a port-80 listener that redirects to HTTPS: the finding names it, and the fix does not open the front-ends directly', () => {
    const redirect = httpListener({ type: 'redirect', redirect: [{ port: '443', protocol: 'HTTPS', host: '#{host}', path: '/#{path}', query: '#{query}', status_code: 'HTTP_301' }] });
    const plan = balancerPlan(feFromAlb(), albOpen80, { extra: [redirect] });
    const [env] = environmentsOf(plan);
    expect(env.loadBalancers[0].listeners.map((l) => [l.port, l.targets.length, l.answers])).toEqual([[443, 2, undefined], [80, 0, 'redirects to HTTPS:443']]);
    const f = finding(checkPlans(plan), 'OS11-NET-001', 'end-users -> aws_instance.fe[0]');
    // A redirect is not a forward: the required flow to the front-end still fails.
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/aws_lb\.web's listener on tcp\/80 \(plan\.json:\d+\) redirects to HTTPS:443 and forwards to no server\)\./);
    expect(f.message).toMatch(/Fix: forward that listener to aws_instance\.fe\[0\] \(a direct opening would bypass aws_lb\.web\), or, where what it does \(redirects to HTTPS:443\) is what this policy asks for, waive this finding\.$/);
    expect(f.message).not.toMatch(/add an ingress rule/);
    // The annotation goes where the fix does: the listener, not the front-ends' group.
    expect(f.location).toEqual(env.loadBalancers[0].listeners[1].location);
  });

  it('a fixed-response listener is named too; a redirect to the same host and port says only "redirects"', () => {
    const fixed = finding(checkPlans(balancerPlan(feFromAlb(), albOpen80, { extra: [httpListener({ type: 'fixed-response', fixed_response: [{ content_type: 'text/plain', status_code: '404' }] })] })), 'OS11-NET-001', 'end-users -> aws_instance.fe[0]');
    expect(fixed.message).toMatch(/listener on tcp\/80 \(plan\.json:\d+\) answers with a fixed response and forwards to no server/);
    const bare = environmentsOf(balancerPlan(feFromAlb(), albOpen80, { extra: [httpListener({ type: 'redirect', redirect: [{ port: '#{port}', protocol: '#{protocol}', host: '#{host}' }] })] }))[0];
    expect(bare.loadBalancers[0].listeners[1].answers).toBe('redirects');
  });

  it('no listener on the port at all: the fix adds one to the balancer before any direct opening', () => {
    const f = finding(checkPlans(balancerPlan(feFromAlb(), albOpen)), 'OS11-NET-001', 'end-users -> aws_instance.fe[0]');
    expect(f.status).toBe('fail');
    // The ALB's group admits 443 only: a listener alone would not let end users in.
    expect(f.message).toMatch(/Fix: add a listener on tcp\/80 to aws_lb\.web forwarding to aws_instance\.fe\[0\] \(and add an ingress rule to aws_security_group\.alb allowing tcp\/80 from end-users\), or add an ingress rule to aws_security_group\.fe allowing tcp\/80 from end-users\.$/);
    const open80 = finding(checkPlans(balancerPlan(feFromAlb(), group('alb', [FROM_ANYWHERE(443), FROM_ANYWHERE(80)], [EGRESS_ALL]))), 'OS11-NET-001', 'end-users -> aws_instance.fe[0]');
    expect(open80.message).toMatch(/Fix: add a listener on tcp\/80 to aws_lb\.web forwarding to aws_instance\.fe\[0\], or add/);
  });

  it('a listener on another port does not serve 443', () => {
    expect(finding(checkPlans(balancerPlan(feFromAlb(), albOpen, { listenerPort: 8443 })), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('fail');
  });

  it('an internal ALB is not reachable from the internet, whatever its group allows', () => {
    const [env] = environmentsOf(balancerPlan(feFromAlb(), albOpen, { internal: true }));
    expect(env.loadBalancers[0].ingress.map((l) => l.name)).toEqual(['internal scheme of aws_lb.web', 'address family of aws_lb.web', 'security group aws_security_group.alb']);
    const f = finding(checkPlans(balancerPlan(feFromAlb(), albOpen, { internal: true })), NET_002, 'end-users -> aws_instance.fe[0]');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/^end-users \(0\.0\.0\.0\/0\) except .*10\.0\.0\.0\/8.* cannot reach/);
    expect(f.message).toMatch(/denied by aws_lb\.web is internal: only networks connected to it reach it, not the internet/);
    // No rule would help: the scheme, or a client that is not the internet.
    expect(f.message).toMatch(/Fix: make aws_lb\.web internet-facing \(internal = false, which replaces it\), or, if it serves only clients inside your networks, declare those clients' CIDRs \(the topology's `clients:`\) rather than the internet\.$/);
    const privateUsers = checkPlans({ plans: { 'plan.json': balancerPlan(feFromAlb(), albOpen, { internal: true }) }, topologies: { 't.yml': 'version: 1\nenvironments:\n  - name: default\n    clients:\n      end-users: [10.0.0.0/8]\n    terraform:\n      plans: [plan.json]\n' } });
    expect(finding(privateUsers, NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('pass');
  });

  it('an IPv4 ALB is out of reach of IPv6 clients; a dual-stack one is not', () => {
    const dualUsers = (plan: TestPlan) => checkPlans({ plans: { 'plan.json': plan }, topologies: { 't.yml': 'version: 1\nenvironments:\n  - name: default\n    clients:\n      end-users: [0.0.0.0/0, "::/0"]\n    terraform:\n      plans: [plan.json]\n' } });
    const open6 = group('alb', [rule('tcp', 443, 443, { cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'] })], [EGRESS_ALL]);
    const v4 = finding(dualUsers(balancerPlan(feFromAlb(), open6)), NET_002, 'end-users -> aws_instance.fe[0]');
    expect(v4.status).toBe('fail');
    expect(v4.message).toMatch(/^::\/0 of end-users cannot reach .*denied by aws_lb\.web has only IPv4 frontends: IPv6 clients cannot connect to it/);
    expect(v4.message).toMatch(/Fix: add ip_address_type = "dualstack" to aws_lb\.web allowing tcp\/443 from end-users\.$/);
    const dual = balancerPlan(feFromAlb(), open6);
    const lb = dual.resources.find((r) => r.address === 'aws_lb.web')!;
    lb.values = { ...lb.values, ip_address_type: 'dualstack' };
    expect(finding(dualUsers(dual), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('pass');
  });

  it('an ALB that names no group gets its VPC default group: unknown, not pass', () => {
    const f = finding(checkPlans(balancerPlan(feFromAlb(), albOpen, { groups: null })), NET_002, 'end-users -> aws_instance.fe[0]');
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/aws_lb\.web names no security group, so AWS attaches the default security group of its VPC/);
  });

  it('each balancer and listener points at its .tf line', () => {
    const sources = [{ path: 'main.tf', text: ['resource "aws_lb" "web" {', '}', '', 'resource "aws_lb_listener" "https" {', '}', ''].join('\n') }];
    const [env] = environmentsOf({ plans: { 'plan.json': balancerPlan(feFromAlb(), albOpen) }, sources });
    expect(env.loadBalancers[0].location).toMatchObject({ file: 'main.tf', line: 1 });
    expect(env.loadBalancers[0].listeners[0].location).toMatchObject({ file: 'main.tf', line: 4 });
  });
});

describe('network ACLs of the balancer\'s subnets', () => {
  const entry = (rule_no: number, protocol: string, cidr: string, from = 0, to = 0) => ({ rule_no, action: 'allow', protocol, cidr_block: cidr, ipv6_cidr_block: '', from_port: from, to_port: to, icmp_code: 0, icmp_type: 0 });
  const publicAcl = (ingress: unknown[], egress: unknown[]): TestResource => ({
    address: 'aws_network_acl.public',
    values: { vpc_id: 'vpc-1', ingress, egress },
    unknown: { id: true, subnet_ids: true },
    expressions: { subnet_ids: ref('aws_subnet.public.id', 'aws_subnet.public'), ingress: ingress.map(() => ({})), egress: egress.map(() => ({})) },
  });
  const HTTPS_IN = entry(100, 'tcp', '0.0.0.0/0', 443, 443);
  const RESPONSES_IN = entry(110, 'tcp', '0.0.0.0/0', 1024, 65535);
  const RESPONSES_OUT = entry(100, 'tcp', '0.0.0.0/0', 1024, 65535);
  const TO_TARGETS = entry(110, 'tcp', '10.0.1.0/24', 8080, 8080);
  // The front-ends in their subnet (10.0.1.0/24, by reference), out of the balancer's.
  const inAppSubnet = (plan: TestPlan): TestPlan => ({ resources: plan.resources.map((r) => (r.address.startsWith('aws_instance.fe') ? { ...r, unknown: { ...r.unknown, subnet_id: true } } : r)) });
  const check = (acl: TestResource) => finding(checkPlans(inAppSubnet(balancerPlan(feFromAlb(), albOpen, { extra: [acl] }))), NET_002, 'end-users -> aws_instance.fe[0]');

  it('inbound, outbound and the responses both ways open: a pass naming the ACL rules', () => {
    const f = check(publicAcl([HTTPS_IN, RESPONSES_IN], [RESPONSES_OUT, TO_TARGETS]));
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/aws_network_acl\.public ingress rule 100/);
  });

  it('the end users pass its inbound rules: one that does not open 443 blocks the first hop', () => {
    const f = check(publicAcl([entry(100, 'tcp', '0.0.0.0/0', 80, 80), RESPONSES_IN], [RESPONSES_OUT, TO_TARGETS]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/end-users cannot reach aws_lb\.web on tcp\/443 \(network ACL aws_network_acl\.public: no rule allows it\)/);
  });

  it('its outbound rules must let the responses out to the end users', () => {
    const f = check(publicAcl([HTTPS_IN, RESPONSES_IN], [TO_TARGETS]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/the responses of aws_lb\.web to end-users's ephemeral port, out through outbound rules of network ACL aws_network_acl\.public, which is stateless/);
  });

  it('an NLB without security groups is still behind its subnets\' ACLs', () => {
    const nlb = (acl: TestResource) => finding(checkPlans(inAppSubnet(balancerPlan(group('fe', [FROM_ANYWHERE(8080)], [EGRESS_ALL]), undefined, { type: 'network', groups: null, extra: [acl] }))), NET_002, 'end-users -> aws_instance.fe[0]');
    const f = nlb(publicAcl([entry(100, 'tcp', '0.0.0.0/0', 80, 80), RESPONSES_IN], [RESPONSES_OUT, TO_TARGETS]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/end-users cannot reach aws_lb\.web on tcp\/443 \(network ACL aws_network_acl\.public: no rule allows it\)/);
    expect(nlb(publicAcl([HTTPS_IN, RESPONSES_IN], [RESPONSES_OUT, entry(110, 'tcp', '10.0.1.0/24', 8080, 8080)])).status).toBe('pass');
  });

  it('a node in each subnet, any of which a client may reach: every subnet\'s ACL applies', () => {
    const acl2: TestResource = { ...publicAcl([entry(100, 'tcp', '0.0.0.0/0', 80, 80), RESPONSES_IN], [RESPONSES_OUT, TO_TARGETS]), address: 'aws_network_acl.public_b', expressions: { subnet_ids: ref('aws_subnet.public_b.id', 'aws_subnet.public_b'), ingress: [{}, {}], egress: [{}, {}] } };
    const twoSubnets = (plan: TestPlan): TestPlan => ({
      resources: [
        ...plan.resources.map((r) => (r.address === 'aws_lb.web' ? { ...r, expressions: { ...r.expressions, subnets: ref('aws_subnet.public.id', 'aws_subnet.public', 'aws_subnet.public_b.id', 'aws_subnet.public_b') } } : r)),
        subnet('public_b', '10.0.2.0/24'),
      ],
    });
    const f = finding(checkPlans(twoSubnets(inAppSubnet(balancerPlan(feFromAlb(), albOpen, { extra: [publicAcl([HTTPS_IN, RESPONSES_IN], [RESPONSES_OUT, TO_TARGETS]), acl2] })))), NET_002, 'end-users -> aws_instance.fe[0]');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/the network ACLs of aws_subnet\.public, aws_subnet\.public_b \(a node of the balancer in each\): no rule allows it/);
    // And a port that must stay closed is exposed through the node whose ACL lets it in.
    const toPlatform = (acl: TestResource, extra: TestResource) => twoSubnets(inAppSubnet(balancerPlan(feFromAlb(12001), albOpen, { tg: { port: 12001 }, extra: [acl, extra] })));
    const exposed = finding(checkPlans(toPlatform(publicAcl([HTTPS_IN, RESPONSES_IN], [RESPONSES_OUT, entry(110, 'tcp', '10.0.1.0/24', 12001, 12001)]), acl2)), 'OS11-SEC-001', 'internet -> aws_instance.fe[0]');
    expect(exposed.status).toBe('fail');
    expect(exposed.message).toMatch(/through aws_lb\.web/);
    const closedBoth = { ...acl2, address: 'aws_network_acl.public', expressions: { ...acl2.expressions, subnet_ids: ref('aws_subnet.public.id', 'aws_subnet.public') } };
    expect(finding(checkPlans(toPlatform(closedBoth, acl2)), 'OS11-SEC-001', 'internet -> aws_instance.fe[0]').status).toBe('pass');
  });

  it('a balancer picks its ports anywhere in 1024-65535: responses let back below 32768 only leave it unknown, not failed', () => {
    const f = check(publicAcl([HTTPS_IN, entry(110, 'tcp', '0.0.0.0/0', 1024, 32767)], [RESPONSES_OUT, TO_TARGETS]));
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/get back to aws_lb\.web only on tcp\/1024-32767 of the ephemeral ports 1024-65535/);
  });

  it('and its inbound rules the responses of the targets', () => {
    const f = check(publicAcl([HTTPS_IN], [RESPONSES_OUT, TO_TARGETS]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/aws_lb\.web cannot reach aws_instance\.fe\[0\] on tcp\/8080 \(the responses of aws_instance\.fe\[0\] to aws_lb\.web's ephemeral port, back in through network ACL aws_network_acl\.public, which is stateless: no rule allows it\)/);
    expect(f.message).toMatch(/Fix: add an inbound allow rule .* to aws_network_acl\.public allowing tcp\/1024-65535 from aws_instance\.fe\[0\] \(the responses\)\.$/);
  });
});

describe('forbidden flows through a balancer', () => {
  it('an internet-facing listener forwarding to 12001 exposes that platform port on the targets (OS11-SEC-001)', () => {
    const plan = balancerPlan(feFromAlb(12001), albOpen, { tg: { port: 12001 } });
    const f = finding(checkPlans(plan), 'OS11-SEC-001', 'internet -> aws_instance.fe[0]');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/^aws_instance\.fe\[0\] accepts tcp\/12001 from every IPv4 address of internet \(through aws_lb\.web\): allowed by aws_security_group\.alb ingress rule tcp\/443 from 0\.0\.0\.0\/0/);
    // Internal, the same balancer exposes nothing to the internet.
    expect(finding(checkPlans(balancerPlan(feFromAlb(12001), albOpen, { tg: { port: 12001 }, internal: true })), 'OS11-SEC-001', 'internet -> aws_instance.fe[0]').status).toBe('pass');
  });
});

describe('target groups: weights, rules, autoscaling groups, ports', () => {
  const twoGroups = (weights: [number, number], knownArns: boolean): TestPlan => {
    const plan = balancerPlan(feFromAlb(), albOpen, { attach: 'none' });
    const other: TestResource = { address: 'aws_lb_target_group.blue', values: { port: 8080, protocol: 'HTTP', target_type: 'instance', ...(knownArns ? { arn: 'arn:tg/blue' } : {}) }, unknown: knownArns ? {} : { arn: true } };
    const green = plan.resources.find((r) => r.address === 'aws_lb_target_group.web')!;
    if (knownArns) green.values = { ...green.values, arn: 'arn:tg/green' };
    const listener = plan.resources.find((r) => r.address === 'aws_lb_listener.https')!;
    listener.values = { ...listener.values, default_action: [{ type: 'forward', target_group_arn: null, forward: [{ target_group: knownArns ? [{ arn: 'arn:tg/blue', weight: weights[1] }, { arn: 'arn:tg/green', weight: weights[0] }] : [{ weight: weights[1] }, { weight: weights[0] }] }] }] };
    listener.unknown = { id: true, arn: true, load_balancer_arn: true, ...(knownArns ? {} : { default_action: [{ forward: [{ target_group: [{ arn: true }, { arn: true }] }] }] }) };
    listener.expressions = {
      load_balancer_arn: ref('aws_lb.web.arn', 'aws_lb.web'),
      default_action: [{ type: constant('forward'), forward: [{ target_group: [
        { arn: ref('aws_lb_target_group.web.arn', 'aws_lb_target_group.web'), weight: constant(weights[0]) },
        { arn: ref('aws_lb_target_group.blue.arn', 'aws_lb_target_group.blue'), weight: constant(weights[1]) },
      ] }] }],
    };
    const attach = (i: number): TestResource => ({ address: `aws_lb_target_group_attachment.green[${i}]`, unknown: { id: true, target_id: true, ...(knownArns ? {} : { target_group_arn: true }) }, values: { target_group_arn: knownArns ? 'arn:tg/green' : null }, expressions: { target_group_arn: ref('aws_lb_target_group.web.arn', 'aws_lb_target_group.web'), target_id: ref('aws_instance.fe', 'count.index') } });
    return { resources: [...plan.resources, other, attach(0), attach(1)] };
  };

  it.each([
    { name: 'weighted forward blocks (ARNs unknown until apply) reach the green group', weights: [1, 1] as [number, number], known: false, status: 'pass' },
    { name: 'a group of weight 0 gets no traffic (ARNs unknown, matched by configuration)', weights: [0, 1] as [number, number], known: false, status: 'fail' },
    { name: 'a group of weight 0 gets no traffic (ARNs known)', weights: [0, 1] as [number, number], known: true, status: 'fail' },
    { name: 'known ARNs with weight reach it', weights: [5, 1] as [number, number], known: true, status: 'pass' },
  ])('$name', ({ weights, known, status }) => {
    expect(finding(checkPlans(twoGroups(weights, known)), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe(status);
  });

  it('a listener rule forwarding to another group adds its targets to the listener', () => {
    const plan = balancerPlan(feFromAlb(), albOpen, { attach: 'none' });
    const listener = plan.resources.find((r) => r.address === 'aws_lb_listener.https')!;
    listener.values = { ...listener.values, default_action: [{ type: 'fixed-response', fixed_response: [{ status_code: '404' }] }] };
    listener.unknown = { id: true, arn: true, load_balancer_arn: true };
    listener.expressions = { load_balancer_arn: ref('aws_lb.web.arn', 'aws_lb.web'), default_action: [{ type: constant('fixed-response') }] };
    expect(finding(checkPlans(plan), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('fail');
    const ruleRes: TestResource = {
      address: 'aws_lb_listener_rule.app',
      values: { action: [{ type: 'forward', target_group_arn: null }], condition: [{ path_pattern: [{ values: ['/app/*'] }] }] },
      unknown: { id: true, listener_arn: true, action: [{ target_group_arn: true }] },
      expressions: { listener_arn: ref('aws_lb_listener.https.arn', 'aws_lb_listener.https'), action: [{ type: constant('forward'), target_group_arn: ref('aws_lb_target_group.web.arn', 'aws_lb_target_group.web') }] },
    };
    const attach: TestResource = { address: 'aws_lb_target_group_attachment.one', unknown: { id: true, target_group_arn: true, target_id: true }, expressions: { target_group_arn: ref('aws_lb_target_group.web.arn', 'aws_lb_target_group.web'), target_id: ref('aws_instance.fe[0].id', 'aws_instance.fe[0]') } };
    const report = checkPlans({ resources: [...plan.resources, ruleRes, attach] });
    expect(finding(report, NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('pass');
    expect(finding(report, NET_002, 'end-users -> aws_instance.fe[1]').status).toBe('fail');
  });

  it('an attachment port overrides the group port', () => {
    const plan = balancerPlan(feFromAlb(9090), albOpen, { attach: 'none' });
    const attach: TestResource = { address: 'aws_lb_target_group_attachment.one', values: { port: 9090 }, unknown: { id: true, target_group_arn: true, target_id: true }, expressions: { target_group_arn: ref('aws_lb_target_group.web.arn', 'aws_lb_target_group.web'), target_id: ref('aws_instance.fe[0].id', 'aws_instance.fe[0]'), port: constant(9090) } };
    const [env] = environmentsOf({ resources: [...plan.resources, attach] });
    expect(env.loadBalancers[0].listeners.map((l) => [l.targets, l.targetPort])).toEqual([[['aws_instance.fe[0]'], 9090]]);
    expect(finding(checkPlans({ resources: [...plan.resources, attach] }), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('pass');
  });

  /** The ALB plan with its instances replaced by an autoscaling group (of `size`, up to `maxSize`, where given) over a front-end launch template. */
  const withAutoscaling = (size?: number, maxSize?: number): TestResource[] => {
    const plan = balancerPlan(feFromAlb(), albOpen, { attach: 'none' });
    const lt: TestResource = {
      address: 'aws_launch_template.fe',
      values: { tags: { 'topogate-role': 'front-end' } },
      unknown: { id: true, vpc_security_group_ids: true },
      expressions: { vpc_security_group_ids: ref('aws_security_group.fe.id', 'aws_security_group.fe') },
    };
    const asg: TestResource = {
      address: 'aws_autoscaling_group.fe',
      values: { ...(size === undefined ? {} : { min_size: size, desired_capacity: size }), ...(maxSize === undefined ? {} : { max_size: maxSize }), launch_template: [{ version: '$Latest' }] },
      unknown: { id: true, target_group_arns: true, launch_template: [{ id: true, name: true }] },
      expressions: { launch_template: [{ id: ref('aws_launch_template.fe.id', 'aws_launch_template.fe') }], target_group_arns: ref('aws_lb_target_group.web.arn', 'aws_lb_target_group.web') },
    };
    return [...plan.resources.filter((r) => !r.address.startsWith('aws_instance.')), lt, asg];
  };

  it('an autoscaling group in target_group_arns: the servers of its launch template are the targets', () => {
    const resources = withAutoscaling();
    const [env] = environmentsOf({ resources });
    expect(env.loadBalancers[0].listeners[0].targets).toEqual(['aws_launch_template.fe']);
    expect(finding(checkPlans({ resources }), NET_002, 'end-users -> aws_launch_template.fe').status).toBe('pass');
  });

  it('an autoscaling group keeping two or more instances of a template: its front-ends monitor each other (the template paired with itself)', () => {
    const run = (size: number) => checkPlans({ resources: withAutoscaling(size) });
    // The front-end group admits 8080 from the ALB only: instances cannot reach each other on 80, 12001, 12002.
    const two = finding(run(2), 'OS11-MON-001');
    expect([two.subject, two.status]).toEqual(['aws_launch_template.fe -> aws_launch_template.fe', 'fail']);
    expect(two.message).toMatch(/^another instance of aws_launch_template\.fe \(address assigned at apply\) cannot reach aws_launch_template\.fe on tcp\/80, 12001-12002/);
    expect(environmentsOf({ resources: withAutoscaling(2) })[0].servers[0].fleet).toBe('aws_autoscaling_group.fe keeps 2 instances of aws_launch_template.fe running');
    const one = finding(run(1), 'OS11-MON-001');
    expect([one.status, one.message]).toEqual(['pass', expect.stringMatching(/^Nothing to check: only one server \(aws_launch_template\.fe\)/)]);
  });

  it('an autoscaling group of one that may scale out (max_size 5): a fleet, whose instances must reach each other when it does', () => {
    const scaling = withAutoscaling(1, 5);
    expect(environmentsOf({ resources: scaling })[0].servers[0].fleet).toBe('aws_autoscaling_group.fe may run up to 5 instances of aws_launch_template.fe');
    const f = finding(checkPlans({ resources: scaling }), 'OS11-MON-001');
    expect([f.subject, f.status]).toEqual(['aws_launch_template.fe -> aws_launch_template.fe', 'fail']);
    // Kept at one (max_size 1): nothing to check; keeping two wins over the maximum in the sentence.
    expect(finding(checkPlans({ resources: withAutoscaling(1, 1) }), 'OS11-MON-001').message).toMatch(/^Nothing to check: only one server/);
    expect(environmentsOf({ resources: withAutoscaling(2, 5) })[0].servers[0].fleet).toBe('aws_autoscaling_group.fe keeps 2 instances of aws_launch_template.fe running');
  });

  it('a mixed instances policy: the templates its overrides launch from are targets too (not front-ends the fix would open to everyone)', () => {
    const plan = balancerPlan(feFromAlb(), albOpen, { attach: 'none' });
    const template = (name: string): TestResource => ({
      address: `aws_launch_template.${name}`,
      values: { tags: { 'topogate-role': 'front-end' } },
      unknown: { id: true, vpc_security_group_ids: true },
      expressions: { vpc_security_group_ids: ref('aws_security_group.fe.id', 'aws_security_group.fe') },
    });
    const spec = (name: string) => [{ launch_template_id: ref(`aws_launch_template.${name}.id`, `aws_launch_template.${name}`) }];
    const asg: TestResource = {
      address: 'aws_autoscaling_group.fe',
      values: { mixed_instances_policy: [{ launch_template: [{ launch_template_specification: [{ version: '$Latest' }], override: [{ instance_type: 'm6g.large', launch_template_specification: [{ version: '$Latest' }] }] }] }] },
      unknown: { id: true, target_group_arns: true, mixed_instances_policy: [{ launch_template: [{ launch_template_specification: [{ launch_template_id: true, launch_template_name: true }], override: [{ launch_template_specification: [{ launch_template_id: true, launch_template_name: true }] }] }] }] },
      expressions: { mixed_instances_policy: [{ launch_template: [{ launch_template_specification: spec('fe'), override: [{ launch_template_specification: spec('fe_arm') }] }] }], target_group_arns: ref('aws_lb_target_group.web.arn', 'aws_lb_target_group.web') },
    };
    const resources = [...plan.resources.filter((r) => !r.address.startsWith('aws_instance.')), template('fe'), template('fe_arm'), asg];
    const [env] = environmentsOf({ resources });
    expect(env.loadBalancers[0].listeners[0].targets).toEqual(['aws_launch_template.fe', 'aws_launch_template.fe_arm']);
    expect(finding(checkPlans({ resources }), NET_002, 'end-users -> aws_launch_template.fe_arm').status).toBe('pass');
  });
});

describe('NLBs: what the targets see', () => {
  const nlb = (fe: TestResource, options: Alb = {}) => balancerPlan(fe, options.groups ? group('nlb', [FROM_ANYWHERE(443)], [EGRESS_ALL]) : undefined, { type: 'network', groups: null, ...options });
  const feFrom = (cidr: string) => group('fe', [rule('tcp', 8080, 8080, { cidr_blocks: [cidr] })], [EGRESS_ALL]);

  it('without security groups, instance targets see the clients: a front-end open to them passes', () => {
    const report = checkPlans(nlb(feFrom('0.0.0.0/0')));
    const f = finding(report, NET_002, 'end-users -> aws_instance.fe[0]');
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/through aws_lb\.web/);
    const [env] = environmentsOf(nlb(feFrom('0.0.0.0/0')));
    expect(env.loadBalancers[0].ingress.map((l) => l.name)).toEqual(['address family of aws_lb.web']);
    expect(env.loadBalancers[0].listeners[0].preservesClientAddress).toBe(true);
  });

  it('and a front-end that admits only the NLB subnet fails: the clients\' own traffic is blocked', () => {
    const f = finding(checkPlans(nlb(feFrom('10.0.0.0/24'))), NET_002, 'end-users -> aws_instance.fe[0]');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/end-users reaches aws_lb\.web but end-users's traffic cannot reach aws_instance\.fe\[0\] on tcp\/8080/);
    expect(f.message).toMatch(/Fix: add an ingress rule to aws_security_group\.fe allowing tcp\/8080 from end-users\.$/);
  });

  it('front-ends without a public address still take what a balancer forwards, the clients\' addresses kept or not', () => {
    const privateOnly = (p: TestPlan): TestPlan => ({ resources: p.resources.map((r) => (r.address.startsWith('aws_instance.fe[') ? { ...r, values: { ...r.values, associate_public_ip_address: false } } : r)) });
    expect(finding(checkPlans(privateOnly(nlb(feFrom('0.0.0.0/0')))), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('pass');
    expect(finding(checkPlans(privateOnly(balancerPlan(feFromAlb(), albOpen))), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('pass');
    // Directly, on a port no listener serves and the group opens, not a pass either.
    const wide = group('fe', [rule('tcp', 0, 65535, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]);
    const direct = finding(checkPlans(privateOnly(nlb(wide))), 'OS11-NET-001', 'end-users -> aws_instance.fe[0]');
    expect(direct.status).toBe('unknown');
    expect(direct.message).toMatch(/has no public IPv4 address/);
  });

  it('IP targets over TCP see the NLB (AWS default): the NLB subnet admitted passes', () => {
    const fixedIps = (p: TestPlan) => ({ resources: p.resources.map((r) => (r.address.startsWith('aws_instance.fe[') ? { ...r, values: { ...r.values, private_ip: `10.0.1.${10 + Number(r.address.slice(-2, -1))}` }, unknown: { id: true, vpc_security_group_ids: true } } : r)) });
    const ip = fixedIps(nlb(feFrom('10.0.0.0/24'), { tg: { target_type: 'ip' }, attach: 'ip' }));
    const [env] = environmentsOf(ip);
    expect(env.loadBalancers[0].listeners[0]).toMatchObject({ targets: ['aws_instance.fe[0]', 'aws_instance.fe[1]'], preservesClientAddress: false });
    expect(finding(checkPlans(ip), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('pass');
    // preserve_client_ip = "true" makes them see the clients again.
    const preserved = fixedIps(nlb(feFrom('10.0.0.0/24'), { tg: { target_type: 'ip', preserve_client_ip: 'true' }, attach: 'ip' }));
    expect(finding(checkPlans(preserved), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('fail');
  });

  it('with security groups and preserved addresses, a target rule naming the NLB group admits what it forwards', () => {
    const viaGroup = nlb(group('fe', [rule('tcp', 8080, 8080)], [EGRESS_ALL], 'nlb'), { groups: ['nlb'] });
    const [env] = environmentsOf(viaGroup);
    expect(env.loadBalancers[0]).toMatchObject({ forwardedIdentities: ['sg:aws_security_group.nlb'] });
    expect(env.loadBalancers[0].ingress.map((l) => l.name)).toEqual(['address family of aws_lb.web', 'security group aws_security_group.nlb']);
    expect(finding(checkPlans(viaGroup), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('pass');
    // The NLB subnet is not where preserved traffic comes from.
    expect(finding(checkPlans(nlb(feFrom('10.0.0.0/24'), { groups: ['nlb'] })), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('fail');
  });

  it('a UDP listener does not carry a TCP flow', () => {
    const plan = nlb(feFrom('0.0.0.0/0'));
    const listener = plan.resources.find((r) => r.address === 'aws_lb_listener.https')!;
    listener.values = { ...listener.values, protocol: 'UDP' };
    const [env] = environmentsOf(plan);
    expect(env.loadBalancers[0].listeners[0].protocol).toBe('udp');
  });

  it('an internet-facing NLB in front of an internal ALB (target_type = "alb"): unknown, naming the ALB, never the ALB\'s scheme as a fail', () => {
    // AWS's pattern for static addresses: the NLB's target group registers the ALB by its ARN.
    const plan = balancerPlan(feFromAlb(), albOpen, { internal: true });
    const nlbResources: TestResource[] = [
      { address: 'aws_lb.edge', values: { load_balancer_type: 'network', internal: false, tags: {} }, unknown: { id: true, arn: true, security_groups: true, subnets: true }, expressions: { subnets: ref('aws_subnet.public.id', 'aws_subnet.public') } },
      { address: 'aws_lb_target_group.to_alb', values: { port: 443, protocol: 'TCP', target_type: 'alb' }, unknown: { id: true, arn: true } },
      {
        address: 'aws_lb_listener.edge',
        values: { port: 443, protocol: 'TCP', default_action: [{ type: 'forward', target_group_arn: null }] },
        unknown: { id: true, arn: true, load_balancer_arn: true, default_action: [{ target_group_arn: true }] },
        expressions: { load_balancer_arn: ref('aws_lb.edge.arn', 'aws_lb.edge'), default_action: [{ type: constant('forward'), target_group_arn: ref('aws_lb_target_group.to_alb.arn', 'aws_lb_target_group.to_alb') }] },
      },
      {
        address: 'aws_lb_target_group_attachment.alb',
        values: { port: 443 },
        unknown: { id: true, target_group_arn: true, target_id: true },
        expressions: { target_group_arn: ref('aws_lb_target_group.to_alb.arn', 'aws_lb_target_group.to_alb'), target_id: ref('aws_lb.web.arn', 'aws_lb.web') },
      },
    ];
    const withNlb: TestPlan = { resources: [...plan.resources, ...nlbResources] };
    const edge = environmentsOf(withNlb)[0].loadBalancers.find((b) => b.name === 'aws_lb.edge')!;
    expect(edge.listeners[0].targetsUnknown).toBe('an ALB behind this NLB is not followed: aws_lb_target_group.to_alb (target_type = "alb") forwards to aws_lb.web, whose listeners and targets are not checked on this path');
    const f = finding(checkPlans(withNlb), NET_002, 'end-users -> aws_instance.fe[0]');
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/an ALB behind this NLB is not followed: .* forwards to aws_lb\.web/);
    expect(f.message).not.toMatch(/internet-facing/);
    // Without the NLB, the internal ALB alone still fails with the scheme fix.
    expect(finding(checkPlans(plan), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('fail');
  });

  it('a target in an Availability Zone the balancer is not enabled in gets nothing from it; zones not known change nothing', () => {
    const zoned = (balancerZone: string | undefined, targetZone: string | undefined, type: 'application' | 'network' = 'application'): TestPlan => {
      const plan = type === 'network' ? balancerPlan(group('fe', [rule('tcp', 8080, 8080, { cidr_blocks: ['0.0.0.0/0'] })], [EGRESS_ALL]), undefined, { type, groups: null }) : balancerPlan(feFromAlb(), albOpen);
      const zoneOf = (r: TestResource) => (r.address === 'aws_subnet.public' ? balancerZone : r.address === 'aws_subnet.app' ? targetZone : undefined);
      // The instances' subnet_id refers to the subnet the plan creates: not known until apply.
      const placed = (r: TestResource) => (r.address.startsWith('aws_instance.') ? { ...r, unknown: { ...r.unknown, subnet_id: true } } : r);
      return { resources: plan.resources.map(placed).map((r) => (zoneOf(r) === undefined ? r : { ...r, values: { ...r.values, availability_zone: zoneOf(r) } })) };
    };
    const outside = finding(checkPlans(zoned('eu-west-1a', 'eu-west-1c')), NET_002, 'end-users -> aws_instance.fe[0]');
    expect(outside.status).toBe('fail');
    expect(outside.message).toMatch(/aws_lb\.web cannot reach aws_instance\.fe\[0\] on tcp\/8080 \(Availability Zones of aws_lb\.web: denied by aws_instance\.fe\[0\] is in eu-west-1c, an Availability Zone aws_lb\.web is not enabled in \(eu-west-1a\): the balancer sends it nothing/);
    expect(outside.message).toMatch(/Fix: enable eu-west-1c on aws_lb\.web \(a subnet in eu-west-1c in its subnets or subnet_mapping\), or place aws_instance\.fe\[0\] in a subnet in eu-west-1a\.$/);
    expect(finding(checkPlans(zoned('eu-west-1a', 'eu-west-1c', 'network')), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('fail');
    // Same zone, or either zone not known: the path carries the flow as before.
    expect(finding(checkPlans(zoned('eu-west-1a', 'eu-west-1a')), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('pass');
    expect(finding(checkPlans(zoned('eu-west-1a', 'eu-west-1a', 'network')), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('pass');
    expect(finding(checkPlans(zoned(undefined, 'eu-west-1c')), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('pass');
    expect(finding(checkPlans(zoned('eu-west-1a', undefined)), NET_002, 'end-users -> aws_instance.fe[0]').status).toBe('pass');
  });

  it('a Lambda target group is no server: the listener carries nothing to the front-ends, and nothing unknown', () => {
    const plan = balancerPlan(feFromAlb(), albOpen, { tg: { target_type: 'lambda' } });
    const [env] = environmentsOf(plan);
    expect(env.loadBalancers[0].listeners.map((l) => ({ targets: l.targets, targetsUnknown: l.targetsUnknown }))).toEqual([{ targets: [], targetsUnknown: undefined }]);
  });
});

describe('targets that cannot be resolved are unknown, never a pass', () => {
  it('an attachment whose target comes from a local: the listener\'s targets are unknown, naming target_id', () => {
    const plan = balancerPlan(group('fe', [rule('tcp', 8080, 8080, { cidr_blocks: ['10.9.0.0/16'] })], [EGRESS_ALL]), albOpen, { attach: 'none' });
    const attach: TestResource = { address: 'aws_lb_target_group_attachment.x', unknown: { id: true, target_group_arn: true, target_id: true }, expressions: { target_group_arn: ref('aws_lb_target_group.web.arn', 'aws_lb_target_group.web'), target_id: ref('local.target') } };
    const [env] = environmentsOf({ resources: [...plan.resources, attach] });
    expect(env.loadBalancers[0].listeners[0].targetsUnknown).toMatch(/target_id of aws_lb_target_group_attachment\.x is not known until apply and comes from local\.target/);
    const f = finding(checkPlans({ resources: [...plan.resources, attach] }), NET_002, 'end-users -> aws_instance.fe[0]');
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/target_id of aws_lb_target_group_attachment\.x/);
  });

  it('an autoscaling group whose target groups come from a local may be in any group', () => {
    const plan = balancerPlan(group('fe', [rule('tcp', 8080, 8080, { cidr_blocks: ['10.9.0.0/16'] })], [EGRESS_ALL]), albOpen, { attach: 'none' });
    const asg: TestResource = { address: 'aws_autoscaling_group.x', unknown: { id: true, target_group_arns: true }, expressions: { target_group_arns: ref('local.groups') } };
    const f = finding(checkPlans({ resources: [...plan.resources, asg] }), NET_002, 'end-users -> aws_instance.fe[0]');
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/target_group_arns of aws_autoscaling_group\.x is not known until apply and comes from local\.groups/);
  });
});

const elbPlan = (groups: boolean): TestPlan => ({
  resources: [
    subnet('public', '10.0.0.0/24'),
    subnet('app', '10.0.1.0/24'),
    feFromAlb(),
    albOpen,
    ...instances(2),
    {
      address: 'aws_elb.web',
      values: { listener: [{ lb_port: 443, lb_protocol: 'https', instance_port: 8080, instance_protocol: 'http', ssl_certificate_id: 'arn:cert' }], tags: {} },
      unknown: { id: true, instances: true, security_groups: true, subnets: true, internal: true },
      expressions: {
        instances: ref('aws_instance.fe'),
        subnets: ref('aws_subnet.public.id', 'aws_subnet.public'),
        ...(groups ? { security_groups: ref('aws_security_group.alb.id', 'aws_security_group.alb') } : {}),
        listener: [{ lb_port: constant(443), instance_port: constant(8080) }],
      },
    },
  ],
});


describe('classic ELB', () => {
  it('lb_port 443 to instance_port 8080 on its instances, through its group', () => {
    const [env] = environmentsOf(elbPlan(true));
    expect(env.loadBalancers.map((l) => [l.name, l.listeners.map((x) => [x.port, x.targets, x.targetPort])])).toEqual([['aws_elb.web', [[443, ['aws_instance.fe[0]', 'aws_instance.fe[1]'], 8080]]]]);
    expect(finding(checkPlans(elbPlan(true)), NET_002, 'end-users -> aws_instance.fe[1]').status).toBe('pass');
  });

  it('without security groups it has its VPC default group: unknown', () => {
    expect(finding(checkPlans(elbPlan(false)), NET_002, 'end-users -> aws_instance.fe[1]').status).toBe('unknown');
  });
});

describe('environments', () => {
  it('a balancer joins the environment of its targets; its own tag wins', () => {
    const tagged = (env: string) => {
      const plan = balancerPlan(feFromAlb(), albOpen);
      return {
        resources: plan.resources.map((r) => {
          if (r.address.startsWith('aws_instance.')) return { ...r, values: { ...r.values, tags: { 'topogate-role': 'front-end', 'topogate-environment': 'production' } } };
          if (r.address === 'aws_lb.web' && env) return { ...r, values: { ...r.values, tags: { 'topogate-environment': env } } };
          return r;
        }),
      };
    };
    expect(environmentsOf(tagged('')).map((e) => [e.name, e.loadBalancers.map((l) => l.name)])).toEqual([['production', ['aws_lb.web']]]);
    const staging = environmentsOf(tagged('staging'));
    expect(staging.map((e) => [e.name, e.loadBalancers.map((l) => [l.name, l.listeners[0].targets])])).toEqual([
      ['production', []],
      ['staging', [['aws_lb.web', []]]],
    ]);
  });
});

describe('hostile values never crash', () => {
  const plans = [elbPlan(true), balancerPlan(feFromAlb(), albOpen), balancerPlan(feFromAlb(), albOpen, { type: 'network', groups: null, tg: { target_type: 'ip' }, attach: 'ip' })];
  it('every balancer attribute replaced by null, numbers, strings, lists and objects: a model or an input error', () => {
    let runs = 0;
    for (const plan of plans) {
      for (const v of hostileVariants(plan, /^aws_(lb|elb|alb)/)) {
        runs++;
        try {
          environmentsOf(v.plan);
        } catch (e) {
          if (!(e instanceof InputError)) throw new Error(`${v.name}: ${(e as Error).message}`, { cause: e });
        }
      }
    }
    expect(runs).toBeGreaterThan(100);
  });
});
