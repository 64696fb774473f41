import { AddressSet } from '../net/cidr.js';
import { PortSet } from '../net/ports.js';
import type { Endpoint, FilterLayer, FlowProtocol, Origin, Peer, Rule, RuleProtocol } from '../model.js';
import type { BalancerPath } from './balancer-paths.js';
import { addressDoubt, hasNoIpv6 } from './address-doubt.js';
import type { AddressedEndpoint } from './address-doubt.js';

/**
 * Which source addresses get through to a target on one protocol and port.
 *
 * Values unknown until apply are handled by evaluating twice: pessimistically (an
 * unresolved allow matches nothing, an unresolved deny matches everything) and
 * optimistically (the reverse). Under first-match semantics these bound every real
 * outcome, so `min` is what certainly gets through and `max` what possibly does.
 * With nothing unknown the two are equal and the answer is exact.
 */

/** What a flow starts from: a client (CIDR list) or an endpoint in the environment. */
export interface FlowSource {
  name: string;
  kind: 'client' | 'server' | 'load-balancer';
  addresses: AddressSet;
  addressesExact: boolean;
  identities: readonly string[];
  identitiesUnknown?: string;
  /** Set when the source may hold roles beyond its `role:` identities (a server's `rolesUnknown`). */
  rolesUnknown?: string;
  /** With `rolesUnknown`: the only roles it may gain (a server's `possibleRoles`); absent, any. */
  possibleRoles?: readonly string[];
  egress: readonly FilterLayer[];
  /** Filters on traffic into the source: only its stateless ones matter, to the responses. */
  ingress?: readonly FilterLayer[];
}

/**
 * Where a flow is filtered: into the target, out of the source, or (through stateless
 * filters) its responses out of the target and into the source.
 */
export type Hop = 'ingress' | 'egress' | 'response-egress' | 'response-ingress';

/**
 * The ports a connection's responses go back to: the client's ephemeral port, which Linux
 * (32768-60999), Windows (49152-65535) and AWS NAT gateways and balancers (1024-65535)
 * all pick within this range. AWS's advice for network ACLs is to allow all of it.
 */
export const EPHEMERAL_PORTS = PortSet.range(1024, 65535);

/**
 * Where every common client's ephemeral range lies (Linux 32768-60999, Windows and macOS
 * 49152-65535): responses blocked on all of it fail for them. A balancer or NAT gateway
 * as the client may pick any port of EPHEMERAL_PORTS.
 */
const COMMON_CLIENT_PORTS_FROM = 32768;

export interface ReachOptions {
  /**
   * Check that the responses get back through stateless filters (a connection needs them);
   * a forbidden flow leaves this off, since its first packets already reach the target.
   */
  responses?: boolean;
  /**
   * Asks whether the flow can get in at all (a forbidden flow), rather than whether it
   * always does (a required one): it decides filters that apply to some connections each.
   */
  exposure?: boolean;
}

export interface LayerBlock {
  hop: Hop;
  layer: FilterLayer;
  /** Deny rules that matched what was blocked. */
  deniedBy: readonly Origin[];
}

export interface PortReach {
  /** Source addresses that certainly get through. */
  min: AddressSet;
  /** Source addresses that may get through. */
  max: AddressSet;
  /** Allow rules that let `min` through, on every layer of the path. */
  allowedBy: Origin[];
  /** Layers that certainly block some of the source. */
  blocks: LayerBlock[];
  /** Why `min` and `max` differ. */
  unknowns: string[];
}

/** The addresses an endpoint may have: its set, or everything when nothing is known. */
export function possibleAddresses(e: { addresses: AddressSet; addressesExact: boolean }): AddressSet {
  return e.addresses.isEmpty() && !e.addressesExact ? AddressSet.ALL : e.addresses;
}

export function protocolMatches(rule: RuleProtocol, flow: FlowProtocol): boolean {
  return rule === 'all' || rule === flow;
}

type Tri = 'yes' | 'no' | 'maybe';

