import { ipProtocol } from './ip-protocol.js';
import type { FilterLayer, Origin, Peer, Rule, SourceLocation } from '../model.js';
import { AddressSet, INTERNET } from '../net/cidr.js';
import { PortSet, parsePortSpec } from '../net/ports.js';
import { publicEndpointRules } from './public-endpoint.js';
import { addressRange, attributeValues, cidrSet, describeAttribute, fleetOf, indexBy, isConfigured, isObjectValue, linkedResources, mayAllowAnything, mergeLinks, noPublicAddressLayer, privateNetworks, undecidedRules, unknownLayer, withFirstRule, unknownPeer } from './plan-context.js';
import type { KeptInstances, Links, PlanContext, ServerNetwork } from './plan-context.js';
import { knownNumber, knownString, lookup } from './plan-resources.js';
import type { AttributePath, Lookup, PlanResource } from './plan-resources.js';
import type { BlockMatcher } from './references.js';

/**
 * Azure network security groups after apply. An NSG's rules are its inline
 * `security_rule` blocks or `azurerm_network_security_rule` resources, evaluated by
 * priority (lowest number first, first match wins), Allow or Deny, then the default rules
 * (AllowVnetInBound 65000, AllowAzureLoadBalancerInBound 65001, DenyAllInBound 65500 and
 * the outbound three). An NSG on the subnet and one on the NIC both apply: traffic must
 * pass both. A NIC in a subnet declared here without any NSG admits its virtual network;
 * from outside, it depends on its public IP's SKU, which makes such flows unknown.
 *
 * Service tags: `*` / `Any` is every address, `Internet` every address outside VirtualNetwork,
 * `AzureLoadBalancer` the platform's 168.63.129.16, and `VirtualNetwork` the address
 * spaces of the virtual networks, peerings, local network gateways and routes this plan
 * declares (Azure's definition; what other configurations add is not seen). Other tags
 * (Storage, Sql, GatewayManager, …) are ranges Azure publishes: unknown here.
 */

const NSG = 'azurerm_network_security_group';
const NIC = 'azurerm_network_interface';
const SUBNET = 'azurerm_subnet';
const ASG = 'azurerm_application_security_group';
const RULE = 'azurerm_network_security_rule';
/**
 * AzureLoadBalancer is the platform's health probe (168.63.129.16), a virtual address no
 * client or server can be: a rule naming it admits no flow topogate checks, so it matches by
 * an identity nothing carries rather than by an address that lies in the public space.
 */
export const AZURE_LOAD_BALANCER: Peer = { addresses: AddressSet.EMPTY, identities: ['azure:AzureLoadBalancer'], label: 'AzureLoadBalancer' };
/**
 * The address the platform's health probes come from. Rules on AzureLoadBalancer, `*` or a
 * prefix holding it match them; the Internet tag does not (it is the space "reachable by the
 * public internet", which this host address is not): its rules leave out the probes' identity.
 */
export const AZURE_PROBE_ADDRESS = AddressSet.of('168.63.129.16/32');
/**
 * GatewayManager: Azure's ranges for managing Application Gateway, not in the plan. A rule on
 * the tag is unknown for every flow, except the gateway manager's own traffic (which carries
 * this identity): that it matches.
 */
export const GATEWAY_MANAGER_IDENTITY = 'azure:GatewayManager';

type Direction = 'Inbound' | 'Outbound';

/** Scale sets: servers whose instances get the NICs their `network_interface` blocks describe. */
export const SCALE_SET_TYPES = ['azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set', 'azurerm_orchestrated_virtual_machine_scale_set'];

/**
 * A network interface: a NIC resource, or a `network_interface` block of a scale set, which
 * each of its instances gets. `at`: where its attributes are (`[]`, `['network_interface', 0]`).
 */
interface NetworkInterface {
  res: PlanResource;
  at: AttributePath;
  /** How messages name it: the NIC's address, or its scale set's. */
  name: string;
  /** The NSGs on the NIC itself, and what associates each. */
  nsgs: ReadonlyArray<{ nsg: Links; from: PlanResource }>;
  /** Application security groups associated by resource. */
  asgs?: { identities: string[]; unknown: string[] };
  /** The attribute of an IP configuration that gives it a public IP: a NIC's `public_ip_address_id`, a scale set's `public_ip_address` blocks. */
  publicIp: string;
  /** The attribute of an IP configuration that says its IP version. */
  version: string;
}

/** No value: null, or an empty list of blocks. */
export const isEmptyValue = (l: Lookup): boolean => l.state === 'absent' || (l.state === 'known' && Array.isArray(l.value) && l.value.length === 0);

interface SecurityGroup {
  res: PlanResource;
  location: SourceLocation;
  rules: Record<Direction, Rule[]>;
}


/** `*`, `443`, `8000-8080`; "" and null (the unused one of `_range` / `_ranges`) are skipped. */
function portList(values: readonly unknown[]): { ports: PortSet; invalid: string[]; given: boolean } {
  const specs = values.filter((x) => (typeof x === 'string' && x.trim() !== '') || typeof x === 'number');
  const sets: PortSet[] = [];
  const invalid: string[] = [];
  for (const spec of specs) {
    const text = String(spec).trim();
    const r = text === '*' ? { ok: true as const, value: PortSet.ALL } : parsePortSpec(text);
    if (r.ok) sets.push(r.value);
    else invalid.push(text);
  }
  return { ports: PortSet.unionOf(sets), invalid, given: specs.length > 0 };
}

export interface AzureNetwork {
  serverNetwork(vm: PlanResource, nicPaths: readonly string[]): ServerNetwork;
  /** A virtual machine scale set: its instances' NICs, and whether it keeps several. */
  scaleSetNetwork(vmss: PlanResource): ServerNetwork;
  sqlServerNetwork(server: PlanResource): ServerNetwork;
  /** The filters and range of something placed in a subnet (an application gateway). */
  subnetNetwork(res: PlanResource, subnetPath: AttributePath): ServerNetwork;
  /** The address spaces of the plan's virtual networks (what `VirtualNetwork` stands for). */
  virtualNetworkSpace(): AddressSet;
}

