import { ProblemList } from '../errors.js';
import type { SourceLocation } from '../model.js';
import { parseCidr } from '../net/cidr.js';
import { parsePortSpec } from '../net/ports.js';
import { parseYaml } from '../input/located-yaml.js';
import { INTERNET_IS_BUILT_IN, checkAddress } from '../input/address-value.js';
import type { LocatedYaml, Path } from '../input/located-yaml.js';
import { closest } from '../input/closest-word.js';
import { precompiledValidator, validateLocated } from '../input/schema-validation.js';
import { VALIDATOR_NAMES } from '../input/validator-names.js';

/** A topology file as written (version 1), checked against its schema and for meaning. */

export interface RawServer {
  name: string;
  roles: string[];
  addresses?: string[];
  engine?: 'sqlserver' | 'oracle';
  port?: number;
  provider?: string;
  region?: string;
}

export interface RawListener {
  port: number;
  protocol?: 'tcp' | 'udp';
  to: string;
  'target-port'?: number;
}

export interface RawLoadBalancer {
  name: string;
  addresses?: string[];
  provider?: string;
  region?: string;
  'preserve-client-address'?: boolean;
  listeners: RawListener[];
}

export interface RawOpening {
  from: string | string[];
  to: string | string[];
  protocol?: 'tcp' | 'udp' | 'all';
  ports?: Array<number | string>;
  description?: string;
}

export interface RawSelector {
  type?: string;
  address?: string;
  tags?: Record<string, string>;
  role: string | string[];
}

export interface RawEnvironment {
  name: string;
  provider?: string;
  region?: string;
  clients?: Record<string, string[]>;
  servers?: RawServer[];
  'load-balancers'?: RawLoadBalancer[];
  firewall?: RawOpening[];
  terraform?: { plans?: string[]; select?: RawSelector[] };
}

export interface Waiver {
  policy: string;
  environment: string;
  subject?: string;
  reason: string;
  expires: string;
  location: SourceLocation;
  /** Where its policy, environment and subject are written, for messages about them. */
  at?: { policy: SourceLocation; environment: SourceLocation; subject?: SourceLocation };
}

export interface Override {
  policy: string;
  severity?: 'error' | 'warning' | 'notice' | 'off';
  reason: string;
  location: SourceLocation;
  /** Where its policy is written. */
  policyAt?: SourceLocation;
}

/** A role a topology names that no topology server holds: its plans may give it (checked after they are read). */
export interface PendingRole {
  environment: string;
  role: string;
  location: SourceLocation;
}

export interface TopologyFile {
  file: string;
  doc: LocatedYaml;
  environments: Array<{ raw: RawEnvironment; path: Path; location: SourceLocation }>;
  waivers: Waiver[];
  overrides: Override[];
  /** Role references of environments with `terraform.plans`, to check once plan servers are known. */
  pendingRoles: PendingRole[];
}

const validateTopology = precompiledValidator(VALIDATOR_NAMES.topology);

const KINDS: Record<string, string> = {
  environments: 'environment',
  servers: 'server',
  'load-balancers': 'load balancer',
  listeners: 'listener',
  firewall: 'opening',
  select: 'selector',
  waivers: 'waiver',
  overrides: 'override',
  addresses: 'address',
  ports: 'port',
  roles: 'role',
  plans: 'plan',
};

const PLAN_KEYS = ['format_version', 'terraform_version', 'planned_values', 'resource_changes', 'prior_state'];

export interface TopologyContext {
  /** Clients every environment has unless it declares them (pack defaults, `internet`). */
  defaultClients: ReadonlySet<string>;
}