interface Side {
  addresses: AddressSet;
  exact: boolean;
  identities: ReadonlySet<string>;
  identitiesUnknown?: string;
  /** The side may hold roles beyond its `role:` identities: why. */
  rolesUnknown?: string;
  /** The only roles it may gain, as `role:` identities; absent, any. */
  possibleRoles?: ReadonlySet<string>;
  /** The end certainly has no IPv6 address (see hasNoIpv6): it sends and answers over IPv4 only. */
  noIpv6: boolean;
  /** Its IPv4 addresses, when it also has IPv6 ones (worked out on first use). */
  v4?: AddressSet;
}

/** An end as sideOf reads it: a flow source, or a target endpoint. */
type SideSource = AddressedEndpoint & Pick<FlowSource, 'identities' | 'identitiesUnknown' | 'rolesUnknown' | 'possibleRoles'>;
/**
 * What the flow engine works out once per endpoint and per layer, kept on the object
 * itself under a private, non-enumerable key: tens of thousands of WeakMap entries cost
 * more (and burden the collector more) than the work they save.
 */
const CACHE = Symbol('topogate.flow');

const frozenOwners = new WeakMap<object, unknown>();

function cached<T>(owner: object, make: () => T): T {
  const slot = owner as { [CACHE]?: T };
  let value = slot[CACHE];
  if (value === undefined) {
    if (!Object.isExtensible(owner)) {
      // A frozen model (a caller's, or a test's): keep its cache aside.
      if (!frozenOwners.has(owner)) frozenOwners.set(owner, make());
      return frozenOwners.get(owner) as T;
    }
    value = make();
    Object.defineProperty(owner, CACHE, { value, writable: false, enumerable: false, configurable: false });
  }
  return value;
}

/** An endpoint as the matcher sees it; cached, since every flow to or from it asks again. */
function sideOf(e: SideSource): Side {
  return cached(e, () => ({
    addresses: possibleAddresses(e),
    exact: e.addressesExact,
    identities: new Set(e.identities),
    identitiesUnknown: e.identitiesUnknown,
    rolesUnknown: e.rolesUnknown,
    possibleRoles: e.rolesUnknown !== undefined && e.possibleRoles ? new Set(e.possibleRoles.map((r) => `role:${r}`)) : undefined,
    noIpv6: hasNoIpv6(e),
  }));
}

/**
 * The addresses of `target` that `source` sends to: a source with no IPv6 address talks to
 * a dual-stack target over IPv4, so its egress need not let out the target's IPv6
 * addresses. (A target of IPv6 alone keeps them: that flow is for the rules to decide.)
 */
function addressesSentTo(source: Side, target: Side): AddressSet {
  if (!source.noIpv6 || !target.addresses.overlaps(AddressSet.ALL_V6)) return target.addresses;
  target.v4 ??= target.addresses.intersect(AddressSet.ALL_V4);
  return target.v4.isEmpty() ? target.addresses : target.v4;
}

interface LayerCache {
  /** Rules in evaluation order. */
  sorted?: readonly Rule[];
  byPort: Map<number, PortRules>;
  cuts: Map<FlowProtocol, readonly number[]>;
  /** Whether a rule depends on the end the layer is attached to (then answers are not kept per remote end). */
  readsLocal?: boolean;
  /**
   * Answers per remote end and question (protocol, port, exposure), where no rule reads the
   * local end: for stateless layers asked by the responses of every pair, and for layers
   * several ends share.
   */
  byRemote?: WeakMap<Side, Map<number, LayerReach>>;
  /** The first end a flow asked the layer about from; `shared` once another one does. */
  firstLocal?: Side;
  shared?: boolean;
  /** The ephemeral range cut where this and the other stateless layers of a path change, by those layers. */
  responseGrids?: Map<string, readonly PortSet[]>;
}

const layerIds = new WeakMap<FilterLayer, number>();
let nextLayerId = 0;
function layerId(layer: FilterLayer): number {
  let id = layerIds.get(layer);
  if (id === undefined) layerIds.set(layer, (id = nextLayerId++));
  return id;
}

const layerCache = (layer: FilterLayer): LayerCache => cached<LayerCache>(layer, () => ({ byPort: new Map(), cuts: new Map() }));

function hasIdentity(peer: Peer, side: Side): boolean {
  for (const id of peer.identities) if (side.identities.has(id)) return true;
  return false;
}

