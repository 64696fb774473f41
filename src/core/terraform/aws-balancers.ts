import type { FilterLayer, RuleProtocol } from '../model.js';
import { AddressSet } from '../net/cidr.js';
import { blockingLayer, cidrSet, configBlocks, describeAttribute, indexBy, isObjectValue, linkedResources, linksOfExpression } from './plan-context.js';
import type { Links, LinkSpec, PlanContext, ServerNetwork } from './plan-context.js';
import { knownMap, knownString, lookup } from './plan-resources.js';
import type { AttributePath, PlanResource } from './plan-resources.js';
import type { AwsNetwork } from './aws-network.js';
import { asgLaunchPaths } from './aws-autoscaling.js';
import { environmentTagOf, internalSchemeLayer, ipv4OnlyLayer, listenersByTargetPort, portAt, singleValue, unknownSchemeLayer } from './plan-balancers.js';
import type { BalancerDraft, ListenerDraft, PlacedServers } from './plan-balancers.js';

/**
 * AWS load balancers after apply.
 *
 * - An Application Load Balancer (`aws_lb` / `aws_alb`, type `application`) is a proxy: its
 *   security groups filter the clients (ingress) and its traffic to the targets (egress), and
 *   the targets see it, from addresses in its subnets, carrying its groups.
 * - A Network Load Balancer (type `network`) without security groups filters nothing. Its
 *   target groups decide what the targets see (AWS's client IP preservation): the client's
 *   address for instance targets and for UDP / TCP_UDP, the NLB's own private addresses for IP
 *   targets over TCP / TLS, unless `preserve_client_ip` says otherwise. An NLB with security
 *   groups filters the clients with them, and its traffic to the targets passes their egress;
 *   with the client's address preserved, a target rule naming the NLB's group still admits it
 *   (AWS documents this), so the forwarded traffic carries the NLB's groups as well.
 * - A classic ELB (`aws_elb`) is a proxy with security groups (the VPC's default group when it
 *   names none), listeners `lb_port` -> `instance_port`.
 * - Listeners (`aws_lb_listener`) forward by their default actions and the rules
 *   (`aws_lb_listener_rule`) on them, to target groups, including weighted `forward` blocks
 *   (a group of weight 0 gets nothing). Target groups hold attachments
 *   (`aws_lb_target_group_attachment`, by instance or by IP) and autoscaling groups
 *   (`target_group_arns`, `aws_autoscaling_attachment`, `aws_autoscaling_traffic_source_attachment`),
 *   whose instances are the servers of their launch template or launch configuration.
 * - An internal balancer is not reachable from the internet.
 * - An ALB or NLB sends nothing to an instance in an Availability Zone it is not enabled in
 *   (the zones of its `subnets` / `subnet_mapping`): that target's second hop is blocked, where
 *   both zones are known.
 * What cannot be resolved makes the listener's targets unknown, naming the attribute.
 */

const LB_TYPES: ReadonlySet<string> = new Set(['aws_lb', 'aws_alb']);
const LISTENER_TYPES: ReadonlySet<string> = new Set(['aws_lb_listener', 'aws_alb_listener']);
const LISTENER_RULE_TYPES = ['aws_lb_listener_rule', 'aws_alb_listener_rule'];
const TG_TYPES: ReadonlySet<string> = new Set(['aws_lb_target_group', 'aws_alb_target_group']);
const ATTACHMENT_TYPES = ['aws_lb_target_group_attachment', 'aws_alb_target_group_attachment'];
const INSTANCE: ReadonlySet<string> = new Set(['aws_instance']);
const LAUNCH_CONFIGURATION: ReadonlySet<string> = new Set(['aws_launch_configuration']);
const LAUNCH_TEMPLATE: ReadonlySet<string> = new Set(['aws_launch_template']);
const ASG: ReadonlySet<string> = new Set(['aws_autoscaling_group']);
const ELB: ReadonlySet<string> = new Set(['aws_elb']);
const SUBNET: ReadonlySet<string> = new Set(['aws_subnet', 'aws_default_subnet']);

