import type { ControlPlaneAccess, HealthProbe, RuleProtocol } from '../model.js';
import { AddressSet, INTERNET } from '../net/cidr.js';
import { PortSet } from '../net/ports.js';
import { cidrSet, describeAttribute, indexBy, isObjectValue, linkedResources } from './plan-context.js';
import type { Links, LinkSpec, PlanContext } from './plan-context.js';
import { knownMap, lookup } from './plan-resources.js';
import type { AttributePath, PlanResource } from './plan-resources.js';
import { AZURE_LOAD_BALANCER, AZURE_PROBE_ADDRESS, GATEWAY_MANAGER_IDENTITY, SCALE_SET_TYPES, isEmptyValue } from './azure-network.js';
import type { AzureNetwork } from './azure-network.js';
import { azureNicPaths } from './plan-servers.js';
import { environmentTagOf, internalSchemeLayer, ipv4OnlyLayer, listenersByTargetPort, portAt, singleValue, unknownSchemeLayer } from './plan-balancers.js';
import type { BalancerDraft, ListenerDraft, PlacedServers } from './plan-balancers.js';

/**
 * Azure load balancers after apply.
 *
 * - Azure Load Balancer (`azurerm_lb`) passes traffic through: the backends' NSGs see the
 *   client's own address. Load-balancing rules (`azurerm_lb_rule`) forward `frontend_port` to
 *   `backend_port` on their backend pools, to the backends that answer the rule's health probe
 *   (`probe_id`, an `azurerm_lb_probe` on its `port`; without one known, the backend port): the
 *   probes come from the AzureLoadBalancer service tag (168.63.129.16), which the default rules
 *   admit but a Deny above them (on `*`, or on the tag) blocks, and a backend that does not
 *   answer them is marked down and gets no new connections. Inbound NAT rules (`azurerm_lb_nat_rule`,
 *   not probed) forward to
 *   the NICs associated with them. Pool members are NICs
 *   (`azurerm_network_interface_backend_address_pool_association`, or the NIC's legacy
 *   `load_balancer_backend_address_pools_ids`) of the virtual machines that use them, scale
 *   sets whose IP configurations name the pool (`load_balancer_backend_address_pool_ids`), and
 *   addresses (`azurerm_lb_backend_address_pool_address`) that are servers' addresses. A rule
 *   on HA ports (protocol All, port 0) is left to the direct path: a pass-through balancer that
 *   keeps every port adds nothing to it.
 * - Application Gateway (`azurerm_application_gateway`) is a proxy in its own subnet: the
 *   subnet's NSGs filter the clients and its traffic out, and the backends see it from
 *   addresses in that subnet. Listeners (`http_listener` on a `frontend_port`) forward by their
 *   request routing rules (basic, or path-based through a URL path map) to backend pools
 *   (by IP address, by FQDN, NICs associated with the pool, or scale sets that name it in
 *   `application_gateway_backend_address_pool_ids`) on the port of the rule's
 *   backend HTTP settings. A rule with a `redirect_configuration_name` (HTTP to HTTPS) forwards
 *   nowhere: the gateway answers it itself, and a policy that wants that port forwarded is told
 *   so rather than asked to open the backend directly. A v2 gateway (`sku` tier `*_v2`) runs
 *   only where its subnet admits GatewayManager on tcp/65200-65535 (its `controlPlane`).
 * - A balancer without a public frontend is internal: the internet cannot reach it. A gateway
 *   with listeners on both kinds of frontend is two balancers, the private one named
 *   `<address> (private frontend)`.
 */

const LB = 'azurerm_lb';
const POOL = 'azurerm_lb_backend_address_pool';
const NAT_RULE = 'azurerm_lb_nat_rule';
const GATEWAY = 'azurerm_application_gateway';
const NIC = 'azurerm_network_interface';
const VM_TYPES = ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine'];