/** What a peer's addresses match of a side: all of it by identity, none where it leaves the side's identity out, else the common addresses. */
function matchedAddresses(peer: Peer, side: Side): AddressSet {
  if (hasIdentity(peer, side)) return side.addresses;
  if (peer.exceptIdentities !== undefined && peer.exceptIdentities.some((id) => side.identities.has(id))) return AddressSet.EMPTY;
  return peer.addresses.intersect(side.addresses);
}

/** A peer naming identities the side lacks, on a side whose identities (or roles) are not all known: it may match. */
function mayHaveIdentity(peer: Peer, side: Side): boolean {
  if (side.identitiesUnknown === undefined && side.rolesUnknown === undefined) return false;
  if (peer.identities.length === 0 || hasIdentity(peer, side)) return false;
  if (side.identitiesUnknown !== undefined) return true;
  // Roles unknown: only a role it may gain can make the rule match.
  const possible = side.possibleRoles;
  return peer.identities.some((id) => id.startsWith('role:') && (possible === undefined || possible.has(id)));
}

/** Why a side may carry an identity it is not known to: its identities, else its roles, are unknown. */
const identityDoubt = (side: Side): string | undefined => side.identitiesUnknown ?? side.rolesUnknown;

/** Does a selector match a whole endpoint? */
function matchesEndpoint(peer: Peer, side: Side): Tri {
  // A peer of unknown addresses still matches what carries its identity (a service tag's own traffic).
  if (hasIdentity(peer, side)) return 'yes';
  if (peer.unknown !== undefined) return 'maybe';
  if (peer.exceptIdentities !== undefined && peer.exceptIdentities.some((id) => side.identities.has(id))) return 'no';
  if (peer.addresses.covers(side.addresses)) return 'yes';
  if (mayHaveIdentity(peer, side)) return 'maybe';
  if (!peer.addresses.overlaps(side.addresses)) return 'no';
  return 'maybe';
}

/** Priority order; at equal priority deny is evaluated first (GCP's rule, harmless elsewhere). */
function rulesInOrder(layer: FilterLayer): readonly Rule[] {
  const cache = layerCache(layer);
  let rules = cache.sorted;
  if (!rules) {
    const before = (a: Rule, b: Rule) => a.priority - b.priority || (a.action === b.action ? 0 : a.action === 'deny' ? -1 : 1);
    // Most layers (security groups: all allows at one priority) are in order already.
    let ordered = true;
    for (let i = 1; i < layer.rules.length && ordered; i++) ordered = before(layer.rules[i - 1], layer.rules[i]) <= 0;
    rules = ordered
      ? layer.rules
      : layer.rules
          .map((r, i) => ({ r, i }))
          .sort((a, b) => before(a.r, b.r) || a.i - b.i)
          .map((x) => x.r);
    cache.sorted = rules;
  }
  return rules;
}

interface PortRules {
  rules: readonly Rule[];
  /** Allow-only, deny by default, nothing unknown or narrowed: a union (AWS security groups, topology firewalls). */
  union: boolean;
}

/**
 * The layer's rules that can apply to one protocol and port, in evaluation order: a layer
 * is asked about the same ports by every flow into its endpoint, so this is worked out
 * once per layer and port.
 */
function rulesFor(layer: FilterLayer, protocol: FlowProtocol, port: number): PortRules {
  const byPort = layerCache(layer).byPort;
  const key = protocol === 'tcp' ? port : -1 - port;
  let entry = byPort.get(key);
  if (!entry) {
    const rules = rulesInOrder(layer).filter((r) => protocolMatches(r.protocol, protocol) && (r.portsUnknown !== undefined || r.ports.has(port)));
    const union = layer.defaultAction === 'deny' && layer.unknown === undefined && rules.every((r) => r.action === 'allow' && !r.local && r.peer.unknown === undefined && r.portsUnknown === undefined && r.uncertain === undefined);
    byPort.set(key, (entry = { rules, union }));
  }
  return entry;
}

interface LayerReach {
  min: AddressSet;
  max: AddressSet;
  allowedBy: readonly Origin[];
  deniedBy: readonly Origin[];
  unknowns: readonly string[];
}

/** The empty list answers share: one per pair and layer otherwise, mostly never filled. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * One layer, first-match: which of `remote`'s addresses it lets through between
 * `remote` and `local` (the endpoint the layer is attached to).
 */
