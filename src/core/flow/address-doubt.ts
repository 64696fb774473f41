import { AddressSet } from '../net/cidr.js';

/** An endpoint whose address may not be exact: a server or balancer, from a plan (`resource`) or a topology. */
export interface AddressedEndpoint {
  name: string;
  kind?: string;
  addresses: AddressSet;
  addressesExact: boolean;
  resource?: unknown;
  /** Set where the model knows the endpoint has no IPv6 address at all. */
  noIpv6?: boolean;
}

/**
 * Whether an endpoint certainly has no IPv6 address: a topology server or balancer lists
 * its addresses (exact), a plan's says so where the cloud model knows (`noIpv6`).
 */
export function hasNoIpv6(e: AddressedEndpoint): boolean {
  if (e.noIpv6 === true) return true;
  return e.resource === undefined && e.kind !== undefined && e.kind !== 'client' && e.addressesExact && !e.addresses.isEmpty() && !e.addresses.overlaps(AddressSet.ALL_V6);
}

/**
 * Why an endpoint's address keeps the rules from deciding: in a plan, it is assigned at apply;
 * a topology server or balancer without `addresses` simply does not say.
 */
export function addressDoubt(e: AddressedEndpoint): string {
  if (e.kind !== undefined && e.kind !== 'client' && e.resource === undefined && e.addresses.isEmpty()) {
    return `${e.name} declares no addresses in the topology: add \`addresses:\` to it`;
  }
  return `the address of ${e.name} is not known until apply`;
}
