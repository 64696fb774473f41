import type { FilterLayer, Origin, Peer, Rule, SourceLocation } from '../model.js';
import { AddressSet } from '../net/cidr.js';
import { PortSet } from '../net/ports.js';
import { awsCidrSet, awsProtocol, rulePorts } from './aws-rule-values.js';
import { attributeValues, cidrSet, describeAttribute, indexBy, isConfigured, isObjectValue, linkedResources, mayAllowAnything, undecidedRules, unknownPeer } from './plan-context.js';
import type { Links, PlanContext } from './plan-context.js';
import { lookup } from './plan-resources.js';
import type { AttributePath, PlanResource } from './plan-resources.js';

/**
 * AWS network ACLs: numbered allow and deny rules, lowest number first, `*` denies the
 * rest; they filter what enters and leaves a subnet, so traffic inside one subnet passes
 * them. A subnet has the ACL that names it (`subnet_ids`, `aws_network_acl_association`),
 * else its VPC's default ACL when the plan manages it (`aws_default_network_acl`); a
 * subnet with neither has AWS's untouched default ACL, which allows everything. ACLs are
 * stateless: their layers say so, and the flow engine checks a connection's responses
 * (to the client's ephemeral port) through them as well.
 */

const ACL_TYPES: ReadonlySet<string> = new Set(['aws_network_acl', 'aws_default_network_acl']);
const VPC_TYPES: ReadonlySet<string> = new Set(['aws_vpc', 'aws_default_vpc']);
const RULE_TYPE = 'aws_network_acl_rule';
const BALANCER_TYPES: ReadonlySet<string> = new Set(['aws_lb', 'aws_alb', 'aws_elb']);

type Direction = 'ingress' | 'egress';

/** A subnet's address ranges (empty while not known until apply). */
const subnetRange = (s: PlanResource): AddressSet => cidrSet([s.values.cidr_block, s.values.ipv6_cidr_block].filter((c) => typeof c === 'string' && c !== '')).set;

const ANY_ADDRESS: Peer = { addresses: AddressSet.ALL, identities: [], label: 'any address' };


interface Entry {
  number: unknown;
  action: unknown;
  protocol: unknown;
  from: unknown;
  to: unknown;
  /** CIDR texts, and why some are not known. */
  cidrs: { values: unknown[]; unknown: string[] };
}

/** A rule number as written (a number or digits); NaN when it is not one (null: unknown until apply). */
const ruleNumber = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN);

function ruleOf(e: Entry, origin: Origin, label: string): Rule[] {
  const priority = ruleNumber(e.number);
  const protocol = awsProtocol(e.protocol);
  const base = { priority: Number.isFinite(priority) ? priority : 0, protocol: protocol ?? 'all', ports: PortSet.ALL, peer: ANY_ADDRESS, origin } as const;
  if (!Number.isFinite(priority) || !protocol) return undecidedRules(`the rule number or protocol of ${label} is not known until apply`, base);
  const ports = rulePorts(protocol, e.from, e.to);
  const parsed = awsCidrSet(e.cidrs.values);
  const unknown = [...e.cidrs.unknown, ...parsed.invalid.map((c) => `"${c}" in ${label} is not a CIDR`)];
  const peer: Peer = unknown.length > 0 ? unknownPeer(unknown.join('; ')) : { addresses: parsed.set, identities: [], label: parsed.set.describe(3) };
  const rule = { ...base, ports: ports.ports, portsUnknown: ports.unknown, peer };
  // The provider takes the action in any case.
  const action = typeof e.action === 'string' ? e.action.toLowerCase() : undefined;
  if (action === 'allow' || action === 'deny') return [{ ...rule, action }];
  return undecidedRules(`the action of ${label} is not known until apply`, rule);
}

/** The subnets of a resource, or why they are not known (then so is its network ACL). */
export interface SubnetPlacement {
  subnets: readonly PlanResource[];
  unknown?: string;
  /** In all of them at once (a balancer, a node in each), rather than in one of them. */
  each?: boolean;
}

export interface NetworkAcls {
  /**
   * The subnets a server may be in: an instance's subnet (or its primary interface's), a
   * database's subnet group, a balancer's subnets; or why they cannot be told.
   */
  subnetsOf(res: PlanResource, primaryInterface?: PlanResource): SubnetPlacement;
  /**
   * The ACL layers of a resource placed in subnets: in one of them (a server, a database in
   * its subnet group), or in each at once (a balancer).
   */
  layersFor(placed: SubnetPlacement, location: SourceLocation): { ingress: FilterLayer[]; egress: FilterLayer[] };
}