function reachThroughLayer(layer: FilterLayer, remote: Side, local: Side, protocol: FlowProtocol, port: number, exposure = false): LayerReach {
  if (layer.alternatives) return reachThroughAlternatives(layer, layer.alternatives, remote, local, protocol, port, exposure);
  if (layer.unknown !== undefined) {
    return { min: AddressSet.EMPTY, max: remote.addresses, allowedBy: [], deniedBy: [], unknowns: [layer.unknown] };
  }
  const { rules, union } = rulesFor(layer, protocol, port);
  if (union && remote.identitiesUnknown === undefined && remote.rolesUnknown === undefined) {
    // A union of allows: what each rule matches, added up; exact, so min and max agree.
    let got = AddressSet.EMPTY;
    const by: Origin[] = [];
    for (const rule of rules) {
      const m = matchedAddresses(rule.peer, remote);
      if (m.isEmpty() || got.covers(m)) continue;
      got = got.union(m);
      by.push(rule.origin);
      if (got.covers(remote.addresses)) break;
    }
    return { min: got, max: got, allowedBy: by, deniedBy: NONE, unknowns: NONE };
  }
  let remMin = remote.addresses;
  let remMax = remote.addresses;
  let min = AddressSet.EMPTY;
  let max = AddressSet.EMPTY;
  const allowedBy: Origin[] = [];
  const deniedBy: Origin[] = [];
  const unknowns: string[] = [];
  for (const rule of rules) {
    if (remMin.isEmpty() && remMax.isEmpty()) break;
    const portKnown = rule.portsUnknown === undefined;
    const localMatch = rule.local ? matchesEndpoint(rule.local, local) : 'yes';
    if (localMatch === 'no') continue;

    const peerUnknown = rule.peer.unknown !== undefined && !hasIdentity(rule.peer, remote);
    const identityMaybe = !peerUnknown && mayHaveIdentity(rule.peer, remote);
    const matched = matchedAddresses(rule.peer, remote);
    const possible = peerUnknown || identityMaybe ? remote.addresses : matched;
    const certain = portKnown && localMatch === 'yes' && !peerUnknown && rule.uncertain === undefined ? matched : AddressSet.EMPTY;
    if (!certain.equals(possible) && possible.overlaps(remMax)) {
      const localWhy = localMatch === 'maybe' ? (rule.local?.unknown ?? identityDoubt(local)) : undefined;
      unknowns.push(rule.peer.unknown ?? rule.portsUnknown ?? localWhy ?? rule.uncertain ?? (identityMaybe ? identityDoubt(remote) : undefined) ?? `${rule.origin.label} applies to part of ${layer.name} only`);
    }
    if (rule.action === 'allow') {
      const gotMin = certain.intersect(remMin);
      if (!gotMin.isEmpty()) {
        min = min.union(gotMin);
        remMin = remMin.subtract(gotMin);
        allowedBy.push(rule.origin);
      }
      const gotMax = possible.intersect(remMax);
      if (!gotMax.isEmpty()) {
        max = max.union(gotMax);
        remMax = remMax.subtract(gotMax);
      }
    } else {
      if (possible.overlaps(remMax)) deniedBy.push(rule.origin);
      remMin = remMin.subtract(possible);
      remMax = remMax.subtract(certain);
    }
  }
  if (layer.defaultAction === 'allow') {
    min = min.union(remMin);
    max = max.union(remMax);
  }
  return { min, max, allowedBy, deniedBy, unknowns };
}

/**
 * Filters of which one applies to each connection. `one` (which one is not known): certain
 * what each lets through, possible what any does. `each` (every one, to some connections):
 * what always gets through is what all let through; what can get in, what any lets in.
 */
