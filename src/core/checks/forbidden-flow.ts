import type { CheckOutcome, CheckType } from './check-type.js';
import { describeSource, describeTarget } from './endpoint-selector.js';
import { flowPairs, flowParamsSchema, portsFor } from './required-flow.js';
import type { FlowParams } from './required-flow.js';
import { reachOnPorts } from '../flow/reach.js';
import { withBalancerPaths } from '../flow/balancer-paths.js';
import { forbiddenFlowVerdict } from '../flow/verdict.js';
import { forbiddenFlowMessage } from '../flow/explain.js';

export const forbiddenFlow: CheckType<FlowParams> = {
  type: 'forbidden-flow',
  description: 'No address of the source reaches a matching target on any listed port.',
  schema: flowParamsSchema,
  docs: [
    'Same parameters as `required-flow`. The finding fails when some address of `from` certainly gets through on some port, naming the addresses and the rules that let them in; it is `unknown` when some may.',
    'The built-in client `internet` is the public address space: `0.0.0.0/0` and `::/0` without the private and special-purpose ranges (RFC 1918, RFC 6598, loopback, link-local, unique-local, multicast), so a rule from the controller\'s private address is not "open to the internet" but a rule from `0.0.0.0/0` is.',
  ].join('\n\n'),
  check(env, params) {
    const { pairs, skipped } = flowPairs(env, params);
    if (skipped) return [skipped];
    const protocol = params.protocol ?? 'tcp';
    const fromLabel = describeSource(params.from);
    const toLabel = describeTarget(params.to);
    const subjectOf = (target: string) => `${fromLabel} -> ${target}`;
    return pairs.map(({ source, target }): CheckOutcome => {
      const ports = portsFor(params, target);
      if (!ports.ok) return { status: 'unknown', subject: subjectOf(target.name), message: `Cannot decide: ${ports.reason}.`, location: target.location };
      const direct = reachOnPorts(source, target, protocol, ports.ports);
      // A balancer listener that forwards to a forbidden port exposes it too, whatever port it listens on.
      const segments = source.kind === 'client' ? withBalancerPaths(env, source, target, protocol, direct, 'target-port') : direct;
      const verdict = forbiddenFlowVerdict(source, segments);
      const blocks = source.addresses.toCidrs().length;
      const everything = blocks <= 3 ? `${fromLabel} (${source.addresses.describe()})` : fromLabel;
      const message = forbiddenFlowMessage({ source, target, protocol, ports: ports.ports, fromLabel, toLabel }, verdict, everything);
      const location = verdict.status === 'fail' ? (verdict.allowedBy[0]?.location ?? target.location) : target.location;
      return { status: verdict.status, subject: subjectOf(target.name), message, location };
    });
  },
};
