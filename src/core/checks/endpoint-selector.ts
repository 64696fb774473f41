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

/** Whether a server holds a role for certain: among its roles, and not in doubt until apply. */
export function holdsRole(s: Server, role: string): boolean {
  return s.roles.includes(role) && s.roleDoubts?.[role] === undefined;
}

/** The servers a selector names; by role from an index built once per environment. */
export function resolveServers(env: Environment, sel: TargetSelector): Server[] {
  if ('any' in sel) return [...env.servers];
  if ('role' in sel) {
    let index = byRole.get(env);
    if (!index) {
      index = new Map();
      for (const s of env.servers) {
        for (const r of new Set(s.roles)) {
          if (!holdsRole(s, r)) continue;
          const list = index.get(r);
          if (list) list.push(s);
          else index.set(r, [s]);
        }
      }
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
  /** Whether it belongs to the environment is not known. */
  membership: boolean;
  /** The selected roles it may hold, not known to (empty: it holds one for certain, or any server is selected). */
  roles: readonly string[];
  doubt: string;
}

/** Why `s` may hold `role` though the model does not know it to; undefined when it cannot, or holds it for certain. */
export function roleDoubt(s: Server, role: string): string | undefined {
  const doubt = s.roleDoubts?.[role];
  if (doubt !== undefined) return doubt;
  if (s.roles.includes(role) || s.rolesUnknown === undefined) return undefined;
  return s.possibleRoles === undefined || s.possibleRoles.includes(role) ? s.rolesUnknown : undefined;
}

/** Whether a server may hold some role beyond those it holds for certain. */
export const mayGainRoles = (s: Server): boolean => s.rolesUnknown !== undefined || s.roleDoubts !== undefined;

const rolesUnknownOf = new WeakMap<Environment, readonly Server[]>();

/** The servers of an environment whose roles are not all known, found once per environment. */
function withRolesUnknown(env: Environment): readonly Server[] {
  let list = rolesUnknownOf.get(env);
  if (!list) rolesUnknownOf.set(env, (list = env.servers.filter(mayGainRoles)));
  return list;
}

/**
 * What is not known about `s` in words: `whether aws_instance.ctl belongs to "prod" and holds
 * role front-end or controller (tags of aws_instance.ctl are not known until apply)`.
 */
export function describeDoubt(env: Environment, s: Server, membership: boolean, roles: readonly string[]): string {
  const what: string[] = [];
  const why: string[] = [];
  if (membership && s.membershipUnknown !== undefined) {
    what.push(`belongs to "${env.name}"`);
    why.push(s.membershipUnknown);
  }
  if (roles.length > 0) {
    what.push(`holds role ${roles.join(' or ')}`);
    for (const r of roles) {
      const reason = roleDoubt(s, r);
      if (reason !== undefined && !why.includes(reason)) why.push(reason);
    }
  }
  return `whether ${s.name} ${what.join(' and ')} (${why.join('; ')})`;
}

/** `s` as a possible server of a selector naming `roles` (any server when absent) in `env`; undefined when it is selected for certain, or cannot be. */
function possibleOf(env: Environment, s: Server, roles: readonly string[] | undefined): PossibleServer | undefined {
  const holds = roles === undefined || roles.some((r) => holdsRole(s, r));
  const mayHold = holds ? [] : roles.filter((r) => roleDoubt(s, r) !== undefined);
  if (!holds && mayHold.length === 0) return undefined;
  const membership = s.membershipUnknown !== undefined;
  if (!membership && mayHold.length === 0) return undefined;
  return { server: s, membership, roles: mayHold, doubt: describeDoubt(env, s, membership, mayHold) };
}

/**
 * The servers a selector may also name, beyond `resolveServers`: servers whose roles are not
 * known until apply (for a role), and servers that may belong to the environment.
 */
export function possibleServers(env: Environment, sel: TargetSelector | SourceSelector | { roles?: readonly string[] }): PossibleServer[] {
  if ('client' in sel || 'cidrs' in sel) return [];
  const out: PossibleServer[] = [];
  const add = (s: Server, roles: readonly string[] | undefined) => {
    const p = possibleOf(env, s, roles);
    if (p !== undefined) out.push(p);
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