/** A target registered in a target group or classic ELB; `port` overrides the group's; `anyZone` for `availability_zone = "all"`. */
interface Member {
  res: PlanResource;
  port?: number;
  anyZone?: boolean;
}

/** What a target group or classic ELB forwards to. */
interface Pool {
  members: Member[];
  unknown: string[];
}

function listenerProtocol(value: unknown): RuleProtocol | undefined {
  switch (String(value).toUpperCase()) {
    case 'HTTP':
    case 'HTTPS':
    case 'TCP':
    case 'TLS':
    case 'SSL':
      return 'tcp';
    case 'UDP':
      return 'udp';
    case 'TCP_UDP':
      return 'all';
    default:
      return undefined;
  }
}

const isIp = (v: string) => cidrSet([v]).invalid.length === 0 && !v.includes('/');

export function buildAwsBalancers(ctx: PlanContext, network: AwsNetwork, servers: PlacedServers): BalancerDraft[] {
  const managed = (types: Iterable<string>) => [...types].flatMap((t) => ctx.ofType(t)).filter((r) => r.mode === 'managed');
  const lbs = managed(LB_TYPES);
  const elbs = managed(ELB);
  const tgs = managed(TG_TYPES);
  const asgs = managed(ASG);
  const listeners = managed(LISTENER_TYPES);
  const spec = (types: ReadonlySet<string>, byId: ReadonlyMap<string, PlanResource>, what: string): LinkSpec => ({ types, byId, what });
  const specs = {
    lb: spec(LB_TYPES, indexBy(lbs, ['arn', 'id']), 'load balancer'),
    tg: spec(TG_TYPES, indexBy(tgs, ['arn', 'id']), 'target group'),
    listener: spec(LISTENER_TYPES, indexBy(listeners, ['arn', 'id']), 'listener'),
    elb: spec(ELB, indexBy(elbs, ['name', 'id']), 'classic load balancer'),
    asg: spec(ASG, indexBy(asgs, ['name', 'id', 'arn']), 'autoscaling group'),
    instance: spec(INSTANCE, indexBy(managed(INSTANCE), ['id', 'arn']), 'instance'),
    lc: spec(LAUNCH_CONFIGURATION, indexBy(managed(LAUNCH_CONFIGURATION), ['name', 'id']), 'launch configuration'),
    lt: spec(LAUNCH_TEMPLATE, indexBy(managed(LAUNCH_TEMPLATE), ['id', 'name', 'arn']), 'launch template'),
    subnet: spec(SUBNET, indexBy(managed(SUBNET), ['id']), 'subnet'),
  };
  const link = (res: PlanResource, path: AttributePath, s: LinkSpec) => linkedResources(ctx, res, path, s);

  const pools = new Map<string, Pool>();
  const poolOf = (res: PlanResource): Pool => {
    let p = pools.get(res.address);
    if (!p) pools.set(res.address, (p = { members: [], unknown: [] }));
    return p;
  };
  /** Reasons some target group (or classic ELB) of the plan gains targets that are not known. */
  const anyTargetGroup: string[] = [];
  const anyElb: string[] = [];

  /** Members from linked instances, and from addresses (IP targets) that are servers' addresses. */
  const membersOf = (links: Links, port?: number): Member[] => {
    const out: Member[] = links.targets.filter((t) => servers.isServer(t)).map((res) => ({ res, port }));
    for (const ip of links.external) if (isIp(ip)) for (const res of servers.withAddress(ip)) out.push({ res, port });
    return out;
  };

  const asgMembers = new Map<string, { members: PlanResource[]; unknown: string[] }>();
  const membersOfAsg = (asg: PlanResource) => {
    let m = asgMembers.get(asg.address);
    if (m) return m;
    m = { members: [], unknown: [] };
    const { configurations, templates } = asgLaunchPaths(asg);
    for (const [path, s] of [...configurations.map((p) => [p, specs.lc] as const), ...templates.map((p) => [p, specs.lt] as const)]) {
      const l = link(asg, path, s);
      for (const t of l.targets) if (servers.isServer(t) && !m.members.includes(t)) m.members.push(t);
      m.unknown.push(...l.unknown);
    }
    asgMembers.set(asg.address, m);
    return m;
  };
  /** An autoscaling group registered in a pool: its instances are its template's servers. */
  const addAsg = (pool: Pool, asgs: Links) => {
    for (const asg of asgs.targets) {
      const m = membersOfAsg(asg);
      pool.members.push(...m.members.map((res) => ({ res })));
      pool.unknown.push(...m.unknown);
    }
    pool.unknown.push(...asgs.unknown);
  };
  /** A pool link that cannot be resolved may be any pool of its kind. */
  const addToPools = (pools: Links, add: (pool: Pool) => void, floating: string[]) => {
    for (const p of pools.targets) add(poolOf(p));
    floating.push(...pools.unknown);
  };

  /** Why an NLB listener forwarding to an ALB target group has targets that are not known. */
  const albBehind = (tg: PlanResource): string => {
    const names: string[] = [];
    for (const att of managed(ATTACHMENT_TYPES)) {
      if (!link(att, ['target_group_arn'], specs.tg).targets.includes(tg)) continue;
      const target = link(att, ['target_id'], specs.lb);
      for (const lb of target.targets) if (!names.includes(lb.address)) names.push(lb.address);
      if (target.targets.length === 0 && !names.includes(att.address)) names.push(`the ALB that ${att.address} registers`);
    }
    const which = names.length === 0 ? `the ALB of ${tg.address}` : names.join(', ');
    return `an ALB behind this NLB is not followed: ${tg.address} (target_type = "alb") forwards to ${which}, whose listeners and targets are not checked on this path`;
  };
  // Target group attachments.
  const tgInfo = new Map<string, ReturnType<typeof targetGroupInfo>>();
  const infoOf = (tg: PlanResource) => {
    let i = tgInfo.get(tg.address);
    if (!i) tgInfo.set(tg.address, (i = targetGroupInfo(ctx, tg)));
    return i;
  };
  for (const att of managed(ATTACHMENT_TYPES)) {
    const groups = link(att, ['target_group_arn'], specs.tg);
    const target = link(att, ['target_id'], specs.instance);
    const port = portAt(ctx, att, ['port'], { computedDefault: [] });
    // An IP target outside the VPC registered in every zone.
    const anyZone = knownString(att, ['availability_zone']) === 'all';
    addToPools(
      groups,
      (pool) => {
        pool.members.push(...membersOf(target, port.port).map((m) => (anyZone ? { ...m, anyZone } : m)));
        pool.unknown.push(...target.unknown, ...(port.unknown ? [port.unknown] : []));
      },
      anyTargetGroup,
    );
  }
  // Autoscaling groups and their attachments.
  for (const asg of asgs) {
    const self: Links = { targets: [asg], external: [], unknown: [], computed: false };
    addToPools(link(asg, ['target_group_arns'], specs.tg), (pool) => addAsg(pool, self), anyTargetGroup);
    addToPools(link(asg, ['load_balancers'], specs.elb), (pool) => addAsg(pool, self), anyElb);
  }
  for (const att of managed(['aws_autoscaling_attachment'])) {
    const group = link(att, ['autoscaling_group_name'], specs.asg);
    for (const path of [['lb_target_group_arn'], ['alb_target_group_arn']]) addToPools(link(att, path, specs.tg), (pool) => addAsg(pool, group), anyTargetGroup);
    addToPools(link(att, ['elb'], specs.elb), (pool) => addAsg(pool, group), anyElb);
  }
  for (const att of managed(['aws_autoscaling_traffic_source_attachment'])) {
    const group = link(att, ['autoscaling_group_name'], specs.asg);
    const type = singleValue(ctx, att, ['traffic_source', 0, 'type'], { computedDefault: [] });
    const kinds = type.unknown ? (['elbv2', 'elb'] as const) : type.value === 'elbv2' ? (['elbv2'] as const) : type.value === 'elb' ? (['elb'] as const) : [];
    for (const kind of kinds) {
      const pools = link(att, ['traffic_source', 0, 'identifier'], kind === 'elb' ? specs.elb : specs.tg);
      addToPools(pools, (pool) => addAsg(pool, group), kind === 'elb' ? anyElb : anyTargetGroup);
    }
  }
  // Classic ELBs: their `instances` and `aws_elb_attachment`.
  for (const elb of elbs) {
    const instances = link(elb, ['instances'], specs.instance);
    const pool = poolOf(elb);
    pool.members.push(...membersOf(instances));
    pool.unknown.push(...instances.unknown);
  }
  for (const att of managed(['aws_elb_attachment'])) {
    const instances = link(att, ['instance'], specs.instance);
    addToPools(
      link(att, ['elb'], specs.elb),
      (pool) => {
        pool.members.push(...membersOf(instances));
        pool.unknown.push(...instances.unknown);
      },
      anyElb,
    );
  }

  // Target groups of each listener: its default actions and the rules on it.
  const forwardsOf = (res: PlanResource, attribute: string): { groups: PlanResource[]; unknown: string[] } => {
    const out = { groups: [] as PlanResource[], unknown: [] as string[] };
    const add = (l: Links) => {
      for (const g of l.targets) if (!out.groups.includes(g)) out.groups.push(g);
      out.unknown.push(...l.unknown);
    };
    const actions = lookup(res, [attribute]);
    if (actions.state === 'unknown') {
      out.unknown.push(`${describeAttribute(res, [attribute])} is not known until apply`);
      return out;
    }
    if (actions.state !== 'known' || !Array.isArray(actions.value)) return out;
    actions.value.forEach((action, i) => {
      const type = singleValue(ctx, res, [attribute, i, 'type']);
      if (type.unknown) out.unknown.push(type.unknown);
      else if (type.value !== 'forward') return;
      add(link(res, [attribute, i, 'target_group_arn'], specs.tg));
      // `forward { target_group { arn, weight } }` is a set: blocks are matched by value, not position.
      const base: AttributePath = [attribute, i, 'forward', 0, 'target_group'];
      const blocks = lookup(res, base);
      const planBlocks: unknown[] = blocks.state === 'known' && Array.isArray(blocks.value) ? blocks.value : [];
      if (blocks.state === 'known' && planBlocks.every((b) => isObjectValue(b) && typeof b.arn === 'string' && b.arn !== '')) {
        planBlocks.forEach((b, j) => {
          if (isObjectValue(b) && b.weight !== 0) add(link(res, [...base, j, 'arn'], specs.tg));
        });
        return;
      }
      for (const b of configBlocks(ctx, res, base) ?? []) {
        const weight = isObjectValue(b.weight) ? b.weight.constant_value : undefined;
        if (weight === 0 || weight === '0') continue;
        add(linksOfExpression(ctx, res, b.arn, specs.tg, describeAttribute(res, [...base, 'arn'])));
      }
      if (blocks.state === 'unknown' && configBlocks(ctx, res, base) === undefined) out.unknown.push(`${describeAttribute(res, base)} is not known until apply`);
    });
    return out;
  };
  /** What a listener that forwards nowhere does itself: its redirect or fixed response. */
  const answeredBy = (l: PlanResource): string | undefined => {
    const actions = lookup(l, ['default_action']);
    if (actions.state !== 'known' || !Array.isArray(actions.value)) return undefined;
    for (const action of actions.value) {
      if (!isObjectValue(action)) continue;
      if (action.type === 'redirect') {
        const r = Array.isArray(action.redirect) && isObjectValue(action.redirect[0]) ? action.redirect[0] : {};
        const part = (v: unknown, same: string) => (typeof v === 'string' && v !== '' && v !== same ? v : undefined);
        const protocol = part(r.protocol, '#{protocol}');
        const port = part(r.port, '#{port}');
        const host = part(r.host, '#{host}');
        const to = [protocol, host, port].filter((x) => x !== undefined).join(':');
        return to === '' ? 'redirects' : `redirects to ${to}`;
      }
      if (action.type === 'fixed-response') return 'answers with a fixed response';
    }
    return undefined;
  };
  const ruleForwards = new Map<string, { groups: PlanResource[]; unknown: string[] }>();
  for (const rule of managed(LISTENER_RULE_TYPES)) {
    const on = link(rule, ['listener_arn'], specs.listener);
    const f = forwardsOf(rule, 'action');
    for (const l of on.targets) {
      const entry = ruleForwards.get(l.address) ?? { groups: [], unknown: [] };
      entry.groups.push(...f.groups.filter((g) => !entry.groups.includes(g)));
      entry.unknown.push(...f.unknown);
      ruleForwards.set(l.address, entry);
    }
  }

  /** Scheme, addresses and filters of a balancer; `groups` false for an NLB without security groups. */
  const balancerNetwork = (lb: PlanResource, groups: boolean): ServerNetwork => {
    const location = ctx.locate(lb);
    // Without groups, the network ACLs of its subnets still filter it (with groups, serverNetwork adds them).
    const own: ServerNetwork = groups ? network.serverNetwork(lb, [['security_groups']]) : { ...network.aclLayers(lb), identities: [], addresses: AddressSet.EMPTY, addressesExact: false };
    const scheme: FilterLayer[] = [];
    const internal = singleValue(ctx, lb, ['internal'], { computedDefault: [false] });
    if (internal.unknown) scheme.push(unknownSchemeLayer(lb, `whether ${lb.address} is internal is not known: ${internal.unknown}`, location));
    else if (internal.value === true || internal.value === 'true') scheme.push(internalSchemeLayer(lb, location, network.networkRanges(), 'internal = false, which replaces it'));
    // ALBs and NLBs are IPv4 unless dual-stack; a classic ELB in a VPC is IPv4 only.
    const family: { value?: unknown; unknown?: string } = lb.type === 'aws_elb' ? { value: 'ipv4' } : singleValue(ctx, lb, ['ip_address_type'], { computedDefault: ['ipv4'] });
    if (family.unknown) scheme.push(unknownSchemeLayer(lb, `whether ${lb.address} accepts IPv6 is not known: ${family.unknown}`, location));
    else if (family.value === 'ipv4' || family.value === undefined) scheme.push(ipv4OnlyLayer(lb, location, { kind: 'resource', address: lb.address, rule: lb.type === 'aws_elb' ? 'IPv6 (an ALB or NLB with ip_address_type = "dualstack"; a classic ELB has none)' : 'ip_address_type = "dualstack"' }));
    return { ...own, ingress: [...scheme, ...own.ingress], identities: [`lb:${lb.address}`, ...own.identities], ...balancerAddresses(lb) };
  };

  /** Where a balancer's nodes take their private addresses: the given ones, else somewhere in its subnets. */
  const balancerAddresses = (lb: PlanResource): { addresses: AddressSet; addressesExact: boolean } => {
    const fallback = { addresses: AddressSet.ALL_V4, addressesExact: false };
    const mappings = lookup(lb, ['subnet_mapping']);
    const subnetLinks: Links[] = [link(lb, ['subnets'], specs.subnet)];
    const fixed: unknown[] = [];
    let everyMappingFixed = mappings.state === 'known' && Array.isArray(mappings.value) && mappings.value.length > 0;
    if (mappings.state === 'known' && Array.isArray(mappings.value)) {
      mappings.value.forEach((m, i) => {
        subnetLinks.push(link(lb, ['subnet_mapping', i, 'subnet_id'], specs.subnet));
        const ip = isObjectValue(m) ? m.private_ipv4_address : undefined;
        if (typeof ip === 'string' && ip !== '') fixed.push(ip);
        else everyMappingFixed = false;
      });
    }
    if (everyMappingFixed) {
      const set = cidrSet(fixed);
      if (set.invalid.length === 0) return { addresses: set.set, addressesExact: true };
    }
    let range = AddressSet.EMPTY;
    for (const l of subnetLinks) {
      if (l.unknown.length > 0 || l.external.length > 0) return fallback;
      for (const s of l.targets) {
        const c = cidrSet([s.values.cidr_block]);
        if (c.set.isEmpty()) return fallback;
        range = range.union(c.set);
      }
    }
    return range.isEmpty() ? fallback : { addresses: range, addressesExact: false };
  };

  /** The Availability Zones of subnets, or undefined where one of them (or its zone) is not known. */
  const zonesOf = (links: readonly Links[]): Set<string> | undefined => {
    const zones = new Set<string>();
    for (const l of links) {
      if (l.unknown.length > 0 || l.external.length > 0) return undefined;
      for (const s of l.targets) {
        const zone = knownString(s, ['availability_zone']);
        if (zone === undefined || zone === '') return undefined;
        zones.add(zone);
      }
    }
    return zones.size > 0 ? zones : undefined;
  };
  /** The zones an ALB or NLB is enabled in: those of its `subnets` and `subnet_mapping`. */
  const balancerZones = (lb: PlanResource): Set<string> | undefined => {
    const mappings = lookup(lb, ['subnet_mapping']);
    if (mappings.state === 'unknown') return undefined;
    const links = [link(lb, ['subnets'], specs.subnet)];
    if (mappings.state === 'known' && Array.isArray(mappings.value)) mappings.value.forEach((_, i) => links.push(link(lb, ['subnet_mapping', i, 'subnet_id'], specs.subnet)));
    return zonesOf(links);
  };
  /** The zone of an instance: its subnet's, else its own `availability_zone`. */
  const instanceZone = (res: PlanResource): string | undefined => {
    if (res.type !== 'aws_instance') return undefined;
    const subnets = link(res, ['subnet_id'], specs.subnet);
    const zones = subnets.targets.length === 1 ? zonesOf([subnets]) : undefined;
    if (zones) return [...zones][0];
    const own = knownString(res, ['availability_zone']);
    return own === '' ? undefined : own;
  };
  /**
   * The layer a balancer puts before a target in a zone it is not enabled in: AWS sends such
   * a target nothing (it is "unused"), whatever the filters allow. Only where both zones are known.
   */
  const zoneLayers = (lb: PlanResource, members: ReadonlyArray<{ res: PlanResource; anyZone?: boolean }>): Map<string, FilterLayer> => {
    const out = new Map<string, FilterLayer>();
    const zones = members.length > 0 ? balancerZones(lb) : undefined;
    if (!zones) return out;
    const location = ctx.locate(lb);
    const sorted = [...zones].sort();
    const enabled = sorted.join(', ');
    const either = sorted.length === 1 ? sorted[0] : `${sorted.slice(0, -1).join(', ')} or ${sorted[sorted.length - 1]}`;
    for (const m of members) {
      if (m.anyZone || out.has(m.res.address)) continue;
      const zone = instanceZone(m.res);
      if (zone === undefined || zones.has(zone)) continue;
      const why = `${m.res.address} is in ${zone}, an Availability Zone ${lb.address} is not enabled in (${enabled}): the balancer sends it nothing`;
      const fix = { kind: 'advice' as const, text: `enable ${zone} on ${lb.address} (a subnet in ${zone} in its subnets or subnet_mapping), or place ${m.res.address} in a subnet in ${either}` };
      out.set(m.res.address, blockingLayer(`Availability Zones of ${lb.address}`, location, { addresses: AddressSet.ALL_V4.union(AddressSet.ALL_V6), identities: [], label: 'anything' }, why, fix));
    }
    return out;
  };

  const drafts: BalancerDraft[] = [];
  const tagsOf = (r: PlanResource) => ({ ...knownMap(r, ['tags_all']), ...knownMap(r, ['tags']) });

  // ALBs and NLBs with their listeners.
  const listenersOf = new Map<string, PlanResource[]>();
  for (const l of listeners) {
    for (const lb of link(l, ['load_balancer_arn'], specs.lb).targets) {
      const list = listenersOf.get(lb.address) ?? [];
      list.push(l);
      listenersOf.set(lb.address, list);
    }
  }
  for (const lb of lbs) {
    const type = singleValue(ctx, lb, ['load_balancer_type'], { computedDefault: ['application'] });
    // A Gateway Load Balancer is a bump in the wire for appliances, not a front for servers.
    if (type.value === 'gateway') continue;
    const nlb = type.value === 'network';
    const location = ctx.locate(lb);
    // An NLB has security groups only when created with them; an ALB always has some.
    const sgs = lookup(lb, ['security_groups']);
    const groups = !nlb || (sgs.state === 'known' && Array.isArray(sgs.value) && sgs.value.length > 0) || (sgs.state === 'unknown' && (!ctx.config.present || ctx.resolver.isSet(lb, 'security_groups')));
    const net = balancerNetwork(lb, groups);
    const out: ListenerDraft[] = [];
    for (const l of listenersOf.get(lb.address) ?? []) {
      const where = ctx.locate(l);
      const port = portAt(ctx, l, ['port']);
      // A listener whose port is not known cannot be placed on a port: it is left out.
      if (port.port === undefined) continue;
      const protocolValue = singleValue(ctx, l, ['protocol'], { computedDefault: [nlb ? 'TCP' : 'HTTP'] });
      const protocol = protocolValue.unknown ? undefined : listenerProtocol(protocolValue.value ?? (nlb ? 'TCP' : 'HTTP'));
      if (!protocolValue.unknown && protocol === undefined) continue;
      const own = forwardsOf(l, 'default_action');
      const rules = ruleForwards.get(l.address);
      const forwardGroups = [...own.groups, ...(rules?.groups ?? []).filter((g) => !own.groups.includes(g))];
      const unknown = [...own.unknown, ...(rules?.unknown ?? []), ...(protocolValue.unknown ? [`the protocol of ${l.address} is not known: ${protocolValue.unknown}`] : [])];
      // An attachment whose target group is not known may register its targets in any of these.
      if (forwardGroups.length > 0) unknown.push(...anyTargetGroup);
      const members: Array<{ res: PlanResource; port: number; preserves?: boolean; anyZone?: boolean }> = [];
      for (const tg of forwardGroups) {
        const info = infoOf(tg);
        if (info.alb) {
          // An NLB in front of an ALB (AWS's pattern for static addresses): the ALB's own filters,
          // listeners and targets would make a second path, which is not modelled. Unknown, naming
          // the ALB, rather than the ALB's scheme or nothing: the targets behind it may well be reached.
          unknown.push(albBehind(tg));
          continue;
        }
        if (info.skip) continue;
        const pool = pools.get(tg.address);
        unknown.push(...(pool?.unknown ?? []), ...info.unknown);
        const preserves = nlb ? info.preserves : undefined;
        if (nlb && preserves === undefined) {
          unknown.push(info.preservesUnknown ?? `whether ${tg.address} preserves client addresses is not known`);
          continue;
        }
        for (const m of pool?.members ?? []) {
          const targetPort = m.port ?? info.port;
          if (targetPort === undefined) unknown.push(info.portUnknown ?? `the port of ${tg.address} is not known`);
          else members.push({ res: m.res, port: targetPort, preserves, ...(m.anyZone ? { anyZone: true } : {}) });
        }
      }
      const answers = forwardGroups.length === 0 && unknown.length === 0 ? answeredBy(l) : undefined;
      const targetLayers = zoneLayers(lb, members);
      out.push(...listenersByTargetPort({ port: port.port, protocol: protocol ?? 'all', location: where, ...(answers ? { answers } : {}), ...(targetLayers.size > 0 ? { targetLayers } : {}) }, members, unknown, port.port));
    }
    drafts.push({
      res: lb,
      network: net,
      listeners: out,
      preservesClientAddress: false,
      forwardedIdentities: nlb && groups ? net.identities.filter((i) => i.startsWith('sg:')) : undefined,
      location,
      environmentTag: environmentTagOf(tagsOf(lb)),
    });
  }

  // Classic ELBs: proxies with inline listeners.
  for (const elb of elbs) {
    const location = ctx.locate(elb);
    const pool = poolOf(elb);
    const unknown = [...pool.unknown, ...anyElb];
    const out: ListenerDraft[] = [];
    const blocks = lookup(elb, ['listener']);
    if (blocks.state === 'known' && Array.isArray(blocks.value)) {
      blocks.value.forEach((_, i) => {
        const port = portAt(ctx, elb, ['listener', i, 'lb_port']);
        if (port.port === undefined) return;
        const protocolValue = singleValue(ctx, elb, ['listener', i, 'lb_protocol']);
        const protocol = protocolValue.unknown ? 'tcp' : listenerProtocol(protocolValue.value);
        if (protocol === undefined) return;
        const instancePort = portAt(ctx, elb, ['listener', i, 'instance_port']);
        const reasons = [...unknown, ...(instancePort.unknown ? [instancePort.unknown] : [])];
        const targetPort = instancePort.port ?? port.port;
        out.push(...listenersByTargetPort({ port: port.port, protocol, location }, instancePort.port === undefined ? [] : pool.members.map((m) => ({ res: m.res, port: targetPort })), reasons, targetPort));
      });
    }
    drafts.push({ res: elb, network: balancerNetwork(elb, true), listeners: out, preservesClientAddress: false, location, environmentTag: environmentTagOf(tagsOf(elb)) });
  }
  return drafts;
}

