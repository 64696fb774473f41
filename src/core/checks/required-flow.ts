import { DATABASE_DEFAULT_PORTS } from '../model.js';
import type { Environment, FlowProtocol, LoadBalancer, Server, SourceLocation } from '../model.js';
import { PortSet, parsePortSpec } from '../net/ports.js';
import { reachOnPorts } from '../flow/reach.js';
import type { ReachOptions } from '../flow/reach.js';
import { answeringListener, fronting, withBalancerPaths } from '../flow/balancer-paths.js';
import type { ListenerMatch } from '../flow/balancer-paths.js';
import type { FlowSource, SegmentReach } from '../flow/reach.js';
import { forbiddenFlowVerdict, requiredFlowVerdict } from '../flow/verdict.js';
import { requiredFlowMessage } from '../flow/explain.js';
import { unroutable } from '../flow/private-routes.js';
import type { CheckOutcome, CheckType } from './check-type.js';
import { describeDoubt, describeSource, describeTarget, possibleServers, resolveServers, resolveSources, sourceSelectorSchema, targetSelectorSchema } from './endpoint-selector.js';
import type { PossibleServer, SourceSelector, TargetSelector } from './endpoint-selector.js';

export interface FlowParams {
  type: string;
  from: SourceSelector;
  to: TargetSelector;
  protocol?: FlowProtocol;
  /** Ports and ranges, or `database`: each target's database port. */
  ports: Array<number | string> | 'database';
}

export const flowParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'from', 'to', 'ports'],
  properties: {
    type: { type: 'string' },
    from: sourceSelectorSchema,
    to: targetSelectorSchema,
    protocol: { enum: ['tcp', 'udp'] },
    ports: {
      anyOf: [
        { const: 'database' },
        {
          type: 'array',
          minItems: 1,
          items: {
            anyOf: [{ type: 'integer', minimum: 0, maximum: 65535 }, { type: 'string', pattern: '^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$' }],
            'x-hint': 'A port is a whole number from 0 to 65535, or a quoted range of two such numbers ("8000-8080").',
          },
        },
      ],
      'x-hint': 'Write a list of ports and quoted ranges ([443], ["8000-8080"]) or `database` for the target database\'s port.',
    },
  },
};


const listedPorts = new WeakMap<FlowParams, PortSet>();

/** The ports a flow check asks for on one target, or why they are not known. */
export function portsFor(params: FlowParams, target: Server): { ok: true; ports: PortSet } | { ok: false; reason: string; anyPort?: boolean } {
  if (params.ports !== 'database') {
    let set = listedPorts.get(params);
    if (!set) {
      const sets: PortSet[] = [];
      for (const spec of params.ports) {
        const r = parsePortSpec(spec);
        if (r.ok) sets.push(r.value);
      }
      set = PortSet.unionOf(sets);
      listedPorts.set(params, set);
    }
    return { ok: true, ports: set };
  }
  if (target.port !== undefined) return { ok: true, ports: PortSet.of(target.port) };
  const port = target.engine !== undefined ? DATABASE_DEFAULT_PORTS[target.engine] : undefined;
  if (port !== undefined) return { ok: true, ports: PortSet.of(port) };
  // A server whose roles are unknown may turn out a database: then its missing engine is what to say.
  const mayBeDatabase = target.roles.includes('database') || (target.rolesUnknown !== undefined && (target.possibleRoles === undefined || target.possibleRoles.includes('database')));
  return {
    ok: false,
    // A database whose port is not known listens on some port: where every port is open, or none, that decides.
    anyPort: target.engine !== undefined || mayBeDatabase,
    reason: target.engine !== undefined
      ? `database ${target.name} runs engine "${target.engine}", whose port topogate does not know: declare "port"`
      : mayBeDatabase
        ? `database ${target.name} declares neither "engine" (sqlserver | oracle) nor "port", so its port is not known`
        : `ports: database asks for each target's database port, and ${target.name} is not a database (it does not hold role database): list the ports, or select databases with to: { role: database }`,
  };
}

