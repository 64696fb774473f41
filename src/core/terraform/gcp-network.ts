import { ipProtocol } from './ip-protocol.js';
import type { FilterLayer, Origin, Peer, Rule, RuleProtocol, SourceLocation } from '../model.js';
import { AddressSet } from '../net/cidr.js';
import { PortSet, parsePortSpec } from '../net/ports.js';
import { attributeValues, cidrSet, describeAttribute, indexBy, isObjectValue, linkedResources, mayAllowAnything, unknownLayer, unknownPeer } from './plan-context.js';
import type { Links, PlanContext, ServerNetwork } from './plan-context.js';
import { lookup } from './plan-resources.js';
import type { AttributePath, PlanResource } from './plan-resources.js';

/**
 * Google Cloud VPC firewall rules after apply. Rules belong to a network and apply to the
 * instances they target (`target_tags`, `target_service_accounts`, or every instance);
 * by priority (default 1000, lower first; deny before allow at equal priority), then the
 * implied rules: deny all ingress, allow all egress. An ingress rule's sources are
 * `source_ranges` OR `source_tags` OR `source_service_accounts`; with none of them it is
 * 0.0.0.0/0. `ports = []` is every port. Tags and service accounts only match instances of
 * the same network, so identities carry the network. A network this plan does not declare
 * (like `default`) may have rules from elsewhere: flows it would decide become unknown.
 */

const NETWORK = 'google_compute_network';
const SUBNETWORK = 'google_compute_subnetwork';
const ACCOUNT = 'google_service_account';


const gcpProtocol = (v: unknown): RuleProtocol | undefined => ipProtocol(v, { all: ['all'], numbers: true });

function lastSegment(v: string): string {
  return v.split('/').filter((x) => x !== '').pop() ?? v;
}

interface NetworkRules {
  key: string;
  label: string;
  declared?: PlanResource;
  ingress: Rule[];
  egress: Rule[];
  location?: SourceLocation;
  layers?: { ingress: FilterLayer; egress: FilterLayer };
}

export interface GcpNetwork {
  serverNetwork(instance: PlanResource): ServerNetwork;
  sqlNetwork(db: PlanResource): ServerNetwork;
  /** The network an attribute names (name, self link or id): the plan's network, `network <name>`, or why it is unknown. */
  networkKey(res: PlanResource, path: AttributePath): { key?: string; unknown: string[] };
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

  const rulesByNetwork = new Map<string, NetworkRules>();
  const networkRules = (key: string): NetworkRules => {
    let n = rulesByNetwork.get(key);
    if (!n) {
      const declared = networks.find((x) => x.address === key);
      n = { key, label: key, declared, ingress: [], egress: [], location: declared ? ctx.locate(declared) : undefined };
      rulesByNetwork.set(key, n);
    }
    return n;
  };
  const unplacedRules: Record<'ingress' | 'egress', Rule[]> = { ingress: [], egress: [] };

  const accountIdentity = (network: string, links: Links): string[] => [
    ...links.targets.map((t) => `sa:${network}:${t.address}`),
    ...links.external.map((e) => `sa:${network}:${accountByEmail.get(e)?.address ?? e}`),
  ];

