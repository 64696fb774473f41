import type { ControlPlaneAccess, FilterLayer, HealthProbe, LayerFix, RuleProtocol, SourceLocation } from '../model.js';
import { AddressSet, INTERNET } from '../net/cidr.js';
import { PortSet } from '../net/ports.js';
import { attributeValues, blockingLayer, describeAttribute } from './plan-context.js';
import type { PlanContext, ServerNetwork, ValueOptions } from './plan-context.js';
import type { AttributePath, PlanResource } from './plan-resources.js';
import type { NetworkBuilders } from './plan-servers.js';
import { buildAwsBalancers } from './aws-balancers.js';
import { buildAzureBalancers } from './azure-balancers.js';
import { buildGcpBalancers } from './gcp-balancers.js';

/**
 * Load balancers a plan creates or keeps, before they join an environment: each cloud
 * module turns its balancer resources into drafts whose listeners name the plan resources
 * they forward to; `plan-environments` then names those targets as the servers they became.
 */

export interface ListenerDraft {
  port: number;
  protocol: RuleProtocol;
  targetPort: number;
  /** The resources it forwards to; only those that became servers count. */
  targets: readonly PlanResource[];
  /** Why the targets (or the port they are reached on) cannot be known. */
  targetsUnknown?: string;
  preservesClientAddress?: boolean;
  /** What the balancer answers itself on this listener (a redirect), where it forwards nowhere. */
  answers?: string;
  /** The health probe each target must let in to get connections (see Listener). */
  healthProbe?: HealthProbe;
  /** Layers on the second hop to some of its targets, by target resource address (see `Listener.targetLayers`). */
  targetLayers?: ReadonlyMap<string, FilterLayer>;
  location: SourceLocation;
}

export interface BalancerDraft {
  res: PlanResource;
  /** Its name where it is not the resource's address (one gateway split by frontend). */
  name?: string;
  /** Its filters, identities and addresses (the addresses a proxy reaches its targets from). */
  network: ServerNetwork;
  listeners: ListenerDraft[];
  preservesClientAddress: boolean;
  controlPlane?: ControlPlaneAccess;
  forwardedIdentities?: string[];
  location: SourceLocation;
  /** The `topogate-environment` tag (or label) of the balancer resource. */
  environmentTag?: string;
}

/** What the balancer modules ask of the servers this plan placed. */
export interface PlacedServers {
  /** Whether the resource became a server. */
  isServer(res: PlanResource): boolean;
  /** The server resources one of whose exact addresses is `ip` (a target registered by address). */
  withAddress(ip: string): readonly PlanResource[];
}

/** Resource types that make a plan worth a look for balancers: the cheap test before any module runs. */
const BALANCER_TYPES: Record<'aws' | 'azure' | 'gcp', readonly string[]> = {
  aws: ['aws_lb', 'aws_alb', 'aws_elb'],
  azure: ['azurerm_lb', 'azurerm_application_gateway'],
  gcp: ['google_compute_forwarding_rule', 'google_compute_global_forwarding_rule'],
};

export function planBalancers(ctx: PlanContext, builders: NetworkBuilders, servers: PlacedServers): BalancerDraft[] {
  const has = (types: readonly string[]) => types.some((t) => ctx.ofType(t).some((r) => r.mode === 'managed'));
  return [
    ...(has(BALANCER_TYPES.aws) ? buildAwsBalancers(ctx, builders.aws(), servers) : []),
    ...(has(BALANCER_TYPES.azure) ? buildAzureBalancers(ctx, builders.azure(), servers) : []),
    ...(has(BALANCER_TYPES.gcp) ? buildGcpBalancers(ctx, builders.gcp(), servers) : []),
  ];
}

/** A port number from a plan value: 443, "443". */
export function portNumber(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,5}\s*$/.test(v) ? Number(v) : undefined;
  return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 65535 ? n : undefined;
}

/** One value of an attribute after apply, followed through configuration; or why it is not known. */
export function singleValue(ctx: PlanContext, res: PlanResource, path: AttributePath, options: ValueOptions = {}): { value?: unknown; unknown?: string; absent: boolean } {
  const v = attributeValues(ctx, res, path, options);
  if (v.unknown.length > 0) return { unknown: v.unknown.join('; '), absent: false };
  const distinct = [...new Set(v.values.map((x) => (typeof x === 'object' ? JSON.stringify(x) : x)))];
  if (distinct.length > 1) return { unknown: `${describeAttribute(res, path)} may be any of ${distinct.map(String).join(', ')}`, absent: false };
  return { value: v.values[0], absent: v.absent && v.values.length === 0 };
}

