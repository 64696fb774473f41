import type { FilterLayer, RuleProtocol } from '../model.js';
import { AddressSet } from '../net/cidr.js';
import type { PortSet } from '../net/ports.js';
import { attributeValues, cidrSet, describeAttribute, gcpRegionOfZone, isObjectValue, linkedResources, unknownLayer } from './plan-context.js';
import type { Links, LinkSpec, PlanContext } from './plan-context.js';
import { knownMap, lookup } from './plan-resources.js';
import type { AttributePath, PlanResource } from './plan-resources.js';
import type { GcpNetwork } from './gcp-network.js';
import { MANAGED_GROUPS, groupTemplatePaths, indexByLink, selfLinkPath, templateSpec } from './gcp-instance-groups.js';
import { MAX_LISTENER_PORTS, environmentTagOf, internalSchemeLayer, ipv4OnlyLayer, listenersByTargetPort, portRange, singleValue } from './plan-balancers.js';
import type { BalancerDraft, ListenerDraft, PlacedServers } from './plan-balancers.js';

/**
 * Google Cloud load balancers after apply: a forwarding rule (regional or global) is a
 * listener; it sends to a target proxy (HTTP(S), gRPC: through a URL map; TCP, SSL: straight)
 * and on to backend services, or straight to a backend service, a target pool or a target
 * instance. Backend services hold instance groups (unmanaged ones list their instances;
 * managed ones launch the servers of their instance template) and zonal network endpoint
 * groups (their endpoints' instances and ports).
 *
 * - Proxies terminate the connection and reach the backends from their own addresses: Google
 *   Front Ends (classic and global external load balancers) from Google's published ranges
 *   35.191.0.0/16 and 130.211.0.0/22; Envoy-based ones (regional, and internal managed) from the
 *   proxy-only subnet of their network and region. The backends' firewall must admit all of
 *   those addresses, on the port the backend service names (`port_name`, a named port of each
 *   instance group; `http` by default).
 * - Passthrough Network Load Balancers (a forwarding rule with a `backend_service`, a target
 *   pool or a target instance) keep the client's address: the backends' firewall sees the
 *   clients, on the forwarding rule's own port.
 * - INTERNAL and INTERNAL_MANAGED forwarding rules are not reachable from the internet.
 *
 * A balancer is named after what its forwarding rules send to (the URL map, the backend
 * service, the target pool), as the console names it; each forwarding rule port is a listener.
 */

const GFE_RANGES = AddressSet.of('35.191.0.0/16', '130.211.0.0/22');
const FORWARDING_RULE_TYPES = ['google_compute_forwarding_rule', 'google_compute_global_forwarding_rule'];
const URL_MAP_PROXIES = ['google_compute_target_http_proxy', 'google_compute_target_https_proxy', 'google_compute_target_grpc_proxy', 'google_compute_region_target_http_proxy', 'google_compute_region_target_https_proxy'];
const SERVICE_PROXIES = ['google_compute_target_tcp_proxy', 'google_compute_target_ssl_proxy', 'google_compute_region_target_tcp_proxy'];
const URL_MAPS = ['google_compute_url_map', 'google_compute_region_url_map'];
const BACKEND_SERVICES = ['google_compute_backend_service', 'google_compute_region_backend_service'];
const TARGET_POOL = 'google_compute_target_pool';
const TARGET_INSTANCE = 'google_compute_target_instance';
const INSTANCE = 'google_compute_instance';
const UNMANAGED_GROUP = 'google_compute_instance_group';
const NEGS = ['google_compute_network_endpoint_group', 'google_compute_region_network_endpoint_group', 'google_compute_global_network_endpoint_group'];
const PROXY_SUBNET_PURPOSES: Record<'regional' | 'global', ReadonlySet<string>> = {
  regional: new Set(['REGIONAL_MANAGED_PROXY', 'INTERNAL_HTTPS_LOAD_BALANCER']),
  global: new Set(['GLOBAL_MANAGED_PROXY']),
};

function lastSegment(v: string): string {
  return v.split('/').filter((x) => x !== '').pop() ?? v;
}

function forwardingProtocol(v: unknown): RuleProtocol | undefined {
  switch (typeof v === 'string' ? v.toUpperCase() : 'TCP') {
    case 'TCP':
      return 'tcp';
    case 'UDP':
      return 'udp';
    case 'L3_DEFAULT':
      return 'all';
    default:
      return undefined;
  }
}