export interface FlowPair {
  source: FlowSource;
  target: Server;
}

/**
 * Past this many (source, target) pairs for one policy in one environment (a role talking
 * to itself across a farm of hundreds is N²), passing pairs are counted in one finding and
 * only the first failing and undecided ones are listed: the run stays bounded in memory
 * and the report readable.
 */
export const MAX_LISTED_PAIRS = 10_000;

interface PairPlan {
  sources: readonly FlowSource[];
  targets: readonly Server[];
  /** Servers that may be sources or targets too (roles or environment unknown until apply), with why. */
  possibleSources: readonly PossibleServer[];
  possibleTargets: readonly PossibleServer[];
  /** Every pair, a server never its own source: known ends, one end in doubt, both in doubt. */
  count: number;
  /** Pairs of a known source and a known target: evaluated and listed one by one (counted past MAX_LISTED_PAIRS). */
  knownCount: number;
  skipped?: CheckOutcome;
}

/** The (source, target) pairs a flow check covers, counted (not built); a server is never its own source. */
export function flowPairs(env: Environment, params: FlowParams): PairPlan {
  const fromLabel = describeSource(params.from);
  const toLabel = describeTarget(params.to);
  const subject = `${fromLabel} -> ${toLabel}`;
  const none = { sources: [], targets: [], possibleSources: [], possibleTargets: [], count: 0, knownCount: 0 };
  const resolved = resolveSources(env, params.from);
  if (!resolved.ok) return { ...none, skipped: { status: 'unknown', subject, message: `Cannot check ${subject}: ${resolved.reason}.`, location: env.location } };
  const targets = resolveServers(env, params.to);
  const possibleTargets = possibleServers(env, params.to);
  if (targets.length === 0 && possibleTargets.length === 0) {
    return { ...none, skipped: { status: 'pass', subject, message: `Nothing to check: no server in "${env.name}" matches ${toLabel}.`, location: env.location } };
  }
  const sources = resolved.sources;
  const possibleSources = possibleServers(env, params.from);
  if (sources.length === 0 && possibleSources.length === 0) {
    return { ...none, skipped: { status: 'pass', subject, message: `Nothing to check: no server in "${env.name}" matches ${fromLabel}.`, location: env.location } };
  }
  // A server is not its own source, unless it stands for several instances (a fleet).
  const knownTargetNames = new Set(targets.filter((t) => t.fleet === undefined).map((t) => t.name));
  const targetNames = new Set([...knownTargetNames, ...possibleTargets.map((t) => t.server.name)]);
  const selfPairs = sources.filter((s) => s.kind !== 'client' && targetNames.has(s.name)).length + possibleSources.filter((s) => targetNames.has(s.server.name)).length;
  const count = (sources.length + possibleSources.length) * (targets.length + possibleTargets.length) - selfPairs;
  const knownCount = sources.length * targets.length - sources.filter((s) => s.kind !== 'client' && knownTargetNames.has(s.name)).length;
  if (count === 0) {
    const only = targets[0] ?? possibleTargets[0].server;
    const verb = targets.length > 0 && sources.length > 0 ? 'matches' : 'may match';
    const matches = fromLabel === toLabel ? `${verb} ${toLabel}` : `${verb} both ${fromLabel} and ${toLabel}`;
    return { sources, targets, possibleSources, possibleTargets, count, knownCount, skipped: { status: 'pass', subject, message: `Nothing to check: only one server (${only.name}) ${matches}, and a server is not its own source.`, location: only.location } };
  }
  return { sources, targets, possibleSources, possibleTargets, count, knownCount };
}

/**
 * A pair's judgement. The message is worded on demand: a farm's passing pairs past
 * MAX_LISTED_PAIRS are only counted, and wording each would cost more than judging it.
 */
export interface PairOutcome extends Omit<CheckOutcome, 'subject' | 'message'> {
  message: () => string;
}