  for (const fw of managed('google_compute_firewall')) {
    if (fw.values.disabled === true) continue;
    const location = ctx.locate(fw);
    const net = networkKeyOf(fw, ['network']);
    const networkKey = net.key ?? '?';
    const directionValue = attributeValues(ctx, fw, ['direction'], { computedDefault: ['INGRESS'] });
    const direction = directionValue.values[0] === 'EGRESS' ? 'egress' : directionValue.values[0] === 'INGRESS' ? 'ingress' : undefined;
    const priorityValue = attributeValues(ctx, fw, ['priority'], { computedDefault: [1000] }).values[0];
    const priority = typeof priorityValue === 'number' ? priorityValue : 1000;
    const unknown: string[] = [...net.unknown, ...directionValue.unknown];
    const list = (name: string): { values: string[]; set: boolean } => {
      const v = attributeValues(ctx, fw, [name], { computedDefault: [] });
      unknown.push(...v.unknown);
      const values = v.values.filter((x): x is string => typeof x === 'string' && x !== '');
      return { values, set: values.length > 0 || v.unknown.length > 0 };
    };
    // Sources of an ingress rule, destinations of an egress rule: the rule's other side.
    let remote: Peer;
    let local: Peer | undefined;
    const targetTags = list('target_tags');
    const targetAccounts = linkedResources(ctx, fw, ['target_service_accounts'], { types: new Set([ACCOUNT]), byId: accountByEmail, what: 'service account' });
    unknown.push(...targetAccounts.unknown);
    const targetIdentities = [...targetTags.values.map((t) => `tag:${networkKey}:${t}`), ...accountIdentity(networkKey, targetAccounts)];
    if (targetIdentities.length > 0) local = { addresses: AddressSet.EMPTY, identities: targetIdentities, label: targetIdentities.map((i) => i.split(':').pop()).join(', ') };
    if (direction === 'egress') {
      const dest = list('destination_ranges');
      const cidrs = cidrSet(dest.values.length > 0 || dest.set ? dest.values : ['0.0.0.0/0']);
      remote = { addresses: cidrs.set, identities: [], label: cidrs.set.describe(3) };
    } else {
      const ranges = list('source_ranges');
      const tags = list('source_tags');
      const sources = linkedResources(ctx, fw, ['source_service_accounts'], { types: new Set([ACCOUNT]), byId: accountByEmail, what: 'service account' });
      unknown.push(...sources.unknown);
      const identities = [...tags.values.map((t) => `tag:${networkKey}:${t}`), ...accountIdentity(networkKey, sources)];
      const none = !ranges.set && !tags.set && identities.length === 0 && sources.unknown.length === 0;
      const cidrs = cidrSet(none ? ['0.0.0.0/0'] : ranges.values);
      for (const c of cidrs.invalid) unknown.push(`"${c}" in ${describeAttribute(fw, ['source_ranges'])} is not a CIDR`);
      remote = { addresses: cidrs.set, identities, label: [...(cidrs.set.isEmpty() ? [] : [cidrs.set.describe(3)]), ...identities.map((i) => i.split(':').pop())].join(', ') };
    }
    const rules: Rule[] = [];
    for (const action of ['allow', 'deny'] as const) {
      const entries = lookup(fw, [action]);
      if (entries.state === 'unknown') {
        unknown.push(`${describeAttribute(fw, [action])} is not known until apply`);
        continue;
      }
      if (entries.state !== 'known' || !Array.isArray(entries.value)) continue;
      for (const entry of entries.value) {
        if (!isObjectValue(entry)) continue;
        const protocol = gcpProtocol(entry.protocol);
        let ports = PortSet.ALL;
        let portsUnknown: string | undefined;
        if (protocol === 'tcp' || protocol === 'udp') {
          const specs = Array.isArray(entry.ports) ? entry.ports : [];
          if (specs.length > 0) {
            ports = PortSet.EMPTY;
            for (const spec of specs) {
              const r = parsePortSpec(spec);
              if (r.ok) ports = ports.union(r.value);
              else portsUnknown = `${fw.address} has port "${String(spec)}", which is not a port or range`;
            }
          }
        }
        const text = `${action} ${protocol === 'tcp' || protocol === 'udp' ? `${protocol}/${ports.describe()}` : (protocol ?? '?')}`;
        const origin: Origin = { label: `${fw.address} (${direction === 'egress' ? 'EGRESS' : 'INGRESS'} ${text}, priority ${priority})`, location };
        if (!protocol) {
          rules.push(mayAllowAnything(`the protocol of ${fw.address} is not known until apply`, origin, priority));
          continue;
        }
        rules.push({ action, priority, protocol, ports, portsUnknown, peer: unknown.length > 0 ? unknownPeer(unknown.join('; ')) : remote, local, origin });
      }
    }
    if (rules.length === 0 && unknown.length > 0) rules.push(mayAllowAnything(unknown.join('; '), { label: fw.address, location }, priority));
    const dirs: ReadonlyArray<'ingress' | 'egress'> = direction ? [direction] : ['ingress', 'egress'];
    if (net.key === undefined) {
      // The network is not known until apply: the rule may apply to any network.
      const maybe = unknownPeer(net.unknown.join('; '));
      for (const d of dirs) unplacedRules[d].push(...rules.map((r) => ({ ...r, local: maybe })));
    } else {
      for (const d of dirs) networkRules(net.key)[d].push(...rules);
    }
  }

