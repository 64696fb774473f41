import { awsCidrSet, awsProtocol, rulePorts } from './aws-rule-values.js';
import { buildNetworkAcls } from './aws-network-acls.js';
import { asgLaunchPaths } from './aws-autoscaling.js';
import type { FilterLayer, Origin, Peer, Rule, RuleProtocol, SourceLocation } from '../model.js';
import { AddressSet } from '../net/cidr.js';
import { PortSet } from '../net/ports.js';
import { attributeValues, cidrSet, describeAttribute, fleetOf, indexBy, isConfigured, isObjectValue, keepInstances, linkedResources, mayAllowAnything, mergeLinks, noPublicAddressLayer, privateNetworks, unknownLayer, unknownPeer } from './plan-context.js';
import type { KeptInstances, Links, PlanContext, ServerNetwork } from './plan-context.js';
import { knownNumber, lookup } from './plan-resources.js';
import type { AttributePath, PlanResource } from './plan-resources.js';
import type { BlockMatcher } from './references.js';

/**
 * AWS security groups after apply. A group's rules come from its inline `ingress` /
 * `egress` blocks and from `aws_security_group_rule` and
 * `aws_vpc_security_group_ingress_rule` / `_egress_rule` resources. Groups are allow-only
 * and stateful; an instance gets the union of its groups' rules. Terraform removes the
 * allow-all egress AWS puts on a new group, so a group created here has no egress unless
 * the configuration declares it. Sources that are other groups match the instances in
 * them (identity `sg:<address>`); prefix lists the plan does not define are unknown.
 */

const GROUP_TYPES: ReadonlySet<string> = new Set(['aws_security_group', 'aws_default_security_group']);
const SUBNET_TYPES: ReadonlySet<string> = new Set(['aws_subnet', 'aws_default_subnet']);
const VPC_TYPES: ReadonlySet<string> = new Set(['aws_vpc', 'aws_default_vpc']);

type Direction = 'ingress' | 'egress';

interface Group {
  res: PlanResource;
  identity: string;
  location: SourceLocation;
  ingress: Rule[];
  egress: Rule[];
}


/** Reasons from several sources in one new list (most are empty). */
function concatReasons(...lists: ReadonlyArray<readonly string[]>): string[] {
  const out: string[] = [];
  for (const list of lists) for (const r of list) out.push(r);
  return out;
}

function describeRule(protocol: RuleProtocol, ports: PortSet, portsUnknown: string | undefined): string {
  if (protocol === 'all') return 'all traffic';
  if (protocol !== 'tcp' && protocol !== 'udp') return protocol;
  return `${protocol}/${portsUnknown ? '?' : ports.describe()}`;
}

/** Matches a configuration block of an inline rule set to a plan block by its constant arguments. */
function blockMatcher(block: Record<string, unknown>): BlockMatcher {
  return (config) => {
    for (const field of ['from_port', 'to_port', 'protocol', 'description', 'self']) {
      const e = config[field];
      if (!isObjectValue(e) || !('constant_value' in e)) continue;
      const want = e.constant_value;
      const have = block[field];
      if (have === undefined || have === null) continue;
      const same = field === 'protocol' ? awsProtocol(want) === awsProtocol(have) : String(want) === String(have);
      if (!same) return false;
    }
    return true;
  };
}

export interface AwsNetwork {
  /** The filters, identities and addresses of a server, by the security groups named at `paths`. */
  serverNetwork(res: PlanResource, paths: readonly AttributePath[]): ServerNetwork;
  /** The network ACL layers of a resource's subnets (a balancer without security groups has only these). */
  aclLayers(res: PlanResource): { ingress: FilterLayer[]; egress: FilterLayer[] };
  /** The ranges the plan's VPCs use (addresses inside them are not the internet's). */
  networkRanges(): AddressSet;
  groupCount: number;
}

/** `r`, or a copy that may not apply for `why` (a group a condition picks): a rule already in doubt keeps its reason. */
const mayNotApply = (r: Rule, why: string | undefined): Rule => (why === undefined || r.uncertain !== undefined ? r : { ...r, uncertain: why });