/** A target group's port, target type and client address preservation (for NLB listeners). */
function targetGroupInfo(ctx: PlanContext, tg: PlanResource): { skip: boolean; alb?: boolean; port?: number; portUnknown?: string; preserves?: boolean; preservesUnknown?: string; unknown: string[] } {
  const unknown: string[] = [];
  const type = singleValue(ctx, tg, ['target_type'], { computedDefault: ['instance'] });
  if (type.unknown) unknown.push(type.unknown);
  // Lambda functions are not servers; an ALB behind an NLB is a second balancer (see albBehind).
  const targetType = typeof type.value === 'string' ? type.value : 'instance';
  if (!type.unknown && targetType === 'lambda') return { skip: true, unknown: [] };
  if (!type.unknown && targetType === 'alb') return { skip: true, alb: true, unknown: [] };
  const port = portAt(ctx, tg, ['port']);
  const protocol = singleValue(ctx, tg, ['protocol']);
  const preserve = singleValue(ctx, tg, ['preserve_client_ip'], { computedDefault: [] });
  let preserves: boolean | undefined;
  let preservesUnknown: string | undefined;
  const proto = typeof protocol.value === 'string' ? protocol.value.toUpperCase() : undefined;
  if (proto === 'UDP' || proto === 'TCP_UDP' || proto === 'QUIC' || proto === 'TCP_QUIC') preserves = true;
  else if (preserve.unknown) preservesUnknown = `${describeAttribute(tg, ['preserve_client_ip'])} is not known: ${preserve.unknown}`;
  else if (preserve.value === true || preserve.value === 'true') preserves = true;
  else if (preserve.value === false || preserve.value === 'false') preserves = false;
  else if (type.unknown) preservesUnknown = `the target type of ${tg.address} is not known, and with it whether it preserves client addresses`;
  // AWS's defaults: preserved for instance targets, not for IP targets over TCP / TLS.
  else preserves = targetType === 'instance';
  if (protocol.unknown && preserves === undefined && preservesUnknown === undefined) preservesUnknown = protocol.unknown;
  return { skip: false, port: port.port, portUnknown: port.unknown, preserves, preservesUnknown, unknown };
}
