import { InputError } from '../errors.js';
import type { FilterLayer, LayerFix, Origin, Peer, PrivateNetwork, Rule, SourceLocation } from '../model.js';
import { AddressSet, INTERNET, parseCidr } from '../net/cidr.js';
import type { ParsedCidr } from '../net/cidr.js';
import { PortSet } from '../net/ports.js';
import { lookup } from './plan-resources.js';
import type { AttributePath, Lookup, PlanResource, PlanState } from './plan-resources.js';
import { isExpression } from './references.js';
import type { BlockMatcher, ConfigIndex, ReferenceResolver, Resolution } from './references.js';
import type { Declaration, DeclarationLocator } from './tf-declarations.js';

/**
 * What every cloud module reads: the plan's resources, the reference resolver, and where
 * each resource is declared. Plus the two questions they all ask of an attribute: which
 * resources does it link to, and which values does it hold, after apply.
 */
export interface PlanContext {
  state: PlanState;
  config: ConfigIndex;
  resolver: ReferenceResolver;
  locator: DeclarationLocator;
  /** The `.tf` declaration of a resource, else its entry in the plan file. */
  locate(res: PlanResource): SourceLocation;
  declaration(res: PlanResource): Declaration | undefined;
  ofType(type: string): readonly PlanResource[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function describeAttribute(res: PlanResource, path: AttributePath): string {
  const text = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return `${text} of ${res.address}`;
}

/** `a list`, `a number`: how a JSON value is named in a message. */
export function describeJsonType(v: unknown): string {
  return Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** An attribute whose value has a shape `terraform show -json` never writes (a hand-edited plan). */
export function handEdited(location: SourceLocation, res: PlanResource, path: AttributePath, what: string): InputError {
  return InputError.at(location, `${describeAttribute(res, path)} is ${what}: this is not what \`terraform show -json\` writes. Is the plan hand-edited? Make it again with \`terraform show -json plan.out > plan.json\`.`);
}

/**
 * A server with no public IPv4 address: the IPv4 internet cannot address it directly,
 * whatever its filters allow, so what they admit from there is not certain (a VPN, a NAT
 * rule or an address from elsewhere may still bring it). Its networks' own ranges still
 * reach it, and so does what a balancer forwards (`directOnly`).
 */
export function noPublicAddressLayer(res: PlanResource, location: SourceLocation, networkRanges: AddressSet, why: string, advice: string): FilterLayer {
  return {
    ...blockingLayer(`public address of ${res.address}`, location, { addresses: INTERNET.intersect(AddressSet.ALL_V4).subtract(networkRanges), identities: [], label: 'the IPv4 internet' }, `${res.address} has no public IPv4 address (${why})`, { kind: 'advice', text: advice }, {
      // Not certain: a VPN or Direct Connect, a NAT rule, an accelerator or an address from
      // another configuration may still bring public addresses to it.
      uncertain: `${res.address} has no public IPv4 address (${why}), so clients on the internet reach it only through a load balancer, a VPN or another path this plan does not show`,
    }),
    directOnly: true,
  };
}

/**
 * A layer that stops `peer` outright, whatever the filters allow: an internal scheme, an
 * address family, a missing public address, a port nothing listens on. One deny rule
 * (on `ports`, every port by default), everything else allowed.
 */
export function blockingLayer(name: string, location: SourceLocation, peer: Peer, why: string, fix: LayerFix, o: { ports?: PortSet; uncertain?: string } = {}): FilterLayer {
  return {
    name,
    rules: [{ action: 'deny', priority: 0, protocol: 'all', ports: o.ports ?? PortSet.ALL, peer, origin: { label: why, location }, ...(o.uncertain !== undefined ? { uncertain: o.uncertain } : {}) }],
    defaultAction: 'allow',
    fix,
    fixLocation: location,
  };
}

/** The rule block lists of the firewall resources, checked for every resource of the plan. */
const RULE_BLOCKS: ReadonlyArray<[string, readonly string[]]> = [
  ['aws_security_group', ['ingress', 'egress']],
  ['aws_default_security_group', ['ingress', 'egress']],
  ['aws_network_acl', ['ingress', 'egress']],
  ['aws_default_network_acl', ['ingress', 'egress']],
  ['azurerm_network_security_group', ['security_rule']],
  ['google_compute_firewall', ['allow', 'deny']],
];

/** Checks the rule blocks of every firewall resource of the plan (see checkRuleBlocks). */
export function checkRuleShapes(ctx: PlanContext): void {
  for (const [type, attributes] of RULE_BLOCKS) {
    for (const res of ctx.ofType(type)) for (const a of attributes) checkRuleBlocks(ctx, res, [a], lookup(res, [a]));
  }
}

/**
 * Checks that a list of rule blocks (`ingress`, `security_rule`, `allow`) is what the
 * provider's schema writes, a list of objects. Anything else would read as no rules, and a
 * port that must stay closed would pass in silence.
 */
export function checkRuleBlocks(ctx: PlanContext, res: PlanResource, path: AttributePath, l: Lookup): void {
  if (l.state !== 'known') return;
  if (!Array.isArray(l.value)) throw handEdited(ctx.locate(res), res, path, `${describeJsonType(l.value)}, where a list of rule blocks belongs`);
  l.value.forEach((b: unknown, i) => {
    if (!isObject(b)) throw handEdited(ctx.locate(res), res, [...path, i], `${describeJsonType(b)}, where a rule block (an object) belongs`);
  });
}

/**
 * Whether configuration writes an argument or nested block: an expression in the plan, or
 * the `.tf` body (the plan leaves out nested blocks of attributes-as-blocks and dynamic
 * blocks). `maybe` when neither says: no configuration, or no `.tf` declaring the resource.
 */
export function isConfigured(ctx: PlanContext, res: PlanResource, name: string): 'yes' | 'no' | 'maybe' {
  if (ctx.config.present && ctx.resolver.isSet(res, name)) return 'yes';
  const decl = ctx.declaration(res);
  if (!decl) return 'maybe';
  return decl.written.has(name) ? 'yes' : 'no';
}

export interface ValueResult {
  /** Known values (scalars; a list attribute gives one entry per element). */
  values: unknown[];
  /** Why some values are not known: names the attribute and what it comes from. */
  unknown: string[];
  /** True when the attribute is null or not set (after apply). */
  absent: boolean;
}

function unknownElements(res: PlanResource, path: AttributePath): unknown {
  let u: unknown = res.unknown;
  for (const step of path) u = u !== null && typeof u === 'object' ? (u as Record<string | number, unknown>)[step] : u === true ? true : undefined;
  return u;
}

/**
 * The values an attribute holds after apply. Values unknown until apply are followed
 * through configuration references to the resources and constants they come from.
 */
export interface ValueOptions {
  matchBlock?: BlockMatcher;
  /** The provider's value where configuration does not write the attribute. */
  computedDefault?: unknown[];
  /** Why the value stays unknown where configuration does not record it (a block the plan leaves out). */
  unrecorded?: string;
}

export function attributeValues(ctx: PlanContext, res: PlanResource, path: AttributePath, options: ValueOptions = {}): ValueResult {
  const l = lookup(res, path);
  if (l.state === 'absent') return { values: [], unknown: [], absent: true };
  if (l.state === 'known') {
    if (!Array.isArray(l.value)) return { values: [l.value], unknown: [], absent: false };
    const u = unknownElements(res, path);
    const values: unknown[] = [];
    let partial = false;
    const list = l.value;
    for (let i = 0; i < list.length; i++) {
      const v: unknown = list[i];
      if (v === null && Array.isArray(u) && u[i] === true) partial = true;
      else if (v !== null) values.push(v);
    }
    if (!partial) return { values, unknown: [], absent: false };
    const followed = followConfiguration(ctx, res, path, describeAttribute(res, path), options);
    return { values: [...values, ...followed.values], unknown: followed.unknown, absent: false };
  }
  return { ...followConfiguration(ctx, res, path, describeAttribute(res, path), options), absent: false };
}

function followConfiguration(ctx: PlanContext, res: PlanResource, path: AttributePath, label: string, options: ValueOptions): { values: unknown[]; unknown: string[] } {
  const source = ctx.resolver.attribute(res, path, options.matchBlock);
  if (source.kind === 'no-configuration') return { values: [], unknown: [`${label} is not known until apply, and the plan has no configuration to follow`] };
  if (source.kind === 'not-set') {
    if (options.unrecorded) return { values: [], unknown: [`${label} is not known until apply, and ${options.unrecorded}`] };
    if (options.computedDefault) return { values: options.computedDefault, unknown: [] };
    return { values: [], unknown: [`${label} is not known until apply (the provider computes it)`] };
  }
  return resolutionValues(source.resolution, label);
}

/** Turns a resolution into values: constants, and the known attribute values of the resources it names. */
export function resolutionValues(r: Resolution, label: string): { values: unknown[]; unknown: string[] } {
  const values: unknown[] = [...r.constants];
  const unknown: string[] = r.unresolved.map((u) => `${label} is not known until apply and comes from ${u}`);
  for (const t of r.targets) {
    const l = lookup(t.resource, t.attribute);
    const ref = `${t.resource.address}${t.attribute.length > 0 ? `.${t.attribute.join('.')}` : ''}`;
    if (l.state === 'known') values.push(...(Array.isArray(l.value) ? l.value.filter((v) => v !== null) : [l.value]));
    else if (l.state === 'unknown') unknown.push(`${label} is not known until apply: it is ${ref}, which is also unknown`);
  }
  return { values, unknown };
}

export interface LinkSpec {
  /** Resource types the attribute links to (`aws_security_group`). */
  types: ReadonlySet<string>;
  /** Known ids (or names) of those resources. */
  byId: ReadonlyMap<string, PlanResource>;
  /** What a linked thing is called in messages: `security group`. */
  what: string;
  matchBlock?: BlockMatcher;
  /** How a value is reduced to a key of `byId` (GCP self links end in the name). */
  normalize?: (value: string) => string;
}

export interface Links {
  targets: PlanResource[];
  /** Ids of things the plan does not manage (existing groups, subnets from another state). */
  external: string[];
  unknown: string[];
  /** The attribute is not set in configuration and has no value: the provider's default applies. */
  computed: boolean;
  /** Set when the expression may pick only some of the targets (`var.x ? a : b`): what decides, naming the attribute. */
  choice?: string;
}

/** Adds the links of another attribute: targets and outside ids once each, every reason; computed while all are. */
export function mergeLinks(into: Links, l: Links): void {
  for (const t of l.targets) if (!into.targets.includes(t)) into.targets.push(t);
  for (const e of l.external) if (!into.external.includes(e)) into.external.push(e);
  for (const u of l.unknown) into.unknown.push(u);
  if (!l.computed) into.computed = false;
  if (l.choice !== undefined) into.choice ??= l.choice;
}

/** Where links land: in-plan targets (once each), ids of resources outside the plan, and why any are unknown. */
function linkCollector(spec: LinkSpec): { out: Links; addTarget: (r: PlanResource) => void; addValue: (v: unknown) => void } {
  const out: Links = { targets: [], external: [], unknown: [], computed: false };
  // Most attributes link to one or two resources: a scan beats a set until there are many.
  let seen: Set<PlanResource> | undefined;
  const addTarget = (r: PlanResource) => {
    if (seen) {
      if (seen.has(r)) return;
      seen.add(r);
    } else if (out.targets.includes(r)) return;
    else if (out.targets.length >= 16) seen = new Set(out.targets).add(r);
    out.targets.push(r);
  };
  const addValue = (v: unknown) => {
    if (typeof v !== 'string' || v === '') return;
    const r = spec.byId.get(v) ?? spec.byId.get(v.toLowerCase()) ?? (spec.normalize ? spec.byId.get(spec.normalize(v)) : undefined);
    if (r) addTarget(r);
    else if (!out.external.includes(v)) out.external.push(v);
  };
  return { out, addTarget, addValue };
}

/**
 * Which resources an attribute that holds ids (or names) links to after apply: by known
 * id, else through configuration references. References to a resource of the wanted
 * types link to it even while its id is unknown.
 */
export function linkedResources(ctx: PlanContext, res: PlanResource, path: AttributePath, spec: LinkSpec): Links {
  const { out, addTarget, addValue } = linkCollector(spec);
  // Worded only when something is unknown: most links resolve.
  let text: string | undefined;
  const label = () => (text ??= describeAttribute(res, path));
  const l = lookup(res, path);
  let follow = false;
  if (l.state === 'known') {
    const u = unknownElements(res, path);
    if (!Array.isArray(l.value)) addValue(l.value);
    else {
      const list: unknown[] = l.value;
      for (let i = 0; i < list.length; i++) {
        if (list[i] === null && Array.isArray(u) && u[i] === true) follow = true;
        else addValue(list[i]);
      }
    }
  } else if (l.state === 'unknown') {
    follow = true;
  }
  if (!follow) return out;
  const source = ctx.resolver.attribute(res, path, spec.matchBlock);
  if (source.kind === 'no-configuration') {
    out.unknown.push(`${label()} is not known until apply, and the plan has no configuration to follow`);
    return out;
  }
  if (source.kind === 'not-set') {
    out.computed = true;
    return out;
  }
  followResolution(source.resolution, spec, label, out, addTarget, addValue);
  return out;
}

function followResolution(r: Resolution, spec: LinkSpec, label: () => string, out: Links, addTarget: (r: PlanResource) => void, addValue: (v: unknown) => void): void {
  for (const t of r.targets) {
    if (t.resource.mode === 'managed' && spec.types.has(t.resource.type)) {
      addTarget(t.resource);
      continue;
    }
    const value = lookup(t.resource, t.attribute.length > 0 ? t.attribute : ['id']);
    const ref = `${t.resource.address}${t.attribute.length > 0 ? `.${t.attribute.join('.')}` : ''}`;
    if (value.state === 'known') (Array.isArray(value.value) ? value.value : [value.value]).forEach(addValue);
    else out.unknown.push(`${label()} is not known until apply: it comes from ${ref}, which is not a ${spec.what} the plan creates`);
  }
  for (const c of r.constants) addValue(c);
  for (const u of r.unresolved) out.unknown.push(`${label()} is not known until apply and comes from ${u}`);
  if (r.choice !== undefined) out.choice ??= `${label()} is not known until apply: ${r.choice}`;
}

/**
 * The resources a configuration expression links to, for blocks the plan reorders (sets of
 * blocks, where a plan block cannot be matched to its configuration block by position).
 */
export function linksOfExpression(ctx: PlanContext, res: PlanResource, expression: unknown, spec: LinkSpec, label: string): Links {
  const { out, addTarget, addValue } = linkCollector(spec);
  followResolution(ctx.resolver.resolveExpression(res.moduleSteps, expression, res.index, 0), spec, () => label, out, addTarget, addValue);
  return out;
}

/** The configuration blocks written at `path` of a resource (a list of nested blocks), or undefined. */
export function configBlocks(ctx: PlanContext, res: PlanResource, path: AttributePath): Array<Record<string, unknown>> | undefined {
  let node: unknown = ctx.resolver.configOf(res)?.expressions;
  for (const step of path) {
    if (Array.isArray(node)) node = typeof step === 'number' ? node[step] : undefined;
    else if (isObject(node) && !isExpression(node)) node = typeof step === 'number' ? (step === 0 ? node : undefined) : node[step];
    else return undefined;
  }
  if (Array.isArray(node)) return node.filter(isObject);
  return isObject(node) && !isExpression(node) ? [node] : undefined;
}

/** Indexes resources by a known string attribute (`id`, `name`, `self_link`). */
export function indexBy(resources: Iterable<PlanResource>, attributes: readonly string[], lowerCase = false): Map<string, PlanResource> {
  const map = new Map<string, PlanResource>();
  for (const r of resources) {
    for (const a of attributes) {
      const v = r.values[a];
      if (typeof v === 'string' && v !== '') map.set(lowerCase ? v.toLowerCase() : v, r);
    }
  }
  return map;
}

/** A CIDR list from plan values: the set, plus the texts that are not CIDRs. */
const cidrSets = new Map<string, { set: AddressSet; invalid: string[] }>();

/**
 * The address set of a list of CIDR texts. Interned: the same list (0.0.0.0/0 on every
 * web rule) gives the same set, so what a set memoizes (its description) is shared.
 * Results are shared: do not modify them.
 */
export function cidrSet(values: readonly unknown[]): { set: AddressSet; invalid: string[] } {
  let key = '';
  for (const v of values) {
    if (typeof v === 'string') key += `${v}\u0000`;
    // A number, list or object where a CIDR text belongs (rare): parsed as is, not interned.
    else if (v !== null && v !== undefined) return parseCidrList(values);
  }
  let result = cidrSets.get(key);
  if (!result) {
    if (cidrSets.size > 100_000) cidrSets.clear();
    result = parseCidrList(values);
    cidrSets.set(key, result);
  }
  return result;
}

function parseCidrList(values: readonly unknown[]): { set: AddressSet; invalid: string[] } {
  const parsed: ParsedCidr[] = [];
  const invalid: string[] = [];
  for (const v of values) {
    if (v === null || v === undefined) continue;
    // Not a text at all: as much "not a CIDR" as a malformed one, never silently dropped.
    if (typeof v !== 'string') {
      invalid.push(valueText(v));
      continue;
    }
    const r = parseCidr(v);
    if (r.ok) parsed.push(r.value);
    else invalid.push(v);
  }
  return { set: AddressSet.fromParsed(parsed), invalid };
}

/** A short JSON rendering of a value that is not a text, for messages. */
function valueText(v: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A peer that may be anything: the rule's other side is not known until apply. */
export function unknownPeer(reason: string, label = 'unknown until apply'): Peer {
  return { addresses: AddressSet.EMPTY, identities: [], unknown: reason, label };
}

/** A rule that may allow anything: stands for rules the plan cannot tell (so a verdict becomes unknown, never a pass). */
export function mayAllowAnything(reason: string, origin: Origin, priority = 0): Rule {
  return { action: 'allow', priority, protocol: 'all', ports: PortSet.ALL, peer: unknownPeer(reason), origin };
}

/**
 * A rule that may or may not apply (its action, number or target is not known): a deny and
 * an allow that apply to the layer's endpoint maybe, so first-match evaluation keeps both
 * outcomes and the verdict is unknown, never a pass.
 */
export function undecidedRules(reason: string, rule: Omit<Rule, 'action' | 'local'>): Rule[] {
  const local = unknownPeer(reason);
  return [{ ...rule, action: 'deny', local }, { ...rule, action: 'allow', local }];
}

/**
 * The layers with `rule` evaluated first (layers wholly unknown stay as they are): how a
 * server modelled by one interface admits what its other interfaces may let in.
 */
export function withFirstRule(layers: readonly FilterLayer[], rule: Rule): FilterLayer[] {
  return layers.map((l) => (l.unknown !== undefined ? l : { ...l, rules: [rule, ...l.rules] }));
}

/** The layer of a server whose filter cannot be known at all. */
export function unknownLayer(name: string, reason: string, fixLocation?: SourceLocation): FilterLayer {
  return { name, rules: [], defaultAction: 'deny', unknown: reason, fixLocation };
}

export function isObjectValue(v: unknown): v is Record<string, unknown> {
  return isObject(v);
}

/** `us-east-1a` -> `us-east-1`, `us-west-2-lax-1a` -> `us-west-2`. */
export function awsRegionOfZone(zone: string): string | undefined {
  const m = /^([a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d+)/.exec(zone);
  return m ? m[1] : undefined;
}

/** `us-central1-a` or `projects/p/zones/us-central1-a` -> `us-central1`. */
export function gcpRegionOfZone(zone: string): string | undefined {
  const last = zone.split('/').pop() ?? zone;
  const m = /^([a-z]+-[a-z]+\d+)(-[a-z])?$/.exec(last);
  return m ? m[1] : undefined;
}

/** Azure writes locations both ways: `West Europe` and `westeurope`. */
export function azureRegion(location: string): string {
  return location.toLowerCase().replace(/\s+/g, '');
}

/** What a cloud module gives a server: its filters, identities and addresses. */
export interface ServerNetwork {
  ingress: FilterLayer[];
  egress: FilterLayer[];
  /** The private network the server is in, where the plan says. */
  network?: PrivateNetwork;
  /** True where the plan says the server gets no IPv6 address. */
  noIpv6?: boolean;
  /** Set where the server stands for several instances (an autoscaling group's template, a managed instance group's, a scale set): why. */
  fleet?: string;
  identities: string[];
  /** Set when the server may carry identities that are not known until apply. */
  identitiesUnknown?: string;
  addresses: AddressSet;
  addressesExact: boolean;
}

/**
 * How many instances of a template the groups that launch from it keep, and the groups that
 * keep any; how many they may run when they scale out (`most`), and the groups that may run any.
 */
export interface KeptInstances {
  count: number;
  groups: readonly string[];
  most: number;
  scaling: readonly string[];
}

/**
 * `kept` and the `count` instances `group` keeps besides, up to `most` when it scales out
 * (never fewer than `count`); a group that keeps none (may run none) is not named.
 */
export function keepInstances(kept: KeptInstances | undefined, group: string, count: number, most = count): KeptInstances {
  const before = kept ?? { count: 0, groups: [], most: 0, scaling: [] };
  const upTo = Math.max(count, most);
  return {
    count: before.count + count,
    groups: count > 0 && !before.groups.includes(group) ? [...before.groups, group] : before.groups,
    most: before.most + upTo,
    scaling: upTo > 0 && !before.scaling.includes(group) ? [...before.scaling, group] : before.scaling,
  };
}

/**
 * Why a template (or a scale set) stands for several instances: what launches from it keeps
 * two or more, or may run two or more when it scales out (its instance-to-instance flows
 * break exactly then). `aws_autoscaling_group.fe keeps 2 instances of aws_launch_template.fe running`;
 * a scale set that keeps its own: `azurerm_linux_virtual_machine_scale_set.fe keeps 2 instances running`;
 * `aws_autoscaling_group.fe may run up to 5 instances of aws_launch_template.fe`.
 */
export function fleetOf(kept: KeptInstances | undefined, template: PlanResource): string | undefined {
  if (!kept) return undefined;
  const named = (groups: readonly string[]) => ({ names: groups.join(', '), own: groups.length === 1 && groups[0] === template.address, one: groups.length === 1 });
  if (kept.count >= 2) {
    const { names, own, one } = named(kept.groups);
    return `${names} ${one ? 'keeps' : 'keep'} ${kept.count} instances ${own ? '' : `of ${template.address} `}running`;
  }
  if (kept.most < 2) return undefined;
  const { names, own } = named(kept.scaling);
  return `${names} may run up to ${kept.most} instances${own ? '' : ` of ${template.address}`}`;
}

/** The addresses from `start` to `end` (IPv4 or IPv6, inclusive) as a set, or undefined when they are not addresses. */
export function addressRange(start: unknown, end: unknown): AddressSet | undefined {
  if (typeof start !== 'string' || typeof end !== 'string') return undefined;
  const a = parseCidr(start);
  const b = parseCidr(end);
  if (!a.ok || !b.ok || a.value.hasPrefix || b.value.hasPrefix || a.value.family !== b.value.family || a.value.address > b.value.address) return undefined;
  const bits = a.value.family === 4 ? 32 : 128;
  const blocks: ParsedCidr[] = [];
  let lo = a.value.address;
  const hi = b.value.address;
  while (lo <= hi) {
    let size = 0;
    while (size < bits) {
      const next = 1n << BigInt(size + 1);
      if ((lo & (next - 1n)) !== 0n || lo + next - 1n > hi) break;
      size++;
    }
    blocks.push({ family: a.value.family, address: lo, prefix: bits - size, hasPrefix: true, hostBitsSet: false });
    lo += 1n << BigInt(size);
  }
  return AddressSet.fromParsed(blocks);
}

/**
 * The private networks of one cloud in a plan, from its peerings: each network reaches
 * itself and its direct peers (peering is not transitive). A peering whose ends cannot be
 * told, or any resource that routes between networks in ways topogate does not read
 * (gateways, VPN, transit), leaves every network's reach undecided.
 */
export function privateNetworks(ctx: PlanContext, peerings: ReadonlyArray<readonly [string | undefined, string | undefined]>, routers: readonly string[]): (key: string) => PrivateNetwork {
  const routed = routers.some((t) => ctx.ofType(t).some((r) => r.mode === 'managed'));
  const undecided = routed || peerings.some(([a, b]) => a === undefined || b === undefined);
  const peers = new Map<string, Set<string>>();
  for (const [a, b] of peerings) {
    if (a === undefined || b === undefined) continue;
    for (const [x, y] of [[a, b], [b, a]]) {
      let set = peers.get(x);
      if (!set) peers.set(x, (set = new Set([x])));
      set.add(y);
    }
  }
  const made = new Map<string, PrivateNetwork>();
  return (key) => {
    let n = made.get(key);
    if (!n) {
      n = { key, reaches: undecided ? undefined : (peers.get(key) ?? new Set([key])) };
      made.set(key, n);
    }
    return n;
  };
}
