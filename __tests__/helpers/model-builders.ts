import { AddressSet } from '../../src/core/net/cidr.js';
import { PortSet } from '../../src/core/net/ports.js';
import type { Endpoint, FilterLayer, Rule, RuleProtocol } from '../../src/core/model.js';
import type { FlowSource } from '../../src/core/flow/reach.js';

/** Small builders for hand-made models in flow-engine tests. */

export const at = { file: 'test.yml', line: 1, column: 1 };

export function rule(
  action: 'allow' | 'deny',
  from: string[] | { identities: string[] } | { unknown: string },
  ports: [number, number] | 'all',
  extra: Partial<Rule> & { protocol?: RuleProtocol } = {},
): Rule {
  const peer = Array.isArray(from)
    ? { addresses: AddressSet.of(...from), identities: [], label: from.join(',') }
    : 'identities' in from
      ? { addresses: AddressSet.EMPTY, identities: from.identities, label: from.identities.join(',') }
      : { addresses: AddressSet.EMPTY, identities: [], unknown: from.unknown, label: 'unknown' };
  return {
    action,
    priority: 0,
    protocol: 'tcp',
    ports: ports === 'all' ? PortSet.ALL : PortSet.range(ports[0], ports[1]),
    peer,
    origin: { label: `${action} ${peer.label} ${ports === 'all' ? 'all' : ports.join('-')}`, location: at },
    ...extra,
  };
}

export function layer(rules: Rule[], extra: Partial<FilterLayer> = {}): FilterLayer {
  return { name: 'layer', rules, defaultAction: 'deny', ...extra };
}

export function endpoint(name: string, addresses: string[], extra: Partial<Endpoint> = {}): Endpoint {
  const set = addresses.length > 0 ? AddressSet.of(...addresses) : AddressSet.EMPTY;
  return { name, addresses: set, addressesExact: addresses.length > 0, identities: [`server:${name}`], ingress: [], egress: [], location: at, ...extra };
}

export function client(name: string, cidrs: string[]): FlowSource {
  return { name, kind: 'client', addresses: AddressSet.of(...cidrs), addressesExact: true, identities: [], egress: [] };
}

export function serverSource(e: Endpoint): FlowSource {
  return { ...e, kind: 'server' };
}