/** A port attribute after apply: its number, or why it is not known. */
export function portAt(ctx: PlanContext, res: PlanResource, path: AttributePath, options: ValueOptions = {}): { port?: number; unknown?: string } {
  const v = singleValue(ctx, res, path, options);
  if (v.unknown) return { unknown: v.unknown };
  if (v.absent) return {};
  const port = portNumber(v.value);
  return port === undefined ? { unknown: `${describeAttribute(res, path)} is "${String(v.value)}", not a port` } : { port };
}

/** Ports of a small range are listed one by one; a wider one is left to the direct path (see `portRange`). */
export const MAX_LISTENER_PORTS = 16;

/** `443`, `"443"`, `"8080-8090"`: the ports, or undefined when not a port or range. */
export function portRange(v: unknown): PortSet | undefined {
  if (typeof v === 'number') return portNumber(v) === undefined ? undefined : PortSet.of(v);
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(v);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return a <= b && b <= 65535 ? PortSet.range(a, b) : undefined;
}

/**
 * An internal balancer has only private addresses: clients on the internet cannot reach it,
 * whatever its filters allow. Public ranges a network of the plan uses as its own stay
 * reachable (they are inside the network).
 */
export function internalSchemeLayer(res: PlanResource, location: SourceLocation, networkRanges: AddressSet, how: string): FilterLayer {
  // Opening a rule would not help: the scheme is the fix, or a client that is not the internet.
  const fix: LayerFix = { kind: 'advice', text: `make ${res.address} internet-facing (${how}), or, if it serves only clients inside your networks, declare those clients' CIDRs (the topology's \`clients:\`) rather than the internet` };
  return blockingLayer(`internal scheme of ${res.address}`, location, { addresses: INTERNET.subtract(networkRanges), identities: [], label: 'the internet' }, `${res.address} is internal: only networks connected to it reach it, not the internet`, fix);
}

/** A balancer with only IPv4 frontends: IPv6 clients cannot connect to it, whatever its filters allow. */
export function ipv4OnlyLayer(res: PlanResource, location: SourceLocation, fix: LayerFix): FilterLayer {
  return blockingLayer(`address family of ${res.address}`, location, { addresses: AddressSet.ALL_V6, identities: [], label: 'IPv6' }, `${res.address} has only IPv4 frontends: IPv6 clients cannot connect to it`, fix);
}

/** The layer of a balancer whose scheme (internal or internet-facing) is not known until apply. */
export function unknownSchemeLayer(res: PlanResource, reason: string, location: SourceLocation): FilterLayer {
  return { name: `scheme of ${res.address}`, rules: [], defaultAction: 'deny', unknown: reason, fixLocation: location };
}

/** The `topogate-environment` tag of a balancer. */
export function environmentTagOf(tags: Readonly<Record<string, string>>): string | undefined {
  const v = Object.entries(tags).find(([k]) => k.toLowerCase() === 'topogate-environment')?.[1]?.trim();
  return v !== undefined && v !== '' ? v : undefined;
}

/** Groups `(target, target port)` pairs into one listener draft per target port. */
export function listenersByTargetPort(
  base: Omit<ListenerDraft, 'targets' | 'targetPort' | 'targetsUnknown'>,
  members: ReadonlyArray<{ res: PlanResource; port: number; preserves?: boolean }>,
  unknown: readonly string[],
  fallbackTargetPort: number,
): ListenerDraft[] {
  const byPort = new Map<string, { port: number; preserves?: boolean; targets: PlanResource[]; seen: Set<string> }>();
  for (const m of members) {
    const key = `${m.port}|${String(m.preserves)}`;
    let entry = byPort.get(key);
    if (!entry) byPort.set(key, (entry = { port: m.port, preserves: m.preserves, targets: [], seen: new Set() }));
    if (!entry.seen.has(m.res.address)) {
      entry.seen.add(m.res.address);
      entry.targets.push(m.res);
    }
  }
  const out: ListenerDraft[] = [...byPort.values()].map((e) => ({ ...base, targetPort: e.port, targets: e.targets, ...(e.preserves !== undefined ? { preservesClientAddress: e.preserves } : {}) }));
  if (unknown.length > 0) out.push({ ...base, targetPort: fallbackTargetPort, targets: [], targetsUnknown: [...new Set(unknown)].join('; ') });
  if (out.length === 0) out.push({ ...base, targetPort: fallbackTargetPort, targets: [] });
  return out;
}