export function buildAwsNetwork(ctx: PlanContext): AwsNetwork {
  const groupResources = [...GROUP_TYPES].flatMap((t) => ctx.ofType(t)).filter((r) => r.mode === 'managed');
  const groupsById = indexBy(groupResources, ['id', 'name', 'arn']);
  const prefixLists = indexBy(ctx.ofType('aws_ec2_managed_prefix_list'), ['id']);
  const subnetsById = indexBy([...SUBNET_TYPES].flatMap((t) => ctx.ofType(t)), ['id']);
  const subnetGroups = indexBy(ctx.ofType('aws_db_subnet_group').filter((r) => r.mode === 'managed'), ['name', 'id']);
  const groups = new Map<string, Group>();
  for (const res of groupResources) {
    groups.set(res.address, { res, identity: `sg:${res.address}`, location: ctx.locate(res), ingress: [], egress: [] });
  }
  /** Rules whose group is not known until apply: they may belong to any group. */
  const floating: Record<Direction, Rule[]> = { ingress: [], egress: [] };

  const groupLinks = (res: PlanResource, path: AttributePath, matchBlock?: BlockMatcher): Links =>
    linkedResources(ctx, res, path, { types: GROUP_TYPES, byId: groupsById, what: 'security group', matchBlock });

  /** The identities a list of linked groups stands for: in-plan groups by address, others by id. */
  const identitiesOf = (links: Links): string[] => {
    const out: string[] = [];
    for (const t of links.targets) out.push(`sg:${t.address}`);
    for (const id of links.external) out.push(`sg:${id.includes('/') ? id.split('/').pop() : id}`);
    return out;
  };

  const entries = prefixListEntries(ctx, prefixLists);

  /** Prefix lists this plan defines become their CIDRs (inline entries and entry resources); others are unknown. */
  const prefixListPeer = (ids: readonly unknown[], label: () => string): { set: AddressSet; unknown: string[] } => {
    if (ids.length === 0) return { set: AddressSet.EMPTY, unknown: [] };
    let set = AddressSet.EMPTY;
    const unknown: string[] = [];
    for (const id of ids) {
      if (typeof id !== 'string') continue;
      const pl = prefixLists.get(id);
      const cidrs = pl ? entries.cidrsOf(pl) : undefined;
      if (!pl || !cidrs) {
        unknown.push(`${label()} names prefix list ${id}, whose CIDRs are not in this plan`);
        continue;
      }
      const parsed = awsCidrSet(cidrs.values);
      set = set.union(parsed.set);
      for (const u of cidrs.unknown) unknown.push(`${label()} names prefix list ${id}: ${u}`);
      for (const c of parsed.invalid) unknown.push(`${label()} names prefix list ${id}, whose entry "${c}" is not a CIDR`);
    }
    return { set, unknown };
  };

  /** Turns the sources of one rule into rules: one for what is known, one per unknown part. */
  const rulesOf = (base: Omit<Rule, 'peer'>, known: { addresses: AddressSet; identities: string[]; label: string }, unknown: string[]): Rule[] => {
    const rules: Rule[] = [];
    // Written out rather than spread: this runs for every rule of every group.
    const rule = (peer: Peer): Rule => {
      const r: Rule = { action: base.action, priority: base.priority, protocol: base.protocol, ports: base.ports, portsUnknown: base.portsUnknown, origin: base.origin, peer };
      if (base.local) r.local = base.local;
      if (base.uncertain) r.uncertain = base.uncertain;
      return r;
    };
    if (!known.addresses.isEmpty() || known.identities.length > 0) rules.push(rule({ addresses: known.addresses, identities: known.identities, label: known.label }));
    if (unknown.length > 0) rules.push(rule(unknownPeer(unknown.join('; '))));
    return rules;
  };

  const peerLabel = (addresses: AddressSet, identities: readonly string[]): string => {
    let label = addresses.isEmpty() ? '' : addresses.describe(3);
    for (const i of identities) label += `${label === '' ? '' : ', '}${i.startsWith('sg:') ? i.slice(3) : i}`;
    return label || 'nothing';
  };

  const RULE_TYPES = ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];
  // Groups that separate rule resources (kept or deleted by this plan) write to: their
  // inline attributes, read back from AWS, mirror those resources.
  const targetedByRules = new Set<string>();
  // Each rule's group, linked once: the rule is added to it below.
  const ruleTargets = new Map<PlanResource, Links>();
  for (const type of RULE_TYPES) {
    for (const r of ctx.ofType(type)) {
      const links = groupLinks(r, ['security_group_id']);
      ruleTargets.set(r, links);
      for (const t of links.targets) targetedByRules.add(t.address);
    }
  }
  for (const r of ctx.state.deleted) {
    const id = RULE_TYPES.includes(r.type) ? r.values.security_group_id : undefined;
    const g = typeof id === 'string' ? groupsById.get(id) : undefined;
    if (g) targetedByRules.add(g.address);
  }

  /**
   * What the separate rule resources of a group (kept, created or deleted by this plan)
   * account for in its inline attribute as AWS reads it back, by direction, protocol and
   * ports. Where configuration does not write the blocks, the attribute holds those rules and
   * any others the group has: rules left inline, added by hand. What no resource accounts
   * for stays after apply.
   */
  interface Accounted { sources: Set<string>; self: boolean; partial?: string }
  const accounted = new Map<string, Accounted>();
  const accountKey = (group: string, dir: string, protocol: string, from: unknown, to: unknown) => `${group}|${dir}|${protocol}|${rulePorts(protocol as RuleProtocol, from, to).ports.describe()}`;
  const account = (r: PlanResource, groupAddress: string) => {
    const v = r.values;
    const vpcRule = r.type !== 'aws_security_group_rule';
    const dir = r.type === 'aws_vpc_security_group_ingress_rule' ? 'ingress' : r.type === 'aws_vpc_security_group_egress_rule' ? 'egress' : v.type;
    const protocol = awsProtocol(vpcRule ? v.ip_protocol : v.protocol);
    if ((dir !== 'ingress' && dir !== 'egress') || !protocol) return;
    const key = accountKey(groupAddress, dir, protocol, v.from_port, v.to_port);
    let a = accounted.get(key);
    if (!a) accounted.set(key, (a = { sources: new Set(), self: false }));
    const fields = vpcRule ? ['cidr_ipv4', 'cidr_ipv6', 'prefix_list_id'] : ['cidr_blocks', 'ipv6_cidr_blocks', 'prefix_list_ids'];
    for (const f of [...fields, vpcRule ? 'referenced_security_group_id' : 'source_security_group_id']) {
      const l = lookup(r, [f]);
      if (l.state === 'unknown') a.partial ??= r.address;
      if (l.state === 'known') for (const x of Array.isArray(l.value) ? l.value : [l.value]) if (typeof x === 'string') a.sources.add(x);
    }
    // A source group created here (id unknown) is known by its address.
    const source = groupLinks(r, [vpcRule ? 'referenced_security_group_id' : 'source_security_group_id']);
    for (const t of source.targets) a.sources.add(`addr:${t.address}`);
    if (!vpcRule && v.self === true) a.self = true;
    if (!vpcRule && lookup(r, ['self']).state === 'unknown') a.partial ??= r.address;
  };
  // Worked out per group, and only for a group whose read-back entries are looked at.
  const rulesOfGroup = new Map<string, PlanResource[]>();
  const ruleOf = (group: string, r: PlanResource) => {
    const list = rulesOfGroup.get(group);
    if (list) list.push(r);
    else rulesOfGroup.set(group, [r]);
  };
  for (const [r, links] of ruleTargets) for (const t of links.targets) ruleOf(t.address, r);
  for (const r of ctx.state.deleted) {
    const id = RULE_TYPES.includes(r.type) ? r.values.security_group_id : undefined;
    const g = typeof id === 'string' ? groupsById.get(id) : undefined;
    if (g) ruleOf(g.address, r);
  }
  // A rule resource this plan replaces or updates: its old rule, which the read-back entries
  // still show, is not in the plan (only what it becomes). Entries left over may be that one.
  const changedRule = new Map<string, string>();
  const accountedDone = new Set<string>();
  const accountedFor = (group: string, dir: string, protocol: string, from: unknown, to: unknown): Accounted | undefined => {
    if (!accountedDone.has(group)) {
      accountedDone.add(group);
      for (const r of rulesOfGroup.get(group) ?? []) {
        account(r, group);
        if ((r.action === 'replace' || r.action === 'update') && !changedRule.has(group)) changedRule.set(group, r.address);
      }
    }
    return accounted.get(accountKey(group, dir, protocol, from, to));
  };

  // Inline rules of each group.
  for (const group of groups.values()) {
    const res = group.res;
    for (const dir of ['ingress', 'egress'] as const) {
      let configured = isConfigured(ctx, res, dir);
      if (configured === 'maybe' && targetedByRules.has(res.address)) configured = 'no';
      const value = lookup(res, [dir]);
      if (value.state === 'unknown') {
        // Not written in configuration: the attribute mirrors the separate rule resources (or
        // is empty: Terraform strips AWS's default egress from a group it creates).
        if (configured === 'yes') {
          group[dir].push(mayAllowAnything(`the ${dir} rules of ${res.address} are not known until apply`, { label: `${res.address} ${dir}`, location: group.location }));
        }
        continue;
      }
      if (value.state !== 'known' || !Array.isArray(value.value)) continue;
      // A value from state when configuration does not write the blocks holds the separate
      // rule resources' rules (those resources decide, including ones this plan deletes) and
      // any the group has beside them, which stay: only what no resource accounts for counts.
      const residual = configured === 'no';
      // aws_default_security_group manages every rule: blocks the configuration leaves out are revoked.
      if (residual && res.type === 'aws_default_security_group') continue;
      // Plans leave nested blocks of attributes-as-blocks out of `configuration` (unless written
      // as `ingress = [...]`): an unknown value inside one cannot be followed.
      const recorded = ctx.resolver.isSet(res, dir);
      const unrecorded = `the plan's configuration does not record the ${dir} block it is written in`;
      const blocks: unknown[] = value.value;
      for (let i = 0; i < blocks.length; i++) {
        const block = blocks[i];
        if (!isObjectValue(block)) continue;
        const matchBlock = blockMatcher(block);
        const fieldOptions = recorded ? { matchBlock, computedDefault: [] } : { unrecorded };
        const protocol = awsProtocol(block.protocol);
        const where: AttributePath = [dir, i];
        const origin = (text: string): Origin => ({ label: `${res.address} ${dir} rule ${text}`, location: group.location });
        if (!protocol) {
          group[dir].push(mayAllowAnything(`${describeAttribute(res, [...where, 'protocol'])} is not known until apply`, origin('(protocol unknown)')));
          continue;
        }
        const ports = rulePorts(protocol, block.from_port, block.to_port);
        const cidrs = attributeValues(ctx, res, [...where, 'cidr_blocks'], fieldOptions);
        const cidrs6 = attributeValues(ctx, res, [...where, 'ipv6_cidr_blocks'], fieldOptions);
        let sgs = groupLinks(res, [...where, 'security_groups'], matchBlock);
        if (sgs.computed && !recorded) sgs.unknown.push(`${describeAttribute(res, [...where, 'security_groups'])} is not known until apply, and ${unrecorded}`);
        const pls = attributeValues(ctx, res, [...where, 'prefix_list_ids'], fieldOptions);
        let self = block.self === true;
        /** Why a left-over entry may be a rule resource's after all: then it is uncertain. */
        let mayBeAccounted: string | undefined;
        if (residual) {
          // Only the sources no rule resource accounts for: those are rules of their own.
          const a = accountedFor(res.address, dir, protocol, block.from_port, block.to_port);
          if (a) {
            const free = (x: unknown) => !(typeof x === 'string' && a.sources.has(x));
            cidrs.values = cidrs.values.filter(free);
            cidrs6.values = cidrs6.values.filter(free);
            pls.values = pls.values.filter(free);
            sgs = { ...sgs, targets: sgs.targets.filter((t) => !a.sources.has(`addr:${t.address}`) && free(t.values.id)), external: sgs.external.filter((id) => free(id) && free(id.split('/').pop())) };
            self = self && !a.self;
            if (a.partial) mayBeAccounted = `this ${dir} entry of ${res.address} may be the rule of ${a.partial}, whose sources are not known until apply`;
          }
          if (cidrs.values.length === 0 && cidrs6.values.length === 0 && pls.values.length === 0 && sgs.targets.length === 0 && sgs.external.length === 0 && !self) continue;
          const changed = changedRule.get(res.address);
          if (changed && mayBeAccounted === undefined) mayBeAccounted = `this ${dir} entry of ${res.address} may be the old rule of ${changed}, which this plan replaces`;
        }
        const parsed = awsCidrSet(cidrs6.values.length === 0 ? cidrs.values : [...cidrs.values, ...cidrs6.values]);
        const pl = prefixListPeer(pls.values, () => describeAttribute(res, [...where, 'prefix_list_ids']));
        const identities = identitiesOf(sgs);
        if (self) identities.push(group.identity);
        const addresses = parsed.set.union(pl.set);
        const unknown = concatReasons(cidrs.unknown, cidrs6.unknown, sgs.unknown, pls.unknown, pl.unknown);
        // self unknown until apply: the group's own members may be admitted, or not.
        if (lookup(res, [...where, 'self']).state === 'unknown') unknown.push(`${describeAttribute(res, [...where, 'self'])} is not known until apply`);
        for (const c of parsed.invalid) unknown.push(`"${c}" in ${describeAttribute(res, [...where, 'cidr_blocks'])} is not a CIDR`);
        const label = peerLabel(addresses, identities);
        const text = `${describeRule(protocol, ports.ports, ports.unknown)} ${dir === 'ingress' ? 'from' : 'to'} ${label}`;
        // Left beside a rule resource whose sources are not known until apply: it may be that one's.
        const uncertain = sgs.choice ?? mayBeAccounted;
        for (const rule of rulesOf({ action: 'allow', priority: 0, protocol, ports: ports.ports, portsUnknown: ports.unknown, origin: origin(text), uncertain }, { addresses, identities, label }, unknown)) group[dir].push(rule);
      }
    }
  }

  // Separate rule resources, added to the group their security_group_id links to (above).
  const addRule = (res: PlanResource, dir: Direction | undefined, build: (group: Group | undefined) => Rule[]) => {
    const target = ruleTargets.get(res) ?? groupLinks(res, ['security_group_id']);
    const location = ctx.locate(res);
    const dirs: Direction[] = dir ? [dir] : ['ingress', 'egress'];
    for (const g of target.targets) {
      const group = groups.get(g.address);
      // Attached to one of several groups a condition picks: in each, a rule that may not be there.
      if (group) for (const d of dirs) for (const r of build(group)) group[d].push(mayNotApply(r, target.choice));
    }
    if (target.unknown.length > 0 || (target.targets.length === 0 && target.external.length === 0)) {
      const why = target.unknown.join('; ') || `${describeAttribute(res, ['security_group_id'])} is not known until apply`;
      const local: Peer = unknownPeer(why);
      for (const d of dirs) for (const rule of build(undefined)) floating[d].push({ ...rule, local, origin: { ...rule.origin, location } });
    }
  };

  for (const res of ctx.ofType('aws_security_group_rule')) {
    if (res.mode !== 'managed') continue;
    const type = lookup(res, ['type']);
    const dir = type.state === 'known' && (type.value === 'ingress' || type.value === 'egress') ? type.value : undefined;
    const location = ctx.locate(res);
    addRule(res, dir, (group) => {
      const protocol = awsProtocol(res.values.protocol);
      if (!protocol) return [mayAllowAnything(`${describeAttribute(res, ['protocol'])} is not known until apply`, { label: res.address, location })];
      const ports = rulePorts(protocol, res.values.from_port, res.values.to_port);
      const cidrs = attributeValues(ctx, res, ['cidr_blocks'], { computedDefault: [] });
      const cidrs6 = attributeValues(ctx, res, ['ipv6_cidr_blocks'], { computedDefault: [] });
      const parsed = awsCidrSet([...cidrs.values, ...cidrs6.values]);
      const pls = attributeValues(ctx, res, ['prefix_list_ids'], { computedDefault: [] });
      const pl = prefixListPeer(pls.values, () => describeAttribute(res, ['prefix_list_ids']));
      const self = res.values.self === true;
      const identities: string[] = [];
      const unknown = concatReasons(cidrs.unknown, cidrs6.unknown, pls.unknown, pl.unknown);
      if (lookup(res, ['self']).state === 'unknown') unknown.push(`${describeAttribute(res, ['self'])} is not known until apply`);
      for (const c of parsed.invalid) unknown.push(`"${c}" in ${describeAttribute(res, ['cidr_blocks'])} is not a CIDR`);
      if (self) {
        if (group) identities.push(group.identity);
        else unknown.push(`${describeAttribute(res, ['security_group_id'])} is not known until apply, so the group that self = true names is unknown`);
      }
      // source_security_group_id conflicts with cidr_blocks, ipv6_cidr_blocks and self (not
      // with prefix_list_ids: both go into one permission): it only matters without them.
      const hasOther = !parsed.set.isEmpty() || parsed.invalid.length > 0 || self || cidrs.unknown.length > 0 || cidrs6.unknown.length > 0;
      let uncertain: string | undefined;
      if (!hasOther) {
        const source = groupLinks(res, ['source_security_group_id']);
        uncertain = source.choice;
        identities.push(...identitiesOf(source));
        unknown.push(...source.unknown);
        if (source.computed && source.targets.length === 0 && source.external.length === 0 && identities.length === 0 && unknown.length === 0 && pls.values.length === 0) {
          unknown.push(`${res.address} has no source: none of cidr_blocks, ipv6_cidr_blocks, prefix_list_ids, self or source_security_group_id is known`);
        }
      }
      const addresses = parsed.set.union(pl.set);
      const label = peerLabel(addresses, identities);
      const text = `(${dir ?? '?'} ${describeRule(protocol, ports.ports, ports.unknown)} ${dir === 'egress' ? 'to' : 'from'} ${label})`;
      return rulesOf({ action: 'allow', priority: 0, protocol, ports: ports.ports, portsUnknown: ports.unknown, origin: { label: `${res.address} ${text}`, location }, uncertain }, { addresses, identities, label }, unknown);
    });
  }

  for (const [type, dir] of [['aws_vpc_security_group_ingress_rule', 'ingress'], ['aws_vpc_security_group_egress_rule', 'egress']] as const) {
    for (const res of ctx.ofType(type)) {
      if (res.mode !== 'managed') continue;
      const location = ctx.locate(res);
      addRule(res, dir, () => {
        const protocol = awsProtocol(res.values.ip_protocol);
        if (!protocol) return [mayAllowAnything(`${describeAttribute(res, ['ip_protocol'])} is not known until apply`, { label: res.address, location })];
        const ports = rulePorts(protocol, res.values.from_port, res.values.to_port);
        const v4 = attributeValues(ctx, res, ['cidr_ipv4'], { computedDefault: [] });
        const v6 = attributeValues(ctx, res, ['cidr_ipv6'], { computedDefault: [] });
        const parsed = awsCidrSet([...v4.values, ...v6.values]);
        const pls = attributeValues(ctx, res, ['prefix_list_id'], { computedDefault: [] });
        const pl = prefixListPeer(pls.values, () => describeAttribute(res, ['prefix_list_id']));
        const source = groupLinks(res, ['referenced_security_group_id']);
        const identities = identitiesOf(source);
        const addresses = parsed.set.union(pl.set);
        const unknown = concatReasons(v4.unknown, v6.unknown, pls.unknown, pl.unknown, source.unknown);
        for (const c of parsed.invalid) unknown.push(`"${c}" in ${res.address} is not a CIDR`);
        const label = peerLabel(addresses, identities);
        const text = `(${describeRule(protocol, ports.ports, ports.unknown)} ${dir === 'ingress' ? 'from' : 'to'} ${label})`;
        return rulesOf({ action: 'allow', priority: 0, protocol, ports: ports.ports, portsUnknown: ports.unknown, origin: { label: `${res.address} ${text}`, location }, uncertain: source.choice }, { addresses, identities, label }, unknown);
      });
    }
  }

  const interfaces = interfaceGroups(ctx, groupLinks);
  const networkAcls = buildNetworkAcls(ctx, SUBNET_TYPES, (res, path) => linkedResources(ctx, res, path, { types: SUBNET_TYPES, byId: subnetsById, what: 'subnet' }));

  // Which VPCs a server's private address reaches: VPC peerings join two; transit gateways,
  // VPN and Direct Connect route in ways not read here.
  const vpcsById = indexBy([...VPC_TYPES].flatMap((t) => ctx.ofType(t)).filter((r) => r.mode === 'managed'), ['id']);
  const vpcKey = (res: PlanResource, path: AttributePath): string | undefined => {
    const l = linkedResources(ctx, res, path, { types: VPC_TYPES, byId: vpcsById, what: 'VPC' });
    if (l.unknown.length > 0 || l.targets.length + l.external.length !== 1) return undefined;
    return l.targets[0]?.address ?? `VPC ${l.external[0]}`;
  };
  const networkOf = privateNetworks(
    ctx,
    ctx.ofType('aws_vpc_peering_connection').filter((r) => r.mode === 'managed').map((p) => [vpcKey(p, ['vpc_id']), vpcKey(p, ['peer_vpc_id'])] as const),
    ['aws_ec2_transit_gateway_vpc_attachment', 'aws_vpn_connection', 'aws_vpn_gateway', 'aws_vpn_gateway_attachment', 'aws_dx_gateway_association', 'aws_ec2_transit_gateway_peering_attachment', 'aws_networkmanager_vpc_attachment', 'aws_vpc_peering_connection_accepter'],
  );
  /** The VPC of a server: the one VPC of the subnets it is placed in. */
  const vpcOf = (res: PlanResource, eni: PlanResource | undefined): string | undefined => {
    const subnets = placedSubnets(ctx, res, eni, subnetsById, subnetGroups);
    if (!subnets || subnets.unknown.length > 0 || subnets.external.length > 0) return undefined;
    const vpcs = new Set(subnets.targets.map((s) => vpcKey(s, ['vpc_id'])));
    return vpcs.size === 1 ? [...vpcs][0] : undefined;
  };

  const defaultGroups = groupResources.filter((g) => g.type === 'aws_default_security_group');
  /**
   * What the autoscaling groups of the plan that launch from a template or configuration say
   * of its instances: where they get their addresses (the groups' subnets, `vpc_zone_identifier`;
   * undefined where one of those is not known, or no group uses it), how many run and how many may.
   */
  interface Launched extends KeptInstances { range: AddressSet | undefined }
  let launches: Map<PlanResource, Launched> | undefined;
  const launchedFrom = (template: PlanResource): Launched | undefined => {
    if (!launches) {
      launches = new Map();
      const launchTypes = new Set(['aws_launch_template', 'aws_launch_configuration']);
      const byId = indexBy([...launchTypes].flatMap((t) => ctx.ofType(t)).filter((r) => r.mode === 'managed'), ['id', 'name', 'arn']);
      for (const asg of ctx.ofType('aws_autoscaling_group')) {
        if (asg.mode !== 'managed') continue;
        const { configurations, templates: templatePaths } = asgLaunchPaths(asg);
        const templates = new Set([...configurations, ...templatePaths].flatMap((path) => linkedResources(ctx, asg, path, { types: launchTypes, byId, what: 'launch template' }).targets));
        const range = subnetsRange(linkedResources(ctx, asg, ['vpc_zone_identifier'], { types: SUBNET_TYPES, byId: subnetsById, what: 'subnet' }));
        const count = Math.max(...['min_size', 'desired_capacity'].map((a) => knownNumber(asg, [a]) ?? 0));
        // It may scale out to max_size (a maximum unknown until apply counts what it keeps).
        const most = knownNumber(asg, ['max_size']) ?? count;
        for (const t of templates) {
          const before = launches.get(t) ?? { range: AddressSet.EMPTY, count: 0, groups: [], most: 0, scaling: [] };
          launches.set(t, { ...keepInstances(before, asg.address, count, most), range: before.range === undefined || range === undefined ? undefined : before.range.union(range) });
        }
      }
    }
    return launches.get(template);
  };
  const sharedLayers = new Map<string, { ingress: FilterLayer; egress: FilterLayer }>();
  // Ranges the plan's VPCs use: a server or internal balancer stays reachable from them.
  let vpcRanges: AddressSet | undefined;
  const networkRanges = (): AddressSet => {
    if (vpcRanges) return vpcRanges;
    const values: unknown[] = [];
    const managed = (types: readonly string[]) => types.flatMap((t) => ctx.ofType(t)).filter((r) => r.mode === 'managed');
    for (const r of managed(['aws_vpc', 'aws_default_vpc', 'aws_subnet', 'aws_default_subnet'])) values.push(r.values.cidr_block, r.values.ipv6_cidr_block);
    for (const r of managed(['aws_vpc_ipv4_cidr_block_association'])) values.push(r.values.cidr_block);
    for (const r of managed(['aws_vpc_ipv6_cidr_block_association'])) values.push(r.values.ipv6_cidr_block);
    return (vpcRanges = cidrSet(values.filter((v) => typeof v === 'string' && v !== '')).set);
  };

  // Elastic IPs of the plan: the instances they may be associated with, or why any may be.
  let eips: { instances: Set<string>; anywhere?: string } | undefined;
  const elasticIps = (): { instances: Set<string>; anywhere?: string } => {
    if (eips) return eips;
    const out: { instances: Set<string>; anywhere?: string } = { instances: new Set() };
    const instances = ctx.ofType('aws_instance');
    const byId = indexBy(instances, ['id']);
    const enisById = indexBy(ctx.ofType('aws_network_interface'), ['id']);
    for (const eip of ['aws_eip', 'aws_eip_association'].flatMap((t) => ctx.ofType(t)).filter((r) => r.mode === 'managed')) {
      const [instance, eni] = eip.type === 'aws_eip' ? ['instance', 'network_interface'] : ['instance_id', 'network_interface_id'];
      const l = linkedResources(ctx, eip, [instance], { types: INSTANCE_TYPES, byId, what: 'instance' });
      for (const t of l.targets) out.instances.add(t.address);
      if (l.unknown.length > 0 || l.external.length > 0 || l.choice !== undefined) out.anywhere ??= `${eip.address} may be associated with it`;
      // Computed (unknown) on every new address: only a configured interface counts.
      const onEni = linkedResources(ctx, eip, [eni], { types: ENI_TYPES, byId: enisById, what: 'network interface' });
      if (onEni.targets.length > 0 || onEni.external.length > 0 || onEni.unknown.length > 0) out.anywhere ??= `${eip.address} is associated with a network interface`;
    }
    return (eips = out);
  };

  /** The layer of a server the plan gives no public IPv4 address (AWS's own setting says so). */
  const publicAddressLayer = (res: PlanResource, location: SourceLocation): FilterLayer | undefined => {
    const path: AttributePath | undefined =
      res.type === 'aws_launch_template' ? ['network_interfaces', 0, 'associate_public_ip_address'] : res.type === 'aws_instance' || res.type === 'aws_launch_configuration' ? ['associate_public_ip_address'] : undefined;
    const v = path && lookup(res, path);
    if (!v) return undefined;
    const instance = res.type === 'aws_instance';
    const setting = v.state === 'known' && (v.value === false || v.value === 'false') ? `${path.join('.')} = false` : instance && v.state !== 'known' ? subnetDefault(res) : undefined;
    if (setting === undefined) return undefined;
    if (instance && (elasticIps().anywhere !== undefined || elasticIps().instances.has(res.address))) return undefined;
    return noPublicAddressLayer(
      res,
      location,
      networkRanges(),
      `${setting}${instance ? ', and no Elastic IP of this plan is associated with it' : ''}`,
      `give ${res.address} a public address (${path.join('.')} = true${instance ? ', or an aws_eip' : ''}), or bring these clients in through an internet-facing load balancer`,
    );
  };

  /**
   * An instance that does not set associate_public_ip_address takes its subnet's
   * map_public_ip_on_launch (AWS's default for a subnet it creates: false); why it gets no
   * public address when the plan's subnet says false. Launched on an interface of its own,
   * or in a subnet not known, it is not decided here.
   */
  const subnetDefault = (res: PlanResource): string | undefined => {
    const blocks = lookup(res, ['network_interface']);
    // A plain argument the configuration does not record is not set (only blocks may hide in `dynamic`).
    const unset = ctx.config.present && ctx.resolver.configOf(res) !== undefined ? !ctx.resolver.isSet(res, 'associate_public_ip_address') : isConfigured(ctx, res, 'associate_public_ip_address') === 'no';
    if (!unset || (blocks.state === 'known' && Array.isArray(blocks.value) && blocks.value.length > 0)) return undefined;
    const subnet = linkedResources(ctx, res, ['subnet_id'], { types: SUBNET_TYPES, byId: subnetsById, what: 'subnet' });
    if (subnet.targets.length !== 1 || subnet.unknown.length > 0 || subnet.external.length > 0 || subnet.choice !== undefined) return undefined;
    const map = lookup(subnet.targets[0], ['map_public_ip_on_launch']);
    if (map.state !== 'known' || !(map.value === false || map.value === 'false')) return undefined;
    return `associate_public_ip_address is not set, so it follows its subnet ${subnet.targets[0].address}, whose map_public_ip_on_launch = false`;
  };

  const serverNetwork = (res: PlanResource, paths: readonly AttributePath[]): ServerNetwork => {
    const linked: Links = { targets: [], external: [], unknown: [], computed: true };
    for (const path of paths) mergeLinks(linked, groupLinks(res, path));
    const { eni, primary, attached, secondary } = interfaces.of(res);
    for (const l of primary) mergeLinks(linked, l);
    // Naming no group, the instance (or its interface) gets its VPC's default group: the
    // plan's aws_default_security_group of that VPC, which manages all its rules, or one whose
    // rules the plan does not hold; groups attached later come on top of it.
    let named = linked.targets.length > 0 || linked.external.length > 0 || linked.unknown.length > 0;
    const vpc = vpcOf(res, eni);
    const vpcDefault = !named && vpc !== undefined ? defaultGroups.find((g) => vpcKey(g, ['vpc_id']) === vpc) : undefined;
    if (vpcDefault) {
      linked.targets.push(vpcDefault);
      named = true;
    }
    for (const l of attached) mergeLinks(linked, l);
    const launched = res.type === 'aws_launch_template' || res.type === 'aws_launch_configuration' ? launchedFrom(res) : undefined;
    const addresses = launched?.range ? { addresses: launched.range, addressesExact: false } : serverAddresses(ctx, res, subnetsById, subnetGroups);
    const fleet = fleetOf(launched, res);
    const network = { ...(vpc ? { network: networkOf(vpc) } : {}), ...(plannedWithoutIpv6(res) ? { noIpv6: true } : {}), ...(fleet ? { fleet } : {}) };
    const location = ctx.locate(res);
    const acl = networkAcls.layersFor(networkAcls.subnetsOf(res, eni), location);
    const direct = publicAddressLayer(res, location);
    const publicLayers = direct ? [direct] : [];
    const defaultGroup = named ? undefined : `${res.address} names no security group, so AWS attaches the default security group of its VPC, whose rules are not in this plan: name its groups in ${paths.map((p) => p.join('.')).join(' or ')}`;
    if (defaultGroup && attached.length === 0) {
      const why = defaultGroup;
      return {
        ingress: [...publicLayers, unknownLayer('default security group', why, location), ...acl.ingress],
        egress: [unknownLayer('default security group', why, location), ...acl.egress],
        identities: [],
        identitiesUnknown: why,
        ...addresses,
        ...network,
      };
    }
    const inPlan = linked.targets.map((t) => groups.get(t.address)).filter((g): g is Group => g !== undefined);
    // Servers in the same groups share their layers (built once; the flow caches keyed by
    // layer then serve all of them). Layers that name the server in a reason are its own.
    const otherInterfaces = secondary.length > 0 ? `${res.address} has other network interfaces (${secondary.join(', ')}); each is reached at its own address under its own security groups, which may let in (or out) what these deny` : undefined;
    const shareable = linked.unknown.length === 0 && linked.external.length === 0 && !defaultGroup && !otherInterfaces && linked.choice === undefined;
    const key = shareable ? inPlan.map((g) => g.res.address).join('\n') : undefined;
    const names = [...inPlan.map((g) => g.res.address), ...linked.external];
    const layer = (dir: Direction): FilterLayer => {
      const rules: Rule[] = [];
      // First: what the groups allow stays certain, what they deny becomes unknown.
      if (otherInterfaces) rules.push(mayAllowAnything(otherInterfaces, { label: `other network interfaces of ${res.address}`, location }));
      // Groups a condition picks between: each may not be attached, so none of their rules is certain.
      for (const g of inPlan) for (const r of g[dir]) rules.push(mayNotApply(r, linked.choice));
      for (const r of floating[dir]) rules.push(r);
      for (const id of linked.external) rules.push(mayAllowAnything(`security group ${id} is not in this plan, so its ${dir} rules are unknown`, { label: `security group ${id}`, location }));
      if (linked.unknown.length > 0) rules.push(mayAllowAnything(linked.unknown.join('; '), { label: `security groups of ${res.address}`, location }));
      if (defaultGroup) rules.push(mayAllowAnything(defaultGroup, { label: 'default security group', location }));
      for (const why of interfaces.floating) rules.push(mayAllowAnything(why, { label: `security group attachments`, location }));
      const first = inPlan[0];
      return {
        name: `${dir === 'egress' ? 'egress of ' : ''}security group${names.length === 1 ? '' : 's'} ${names.join(', ') || '(unknown)'}`,
        rules,
        defaultAction: 'deny',
        fix: first ? { kind: 'resource', address: first.res.address, rule: dir === 'ingress' ? 'an ingress rule' : 'an egress rule' } : undefined,
        fixLocation: first?.location,
      };
    };
    let layers = key === undefined ? undefined : sharedLayers.get(key);
    if (!layers) {
      layers = { ingress: layer('ingress'), egress: layer('egress') };
      if (key !== undefined) sharedLayers.set(key, layers);
    }
    const doubts = [...linked.unknown, defaultGroup, linked.choice].filter((d): d is string => d !== undefined);
    return {
      ingress: [...publicLayers, layers.ingress, ...acl.ingress],
      egress: [layers.egress, ...acl.egress],
      // In groups a condition picks between, it is in none for certain: rules naming them may or may not admit it.
      identities: linked.choice === undefined ? identitiesOf(linked) : [],
      identitiesUnknown: doubts.length > 0 ? doubts.join('; ') : undefined,
      ...addresses,
      ...network,
    };
  };

  return { serverNetwork, networkRanges, aclLayers: (res) => networkAcls.layersFor(networkAcls.subnetsOf(res), ctx.locate(res)), groupCount: groups.size };
}