/** Where Azure Load Balancer's health probes come from: one object, so the flow engine's caches serve every probe. */
const AZURE_PROBE_SOURCE: HealthProbe['source'] = { name: AZURE_LOAD_BALANCER.label, addresses: AZURE_PROBE_ADDRESS, identities: AZURE_LOAD_BALANCER.identities };
/** Where Azure manages Application Gateway v2 from: public addresses Azure publishes, not in the plan. */
const GATEWAY_MANAGER_SOURCE: ControlPlaneAccess['source'] = { name: 'GatewayManager', addresses: INTERNET.intersect(AddressSet.ALL_V4), identities: [GATEWAY_MANAGER_IDENTITY] };
/** The ports Application Gateway v2's subnet must admit from GatewayManager. */
const GATEWAY_MANAGER_PORTS = PortSet.range(65200, 65535);

interface Pool {
  members: PlanResource[];
  unknown: string[];
}

function azureProtocol(v: unknown): RuleProtocol | undefined {
  switch (typeof v === 'string' ? v.toLowerCase() : '') {
    case 'tcp':
      return 'tcp';
    case 'udp':
      return 'udp';
    case 'all':
      return 'all';
    default:
      return undefined;
  }
}

/** The named blocks of a gateway (`frontend_port`, `backend_address_pool`, …) by name. */
function blocksByName(res: PlanResource, attribute: string): Map<string, { block: Record<string, unknown>; index: number }> {
  const out = new Map<string, { block: Record<string, unknown>; index: number }>();
  const l = lookup(res, [attribute]);
  if (l.state !== 'known' || !Array.isArray(l.value)) return out;
  l.value.forEach((block: unknown, index) => {
    if (isObjectValue(block) && typeof block.name === 'string') out.set(block.name, { block, index });
  });
  return out;
}

const isPublicFrontend = (res: PlanResource, attribute: string, index: number): boolean | undefined => {
  const ip = lookup(res, [attribute, index, 'public_ip_address_id']);
  const prefix = lookup(res, [attribute, index, 'public_ip_prefix_id']);
  if (ip.state === 'unknown' || prefix.state === 'unknown') return true;
  const known = (l: typeof ip) => l.state === 'known' && typeof l.value === 'string' && l.value !== '';
  return known(ip) || known(prefix);
};