export function buildAzureNetwork(ctx: PlanContext): AzureNetwork {
  const managed = (type: string) => ctx.ofType(type).filter((r) => r.mode === 'managed');
  const nsgResources = managed(NSG);
  const nsgById = indexBy(nsgResources, ['id'], true);
  const nsgByName = new Map<string, PlanResource>();
  for (const r of nsgResources) {
    if (typeof r.values.name === 'string') nsgByName.set(`${String(r.values.resource_group_name ?? '').toLowerCase()}/${r.values.name.toLowerCase()}`, r);
  }
  const nicById = indexBy(managed(NIC), ['id'], true);
  const subnetById = indexBy(managed(SUBNET), ['id'], true);
  const asgById = indexBy(managed(ASG), ['id'], true);
  const link = (res: PlanResource, path: AttributePath, type: string, byId: ReadonlyMap<string, PlanResource>, what: string): Links =>
    linkedResources(ctx, res, path, { types: new Set([type]), byId, what });

  // VirtualNetwork: every address space the plan declares on the virtual network side.
  let vnetSpace = AddressSet.EMPTY;
  const addSpace = (values: readonly unknown[]) => {
    vnetSpace = vnetSpace.union(cidrSet(values).set);
  };
  for (const v of managed('azurerm_virtual_network')) addSpace(attributeValues(ctx, v, ['address_space']).values);
  for (const g of managed('azurerm_local_network_gateway')) addSpace(attributeValues(ctx, g, ['address_space']).values);
  for (const r of managed('azurerm_route')) addSpace(attributeValues(ctx, r, ['address_prefix']).values);
  for (const t of managed('azurerm_route_table')) {
    const routes = lookup(t, ['route']);
    if (routes.state === 'known' && Array.isArray(routes.value)) addSpace(routes.value.map((x) => (isObjectValue(x) ? x.address_prefix : undefined)));
  }

  /**
   * Internet: "the address space outside the virtual network". With the VNet known that is
   * everything else (a private source outside VirtualNetwork cannot reach the NIC anyway);
   * without it, the public address space.
   */
  const internetTag = (): AddressSet => (vnetSpace.isEmpty() ? INTERNET : AddressSet.ALL.subtract(vnetSpace));

  /** A source or destination of a rule: address prefixes and application security groups. */
  const endpointOf = (res: PlanResource, prefixes: string[], asgPath: Array<string | number> | undefined): { known?: Peer; unknown: string[]; any: boolean; unknownTags: string[] } => {
    let addresses = AddressSet.EMPTY;
    const identities: string[] = [];
    const unknown: string[] = [];
    /** Identities of the service tags whose addresses are unknown (what their rules still match certainly). */
    const unknownTags: string[] = [];
    let any = false;
    for (const p of prefixes) {
      const lower = p.toLowerCase();
      if (lower === '*' || lower === 'any') {
        any = true;
        addresses = AddressSet.ALL;
      } else if (lower === 'internet') addresses = addresses.union(internetTag());
      else if (lower === 'azureloadbalancer') identities.push(...AZURE_LOAD_BALANCER.identities);
      else if (lower === 'virtualnetwork') {
        if (vnetSpace.isEmpty()) unknown.push(`service tag VirtualNetwork in ${res.address}: no virtual network address space is declared in this plan`);
        else addresses = addresses.union(vnetSpace);
      } else {
        const c = cidrSet([p]);
        if (c.invalid.length === 0) addresses = addresses.union(c.set);
        else if (lower === 'gatewaymanager') {
          unknownTags.push(GATEWAY_MANAGER_IDENTITY);
          unknown.push(`service tag ${p} in ${res.address}: Azure publishes its address ranges; they are not in the plan`);
        } else unknown.push(`service tag ${p} in ${res.address}: Azure publishes its address ranges; they are not in the plan`);
      }
    }
    if (asgPath) {
      const asgs = link(res, asgPath, ASG, asgById, 'application security group');
      identities.push(...asgs.targets.map((t) => `asg:${t.address}`), ...asgs.external.map((id) => `asg:${id.toLowerCase()}`));
      unknown.push(...asgs.unknown);
    }
    // With application security groups a "*" prefix is Azure's placeholder, not "any address".
    const asgs = identities.filter((i) => i.startsWith('asg:'));
    if (any && asgs.length > 0) {
      addresses = AddressSet.EMPTY;
      any = false;
    }
    const label = [...prefixes.filter((p) => asgs.length === 0 || p !== '*'), ...asgs.map((i) => i.replace(/^asg:/, 'ASG '))].join(', ');
    // Internet holds 168.63.129.16 but not the health probes sent from it: they have a tag of their own.
    const internet = prefixes.some((p) => p.toLowerCase() === 'internet');
    const probesToo = any || identities.includes(AZURE_LOAD_BALANCER.identities[0]) || cidrSet(prefixes.filter((p) => !/^[a-z*]/i.test(p))).set.overlaps(AZURE_PROBE_ADDRESS);
    const except = internet && !probesToo ? { exceptIdentities: AZURE_LOAD_BALANCER.identities } : {};
    const known = !addresses.isEmpty() || identities.length > 0 ? { addresses, identities, label, ...except } : undefined;
    return { known, unknown, any, unknownTags };
  };

  /** One security rule (inline block or resource) as model rules; values unknown until apply are followed through configuration. */
  const ruleOf = (res: PlanResource, base: Array<string | number>, originLabel: string, location: SourceLocation, matchBlock?: BlockMatcher): { direction?: Direction; rules: Rule[] } => {
    const origin: Origin = { label: originLabel, location };
    const unknownParts: string[] = [];
    // Inline blocks are left out of the plan's configuration unless written as an argument.
    const recorded = base.length === 0 || ctx.resolver.isSet(res, String(base[0]));
    const options = recorded ? { matchBlock, computedDefault: [] } : { unrecorded: `the plan's configuration does not record the ${String(base[0])} block it is written in` };
    const field = (name: string): unknown[] => {
      const v = attributeValues(ctx, res, [...base, name], options);
      unknownParts.push(...v.unknown);
      return v.values;
    };
    const first = (name: string): unknown => field(name)[0];
    const directionValue = first('direction');
    const direction = directionValue === 'Inbound' || directionValue === 'Outbound' ? directionValue : undefined;
    const priorityValue = first('priority');
    const priority = typeof priorityValue === 'number' ? priorityValue : typeof priorityValue === 'string' && /^\d+$/.test(priorityValue) ? Number(priorityValue) : undefined;
    const accessValue = first('access');
    const action = accessValue === 'Allow' ? 'allow' : accessValue === 'Deny' ? 'deny' : undefined;
    const protocol = ipProtocol(first('protocol'), { all: ['*', 'any'], numbers: false });
    const unsure = (missing: string): string => (unknownParts.length > 0 ? unknownParts.join('; ') : `the ${missing} of ${originLabel} ${missing.includes(',') ? 'are' : 'is'} not known until apply`);
    // A rule whose access, number or match is not known may allow or deny: both outcomes are
    // kept (a Deny that may come first leaves what a later Allow lets in undecided, never a pass).
    if (!direction || priority === undefined || !protocol) {
      const why = unsure([!direction && 'direction', priority === undefined && 'priority', !action && 'access', !protocol && 'protocol'].filter(Boolean).join(', '));
      return { direction, rules: undecidedRules(why, { priority: priority ?? 0, protocol: 'all', ports: PortSet.ALL, peer: unknownPeer(why), origin }) };
    }
    const accessUnknown = action ? undefined : unsure('access');
    const before = unknownParts.length;
    const dst = portList([...field('destination_port_range'), ...field('destination_port_ranges')]);
    const src = portList([...field('source_port_range'), ...field('source_port_ranges')]);
    let portsUnknown: string | undefined;
    if (unknownParts.length > before) portsUnknown = unknownParts.slice(before).join('; ');
    else if (!dst.given || dst.invalid.length > 0) portsUnknown = `the destination ports of ${originLabel} are not known${dst.invalid.length > 0 ? ` ("${dst.invalid.join('", "')}" is not a port range)` : ''}`;
    else if (src.given && !src.ports.equals(PortSet.ALL)) portsUnknown = `${originLabel} matches only source ports ${src.ports.describe()}, and topogate does not model source ports`;
    const prefixes = (single: string, list: string): { values: string[]; unknown: string[] } => {
      const mark = unknownParts.length;
      const values = [...field(single), ...field(list)].filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
      return { values, unknown: unknownParts.splice(mark) };
    };
    const sourcePrefixes = prefixes('source_address_prefix', 'source_address_prefixes');
    const destPrefixes = prefixes('destination_address_prefix', 'destination_address_prefixes');
    const source = endpointOf(res, sourcePrefixes.values, [...base, 'source_application_security_group_ids']);
    const dest = endpointOf(res, destPrefixes.values, [...base, 'destination_application_security_group_ids']);
    source.unknown.push(...sourcePrefixes.unknown);
    dest.unknown.push(...destPrefixes.unknown);
    const [remote, local] = direction === 'Inbound' ? [source, dest] : [dest, source];
    const localPrefixes = (direction === 'Inbound' ? destPrefixes : sourcePrefixes).values;
    // The endpoint an NSG filters is always inside VirtualNetwork: that destination narrows nothing.
    // Application security groups exclude address prefixes (Azure refuses both): they narrow even beside a "*".
    const localAsgs = local.known?.identities.some((i) => i.startsWith('asg:')) ?? false;
    const localIsAll = local.unknown.length === 0 && !localAsgs && (local.any || local.known === undefined || (localPrefixes.length > 0 && localPrefixes.every((p) => p.toLowerCase() === 'virtualnetwork')));
    const localPeer: Peer | undefined = localIsAll ? undefined : local.unknown.length > 0 ? unknownPeer(local.unknown.join('; ')) : local.known;
    const ports = protocol === 'tcp' || protocol === 'udp' ? dst.ports : PortSet.ALL;
    const rules: Rule[] = [];
    const ruleBase = { priority, protocol, ports, portsUnknown, local: localPeer, origin } as const;
    const add = (peer: Peer) => {
      if (action) rules.push({ ...ruleBase, action, peer });
      else rules.push(...undecidedRules(accessUnknown ?? '', { ...ruleBase, peer }));
    };
    if (remote.known) add(remote.known);
    if (remote.unknown.length > 0) add({ ...unknownPeer(remote.unknown.join('; ')), identities: remote.unknownTags });
    if (!remote.known && remote.unknown.length === 0) add(unknownPeer(`the ${direction === 'Inbound' ? 'source' : 'destination'} of ${originLabel} is not known until apply`));
    return { direction, rules };
  };

  /** The NSGs a separate rule names by resource group and name (the resource group may be unknown when one NSG has the name). */
  const nsgsNamed = (rg: string | undefined, name: string): PlanResource[] => {
    const exact = rg !== undefined ? nsgByName.get(`${rg}/${name}`) : undefined;
    if (exact) return [exact];
    const sameName = nsgResources.filter((n) => typeof n.values.name === 'string' && n.values.name.toLowerCase() === name);
    return rg === undefined && sameName.length === 1 ? sameName : [];
  };
  const lowerString = (v: unknown): string | undefined => (typeof v === 'string' ? v.toLowerCase() : undefined);

  // Each separate rule's NSG, linked before the inline rules are read: references find it
  // (also while the resource group's name is unknown), else the names do.
  const separateRules = managed(RULE).map((res) => {
    const source = ctx.resolver.attribute(res, ['network_security_group_name']);
    const name = lowerString(res.values.network_security_group_name);
    let targets: PlanResource[] = source.kind === 'set' ? source.resolution.targets.map((t) => t.resource).filter((t) => t.type === NSG && t.mode === 'managed') : [];
    if (targets.length === 0 && name !== undefined) targets = nsgsNamed(lowerString(res.values.resource_group_name), name);
    return { res, targets, nameUnknown: targets.length === 0 && name === undefined };
  });
  // NSGs that separate rules (kept or deleted by this plan) write to: their inline
  // attribute, read back from Azure, mirrors those resources, deleted ones included.
  const targetedByRules = new Set<string>(separateRules.flatMap((r) => r.targets.map((t) => t.address)));
  for (const r of ctx.state.deleted) {
    const name = r.type === RULE ? lowerString(r.values.network_security_group_name) : undefined;
    if (name !== undefined) for (const t of nsgsNamed(lowerString(r.values.resource_group_name), name)) targetedByRules.add(t.address);
  }

  const groups = new Map<string, SecurityGroup>();
  for (const res of nsgResources) {
    const group: SecurityGroup = { res, location: ctx.locate(res), rules: { Inbound: [], Outbound: [] } };
    groups.set(res.address, group);
    let configured = isConfigured(ctx, res, 'security_rule');
    if (configured === 'maybe' && targetedByRules.has(res.address)) configured = 'no';
    const inline = lookup(res, ['security_rule']);
    if (inline.state === 'unknown') {
      if (configured === 'yes') {
        // Rules unknown until apply may allow or deny anything, before the default rules.
        const why = `the security rules of ${res.address} are not known until apply`;
        const rules = undecidedRules(why, { priority: 0, protocol: 'all', ports: PortSet.ALL, peer: unknownPeer(why), origin: { label: `${res.address} security_rule`, location: group.location } });
        group.rules.Inbound.push(...rules);
        group.rules.Outbound.push(...rules);
      }
      continue;
    }
    // Without inline blocks in configuration the attribute mirrors the separate rule
    // resources, including ones this plan deletes: those resources decide.
    if (inline.state !== 'known' || !Array.isArray(inline.value) || configured === 'no') continue;
    inline.value.forEach((block: unknown, i) => {
      if (!isObjectValue(block)) return;
      const name = typeof block.name === 'string' ? block.name : `#${i + 1}`;
      const matchBlock: BlockMatcher = (config) => {
        const e = config.name;
        return !isObjectValue(e) || !('constant_value' in e) || e.constant_value === block.name;
      };
      const r = ruleOf(res, ['security_rule', i], `${res.address} rule ${name} (${String(block.access ?? '?')} ${String(block.direction ?? '?')}, priority ${String(block.priority ?? '?')})`, group.location, matchBlock);
      for (const d of r.direction ? [r.direction] : (['Inbound', 'Outbound'] as const)) group.rules[d].push(...r.rules);
    });
  }

  for (const { res, targets, nameUnknown } of separateRules) {
    const v = res.values;
    const label = `${res.address} (${String(v.access ?? '?')} ${String(v.direction ?? '?')}, priority ${String(v.priority ?? '?')})`;
    const r = ruleOf(res, [], label, ctx.locate(res));
    const dirs = r.direction ? [r.direction] : (['Inbound', 'Outbound'] as const);
    for (const t of targets) for (const d of dirs) groups.get(t.address)?.rules[d].push(...r.rules);
    // A rule whose NSG name is unknown may belong to any NSG here. (A known name that matches
    // none is an NSG outside the plan: its servers are unknown anyway.)
    if (nameUnknown) {
      const local = unknownPeer(`${describeAttribute(res, ['network_security_group_name'])} is not known until apply`);
      for (const g of groups.values()) for (const d of dirs) g.rules[d].push(...r.rules.map((x) => ({ ...x, local })));
    }
  }

  // Associations: subnet -> NSG and NIC -> NSG (resources, or the legacy attributes).
  const keyOf = (links: Links): string[] => [...links.targets.map((t) => t.address), ...links.external.map((id) => `id:${id.toLowerCase()}`)];
  const subnetNsgs = new Map<string, Array<{ nsg: Links; from: PlanResource }>>();
  const nicNsgs = new Map<string, Array<{ nsg: Links; from: PlanResource }>>();
  const unresolvedAssociations: string[] = [];
  const associate = (map: Map<string, Array<{ nsg: Links; from: PlanResource }>>, res: PlanResource, target: Links, nsg: Links) => {
    if (target.unknown.length > 0) unresolvedAssociations.push(`${res.address}: ${target.unknown.join('; ')}`);
    for (const k of keyOf(target)) {
      const list = map.get(k);
      if (list) list.push({ nsg, from: res });
      else map.set(k, [{ nsg, from: res }]);
    }
  };
  for (const a of managed('azurerm_subnet_network_security_group_association')) {
    associate(subnetNsgs, a, link(a, ['subnet_id'], SUBNET, subnetById, 'subnet'), link(a, ['network_security_group_id'], NSG, nsgById, 'network security group'));
  }
  for (const a of managed('azurerm_network_interface_security_group_association')) {
    associate(nicNsgs, a, link(a, ['network_interface_id'], NIC, nicById, 'network interface'), link(a, ['network_security_group_id'], NSG, nsgById, 'network security group'));
  }
  for (const s of managed(SUBNET)) {
    const legacy = link(s, ['network_security_group_id'], NSG, nsgById, 'network security group');
    if (legacy.targets.length + legacy.external.length + legacy.unknown.length > 0) subnetNsgs.set(s.address, [...(subnetNsgs.get(s.address) ?? []), { nsg: legacy, from: s }]);
  }
  for (const n of managed(NIC)) {
    const legacy = link(n, ['network_security_group_id'], NSG, nsgById, 'network security group');
    if (legacy.targets.length + legacy.external.length + legacy.unknown.length > 0) nicNsgs.set(n.address, [...(nicNsgs.get(n.address) ?? []), { nsg: legacy, from: n }]);
  }
  // Application security groups of each NIC.
  const nicAsgs = new Map<string, { identities: string[]; unknown: string[] }>();
  for (const a of managed('azurerm_network_interface_application_security_group_association')) {
    const nic = link(a, ['network_interface_id'], NIC, nicById, 'network interface');
    const asg = link(a, ['application_security_group_id'], ASG, asgById, 'application security group');
    for (const k of keyOf(nic)) {
      const entry = nicAsgs.get(k) ?? { identities: [], unknown: [] };
      entry.identities.push(...asg.targets.map((t) => `asg:${t.address}`), ...asg.external.map((id) => `asg:${id.toLowerCase()}`));
      entry.unknown.push(...asg.unknown);
      nicAsgs.set(k, entry);
    }
  }

  const defaults = (group: SecurityGroup, direction: Direction): Rule[] => {
    const at = (name: string, priority: number): Origin => ({ label: `${group.res.address} default rule ${name} (priority ${priority})`, location: group.location });
    const vnet: Peer = vnetSpace.isEmpty() ? unknownPeer(`service tag VirtualNetwork of the default rules of ${group.res.address}: no virtual network address space is declared in this plan`) : { addresses: vnetSpace, identities: [], label: 'VirtualNetwork' };
    if (direction === 'Inbound') {
      return [
        { action: 'allow', priority: 65000, protocol: 'all', ports: PortSet.ALL, peer: vnet, origin: at('AllowVnetInBound', 65000) },
        { action: 'allow', priority: 65001, protocol: 'all', ports: PortSet.ALL, peer: AZURE_LOAD_BALANCER, origin: at('AllowAzureLoadBalancerInBound', 65001) },
        { action: 'deny', priority: 65500, protocol: 'all', ports: PortSet.ALL, peer: { addresses: AddressSet.ALL, identities: [], label: '*' }, origin: at('DenyAllInBound', 65500) },
      ];
    }
    return [
      { action: 'allow', priority: 65000, protocol: 'all', ports: PortSet.ALL, peer: vnet, origin: at('AllowVnetOutBound', 65000) },
      { action: 'allow', priority: 65001, protocol: 'all', ports: PortSet.ALL, peer: { addresses: internetTag(), identities: [], label: 'Internet' }, origin: at('AllowInternetOutBound', 65001) },
      { action: 'deny', priority: 65500, protocol: 'all', ports: PortSet.ALL, peer: { addresses: AddressSet.ALL, identities: [], label: '*' }, origin: at('DenyAllOutBound', 65500) },
    ];
  };

  // One layer per NSG, direction and place: the VMs of a subnet share their subnet's NSG
  // layers (built once, and the flow caches on them serve every VM), as AWS servers in the
  // same groups do.
  const nsgLayerCache = new Map<string, FilterLayer>();
  /** The NSG and direction of each NSG layer: the same rules whatever subnet or NIC the layer is named after. */
  const nsgOfLayer = new WeakMap<FilterLayer, string>();
  const nsgLayer = (g: SecurityGroup, d: Direction, where: string): FilterLayer => {
    const key = `${g.res.address}\u0000${d}\u0000${where}`;
    let layer = nsgLayerCache.get(key);
    if (!layer) {
      layer = {
        name: `${d === 'Outbound' ? 'outbound rules of ' : ''}NSG ${g.res.address} (${where})`,
        rules: [...g.rules[d], ...defaults(g, d)],
        defaultAction: 'deny',
        fix: { kind: 'resource', address: g.res.address, rule: d === 'Inbound' ? 'an inbound Allow security rule (numbered below any Deny that matches)' : 'an outbound Allow security rule (numbered below any Deny that matches)' },
        fixLocation: g.location,
      };
      nsgLayerCache.set(key, layer);
      nsgOfLayer.set(layer, `${g.res.address}\u0000${d}`);
    }
    return layer;
  };

  const nsgLayers = (entries: ReadonlyArray<{ nsg: Links; from: PlanResource }>, where: string): Record<Direction, FilterLayer[]> => {
    const out: Record<Direction, FilterLayer[]> = { Inbound: [], Outbound: [] };
    for (const { nsg, from } of entries) {
      for (const t of nsg.targets) {
        const g = groups.get(t.address);
        if (!g) continue;
        for (const d of ['Inbound', 'Outbound'] as const) out[d].push(nsgLayer(g, d, where));
      }
      const reasons = [...nsg.external.map((id) => `NSG ${id} (associated by ${from.address}) is not in this plan, so its rules are unknown`), ...nsg.unknown];
      if (reasons.length > 0) for (const d of ['Inbound', 'Outbound'] as const) out[d].push(unknownLayer(`NSG of ${where}`, reasons.join('; '), ctx.locate(from)));
    }
    return out;
  };

  /** The NSG layers of a subnet, for what lives in it (`owner`: a NIC, an application gateway). */
  const subnetLayers = (subnets: Links, owner: PlanResource, location: SourceLocation): { ingress: FilterLayer[]; egress: FilterLayer[] } => {
    const ingress: FilterLayer[] = [];
    const egress: FilterLayer[] = [];
    const subnet = subnets.targets[0];
    const subnetEntries = keyOf(subnets).flatMap((k) => subnetNsgs.get(k) ?? []);
    if (subnets.unknown.length > 0) {
      const why = subnets.unknown.join('; ');
      ingress.push(unknownLayer(`subnet of ${owner.address}`, why, location));
      egress.push(unknownLayer(`subnet of ${owner.address}`, why, location));
    } else if (subnetEntries.length === 0 && !subnet && subnets.external.length > 0) {
      const why = `subnet ${subnets.external[0]} of ${owner.address} is not in this plan, so whether an NSG is associated with it is not known`;
      ingress.push(unknownLayer(`subnet ${subnets.external[0]}`, why, location));
      egress.push(unknownLayer(`subnet ${subnets.external[0]}`, why, location));
    } else {
      const layers = nsgLayers(subnetEntries, `subnet ${subnet?.address ?? subnets.external[0] ?? '?'}`);
      ingress.push(...layers.Inbound);
      egress.push(...layers.Outbound);
    }
    return { ingress, egress };
  };

  /** Something placed in a subnet by `path` (an application gateway): its subnet's NSGs, somewhere in the subnet's range. */
  const subnetNetwork = (res: PlanResource, path: AttributePath): ServerNetwork => {
    const location = ctx.locate(res);
    const subnets = link(res, path, SUBNET, subnetById, 'subnet');
    if (subnets.targets.length + subnets.external.length + subnets.unknown.length === 0) {
      const why = `${describeAttribute(res, path)} names no subnet`;
      return { ingress: [unknownLayer(`subnet of ${res.address}`, why, location)], egress: [unknownLayer(`subnet of ${res.address}`, why, location)], identities: [], addresses: AddressSet.ALL_V4, addressesExact: false };
    }
    const { ingress, egress } = subnetLayers(subnets, res, location);
    if (ingress.length === 0 && unresolvedAssociations.length > 0) {
      const why = `an NSG association in this plan cannot be resolved, so it may apply to the subnet of ${res.address}: ${unresolvedAssociations.join('; ')}`;
      ingress.push(unknownLayer(`NSG of ${res.address}`, why, location));
      egress.push(unknownLayer(`NSG of ${res.address}`, why, location));
    }
    const subnet = subnets.targets[0];
    const range = subnet ? cidrSet([...attributeValues(ctx, subnet, ['address_prefixes']).values, ...attributeValues(ctx, subnet, ['address_prefix']).values]).set : AddressSet.EMPTY;
    return { ingress, egress, identities: keyOf(subnets).map((k) => `subnet:${k}`), addresses: range.isEmpty() ? AddressSet.ALL_V4 : range, addressesExact: false };
  };

  /** One NIC: its first IP configuration's subnet and address, its subnet's NSGs and its own. */
  // Which virtual networks a NIC's private address reaches: VNet peerings join two; gateways,
  // Virtual WAN hubs and ExpressRoute route in ways not read here.
  const vnets = managed('azurerm_virtual_network');
  const vnetByName = indexBy(vnets, ['name'], true);
  const vnetById = indexBy(vnets, ['id'], true);
  const vnetKey = (res: PlanResource, path: AttributePath, byId: ReadonlyMap<string, PlanResource>): string | undefined => {
    const l = link(res, path, 'azurerm_virtual_network', byId, 'virtual network');
    // Outside the plan, a network is known by its name (an id's last part): the same whether a subnet names it or its id holds it.
    return l.targets.length === 1 && l.unknown.length === 0 ? l.targets[0].address : l.external.length === 1 && l.unknown.length === 0 && l.targets.length === 0 ? `virtual network ${l.external[0].split('/').pop()!.toLowerCase()}` : undefined;
  };
  // A subnet's id holds its network's: `…/virtualNetworks/v/subnets/app`.
  const vnetOfSubnetId = (subnet: PlanResource): string | undefined => {
    const id = subnet.values.id;
    const cut = typeof id === 'string' ? id.toLowerCase().indexOf('/subnets/') : -1;
    if (cut < 0) return undefined;
    const vnetId = (id as string).slice(0, cut);
    return vnetById.get(vnetId)?.address ?? vnetById.get(vnetId.toLowerCase())?.address ?? `virtual network ${vnetId.split('/').pop()!.toLowerCase()}`;
  };
  const networkOf = privateNetworks(
    ctx,
    managed('azurerm_virtual_network_peering').map((p) => [vnetKey(p, ['virtual_network_name'], vnetByName), vnetKey(p, ['remote_virtual_network_id'], vnetById)] as const),
    ['azurerm_virtual_network_gateway', 'azurerm_virtual_network_gateway_connection', 'azurerm_virtual_hub', 'azurerm_virtual_hub_connection', 'azurerm_vpn_gateway', 'azurerm_express_route_gateway', 'azurerm_express_route_connection', 'azurerm_express_route_circuit_peering', 'azurerm_firewall', 'azurerm_route_table', 'azurerm_route', 'azurerm_network_virtual_appliance'],
  );

  const nicNetwork = (nic: NetworkInterface, location: SourceLocation): ServerNetwork => {
    const at = (...path: AttributePath) => [...nic.at, ...path];
    // The NIC's first IP configuration carries the primary address and subnet.
    const subnets = link(nic.res, at('ip_configuration', 0, 'subnet_id'), SUBNET, subnetById, 'subnet');
    const subnet = subnets.targets[0];
    const subnetKeys = keyOf(subnets);
    const { ingress, egress } = subnetLayers(subnets, nic.res, location);
    // No IP configuration with a public IP: the internet reaches it only through a balancer.
    const configs = lookup(nic.res, at('ip_configuration'));
    const noPublic =
      configs.state === 'known' && Array.isArray(configs.value) && configs.value.length > 0 && configs.value.every((_c, i) => isEmptyValue(lookup(nic.res, at('ip_configuration', i, nic.publicIp))));
    const nicLayers = nsgLayers(nic.nsgs, `NIC ${nic.name}`);
    ingress.push(...nicLayers.Inbound);
    egress.push(...nicLayers.Outbound);
    if (ingress.length === 0 && unresolvedAssociations.length > 0) {
      const why = `an NSG association in this plan cannot be resolved, so it may apply to ${nic.name}: ${unresolvedAssociations.join('; ')}`;
      ingress.push(unknownLayer(`NSG of ${nic.name}`, why, location));
      egress.push(unknownLayer(`NSG of ${nic.name}`, why, location));
    } else if (subnet && ingress.length === 0) {
      // No NSG at all: traffic inside the virtual network arrives. From outside, it depends on
      // the way in: a Standard public IP or load balancer admits nothing without an NSG, a
      // Basic one admits everything, no public address admits nothing. topogate cannot tell:
      // unknown, never a pass.
      const why = `no NSG filters ${nic.name}, so whether traffic from outside the virtual network arrives depends on its public IP or load balancer (a Standard SKU admits nothing without an NSG, a Basic one everything): associate an NSG that states it`;
      // Nothing filters the platform's health probes either.
      const rules: Rule[] = [
        { action: 'allow', priority: 0, protocol: 'all', ports: PortSet.ALL, peer: AZURE_LOAD_BALANCER, origin: { label: `no NSG on ${nic.name}: the health probes of Azure Load Balancer get in`, location } },
        mayAllowAnything(why, { label: `no NSG on ${nic.name}`, location }),
      ];
      if (!vnetSpace.isEmpty()) rules.unshift({ action: 'allow', priority: 0, protocol: 'all', ports: PortSet.ALL, peer: { addresses: vnetSpace, identities: [], label: 'VirtualNetwork' }, origin: { label: `no NSG on ${nic.name}: the virtual network is open`, location } });
      ingress.push({ name: `no NSG on ${nic.name}`, rules, defaultAction: 'deny' });
    }
    if (noPublic) {
      ingress.unshift(noPublicAddressLayer(nic.res, location, vnetSpace, `no ip_configuration has a ${nic.publicIp}`, `give ${nic.res.address} a public IP (${nic.publicIp}), or bring these clients in through a load balancer or application gateway with a public frontend`));
    }
    const legacyAsgs = link(nic.res, at('ip_configuration', 0, 'application_security_group_ids'), ASG, asgById, 'application security group');
    const identities = [
      ...(nic.asgs?.identities ?? []),
      ...legacyAsgs.targets.map((t) => `asg:${t.address}`),
      ...legacyAsgs.external.map((id) => `asg:${id.toLowerCase()}`),
      ...subnetKeys.map((k) => `subnet:${k}`),
    ];
    const identityUnknown = [...(nic.asgs?.unknown ?? []), ...legacyAsgs.unknown];
    // Address: a static or existing private IP, else somewhere in the subnet.
    const ips = attributeValues(ctx, nic.res, at('ip_configuration', 0, 'private_ip_address'));
    const ip = ips.unknown.length === 0 ? cidrSet(ips.values) : undefined;
    // Azure gives every NIC an IPv4 primary address: unknown is somewhere in IPv4.
    let addresses = AddressSet.ALL_V4;
    let exact = false;
    if (ip && !ip.set.isEmpty() && ip.invalid.length === 0) {
      addresses = ip.set;
      exact = true;
    } else if (subnet) {
      const range = cidrSet([...attributeValues(ctx, subnet, ['address_prefixes']).values, ...attributeValues(ctx, subnet, ['address_prefix']).values]).set;
      if (!range.isEmpty()) addresses = range;
    }
    const vnet = subnet ? (vnetKey(subnet, ['virtual_network_name'], vnetByName) ?? vnetOfSubnetId(subnet)) : undefined;
    // IPv4 only: every IP configuration known, none of version IPv6 (IPv4 is the default).
    const noIpv6 = configs.state === 'known' && Array.isArray(configs.value) && configs.value.every((_c, i) => {
      const v = lookup(nic.res, at('ip_configuration', i, nic.version));
      return v.state === 'absent' || (v.state === 'known' && v.value === 'IPv4');
    });
    return { ingress, egress, identities, identitiesUnknown: identityUnknown.length > 0 ? identityUnknown.join('; ') : undefined, addresses, addressesExact: exact, ...(vnet ? { network: networkOf(vnet) } : {}), ...(noIpv6 ? { noIpv6 } : {}) };
  };

  /** A NIC resource as an interface: the NSGs and ASGs associated with it. */
  const nicInterface = (nic: PlanResource): NetworkInterface => ({ res: nic, at: [], name: nic.address, nsgs: nicNsgs.get(nic.address) ?? [], asgs: nicAsgs.get(nic.address), publicIp: 'public_ip_address_id', version: 'private_ip_address_version' });

  /** One filter: the same layer, or one NSG's rules in one direction; other layers (unknown, no NSG) are only themselves. */
  const sameFilter = (a: FilterLayer, b: FilterLayer): boolean => a === b || (nsgOfLayer.get(a) !== undefined && nsgOfLayer.get(a) === nsgOfLayer.get(b));
  /** Whether a layer judges every endpoint with the same identities alike (no rule narrowed to some addresses). */
  const addressBlind = (layer: FilterLayer): boolean => layer.rules.every((r) => !r.local || (r.local.unknown === undefined && r.local.addresses.isEmpty()));
  /**
   * Whether `other` admits no more than `first`, in and out: it passes every layer of
   * `first` (and maybe more, which only narrows), those layers do not tell the NICs apart
   * by address, and it carries the same identities (ASGs, subnet).
   */
  const admitsNoMore = (other: ServerNetwork, first: ServerNetwork): boolean => {
    const covers = (theirs: readonly FilterLayer[], ours: readonly FilterLayer[]) => ours.every((l) => addressBlind(l) && theirs.some((t) => sameFilter(t, l)));
    const ids = new Set(first.identities);
    return covers(other.ingress, first.ingress) && covers(other.egress, first.egress) && other.identitiesUnknown === undefined && other.identities.length === ids.size && other.identities.every((i) => ids.has(i));
  };
  /** Every layer with a may-allow-anything rule first: what the layers allow still passes, what they deny becomes unknown. */

  /** The NICs of a VM: the primary first (`primary_network_interface_id` of a legacy VM), then the others, each once. */
  const vmNics = (vm: PlanResource, nicPaths: readonly string[]): Links => {
    const nics: Links = { targets: [], external: [], unknown: [], computed: true };
    for (const p of nicPaths) mergeLinks(nics, link(vm, [p], NIC, nicById, 'network interface'));
    return nics;
  };

  /**
   * A server admits traffic through each of its NICs, each under its own subnet and NIC NSGs:
   * a union of layer stacks, which one server (one stack, one address set) cannot hold.
   * The server is its first NIC; other NICs that may admit more (`external`: NICs outside the
   * plan; `unknown`: why some are not known) make what the first denies, in or out, unknown
   * rather than a pass of an exposure check.
   */
  const interfacesNetwork = (owner: PlanResource, interfaces: readonly NetworkInterface[], external: readonly string[], unknown: readonly string[]): ServerNetwork => {
    const location = ctx.locate(owner);
    const [nic, ...others] = interfaces;
    if (!nic) {
      const why = unknown.join('; ') || (external.length > 0 ? `network interface ${external[0]} of ${owner.address} is not in this plan` : `${owner.address} names no network interface`);
      return { ingress: [unknownLayer(`network of ${owner.address}`, why, location)], egress: [unknownLayer(`network of ${owner.address}`, why, location)], identities: [], identitiesUnknown: why, addresses: AddressSet.ALL_V4, addressesExact: false };
    }
    const first = nicNetwork(nic, location);
    const wider = [...others.filter((o) => !admitsNoMore(nicNetwork(o, location), first)).map((o) => o.name), ...external.map((id) => `${id} (not in this plan)`)];
    if (wider.length === 0 && unknown.length === 0) return first;
    const names = [...wider, ...(unknown.length > 0 ? [`NICs not known until apply (${unknown.join('; ')})`] : [])].join(', ');
    const why = (way: string) => `${owner.address} also has ${names}, each filtered by its own subnet and NIC NSGs, and topogate models ${nic.name} only: traffic its NSGs deny may ${way} through the others`;
    const origin = { label: `other NICs of ${owner.address}`, location };
    // Other NICs may sit in other virtual networks: no single network.
    return { ...first, network: undefined, noIpv6: undefined, ingress: withFirstRule(first.ingress, mayAllowAnything(why('arrive'), origin)), egress: withFirstRule(first.egress, mayAllowAnything(why('leave'), origin)) };
  };

  const serverNetwork = (vm: PlanResource, nicPaths: readonly string[]): ServerNetwork => {
    const nics = vmNics(vm, nicPaths);
    return interfacesNetwork(vm, nics.targets.map(nicInterface), nics.external, nics.unknown);
  };

  /**
   * The most any autoscale setting keeps of the scale set it targets (its profiles' largest
   * minimum capacity), and which setting; the most one may run (the largest maximum), and which.
   */
  interface Autoscaled {
    count: number;
    by: string;
    most: number;
    mostBy: string;
  }
  let autoscaled: Map<PlanResource, Autoscaled> | undefined;
  const autoscaledCapacity = (vmss: PlanResource): Autoscaled | undefined => {
    if (!autoscaled) {
      autoscaled = new Map();
      const byId = indexBy(SCALE_SET_TYPES.flatMap(managed), ['id'], true);
      for (const setting of managed('azurerm_monitor_autoscale_setting')) {
        const enabled = lookup(setting, ['enabled']);
        if (enabled.state === 'known' && enabled.value === false) continue;
        const profiles = lookup(setting, ['profile']);
        const count = profiles.state === 'known' && Array.isArray(profiles.value) ? profiles.value.length : 0;
        const capacity = (bound: string) => Math.max(0, ...Array.from({ length: count }, (_, i) => knownNumber(setting, ['profile', i, 'capacity', 0, bound]) ?? 0));
        const minimum = capacity('minimum');
        const maximum = capacity('maximum');
        for (const t of linkedResources(ctx, setting, ['target_resource_id'], { types: new Set(SCALE_SET_TYPES), byId, what: 'scale set' }).targets) {
          const before = autoscaled.get(t) ?? { count: 0, by: setting.address, most: 0, mostBy: setting.address };
          autoscaled.set(t, {
            ...(minimum > before.count ? { count: minimum, by: setting.address } : { count: before.count, by: before.by }),
            ...(maximum > before.most ? { most: maximum, mostBy: setting.address } : { most: before.most, mostBy: before.mostBy }),
          });
        }
      }
    }
    return autoscaled.get(vmss);
  };

  /**
   * A scale set is one server standing for its instances: each gets a NIC of each
   * `network_interface` block (the primary first), in its IP configurations' subnet, under the
   * block's NSG and its subnet's. Where it keeps two or more (`instances`, or the minimum of an
   * autoscale setting that scales it), or may run two or more (the setting's maximum), it is a fleet.
   */
  const scaleSetNetwork = (vmss: PlanResource): ServerNetwork => {
    const blocks = lookup(vmss, ['network_interface']);
    const list: unknown[] = blocks.state === 'known' && Array.isArray(blocks.value) ? blocks.value : [];
    const isPrimary = (i: number) => {
      const p = lookup(vmss, ['network_interface', i, 'primary']);
      return p.state === 'known' && p.value === true;
    };
    const primary = Math.max(0, list.findIndex((_, i) => isPrimary(i)));
    const order = list.map((_, i) => i).sort((a, b) => Number(b === primary) - Number(a === primary));
    const interfaces = order.map((i): NetworkInterface => ({
      res: vmss,
      at: ['network_interface', i],
      name: i === primary ? vmss.address : `network_interface ${knownString(vmss, ['network_interface', i, 'name']) ?? `#${i + 1}`} of ${vmss.address}`,
      nsgs: [{ nsg: link(vmss, ['network_interface', i, 'network_security_group_id'], NSG, nsgById, 'network security group'), from: vmss }],
      publicIp: 'public_ip_address',
      version: 'version',
    }));
    const unknown = blocks.state === 'unknown' ? [`${describeAttribute(vmss, ['network_interface'])} is not known until apply`] : [];
    const own = knownNumber(vmss, ['instances']) ?? 0;
    const scaled = autoscaledCapacity(vmss);
    const keeps = scaled && scaled.count > own ? { count: scaled.count, by: scaled.by } : { count: own, by: vmss.address };
    const mayRun = scaled && scaled.most > own ? { most: scaled.most, by: scaled.mostBy } : { most: own, by: vmss.address };
    const kept: KeptInstances = { count: keeps.count, groups: keeps.count > 0 ? [keeps.by] : [], most: Math.max(keeps.count, mayRun.most), scaling: mayRun.most > 0 ? [mayRun.by] : [] };
    const fleet = fleetOf(kept, vmss);
    return { ...interfacesNetwork(vmss, interfaces, [], unknown), ...(fleet ? { fleet } : {}) };
  };

  // Azure SQL: the server firewall (IP ranges and virtual network rules).
  const sqlServers = [...managed('azurerm_mssql_server'), ...managed('azurerm_sql_server')];
  const sqlById = indexBy(sqlServers, ['id'], true);
  const sqlByName = indexBy(sqlServers, ['name'], true);
  const sqlTypes = new Set(['azurerm_mssql_server', 'azurerm_sql_server']);
  const sqlRules = new Map<string, Rule[]>();
  /** Per server: virtual network rules that admit nothing, said beside the fix. */
  const sqlNotes = new Map<string, string[]>();
  const addTo = <T>(map: Map<string, T[]>, key: string, items: readonly T[]) => {
    const list = map.get(key);
    if (list) list.push(...items);
    else map.set(key, [...items]);
  };
  const sqlServersOf = (res: PlanResource, path: string, byId: ReadonlyMap<string, PlanResource>): PlanResource[] =>
    linkedResources(ctx, res, [path], { types: sqlTypes, byId, what: 'SQL server' }).targets;
  for (const [type, path, byId] of [['azurerm_mssql_firewall_rule', 'server_id', sqlById], ['azurerm_sql_firewall_rule', 'server_name', sqlByName]] as const) {
    for (const r of managed(type)) {
      const start = r.values.start_ip_address;
      const end = r.values.end_ip_address;
      const origin = { label: `${r.address} (${String(start ?? '?')} - ${String(end ?? '?')})`, location: ctx.locate(r) };
      const range = addressRange(start, end);
      const unknown = (why: string): Rule[] => [{ action: 'allow', priority: 0, protocol: 'tcp', ports: PortSet.ALL, peer: unknownPeer(why), origin }];
      // Azure SQL's IP firewall sees a client's public address: a VM's private one never matches it.
      const rules: Rule[] = start === '0.0.0.0' && end === '0.0.0.0'
        ? unknown(`${r.address} is the "Allow Azure services" rule (0.0.0.0 - 0.0.0.0): it admits any address inside Azure, of any tenant`)
        : range ? publicEndpointRules(range, `${String(start)} - ${String(end)}`, origin) : unknown(`the address range of ${r.address} is not known until apply`);
      for (const s of sqlServersOf(r, path, byId)) addTo(sqlRules, s.address, rules);
    }
  }

  /**
   * Whether a subnet has the Microsoft.Sql service endpoint. Azure SQL's virtual network
   * ACL holds only subnets that do; `ignore_missing_vnet_service_endpoint` merely lets the
   * rule exist before the endpoint does.
   */
  const sqlEndpoint = (subnet: PlanResource): { has: boolean; unknown?: string } => {
    const v = attributeValues(ctx, subnet, ['service_endpoints']);
    if (v.values.some((x) => typeof x === 'string' && x.toLowerCase() === 'microsoft.sql')) return { has: true };
    return { has: false, unknown: v.unknown.length > 0 ? v.unknown.join('; ') : undefined };
  };
  for (const [type, path, byId] of [['azurerm_mssql_virtual_network_rule', 'server_id', sqlById], ['azurerm_sql_virtual_network_rule', 'server_name', sqlByName]] as const) {
    for (const r of managed(type)) {
      const subnets = link(r, ['subnet_id'], SUBNET, subnetById, 'subnet');
      const origin = { label: `${r.address} (virtual network rule)`, location: ctx.locate(r) };
      const allow = (peer: Peer, local?: Peer): Rule => ({ action: 'allow', priority: 0, protocol: 'tcp', ports: PortSet.ALL, peer, ...(local ? { local } : {}), origin });
      const rules: Rule[] = [];
      const notes: string[] = [];
      // A subnet not known at all may be any subnet; a known one admits only its own servers.
      if (subnets.unknown.length > 0) rules.push(allow(unknownPeer(subnets.unknown.join('; '))));
      for (const t of subnets.targets) {
        const endpoint = sqlEndpoint(t);
        const peer: Peer = { addresses: AddressSet.EMPTY, identities: [`subnet:${t.address}`], label: t.address };
        if (endpoint.has) rules.push(allow(peer));
        // Whether it admits the subnet is unknown: an unknown `local` makes the rule a maybe
        // for that subnet's servers only, not for everyone.
        else if (endpoint.unknown) rules.push(allow(peer, unknownPeer(`${r.address} admits ${t.address} only if it has the Microsoft.Sql service endpoint, and ${endpoint.unknown}`)));
        else notes.push(`${r.address} admits nothing until ${t.address} has the Microsoft.Sql service endpoint`);
      }
      for (const id of subnets.external) {
        const peer: Peer = { addresses: AddressSet.EMPTY, identities: [`subnet:id:${id.toLowerCase()}`], label: id };
        rules.push(allow(peer, unknownPeer(`${r.address} admits subnet ${id} only if it has the Microsoft.Sql service endpoint, and that subnet is not in this plan`)));
      }
      for (const s of sqlServersOf(r, path, byId)) {
        addTo(sqlRules, s.address, rules);
        addTo(sqlNotes, s.address, notes);
      }
    }
  }
  const sqlServerNetwork = (server: PlanResource): ServerNetwork => {
    const location = ctx.locate(server);
    const publicAccess = lookup(server, ['public_network_access_enabled']);
    const name = `firewall of ${server.address}`;
    let layer: FilterLayer;
    if (publicAccess.state === 'known' && publicAccess.value === false) {
      layer = unknownLayer(name, `${server.address} disables public network access, so clients reach it through private endpoints, which topogate does not model yet`, location);
    } else {
      layer = {
        name,
        rules: sqlRules.get(server.address) ?? [],
        defaultAction: 'deny',
        fix: { kind: 'resource', address: server.address, rule: `an ${server.type === 'azurerm_sql_server' ? 'azurerm_sql_firewall_rule' : 'azurerm_mssql_firewall_rule'} (or a virtual network rule${(sqlNotes.get(server.address) ?? []).map((n) => `; ${n}`).join('')})` },
        fixLocation: location,
      };
      if (publicAccess.state === 'unknown') layer = { ...layer, rules: [...layer.rules, mayAllowAnything(`${describeAttribute(server, ['public_network_access_enabled'])} is not known until apply`, { label: server.address, location })] };
    }
    // Reached at its public endpoint, an Azure public address: outside every VNet, inside the
    // Internet service tag (a VM's outbound rules on Internet decide for it). Through private
    // endpoints (public access off) its address is not known.
    const publicEndpoint = !(publicAccess.state === 'known' && publicAccess.value === false);
    return { ingress: [layer], egress: [], identities: [], addresses: publicEndpoint ? INTERNET.intersect(AddressSet.ALL_V4) : AddressSet.EMPTY, addressesExact: false };
  };

  return { serverNetwork, scaleSetNetwork, sqlServerNetwork, subnetNetwork, virtualNetworkSpace: () => vnetSpace };
}
