import type { Environment, Server, SourceLocation } from '../model.js';
import type { CheckOutcome, CheckType } from './check-type.js';
import { holdsRole, possibleServers } from './endpoint-selector.js';
import type { PossibleServer } from './endpoint-selector.js';
import { nameList } from '../report/name-list.js';

export interface PlacementParams {
  type: string;
  /** Only servers holding one of these roles; all servers when absent. */
  roles?: string[];
}

export const placementSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: { type: 'string' },
    roles: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
  },
};

/** The servers known to be selected: of the environment for certain, holding one of `roles` for certain. */
function serversOf(env: Environment, roles: string[] | undefined): Server[] {
  return roles ? env.servers.filter((s) => roles.some((r) => holdsRole(s, r))) : [...env.servers];
}

/** At most this many names in a message; the rest are counted. */
const LISTED_NAMES = 8;
/** At most this many doubts (each naming a server and an attribute) in a message. */
const LISTED_DOUBTS = 3;

const list = (names: readonly string[]) => nameList(names, { max: LISTED_NAMES, last: ', ' });

/** What the servers that may be selected would add, value by value: `a, b and 3 more run under azure; c runs under gcp`. */
function oddRuns(odd: readonly PossibleServer[], attribute: 'provider' | 'region'): string {
  const byValue = new Map<string | undefined, string[]>();
  for (const p of odd) {
    const value = p.server[attribute];
    const names = byValue.get(value);
    if (names) names.push(p.server.name);
    else byValue.set(value, [p.server.name]);
  }
  return [...byValue.entries()]
    .map(([value, names]) => (value === undefined ? `no ${attribute} is known for ${nameList(names, { max: LISTED_NAMES })}` : `${nameList(names, { max: LISTED_NAMES })} ${names.length === 1 ? 'runs' : 'run'} under ${value}`))
    .join('; ');
}

/**
 * All selected servers share one value of an attribute (provider, region). One finding
 * per environment, naming each value with its servers, placed on the first server that
 * differs from the most common value.
 */
export function sameAttribute(
  env: Environment,
  params: PlacementParams,
  attribute: 'provider' | 'region',
  locationOf: (s: Server) => SourceLocation,
): CheckOutcome[] {
  const servers = serversOf(env, params.roles);
  // Servers that may be among them: roles or environment not known until apply.
  const possible = possibleServers(env, { roles: params.roles });
  const scope = params.roles ? `servers with role ${params.roles.join(' or ')}` : 'servers';
  const subject = env.name;
  if (servers.length === 0 && possible.length === 0) return [{ status: 'pass', subject, message: `Nothing to check: no ${scope} in "${env.name}".`, location: env.location }];
  const groups = new Map<string, Server[]>();
  const missing: Server[] = [];
  for (const s of servers) {
    const value = s[attribute];
    if (value === undefined) missing.push(s);
    else {
      const group = groups.get(value);
      if (group) group.push(s);
      else groups.set(value, [s]);
    }
  }
  const ranked = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] === env[attribute] ? -1 : b[0] === env[attribute] ? 1 : a[0] < b[0] ? -1 : 1));
  const describe = () => ranked.map(([value, ss]) => `${value} (${list(ss.map((s) => s.name))})`).join('; ');
  if (ranked.length > 1) {
    const odd = ranked[1][1][0];
    return [{
      status: 'fail',
      subject,
      message: `The ${scope} of "${env.name}" run under ${ranked.length} ${attribute}s: ${describe()}. Move them under one ${attribute}${attribute === 'provider' ? ' so that traffic between them stays on one network' : ''}.`,
      location: locationOf(odd),
    }];
  }
  if (missing.length > 0) {
    return [{
      status: 'unknown',
      subject,
      message: `Cannot decide: no ${attribute} is known for ${list(missing.map((s) => s.name))}${ranked.length === 1 ? ` (the others run under ${ranked[0][0]})` : ''}. Set "${attribute}" on the environment or on these servers.`,
      location: missing[0].location,
    }];
  }
  // One value among the servers known to be selected (or none of them): those that may be selected too must share it.
  const value = ranked[0]?.[0] ?? possible.find((p) => p.server[attribute] !== undefined)?.server[attribute];
  const odd: PossibleServer[] = [];
  const same: string[] = [];
  for (const p of possible) {
    if (p.server[attribute] === undefined || p.server[attribute] !== value) odd.push(p);
    else same.push(p.server.name);
  }
  if (odd.length > 0) {
    const others = servers.length > 0 ? `, while the other ${scope} run under ${value}` : same.length > 0 ? `, while ${list(same)} ${same.length === 1 ? 'runs' : 'run'} under ${value}` : '';
    const doubts = odd.slice(0, LISTED_DOUBTS).map((p) => p.doubt).join(' and ');
    const more = odd.length > LISTED_DOUBTS ? `, and the same of ${odd.length - LISTED_DOUBTS} more servers` : '';
    return [{
      status: 'unknown',
      subject,
      message: `Cannot decide until apply ${doubts}${more}. If so: ${oddRuns(odd, attribute)}${others}.`,
      location: locationOf(odd[0].server),
    }];
  }
  if (servers.length === 0) {
    const names = possible.map((p) => p.server.name);
    return [{ status: 'pass', subject, message: `None of the ${scope} of "${env.name}" is known for certain; ${list(names)}, which may be among them, ${names.length === 1 ? 'runs' : 'run'} under ${attribute} ${value}.`, location: env.location }];
  }
  const maybe = possible.length > 0 ? ` (so ${possible.length === 1 ? 'does' : 'do'} ${list(possible.map((p) => p.server.name))}, which may be among them)` : '';
  return [{ status: 'pass', subject, message: `All ${servers.length} ${scope} of "${env.name}" run under ${attribute} ${ranked[0][0]}${maybe}.`, location: env.location }];
}

export const sameProvider: CheckType<PlacementParams> = {
  type: 'same-provider',
  description: 'All servers of the environment (optionally only those of the given roles) run under one provider.',
  schema: placementSchema,
  docs: '`roles` (optional): only servers holding one of these roles. The finding names each provider with its servers and sits on the first server whose provider differs from the most common one. A server whose provider is not known makes the finding `unknown`.',
  check: (env, params) => sameAttribute(env, params, 'provider', (s) => s.providerLocation ?? s.location),
};