  const layersOf = (key: string): { ingress: FilterLayer; egress: FilterLayer } => {
    const n = networkRules(key);
    if (n.layers) return n.layers;
    const outside: Rule[] = [];
    if (!n.declared) {
      // Pre-populated rules of the default network, or rules of another configuration.
      outside.push(mayAllowAnything(`${key} is not declared in this plan, so firewall rules made elsewhere (such as the default network's default-allow-* rules) may also apply`, { label: `firewall rules of ${key} outside this plan`, location: n.location ?? { file: ctx.state.doc.file, line: 1, column: 1 } }, 65534));
    }
    const fixAddress = n.declared?.address ?? key;
    n.layers = {
      ingress: {
        name: `firewall rules of ${key}`,
        rules: [...n.ingress, ...unplacedRules.ingress, ...outside],
        defaultAction: 'deny',
        fix: { kind: 'resource', address: fixAddress, rule: 'an INGRESS allow rule (google_compute_firewall, with a priority number below any deny that matches)' },
        fixLocation: n.location,
      },
      egress: {
        name: `egress firewall rules of ${key}`,
        rules: [...n.egress, ...unplacedRules.egress],
        defaultAction: 'allow',
        fix: { kind: 'resource', address: fixAddress, rule: 'an EGRESS allow rule (google_compute_firewall, with a priority number below any deny that matches)' },
        fixLocation: n.location,
      },
    };
    return n.layers;
  };

  const serverNetwork = (instance: PlanResource): ServerNetwork => {
    const location = ctx.locate(instance);
    let net = networkKeyOf(instance, ['network_interface', 0, 'network']);
    const subnet = linkedResources(ctx, instance, ['network_interface', 0, 'subnetwork'], { types: new Set([SUBNETWORK]), byId: subnetByRef, what: 'subnetwork', normalize: lastSegment });
    if (net.key === undefined && subnet.targets.length > 0) net = networkKeyOf(subnet.targets[0], ['network']);
    if (net.key === undefined) {
      const why = net.unknown.join('; ') || `the network of ${instance.address} is not known until apply`;
      return { ingress: [unknownLayer(`network of ${instance.address}`, why, location)], egress: [unknownLayer(`network of ${instance.address}`, why, location)], identities: [], identitiesUnknown: why, addresses: AddressSet.ALL_V4, addressesExact: false };
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
    const layers = layersOf(key);
    return { ingress: [layers.ingress], egress: [layers.egress], identities, identitiesUnknown: identityUnknown.length > 0 ? identityUnknown.join('; ') : undefined, addresses, addressesExact };
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
          const peer: Peer = typeof value === 'string' && c.invalid.length === 0 ? { addresses: c.set, identities: [], label: value } : unknownPeer(`${describeAttribute(db, [...base, 'authorized_networks', i, 'value'])} is not a known CIDR`);
          rules.push({ action: 'allow', priority: 0, protocol: 'tcp', ports: PortSet.ALL, peer, origin: origin(`authorized network ${typeof value === 'string' ? value : '?'}`) });
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
    return { ingress: [layer], egress: [], identities: [], addresses: AddressSet.EMPTY, addressesExact: false };
  };

  return { serverNetwork, sqlNetwork, networkKey: networkKeyOf };
}