function reachThroughAlternatives(layer: FilterLayer, alternatives: readonly FilterLayer[], remote: Side, local: Side, protocol: FlowProtocol, port: number, exposure: boolean): LayerReach {
  const each = layer.alternativesApply === 'each';
  let min = each && exposure ? AddressSet.EMPTY : remote.addresses;
  let max = each && !exposure ? remote.addresses : AddressSet.EMPTY;
  const allowedBy: Origin[] = [];
  const deniedBy: Origin[] = [];
  const unknowns: string[] = [];
  for (const alternative of alternatives) {
    const r = reachThroughLayer(alternative, remote, local, protocol, port, exposure);
    min = each && exposure ? min.union(r.min) : min.intersect(r.min);
    max = each && !exposure ? max.intersect(r.max) : max.union(r.max);
    for (const o of r.allowedBy) if (!allowedBy.includes(o)) allowedBy.push(o);
    for (const o of r.deniedBy) if (!deniedBy.includes(o)) deniedBy.push(o);
    for (const u of r.unknowns) unknowns.push(u);
  }
  if (!each && !min.equals(max)) unknowns.push(`${layer.name}: which of them applies is not known, and they differ here`);
  return { min, max, allowedBy, deniedBy, unknowns };
}

const readsLocal = (layer: FilterLayer): boolean => layer.rules.some((r) => r.local !== undefined) || (layer.alternatives ?? NONE).some(readsLocal);

/**
 * reachThroughLayer for the responses: a farm's pairs ask a subnet's ACL the same (remote
 * end, port) again and again, so answers are kept per remote end where no rule reads the
 * local one. The answers are shared: not to be changed.
 */
function reachThroughKept(layer: FilterLayer, remote: Side, local: Side, protocol: FlowProtocol, port: number): LayerReach {
  const cache = layerCache(layer);
  cache.readsLocal ??= readsLocal(layer);
  if (cache.readsLocal) return reachThroughLayer(layer, remote, local, protocol, port);
  return keptAnswer(cache, layer, remote, local, protocol, port, false);
}

/** The answer kept on the layer for a remote end and question (one store for flows and responses). */
function keptAnswer(cache: LayerCache, layer: FilterLayer, remote: Side, local: Side, protocol: FlowProtocol, port: number, exposure: boolean): LayerReach {
  cache.byRemote ??= new WeakMap();
  let answers = cache.byRemote.get(remote);
  if (!answers) cache.byRemote.set(remote, (answers = new Map()));
  // Port and protocol folded in as for byPort, and exposure beyond the port range.
  const key = (protocol === 'tcp' ? port : -1 - port) + (exposure ? 1 << 20 : 0);
  let answer = answers.get(key);
  if (!answer) answers.set(key, (answer = reachThroughLayer(layer, remote, local, protocol, port, exposure)));
  return answer;
}

/**
 * reachThroughLayer for flows. A layer several ends share (the security groups of a farm)
 * is asked about each remote end by every one of them: where no rule reads the local end,
 * the answer is the same, so it is kept per remote end once a second local end asks. A
 * layer of one end (a topology target's own firewall) keeps nothing: it would only fill
 * memory with answers asked once.
 */
function reachThroughShared(layer: FilterLayer, remote: Side, local: Side, protocol: FlowProtocol, port: number, exposure: boolean): LayerReach {
  const cache = layerCache(layer);
  if (!cache.shared) {
    if (cache.firstLocal === undefined) cache.firstLocal = local;
    if (cache.firstLocal === local) return reachThroughLayer(layer, remote, local, protocol, port, exposure);
    cache.readsLocal ??= readsLocal(layer);
    if (cache.readsLocal) return reachThroughLayer(layer, remote, local, protocol, port, exposure);
    cache.shared = true;
  }
  return keptAnswer(cache, layer, remote, local, protocol, port, exposure);
}

/** Which of `source`'s addresses reach `target` on one protocol and port, through every layer of both ends. */
export function reachOnPort(source: FlowSource, target: Endpoint, protocol: FlowProtocol, port: number, options: ReachOptions = {}): PortReach {
  const reach = reachOnSegment(source, target, protocol, port, PortSet.of(port), options.exposure);
  const responses = options.responses ? responseReach(source, target, protocol) : undefined;
  return responses ? withResponses(reach, responses) : reach;
}

