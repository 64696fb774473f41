import { ipProtocol } from './ip-protocol.js';
import type { FilterLayer, Origin, Peer, Rule, RuleProtocol, SourceLocation } from '../model.js';
import { AddressSet } from '../net/cidr.js';
import { PortSet, parsePortSpec } from '../net/ports.js';
import { publicEndpointRules } from './public-endpoint.js';
import { attributeValues, checkRuleBlocks, cidrSet, describeAttribute, fleetOf, gcpRegionOfZone, indexBy, isObjectValue, linkedResources, mayAllowAnything, noPublicAddressLayer, privateNetworks, undecidedRules, unknownLayer, unknownPeer, withFirstRule } from './plan-context.js';
import type { Links, PlanContext, ServerNetwork } from './plan-context.js';
import { keptInstances } from './gcp-instance-groups.js';
import { lookup } from './plan-resources.js';
import type { AttributePath, PlanResource } from './plan-resources.js';

/**
 * Google Cloud VPC firewall rules after apply. Rules belong to a network and apply to the
 * instances they target (`target_tags`, `target_service_accounts`, or every instance) whose
 * address lies in `destination_ranges` (ingress) or `source_ranges` (egress), where set;
 * by priority (default 1000, lower first; deny before allow at equal priority), then the
 * implied rules: deny all ingress, allow all egress. An ingress rule's sources are
 * `source_ranges` OR `source_tags` OR `source_service_accounts`; with none of them it is
 * 0.0.0.0/0. `ports = []` is every port. Tags and service accounts only match instances of
 * the same network, so identities carry the network. A network this plan does not declare
 * (like `default`) may have rules from elsewhere: flows it would decide become unknown.
 *
 * Network firewall policies attached to a network in this plan (global, and regional for
 * instances of their region) are stages of the same first-match walk: after the VPC rules
 * (`AFTER_CLASSIC_FIREWALL`, the default) or before them, each stage in its own band of
 * priorities. What a stage cannot be followed for (a policy outside the plan, secure tags,
 * `goto_next` into a later stage, a hierarchical policy whose folder the plan does not show)
 * is undecided: maybe allowed, maybe denied, so never a pass.
 */

const NETWORK = 'google_compute_network';
const SUBNETWORK = 'google_compute_subnetwork';
const ACCOUNT = 'google_service_account';

/** Resource types of network firewall policies, by scope; `inline` policies hold their rules as blocks. */
const POLICY_TYPES = {
  global: { policy: 'google_compute_network_firewall_policy', inline: 'google_compute_network_firewall_policy_with_rules', association: 'google_compute_network_firewall_policy_association', rule: 'google_compute_network_firewall_policy_rule' },
  regional: { policy: 'google_compute_region_network_firewall_policy', inline: 'google_compute_region_network_firewall_policy_with_rules', association: 'google_compute_region_network_firewall_policy_association', rule: 'google_compute_region_network_firewall_policy_rule' },
} as const;
type PolicyScope = keyof typeof POLICY_TYPES;
const HIERARCHICAL_ASSOCIATION = 'google_compute_firewall_policy_association';
/** Each stage of the walk gets its own band of priorities (policy rules go up to 2^31 - 1). */
const STAGE = 2 ** 32;
/** Match fields of a policy rule this model reads; any other one set makes its peer unknown. */
const MODELLED_MATCH = new Set(['src_ip_ranges', 'dest_ip_ranges', 'layer4_configs']);

const gcpProtocol = (v: unknown): RuleProtocol | undefined => ipProtocol(v, { all: ['all'], numbers: true });

function lastSegment(v: string): string {
  return v.split('/').filter((x) => x !== '').pop() ?? v;
}

type Direction = 'ingress' | 'egress';

/**
 * A rule as a network holds it. A peer matches identities OR addresses, so a rule that
 * targets tags or service accounts AND address ranges keeps the ranges in `local` and its
 * `targets` here, resolved per instance.
 */
interface PlacedRule {
  rule: Rule;
  targets?: Peer;
}

type Placed = Record<Direction, PlacedRule[]>;

/** Appends the rules of `from` to `into`, both directions. */
function appendPlaced(into: Placed, from: Placed): void {
  into.ingress.push(...from.ingress);
  into.egress.push(...from.egress);
}

/** A network's walk for the instances of a region, with the rules to resolve per instance. */
type Walk = Placed & { targeted: PlacedRule[]; policies: string[] };

/** A rule whose own side is its targets and its ranges (each optional). */
function placeRule(rule: Rule, targets: Peer | undefined, ranges: Peer | undefined): PlacedRule {
  if (targets && ranges) return { rule: { ...rule, local: ranges }, targets };
  return { rule: { ...rule, local: targets ?? ranges } };
}

function shifted(p: PlacedRule, base: number): PlacedRule {
  return { ...p, rule: { ...p.rule, priority: p.rule.priority + base } };
}

/** What a placed rule's targets need of an instance. */
interface InstanceSide {
  identities: ReadonlySet<string>;
  identitiesUnknown?: string;
  addresses: AddressSet;
}

/** Whether an instance is among a placed rule's targets: yes, no, or maybe (its identities are not all known). */
function targetDecision(p: PlacedRule, side: InstanceSide): 'y' | 'n' | 'm' {
  if (!p.targets || p.targets.identities.some((i) => side.identities.has(i))) return 'y';
  if (side.identitiesUnknown === undefined) return 'n';
  const ranges = p.rule.local;
  return ranges && ranges.unknown === undefined && !ranges.addresses.overlaps(side.addresses) ? 'n' : 'm';
}

function resolvedRule(p: PlacedRule, decision: 'y' | 'n' | 'm', side: InstanceSide): Rule | undefined {
  if (decision === 'y') return p.rule;
  if (decision === 'n') return undefined;
  return p.rule.local?.unknown !== undefined ? p.rule : { ...p.rule, local: unknownPeer(side.identitiesUnknown ?? '') };
}

