import type { Client, Environment, FilterLayer, Listener, LoadBalancer, Rule, RuleProtocol, Server, SourceLocation } from '../model.js';
import { AddressSet } from '../net/cidr.js';
import { PortSet, parsePortSpec } from '../net/ports.js';
import type { Path } from '../input/located-yaml.js';
import { parseEndpointRef } from './parse-topology.js';
import type { RawEnvironment, RawOpening, TopologyFile } from './parse-topology.js';

/**
 * Topology files to environment models. Every opening becomes an allow rule on the
 * ingress of each endpoint it targets; with no `firewall` at all the environment's
 * flows cannot be decided, which the model says with an unknown layer.
 */

const CACHE_INVALIDATION = 'cache-invalidation';

function toList(v: string | string[]): string[] {
  return Array.isArray(v) ? v : [v];
}

function portsOf(o: RawOpening): PortSet {
  if ((o.protocol ?? 'tcp') === 'all') return PortSet.ALL;
  const sets: PortSet[] = [];
  for (const spec of o.ports ?? []) {
    const r = parsePortSpec(spec);
    if (r.ok) sets.push(r.value);
  }
  return PortSet.unionOf(sets);
}

function openingLabel(o: RawOpening): string {
  const protocol = o.protocol ?? 'tcp';
  const ports = protocol === 'all' ? 'all' : portsOf(o).describe();
  return `opening ${toList(o.from).join(', ')} -> ${toList(o.to).join(', ')} ${protocol}/${ports}`;
}

interface Named {
  addresses: AddressSet;
  identities: string[];
}

/** Adds the clients an environment does not declare but a pack defaults (end-users, internet). */
export function withDefaultClients(declared: ReadonlyMap<string, Client>, defaults: ReadonlyMap<string, Client>): Map<string, Client> {
  const all = new Map(declared);
  for (const [name, client] of defaults) if (!all.has(name)) all.set(name, client);
  return all;
}