/** `subnetLinks`: the subnets an attribute names, as the security-group model links them. */
export function buildNetworkAcls(ctx: PlanContext, subnetTypes: ReadonlySet<string>, subnetLinks: (res: PlanResource, path: AttributePath) => Links): NetworkAcls {
  const acls = [...ACL_TYPES].flatMap((t) => ctx.ofType(t)).filter((r) => r.mode === 'managed');
  const aclsById = indexBy(acls, ['id']);
  const vpcs = [...VPC_TYPES].flatMap((t) => ctx.ofType(t));
  const vpcsById = indexBy(vpcs, ['id']);
  const vpcsByDefaultAcl = indexBy(vpcs, ['default_network_acl_id']);

  // Which ACL names each subnet; reasons an association cannot be placed (it may name any subnet).
  const aclOfSubnet = new Map<PlanResource, PlanResource[]>();
  /** Subnets associated with an ACL the plan does not hold: its rules are unknown. */
  const externalOfSubnet = new Map<PlanResource, string>();
  const floating: string[] = [];
  const associate = (acl: PlanResource, subnet: PlanResource) => {
    const list = aclOfSubnet.get(subnet) ?? [];
    if (!list.includes(acl)) list.push(acl);
    aclOfSubnet.set(subnet, list);
  };
  for (const acl of acls) {
    const named = subnetLinks(acl, ['subnet_ids']);
    for (const s of named.targets) associate(acl, s);
    for (const u of named.unknown) floating.push(`${acl.address} may apply to any subnet: ${u}`);
  }
  for (const a of ctx.ofType('aws_network_acl_association')) {
    if (a.mode !== 'managed') continue;
    const acl = linkedResources(ctx, a, ['network_acl_id'], { types: ACL_TYPES, byId: aclsById, what: 'network ACL' });
    const subnet = subnetLinks(a, ['subnet_id']);
    for (const t of acl.targets) for (const s of subnet.targets) associate(t, s);
    for (const id of acl.external) for (const s of subnet.targets) externalOfSubnet.set(s, id);
    for (const u of [...acl.unknown, ...subnet.unknown]) floating.push(`${a.address} may associate a network ACL with any subnet: ${u}`);
  }
  // The default ACL of each VPC the plan manages, for subnets no other ACL names.
  const defaultOfVpc = new Map<PlanResource, PlanResource>();
  // Also by VPC id: the VPC may be managed in another state.
  const defaultOfVpcId = new Map<string, PlanResource>();
  for (const acl of acls) {
    if (acl.type !== 'aws_default_network_acl') continue;
    for (const v of linkedResources(ctx, acl, ['default_network_acl_id'], { types: VPC_TYPES, byId: vpcsByDefaultAcl, what: 'VPC' }).targets) defaultOfVpc.set(v, acl);
    if (typeof acl.values.vpc_id === 'string' && acl.values.vpc_id !== '') defaultOfVpcId.set(acl.values.vpc_id, acl);
  }

  // Rules written as separate resources, by ACL; their ACLs read them back inline too.
  const separate = new Map<PlanResource, Record<Direction, Rule[]>>();
  const targeted = new Set<PlanResource>();
  for (const r of ctx.ofType(RULE_TYPE)) {
    if (r.mode !== 'managed') continue;
    const acl = linkedResources(ctx, r, ['network_acl_id'], { types: ACL_TYPES, byId: aclsById, what: 'network ACL' });
    const egress = lookup(r, ['egress']);
    const location = ctx.locate(r);
    const label = r.address;
    const cidrs = attributeValues(ctx, r, ['cidr_block'], { computedDefault: [] });
    const cidrs6 = attributeValues(ctx, r, ['ipv6_cidr_block'], { computedDefault: [] });
    const rules = ruleOf({ number: r.values.rule_number, action: r.values.rule_action, protocol: r.values.protocol, from: r.values.from_port, to: r.values.to_port, cidrs: { values: [...cidrs.values, ...cidrs6.values], unknown: [...cidrs.unknown, ...cidrs6.unknown] } }, { label, location }, label);
    for (const t of acl.targets) {
      targeted.add(t);
      const into = separate.get(t) ?? { ingress: [], egress: [] };
      const dirs: Direction[] = egress.state === 'known' ? [egress.value === true ? 'egress' : 'ingress'] : ['ingress', 'egress'];
      for (const d of dirs) into[d].push(...rules);
      separate.set(t, into);
    }
    for (const u of acl.unknown) floating.push(`${r.address} may belong to any network ACL: ${u}`);
  }
  for (const r of ctx.state.deleted) {
    const id = r.type === RULE_TYPE ? r.values.network_acl_id : undefined;
    const acl = typeof id === 'string' ? aclsById.get(id) : undefined;
    if (acl) targeted.add(acl);
  }

  const rulesOf = (acl: PlanResource, dir: Direction): Rule[] => {
    const rules = [...(separate.get(acl)?.[dir] ?? [])];
    let configured = isConfigured(ctx, acl, dir);
    if (configured === 'maybe' && targeted.has(acl)) configured = 'no';
    const inline = lookup(acl, [dir]);
    const location = ctx.locate(acl);
    if (inline.state === 'unknown' && configured === 'yes') rules.push(mayAllowAnything(`the ${dir} rules of ${acl.address} are not known until apply`, { label: `${acl.address} ${dir}`, location }));
    if (inline.state === 'known' && Array.isArray(inline.value) && configured !== 'no') {
      inline.value.forEach((b, i) => {
        if (!isObjectValue(b)) return;
        const label = describeAttribute(acl, [dir, i]);
        const cidrs = [b.cidr_block, b.ipv6_cidr_block].filter((c) => typeof c === 'string' && c !== '');
        // A field unknown until apply is null in the block: the rule's peer is then unknown.
        const unknown = ['cidr_block', 'ipv6_cidr_block'].filter((f) => lookup(acl, [dir, i, f]).state === 'unknown').map((f) => `${describeAttribute(acl, [dir, i, f])} is not known until apply`);
        rules.push(...ruleOf({ number: b.rule_no, action: b.action, protocol: b.protocol, from: b.from_port, to: b.to_port, cidrs: { values: cidrs, unknown } }, { label: `${acl.address} ${dir} rule ${String(b.rule_no)}`, location }, label));
      });
    }
    return rules;
  };

  const layerCache = new Map<string, { ingress: FilterLayer; egress: FilterLayer }>();
  const layersOfAcl = (acl: PlanResource, subnets: readonly PlanResource[]): { ingress: FilterLayer; egress: FilterLayer } => {
    const key = [acl.address, ...subnets.map((s) => s.address)].join('\n');
    let layers = layerCache.get(key);
    if (layers) return layers;
    const location = ctx.locate(acl);
    // Traffic inside the subnet does not pass its ACL. In one of several subnets, which
    // traffic stays inside is not known.
    const subnet = subnets[0];
    const ranges = subnets.map(subnetRange);
    const origin = { label: `traffic inside ${subnets.map((s) => s.address).join(' or ')} (not filtered by its network ACL)`, location: ctx.locate(subnet) };
    const range = ranges.reduce((a, b) => a.union(b));
    // In one of several subnets, a source in one of them may be inside the server's: it may pass.
    const inside: Rule = ranges.some((r) => r.isEmpty())
      ? mayAllowAnything(`the address range of ${subnets.map((s) => s.address).join(' or ')} is not known until apply, and traffic inside it does not pass ${acl.address}`, origin, Number.MIN_SAFE_INTEGER)
      : {
          action: 'allow',
          priority: Number.MIN_SAFE_INTEGER,
          protocol: 'all',
          ports: PortSet.ALL,
          peer: { addresses: range, identities: [], label: range.describe(3) },
          origin,
          ...(subnets.length > 1 ? { local: unknownPeer(`the server may be in any of ${subnets.map((s) => s.address).join(', ')}, so which of them its traffic stays inside is not known`) } : {}),
        };
    const layer = (dir: Direction): FilterLayer => ({
      name: `${dir === 'egress' ? 'outbound rules of ' : ''}network ACL ${acl.address}`,
      rules: [inside, ...floating.flatMap((why) => undecidedRules(why, { priority: Number.MIN_SAFE_INTEGER + 1, protocol: 'all', ports: PortSet.ALL, peer: ANY_ADDRESS, origin: { label: 'network ACL associations', location } })), ...rulesOf(acl, dir)],
      defaultAction: 'deny',
      stateless: true,
      fix: { kind: 'resource', address: acl.address, rule: dir === 'ingress' ? 'an inbound allow rule (numbered below any deny that matches)' : 'an outbound allow rule (numbered below any deny that matches)' },
      fixLocation: location,
    });
    layers = { ingress: layer('ingress'), egress: layer('egress') };
    layerCache.set(key, layers);
    return layers;
  };

  /** The ACLs of a subnet: those naming it, else its VPC's default ACL when the plan has it. */
  const aclsOfSubnet = (subnet: PlanResource): PlanResource[] => {
    const named = aclOfSubnet.get(subnet);
    if (named) return named;
    const vpc = linkedResources(ctx, subnet, ['vpc_id'], { types: VPC_TYPES, byId: vpcsById, what: 'VPC' }).targets[0];
    const vpcId = subnet.values.vpc_id;
    const fallback = (vpc ? defaultOfVpc.get(vpc) : undefined) ?? (typeof vpcId === 'string' ? defaultOfVpcId.get(vpcId) : undefined);
    return fallback ? [fallback] : [];
  };

  /** Why the ACL of a subnet cannot be told: associated outside the plan, or claimed by several. */
  const undecidedAcl = (subnet: PlanResource): string | undefined => {
    const external = externalOfSubnet.get(subnet);
    if (external) return `${subnet.address} is associated with network ACL ${external}, which is not in this plan`;
    const named = aclOfSubnet.get(subnet) ?? [];
    // A subnet has one ACL: several claiming it (one moving it away) leave which one unknown.
    if (named.length > 1) return `${named.map((a) => a.address).join(' and ')} both name ${subnet.address}, which can have only one network ACL`;
    if (named.length === 0 && floating.length > 0 && aclsOfSubnet(subnet).length === 0) return floating.join('; ');
    return undefined;
  };

  const undecidedLayers = (why: string, location: SourceLocation): { ingress: FilterLayer[]; egress: FilterLayer[] } => {
    const rules = undecidedRules(why, { priority: 0, protocol: 'all', ports: PortSet.ALL, peer: ANY_ADDRESS, origin: { label: 'network ACLs of the subnet', location } });
    return { ingress: [{ name: 'network ACL of the subnet', rules, defaultAction: 'allow', stateless: true }], egress: [{ name: 'outbound rules of the network ACL of the subnet', rules, defaultAction: 'allow', stateless: true }] };
  };

  const subnetGroups = indexBy(ctx.ofType('aws_db_subnet_group').filter((r) => r.mode === 'managed'), ['name', 'id']);

  /** The subnets links name; unknown when one of them is not known until apply or not in the plan (its ACL could be any). */
  const placementOf = (res: PlanResource, links: readonly Links[]): SubnetPlacement => {
    const subnets = [...new Set(links.flatMap((l) => l.targets))];
    for (const l of links) {
      if (l.unknown.length > 0) return { subnets, unknown: `${l.unknown[0]}, so which network ACL applies to ${res.address} is not known` };
      if (l.external.length > 0) return { subnets, unknown: `subnet ${l.external[0]} of ${res.address} is not in this plan, so neither is its network ACL` };
    }
    return { subnets };
  };

  let subnetRanges: Array<{ subnet: PlanResource; range: AddressSet }> | undefined;
  /** The plan's subnets whose range holds an address. */
  const subnetsHolding = (ip: string): PlanResource[] => {
    const at = cidrSet([ip]).set;
    if (at.isEmpty()) return [];
    subnetRanges ??= [...subnetTypes].flatMap((t) => ctx.ofType(t)).map((subnet) => ({ subnet, range: subnetRange(subnet) }));
    return subnetRanges.filter((x) => !x.range.isEmpty() && x.range.covers(at)).map((x) => x.subnet);
  };
  return {
    subnetsOf(res, primaryInterface) {
      if (acls.length === 0 && externalOfSubnet.size === 0 && floating.length === 0) return { subnets: [] };
      if (res.type === 'aws_instance') {
        const own = subnetLinks(res, ['subnet_id']);
        // Launched on its own interface, an instance's subnet_id is computed from it.
        const links = own.targets.length > 0 || !primaryInterface ? own : subnetLinks(primaryInterface, ['subnet_id']);
        const placed = placementOf(res, [links]);
        // A subnet not known until apply, but a private address known now: the plan's subnet holding it.
        if (placed.subnets.length === 0 && (placed.unknown !== undefined || links.computed) && typeof res.values.private_ip === 'string') {
          const holding = subnetsHolding(res.values.private_ip);
          if (holding.length === 1) return { subnets: holding };
        }
        // Not set: AWS picks a default subnet, which may be under an ACL of this plan.
        if (placed.subnets.length === 0 && placed.unknown === undefined && links.computed && lookup(res, ['subnet_id']).state === 'unknown') {
          return { subnets: [], unknown: `AWS picks the subnet of ${res.address} at launch (subnet_id is not set), so which network ACL applies to it is not known` };
        }
        return placed;
      }
      if (BALANCER_TYPES.has(res.type)) {
        // A balancer has a node in each of its subnets, and a client may reach any of them.
        const links = [subnetLinks(res, ['subnets'])];
        const mappings = lookup(res, ['subnet_mapping']);
        if (mappings.state === 'known' && Array.isArray(mappings.value)) mappings.value.forEach((_m, i) => links.push(subnetLinks(res, ['subnet_mapping', i, 'subnet_id'])));
        return { ...placementOf(res, links), each: true };
      }
      if (res.type === 'aws_db_instance' || res.type === 'aws_rds_cluster') {
        const group = linkedResources(ctx, res, ['db_subnet_group_name'], { types: new Set(['aws_db_subnet_group']), byId: subnetGroups, what: 'DB subnet group' });
        const why = group.unknown[0] ?? (group.external.length > 0 ? `the DB subnet group ${group.external[0]} of ${res.address} is not in this plan` : undefined);
        if (why) return { subnets: [], unknown: `${why}, so which network ACLs apply to it is not known` };
        return placementOf(res, group.targets.map((g) => subnetLinks(g, ['subnet_ids'])));
      }
      // Launch templates and configurations: their instances go where an autoscaling group puts them.
      return { subnets: [], unknown: `the subnets of the instances of ${res.address} are chosen when they launch, so which network ACLs apply to them is not known` };
    },
    layersFor(placed, location) {
      const subnets = placed.subnets;
      if (acls.length === 0 && externalOfSubnet.size === 0 && floating.length === 0) return { ingress: [], egress: [] };
      if (placed.unknown !== undefined) return undecidedLayers(placed.unknown, location);
      if (subnets.length === 0) return { ingress: [], egress: [] };
      const why = subnets.map(undecidedAcl).find((w) => w !== undefined);
      if (why) return undecidedLayers(why, location);
      const bySubnet = subnets.map((s) => ({ subnet: s, acls: aclsOfSubnet(s) }));
      const sameAcls = bySubnet.every((x) => x.acls.length === bySubnet[0].acls.length && x.acls.every((a, i) => a === bySubnet[0].acls[i]));
      if (!sameAcls) {
        // Subnets whose ACLs differ. In one of them (a database): what all of them allow
        // passes, what none does is blocked. In each (a balancer, a node per subnet): a
        // required flow must pass every one, a forbidden one gets in through any.
        const names = subnets.map((s) => s.address).join(', ');
        const perSubnet = (dir: Direction): FilterLayer => ({
          name: `${dir === 'egress' ? 'outbound rules of ' : ''}the network ACLs of ${names} (${placed.each ? 'a node of the balancer in each' : 'in one of these subnets'})`,
          rules: [],
          defaultAction: 'allow',
          stateless: true,
          alternativesApply: placed.each ? 'each' : 'one',
          alternatives: bySubnet.map((x) => {
            if (x.acls.length === 0) return { name: `AWS's default network ACL of ${x.subnet.address}`, rules: [], defaultAction: 'allow', stateless: true };
            // One ACL per subnet here: several claiming one are undecided above.
            const layers = layersOfAcl(x.acls[0], [x.subnet]);
            return dir === 'ingress' ? layers.ingress : layers.egress;
          }),
        });
        return { ingress: [perSubnet('ingress')], egress: [perSubnet('egress')] };
      }
      const ingress: FilterLayer[] = [];
      const egress: FilterLayer[] = [];
      for (const acl of bySubnet[0].acls) {
        const layers = layersOfAcl(acl, subnets);
        ingress.push(layers.ingress);
        egress.push(layers.egress);
      }
      return { ingress, egress };
    },
  };
}