/** What a group of forwarding rules sends to, and how its backends see the traffic. */
type Mode = { kind: 'passthrough' } | { kind: 'gfe' } | { kind: 'envoy'; scope: 'regional' | 'global' };

interface Backend {
  res: PlanResource;
  targets: Array<{ res: PlanResource; port?: number; portName?: string }>;
  unknown: string[];
}

export function buildGcpBalancers(ctx: PlanContext, network: GcpNetwork, servers: PlacedServers): BalancerDraft[] {
  const managed = (types: readonly string[]) => types.flatMap((t) => ctx.ofType(t)).filter((r) => r.mode === 'managed');
  const spec = (types: readonly string[], byId: ReadonlyMap<string, PlanResource>, what: string): LinkSpec => ({ types: new Set(types), byId, what, normalize: selfLinkPath });
  const instances = managed([INSTANCE]);
  const specs = {
    urlMapProxy: spec(URL_MAP_PROXIES, indexByLink(managed(URL_MAP_PROXIES)), 'target proxy'),
    serviceProxy: spec(SERVICE_PROXIES, indexByLink(managed(SERVICE_PROXIES)), 'target proxy'),
    urlMap: spec(URL_MAPS, indexByLink(managed(URL_MAPS)), 'URL map'),
    service: spec(BACKEND_SERVICES, indexByLink(managed(BACKEND_SERVICES)), 'backend service'),
    pool: spec([TARGET_POOL], indexByLink(managed([TARGET_POOL])), 'target pool'),
    targetInstance: spec([TARGET_INSTANCE], indexByLink(managed([TARGET_INSTANCE])), 'target instance'),
    instance: spec([INSTANCE], indexByLink(instances), 'instance'),
    template: templateSpec(ctx),
    group: spec([UNMANAGED_GROUP, ...MANAGED_GROUPS, ...NEGS], indexByLink(managed([UNMANAGED_GROUP, ...MANAGED_GROUPS, ...NEGS]), ['self_link', 'id', 'instance_group']), 'instance group'),
    neg: spec(NEGS, indexByLink(managed(NEGS)), 'network endpoint group'),
  };
  // Target pools name instances as `zone/name` or by self link: both end in the name.
  const instanceByZoneName = new Map<string, PlanResource>();
  for (const i of instances) {
    const name = i.values.name;
    const zone = i.values.zone;
    if (typeof name === 'string' && typeof zone === 'string') instanceByZoneName.set(`${lastSegment(zone)}/${name}`, i);
  }
  const subnetworks = managed(['google_compute_subnetwork']);
  const subnetworkSpec = spec(['google_compute_subnetwork'], indexByLink(subnetworks), 'subnetwork');
  const poolInstanceSpec: LinkSpec = { ...specs.instance, byId: new Map([...specs.instance.byId, ...instanceByZoneName]) };
  const link = (res: PlanResource, path: AttributePath, s: LinkSpec) => linkedResources(ctx, res, path, s);
  const servers_ = (links: Links) => links.targets.filter((t) => servers.isServer(t));

  // Network endpoints of zonal NEGs: the instance and port of each.
  const endpoints = new Map<string, Array<{ res: PlanResource; port?: number }>>();
  const endpointUnknown = new Map<string, string[]>();
  const addEndpoint = (neg: PlanResource, owner: PlanResource, base: AttributePath) => {
    const inst = link(owner, [...base, 'instance'], specs.instance);
    const port = singleValue(ctx, owner, [...base, 'port'], { computedDefault: [] });
    const list = endpoints.get(neg.address) ?? [];
    for (const t of servers_(inst)) list.push({ res: t, port: typeof port.value === 'number' ? port.value : undefined });
    endpoints.set(neg.address, list);
    const unknown = [...inst.unknown, ...(port.unknown ? [port.unknown] : [])];
    if (unknown.length > 0) endpointUnknown.set(neg.address, [...(endpointUnknown.get(neg.address) ?? []), ...unknown]);
  };
  for (const e of managed(['google_compute_network_endpoint'])) for (const neg of link(e, ['network_endpoint_group'], specs.neg).targets) addEndpoint(neg, e, []);
  for (const e of managed(['google_compute_network_endpoints'])) {
    const list = lookup(e, ['network_endpoints']);
    const negs = link(e, ['network_endpoint_group'], specs.neg).targets;
    if (list.state === 'known' && Array.isArray(list.value)) list.value.forEach((_, i) => negs.forEach((neg) => addEndpoint(neg, e, ['network_endpoints', i])));
  }

  /** The servers an instance group, managed group or NEG holds, with their named ports (or endpoint ports). */
  const groupMembers = (group: PlanResource): { members: PlanResource[]; namedPorts: Map<string, number>; endpointPorts?: Array<{ res: PlanResource; port?: number }>; defaultPort?: number; unknown: string[] } => {
    const namedPorts = new Map<string, number>();
    const named = lookup(group, ['named_port']);
    if (named.state === 'known' && Array.isArray(named.value)) for (const n of named.value) if (isObjectValue(n) && typeof n.name === 'string' && typeof n.port === 'number') namedPorts.set(n.name, n.port);
    const unknown: string[] = named.state === 'unknown' ? [`${describeAttribute(group, ['named_port'])} is not known until apply`] : [];
    if (group.type === UNMANAGED_GROUP) {
      const l = link(group, ['instances'], specs.instance);
      return { members: servers_(l), namedPorts, unknown: [...unknown, ...l.unknown] };
    }
    if (MANAGED_GROUPS.includes(group.type)) {
      const members: PlanResource[] = [];
      for (const p of groupTemplatePaths(group)) {
        const l = link(group, p, specs.template);
        for (const t of servers_(l)) if (!members.includes(t)) members.push(t);
        unknown.push(...l.unknown);
      }
      return { members, namedPorts, unknown };
    }
    // A network endpoint group: serverless and internet NEGs hold no servers.
    const type = singleValue(ctx, group, ['network_endpoint_type'], { computedDefault: ['GCE_VM_IP_PORT'] });
    if (type.unknown) return { members: [], namedPorts, unknown: [type.unknown] };
    if (type.value !== 'GCE_VM_IP_PORT' && type.value !== 'GCE_VM_IP') return { members: [], namedPorts, unknown: [] };
    const defaultPort = typeof group.values.default_port === 'number' ? group.values.default_port : undefined;
    const list = endpoints.get(group.address) ?? [];
    return { members: list.map((e) => e.res), namedPorts, endpointPorts: type.value === 'GCE_VM_IP' ? undefined : list, defaultPort, unknown: endpointUnknown.get(group.address) ?? [] };
  };

  /** The targets of a backend service: for a proxy, on the named port (or endpoint port); for a passthrough, on the listener's port. */
  const serviceTargets = new Map<string, Backend>();
  const backendOf = (service: PlanResource): Backend => {
    const cached = serviceTargets.get(service.address);
    if (cached) return cached;
    const out: Backend = { res: service, targets: [], unknown: [] };
    const portName = singleValue(ctx, service, ['port_name'], { computedDefault: ['http'] });
    const backends = lookup(service, ['backend']);
    if (backends.state === 'unknown') out.unknown.push(`${describeAttribute(service, ['backend'])} is not known until apply`);
    const list: unknown[] = backends.state === 'known' && Array.isArray(backends.value) ? backends.value : [];
    list.forEach((_, i) => {
      const groups = link(service, ['backend', i, 'group'], specs.group);
      out.unknown.push(...groups.unknown);
      for (const g of groups.targets) {
        const m = groupMembers(g);
        out.unknown.push(...m.unknown);
        if (m.endpointPorts) {
          for (const e of m.endpointPorts) {
            const port = e.port ?? m.defaultPort;
            if (port === undefined) out.unknown.push(`the port of an endpoint of ${g.address} is not known`);
            else out.targets.push({ res: e.res, port });
          }
          continue;
        }
        if (portName.unknown) {
          if (m.members.length > 0) out.unknown.push(portName.unknown);
          continue;
        }
        const name = typeof portName.value === 'string' ? portName.value : 'http';
        const port = m.namedPorts.get(name);
        for (const res of m.members) out.targets.push({ res, port, portName: port === undefined ? `${g.address} has no named port "${name}" (the port_name of ${service.address})` : undefined });
      }
    });
    serviceTargets.set(service.address, out);
    return out;
  };

  /** The backend services a URL map sends to: default, path matchers, path rules, route rules and weighted services. */
  const servicesOfUrlMap = (map: PlanResource): { services: PlanResource[]; unknown: string[] } => {
    const services: PlanResource[] = [];
    const unknown: string[] = [];
    const add = (path: AttributePath) => {
      if (lookup(map, path).state === 'absent') return;
      const l = link(map, path, specs.service);
      for (const s of l.targets) if (!services.includes(s)) services.push(s);
      unknown.push(...l.unknown);
    };
    const each = (path: AttributePath, fn: (i: number) => void) => {
      const l = lookup(map, path);
      if (l.state === 'known' && Array.isArray(l.value)) l.value.forEach((_, i) => fn(i));
      else if (l.state === 'unknown') unknown.push(`${describeAttribute(map, path)} is not known until apply`);
    };
    const weighted = (base: AttributePath) => each([...base, 'route_action'], (r) => each([...base, 'route_action', r, 'weighted_backend_services'], (w) => add([...base, 'route_action', r, 'weighted_backend_services', w, 'backend_service'])));
    add(['default_service']);
    weighted(['default']);
    each(['default_route_action'], (r) => each(['default_route_action', r, 'weighted_backend_services'], (w) => add(['default_route_action', r, 'weighted_backend_services', w, 'backend_service'])));
    each(['path_matcher'], (i) => {
      add(['path_matcher', i, 'default_service']);
      each(['path_matcher', i, 'default_route_action'], (r) => each(['path_matcher', i, 'default_route_action', r, 'weighted_backend_services'], (w) => add(['path_matcher', i, 'default_route_action', r, 'weighted_backend_services', w, 'backend_service'])));
      each(['path_matcher', i, 'path_rule'], (j) => {
        add(['path_matcher', i, 'path_rule', j, 'service']);
        weighted(['path_matcher', i, 'path_rule', j]);
      });
      each(['path_matcher', i, 'route_rules'], (j) => {
        add(['path_matcher', i, 'route_rules', j, 'service']);
        weighted(['path_matcher', i, 'route_rules', j]);
      });
    });
    return { services, unknown };
  };


  /** The proxy-only subnet an Envoy-based balancer's proxies use, in the forwarding rule's network (and region). */
  const proxySubnets = (rule: PlanResource, scope: 'regional' | 'global'): { addresses?: AddressSet; unknown?: string } => {
    let net = network.networkKey(rule, ['network']);
    if (net.key === undefined) {
      const sub = link(rule, ['subnetwork'], subnetworkSpec);
      if (sub.targets.length > 0) net = network.networkKey(sub.targets[0], ['network']);
    }
    if (net.key === undefined) return { unknown: `the network of ${rule.address} is not known${net.unknown.length > 0 ? `: ${net.unknown.join('; ')}` : ''}, so neither is its proxy-only subnet` };
    const region = scope === 'regional' ? regionOf(ctx, rule) : undefined;
    let set = AddressSet.EMPTY;
    for (const s of subnetworks) {
      const purpose = singleValue(ctx, s, ['purpose'], { computedDefault: ['PRIVATE'] });
      if (typeof purpose.value !== 'string' || !PROXY_SUBNET_PURPOSES[scope].has(purpose.value)) continue;
      if (network.networkKey(s, ['network']).key !== net.key) continue;
      if (region !== undefined && regionOf(ctx, s) !== region) continue;
      set = set.union(cidrSet(attributeValues(ctx, s, ['ip_cidr_range']).values).set);
    }
    if (set.isEmpty()) return { unknown: `the proxy-only subnet (purpose ${[...PROXY_SUBNET_PURPOSES[scope]][0]}) of ${net.key}${region ? ` in ${region}` : ''} is not in this plan, so the addresses ${rule.address}'s proxies reach the backends from are not known` };
    return { addresses: set };
  };

  const addresses = spec(['google_compute_address', 'google_compute_global_address'], indexByLink(managed(['google_compute_address', 'google_compute_global_address']), ['self_link', 'id', 'name', 'address']), 'address');
  /** A forwarding rule is IPv4 unless its ip_version, its address or the address resource it names says IPv6. */
  const mayTakeIpv6 = (rule: PlanResource): boolean => {
    const version = singleValue(ctx, rule, ['ip_version'], { computedDefault: [] });
    if (version.unknown || version.value === 'IPV6') return true;
    const ip = lookup(rule, ['ip_address']);
    if (ip.state === 'known') {
      if (typeof ip.value === 'string' && ip.value.includes(':') && !ip.value.includes('/')) return true;
      if (typeof ip.value === 'string' && !ip.value.includes('/')) return false;
    }
    if (ip.state === 'absent') return false;
    const named = link(rule, ['ip_address'], addresses);
    if (named.unknown.length > 0) return true;
    return named.targets.some((a) => a.values.ip_version === 'IPV6' || (typeof a.values.address === 'string' && a.values.address.includes(':')));
  };

  interface Group {
    key: string;
    res: PlanResource;
    mode: Mode;
    internal: boolean;
    addresses?: AddressSet;
    addressesUnknown?: string;
    listeners: ListenerDraft[];
    labels: Record<string, string>;
    /** Whether some forwarding rule of it may take IPv6 clients. */
    ipv6: boolean;
  }
  const groups = new Map<string, Group>();
  const groupFor = (res: PlanResource, mode: Mode, internal: boolean, rule: PlanResource): Group => {
    const key = `${res.address}|${mode.kind}|${internal}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, res, mode, internal, listeners: [], labels: knownMap(rule, ['labels']), ipv6: false };
      if (mode.kind === 'gfe') g.addresses = GFE_RANGES;
      if (mode.kind === 'envoy') {
        const p = proxySubnets(rule, mode.scope);
        g.addresses = p.addresses;
        g.addressesUnknown = p.unknown;
      }
      groups.set(key, g);
    }
    return g;
  };

  for (const rule of managed(FORWARDING_RULE_TYPES)) {
    const global = rule.type === 'google_compute_global_forwarding_rule';
    const where = ctx.locate(rule);
    const schemeValue = singleValue(ctx, rule, ['load_balancing_scheme'], { computedDefault: ['EXTERNAL'] });
    const scheme = typeof schemeValue.value === 'string' ? schemeValue.value : 'EXTERNAL';
    // Traffic Director (INTERNAL_SELF_MANAGED) is a service mesh, not a balancer in front of servers.
    if (!schemeValue.unknown && scheme === 'INTERNAL_SELF_MANAGED') continue;
    const internal = scheme === 'INTERNAL' || scheme === 'INTERNAL_MANAGED';
    const protocolValue = singleValue(ctx, rule, ['ip_protocol'], { computedDefault: ['TCP'] });
    const protocol = protocolValue.unknown ? 'all' : forwardingProtocol(protocolValue.value);
    if (protocol === undefined) continue;
    const unknown: string[] = [...(schemeValue.unknown ? [schemeValue.unknown] : []), ...(protocolValue.unknown ? [protocolValue.unknown] : [])];

    // Where it sends: a backend service (passthrough), or a target.
    let mode: Mode;
    let owner: PlanResource | undefined;
    let services: PlanResource[] = [];
    let direct: PlanResource[] = [];
    const viaService = link(rule, ['backend_service'], specs.service);
    if (viaService.targets.length > 0 || viaService.unknown.length > 0) {
      mode = { kind: 'passthrough' };
      owner = viaService.targets[0];
      services = viaService.targets;
      unknown.push(...viaService.unknown);
    } else {
      const toUrlMapProxy = link(rule, ['target'], specs.urlMapProxy);
      const toServiceProxy = link(rule, ['target'], specs.serviceProxy);
      const toPool = link(rule, ['target'], specs.pool);
      const toInstance = link(rule, ['target'], specs.targetInstance);
      const proxy = toUrlMapProxy.targets[0] ?? toServiceProxy.targets[0];
      if (proxy) {
        mode = scheme === 'EXTERNAL' || (scheme === 'EXTERNAL_MANAGED' && global) ? { kind: 'gfe' } : { kind: 'envoy', scope: global ? 'global' : 'regional' };
        if (toUrlMapProxy.targets.length > 0) {
          const maps = link(proxy, ['url_map'], specs.urlMap);
          unknown.push(...maps.unknown);
          owner = maps.targets[0];
          for (const m of maps.targets) {
            const s = servicesOfUrlMap(m);
            services.push(...s.services);
            unknown.push(...s.unknown);
          }
        } else {
          const s = link(proxy, ['backend_service'], specs.service);
          unknown.push(...s.unknown);
          owner = s.targets[0];
          services = s.targets;
        }
        owner ??= proxy;
      } else if (toPool.targets.length > 0) {
        mode = { kind: 'passthrough' };
        owner = toPool.targets[0];
        const l = link(owner, ['instances'], poolInstanceSpec);
        direct = servers_(l);
        unknown.push(...l.unknown);
      } else if (toInstance.targets.length > 0) {
        mode = { kind: 'passthrough' };
        owner = toInstance.targets[0];
        const l = link(owner, ['instance'], specs.instance);
        direct = servers_(l);
        unknown.push(...l.unknown);
      } else {
        const all = [toUrlMapProxy, toServiceProxy, toPool, toInstance];
        const reasons = all.flatMap((l) => l.unknown);
        // A target outside this plan (or none): what it forwards to is not known.
        const external = all.flatMap((l) => l.external);
        if (reasons.length === 0 && external.length === 0) continue;
        mode = { kind: 'passthrough' };
        unknown.push(...(reasons.length > 0 ? [reasons[0]] : [`the target of ${rule.address} (${external[0]}) is not in this plan`]));
      }
    }
    const group = groupFor(owner ?? rule, mode, internal, rule);
    if (mayTakeIpv6(rule)) group.ipv6 = true;
    // Every port, or a wide range, is a passthrough forwarding rule: it adds nothing to the direct path.
    const ports = forwardingPorts(ctx, rule);
    if (!ports || portCount(ports) > MAX_LISTENER_PORTS) continue;
    for (const port of ports.toRanges().flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i))) {
      const members: Array<{ res: PlanResource; port: number }> = [];
      const reasons = [...unknown];
      for (const res of direct) members.push({ res, port });
      for (const s of services) {
        const b = backendOf(s);
        reasons.push(...b.unknown);
        for (const t of b.targets) {
          // A passthrough balancer does not change the port; a proxy uses the backend's.
          if (mode.kind === 'passthrough') members.push({ res: t.res, port });
          else if (t.port !== undefined) members.push({ res: t.res, port: t.port });
          else reasons.push(t.portName ?? `the port ${s.address} reaches ${t.res.address} on is not known`);
        }
      }
      group.listeners.push(...listenersByTargetPort({ port, protocol, location: where }, members, reasons, port));
    }
  }

  return [...groups.values()].map((g) => {
    const location = ctx.locate(g.res);
    const ingress: FilterLayer[] = g.internal ? [internalSchemeLayer(g.res, location, network.networkRanges(), 'an external forwarding rule: load_balancing_scheme EXTERNAL_MANAGED')] : [];
    if (!g.ipv6) ingress.push(ipv4OnlyLayer(g.res, location, { kind: 'resource', address: g.res.address, rule: 'an IPv6 forwarding rule (ip_version = "IPV6")' }));
    // The proxies' addresses, when not known, stand as an unknown filter on their way to the backends.
    const egress: FilterLayer[] = g.addressesUnknown ? [unknownLayer(`proxies of ${g.res.address}`, g.addressesUnknown, location)] : [];
    return {
      res: g.res,
      network: { ingress, egress, identities: [`lb:${g.res.address}`], addresses: g.addresses ?? AddressSet.EMPTY, addressesExact: g.addresses !== undefined },
      listeners: g.listeners,
      preservesClientAddress: g.mode.kind === 'passthrough',
      location,
      environmentTag: environmentTagOf(g.labels),
    };
  });
}

function portCount(ports: PortSet): number {
  return ports.toRanges().reduce((n, [a, b]) => n + b - a + 1, 0);
}

/** The region of a regional resource: its `region`, else its provider's. */
function regionOf(ctx: PlanContext, res: PlanResource): string | undefined {
  const v = singleValue(ctx, res, ['region'], { computedDefault: [] });
  if (typeof v.value === 'string' && v.value !== '') return lastSegment(v.value);
  const zone = res.values.zone;
  if (typeof zone === 'string') return gcpRegionOfZone(zone);
  return ctx.resolver.providerArgument(res, 'region', 'google');
}

/** The ports of a forwarding rule: `ports`, `port_range`, or every port (`all_ports`, or neither set). */
function forwardingPorts(ctx: PlanContext, rule: PlanResource): PortSet | undefined {
  if (rule.values.all_ports === true) return undefined;
  const list = attributeValues(ctx, rule, ['ports'], { computedDefault: [] });
  if (list.unknown.length === 0 && list.values.length > 0) {
    let set: PortSet | undefined;
    for (const v of list.values) {
      const p = portRange(v);
      if (!p) return undefined;
      set = set ? set.union(p) : p;
    }
    return set;
  }
  const range = singleValue(ctx, rule, ['port_range'], { computedDefault: [] });
  if (range.unknown || range.value === undefined || range.value === '') return undefined;
  return portRange(range.value);
}

