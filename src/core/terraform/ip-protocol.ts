import type { RuleProtocol } from '../model.js';

/** IP protocols by the names clouds write them (lower case). */
const BY_NAME: Readonly<Record<string, RuleProtocol>> = {
  tcp: 'tcp',
  udp: 'udp',
  icmp: 'icmp',
  icmpv6: 'icmpv6',
  esp: 'proto-50',
  ah: 'proto-51',
  sctp: 'proto-132',
  ipip: 'proto-4',
  // As AWS network ACLs take them.
  'ipv6-icmp': 'icmpv6',
  ipv4: 'proto-4',
  gre: 'proto-47',
};

/** The protocols with names of their own, by IANA number. */
const BY_NUMBER: Readonly<Record<number, RuleProtocol>> = { 1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'icmpv6' };

/**
 * A firewall rule's protocol as a cloud writes it: a name, an IANA number (where the cloud
 * takes numbers), or the cloud's spelling of "every protocol" (`-1` and `all` on AWS, `all`
 * on GCP, `*` and `any` on Azure). Undefined when it is none of these.
 */
export function ipProtocol(value: unknown, cloud: { all: readonly string[]; numbers: boolean }): RuleProtocol | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).trim().toLowerCase();
  if (cloud.all.includes(s)) return 'all';
  if (BY_NAME[s]) return BY_NAME[s];
  if (cloud.numbers && /^\d{1,3}$/.test(s) && Number(s) <= 255) return BY_NUMBER[Number(s)] ?? `proto-${Number(s)}`;
  return undefined;
}
