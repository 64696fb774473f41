import type { CheckType } from './check-type.js';
import { evaluateFlowPairs, flowParamsSchema } from './required-flow.js';
import type { FlowParams } from './required-flow.js';
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
    // A balancer listener that forwards to a forbidden port exposes it too, whatever port it listens on.
    // A client source is the selector itself; a server source is named, so that a waiver for
    // one server of a role does not cover the others.
    return evaluateFlowPairs(env, params, 'target-port', (pair, fromLabel) => `${pair.source.kind === 'client' ? fromLabel : pair.source.name} -> ${pair.target.name}`, (ctx) => {
      const verdict = forbiddenFlowVerdict(ctx.source, ctx.segments, ctx.target);
      const label = ctx.source.kind === 'client' ? ctx.fromLabel : ctx.source.name;
      const everything = () => (ctx.source.addresses.toCidrs().length <= 3 ? `${label} (${ctx.source.addresses.describe()})` : label);
      const location = verdict.status === 'fail' ? (verdict.allowedBy[0]?.location ?? ctx.target.location) : ctx.target.location;
      return { status: verdict.status, message: () => forbiddenFlowMessage(ctx, verdict, everything()), location };
      // Whether it can get in at all: through any node of a balancer, say.
    }, { exposure: true });
  },
};