/** reachOnPort for `port` standing for the segment `ports`, in the segment's shape (built once: this runs per pair). */
function reachOnSegment(source: FlowSource, target: Endpoint, protocol: FlowProtocol, port: number, ports: PortSet, exposure = false): SegmentReach {
  const src = sideOf(source);
  const dst = sideOf(target);
  let min = src.addresses;
  let max = src.addresses;
  const allowedBy: Origin[] = [];
  const blocks: LayerBlock[] = [];
  const unknowns: string[] = [];

  // Egress of the source: the question is whether the target's address gets out, which
  // is all or nothing for the source.
  const sentTo = source.egress.length > 0 ? addressesSentTo(src, dst) : dst.addresses;
  for (const layer of source.egress) {
    const r = reachThroughShared(layer, dst, src, protocol, port, exposure);
    for (const u of r.unknowns) unknowns.push(u);
    // An exact target must get all its addresses out; an inexact one (somewhere in a
    // range) certainly does when the whole range is allowed, possibly when part is.
    const certainly = r.min.covers(sentTo);
    const possibly = dst.exact ? r.max.covers(sentTo) : r.max.overlaps(sentTo);
    if (!possibly) {
      blocks.push({ hop: 'egress', layer, deniedBy: r.deniedBy });
      min = AddressSet.EMPTY;
      max = AddressSet.EMPTY;
    } else if (!certainly) {
      min = AddressSet.EMPTY;
      if (r.unknowns.length === 0) unknowns.push(`${addressDoubt(target)}, so ${layer.name} may or may not let traffic out to it`);
    } else {
      for (const o of r.allowedBy) allowedBy.push(o);
    }
  }

  // Where the egress already stopped everything, what the ingress alone lets in: a block
  // there is still named (the fix must name both).
  const egressStopped = max.isEmpty() && !src.addresses.isEmpty();
  let inMax = src.addresses;
  for (const layer of target.ingress) {
    // Servers and balancers reach a server at its private address, public or not. An
    // exposure ignores it too: an address from outside the plan (an Elastic IP another
    // configuration associates) would open what the rules admit.
    if (layer.directOnly === true && (source.kind !== 'client' || exposure)) continue;
    const r = reachThroughShared(layer, src, dst, protocol, port, exposure);
    for (const u of r.unknowns) unknowns.push(u);
    if (!r.max.covers(egressStopped ? inMax : max)) blocks.push({ hop: 'ingress', layer, deniedBy: r.deniedBy });
    if (egressStopped) inMax = inMax.intersect(r.max);
    min = min.intersect(r.min);
    max = max.intersect(r.max);
    for (const o of r.allowedBy) allowedBy.push(o);
  }
  return { ports, min, max, allowedBy, blocks, unknowns };
}

/** Where the layer's rules for a protocol start and stop: a segment boundary each, sorted, once per layer. */
function cutsOf(layer: FilterLayer, protocol: FlowProtocol): readonly number[] {
  const byProtocol = layerCache(layer).cuts;
  let cuts = byProtocol.get(protocol);
  if (!cuts) {
    const all: number[] = [];
    for (const rule of layer.rules) {
      if (!protocolMatches(rule.protocol, protocol) || rule.portsUnknown !== undefined) continue;
      for (const [a, b] of rule.ports.toRanges()) all.push(a, b + 1);
    }
    for (const alternative of layer.alternatives ?? NONE) for (const c of cutsOf(alternative, protocol)) all.push(c);
    all.sort((a, b) => a - b);
    cuts = all.filter((c, i) => i === 0 || c !== all[i - 1]);
    byProtocol.set(protocol, cuts);
  }
  return cuts;
}

/** Adds the cuts of one layer inside (from, to] to `into`: a binary search, then only the ones in range. */
function cutsWithin(cuts: readonly number[], from: number, to: number, into: number[]): void {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid] <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < cuts.length && cuts[i] <= to; i++) into.push(cuts[i]);
}

/**
 * Splits `ports` where any rule on the path starts or ends, so that one port per
 * segment stands for all of it: the cost is per rule boundary inside the asked ranges,
 * found by binary search in each layer's sorted boundaries (a pair in a farm of hundreds
 * sharing a big rule set must not merge every boundary again).
 */
export function portSegments(source: FlowSource, target: Endpoint, protocol: FlowProtocol, ports: PortSet): readonly PortSet[] {
  // Single ports (what policies mostly ask for) are their own segments: no cuts needed,
  // and the same for every pair a policy asks about (worked out once per port set).
  let singles = singlePortSegments.get(ports);
  if (singles === undefined) {
    const ranges = ports.toRanges();
    singles = ranges.every(([a, b]) => a === b) ? ranges.map(([a]) => PortSet.of(a)) : null;
    singlePortSegments.set(ports, singles);
  }
  if (singles) return singles;
  const ranges = ports.toRanges();
  const segments: PortSet[] = [];
  for (const [from, to] of ranges) splitRange(from, to, from < to ? [...source.egress, ...target.ingress] : NONE, protocol, segments);
  return segments;
}