/**
 * A server that may be a source or a target (its roles, or whether it belongs to the
 * environment, are not known until apply), with its pairs summed up: those with a known end
 * are evaluated, those whose other end is in doubt too are only counted.
 */
interface DoubtfulServer {
  server: Server;
  asSource?: PossibleServer;
  asTarget?: PossibleServer;
  /** Pairs evaluated, as source and as target, and how many of them do not pass. */
  sourcePairs: number;
  targetPairs: number;
  notPassing: number;
  /** The first pair that does not pass, else the first pair. */
  first?: { subject: string; outcome: PairOutcome; doubt: string };
}

/** How many other servers in doubt a server in doubt pairs with (those pairs are not evaluated), and a few of their names. */
function uncheckedPartners(d: DoubtfulServer, plan: PairPlan, inBoth: number): { count: number; names: string[] } {
  const count = d.asSource && d.asTarget
    ? plan.possibleSources.length + plan.possibleTargets.length - inBoth - 1
    : d.asTarget ? plan.possibleSources.length : plan.possibleTargets.length;
  const names: string[] = [];
  const seen = new Set<string>([d.server.name]);
  const lists = [...(d.asTarget ? [plan.possibleSources] : []), ...(d.asSource ? [plan.possibleTargets] : [])];
  for (const list of lists) {
    for (const p of list) {
      if (names.length >= 3) break;
      if (seen.has(p.server.name)) continue;
      seen.add(p.server.name);
      names.push(p.server.name);
    }
  }
  return { count, names };
}

/**
 * One finding per server in doubt: a pair the model does not know to exist passes either
 * way when it passes; what would fail, or cannot be decided, is unknown until apply, placed
 * on the server whose tags decide it. Pairs whose both ends are in doubt are not evaluated
 * one by one (every server of a plan may have roles unknown until apply: that is N² pairs
 * for each policy), only counted: the finding is unknown and says so.
 */
