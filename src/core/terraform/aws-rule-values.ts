import type { RuleProtocol } from '../model.js';
import { PortSet } from '../net/ports.js';
import { ipProtocol } from './ip-protocol.js';
import type { AddressSet } from '../net/cidr.js';
import { cidrSet } from './plan-context.js';

/** What AWS security group and network ACL rules write for protocols and ports. */

/** `-1`, `all`, `tcp`, `6`, ... as a rule protocol; undefined when not a protocol. */
const AWS_PROTOCOLS = { all: ['-1', 'all'], numbers: true };
export const awsProtocol = (value: unknown): RuleProtocol | undefined => ipProtocol(value, AWS_PROTOCOLS);

/** The ports of a TCP/UDP rule; every port for other protocols (ICMP types are not ports). */
export function rulePorts(protocol: RuleProtocol, from: unknown, to: unknown): { ports: PortSet; unknown?: string } {
  if (protocol !== 'tcp' && protocol !== 'udp') return { ports: PortSet.ALL };
  const a = typeof from === 'number' ? from : typeof from === 'string' && /^\d+$/.test(from) ? Number(from) : undefined;
  const b = typeof to === 'number' ? to : typeof to === 'string' && /^\d+$/.test(to) ? Number(to) : undefined;
  if (a === undefined || b === undefined) return { ports: PortSet.EMPTY, unknown: 'its from_port/to_port are not known until apply' };
  // AWS writes -1 / -1 for "all ports" in some API answers.
  if (a === -1 && b === -1) return { ports: PortSet.ALL };
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b > 65535 || a > b) return { ports: PortSet.EMPTY, unknown: `its port range ${a}-${b} is not valid` };
  return { ports: PortSet.range(a, b) };
}


/**
 * The CIDRs of an AWS rule or prefix list entry. AWS refuses an address without a prefix
 * length there (`0.0.0.0` for `0.0.0.0/0`), so such a value is not a CIDR, not one address:
 * read as /32 it would admit nothing where the author meant everything.
 */
export function awsCidrSet(values: readonly unknown[]): { set: AddressSet; invalid: string[] } {
  if (values.every((v) => typeof v !== 'string' || v.includes('/'))) return cidrSet(values);
  const bare = values.filter((v): v is string => typeof v === 'string' && !v.includes('/'));
  const parsed = cidrSet(values.filter((v) => !(typeof v === 'string' && !v.includes('/'))));
  return { set: parsed.set, invalid: [...parsed.invalid, ...bare] };
}