export function buildTopologyEnvironment(file: TopologyFile, raw: RawEnvironment, envPath: Path, defaultClients: ReadonlyMap<string, Client> = new Map()): Environment {
  const { doc } = file;
  const at = (path: Path): SourceLocation => doc.at([...envPath, ...path]);

  const declared = new Map<string, Client>();
  for (const [name, cidrs] of Object.entries(raw.clients ?? {})) {
    declared.set(name, { name, addresses: AddressSet.of(...cidrs), location: doc.keyAt([...envPath, 'clients', name]) });
  }
  const clients = withDefaultClients(declared, defaultClients);

  const rawServers = raw.servers ?? [];
  const hasCacheInvalidation = rawServers.some((s) => s.roles.includes(CACHE_INVALIDATION));
  const serverDrafts = rawServers.map((s, i) => {
    const roles = [...s.roles];
    const roleNotes: Record<string, string> = {};
    // policies.md: RabbitMQ runs on the controller "by default" when no server holds the role.
    if (!hasCacheInvalidation && roles.includes('controller')) {
      roles.push(CACHE_INVALIDATION);
      roleNotes[CACHE_INVALIDATION] = 'held by the controller by default (no server declares role cache-invalidation)';
    }
    const addresses = s.addresses && s.addresses.length > 0 ? AddressSet.of(...s.addresses) : AddressSet.EMPTY;
    return { raw: s, index: i, roles, roleNotes, addresses, exact: !addresses.isEmpty() };
  });

  // What each name and role stands for as a rule's peer.
  const named = new Map<string, Named>();
  // A client is its addresses: a rule from it matches any source inside them.
  for (const c of clients.values()) named.set(c.name, { addresses: c.addresses, identities: [] });
  for (const s of serverDrafts) named.set(s.raw.name, { addresses: s.addresses, identities: [`server:${s.raw.name}`] });
  const lbDrafts = (raw['load-balancers'] ?? []).map((lb, i) => ({
    raw: lb,
    index: i,
    addresses: lb.addresses && lb.addresses.length > 0 ? AddressSet.of(...lb.addresses) : AddressSet.EMPTY,
  }));
  for (const lb of lbDrafts) named.set(lb.raw.name, { addresses: lb.addresses, identities: [`lb:${lb.raw.name}`] });
  const roleMembers = (role: string) => serverDrafts.filter((s) => s.roles.includes(role));
  const peerOf = (text: string): Named => {
    const ref = parseEndpointRef(text);
    if (ref.kind === 'cidr') return { addresses: AddressSet.of(ref.text), identities: [] };
    if (ref.kind === 'role') {
      return {
        addresses: roleMembers(ref.role).reduce((acc, s) => acc.union(s.addresses), AddressSet.EMPTY),
        identities: [`role:${ref.role}`],
      };
    }
    return named.get(ref.name) ?? { addresses: AddressSet.EMPTY, identities: [] };
  };
  const targetsOf = (text: string): string[] => {
    const ref = parseEndpointRef(text);
    if (ref.kind === 'role') return roleMembers(ref.role).map((s) => s.raw.name);
    return ref.kind === 'name' ? [ref.name] : [];
  };

  // One rule per opening, and per target the openings that apply to it, in order.
  const openingRules: Rule[] = [];
  const openingsOf = new Map<string, number[]>();
  (raw.firewall ?? []).forEach((o, i) => {
    const label = openingLabel(o);
    const location = at(['firewall', i]);
    const protocol: RuleProtocol = o.protocol ?? 'tcp';
    const ports = portsOf(o);
    const fromLabel = toList(o.from).join(', ');
    const peer = toList(o.from)
      .map(peerOf)
      .reduce((acc, p) => ({ addresses: acc.addresses.union(p.addresses), identities: [...acc.identities, ...p.identities] }), { addresses: AddressSet.EMPTY, identities: [] as string[] });
    openingRules[i] = { action: 'allow', priority: 0, protocol, ports, peer: { ...peer, label: fromLabel }, origin: { label, location } };
    for (const target of new Set(toList(o.to).flatMap(targetsOf))) {
      const list = openingsOf.get(target) ?? [];
      list.push(i);
      openingsOf.set(target, list);
    }
  });

  // Endpoints the same openings apply to (a role's farm) share one layer, so the flow
  // engine's answers kept on a layer serve all of them.
  const layers = new Map<string, FilterLayer>();
  const ingressOf = (name: string): FilterLayer[] => {
    if (!raw.firewall) {
      return [{
        name: `firewall of ${raw.name}`,
        rules: [],
        defaultAction: 'deny',
        unknown: `environment "${raw.name}" declares no firewall and no Terraform network data covers ${name}: add a "firewall:" list of openings to the topology, or a plan`,
      }];
    }
    const openings = openingsOf.get(name) ?? [];
    const key = openings.join(',');
    let layer = layers.get(key);
    if (!layer) {
      layer = { name: `firewall of ${raw.name}`, rules: openings.map((i) => openingRules[i]), defaultAction: 'deny', fix: { kind: 'topology', environment: raw.name } };
      layers.set(key, layer);
    }
    return [layer];
  };

  const servers: Server[] = serverDrafts.map((s) => {
    const p: Path = ['servers', s.index];
    return {
      kind: 'server',
      name: s.raw.name,
      roles: s.roles,
      roleNotes: Object.keys(s.roleNotes).length > 0 ? s.roleNotes : undefined,
      addresses: s.addresses,
      addressesExact: s.exact,
      identities: [`server:${s.raw.name}`, ...s.roles.map((r) => `role:${r}`)],
      ingress: ingressOf(s.raw.name),
      egress: [],
      location: at(p),
      provider: s.raw.provider ?? raw.provider,
      providerLocation: s.raw.provider !== undefined ? at([...p, 'provider']) : raw.provider !== undefined ? at(['provider']) : undefined,
      region: s.raw.region ?? raw.region,
      regionLocation: s.raw.region !== undefined ? at([...p, 'region']) : raw.region !== undefined ? at(['region']) : undefined,
      engine: s.raw.engine,
      port: s.raw.port,
    };
  });

  const loadBalancers: LoadBalancer[] = lbDrafts.map((lb) => {
    const p: Path = ['load-balancers', lb.index];
    const listeners: Listener[] = lb.raw.listeners.map((l, j) => ({
      port: l.port,
      protocol: l.protocol ?? 'tcp',
      targets: targetsOf(l.to),
      targetPort: l['target-port'] ?? l.port,
      location: at([...p, 'listeners', j]),
    }));
    return {
      kind: 'load-balancer',
      name: lb.raw.name,
      addresses: lb.addresses,
      addressesExact: !lb.addresses.isEmpty(),
      identities: [`lb:${lb.raw.name}`],
      ingress: ingressOf(lb.raw.name),
      egress: [],
      location: at(p),
      listeners,
      preservesClientAddress: lb.raw['preserve-client-address'] ?? false,
      provider: lb.raw.provider ?? raw.provider,
    };
  });

  return {
    name: raw.name,
    location: at(['name']),
    provider: raw.provider,
    region: raw.region,
    clients,
    servers,
    loadBalancers,
  };
}
