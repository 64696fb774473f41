import { describe, expect, it } from 'vitest';
import { ipProtocol } from '../src/core/terraform/ip-protocol.js';

const AWS = { all: ['-1', 'all'], numbers: true };
const GCP = { all: ['all'], numbers: true };
const AZURE = { all: ['*', 'any'], numbers: false };

describe('ipProtocol: each cloud\'s spelling of a rule protocol', () => {
  it.each([
    [AWS, '-1', 'all'], [AWS, 'ALL', 'all'], [AWS, '6', 'tcp'], [AWS, 17, 'udp'], [AWS, 'icmpv6', 'icmpv6'], [AWS, '58', 'icmpv6'], [AWS, '47', 'proto-47'],
    [GCP, 'all', 'all'], [GCP, 'esp', 'proto-50'], [GCP, 'sctp', 'proto-132'], [GCP, '-1', undefined],
    [AZURE, '*', 'all'], [AZURE, 'Tcp', 'tcp'], [AZURE, 'Ah', 'proto-51'], [AZURE, '6', undefined],
    [AWS, '256', undefined], [AWS, 'bogus', undefined], [AWS, 'gre', 'proto-47'], [AWS, 'ipv6-icmp', 'icmpv6'], [AWS, null, undefined], [AZURE, {}, undefined],
  ] as const)('%o %j -> %s', (cloud, value, expected) => {
    expect(ipProtocol(value, cloud)).toBe(expected);
  });
});
