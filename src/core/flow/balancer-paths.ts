import { AddressSet } from '../net/cidr.js';
import { PortSet } from '../net/ports.js';
import type { Endpoint, Environment, FlowProtocol, HealthProbe, Listener, LoadBalancer, Origin } from '../model.js';
import { possibleAddresses, protocolMatches, reachOnPort, reachOnPorts } from './reach.js';
import type { ReachOptions } from './reach.js';
import type { FlowSource, LayerBlock, PortReach, SegmentReach } from './reach.js';

/**
 * Paths through load balancers. A client reaches a target through a balancer when it
 * reaches a listener (first hop) and the balancer reaches the target on the listener's
 * target port (second hop). A proxy forwards from its own addresses; a balancer that
 * preserves client addresses (an NLB without security groups) makes the second hop the
 * client's own. What gets through a path joins what gets through directly.
 */

export interface Hop {
  /** pass: all of what reached the hop gets through; fail: none does; unknown: may. */
  status: 'pass' | 'fail' | 'unknown';
  allowedBy: Origin[];
  blocks: LayerBlock[];
  unknowns: string[];
}

export interface BalancerPath {
  balancer: LoadBalancer;
  listener: Listener;
  /** Client to balancer, on the listener port. */
  front: Hop;
  /** Balancer (or client) to target, on the target port. */
  back: Hop;
  /** The listener's health probe to the target (see Listener.healthProbe), where it has one. */
  probe?: Hop;
  /** What the platform must get into the balancer for it to run (see LoadBalancer.controlPlane), where it needs any. */
  controlPlane?: Hop;
  /** Source addresses that certainly / possibly get through this path. */
  min: AddressSet;
  max: AddressSet;
}

/** Which port a listener stands for: the port clients use, or the target's port it reaches. */
export type ListenerMatch = 'listener-port' | 'target-port';

function hopOf(reach: PortReach, need: AddressSet): Hop {
  // A hop that certainly blocks part of what reaches it fails for that part: the finding names the part.
  const status = reach.min.covers(need) ? 'pass' : reach.blocks.length > 0 && !reach.max.covers(need) ? 'fail' : reach.max.overlaps(need) ? 'unknown' : 'fail';
  return { status, allowedBy: reach.allowedBy, blocks: reach.blocks, unknowns: reach.unknowns };
}

function balancerAsSource(lb: LoadBalancer): FlowSource {
  // Its ingress too: the responses of the targets come back in through its stateless filters.
  return { name: lb.name, kind: 'load-balancer', addresses: lb.addresses, addressesExact: lb.addressesExact, identities: lb.identities, identitiesUnknown: lb.identitiesUnknown, egress: lb.egress, ingress: lb.ingress };
}

/** Whether the targets of a listener see the client's address (the listener's setting, else the balancer's). */
export function preservesClientAddress(lb: LoadBalancer, listener: Listener): boolean {
  return listener.preservesClientAddress ?? lb.preservesClientAddress ?? false;
}

/** The client's traffic as the target receives it from a balancer that keeps the client's address. */
function forwardedSource(source: FlowSource, lb: LoadBalancer): FlowSource {
  const lent = lb.forwardedIdentities ?? [];
  if (lent.length === 0 && lb.egress.length === 0) return source;
  return { ...source, identities: [...source.identities, ...lent], egress: [...source.egress, ...lb.egress] };
}

/**
 * The target as the clients' traffic a balancer forwards meets it, at its private address:
 * one without a public address still takes it (the client's address is kept, so the
 * source is a client; a proxy's own traffic is not a client's and skips those layers anyway).
 */
function forwardedTo(target: Endpoint): Endpoint {
  return target.ingress.some((l) => l.directOnly) ? { ...target, ingress: target.ingress.filter((l) => !l.directOnly) } : target;
}

const probers = new WeakMap<HealthProbe['source'], FlowSource>();

/** What sends a health probe, as a flow source: one per sender, so the engine's caches serve every probe. */
function proberOf(probe: HealthProbe): FlowSource {
  let source = probers.get(probe.source);
  if (!source) {
    const { name, addresses, identities } = probe.source;
    // Not a client: it reaches the target at its private address.
    probers.set(probe.source, (source = { name, kind: 'load-balancer', addresses, addressesExact: true, identities, egress: [] }));
  }
  return source;
}

/**
 * Whether the listener's health probe gets through to the target: one it blocks is marked
 * down and gets no new connections. An exposure leaves it out: a backend the balancer gives
 * up on is not a filter to count on.
 */