/** Parses and validates one topology file; throws an InputError listing every problem. */
export function parseTopology(text: string, file: string, context: TopologyContext = { defaultClients: new Set() }): TopologyFile {
  const doc = parseYaml(text, file);
  const problems = new ProblemList();
  const value = doc.value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && PLAN_KEYS.some((k) => k in value)) {
    problems.add(doc.at([]), 'this looks like a Terraform plan, not a topology file. Pass it with --plan (action input `plan`).');
    problems.throwIfAny();
  }
  problems.addAll(validateLocated(validateTopology, doc, KINDS));
  problems.throwIfAny();

  const raw = value as { environments?: RawEnvironment[]; waivers?: Array<Omit<Waiver, 'location'>>; overrides?: Array<Omit<Override, 'location'>> };
  const environments = (raw.environments ?? []).map((env, i) => ({ raw: env, path: ['environments', i] as Path, location: doc.at(['environments', i]) }));
  const pendingRoles: PendingRole[] = [];
  for (const env of environments) checkEnvironment(doc, env.raw, env.path, context, problems, pendingRoles);
  const waivers = (raw.waivers ?? []).map((w, i) => ({
    ...w,
    expires: String(w.expires),
    location: doc.at(['waivers', i]),
    at: { policy: doc.at(['waivers', i, 'policy']), environment: doc.at(['waivers', i, 'environment']), subject: w.subject === undefined ? undefined : doc.at(['waivers', i, 'subject']) },
  }));
  for (const [i, w] of waivers.entries()) {
    if (!isRealDate(w.expires)) problems.add(doc.at(['waivers', i, 'expires']), `waiver #${i + 1}: "${w.expires}" is not a calendar date; write YYYY-MM-DD.`);
  }
  const overrides = (raw.overrides ?? []).map((o, i) => ({ ...o, location: doc.at(['overrides', i]), policyAt: doc.at(['overrides', i, 'policy']) }));
  problems.throwIfAny();
  return { file, doc, environments, waivers, overrides, pendingRoles };
}

function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** How a firewall endpoint or listener target is written. */
export type EndpointRef =
  | { kind: 'name'; name: string }
  | { kind: 'role'; role: string }
  | { kind: 'cidr'; text: string };

export function parseEndpointRef(text: string): EndpointRef {
  if (text.startsWith('role:')) return { kind: 'role', role: text.slice(5) };
  if (/^[0-9.]+(\/\d+)?$/.test(text) || (text.includes(':') && parseCidr(text).ok)) return { kind: 'cidr', text };
  return { kind: 'name', name: text };
}

/** Server roles (topology servers and Terraform selectors) with the role the built-in pack lets the controller hold by default. */
export function rolesHeld(env: RawEnvironment): Set<string> {
  const roles = new Set<string>();
  for (const s of env.servers ?? []) for (const r of s.roles) roles.add(r);
  for (const sel of env.terraform?.select ?? []) for (const r of Array.isArray(sel.role) ? sel.role : [sel.role]) roles.add(r);
  if (roles.has('controller')) roles.add('cache-invalidation');
  return roles;
}