function doubtfulOutcomes(
  env: Environment,
  plan: PairPlan,
  subjectOf: (pair: FlowPair, fromLabel: string) => string,
  evaluatePair: (source: FlowSource, target: Server) => PairOutcome,
  fromLabel: string,
  toLabel: string,
): CheckOutcome[] {
  const byServer = new Map<Server, DoubtfulServer>();
  const entry = (server: Server) => {
    let d = byServer.get(server);
    if (!d) byServer.set(server, (d = { server, sourcePairs: 0, targetPairs: 0, notPassing: 0 }));
    return d;
  };
  const record = (d: DoubtfulServer, pair: FlowPair, doubt: string) => {
    const outcome = evaluatePair(pair.source, pair.target);
    if (outcome.status !== 'pass') d.notPassing++;
    if (!d.first || (outcome.status !== 'pass' && d.first.outcome.status === 'pass')) d.first = { subject: subjectOf(pair, fromLabel), outcome, doubt };
  };
  for (const p of plan.possibleTargets) {
    const d = entry(p.server);
    d.asTarget = p;
    for (const source of plan.sources) {
      if (source.kind !== 'client' && source.name === p.server.name) continue;
      d.targetPairs++;
      record(d, { source, target: p.server }, p.doubt);
    }
  }
  for (const p of plan.possibleSources) {
    const d = entry(p.server);
    d.asSource = p;
    for (const target of plan.targets) {
      if (target.name === p.server.name) continue;
      d.sourcePairs++;
      record(d, { source: p.server as FlowSource, target }, p.doubt);
    }
  }
  let inBoth = 0;
  for (const d of byServer.values()) if (d.asSource && d.asTarget) inBoth++;
  const outcomes: CheckOutcome[] = [];
  for (const d of byServer.values()) {
    const unchecked = uncheckedPartners(d, plan, inBoth);
    const pairs = d.sourcePairs + d.targetPairs;
    if (pairs === 0 && unchecked.count === 0) continue;
    if (pairs === 1 && unchecked.count === 0 && d.first) {
      // One pair: its own finding, as any other pair's.
      const { subject, outcome, doubt } = d.first;
      outcomes.push(outcome.status === 'pass' ? { subject, status: 'pass', message: outcome.message(), location: outcome.location } : { subject, status: 'unknown', message: `Cannot decide until apply ${doubt}. If so: ${outcome.message()}`, location: d.server.location });
      continue;
    }
    // Which ends it may be, counting only those with pairs; the doubt names the roles of both.
    const asSource = d.asSource && (d.sourcePairs > 0 || plan.possibleTargets.some((p) => p.server !== d.server)) ? d.asSource : undefined;
    const asTarget = d.asTarget && (d.targetPairs > 0 || plan.possibleSources.some((p) => p.server !== d.server)) ? d.asTarget : undefined;
    const name = d.server.name;
    const subject = asSource && asTarget ? (fromLabel === toLabel ? `${name} <-> ${toLabel}` : `${fromLabel} -> ${name} -> ${toLabel}`) : asSource ? `${name} -> ${toLabel}` : `${fromLabel} -> ${name}`;
    const doubt = asSource && asTarget && asSource.doubt !== asTarget.doubt
      ? describeDoubt(env, d.server, asSource.membership || asTarget.membership, [...new Set([...asSource.roles, ...asTarget.roles])])
      : (asSource ?? asTarget ?? d.asSource ?? d.asTarget)!.doubt;
    if (d.notPassing === 0 && unchecked.count === 0) {
      outcomes.push({ subject, status: 'pass', message: `All ${pairs} pairs of ${name} pass, so it does not matter ${doubt}. The first: ${d.first?.outcome.message()}`, location: d.server.location });
      continue;
    }
    const parts: string[] = [];
    const known = (n: number) => (n === 1 ? 'its one pair with a server known to match' : `its ${n} pairs with servers known to match`);
    if (d.notPassing > 0) parts.push(pairs === 1 ? `${known(1)} would not pass: ${d.first?.outcome.message()}` : `${d.notPassing} of ${known(pairs)} would not pass; the first: ${d.first?.outcome.message()}`);
    else if (pairs > 0) parts.push(`${known(pairs)} ${pairs === 1 ? 'passes' : 'pass'}.`);
    if (unchecked.count > 0) {
      const names = `${unchecked.names.join(', ')}${unchecked.count > unchecked.names.length ? ` and ${unchecked.count - unchecked.names.length} more` : ''}`;
      const one = unchecked.count === 1;
      const them = one ? `its pair with one other server that may match too (${names}) is` : `its pairs with ${unchecked.count} other servers that may match too (${names}) are`;
      const sentence = `${them} not checked: ${one ? 'that server\'s' : 'their'} roles or environment are not known until apply either.`;
      parts.push(parts.length > 0 ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : sentence);
    }
    outcomes.push({ subject, status: 'unknown', message: `Cannot decide until apply ${doubt}. If so: ${parts.join(' ')}`, location: d.server.location });
  }
  return outcomes;
}

function failLocation(target: Server, verdict: ReturnType<typeof requiredFlowVerdict>, ctx: Pick<PairContext, 'balancers' | 'protocol'>): SourceLocation {
  const at = (blocks: ReadonlyArray<{ deniedBy: readonly { location: SourceLocation }[]; layer: { fixLocation?: SourceLocation } }>) => {
    for (const b of blocks) {
      if (b.deniedBy.length > 0) return b.deniedBy[0].location;
      if (b.layer.fixLocation) return b.layer.fixLocation;
    }
    return undefined;
  };
  for (const gap of verdict.gaps) {
    // A balancer's listener that redirects instead of forwarding is where the message's fix goes.
    const answering = gap.paths.length === 0 && ctx.balancers ? answeringListener(fronting(ctx.balancers, target, ctx.protocol), gap.ports) : undefined;
    if (answering) return answering.listener.location;
    // With a balancer in front, the fix the message proposes is on its failing hop: the finding goes there.
    for (const p of gap.paths) {
      const found = at(p.front.status !== 'pass' ? p.front.blocks : p.back.blocks);
      if (found) return found;
    }
    const found = at(gap.blockedAt);
    if (found) return found;
  }
  return target.location;
}