function probeHop(listener: Listener, target: Endpoint, options: ReachOptions): Hop | undefined {
  const probe = listener.healthProbe;
  if (!probe || options.exposure) return undefined;
  const prober = proberOf(probe);
  if (probe.portUnknown === undefined) return hopOf(reachOnPort(prober, target, probe.protocol, probe.port), prober.addresses);
  // Its port is not known: blocked (or admitted) on every port, or not known.
  const hops = reachOnPorts(prober, target, probe.protocol, PortSet.ALL).map((seg) => hopOf(seg, prober.addresses));
  if (hops.every((h) => h.status === hops[0].status) && hops[0].status !== 'unknown') return hops[0];
  return { status: 'unknown', allowedBy: [], blocks: [], unknowns: [probe.portUnknown, ...hops.flatMap((h) => h.unknowns)] };
}

const controlHops = new WeakMap<LoadBalancer, Hop>();

/**
 * Whether the platform's own traffic gets into the balancer on every port it needs (once per
 * balancer): blocked on one of them, the balancer does not run; its addresses are only known
 * to lie in a range, so a rule on part of it leaves this unknown.
 */
function controlPlaneHop(lb: LoadBalancer, options: ReachOptions): Hop | undefined {
  const access = lb.controlPlane;
  if (!access || options.exposure) return undefined;
  let hop = controlHops.get(lb);
  if (!hop) {
    const { name, addresses, identities } = access.source;
    const sender: FlowSource = { name, kind: 'load-balancer', addresses, addressesExact: false, identities, egress: [] };
    const into: Endpoint = { name: lb.name, addresses: lb.addresses, addressesExact: lb.addressesExact, identities: lb.identities, ingress: access.ingress, egress: [], location: lb.location };
    const segments = reachOnPorts(sender, into, access.protocol, access.ports);
    const blocked = segments.find((s) => !s.max.overlaps(addresses));
    const status = blocked ? 'fail' : segments.every((s) => s.min.covers(addresses)) ? 'pass' : 'unknown';
    hop = { status, allowedBy: segments.flatMap((s) => s.allowedBy), blocks: blocked?.blocks ?? [], unknowns: status === 'unknown' ? segments.flatMap((s) => s.unknowns) : [] };
    controlHops.set(lb, hop);
  }
  return hop;
}

/** A path that also needs another hop through (a health probe, the platform's access): none of it gets through where that is blocked, none certainly where it may be. */
function withHop(path: BalancerPath, key: 'probe' | 'controlPlane', hop: Hop | undefined): BalancerPath {
  if (!hop || hop.status === 'pass') return path;
  return { ...path, [key]: hop, min: AddressSet.EMPTY, max: hop.status === 'fail' ? AddressSet.EMPTY : path.max };
}

/** The target as this listener's second hop meets it: behind the listener's own layer for it, if any. */
function behindListener(target: Endpoint, listener: Listener): Endpoint {
  const layer = listener.targetLayers?.[target.name];
  return layer ? { ...target, ingress: [layer, ...target.ingress] } : target;
}

function pathThrough(source: FlowSource, endpoint: Endpoint, protocol: FlowProtocol, lb: LoadBalancer, listener: Listener, options: ReachOptions): BalancerPath {
  const target = behindListener(endpoint, listener);
  const path = withHop(forwardingPath(source, target, protocol, lb, listener, options), 'probe', probeHop(listener, target, options));
  return withHop(path, 'controlPlane', controlPlaneHop(lb, options));
}

function forwardingPath(source: FlowSource, target: Endpoint, protocol: FlowProtocol, lb: LoadBalancer, listener: Listener, options: ReachOptions): BalancerPath {
  const frontReach = reachOnPort(source, lb, protocol, listener.port, options);
  const front = hopOf(frontReach, possibleAddresses(source));
  if (listener.targetsUnknown !== undefined) {
    const back: Hop = { status: 'unknown', allowedBy: [], blocks: [], unknowns: [listener.targetsUnknown] };
    return { balancer: lb, listener, front, back, min: AddressSet.EMPTY, max: frontReach.max };
  }
  if (preservesClientAddress(lb, listener)) {
    // The target sees the client: the second hop is the client's own flow on the target port,
    // out through the balancer's own egress filter and carrying what it lends (its groups).
    const backReach = reachOnPort(forwardedSource(source, lb), forwardedTo(target), protocol, listener.targetPort, options);
    const reached = frontReach.max.isEmpty() ? possibleAddresses(source) : frontReach.max;
    return {
      balancer: lb,
      listener,
      front,
      back: hopOf(backReach, reached),
      min: frontReach.min.intersect(backReach.min),
      max: frontReach.max.intersect(backReach.max),
    };
  }
  const proxy = balancerAsSource(lb);
  // A proxy is not a client: its traffic meets the target at its private address (see reachOnSegment).
  const backReach = reachOnPort(proxy, target, protocol, listener.targetPort, options);
  const need = possibleAddresses(proxy);
  const certain = backReach.min.covers(need);
  const possible = proxy.addressesExact ? backReach.max.covers(need) : backReach.max.overlaps(need);
  const back: Hop = { status: certain ? 'pass' : possible ? 'unknown' : 'fail', allowedBy: backReach.allowedBy, blocks: backReach.blocks, unknowns: backReach.unknowns };
  return {
    balancer: lb,
    listener,
    front,
    back,
    min: certain ? frontReach.min : AddressSet.EMPTY,
    max: possible ? frontReach.max : AddressSet.EMPTY,
  };
}