/** A port set of single ports, as its segments (shared: not to be changed); null for one with ranges. */
const singlePortSegments = new WeakMap<PortSet, readonly PortSet[] | null>();

/** Adds to `into` the range from-to cut where a rule of `layers` starts or stops. */
function splitRange(from: number, to: number, layers: readonly FilterLayer[], protocol: FlowProtocol, into: PortSet[]): void {
  const inside: number[] = [];
  for (const layer of layers) cutsWithin(cutsOf(layer, protocol), from, to, inside);
  inside.sort((a, b) => a - b);
  let start = from;
  for (const c of inside) {
    if (c <= start) continue;
    into.push(PortSet.range(start, c - 1));
    start = c;
  }
  into.push(PortSet.range(start, to));
}

export interface SegmentReach extends PortReach {
  ports: PortSet;
  /** Paths through load balancers that serve this segment's port. */
  paths?: readonly BalancerPath[];
}

/** Reach for every port of `ports`, one evaluation per segment of equal behaviour. */
export function reachOnPorts(source: FlowSource, target: Endpoint, protocol: FlowProtocol, ports: PortSet, options: ReachOptions = {}): SegmentReach[] {
  const segments = portSegments(source, target, protocol, ports).map((segment) => reachOnSegment(source, target, protocol, segment.toRanges()[0][0], segment, options.exposure));
  // The responses go to the client's port, whatever port the flow is on: worked out once.
  const responses = options.responses ? responseReach(source, target, protocol) : undefined;
  return responses ? segments.map((s) => withResponses(s, responses)) : segments;
}

const statelessOf = (layers: readonly FilterLayer[] | undefined): FilterLayer[] => (layers ?? NONE).filter((l) => l.stateless === true);

/** Asked for every pair: a scan, no list made, as most paths hold nothing stateless. */
function anyStateless(layers: readonly FilterLayer[] | undefined): boolean {
  if (layers) for (const l of layers) if (l.stateless === true) return true;
  return false;
}

/**
 * Which of `source`'s addresses get the responses of a connection to `target` back: from
 * the target to the source's ephemeral port, out through the target's stateless filters
 * and in through the source's (stateful ones let responses pass). Certain for the
 * addresses that get them back on every ephemeral port, possible for those that get them
 * back on some: which port a client picks is not known. Undefined when nothing on the
 * path is stateless.
 */
