import { AddressSet } from '../net/cidr.js';
import type { PortSet } from '../net/ports.js';
import type { FilterLayer, Origin } from '../model.js';
import { possibleAddresses } from './reach.js';
import { addressDoubt, hasNoIpv6 } from './address-doubt.js';
import type { AddressedEndpoint } from './address-doubt.js';
import type { FlowSource, Hop, SegmentReach } from './reach.js';
import type { BalancerPath } from './balancer-paths.js';

/** What a flow check concludes from the reach of every port segment. */
export interface FlowVerdict {
  status: 'pass' | 'fail' | 'unknown';
  /** Rules that allow the flow (pass) or allow the forbidden part (fail). */
  allowedBy: Origin[];
  /** For a failed required flow: what does not get through, on which ports, blocked where. */
  gaps: FlowGap[];
  /** For a failed forbidden flow: what gets through, on which ports. */
  exposed: Array<{ ports: PortSet; addresses: AddressSet }>;
  /** Why it cannot be decided. */
  unknowns: string[];
  /** Balancers whose paths carry (part of) the flow. */
  through: string[];
  /**
   * For an undecided required flow: the balancer paths to the target that certainly block
   * (part of) it at some hop, so that what is left to decide is the direct way (a server
   * without a public address, reached "only through a balancer or a path this plan does not show").
   */
  blockedPaths?: BalancerPath[];
}

export interface FlowGap {
  ports: PortSet;
  /** Source addresses that do not get through. */
  uncovered: AddressSet;
  /** Where the direct path is blocked. */
  blockedAt: Array<{ hop: Hop; layer: FilterLayer; deniedBy: readonly Origin[] }>;
  /** The balancer paths that were tried for these ports and did not carry it all. */
  paths: readonly BalancerPath[];
  /** The uncovered addresses are IPv6 and the target has none: only a balancer could carry them. */
  noIpv6?: boolean;
}

/**
 * The origins of several lists, each once, in order. Rules share their origin objects, so
 * identity is what repeats; most pairs have a few, so a scan until there are many.
 */
function uniqueOrigins(lists: Iterable<readonly Origin[]>): Origin[] {
  const out: Origin[] = [];
  let seen: Set<Origin> | undefined;
  for (const list of lists) {
    for (const o of list) {
      if (seen ? seen.has(o) : out.includes(o)) continue;
      out.push(o);
      if (seen) seen.add(o);
      else if (out.length >= 16) seen = new Set(out);
    }
  }
  return out;
}

function uniqueStrings(xs: Iterable<string>): string[] {
  return [...new Set(xs)];
}

/** Merges segments that tell the same story, so a message names `80, 443` once. */
function mergeByKey<T extends { ports: PortSet }>(items: T[], key: (t: T) => string, merge: (a: T, b: T) => T): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const prev = byKey.get(k);
    byKey.set(k, prev ? merge(prev, item) : item);
  }
  return [...byKey.values()];
}

/**
 * What reaches a target with no IPv6 address: over IPv4 as the rules say, over IPv6
 * certainly only what a balancer path carries (a dual-stack balancer in front of it). With
 * `doubt` (a server of a plan), what the rules admit over IPv6 stays possible: a dual-stack
 * accelerator, CDN or NAT64 the plan does not show may still carry it.
 */
function throughIpv4(seg: SegmentReach, doubt: string | undefined): SegmentReach {
  let pathsMin = AddressSet.EMPTY;
  let pathsMax = AddressSet.EMPTY;
  for (const p of seg.paths ?? []) {
    pathsMin = pathsMin.union(p.min);
    pathsMax = pathsMax.union(p.max);
  }
  const min = seg.min.intersect(AddressSet.ALL_V4).union(pathsMin.intersect(AddressSet.ALL_V6));
  const max = doubt !== undefined ? seg.max : seg.max.intersect(AddressSet.ALL_V4).union(pathsMax.intersect(AddressSet.ALL_V6));
  if (min.equals(seg.min) && max.equals(seg.max)) return seg;
  const unknowns = doubt !== undefined && !min.covers(max) ? [...seg.unknowns, doubt] : seg.unknowns;
  return { ...seg, min, max, unknowns };
}