function checkEnvironment(doc: LocatedYaml, env: RawEnvironment, envPath: Path, context: TopologyContext, problems: ProblemList, pendingRoles: PendingRole[]): void {
  // Plans may give roles through tags: a role no topology server holds is checked once they are read.
  const rolesFromPlans = (env.terraform?.plans?.length ?? 0) > 0;
  const names = new Map<string, { kind: 'client' | 'server' | 'load-balancer'; path: Path }>();
  const declare = (name: string, kind: 'client' | 'server' | 'load-balancer', path: Path) => {
    const prev = names.get(name);
    if (prev) {
      const at = doc.at(prev.path);
      problems.add(doc.at(path), `environment "${env.name}": the name "${name}" is already used by a ${prev.kind} at line ${at.line}; names are unique in an environment.`);
    } else {
      names.set(name, { kind, path });
    }
  };
  for (const [client, cidrs] of Object.entries(env.clients ?? {})) {
    if (client === 'internet') problems.add(doc.keyAt([...envPath, 'clients', client]), INTERNET_IS_BUILT_IN);
    declare(client, 'client', [...envPath, 'clients', client]);
    cidrs.forEach((c, i) => checkAddress(doc, [...envPath, 'clients', client, i], c, 'network', problems));
  }
  (env.servers ?? []).forEach((s, i) => {
    const p = [...envPath, 'servers', i];
    declare(s.name, 'server', [...p, 'name']);
    (s.addresses ?? []).forEach((a, j) => checkAddress(doc, [...p, 'addresses', j], a, 'host', problems));
    const dupRole = s.roles.find((r, k) => s.roles.indexOf(r) !== k);
    if (dupRole) problems.add(doc.at([...p, 'roles']), `server "${s.name}": role "${dupRole}" is listed twice.`);
    if ((s.engine !== undefined || s.port !== undefined) && !s.roles.includes('database')) {
      problems.add(doc.at([...p, s.engine !== undefined ? 'engine' : 'port']), `server "${s.name}": "engine" and "port" describe a database listener, but the server does not hold role database. Add role database or remove them.`);
    }
  });
  (env['load-balancers'] ?? []).forEach((lb, i) => {
    const p = [...envPath, 'load-balancers', i];
    declare(lb.name, 'load-balancer', [...p, 'name']);
    (lb.addresses ?? []).forEach((a, j) => checkAddress(doc, [...p, 'addresses', j], a, 'host', problems));
  });

  // A server named like a pack's client (or `internet`) would take its place in openings and policies, in silence.
  for (const client of new Set([...context.defaultClients, 'internet'])) {
    const owner = names.get(client);
    if (!owner) names.set(client, { kind: 'client', path: envPath });
    else if (owner.kind !== 'client') {
      problems.add(doc.at(owner.path), `environment "${env.name}": "${client}" is the name of a client (${client === 'internet' ? 'built in: every address' : 'a loaded pack declares it'}), so in openings and policies it would mean this ${owner.kind} instead. Rename the ${owner.kind}.`);
    }
  }
  const roles = rolesHeld(env);
  const describeKnown = () => {
    const all = [...names.keys(), ...[...roles].map((r) => `role:${r}`)];
    return all.length > 0 ? ` Known here: ${all.slice(0, 12).join(', ')}${all.length > 12 ? ', …' : ''}.` : '';
  };
  const checkRef = (text: string, path: Path, side: 'from' | 'to' | 'listener') => {
    const ref = parseEndpointRef(text);
    if (ref.kind === 'cidr') {
      if (side !== 'from') problems.add(doc.at(path), `"${text}" is an address; ${side === 'to' ? '"to"' : 'a listener\'s "to"'} names a server${side === 'to' ? ', a load balancer' : ''} or role:<role>.`);
      else checkAddress(doc, path, text, 'network', problems);
      return;
    }
    if (ref.kind === 'role') {
      if (!roles.has(ref.role) && rolesFromPlans) {
        pendingRoles.push({ environment: env.name, role: ref.role, location: doc.at(path) });
      } else if (!roles.has(ref.role)) {
        const suggestion = closest(ref.role, roles);
        problems.add(doc.at(path), `environment "${env.name}": no server holds role "${ref.role}".${suggestion ? ` Did you mean role:${suggestion}?` : ' Give a server this role or fix the name.'}`);
      }
      return;
    }
    const named = names.get(ref.name);
    if (!named) {
      const suggestion = closest(ref.name, [...names.keys(), ...[...roles].map((r) => `role:${r}`)]);
      problems.add(doc.at(path), `environment "${env.name}": unknown name "${ref.name}".${suggestion ? ` Did you mean "${suggestion}"?` : describeKnown()}`);
      return;
    }
    if (side !== 'from' && named.kind === 'client') problems.add(doc.at(path), `"${ref.name}" is a client; clients are sources outside the environment and can only appear in "from".`);
    if (side === 'listener' && named.kind === 'load-balancer') problems.add(doc.at(path), `"${ref.name}" is a load balancer; a listener forwards to a server or role:<role>.`);
  };

  (env['load-balancers'] ?? []).forEach((lb, i) =>
    lb.listeners.forEach((l, j) => checkRef(l.to, [...envPath, 'load-balancers', i, 'listeners', j, 'to'], 'listener')),
  );

  (env.firewall ?? []).forEach((o, i) => {
    const p = [...envPath, 'firewall', i];
    const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);
    list(o.from).forEach((f, j) => checkRef(f, Array.isArray(o.from) ? [...p, 'from', j] : [...p, 'from'], 'from'));
    list(o.to).forEach((t, j) => checkRef(t, Array.isArray(o.to) ? [...p, 'to', j] : [...p, 'to'], 'to'));
    const protocol = o.protocol ?? 'tcp';
    if (protocol === 'all' && o.ports !== undefined) {
      problems.add(doc.at([...p, 'ports']), 'protocol "all" opens every port of every protocol; remove "ports", or set protocol tcp or udp.');
    }
    if (protocol !== 'all' && o.ports === undefined) {
      problems.add(doc.at(p), `opening #${i + 1}: "ports" is required for ${protocol}; write the ports to open, e.g. ports: [443] or ["0-65535"] for all.`);
    }
    (o.ports ?? []).forEach((spec, j) => {
      const r = parsePortSpec(spec);
      if (!r.ok) problems.add(doc.at([...p, 'ports', j]), `${r.error}.`);
    });
  });

  for (const [i, plan] of (env.terraform?.plans ?? []).entries()) {
    const at = doc.at([...envPath, 'terraform', 'plans', i]);
    if (plan.startsWith('/') || /^[A-Za-z]:[\\/]/.test(plan) || plan.split(/[\\/]/).includes('..')) {
      problems.add(at, `"${plan}" must be a path inside the repository, relative to this topology file, without "..".`);
    }
  }
}
