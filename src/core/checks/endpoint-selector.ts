import type { Client, Environment, Server } from '../model.js';
import { AddressSet, parseCidr } from '../net/cidr.js';
import type { FlowSource } from '../flow/reach.js';

/** How a check names the two ends of a flow. */
export type SourceSelector = { client: string } | { role: string } | { server: string } | { cidrs: string[] };
export type TargetSelector = { role: string } | { server: string } | { any: true };

const name = { type: 'string', minLength: 1, maxLength: 200 };

export const sourceSelectorSchema = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    client: name,
    role: name,
    server: name,
    cidrs: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
  },
  'x-hint': 'Write one of { client: NAME }, { role: NAME }, { server: NAME } or { cidrs: [CIDR, ...] }.',
};

export const targetSelectorSchema = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: { role: name, server: name, any: { const: true } },
  'x-hint': 'Write one of { role: NAME }, { server: NAME } or { any: true }.',
};

export function describeSource(sel: SourceSelector): string {
  if ('client' in sel) return sel.client;
  if ('role' in sel) return `role:${sel.role}`;
  if ('server' in sel) return sel.server;
  return sel.cidrs.join(', ');
}

export function describeTarget(sel: TargetSelector): string {
  if ('role' in sel) return `role:${sel.role}`;
  if ('server' in sel) return sel.server;
  return 'any server';
}

export type ResolvedSources = { ok: true; sources: FlowSource[] } | { ok: false; reason: string };

const clientSources = new WeakMap<Client, FlowSource>();

/** One source object per client, so what the flow engine caches per source is reused. */
function clientSource(client: Client): FlowSource {
  let source = clientSources.get(client);
  if (!source) {
    source = { name: client.name, kind: 'client', addresses: client.addresses, addressesExact: true, identities: [], egress: [] };
    clientSources.set(client, source);
  }
  return source;
}

/** The concrete sources a selector names in one environment. */
export function resolveSources(env: Environment, sel: SourceSelector): ResolvedSources {
  if ('client' in sel) {
    const client = env.clients.get(sel.client);
    if (!client) {
      return { ok: false, reason: `environment "${env.name}" declares no client "${sel.client}": add it under "clients:" with its CIDRs` };
    }
    return { ok: true, sources: [clientSource(client)] };
  }
  if ('cidrs' in sel) {
    const parsed = sel.cidrs.map((c) => parseCidr(c));
    const values = parsed.flatMap((p) => (p.ok ? [p.value] : []));
    return { ok: true, sources: [{ name: sel.cidrs.join(', '), kind: 'client', addresses: AddressSet.fromParsed(values), addressesExact: true, identities: [], egress: [] }] };
  }
  return { ok: true, sources: resolveServers(env, 'role' in sel ? { role: sel.role } : { server: sel.server }) };
}

const byRole = new WeakMap<Environment, Map<string, Server[]>>();

/** The servers a selector names; by role from an index built once per environment. */
export function resolveServers(env: Environment, sel: TargetSelector): Server[] {
  if ('any' in sel) return [...env.servers];
  if ('role' in sel) {
    let index = byRole.get(env);
    if (!index) {
      index = new Map();
      for (const s of env.servers) for (const r of new Set(s.roles)) index.set(r, [...(index.get(r) ?? []), s]);
      byRole.set(env, index);
    }
    return index.get(sel.role) ?? [];
  }
  return env.servers.filter((s) => s.name === sel.server);
}

/**
 * A server a selector may select, though the model does not know that it does: its roles, or
 * whether it belongs to the environment, are not known until apply. `doubt` says what is not
 * known and why: `whether aws_instance.ctl holds role controller (tags.topogate-role of
 * aws_instance.ctl is not known until apply)`.
 */
export interface PossibleServer {
  server: Server;
  doubt: string;
}

const rolesUnknownOf = new WeakMap<Environment, readonly Server[]>();

/** The servers of an environment whose roles are not all known, found once per environment. */
function withRolesUnknown(env: Environment): readonly Server[] {
  let list = rolesUnknownOf.get(env);
  if (!list) rolesUnknownOf.set(env, (list = env.servers.filter((s) => s.rolesUnknown !== undefined)));
  return list;
}

/** Why `s` may be selected by `roles` (any role when absent) in `env` without being known to be; undefined when it is not. */
function doubtOf(env: Environment, s: Server, roles: readonly string[] | undefined): string | undefined {
  const holds = roles === undefined || s.roles.some((r) => roles.includes(r));
  if (!holds && s.rolesUnknown === undefined) return undefined;
  const what: string[] = [];
  const why: string[] = [];
  if (s.membershipUnknown !== undefined) {
    what.push(`belongs to "${env.name}"`);
    why.push(s.membershipUnknown);
  }
  if (!holds && roles !== undefined && s.rolesUnknown !== undefined) {
    what.push(`holds role ${roles.join(' or ')}`);
    if (!why.includes(s.rolesUnknown)) why.push(s.rolesUnknown);
  }
  if (what.length === 0) return undefined;
  return `whether ${s.name} ${what.join(' and ')} (${why.join('; ')})`;
}

/**
 * The servers a selector may also name, beyond `resolveServers`: servers whose roles are not
 * known until apply (for a role), and servers that may belong to the environment.
 */
export function possibleServers(env: Environment, sel: TargetSelector | SourceSelector | { roles?: readonly string[] }): PossibleServer[] {
  if ('client' in sel || 'cidrs' in sel) return [];
  const out: PossibleServer[] = [];
  const add = (s: Server, roles: readonly string[] | undefined) => {
    const doubt = doubtOf(env, s, roles);
    if (doubt !== undefined) out.push({ server: s, doubt });
  };
  const maybe = env.possibleServers ?? [];
  if ('server' in sel) {
    for (const s of maybe) if (s.name === sel.server) add(s, undefined);
  } else if ('role' in sel || ('roles' in sel && sel.roles !== undefined)) {
    const roles = 'role' in sel ? [sel.role] : (sel.roles as readonly string[]);
    for (const s of withRolesUnknown(env)) add(s, roles);
    for (const s of maybe) add(s, roles);
  } else {
    for (const s of maybe) add(s, undefined);
  }
  return out;
}