const INTERFACE_TYPES: ReadonlySet<string> = new Set(['aws_instance', 'aws_network_interface']);
const ENI_TYPES: ReadonlySet<string> = new Set(['aws_network_interface']);
const INSTANCE_TYPES: ReadonlySet<string> = new Set(['aws_instance']);

/**
 * Groups an instance gets through network interfaces: those of the interface its
 * `network_interface` block (device 0) attaches, and those `aws_network_interface_sg_attachment`
 * adds to its primary interface or to that interface. An attachment whose interface is
 * not known until apply may add its group to any instance (`floating`). Secondary
 * interfaces are not modelled.
 */
function interfaceGroups(ctx: PlanContext, groupLinks: (res: PlanResource, path: AttributePath) => Links): { of(instance: PlanResource): { eni?: PlanResource; primary: Links[]; attached: Links[]; secondary: string[] }; floating: string[] } {
  const eniResources = ctx.ofType('aws_network_interface').filter((r) => r.mode === 'managed');
  const enis = indexBy(eniResources, ['id']);
  const instances = indexBy(ctx.ofType('aws_instance').filter((r) => r.mode === 'managed'), ['id']);
  // Interfaces attached beside the primary one, by instance: each is reached at its own
  // address under its own groups, which one server (one address set, one filter) cannot hold.
  const secondary = new Map<PlanResource, string[]>();
  const addSecondary = (res: PlanResource, path: AttributePath, name: string) => {
    for (const t of linkedResources(ctx, res, path, { types: INSTANCE_TYPES, byId: instances, what: 'instance' }).targets) secondary.set(t, [...(secondary.get(t) ?? []), name]);
  };
  for (const a of ctx.ofType('aws_network_interface_attachment')) if (a.mode === 'managed') addSecondary(a, ['instance_id'], a.address);
  for (const eni of eniResources) {
    const blocks = lookup(eni, ['attachment']);
    if (blocks.state === 'known' && Array.isArray(blocks.value)) blocks.value.forEach((b, i) => isObjectValue(b) && Number(b.device_index ?? 0) > 0 && addSecondary(eni, ['attachment', i, 'instance'], eni.address));
  }
  // A primary interface's id names its instance.
  const byId = new Map(enis);
  for (const i of ctx.ofType('aws_instance')) {
    const id = i.values.primary_network_interface_id;
    if (i.mode === 'managed' && typeof id === 'string' && id !== '') byId.set(id, i);
  }
  const attached = new Map<PlanResource, Links[]>();
  const floating: string[] = [];
  for (const a of ctx.ofType('aws_network_interface_sg_attachment')) {
    if (a.mode !== 'managed') continue;
    const to = linkedResources(ctx, a, ['network_interface_id'], { types: INTERFACE_TYPES, byId, what: 'network interface' });
    const groups = groupLinks(a, ['security_group_id']);
    for (const t of to.targets) attached.set(t, [...(attached.get(t) ?? []), groups]);
    for (const u of to.unknown) floating.push(`${a.address} attaches a security group to a network interface that is not known until apply (${u})`);
  }
  // The interface an instance is launched on: a `network_interface` block at device 0, or
  // (provider 6) `primary_network_interface`.
  const primaryInterface = (instance: PlanResource): PlanResource | undefined => {
    for (const name of ['network_interface', 'primary_network_interface']) {
      const blocks = lookup(instance, [name]);
      if (blocks.state !== 'known' || !Array.isArray(blocks.value)) continue;
      const i = blocks.value.findIndex((b) => isObjectValue(b) && Number(b.device_index ?? 0) === 0);
      if (i >= 0) return linkedResources(ctx, instance, [name, i, 'network_interface_id'], { types: ENI_TYPES, byId: enis, what: 'network interface' }).targets[0];
    }
    return undefined;
  };
  return {
    floating,
    of(instance) {
      if (instance.type !== 'aws_instance') return { primary: [], attached: [], secondary: [] };
      const eni = primaryInterface(instance);
      const blocks = lookup(instance, ['network_interface']);
      const launchedWith = blocks.state === 'known' && Array.isArray(blocks.value) ? blocks.value.filter((b) => isObjectValue(b) && Number(b.device_index ?? 0) > 0).map((b) => `the network_interface at device ${String((b as Record<string, unknown>).device_index)}`) : [];
      return {
        eni,
        primary: eni ? [groupLinks(eni, ['security_groups'])] : [],
        attached: [...(attached.get(instance) ?? []), ...(eni ? (attached.get(eni) ?? []) : [])],
        secondary: [...launchedWith, ...(secondary.get(instance) ?? [])],
      };
    },
  };
}

