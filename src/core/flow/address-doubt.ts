/** An endpoint whose address may not be exact: a server or balancer, from a plan (`resource`) or a topology. */
export interface AddressedEndpoint {
  name: string;
  kind?: string;
  addresses: { isEmpty(): boolean };
  addressesExact: boolean;
  resource?: unknown;
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
