import type { Origin, Rule } from '../model.js';
import { AddressSet, INTERNET, NON_INTERNET_RANGES } from '../net/cidr.js';
import { PortSet } from '../net/ports.js';

const PRIVATE = AddressSet.of(...NON_INTERNET_RANGES);
const INTERNET_V4 = INTERNET.intersect(AddressSet.ALL_V4);

/**
 * The allow rules of an address range on a service reached at its public address (Azure
 * SQL's IP firewall, Cloud SQL's authorized networks on its public IP). The service sees a
 * client's public address: a server with a private address (a VM in a VNet or VPC) arrives
 * from its outbound public address (a public IP, a NAT gateway, Cloud NAT), which topogate
 * does not model and which may not exist. So the range admits the public addresses in it for
 * certain, private addresses maybe (when it holds any public address), and never when it
 * holds none (`10.0.0.0 - 10.0.255.255` admits no VM: their private addresses never reach
 * the service).
 */
export function publicEndpointRules(range: AddressSet, label: string, origin: Origin): Rule[] {
  const publicPart = range.intersect(INTERNET);
  if (publicPart.isEmpty()) return [];
  const allow = (addresses: AddressSet, peerLabel: string, uncertain?: string): Rule => ({
    action: 'allow',
    priority: 0,
    protocol: 'tcp',
    ports: PortSet.ALL,
    peer: { addresses, identities: [], label: peerLabel },
    origin,
    ...(uncertain ? { uncertain } : {}),
  });
  const why = publicPart.covers(INTERNET_V4)
    ? `${label} admits every public IPv4 address, and a server with a private address reaches it only through a public outbound address (a public IP, a NAT gateway, Cloud NAT), which topogate does not model`
    : `${label} admits a server with a private address only if its public outbound (SNAT or NAT) address is in the range, and no plan holds that address`;
  return [allow(publicPart, label), allow(PRIVATE, 'private addresses, through their public outbound address', why)];
}
