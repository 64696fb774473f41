import type { InputProblem } from '../errors.js';
import type { Environment, SourceLocation } from '../model.js';
import { editDistance } from '../input/closest-word.js';

/**
 * The clients, roles and servers a policy names, checked against what the loaded inputs
 * define. A misspelt name does not fail a check: a client no environment declares makes
 * every finding unknown, and a role no server holds leaves nothing to check, so the gate
 * passes. These problems say so before anything is evaluated.
 */

export interface PolicyName {
  kind: 'client' | 'role' | 'server';
  name: string;
  /** Where the policy file writes it. */
  location: SourceLocation;
}

type Path = ReadonlyArray<string | number>;

/** The names in a validated `check:` mapping: the ends of a flow, and a placement check's roles. */
export function namesInCheck(check: Record<string, unknown>, at: (path: Path) => SourceLocation): PolicyName[] {
  const names: PolicyName[] = [];
  for (const end of ['from', 'to'] as const) {
    const sel = check[end];
    if (sel === null || typeof sel !== 'object') continue;
    for (const kind of ['client', 'role', 'server'] as const) {
      const name = (sel as Record<string, unknown>)[kind];
      if (typeof name === 'string') names.push({ kind, name, location: at(['check', end, kind]) });
    }
  }
  if (Array.isArray(check.roles)) {
    check.roles.forEach((name, i) => {
      if (typeof name === 'string') names.push({ kind: 'role', name, location: at(['check', 'roles', i]) });
    });
  }
  return names;
}

/** The roles topogate gives servers by itself (and the built-in pack names): never a typo. */
export const MODEL_ROLES: readonly string[] = ['controller', 'front-end', 'database', 'cache-invalidation'];

/** What the environments define, to look names up in. */
interface Known {
  clients: Set<string>;
  roles: Set<string>;
  /** A server whose roles are not known until apply may hold any role. */
  anyRole: boolean;
  servers: Set<string>;
  balancers: Set<string>;
}

function known(environments: readonly Environment[], defaultClients: Iterable<string>): Known {
  const k: Known = { clients: new Set(defaultClients), roles: new Set(), anyRole: false, servers: new Set(), balancers: new Set() };
  for (const env of environments) {
    for (const name of env.clients.keys()) k.clients.add(name);
    for (const s of [...env.servers, ...(env.possibleServers ?? [])]) {
      k.servers.add(s.name);
      for (const r of s.roles) k.roles.add(r);
      if (s.rolesUnknown !== undefined) {
        if (s.possibleRoles) for (const r of s.possibleRoles) k.roles.add(r);
        else k.anyRole = true;
      }
    }
    for (const lb of env.loadBalancers) k.balancers.add(lb.name);
  }
  return k;
}

/** A name without case and separators: what a slip of it keeps. */
export const normalName = (s: string) => s.toLowerCase().replace(/[-_.\s]/g, '');

const numbers = (s: string) => (s.match(/\d+/g) ?? []).join(',');

/**
 * The known name a written one is a slip of: the same but for case and separators, or
 * one letter off (added, dropped, changed, or two swapped) in a name of three or more,
 * with the same numbers (`fe-3` is a server of its own, not a slip for `fe-1`). Stricter
 * than "did you mean": a role no server holds is often meant (a shared pack names roles
 * some repositories lack), so only a near miss is taken for a typo.
 */
export function nearMiss(word: string, candidates: Iterable<string>): string | undefined {
  const w = normalName(word);
  let best: string | undefined;
  for (const c of candidates) {
    const n = normalName(c);
    if (n === w) return c;
    if (best === undefined && Math.min(w.length, n.length) >= 3 && numbers(w) === numbers(n) && editDistance(w, n, 1) <= 1) best = c;
  }
  return best;
}

const sorted = (s: Iterable<string>) => [...s].sort();

/**
 * Problems with the names `policies` use, given the environments built from the inputs.
 * A client no pack and no environment declares can never be checked: always a problem. A
 * role or server nothing holds is one only when it nearly matches one that exists.
 */
