import type { Environment, Server, SourceLocation } from '../model.js';
import type { CheckOutcome, CheckType } from './check-type.js';
import { possibleServers } from './endpoint-selector.js';

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

function serversOf(env: Environment, roles: string[] | undefined): Server[] {
  return roles ? env.servers.filter((s) => s.roles.some((r) => roles.includes(r))) : [...env.servers];
}

function list(names: string[], max = 8): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
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
    else groups.set(value, [...(groups.get(value) ?? []), s]);
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
  const odd = possible.filter((p) => p.server[attribute] === undefined || p.server[attribute] !== value);
  if (odd.length > 0) {
    const runs = (s: Server) => (s[attribute] === undefined ? `no ${attribute} is known for ${s.name}` : `${s.name} runs under ${s[attribute]}`);
    const same = possible.filter((p) => !odd.includes(p)).map((p) => p.server.name);
    const others = servers.length > 0 ? `, while the other ${scope} run under ${value}` : same.length > 0 ? `, while ${list(same)} ${same.length === 1 ? 'runs' : 'run'} under ${value}` : '';
    return [{
      status: 'unknown',
      subject,
      message: `Cannot decide until apply ${odd.map((p) => p.doubt).join(' and ')}. If so: ${odd.map((p) => runs(p.server)).join('; ')}${others}.`,
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