/**
 * Rules that leave what they match undecided, maybe allowed and maybe denied: a stage (or
 * the rest of one) the model cannot follow. Both, because a stage may end the walk either way.
 */

const anyAddress: Peer = { addresses: AddressSet.ALL, identities: [], label: 'any address' };

function undecidedStage(reason: string, origin: Origin, priority: number): Placed {
  const rules = undecidedRules(reason, { priority, protocol: 'all', ports: PortSet.ALL, peer: anyAddress, origin }).map((rule) => ({ rule }));
  return { ingress: rules, egress: rules };
}

/** The ports of a tcp/udp entry (`[]` or none: every port), and why any is unreadable. */
function portsOf(protocol: RuleProtocol, specs: unknown, address: string): { ports: PortSet; portsUnknown?: string } {
  if ((protocol !== 'tcp' && protocol !== 'udp') || !Array.isArray(specs) || specs.length === 0) return { ports: PortSet.ALL };
  const sets: PortSet[] = [];
  let portsUnknown: string | undefined;
  for (const spec of specs) {
    const r = parsePortSpec(spec);
    if (r.ok) sets.push(r.value);
    else portsUnknown = `${address} has port "${String(spec)}", which is not a port or range`;
  }
  return { ports: PortSet.unionOf(sets), portsUnknown };
}

/**
 * The ports of an allow / deny entry (or layer-4 config) at `path`: ports unknown until apply
 * are left out of the plan's values, which would read as every port; they are `portsUnknown`.
 */
function entryPorts(res: PlanResource, path: AttributePath, protocol: RuleProtocol, specs: unknown): { ports: PortSet; portsUnknown?: string } {
  if (lookup(res, path).state === 'unknown') return { ports: PortSet.ALL, portsUnknown: `${describeAttribute(res, path)} is not known until apply` };
  return portsOf(protocol, specs, res.address);
}

function ruleText(action: string, protocol: RuleProtocol | undefined, ports: PortSet): string {
  return `${action} ${protocol === 'tcp' || protocol === 'udp' ? `${protocol}/${ports.describe()}` : (protocol ?? '?')}`;
}

/**
 * The address ranges a rule's own endpoint must be in, or undefined when none are set.
 * Unknown until apply or not CIDRs: a peer that may or may not match.
 */
function endpointRanges(ctx: PlanContext, res: PlanResource, path: AttributePath): Peer | undefined {
  const v = attributeValues(ctx, res, path, { computedDefault: [] });
  if (v.unknown.length > 0) return unknownPeer(v.unknown.join('; '));
  const texts = v.values.filter((x): x is string => typeof x === 'string' && x !== '');
  if (texts.length === 0) return undefined;
  const c = cidrSet(texts);
  if (c.invalid.length > 0) return unknownPeer(`"${c.invalid[0]}" in ${describeAttribute(res, path)} is not a CIDR`);
  return { addresses: c.set, identities: [], label: `${String(path[path.length - 1])} ${c.set.describe(3)}` };
}

/** Whether a network's firewall policies are evaluated before its VPC firewall rules (not written: after), or why that is unknown. */
function policiesFirst(ctx: PlanContext, network: PlanResource | undefined, key: string): boolean | string {
  if (!network) return `${key} is not declared in this plan`;
  const path = ['network_firewall_policy_enforcement_order'];
  const v = attributeValues(ctx, network, path, { computedDefault: ['AFTER_CLASSIC_FIREWALL'] });
  if (v.unknown.length > 0) return v.unknown.join('; ');
  const order = v.absent ? 'AFTER_CLASSIC_FIREWALL' : v.values[0];
  if (order === 'BEFORE_CLASSIC_FIREWALL') return true;
  if (order === 'AFTER_CLASSIC_FIREWALL') return false;
  return `${describeAttribute(network, path)} is ${String(order)}, not a known order`;
}

/** A policy rule's match fields beyond address ranges and ports (secure tags, FQDNs, geolocations, threat lists, address groups) that are set: not modelled. */
function unreadMatchFields(res: PlanResource): string[] {
  const match = lookup(res, ['match', 0]);
  if (match.state !== 'known' || !isObjectValue(match.value)) return [];
  const unread: string[] = [];
  for (const [k, v] of Object.entries(match.value)) {
    if (MODELLED_MATCH.has(k)) continue;
    const l = lookup(res, ['match', 0, k]);
    if (l.state === 'unknown' || (v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))) unread.push(`match.${k} of ${res.address} is not modelled`);
  }
  return unread;
}

interface NetworkRules {
  key: string;
  label: string;
  declared?: PlanResource;
  ingress: PlacedRule[];
  egress: PlacedRule[];
  location?: SourceLocation;
  /** The VPC rules and policy stages for instances of a region (`?`: unknown). */
  stages: Map<string, Walk>;
  /** Layers by region and the target decisions of the instances that share them. */
  layers: Map<string, { ingress: FilterLayer; egress: FilterLayer }>;
}

/** A network firewall policy associated with a network in this plan. */
interface AttachedPolicy {
  scope: PolicyScope;
  association: PlanResource;
  /** The policy, when the plan holds it with its rules as separate resources. */
  policy?: PlanResource;
  /** Why its rules cannot be known. */
  unknown?: string;
  /** `google_compute_network_firewall_policy.main`, or the name it is attached by. */
  label: string;
  /** Regional: the region it applies in, or why that is unknown. */
  region?: string;
  regionUnknown?: string;
}