const PREFIX_LIST_TYPES: ReadonlySet<string> = new Set(['aws_ec2_managed_prefix_list']);
const ENTRY_TYPE = 'aws_ec2_managed_prefix_list_entry';

/**
 * The CIDRs of each prefix list the plan defines: its inline `entry` blocks and the
 * `aws_ec2_managed_prefix_list_entry` resources that add to it. Where such resources
 * manage a list (kept, created or deleted here) and configuration does not write `entry`,
 * the attribute only mirrors them as read back from AWS (deleted entries included): the
 * resources decide. An entry whose list is not known until apply may belong to any list.
 */
function prefixListEntries(ctx: PlanContext, lists: ReadonlyMap<string, PlanResource>): { cidrsOf(list: PlanResource): { values: unknown[]; unknown: string[] } | undefined } {
  const added = new Map<PlanResource, { values: unknown[]; unknown: string[] }>();
  const managedByEntries = new Set<PlanResource>();
  const floating: string[] = [];
  for (const e of ctx.ofType(ENTRY_TYPE)) {
    if (e.mode !== 'managed') continue;
    const list = linkedResources(ctx, e, ['prefix_list_id'], { types: PREFIX_LIST_TYPES, byId: lists, what: 'prefix list' });
    const cidr = attributeValues(ctx, e, ['cidr']);
    for (const t of list.targets) {
      managedByEntries.add(t);
      const into = added.get(t) ?? { values: [], unknown: [] };
      into.values.push(...cidr.values);
      into.unknown.push(...cidr.unknown);
      added.set(t, into);
    }
    for (const u of list.unknown) floating.push(`${e.address} may add ${cidr.values.join(', ') || 'a CIDR'} to it (${u})`);
  }
  for (const e of ctx.state.deleted) {
    const id = e.type === ENTRY_TYPE ? e.values.prefix_list_id : undefined;
    const list = typeof id === 'string' ? lists.get(id) : undefined;
    if (list) managedByEntries.add(list);
  }
  return {
    cidrsOf(list) {
      const own = added.get(list);
      const values: unknown[] = [...(own?.values ?? [])];
      const unknown: string[] = [...(own?.unknown ?? []), ...floating];
      if (!managedByEntries.has(list) || isConfigured(ctx, list, 'entry') === 'yes') {
        const inline = lookup(list, ['entry']);
        if (inline.state === 'known' && Array.isArray(inline.value)) for (const e of inline.value) values.push(isObjectValue(e) ? e.cidr : undefined);
        else if (inline.state === 'unknown') unknown.push('its entries are not known until apply');
        else if (!managedByEntries.has(list)) return undefined;
      }
      return { values, unknown };
    },
  };
}