export interface PairContext {
  source: FlowSource;
  target: Server;
  protocol: FlowProtocol;
  ports: PortSet;
  /** Direct reach plus balancer paths, per port segment. */
  segments: SegmentReach[];
  fromLabel: string;
  toLabel: string;
  /** The environment's balancers when the source is a client (it may come in through them). */
  balancers?: readonly LoadBalancer[];
}

/**
 * The shared loop of the flow checks: every (source, target) pair with its ports and
 * reach, balancer paths included for client sources, judged by `judge`.
 */
export function evaluateFlowPairs(
  env: Environment,
  params: FlowParams,
  listenerMatch: ListenerMatch,
  subjectOf: (pair: FlowPair, fromLabel: string) => string,
  judge: (ctx: PairContext) => PairOutcome,
  options: ReachOptions = {},
): CheckOutcome[] {
  const plan = flowPairs(env, params);
  if (plan.skipped) return [plan.skipped];
  const protocol = params.protocol ?? 'tcp';
  const fromLabel = describeSource(params.from);
  const toLabel = describeTarget(params.to);
  const evaluatePair = (source: FlowSource, target: Server): PairOutcome => {
    const ports = portsFor(params, target);
    const undecided: PairOutcome = { status: 'unknown', message: () => `Cannot decide whether ${source.name} reaches ${target.name}: ${ports.ok ? '' : ports.reason}.`, location: target.location };
    if (!ports.ok && !ports.anyPort) return undecided;
    const judged = ports.ok ? ports.ports : PortSet.ALL;
    const direct = reachOnPorts(source, target, protocol, judged, options);
    const segments = source.kind === 'client' ? withBalancerPaths(env, source, target, protocol, direct, listenerMatch, options) : direct;
    const outcome = judge({ source, target, protocol, ports: judged, segments, fromLabel, toLabel, ...(source.kind === 'client' ? { balancers: env.loadBalancers } : {}) });
    if (ports.ok) return outcome;
    // The database's port is not known: every port reached (or none) decides for it too.
    const every = requiredFlowVerdict(source, segments, target).status === 'pass';
    const none = !every && forbiddenFlowVerdict(source, segments).status === 'pass';
    if (!every && !none) return undecided;
    const why = ports.reason.charAt(0).toUpperCase() + ports.reason.slice(1);
    return { ...outcome, message: () => `${why}, but ${every ? 'every port is open' : 'no port is open'} from ${source.name}, so whichever port it is: ${outcome.message()}` };
  };
  const count = plan.knownCount;
  const outcomes: CheckOutcome[] = [];
  const large = count > MAX_LISTED_PAIRS;
  let passes = 0;
  const beyond = { fail: 0, unknown: 0 };
  for (const target of plan.targets) {
    for (const source of plan.sources) {
      const self = source.kind !== 'client' && source.name === target.name;
      if (self && target.fleet === undefined) continue;
      // A fleet with itself: one of its instances reaching another.
      const outcome = evaluatePair(self ? { ...source, name: `another instance of ${source.name}` } : source, target);
      if (large && outcome.status === 'pass') passes++;
      else if (large && outcomes.length >= MAX_LISTED_PAIRS) beyond[outcome.status === 'fail' ? 'fail' : 'unknown']++;
      else outcomes.push({ subject: subjectOf({ source, target }, fromLabel), status: outcome.status, message: outcome.message(), location: outcome.location });
    }
  }
  if (large) {
    const subject = `${fromLabel} -> ${toLabel}`;
    const note = `"${env.name}" has ${count} (source, target) pairs for this policy; past ${MAX_LISTED_PAIRS}, passing pairs are counted rather than listed`;
    if (passes > 0) outcomes.push({ status: 'pass', subject, message: `${passes} of ${count} pairs pass (${note}).`, location: env.location });
    // The subjects do not carry the counts: a waiver of the rest keeps matching as the farm grows.
    if (beyond.fail > 0) outcomes.push({ status: 'fail', subject: `${subject} (failing pairs past the first ${MAX_LISTED_PAIRS})`, message: `${beyond.fail} more pairs fail beyond the ${MAX_LISTED_PAIRS} listed (${note}); fix those listed and run again.`, location: env.location });
    if (beyond.unknown > 0) outcomes.push({ status: 'unknown', subject: `${subject} (undecided pairs past the first ${MAX_LISTED_PAIRS})`, message: `${beyond.unknown} more pairs cannot be decided beyond the ${MAX_LISTED_PAIRS} listed (${note}).`, location: env.location });
  }
  // Servers that may be sources or targets (rarely any): one finding each.
  if (plan.possibleSources.length > 0 || plan.possibleTargets.length > 0) for (const o of doubtfulOutcomes(env, plan, subjectOf, evaluatePair, fromLabel, toLabel)) outcomes.push(o);
  return outcomes;
}