/** A gap split by address family, its IPv6 part marked: the target has no IPv6 address to reach. */
function byFamily(gap: FlowGap): FlowGap[] {
  const v6 = gap.uncovered.intersect(AddressSet.ALL_V6);
  if (v6.isEmpty()) return [gap];
  const v4 = gap.uncovered.intersect(AddressSet.ALL_V4);
  const v6Gap: FlowGap = { ...gap, uncovered: v6, blockedAt: [], noIpv6: true };
  return v4.isEmpty() ? [v6Gap] : [{ ...gap, uncovered: v4 }, v6Gap];
}

/**
 * The addresses of `source` that must reach `target`: all of them, but a server or
 * balancer with both families talks to a target with no IPv6 address over IPv4.
 */
export function requiredAddresses(source: FlowSource, target?: AddressedEndpoint): AddressSet {
  const all = possibleAddresses(source);
  if (source.kind === 'client' || target === undefined || !all.overlaps(AddressSet.ALL_V6) || !hasNoIpv6(target)) return all;
  const v4 = all.intersect(AddressSet.ALL_V4);
  return v4.isEmpty() ? all : v4;
}

/**
 * A required flow passes when every address of the source certainly gets through on
 * every port. A source known only to lie in a range (an address assigned at apply)
 * passes when the whole range gets through and fails when none of it can.
 *
 * A target with no IPv6 address (`target`, see hasNoIpv6) is reached over IPv4: a server
 * with both families talks to it over IPv4, and a client's IPv6 addresses get there only
 * through a balancer path.
 */
export function requiredFlowVerdict(source: FlowSource, given: SegmentReach[], target?: AddressedEndpoint): FlowVerdict {
  const need = requiredAddresses(source, target);
  // A topology's server is as declared; a plan's may sit behind paths the plan does not show.
  const doubt = target?.resource !== undefined ? `${target.name} has no IPv6 address, so IPv6 clients reach it only through a load balancer or a path this plan does not show (a dual-stack accelerator, CDN or NAT64)` : undefined;
  const segments = target !== undefined && need.overlaps(AddressSet.ALL_V6) && hasNoIpv6(target) ? given.map((s) => throughIpv4(s, doubt)) : given;
  // The common case, every port allowed: no gaps to merge.
  if (segments.every((s) => s.min.covers(need))) {
    return { status: 'pass', allowedBy: uniqueOrigins(segments.map((s) => s.allowedBy)), gaps: [], exposed: [], unknowns: [], through: throughBalancers(segments) };
  }
  let status: FlowVerdict['status'] = 'pass';
  const gaps: FlowGap[] = [];
  const unknowns: string[] = [];
  const blockedPaths: BalancerPath[] = [];
  for (const seg of segments) {
    if (seg.min.covers(need)) continue;
    const certainlyBlocked = source.addressesExact ? !seg.max.covers(need) : !seg.max.overlaps(need);
    if (certainlyBlocked) {
      status = 'fail';
      const gap: FlowGap = {
        ports: seg.ports,
        uncovered: source.addressesExact ? need.subtract(seg.max) : need,
        blockedAt: seg.blocks.map((b) => ({ hop: b.hop, layer: b.layer, deniedBy: b.deniedBy })),
        paths: seg.paths ?? [],
      };
      // Through a balancer, its fix serves both families; otherwise no rule can bring IPv6 in.
      gaps.push(...(segments === given || gap.paths.length > 0 ? [gap] : byFamily(gap)));
    } else {
      if (status === 'pass') status = 'unknown';
      unknowns.push(...seg.unknowns);
      for (const p of seg.paths ?? []) if ([p.controlPlane, p.front, p.back, p.probe].some((h) => h?.status === 'fail') && !blockedPaths.some((b) => b.balancer === p.balancer && b.listener === p.listener)) blockedPaths.push(p);
      if (seg.unknowns.length === 0 && !source.addressesExact) {
        unknowns.push(`${addressDoubt(source)}, and only part of ${need.describe()} is allowed`);
      }
    }
  }
  return {
    status,
    allowedBy: status === 'pass' ? uniqueOrigins(segments.map((s) => s.allowedBy)) : [],
    gaps: mergeByKey(
      gaps,
      (g) => `${g.uncovered.key()}#${g.noIpv6 === true}#${g.blockedAt.map((b) => `${b.hop}:${b.layer.name}`).join('|')}#${g.paths.map((p) => `${p.balancer.name}:${p.front.status}:${p.back.status}:${p.probe?.status ?? 'none'}:${p.controlPlane?.status ?? 'none'}`).join('|')}`,
      (a, b) => ({ ...a, ports: a.ports.union(b.ports), blockedAt: a.blockedAt.map((x, i) => ({ ...x, deniedBy: uniqueOrigins([x.deniedBy, b.blockedAt[i]?.deniedBy ?? []]) })) }),
    ),
    exposed: [],
    unknowns: uniqueStrings(unknowns),
    through: throughBalancers(segments),
    ...(status === 'unknown' && blockedPaths.length > 0 ? { blockedPaths } : {}),
  };
}