export interface GcpNetwork {
  serverNetwork(instance: PlanResource): ServerNetwork;
  sqlNetwork(db: PlanResource): ServerNetwork;
  /** The network an attribute names (name, self link or id): the plan's network, `network <name>`, or why it is unknown. */
  networkKey(res: PlanResource, path: AttributePath): { key?: string; unknown: string[] };
  /** The ranges of the plan's subnetworks (addresses inside them are not the internet's). */
  networkRanges(): AddressSet;
}

/**
 * An instance is modelled by its first network interface. Each other one is on another
 * VPC network, under that network's firewall: what the first one's rules deny may still
 * come in (or go out) there. Such an instance's layers get a first rule that may allow
 * anything, so what they allow stays certain and what they deny becomes unknown, never a
 * pass of an exposure check.
 */
function widenedForOtherInterfaces(instance: PlanResource, location: SourceLocation, layers: Record<Direction, FilterLayer>): Record<Direction, FilterLayer> {
  const nics = lookup(instance, ['network_interface']);
  const count = nics.state === 'known' && Array.isArray(nics.value) ? nics.value.length : nics.state === 'unknown' ? 2 : 1;
  if (count < 2) return layers;
  const why = nics.state === 'unknown' ? `the network interfaces of ${instance.address} are not known until apply` : `${instance.address} has ${count} network interfaces and topogate models the first only: the others are on other networks, whose firewalls may let in (or out) what this one denies`;
  const first = mayAllowAnything(why, { label: `other network interfaces of ${instance.address}`, location }, Number.MIN_SAFE_INTEGER);
  const [ingress, egress] = withFirstRule([layers.ingress, layers.egress], first);
  return { ingress, egress };
}