export function buildAzureBalancers(ctx: PlanContext, network: AzureNetwork, servers: PlacedServers): BalancerDraft[] {
  const managed = (type: string) => ctx.ofType(type).filter((r) => r.mode === 'managed');
  const lbs = managed(LB);
  const pools = managed(POOL);
  const natRules = managed(NAT_RULE);
  const gateways = managed(GATEWAY);
  const nics = managed(NIC);
  const spec = (type: string, byId: ReadonlyMap<string, PlanResource>, what: string): LinkSpec => ({ types: new Set([type]), byId, what });
  const specs = {
    lb: spec(LB, indexBy(lbs, ['id'], true), 'load balancer'),
    pool: spec(POOL, indexBy(pools, ['id'], true), 'backend address pool'),
    nat: spec(NAT_RULE, indexBy(natRules, ['id'], true), 'inbound NAT rule'),
    nic: spec(NIC, indexBy(nics, ['id'], true), 'network interface'),
    gateway: spec(GATEWAY, indexBy(gateways, ['id'], true), 'application gateway'),
  };
  const link = (res: PlanResource, path: AttributePath, s: LinkSpec) => linkedResources(ctx, res, path, s);
  const tagsOf = (r: PlanResource) => knownMap(r, ['tags']);

  // The virtual machines behind each NIC (by address, or by id for a NIC outside the plan).
  let vmsByNic: Map<string, PlanResource[]> | undefined;
  const vmsOf = (nicLinks: Links): PlanResource[] => {
    if (!vmsByNic) {
      vmsByNic = new Map();
      for (const vm of VM_TYPES.flatMap(managed)) {
        if (!servers.isServer(vm)) continue;
        for (const path of azureNicPaths(vm)) {
          const l = link(vm, [path], specs.nic);
          for (const k of [...l.targets.map((t) => t.address), ...l.external.map((id) => `id:${id.toLowerCase()}`)]) {
            const list = vmsByNic.get(k) ?? [];
            if (!list.includes(vm)) list.push(vm);
            vmsByNic.set(k, list);
          }
        }
      }
    }
    return [...nicLinks.targets.map((t) => t.address), ...nicLinks.external.map((id) => `id:${id.toLowerCase()}`)].flatMap((k) => vmsByNic!.get(k) ?? []);
  };
  const addNics = (pool: Pool, nicLinks: Links) => {
    pool.members.push(...vmsOf(nicLinks));
    pool.unknown.push(...nicLinks.unknown);
  };
  const addAddresses = (pool: Pool, values: readonly unknown[]) => {
    for (const v of values) if (typeof v === 'string') pool.members.push(...servers.withAddress(v));
  };

  // Azure Load Balancer backend pools and NAT rules.
  const poolState = new Map<string, Pool>();
  const poolOf = (res: PlanResource): Pool => {
    let p = poolState.get(res.address);
    if (!p) poolState.set(res.address, (p = { members: [], unknown: [] }));
    return p;
  };
  const natTargets = new Map<string, Pool>();
  const natOf = (res: PlanResource): Pool => {
    let p = natTargets.get(res.address);
    if (!p) natTargets.set(res.address, (p = { members: [], unknown: [] }));
    return p;
  };
  /** Reasons some pool (or NAT rule) gains members that are not known: it may be any of them. */
  const anyPool: string[] = [];
  const anyNatRule: string[] = [];
  const into = (links: Links, of: (res: PlanResource) => Pool, add: (pool: Pool) => void, floating: string[]) => {
    for (const t of links.targets) add(of(t));
    floating.push(...links.unknown);
  };
  for (const a of managed('azurerm_network_interface_backend_address_pool_association')) {
    const nic = link(a, ['network_interface_id'], specs.nic);
    into(link(a, ['backend_address_pool_id'], specs.pool), poolOf, (pool) => addNics(pool, nic), anyPool);
  }
  for (const a of managed('azurerm_network_interface_nat_rule_association')) {
    const nic = link(a, ['network_interface_id'], specs.nic);
    into(link(a, ['nat_rule_id'], specs.nat), natOf, (pool) => addNics(pool, nic), anyNatRule);
  }
  for (const a of managed('azurerm_lb_backend_address_pool_address')) {
    const ip = singleValue(ctx, a, ['ip_address']);
    into(
      link(a, ['backend_address_pool_id'], specs.pool),
      poolOf,
      (pool) => {
        if (ip.unknown) pool.unknown.push(ip.unknown);
        else addAddresses(pool, [ip.value]);
      },
      anyPool,
    );
  }
  for (const p of pools) {
    // Older providers wrote addresses inline in the pool.
    const inline = lookup(p, ['backend_address']);
    if (inline.state === 'known' && Array.isArray(inline.value)) addAddresses(poolOf(p), inline.value.map((b) => (isObjectValue(b) ? b.ip_address : undefined)));
  }
  /** Each IP configuration at `base` of `res` (a NIC, a scale set's network_interface block): its path. */
  const ipConfigurations = (res: PlanResource, base: AttributePath): AttributePath[] => {
    const configs = lookup(res, [...base, 'ip_configuration']);
    return configs.state === 'known' && Array.isArray(configs.value) ? configs.value.map((_, i) => [...base, 'ip_configuration', i]) : [];
  };
  /** The pools (or NAT rules) an attribute of an IP configuration names, where set: `add` puts the member in. */
  const joinNamed = (res: PlanResource, path: AttributePath, s: LinkSpec, of: (res: PlanResource) => Pool, floating: string[], add: (pool: Pool) => void) => {
    if (lookup(res, path).state !== 'absent') into(link(res, path, s), of, add, floating);
  };
  // Older providers: pools and NAT rules named in each IP configuration of the NIC.
  for (const nic of nics) {
    const self: Links = { targets: [nic], external: [], unknown: [], computed: false };
    for (const config of ipConfigurations(nic, [])) {
      joinNamed(nic, [...config, 'load_balancer_backend_address_pools_ids'], specs.pool, poolOf, anyPool, (pool) => addNics(pool, self));
      joinNamed(nic, [...config, 'load_balancer_inbound_nat_rules_ids'], specs.nat, natOf, anyNatRule, (pool) => addNics(pool, self));
    }
  }
  // Scale sets: the pools each IP configuration of their NICs names hold their instances.
  // (Their inbound NAT pools, `azurerm_lb_nat_pool`, are not read.)
  const scaleSets = SCALE_SET_TYPES.flatMap(managed).filter((r) => servers.isServer(r));
  const scaleSetConfigurations = (vmss: PlanResource): AttributePath[] => {
    const blocks = lookup(vmss, ['network_interface']);
    return blocks.state === 'known' && Array.isArray(blocks.value) ? blocks.value.flatMap((_, i) => ipConfigurations(vmss, ['network_interface', i])) : [];
  };
  for (const vmss of scaleSets) {
    for (const config of scaleSetConfigurations(vmss)) joinNamed(vmss, [...config, 'load_balancer_backend_address_pool_ids'], specs.pool, poolOf, anyPool, (pool) => pool.members.push(vmss));
  }

  const drafts: BalancerDraft[] = [];
  const vnetSpace = network.virtualNetworkSpace();

  /** A balancer's scheme from its frontends: internal when none is public. */
  const schemeOf = (res: PlanResource, attribute: string, indexes: readonly number[]) => {
    const location = ctx.locate(res);
    const frontends = lookup(res, [attribute]);
    if (frontends.state === 'unknown') return [unknownSchemeLayer(res, `${describeAttribute(res, [attribute])} is not known until apply, so whether ${res.address} is internal is not known`, location)];
    const internal = indexes.length > 0 && indexes.every((i) => isPublicFrontend(res, attribute, i) === false);
    return internal ? [internalSchemeLayer(res, location, vnetSpace, 'a frontend IP configuration with a public_ip_address_id')] : [];
  };
  // Public IPs by id, for the address family of a frontend.
  const publicIps = spec('azurerm_public_ip', indexBy(managed('azurerm_public_ip'), ['id'], true), 'public IP');
  /** An IPv4-only layer when every frontend is IPv4 (private_ip_address_version, or its public IP's ip_version). */
  const familyOf = (res: PlanResource, attribute: string, indexes: readonly number[], fixRule: string) => {
    const v6 = indexes.some((i) => {
      const version = lookup(res, [attribute, i, 'private_ip_address_version']);
      if (version.state === 'unknown' || (version.state === 'known' && version.value === 'IPv6')) return true;
      const ip = lookup(res, [attribute, i, 'public_ip_address_id']);
      if (ip.state === 'absent') return false;
      const l = link(res, [attribute, i, 'public_ip_address_id'], publicIps);
      // A public IP that cannot be resolved may be IPv6.
      if (l.targets.length === 0) return l.unknown.length > 0 || l.external.length > 0;
      return l.targets.some((t) => t.values.ip_version === 'IPv6' || lookup(t, ['ip_version']).state === 'unknown');
    });
    return v6 || indexes.length === 0 ? [] : [ipv4OnlyLayer(res, ctx.locate(res), { kind: 'resource', address: res.address, rule: fixRule })];
  };
  const frontendAddresses = (res: PlanResource, attribute: string): AddressSet => {
    const l = lookup(res, [attribute]);
    if (l.state !== 'known' || !Array.isArray(l.value)) return AddressSet.EMPTY;
    return cidrSet(l.value.map((f) => (isObjectValue(f) ? f.private_ip_address : undefined)).filter((v) => typeof v === 'string' && v !== '')).set;
  };

  // Load balancers: rules and NAT rules as listeners, pass-through.
  const listenersOf = new Map<string, ListenerDraft[]>();
  const addListeners = (res: PlanResource, drafts: ListenerDraft[]) => {
    for (const lb of link(res, ['loadbalancer_id'], specs.lb).targets) listenersOf.set(lb.address, [...(listenersOf.get(lb.address) ?? []), ...drafts]);
  };
  const forwarding = (res: PlanResource): { port: number; targetPort?: number; targetPortUnknown?: string; protocol: RuleProtocol; unknown: string[] } | undefined => {
    const protocolValue = singleValue(ctx, res, ['protocol']);
    const protocol = protocolValue.unknown ? 'all' : azureProtocol(protocolValue.value);
    const front = portAt(ctx, res, ['frontend_port']);
    const back = portAt(ctx, res, ['backend_port']);
    if (front.port === undefined || protocol === undefined) return undefined;
    // HA ports: every port to the same port, which the direct path already decides.
    if (front.port === 0) return undefined;
    return { port: front.port, targetPort: back.port, targetPortUnknown: back.unknown, protocol, unknown: protocolValue.unknown ? [protocolValue.unknown] : [] };
  };
  const probes = spec('azurerm_lb_probe', indexBy(managed('azurerm_lb_probe'), ['id'], true), 'health probe');
  /** The health probe of a load-balancing rule: its `probe_id`, else one on the backend port. */
  const healthProbeOf = (rule: PlanResource, backendPort: number): HealthProbe => {
    const l = lookup(rule, ['probe_id']).state === 'absent' ? undefined : link(rule, ['probe_id'], probes);
    const probe = l && l.targets.length === 1 ? l.targets[0] : undefined;
    if (!probe) return { name: `the health probe of ${rule.address} (none known: on its backend port, tcp/${backendPort})`, source: AZURE_PROBE_SOURCE, protocol: 'tcp', port: backendPort, location: ctx.locate(rule) };
    const p = portAt(ctx, probe, ['port']);
    const base = { source: AZURE_PROBE_SOURCE, protocol: 'tcp' as const, location: ctx.locate(probe) };
    if (p.port === undefined) return { ...base, name: probe.address, port: backendPort, portUnknown: p.unknown ?? `${describeAttribute(probe, ['port'])} is not set` };
    // Tcp, Http and Https probes all connect over TCP.
    return { ...base, name: `${probe.address} (tcp/${p.port})`, port: p.port };
  };
  for (const rule of managed('azurerm_lb_rule')) {
    const f = forwarding(rule);
    if (!f) continue;
    const members: PlanResource[] = [];
    const unknown = [...f.unknown, ...anyPool, ...(f.targetPortUnknown ? [f.targetPortUnknown] : [])];
    for (const path of [['backend_address_pool_ids'], ['backend_address_pool_id']]) {
      const l = link(rule, path, specs.pool);
      unknown.push(...l.unknown);
      for (const p of l.targets) {
        const pool = poolState.get(p.address);
        members.push(...(pool?.members ?? []));
        unknown.push(...(pool?.unknown ?? []));
      }
    }
    const targetPort = f.targetPort ?? f.port;
    const healthProbe = healthProbeOf(rule, targetPort);
    addListeners(rule, listenersByTargetPort({ port: f.port, protocol: f.protocol, healthProbe, location: ctx.locate(rule) }, members.map((res) => ({ res, port: targetPort })), unknown, targetPort));
  }
  for (const nat of natRules) {
    const f = forwarding(nat);
    if (!f) continue;
    const pool = natTargets.get(nat.address);
    const unknown = [...f.unknown, ...anyNatRule, ...(pool?.unknown ?? []), ...(f.targetPortUnknown ? [f.targetPortUnknown] : [])];
    const targetPort = f.targetPort ?? f.port;
    addListeners(nat, listenersByTargetPort({ port: f.port, protocol: f.protocol, location: ctx.locate(nat) }, (pool?.members ?? []).map((res) => ({ res, port: targetPort })), unknown, targetPort));
  }
  for (const lb of lbs) {
    const frontends = blocksByName(lb, 'frontend_ip_configuration');
    const location = ctx.locate(lb);
    drafts.push({
      res: lb,
      network: { ingress: [...schemeOf(lb, 'frontend_ip_configuration', [...frontends.values()].map((f) => f.index)), ...familyOf(lb, 'frontend_ip_configuration', [...frontends.values()].map((f) => f.index), 'an IPv6 frontend IP configuration')], egress: [], identities: [`lb:${lb.address}`], addresses: frontendAddresses(lb, 'frontend_ip_configuration'), addressesExact: false },
      listeners: listenersOf.get(lb.address) ?? [],
      preservesClientAddress: true,
      location,
      environmentTag: environmentTagOf(tagsOf(lb)),
    });
  }

  // Application gateways.
  const gatewayPools = new Map<string, { gateway: PlanResource; name: string }>();
  for (const gw of gateways) {
    for (const [name, { block }] of blocksByName(gw, 'backend_address_pool')) if (typeof block.id === 'string') gatewayPools.set(block.id.toLowerCase(), { gateway: gw, name });
  }
  const gatewayMembers = new Map<string, Pool>();
  const gatewayPool = (gw: PlanResource, name: string): Pool => {
    const key = `${gw.address}\u0000${name}`;
    let p = gatewayMembers.get(key);
    if (!p) gatewayMembers.set(key, (p = { members: [], unknown: [] }));
    return p;
  };
  /** Reasons a pool of a gateway (undefined: of any gateway) gains members that are not known. */
  const gatewayUnknown = new Map<string | undefined, string[]>();
  const gatewayUnknownOf = (gw: PlanResource | undefined) => {
    const list = gatewayUnknown.get(gw?.address) ?? [];
    gatewayUnknown.set(gw?.address, list);
    return list;
  };
  /** Joins the gateway pools whose ids `path` of `res` holds (one id, or a list): `add` puts the member in. */
  const joinGatewayPools = (res: PlanResource, path: AttributePath, add: (pool: Pool) => void) => {
    const ids = lookup(res, path);
    const known = ids.state === 'known' ? (Array.isArray(ids.value) ? ids.value : [ids.value]) : undefined;
    if (known && known.every((id) => typeof id === 'string')) {
      for (const id of known) {
        const pool = gatewayPools.get(id.toLowerCase());
        if (pool) add(gatewayPool(pool.gateway, pool.name));
      }
      return;
    }
    // The pool's id is known only after apply: the reference names the gateway, not which pool.
    const label = describeAttribute(res, path);
    const source = ctx.resolver.attribute(res, path);
    const named = source.kind === 'set' ? source.resolution.targets.map((t) => t.resource).filter((t) => t.type === GATEWAY && t.mode === 'managed') : [];
    if (named.length === 0) {
      gatewayUnknownOf(undefined).push(`${label} is not known until apply${source.kind === 'set' && source.resolution.unresolved.length > 0 ? ` and comes from ${source.resolution.unresolved.join(', ')}` : ''}`);
      return;
    }
    for (const gw of new Set(named)) {
      const poolNames = [...blocksByName(gw, 'backend_address_pool').keys()];
      if (poolNames.length === 1) add(gatewayPool(gw, poolNames[0]));
      else gatewayUnknownOf(gw).push(`${label} is not known until apply, and ${gw.address} has ${poolNames.length} backend pools: which one ${res.address} joins is not known`);
    }
  };
  for (const a of managed('azurerm_network_interface_application_gateway_backend_address_pool_association')) {
    const nic = link(a, ['network_interface_id'], specs.nic);
    joinGatewayPools(a, ['backend_address_pool_id'], (pool) => addNics(pool, nic));
  }
  for (const vmss of scaleSets) {
    for (const config of scaleSetConfigurations(vmss)) {
      const path = [...config, 'application_gateway_backend_address_pool_ids'];
      if (!isEmptyValue(lookup(vmss, path))) joinGatewayPools(vmss, path, (pool) => pool.members.push(vmss));
    }
  }

  for (const gw of gateways) {
    const location = ctx.locate(gw);
    const frontends = blocksByName(gw, 'frontend_ip_configuration');
    const ports = blocksByName(gw, 'frontend_port');
    const settings = blocksByName(gw, 'backend_http_settings');
    const poolBlocks = blocksByName(gw, 'backend_address_pool');
    const listeners = blocksByName(gw, 'http_listener');
    const pathMaps = blocksByName(gw, 'url_path_map');
    const redirects = blocksByName(gw, 'redirect_configuration');
    /** What a routing rule that redirects answers itself: to another listener (its protocol and port), or to a URL. */
    const redirectOf = (name: string): string => {
      const block = redirects.get(name)?.block;
      if (!block) return 'redirects';
      if (typeof block.target_url === 'string' && block.target_url !== '') return `redirects to ${block.target_url}`;
      const to = typeof block.target_listener_name === 'string' ? listeners.get(block.target_listener_name) : undefined;
      if (!to) return 'redirects';
      const portEntry = typeof to.block.frontend_port_name === 'string' ? ports.get(to.block.frontend_port_name) : undefined;
      const port = portEntry ? portAt(ctx, gw, ['frontend_port', portEntry.index, 'port']).port : undefined;
      const protocol = typeof to.block.protocol === 'string' ? to.block.protocol.toUpperCase() : undefined;
      const where = [protocol, port].filter((x) => x !== undefined).join(':');
      return `redirects to listener ${block.target_listener_name as string}${where ? ` (${where})` : ''}`;
    };
    const floating = [...gatewayUnknownOf(undefined), ...gatewayUnknownOf(gw)];
    const poolMembers = (name: unknown): Pool => {
      const out: Pool = { members: [], unknown: [...floating] };
      const entry = typeof name === 'string' ? poolBlocks.get(name) : undefined;
      if (!entry) {
        if (typeof name !== 'string') out.unknown.push(`the backend pool of a routing rule of ${gw.address} is not known until apply`);
        return out;
      }
      const { block, index } = entry;
      const ips = Array.isArray(block.ip_addresses) ? block.ip_addresses : [];
      addAddresses(out, ips);
      const fqdns = Array.isArray(block.fqdns) ? block.fqdns.filter((f) => typeof f === 'string' && f !== '') : [];
      if (fqdns.length > 0) out.unknown.push(`backend pool ${name} of ${gw.address} names ${fqdns.join(', ')}, which topogate cannot resolve to servers`);
      for (const a of ['ip_addresses', 'fqdns']) if (lookup(gw, ['backend_address_pool', index, a]).state === 'unknown') out.unknown.push(`${describeAttribute(gw, ['backend_address_pool', index, a])} is not known until apply`);
      const associated = gatewayMembers.get(`${gw.address}\u0000${name}`);
      if (associated) {
        out.members.push(...associated.members);
        out.unknown.push(...associated.unknown);
      }
      return out;
    };
    const settingsPort = (name: unknown): { port?: number; unknown?: string } => {
      const entry = typeof name === 'string' ? settings.get(name) : undefined;
      if (!entry) return { unknown: `the backend HTTP settings of a routing rule of ${gw.address} are not known` };
      return portAt(ctx, gw, ['backend_http_settings', entry.index, 'port']);
    };
    const byScheme = new Map<'public' | 'private', ListenerDraft[]>([['public', []], ['private', []]]);
    const rules = lookup(gw, ['request_routing_rule']);
    const ruleList: unknown[] = rules.state === 'known' && Array.isArray(rules.value) ? rules.value : [];
    ruleList.forEach((rule, i) => {
      if (!isObjectValue(rule)) return;
      const listener = typeof rule.http_listener_name === 'string' ? listeners.get(rule.http_listener_name) : undefined;
      if (!listener) return;
      const portEntry = typeof listener.block.frontend_port_name === 'string' ? ports.get(listener.block.frontend_port_name) : undefined;
      const port = portEntry ? portAt(ctx, gw, ['frontend_port', portEntry.index, 'port']).port : undefined;
      if (port === undefined) return;
      const frontend = typeof listener.block.frontend_ip_configuration_name === 'string' ? frontends.get(listener.block.frontend_ip_configuration_name) : undefined;
      const scheme = frontend && isPublicFrontend(gw, 'frontend_ip_configuration', frontend.index) === false ? 'private' : 'public';
      // Where the rule sends requests: one pool and settings, or those of a URL path map.
      const targets: Array<{ pool: unknown; settings: unknown }> = [];
      if (typeof rule.url_path_map_name === 'string') {
        const map = pathMaps.get(rule.url_path_map_name)?.block;
        if (map) {
          if (map.default_backend_address_pool_name) targets.push({ pool: map.default_backend_address_pool_name, settings: map.default_backend_http_settings_name });
          for (const p of Array.isArray(map.path_rule) ? map.path_rule : []) if (isObjectValue(p) && p.backend_address_pool_name) targets.push({ pool: p.backend_address_pool_name, settings: p.backend_http_settings_name });
        }
      } else if (rule.backend_address_pool_name !== null && rule.backend_address_pool_name !== undefined) {
        targets.push({ pool: rule.backend_address_pool_name, settings: rule.backend_http_settings_name });
      } else if (lookup(gw, ['request_routing_rule', i, 'backend_address_pool_name']).state === 'unknown') {
        targets.push({ pool: undefined, settings: rule.backend_http_settings_name });
      }
      const members: Array<{ res: PlanResource; port: number }> = [];
      const unknown: string[] = [];
      for (const t of targets) {
        const pool = poolMembers(t.pool);
        const sp = settingsPort(t.settings);
        unknown.push(...pool.unknown);
        if (sp.port === undefined) {
          if (pool.members.length > 0 || pool.unknown.length > 0) unknown.push(sp.unknown ?? `the port of backend HTTP settings ${String(t.settings)} of ${gw.address} is not known`);
          continue;
        }
        members.push(...pool.members.map((res) => ({ res, port: sp.port! })));
      }
      // A redirect rule forwards nowhere: the gateway answers itself (as an AWS redirect listener).
      const redirect = targets.length === 0 && typeof rule.redirect_configuration_name === 'string' && rule.redirect_configuration_name !== '' ? redirectOf(rule.redirect_configuration_name) : undefined;
      byScheme.get(scheme)!.push(...listenersByTargetPort({ port, protocol: 'tcp', location, ...(redirect !== undefined && unknown.length === 0 ? { answers: redirect } : {}) }, members, unknown, port));
    });
    const base = network.subnetNetwork(gw, ['gateway_ip_configuration', 0, 'subnet_id']);
    const publicFrontends = [...frontends.values()].filter((f) => isPublicFrontend(gw, 'frontend_ip_configuration', f.index) !== false);
    // v2 (Standard_v2, WAF_v2): Azure manages it through its subnet on 65200-65535 from GatewayManager.
    const tier = lookup(gw, ['sku', 0, 'tier']);
    const v2 = tier.state === 'known' && typeof tier.value === 'string' && /_v2$/i.test(tier.value);
    const controlPlane: ControlPlaneAccess | undefined = v2
      ? { source: GATEWAY_MANAGER_SOURCE, protocol: 'tcp', ports: GATEWAY_MANAGER_PORTS, ingress: base.ingress, why: 'Azure does not run an Application Gateway v2 whose subnet blocks it' }
      : undefined;
    const make = (listenersOfScheme: ListenerDraft[], internal: boolean, name?: string): BalancerDraft => ({
      ...(controlPlane ? { controlPlane } : {}),
      res: gw,
      name,
      network: {
        ...base,
        ingress: [
          ...(internal ? [internalSchemeLayer(gw, location, vnetSpace, 'a listener on a public frontend IP')] : []),
          ...familyOf(gw, 'frontend_ip_configuration', [...frontends.values()].map((f) => f.index), 'an IPv6 frontend IP configuration'),
          ...base.ingress,
        ],
        identities: [`lb:${name ?? gw.address}`, ...base.identities],
      },
      listeners: listenersOfScheme,
      preservesClientAddress: false,
      location,
      environmentTag: environmentTagOf(tagsOf(gw)),
    });
    const pub = byScheme.get('public')!;
    const priv = byScheme.get('private')!;
    if (pub.length > 0 && priv.length > 0) {
      drafts.push(make(pub, false), make(priv, true, `${gw.address} (private frontend)`));
    } else {
      drafts.push(make([...pub, ...priv], pub.length === 0 && (priv.length > 0 || publicFrontends.length === 0)));
    }
  }
  return drafts;
}