/**
 * An instance's private address when known, else the range of its subnet (address assigned at
 * apply); a database's, the ranges of the subnets of its DB subnet group.
 */
function serverAddresses(ctx: PlanContext, res: PlanResource, subnetsById: ReadonlyMap<string, PlanResource>, subnetGroups: ReadonlyMap<string, PlanResource>): { addresses: AddressSet; addressesExact: boolean } {
  if (res.type === 'aws_db_instance' || res.type === 'aws_rds_cluster') return databaseAddresses(ctx, res, subnetsById, subnetGroups);
  const ip = lookup(res, ['private_ip']);
  const v6 = lookup(res, ['ipv6_addresses']);
  if (ip.state === 'known' && typeof ip.value === 'string') {
    const set = cidrSet([ip.value, ...(v6.state === 'known' && Array.isArray(v6.value) ? v6.value : [])]);
    if (set.invalid.length === 0 && !set.set.isEmpty()) return { addresses: set.set, addressesExact: true };
  }
  const subnet = linkedResources(ctx, res, ['subnet_id'], { types: SUBNET_TYPES, byId: subnetsById, what: 'subnet' });
  let range = AddressSet.EMPTY;
  for (const s of subnet.targets) range = range.union(cidrSet([s.values.cidr_block, s.values.ipv6_cidr_block]).set);
  if (subnet.unknown.length > 0 || subnet.external.length > 0 || range.isEmpty()) {
    // Somewhere in IPv4: an instance's primary private address is IPv4 unless its subnet is
    // IPv6-only, which the plan shows when it declares the subnet.
    return { addresses: AddressSet.ALL_V4, addressesExact: false };
  }
  return { addresses: range, addressesExact: false };
}