export const requiredFlow: CheckType<FlowParams> = {
  type: 'required-flow',
  description: 'Every address of the source reaches every matching target on every listed port (ingress on the target, egress on the source where the model has egress rules).',
  schema: flowParamsSchema,
  docs: [
    '`from`: `{ client: NAME }`, `{ role: NAME }`, `{ server: NAME }` or `{ cidrs: [...] }`.',
    '`to`: `{ role: NAME }`, `{ server: NAME }` or `{ any: true }`.',
    '`protocol`: `tcp` (default) or `udp`; a rule for `all` covers both, a `udp` rule never covers `tcp`.',
    '`ports`: a list of ports and `"from-to"` ranges, or `database` for each target\'s database port (its `port`, else 1433 for sqlserver and 1521 for oracle; where neither is known, every port open or none still decides).',
    'Coverage is exact: `0.0.0.0/0` is covered only by openings that together cover all of it. One finding per (source, target) pair; a server is not its own source. Where the network rules are unknown the finding is `unknown`, never `pass`.',
    'A client also reaches a target through a load balancer: a listener on the required port that forwards to the target, when the client reaches the listener and the balancer reaches the target on the listener\'s target port (or, for a balancer that keeps client addresses, the client does). The finding names both hops.',
    'Stateless filters (AWS network ACLs) must also let the responses back: from the target to the source on the ephemeral ports 1024-65535, out of the target\'s subnet and into the source\'s. Responses that get back on only part of that range make the finding `unknown` (it depends on the port the client picks).',
  ].join('\n\n'),
  check(env, params) {
    // Clients may come in through a balancer: a listener on the required port counts.
    return evaluateFlowPairs(env, params, 'listener-port', (pair) => `${pair.source.name} -> ${pair.target.name}`, (ctx) => {
      const verdict = requiredFlowVerdict(ctx.source, ctx.segments, ctx.target);
      // What the firewalls allow, between networks nothing routes between, does not arrive.
      const apart = verdict.status === 'pass' ? unroutable(ctx.source, ctx.target) : undefined;
      if (apart) {
        return { status: 'unknown', message: () => `Cannot decide whether ${ctx.source.name} reaches ${ctx.target.name}: ${apart.why}. The network rules alone would let it through: ${requiredFlowMessage(ctx, verdict)}`, location: ctx.target.location };
      }
      const location = verdict.status === 'pass' ? (verdict.allowedBy[0]?.location ?? ctx.target.location) : verdict.status === 'fail' ? failLocation(ctx.target, verdict, ctx) : ctx.target.location;
      return { status: verdict.status, message: () => requiredFlowMessage(ctx, verdict), location };
      // A connection needs its responses: through stateless filters they are checked too.
    }, { responses: true });
  },
};