function responseReach(source: FlowSource, target: Endpoint, protocol: FlowProtocol): PortReach | undefined {
  if (!anyStateless(target.egress) && !anyStateless(source.ingress)) return undefined;
  const out = statelessOf(target.egress);
  const back = statelessOf(source.ingress);
  const src = sideOf(source);
  const dst = sideOf(target);
  const [[from, to]] = EPHEMERAL_PORTS.toRanges();
  // The same layers cut the range the same way for every pair of a farm: once per set of layers.
  const layers = [...out, ...back];
  const grids = (layerCache(layers[0]).responseGrids ??= new Map());
  const gridKey = `${protocol} ${layers.map(layerId).join(' ')}`;
  let segments = grids.get(gridKey);
  if (!segments) {
    const made: PortSet[] = [];
    splitRange(from, COMMON_CLIENT_PORTS_FROM - 1, layers, protocol, made);
    splitRange(COMMON_CLIENT_PORTS_FROM, to, layers, protocol, made);
    grids.set(gridKey, (segments = made));
  }
  // The ports the client may really pick: where no response gets back, the flow fails.
  const picks = source.kind === 'load-balancer' ? from : COMMON_CLIENT_PORTS_FROM;

  let min = src.addresses;
  let max = AddressSet.EMPTY;
  const allowedBy: Origin[] = [];
  const unknowns: string[] = [];
  /** Per layer: the denials seen where it blocked, and whether it blocked on every segment. */
  const blocked = new Map<FilterLayer, { hop: Hop; deniedBy: Origin[]; everywhere: boolean; anywhere: boolean }>();
  let picked = true;
  const block = (layer: FilterLayer, hop: Hop, deniedBy: readonly Origin[], here: boolean) => {
    const b = blocked.get(layer) ?? { hop, deniedBy: [], everywhere: true, anywhere: false };
    if (here) for (const o of deniedBy) if (!b.deniedBy.includes(o)) b.deniedBy.push(o);
    if (picked) b.everywhere &&= here;
    b.anywhere ||= here;
    blocked.set(layer, b);
  };
  const passing: PortSet[] = [];
  let partial = false;
  // Responses come back from the address the source sent to.
  const answeredFrom = back.length > 0 ? addressesSentTo(src, dst) : dst.addresses;
  for (const segment of segments) {
    const port = segment.toRanges()[0][0];
    picked = port >= picks;
    let segMin = src.addresses;
    let segMax = src.addresses;
    for (const layer of out) {
      // Out of the target: which of the source's addresses it may answer.
      const r = reachThroughKept(layer, src, dst, protocol, port);
      for (const u of r.unknowns) unknowns.push(u);
      block(layer, 'response-egress', r.deniedBy, !r.max.covers(segMax));
      segMin = segMin.intersect(r.min);
      segMax = segMax.intersect(r.max);
      for (const o of r.allowedBy) if (!allowedBy.includes(o)) allowedBy.push(o);
    }
    for (const layer of back) {
      // Into the source: all or nothing for it, as the target's address is let in or not.
      const r = reachThroughKept(layer, dst, src, protocol, port);
      for (const u of r.unknowns) unknowns.push(u);
      const certainly = r.min.covers(answeredFrom);
      const possibly = dst.exact ? r.max.covers(answeredFrom) : r.max.overlaps(answeredFrom);
      block(layer, 'response-ingress', r.deniedBy, !possibly);
      if (!possibly) segMin = segMax = AddressSet.EMPTY;
      else if (!certainly) {
        segMin = AddressSet.EMPTY;
        if (r.unknowns.length === 0) unknowns.push(`${addressDoubt(target)}, so ${layer.name} may or may not let its responses in`);
      } else for (const o of r.allowedBy) if (!allowedBy.includes(o)) allowedBy.push(o);
    }
    min = min.intersect(segMin);
    if (picked) max = max.union(segMax);
    if (!segMax.covers(src.addresses)) partial = true;
    if (segMin.covers(src.addresses) && !src.addresses.isEmpty()) passing.push(segment);
  }
  if (partial && !max.equals(min)) {
    const where = passing.length === 0 ? 'part of' : `${protocol}/${PortSet.unionOf(passing).describe()} of`;
    const names = layers.map((l) => l.name);
    unknowns.push(`the responses of ${target.name} get back to ${source.name} only on ${where} the ephemeral ports ${EPHEMERAL_PORTS.describe()} (${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} stateless), so it depends on the port the client picks`);
  }
  const blocks: LayerBlock[] = [];
  for (const [layer, b] of blocked) if (b.everywhere) blocks.push({ hop: b.hop, layer, deniedBy: b.deniedBy });
  // Blocked by different filters on different ports: name each that blocked somewhere.
  if (blocks.length === 0 && !min.covers(src.addresses)) for (const [layer, b] of blocked) if (b.anywhere) blocks.push({ hop: b.hop, layer, deniedBy: b.deniedBy });
  return { min, max, allowedBy, blocks, unknowns: [...new Set(unknowns)] };
}

/** A segment's reach narrowed to the addresses whose responses get back. */
function withResponses<T extends PortReach>(reach: T, responses: PortReach): T {
  if (responses.min.covers(reach.max)) return responses.allowedBy.length === 0 || reach.min.isEmpty() ? reach : { ...reach, allowedBy: [...reach.allowedBy, ...responses.allowedBy] };
  return {
    ...reach,
    min: reach.min.intersect(responses.min),
    max: reach.max.intersect(responses.max),
    allowedBy: [...reach.allowedBy, ...responses.allowedBy],
    blocks: responses.max.covers(reach.max) ? reach.blocks : [...reach.blocks, ...responses.blocks],
    unknowns: [...reach.unknowns, ...responses.unknowns],
  };
}