const SUBNET_GROUP_TYPES: ReadonlySet<string> = new Set(['aws_db_subnet_group']);

/**
 * The subnets a server is placed in: an instance's `subnet_id` (or that of the interface it
 * launches on), a database's DB subnet group's (one group of the plan); undefined for other
 * resources, or a database whose group is not one the plan holds.
 */
function placedSubnets(ctx: PlanContext, res: PlanResource, eni: PlanResource | undefined, subnetsById: ReadonlyMap<string, PlanResource>, subnetGroups: ReadonlyMap<string, PlanResource>): Links | undefined {
  const subnetLinks = (r: PlanResource, path: AttributePath) => linkedResources(ctx, r, path, { types: SUBNET_TYPES, byId: subnetsById, what: 'subnet' });
  if (res.type === 'aws_db_instance' || res.type === 'aws_rds_cluster') {
    const group = linkedResources(ctx, res, ['db_subnet_group_name'], { types: SUBNET_GROUP_TYPES, byId: subnetGroups, what: 'DB subnet group' });
    if (group.targets.length !== 1 || group.unknown.length > 0 || group.external.length > 0 || group.choice !== undefined) return undefined;
    return subnetLinks(group.targets[0], ['subnet_ids']);
  }
  if (res.type !== 'aws_instance') return undefined;
  const own = subnetLinks(res, ['subnet_id']);
  return own.targets.length === 0 && eni ? subnetLinks(eni, ['subnet_id']) : own;
}