const targetSets = new WeakMap<Listener, ReadonlySet<string>>();

/** A listener's targets as a set: a plan's target group may hold thousands of instances. */
function targetsOf(listener: Listener): ReadonlySet<string> {
  let set = targetSets.get(listener);
  if (!set) targetSets.set(listener, (set = new Set(listener.targets)));
  return set;
}

/** The listeners that may forward to `target` with `protocol`. */
export function listenersTo(env: Environment, target: Endpoint, protocol: FlowProtocol): Array<{ balancer: LoadBalancer; listener: Listener }> {
  const out: Array<{ balancer: LoadBalancer; listener: Listener }> = [];
  for (const balancer of env.loadBalancers) {
    for (const listener of balancer.listeners) {
      if (!protocolMatches(listener.protocol, protocol)) continue;
      if (listener.targetsUnknown !== undefined || targetsOf(listener).has(target.name)) out.push({ balancer, listener });
    }
  }
  return out;
}

/** A listener on one of `ports` of the balancers in front of a target (see fronting) that answers itself (a redirect) rather than forwarding. */
export function answeringListener(fronts: readonly LoadBalancer[], ports: PortSet): { balancer: LoadBalancer; listener: Listener } | undefined {
  for (const balancer of fronts) {
    const listener = balancer.listeners.find((x) => x.answers !== undefined && x.targets.length === 0 && ports.has(x.port));
    if (listener) return { balancer, listener };
  }
  return undefined;
}

/** The balancers with a listener that forwards to `target` with `protocol`, on any port. */
export function fronting(balancers: readonly LoadBalancer[], target: Endpoint, protocol: FlowProtocol): LoadBalancer[] {
  return balancers.filter((b) => b.listeners.some((l) => protocolMatches(l.protocol, protocol) && targetsOf(l).has(target.name)));
}

function splitAt(segments: SegmentReach[], port: number): SegmentReach[] {
  const out: SegmentReach[] = [];
  for (const seg of segments) {
    const [[a, b]] = seg.ports.toRanges();
    if (port < a || port > b || a === b) {
      out.push(seg);
      continue;
    }
    if (port > a) out.push({ ...seg, ports: PortSet.range(a, port - 1) });
    out.push({ ...seg, ports: PortSet.of(port) });
    if (port < b) out.push({ ...seg, ports: PortSet.range(port + 1, b) });
  }
  return out;
}

/**
 * Adds every balancer path to the direct reach of each port segment. Segments are split
 * so that each listener's port is a segment of its own.
 */
export function withBalancerPaths(
  env: Environment,
  source: FlowSource,
  target: Endpoint,
  protocol: FlowProtocol,
  segments: SegmentReach[],
  match: ListenerMatch,
  options: ReachOptions = {},
): SegmentReach[] {
  const listeners = listenersTo(env, target, protocol);
  if (listeners.length === 0) return segments;
  const portOf = (l: Listener) => (match === 'listener-port' ? l.port : l.targetPort);
  let split = segments;
  for (const { listener } of listeners) split = splitAt(split, portOf(listener));
  return split.map((seg) => {
    const port = seg.ports.toRanges()[0][0];
    const here = listeners.filter(({ listener }) => seg.ports.has(portOf(listener)) && seg.ports.toRanges()[0][1] === port);
    if (here.length === 0) return seg;
    const paths = here.map(({ balancer, listener }) => pathThrough(source, target, protocol, balancer, listener, options));
    let min = seg.min;
    let max = seg.max;
    let viaBalancers = AddressSet.EMPTY;
    const allowedBy: Origin[] = [];
    const unknowns = [...seg.unknowns];
    for (const p of paths) {
      if (!p.min.subtract(viaBalancers).isEmpty()) allowedBy.push(...p.front.allowedBy, ...p.back.allowedBy);
      viaBalancers = viaBalancers.union(p.min);
      min = min.union(p.min);
      max = max.union(p.max);
      if (!p.max.subtract(p.min).isEmpty()) unknowns.push(...p.front.unknowns, ...p.back.unknowns, ...(p.probe?.unknowns ?? []), ...(p.controlPlane?.unknowns ?? []));
    }
    // The balancer path is the designed route: name its openings before any direct ones.
    // A required flow the balancers carry for every address needs no direct opening to
    // explain it (one letting in a client's sub-range would read as part of the route);
    // an exposure names every rule that lets something in.
    const direct = !options.exposure && viaBalancers.covers(source.addresses) ? [] : seg.allowedBy;
    return { ...seg, min, max, allowedBy: [...allowedBy, ...direct], unknowns, paths };
  });
}