export function buildGcpNetwork(ctx: PlanContext): GcpNetwork {
  const managed = (type: string) => ctx.ofType(type).filter((r) => r.mode === 'managed');
  const networks = managed(NETWORK);
  // Networks are named by name, self link or id; all end in the name, unique in a project.
  const byName = (list: readonly PlanResource[]) => {
    const map = new Map<string, PlanResource>();
    for (const r of list) for (const a of ['name', 'self_link', 'id']) if (typeof r.values[a] === 'string') map.set(lastSegment(r.values[a] as string), r);
    return map;
  };
  const networkByRef = byName(networks);
  const subnetworks = managed(SUBNETWORK);
  // Ranges of the plan's subnetworks: addresses inside them are not the internet's.
  let ranges: AddressSet | undefined;
  const subnetRanges = (): AddressSet => {
    if (ranges) return ranges;
    const values: unknown[] = [];
    for (const s of subnetworks) {
      values.push(s.values.ip_cidr_range);
      const secondary = s.values.secondary_ip_range;
      if (Array.isArray(secondary)) for (const r of secondary) if (isObjectValue(r)) values.push(r.ip_cidr_range);
    }
    return (ranges = cidrSet(values.filter((v) => typeof v === 'string')).set);
  };
  const subnetByRef = byName(subnetworks);
  const accounts = managed(ACCOUNT);
  const accountByEmail = indexBy(accounts, ['email', 'id', 'name', 'unique_id']);

  /** A network reference (name, self link, id) resolved to a network in the plan, or its name. */
  const networkKeyOf = (res: PlanResource, path: AttributePath): { key?: string; unknown: string[] } => {
    const l = linkedResources(ctx, res, path, { types: new Set([NETWORK]), byId: networkByRef, what: 'network', normalize: lastSegment });
    if (l.targets.length > 0) return { key: l.targets[0].address, unknown: [] };
    if (l.external.length > 0) return { key: `network ${lastSegment(l.external[0])}`, unknown: [] };
    return { unknown: l.unknown };
  };

  // Which networks an instance's internal address reaches: VPC peerings join two; VPN,
  // Interconnect and Network Connectivity Center route in ways not read here.
  const networkOf = privateNetworks(
    ctx,
    managed('google_compute_network_peering').map((p) => [networkKeyOf(p, ['network']).key, networkKeyOf(p, ['peer_network']).key] as const),
    ['google_compute_vpn_tunnel', 'google_compute_ha_vpn_gateway', 'google_compute_vpn_gateway', 'google_compute_interconnect_attachment', 'google_network_connectivity_spoke', 'google_network_connectivity_hub', 'google_compute_route'],
  );

  const rulesByNetwork = new Map<string, NetworkRules>();
  const networkRules = (key: string): NetworkRules => {
    let n = rulesByNetwork.get(key);
    if (!n) {
      const declared = networks.find((x) => x.address === key);
      n = { key, label: key, declared, ingress: [], egress: [], location: declared ? ctx.locate(declared) : undefined, stages: new Map(), layers: new Map() };
      rulesByNetwork.set(key, n);
    }
    return n;
  };
  const unplacedRules: Placed = { ingress: [], egress: [] };

  const accountIdentity = (network: string, links: Links): string[] => [
    ...links.targets.map((t) => `sa:${network}:${t.address}`),
    ...links.external.map((e) => `sa:${network}:${accountByEmail.get(e)?.address ?? e}`),
  ];
  const identityPeer = (identities: string[]): Peer | undefined => (identities.length > 0 ? { addresses: AddressSet.EMPTY, identities, label: identities.map((i) => i.split(':').pop()).join(', ') } : undefined);

  for (const fw of managed('google_compute_firewall')) {
    const disabled = attributeValues(ctx, fw, ['disabled'], { computedDefault: [false] });
    if (disabled.values[0] === true) continue;
    const location = ctx.locate(fw);
    const net = networkKeyOf(fw, ['network']);
    const networkKey = net.key ?? '?';
    const directionValue = attributeValues(ctx, fw, ['direction'], { computedDefault: ['INGRESS'] });
    const direction = directionValue.values[0] === 'EGRESS' ? 'egress' : directionValue.values[0] === 'INGRESS' ? 'ingress' : undefined;
    const priorityValue = attributeValues(ctx, fw, ['priority'], { computedDefault: [1000] });
    // A priority unknown until apply: the rule may come before every other, or decide nothing
    // (placed first, matching what it may match, never for certain).
    const priorityUnknown = typeof priorityValue.values[0] === 'number' ? [] : priorityValue.unknown.length > 0 ? priorityValue.unknown : [`${describeAttribute(fw, ['priority'])} is not a number`];
    const priority = priorityUnknown.length === 0 ? (priorityValue.values[0] as number) : -1;
    // Whether the rule is disabled, unknown until apply: it may apply or not.
    const unknown: string[] = [...net.unknown, ...directionValue.unknown, ...disabled.unknown, ...priorityUnknown];
    const list = (name: string): { values: string[]; set: boolean } => {
      const v = attributeValues(ctx, fw, [name], { computedDefault: [] });
      unknown.push(...v.unknown);
      const values = v.values.filter((x): x is string => typeof x === 'string' && x !== '');
      return { values, set: values.length > 0 || v.unknown.length > 0 };
    };
    // Sources of an ingress rule, destinations of an egress rule: the rule's other side.
    let remote: Peer;
    const targetTags = list('target_tags');
    const targetAccounts = linkedResources(ctx, fw, ['target_service_accounts'], { types: new Set([ACCOUNT]), byId: accountByEmail, what: 'service account' });
    unknown.push(...targetAccounts.unknown);
    const targets = identityPeer([...targetTags.values.map((t) => `tag:${networkKey}:${t}`), ...accountIdentity(networkKey, targetAccounts)]);
    // The rule applies only where its own endpoint's address is in these ranges.
    const ranges = endpointRanges(ctx, fw, [direction === 'egress' ? 'source_ranges' : 'destination_ranges']);
    if (direction === 'egress') {
      const dest = list('destination_ranges');
      const cidrs = cidrSet(dest.values.length > 0 || dest.set ? dest.values : ['0.0.0.0/0']);
      remote = { addresses: cidrs.set, identities: [], label: cidrs.set.describe(3) };
    } else {
      const sourceRanges = list('source_ranges');
      const tags = list('source_tags');
      const sources = linkedResources(ctx, fw, ['source_service_accounts'], { types: new Set([ACCOUNT]), byId: accountByEmail, what: 'service account' });
      unknown.push(...sources.unknown);
      const identities = [...tags.values.map((t) => `tag:${networkKey}:${t}`), ...accountIdentity(networkKey, sources)];
      const none = !sourceRanges.set && !tags.set && identities.length === 0 && sources.unknown.length === 0;
      const cidrs = cidrSet(none ? ['0.0.0.0/0'] : sourceRanges.values);
      for (const c of cidrs.invalid) unknown.push(`"${c}" in ${describeAttribute(fw, ['source_ranges'])} is not a CIDR`);
      remote = { addresses: cidrs.set, identities, label: [...(cidrs.set.isEmpty() ? [] : [cidrs.set.describe(3)]), ...identities.map((i) => i.split(':').pop())].join(', ') };
    }
    const rules: PlacedRule[] = [];
    const peer = unknown.length > 0 ? unknownPeer(unknown.join('; ')) : remote;
    const originOf = (text: string): Origin => ({ label: `${fw.address} (${direction === 'egress' ? 'EGRESS' : 'INGRESS'} ${text}, priority ${priority < 0 ? '?' : priority})`, location });
    for (const action of ['allow', 'deny'] as const) {
      const entries = lookup(fw, [action]);
      // What it allows or denies is not known until apply: a rule that may match or not, so a
      // deny keeps what a later rule allows from being certain (and an allow from being denied).
      if (entries.state === 'unknown') {
        rules.push(placeRule({ action, priority, protocol: 'all', ports: PortSet.ALL, portsUnknown: `${describeAttribute(fw, [action])} is not known until apply`, peer, origin: originOf(`${action} of protocols and ports unknown until apply`) }, targets, ranges));
        continue;
      }
      if (entries.state !== 'known' || !Array.isArray(entries.value)) continue;
      entries.value.forEach((entry: unknown, i) => {
        if (!isObjectValue(entry)) return;
        const protocol = gcpProtocol(entry.protocol);
        if (!protocol) {
          rules.push(placeRule({ action, priority, protocol: 'all', ports: PortSet.ALL, portsUnknown: `the protocol of ${fw.address} is not known until apply`, peer, origin: originOf(ruleText(action, undefined, PortSet.ALL)) }, targets, ranges));
          return;
        }
        const { ports, portsUnknown } = entryPorts(fw, [action, i, 'ports'], protocol, entry.ports);
        rules.push(placeRule({ action, priority, protocol, ports, portsUnknown, peer, origin: originOf(ruleText(action, protocol, ports)) }, targets, ranges));
      });
    }
    if (rules.length === 0 && unknown.length > 0) rules.push({ rule: mayAllowAnything(unknown.join('; '), { label: fw.address, location }, priority) });
    const dirs: readonly Direction[] = direction ? [direction] : ['ingress', 'egress'];
    if (net.key === undefined) {
      // The network is not known until apply: the rule may apply to any network.
      const maybe = unknownPeer(net.unknown.join('; '));
      for (const d of dirs) unplacedRules[d].push(...rules.map((r) => ({ rule: { ...r.rule, local: maybe } })));
    } else {
      for (const d of dirs) networkRules(net.key)[d].push(...rules);
    }
  }

  // Network firewall policies: their rules by policy, and the networks they are attached to.
  const attached = new Map<string, AttachedPolicy[]>();
  /** Undecided stages for every network: associations whose network is unknown, hierarchical policies. */
  const everywhere: Placed[] = [];
  const rulesByPolicy = new Map<PlanResource, PlanResource[]>();
  const unplacedPolicyRules: Record<PolicyScope, string[]> = { global: [], regional: [] };
  for (const scope of ['global', 'regional'] as const) {
    const types = POLICY_TYPES[scope];
    const policies = [...managed(types.policy), ...managed(types.inline)];
    const spec = { types: new Set<string>([types.policy, types.inline]), byId: byName(policies), what: 'network firewall policy', normalize: lastSegment };
    for (const rule of managed(types.rule)) {
      const l = linkedResources(ctx, rule, ['firewall_policy'], spec);
      // A rule of a policy outside the plan matters only through that policy, which is unknown anyway.
      if (l.targets.length > 0) rulesByPolicy.set(l.targets[0], [...(rulesByPolicy.get(l.targets[0]) ?? []), rule]);
      else if (l.external.length === 0) unplacedPolicyRules[scope].push(`${describeAttribute(rule, ['firewall_policy'])} is not known until apply (${l.unknown.join('; ') || 'the provider computes it'})`);
    }
    for (const association of managed(types.association)) {
      const l = linkedResources(ctx, association, ['firewall_policy'], spec);
      const policy = l.targets[0];
      const label = policy?.address ?? (l.external[0] !== undefined ? `network firewall policy ${lastSegment(l.external[0])}` : `the policy of ${association.address}`);
      const a: AttachedPolicy = { scope, association, policy: policy?.type === types.policy ? policy : undefined, label };
      if (!policy) a.unknown = l.external.length > 0 ? `${label} (attached by ${association.address}) is not in this plan, so its rules are not known` : `${describeAttribute(association, ['firewall_policy'])} is not known until apply${l.unknown.length > 0 ? ` (${l.unknown.join('; ')})` : ''}`;
      else if (policy.type === types.inline) a.unknown = `the rules of ${label} (attached by ${association.address}) are written inline, which this model does not read`;
      if (scope === 'regional') {
        // The association's region, else its policy's; neither written: the provider's.
        let region = attributeValues(ctx, association, ['region']);
        if (region.absent && policy) region = attributeValues(ctx, policy, ['region']);
        if (typeof region.values[0] === 'string' && region.unknown.length === 0) a.region = lastSegment(region.values[0]);
        else a.regionUnknown = region.unknown.join('; ') || `${describeAttribute(association, ['region'])} is not set, so it is the provider's region`;
      }
      const net = networkKeyOf(association, ['attachment_target']);
      const origin = { label: `${label} (attached by ${association.address})`, location: ctx.locate(association) };
      if (net.key === undefined) everywhere.push(undecidedStage(`${label} is attached to a network not known until apply (${net.unknown.join('; ') || describeAttribute(association, ['attachment_target'])}), which may be this one`, origin, -1));
      else attached.set(net.key, [...(attached.get(net.key) ?? []), a]);
    }
  }
  for (const association of managed(HIERARCHICAL_ASSOCIATION)) {
    const target = attributeValues(ctx, association, ['attachment_target']);
    const where = typeof target.values[0] === 'string' ? target.values[0] : 'a folder or organization not known until apply';
    const reason = `hierarchical firewall policy ${association.address} is attached to ${where}, evaluated before the VPC firewall rules; the plan does not show whether this instance's project is under it`;
    everywhere.push(undecidedStage(reason, { label: `hierarchical firewall policy of ${association.address}`, location: ctx.locate(association) }, -1));
  }

  /**
   * The placed rules of one network firewall policy rule on a network, at `base`. In the
   * `last` stage `goto_next` meets the implied rule; otherwise the rest of the walk is
   * undecided for what it matches.
   */
  const policyRuleCache = new Map<string, Placed>();
  const policyRules = (res: PlanResource, policy: string, network: string, base: number, last: boolean): Placed => {
    const cacheKey = `${res.address}|${network}|${base}|${last}`;
    const hit = policyRuleCache.get(cacheKey);
    if (hit) return hit;
    const out: Placed = { ingress: [], egress: [] };
    policyRuleCache.set(cacheKey, out);
    const disabled = attributeValues(ctx, res, ['disabled'], { computedDefault: [false] });
    if (disabled.values[0] === true) return out;
    const location = ctx.locate(res);
    const unknown: string[] = [...disabled.unknown];
    const directionValue = attributeValues(ctx, res, ['direction']);
    const direction = directionValue.values[0] === 'EGRESS' ? 'egress' : directionValue.values[0] === 'INGRESS' ? 'ingress' : undefined;
    if (!direction) unknown.push(directionValue.unknown.join('; ') || `${describeAttribute(res, ['direction'])} is not INGRESS or EGRESS`);
    const priorityValue = attributeValues(ctx, res, ['priority']);
    const priority = typeof priorityValue.values[0] === 'number' ? priorityValue.values[0] : undefined;
    if (priority === undefined) unknown.push(priorityValue.unknown.join('; ') || `${describeAttribute(res, ['priority'])} is not a number`);
    const actionValue = attributeValues(ctx, res, ['action']);
    const action = typeof actionValue.values[0] === 'string' ? actionValue.values[0] : undefined;
    if (action === undefined) unknown.push(actionValue.unknown.join('; ') || `${describeAttribute(res, ['action'])} is not set`);
    const match = lookup(res, ['match', 0]);
    if (match.state !== 'known') unknown.push(`${describeAttribute(res, ['match'])} is not known`);
    const unread = unreadMatchFields(res);
    const dirs: readonly Direction[] = direction ? [direction] : ['ingress', 'egress'];
    const targetAccounts = linkedResources(ctx, res, ['target_service_accounts'], { types: new Set([ACCOUNT]), byId: accountByEmail, what: 'service account' });
    const targets = identityPeer(accountIdentity(network, targetAccounts));
    const secureTags = lookup(res, ['target_secure_tags']);
    const targetsUnknown = [...targetAccounts.unknown, ...(secureTags.state === 'unknown' || (secureTags.state === 'known' && Array.isArray(secureTags.value) && secureTags.value.length > 0) ? [`${res.address} targets secure tags, which are not modelled`] : [])];
    const layer4 = lookup(res, ['match', 0, 'layer4_configs']);
    checkRuleBlocks(ctx, res, ['match', 0, 'layer4_configs'], layer4);
    const entries = layer4.state === 'known' && Array.isArray(layer4.value) ? layer4.value.flatMap((e: unknown, i) => (isObjectValue(e) ? [{ entry: e, i }] : [])) : [];
    if (layer4.state === 'unknown' || (match.state === 'known' && entries.length === 0)) unknown.push(`${describeAttribute(res, ['match', 0, 'layer4_configs'])} is not known`);
    const at = base + (priority ?? 0);
    const label = (d: Direction, text: string) => `${res.address} (${d === 'egress' ? 'EGRESS' : 'INGRESS'} ${text}, priority ${priority ?? '?'}, in ${policy})`;
    for (const d of dirs) {
      const [remotePath, localPath] = d === 'egress' ? ['dest_ip_ranges', 'src_ip_ranges'] : ['src_ip_ranges', 'dest_ip_ranges'];
      const remoteRanges = endpointRanges(ctx, res, ['match', 0, remotePath]);
      const peerUnknown = [...unread, ...(remoteRanges?.unknown !== undefined ? [remoteRanges.unknown] : [])];
      if (!remoteRanges && unread.length === 0) peerUnknown.push(`${res.address} names no ${d === 'egress' ? 'destination' : 'source'}`);
      const remote = peerUnknown.length > 0 ? unknownPeer(peerUnknown.join('; ')) : (remoteRanges as Peer);
      const ranges = targetsUnknown.length > 0 ? unknownPeer(targetsUnknown.join('; ')) : endpointRanges(ctx, res, ['match', 0, localPath]);
      if (unknown.length > 0) {
        out[d].push(...undecidedStage(unknown.join('; '), { label: res.address, location }, at)[d]);
        continue;
      }
      for (const { entry, i } of entries) {
        const protocol = gcpProtocol(entry.ip_protocol);
        const { ports, portsUnknown } = protocol ? entryPorts(res, ['match', 0, 'layer4_configs', i, 'ports'], protocol, entry.ports) : { ports: PortSet.ALL, portsUnknown: undefined };
        const origin: Origin = { label: label(d, ruleText(action ?? '?', protocol, ports)), location };
        const rule = { priority: at, protocol: protocol ?? 'all', ports, portsUnknown, peer: remote, origin };
        const why = !protocol
          ? `the protocol of ${res.address} is not known until apply`
          : action === 'goto_next' && !last
            ? `${res.address} hands what it matches to the next stage of the firewall walk (goto_next), which this model does not follow`
            : action !== 'allow' && action !== 'deny' && action !== 'goto_next'
              ? `${res.address} has action ${action}, which this model does not follow`
              : undefined;
        if (why) out[d].push(...undecidedRules(why, rule).map((r) => (targets ? { rule: r, targets } : { rule: r })));
        // goto_next in the last stage meets the implied rule: deny ingress, allow egress.
        else out[d].push(placeRule({ ...rule, action: action === 'goto_next' ? (d === 'egress' ? 'allow' : 'deny') : (action as 'allow' | 'deny') }, targets, ranges));
      }
    }
    return out;
  };

  /** One attached policy as a stage of the walk of a network's instances in a region. */
  const policyStage = (p: AttachedPolicy, network: string, region: string | undefined, base: number, last: boolean): Placed => {
    const origin = { label: `${p.label} (attached by ${p.association.address})`, location: ctx.locate(p.association) };
    const regionWhy = p.scope === 'regional' ? (p.regionUnknown ?? (region === undefined ? 'the region of the instance is not known until apply' : undefined)) : undefined;
    if (regionWhy) return undecidedStage(`whether ${p.label} applies is not known: ${regionWhy}`, origin, base);
    if (!p.policy) return undecidedStage(p.unknown ?? `the rules of ${p.label} are not known`, origin, base);
    const out: Placed = { ingress: [], egress: [] };
    // A rule whose policy is unknown until apply may belong to this one.
    for (const why of unplacedPolicyRules[p.scope]) appendPlaced(out, undecidedStage(`${why}; it may belong to ${p.label}`, origin, base));
    for (const r of rulesByPolicy.get(p.policy) ?? []) appendPlaced(out, policyRules(r, p.label, network, base, last));
    return out;
  };

  /** The walk for instances of a network in a region: VPC rules and policy stages in order, one band of priorities each. */
  const stagesOf = (n: NetworkRules, region: string | undefined): Walk => {
    const cacheKey = region ?? '?';
    const hit = n.stages.get(cacheKey);
    if (hit) return hit;
    const outside: PlacedRule[] = [];
    if (!n.declared) {
      // Pre-populated rules of the default network, or rules of another configuration.
      outside.push({ rule: mayAllowAnything(`${n.key} is not declared in this plan, so firewall rules made elsewhere (such as the default network's default-allow-* rules) may also apply`, { label: `firewall rules of ${n.key} outside this plan`, location: n.location ?? { file: ctx.state.doc.file, line: 1, column: 1 } }, 65534) });
    }
    const vpc: Placed = { ingress: [...n.ingress, ...unplacedRules.ingress, ...outside], egress: [...n.egress, ...unplacedRules.egress] };
    const walk: Placed = { ingress: [], egress: [] };
    const add = (p: Placed) => appendPlaced(walk, p);
    everywhere.forEach(add);
    // Each stage gets its band of priorities: the first keeps its own.
    type Stage = (base: number, last: boolean) => Placed;
    const vpcStage: Stage = (base) => (base === 0 ? vpc : { ingress: vpc.ingress.map((p) => shifted(p, base)), egress: vpc.egress.map((p) => shifted(p, base)) });
    const stages: Stage[] = [];
    const policies = (attached.get(n.key) ?? []).filter((p) => p.scope === 'global' || p.region === undefined || region === undefined || p.region === region);
    if (policies.length === 0) stages.push(vpcStage);
    else {
      const order = policiesFirst(ctx, n.declared, n.key);
      const before = order === true;
      if (typeof order === 'string') {
        add(undecidedStage(`${order}, so whether ${policies.map((p) => p.label).join(', ')} is evaluated before or after the VPC firewall rules is not known`, { label: `firewall policies of ${n.key}`, location: n.location ?? ctx.locate(policies[0].association) }, -1));
      }
      if (!before) stages.push(vpcStage);
      // Global policies before regional ones.
      const ordered = [...policies.filter((p) => p.scope === 'global'), ...policies.filter((p) => p.scope === 'regional')];
      for (const p of ordered) stages.push((base, last) => policyStage(p, n.key, region, base, last));
      if (before) stages.push(vpcStage);
    }
    stages.forEach((stage, i) => add(stage(i * STAGE, i === stages.length - 1)));
    const targeted = [...new Set([...walk.ingress, ...walk.egress].filter((p) => p.targets))];
    const result = { ...walk, targeted, policies: policies.map((p) => p.label) };
    n.stages.set(cacheKey, result);
    return result;
  };

  /**
   * The layers of an instance: its network's walk, with the rules that target tags or
   * service accounts as well as ranges resolved for it. Instances that resolve alike share
   * their layers.
   */
  const layersOf = (key: string, region: string | undefined, side: InstanceSide): { ingress: FilterLayer; egress: FilterLayer } => {
    const n = networkRules(key);
    const walk = stagesOf(n, region);
    const decisions = new Map<PlacedRule, 'y' | 'n' | 'm'>();
    let signature = '';
    for (const p of walk.targeted) {
      const d = targetDecision(p, side);
      decisions.set(p, d);
      signature += d;
    }
    const cacheKey = `${region ?? '?'}|${signature}`;
    const hit = n.layers.get(cacheKey);
    if (hit) return hit;
    const rulesOf = (placed: PlacedRule[]): Rule[] => {
      const out: Rule[] = [];
      for (const p of placed) {
        const r = resolvedRule(p, decisions.get(p) ?? 'y', side);
        if (r) out.push(r);
      }
      return out;
    };
    const fixAddress = n.declared?.address ?? key;
    // A deny of a policy evaluated first is undone in the policy, not by a VPC rule.
    const orPolicy = walk.policies.length > 0 ? `, or a rule of ${walk.policies.join(', ')} where the policy denies it` : '';
    const layers = {
      ingress: {
        name: `firewall rules of ${key}`,
        rules: rulesOf(walk.ingress),
        defaultAction: 'deny',
        fix: { kind: 'resource', address: fixAddress, rule: `an INGRESS allow rule (google_compute_firewall, with a priority number below any deny that matches${orPolicy})` },
        fixLocation: n.location,
      },
      egress: {
        name: `egress firewall rules of ${key}`,
        rules: rulesOf(walk.egress),
        defaultAction: 'allow',
        fix: { kind: 'resource', address: fixAddress, rule: `an EGRESS allow rule (google_compute_firewall, with a priority number below any deny that matches${orPolicy})` },
        fixLocation: n.location,
      },
    } satisfies Record<Direction, FilterLayer>;
    n.layers.set(cacheKey, layers);
    return layers;
  };

  // The instances the plan's managed groups keep of each template: two or more make it a fleet.
  let kept: ReturnType<typeof keptInstances> | undefined;
  const fleetOfTemplate = (instance: PlanResource): { fleet?: string } => {
    if (instance.type === 'google_compute_instance') return {};
    const fleet = fleetOf((kept ??= keptInstances(ctx)).get(instance), instance);
    return fleet ? { fleet } : {};
  };

  const serverNetwork = (instance: PlanResource): ServerNetwork => {
    const location = ctx.locate(instance);
    let net = networkKeyOf(instance, ['network_interface', 0, 'network']);
    const subnet = linkedResources(ctx, instance, ['network_interface', 0, 'subnetwork'], { types: new Set([SUBNETWORK]), byId: subnetByRef, what: 'subnetwork', normalize: lastSegment });
    if (net.key === undefined && subnet.targets.length > 0) net = networkKeyOf(subnet.targets[0], ['network']);
    if (net.key === undefined) {
      const why = net.unknown.join('; ') || `the network of ${instance.address} is not known until apply`;
      return { ingress: [unknownLayer(`network of ${instance.address}`, why, location)], egress: [unknownLayer(`network of ${instance.address}`, why, location)], identities: [], identitiesUnknown: why, addresses: AddressSet.ALL_V4, addressesExact: false, ...fleetOfTemplate(instance) };
    }
    const key = net.key;
    const tags = attributeValues(ctx, instance, ['tags'], { computedDefault: [] });
    const account = linkedResources(ctx, instance, ['service_account', 0, 'email'], { types: new Set([ACCOUNT]), byId: accountByEmail, what: 'service account' });
    const identities = [
      `network:${key}`,
      ...tags.values.filter((t): t is string => typeof t === 'string').map((t) => `tag:${key}:${t}`),
      ...accountIdentity(key, account),
    ];
    const identityUnknown = [...tags.unknown, ...account.unknown];
    const ip = attributeValues(ctx, instance, ['network_interface', 0, 'network_ip']);
    const exact = ip.unknown.length === 0 ? cidrSet(ip.values) : undefined;
    // An instance's primary internal address is IPv4 unless its interface is IPv6-only.
    const ipv6Only = lookup(instance, ['network_interface', 0, 'stack_type']);
    let addresses = ipv6Only.state === 'known' && ipv6Only.value === 'IPV6_ONLY' ? AddressSet.ALL_V6 : AddressSet.ALL_V4;
    let addressesExact = false;
    if (exact && !exact.set.isEmpty() && exact.invalid.length === 0) {
      addresses = exact.set;
      addressesExact = true;
    } else if (subnet.targets.length > 0 && addresses === AddressSet.ALL_V4) {
      const range = cidrSet(attributeValues(ctx, subnet.targets[0], ['ip_cidr_range']).values).set;
      if (!range.isEmpty()) addresses = range;
    }
    const zone = lookup(instance, ['zone']);
    const region = zone.state === 'known' && typeof zone.value === 'string' ? gcpRegionOfZone(zone.value) : undefined;
    const identitiesUnknown = identityUnknown.length > 0 ? identityUnknown.join('; ') : undefined;
    const layers = widenedForOtherInterfaces(instance, location, layersOf(key, region, { identities: new Set(identities), identitiesUnknown, addresses }));
    // An instance with interfaces on several networks reaches each of them: no single network.
    const interfaces = lookup(instance, ['network_interface']);
    const oneInterface = interfaces.state === 'known' && Array.isArray(interfaces.value) && interfaces.value.length === 1;
    // IPv4 only: the interface's stack type says so (IPV4_ONLY is the provider's default).
    const stack = lookup(instance, ['network_interface', 0, 'stack_type']);
    const v6Access = lookup(instance, ['network_interface', 0, 'ipv6_access_config']);
    const noIpv6 = oneInterface && (stack.state === 'absent' || (stack.state === 'known' && stack.value === 'IPV4_ONLY')) && (v6Access.state === 'absent' || (v6Access.state === 'known' && Array.isArray(v6Access.value) && v6Access.value.length === 0));
    // No access_config: no external IPv4 address, so the internet does not reach it directly.
    const access = lookup(instance, ['network_interface', 0, 'access_config']);
    const noPublic = oneInterface && access.state === 'known' && Array.isArray(access.value) && access.value.length === 0;
    const direct = noPublic
      ? [noPublicAddressLayer(instance, location, subnetRanges(), 'its network interface has no access_config', `give ${instance.address} an external IP (an access_config block in its network_interface), or bring these clients in through an external load balancer`)]
      : [];
    return { ingress: [...direct, layers.ingress], egress: [layers.egress], identities, identitiesUnknown, addresses, addressesExact, ...(oneInterface ? { network: networkOf(key) } : {}), ...(noIpv6 ? { noIpv6 } : {}), ...fleetOfTemplate(instance) };
  };

  /**
   * Cloud SQL is not behind the VPC firewall: its public IP admits the authorized
   * networks, its private IP (through the peering) any instance of the network named in
   * `private_network`.
   */
  const sqlNetwork = (db: PlanResource): ServerNetwork => {
    const location = ctx.locate(db);
    const base: AttributePath = ['settings', 0, 'ip_configuration', 0];
    const rules: Rule[] = [];
    const ipv4 = lookup(db, [...base, 'ipv4_enabled']);
    const origin = (label: string): Origin => ({ label: `${db.address} ${label}`, location });
    if (ipv4.state === 'unknown') rules.push(mayAllowAnything(`${describeAttribute(db, [...base, 'ipv4_enabled'])} is not known until apply`, origin('ipv4_enabled')));
    if (ipv4.state !== 'known' || ipv4.value !== false) {
      const nets = lookup(db, [...base, 'authorized_networks']);
      if (nets.state === 'unknown') rules.push(mayAllowAnything(`${describeAttribute(db, [...base, 'authorized_networks'])} is not known until apply`, origin('authorized_networks')));
      else if (nets.state === 'known' && Array.isArray(nets.value)) {
        nets.value.forEach((n, i) => {
          const value = isObjectValue(n) ? n.value : undefined;
          const c = cidrSet([value]);
          const at = origin(`authorized network ${typeof value === 'string' ? value : '?'}`);
          // The public IP sees a client's public address: an instance's internal one never matches it.
          if (typeof value === 'string' && c.invalid.length === 0) rules.push(...publicEndpointRules(c.set, value, at));
          else rules.push({ action: 'allow', priority: 0, protocol: 'tcp', ports: PortSet.ALL, peer: unknownPeer(`${describeAttribute(db, [...base, 'authorized_networks', i, 'value'])} is not a known CIDR`), origin: at });
        });
      }
    }
    const privateNetwork = lookup(db, [...base, 'private_network']);
    if (privateNetwork.state !== 'absent') {
      const net = networkKeyOf(db, [...base, 'private_network']);
      const peer: Peer = net.key ? { addresses: AddressSet.EMPTY, identities: [`network:${net.key}`], label: `instances of ${net.key}` } : unknownPeer(net.unknown.join('; '));
      rules.push({ action: 'allow', priority: 0, protocol: 'tcp', ports: PortSet.ALL, peer, origin: origin(`private IP on ${net.key ?? 'a network unknown until apply'}`) });
    }
    const layer: FilterLayer = {
      name: `connectivity of ${db.address}`,
      rules,
      defaultAction: 'deny',
      fix: { kind: 'resource', address: db.address, rule: 'an authorized network (or a private_network)' },
      fixLocation: location,
    };
    // Cloud SQL has IPv4 addresses only (public, or private through the peering): which one
    // is not known, but a flow to it never needs IPv6 let out.
    return { ingress: [layer], egress: [], identities: [], addresses: AddressSet.ALL_V4, addressesExact: false, noIpv6: true };
  };

  return { serverNetwork, sqlNetwork, networkKey: networkKeyOf, networkRanges: subnetRanges };
}