/** The address ranges of all the subnets linked, or undefined where one is not known (or none is linked). */
function subnetsRange(subnets: Links): AddressSet | undefined {
  if (subnets.targets.length === 0 || subnets.unknown.length > 0 || subnets.external.length > 0) return undefined;
  let range = AddressSet.EMPTY;
  for (const s of subnets.targets) {
    const r = cidrSet([s.values.cidr_block, s.values.ipv6_cidr_block].filter((c) => typeof c === 'string' && c !== ''));
    if (r.set.isEmpty() || r.invalid.length > 0) return undefined;
    range = range.union(r.set);
  }
  return range;
}

/**
 * A database is somewhere in the subnets of its DB subnet group: their ranges, where the plan
 * holds the group and every subnet with a known range. Else (no group named, the VPC's
 * default one; a group or subnet not in the plan or not known until apply) anywhere in IPv4.
 */
function databaseAddresses(ctx: PlanContext, res: PlanResource, subnetsById: ReadonlyMap<string, PlanResource>, subnetGroups: ReadonlyMap<string, PlanResource>): { addresses: AddressSet; addressesExact: boolean } {
  const subnets = placedSubnets(ctx, res, undefined, subnetsById, subnetGroups);
  return { addresses: (subnets && subnetsRange(subnets)) ?? AddressSet.ALL_V4, addressesExact: false };
}

/** Whether the plan says a server gets no IPv6 address: no count or list of them (an instance), IPv4 network type (a database). */
function plannedWithoutIpv6(res: PlanResource): boolean {
  const none = (path: AttributePath, empty: (v: unknown) => boolean) => {
    const l = lookup(res, path);
    return l.state === 'absent' || (l.state === 'known' && empty(l.value));
  };
  if (res.type === 'aws_instance') return none(['ipv6_address_count'], (v) => v === 0) && none(['ipv6_addresses'], (v) => Array.isArray(v) && v.length === 0) && none(['network_interface'], (v) => Array.isArray(v) && v.length === 0);
  if (res.type === 'aws_db_instance' || res.type === 'aws_rds_cluster') return none(['network_type'], (v) => v === 'IPV4');
  return false;
}
