import type { Environment, Server, SourceLocation } from '../model.js';
import type { CheckOutcome, CheckType } from './check-type.js';

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
  const scope = params.roles ? `servers with role ${params.roles.join(' or ')}` : 'servers';
  const subject = env.name;
  if (servers.length === 0) return [{ status: 'pass', subject, message: `Nothing to check: no ${scope} in "${env.name}".`, location: env.location }];
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
  return [{ status: 'pass', subject, message: `All ${servers.length} ${scope} of "${env.name}" run under ${attribute} ${ranked[0][0]}.`, location: env.location }];
}

export const sameProvider: CheckType<PlacementParams> = {
  type: 'same-provider',
  description: 'All servers of the environment (optionally only those of the given roles) run under one provider.',
  schema: placementSchema,
  docs: '`roles` (optional): only servers holding one of these roles. The finding names each provider with its servers and sits on the first server whose provider differs from the most common one. A server whose provider is not known makes the finding `unknown`.',
  check: (env, params) => sameAttribute(env, params, 'provider', (s) => s.providerLocation ?? s.location),
};