export function policyNameProblems(policies: ReadonlyArray<{ id: string; names?: readonly PolicyName[] }>, environments: readonly Environment[], defaultClients: Iterable<string>): InputProblem[] {
  const k = known(environments, defaultClients);
  const problems: InputProblem[] = [];
  const roles = new Set([...k.roles, ...MODEL_ROLES]);
  const off = (id: string, what: string) => `If the pack means a ${what} this repository does not have, turn ${id} off with an override (overrides: [{ policy: ${id}, severity: off, reason: ... }] in a topology file).`;
  /** What a name is where it is not what the policy says: a role written as a server, say. */
  const otherKind = (n: PolicyName): string | undefined => {
    const kinds: Array<[PolicyName['kind'] | 'load balancer', boolean]> = [
      ['server', k.servers.has(n.name)],
      ['client', k.clients.has(n.name)],
      ['role', roles.has(n.name)],
      ['load balancer', k.balancers.has(n.name)],
    ];
    return kinds.find(([kind, is]) => is && kind !== n.kind)?.[0];
  };
  for (const p of policies) {
    for (const n of p.names ?? []) {
      const held = n.kind === 'client' ? k.clients.has(n.name) : n.kind === 'role' ? roles.has(n.name) || k.anyRole : k.servers.has(n.name);
      if (held) continue;
      const other = otherKind(n);
      if (other) {
        const fix =
          other === 'load balancer'
            ? 'A policy selects servers and clients; a flow through a balancer is checked from the client to the servers behind it.'
            : `Write { ${other}: ${n.name} }${other === 'client' ? ' (a client can only be a source, in from)' : ''}.`;
        problems.push({ ...n.location, message: `policy ${p.id} names ${n.kind} "${n.name}", but "${n.name}" is a ${other} here, so the policy would not check what it means. ${fix} ${off(p.id, n.kind)}` });
      } else if (n.kind === 'client') {
        const s = nearMiss(n.name, k.clients);
        problems.push({
          ...n.location,
          message: `policy ${p.id} names client "${n.name}", which no loaded pack (pack.yaml clients:) and no topology environment (clients:) declares, so it can never be checked.${s ? ` Did you mean "${s}"?` : ` Known clients: ${sorted(k.clients).join(', ')}.`} Otherwise declare "${n.name}" with its CIDRs in the pack's pack.yaml or in the topology. ${off(p.id, 'client')}`,
        });
      } else {
        // A role or server nothing holds: a problem only for a near miss (a shared pack may name ones this repository lacks).
        const s = nearMiss(n.name, n.kind === 'role' ? roles : k.servers);
        const what = n.kind === 'role' ? 'which no server holds' : 'which no environment has';
        if (s) problems.push({ ...n.location, message: `policy ${p.id} names ${n.kind} "${n.name}", ${what}, so the policy checks nothing; did you mean "${s}"? ${off(p.id, n.kind)}` });
      }
    }
  }
  // The other way round: a server's role that no policy names but that nearly matches one
  // that a policy does (`controler`, `Controller`) leaves that policy checking nothing.
  const named = new Set<string>(MODEL_ROLES);
  for (const p of policies) for (const n of p.names ?? []) if (n.kind === 'role') named.add(n.name);
  const said = new Set<string>();
  for (const env of environments) {
    for (const server of env.servers) {
      for (const role of server.roles) {
        if (named.has(role)) continue;
        const meant = nearMiss(role, named);
        // A policy's name held by no server is reported from the policy's side (above), once.
        if (meant === undefined || meant === role || (!roles.has(meant) && !k.anyRole)) continue;
        const key = `${role}\0${server.location.file}:${server.location.line}`;
        if (said.has(key)) continue;
        said.add(key);
        problems.push({ ...server.location, message: `server ${server.name} holds role "${role}", which no policy names, so the policies about role "${meant}" do not check it; did you mean "${meant}"? Role names are exact (case too). If "${role}" is a role of its own, give it a name that does not read like "${meant}".` });
      }
    }
  }
  // Likewise a client a topology declares that no policy names but that nearly matches one a
  // policy does (`partner` for the pack's `partners`): the policy checks the pack's default
  // range, and the openings from the declared client go unchecked.
  const namedClients = new Set<string>();
  for (const p of policies) for (const n of p.names ?? []) if (n.kind === 'client') namedClients.add(n.name);
  for (const env of environments) {
    for (const client of env.clients.values()) {
      if (!client.location || client.defaultedBy !== undefined || namedClients.has(client.name)) continue;
      const meant = nearMiss(client.name, namedClients);
      // A policy's client that nothing declares is reported from the policy's side (above), once.
      if (meant === undefined || meant === client.name || !k.clients.has(meant)) continue;
      const key = `client\0${client.name}\0${client.location.file}:${client.location.line}`;
      if (said.has(key)) continue;
      said.add(key);
      problems.push({ ...client.location, message: `environment "${env.name}" declares client "${client.name}", which no policy names, so the policies about client "${meant}" check ${env.clients.get(meant)?.location ? 'the other declaration' : 'its default range'} and not this one; did you mean "${meant}"? Client names are exact (case too). If "${client.name}" is a client of its own, give it a name that does not read like "${meant}".` });
    }
  }
  return problems;
}