function throughBalancers(segments: SegmentReach[]): string[] {
  if (segments.every((s) => s.paths === undefined || s.paths.length === 0)) return [];
  return uniqueStrings(segments.flatMap((s) => (s.paths ?? []).filter((p) => !p.min.isEmpty()).map((p) => p.balancer.name)));
}

/**
 * A forbidden flow fails when some address of the source certainly gets through on
 * some port; it is unknown when some may.
 */
export function forbiddenFlowVerdict(source: FlowSource, segments: SegmentReach[], target?: AddressedEndpoint): FlowVerdict {
  const all = possibleAddresses(source);
  // A target with no IPv6 address cannot be reached over IPv6 directly (a balancer in front
  // may still carry IPv6 clients to it).
  const v4Only = target !== undefined && hasNoIpv6(target) ? all.intersect(AddressSet.ALL_V4) : all;
  let status: FlowVerdict['status'] = 'pass';
  const exposed: FlowVerdict['exposed'] = [];
  const allowedBy: Origin[] = [];
  const unknowns: string[] = [];
  for (const seg of segments) {
    const need = seg.paths !== undefined && seg.paths.length > 0 ? all : v4Only;
    if (need.isEmpty()) continue;
    const certainly = source.addressesExact ? seg.min.intersect(need) : seg.min.covers(need) ? need : AddressSet.EMPTY;
    if (!certainly.isEmpty()) {
      status = 'fail';
      exposed.push({ ports: seg.ports, addresses: certainly });
      allowedBy.push(...seg.allowedBy);
    } else if (seg.max.overlaps(need)) {
      if (status === 'pass') status = 'unknown';
      unknowns.push(...seg.unknowns);
      // Whichever end's address is not exact keeps the rules from deciding: the source, the
      // target, or a balancer on the way.
      const balancer = seg.paths?.map((p) => p.balancer).find((b) => !b.addressesExact);
      if (seg.unknowns.length === 0) unknowns.push(addressDoubt(!source.addressesExact ? source : target && !target.addressesExact ? target : (balancer ?? source)));
    }
  }
  return {
    status,
    allowedBy: uniqueOrigins([allowedBy]),
    gaps: [],
    exposed: mergeByKey(exposed, (e) => e.addresses.key(), (a, b) => ({ ports: a.ports.union(b.ports), addresses: a.addresses })),
    unknowns: uniqueStrings(unknowns),
    through: throughBalancers(segments),
  };
}


