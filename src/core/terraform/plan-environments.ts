import { InputError, ProblemList } from '../errors.js';
import type { Client, Environment, FilterLayer, Listener, LoadBalancer, Server, SourceLocation } from '../model.js';
import { closest } from '../input/closest-word.js';
import type { RawSelector, TopologyFile } from '../topology/parse-topology.js';
import { buildPlanState } from './plan-resources.js';
import type { PlanResource } from './plan-resources.js';
import { buildConfigIndex, ReferenceResolver } from './references.js';
import { DeclarationLocator } from './tf-declarations.js';
import type { DeclarationScan } from './tf-declarations.js';
import { checkRuleShapes, cidrSet } from './plan-context.js';
import type { PlanContext } from './plan-context.js';
import type { PlanDocument } from './plan-input.js';
import { SERVER_TYPES, buildServer, networkBuilders, providerOf, serverCandidates } from './plan-servers.js';
import { planBalancers } from './plan-balancers.js';
import type { BalancerDraft, PlacedServers } from './plan-balancers.js';
import type { ServerCandidate } from './plan-servers.js';

/**
 * Plans and topologies to environments. A plan resource belongs to the environment its
 * `topogate-environment` tag names, else to the topology environment whose `select`
 * matches it, else to the one environment that lists the plan, else to `default`. A
 * topology environment keeps its clients and servers and gains the plan's servers; one
 * that only a plan names gets the packs' default clients. A resource whose environment tag
 * (or whether it is a server at all) is not known until apply is a possible server
 * (`Environment.possibleServers`) of each environment of its plan it may belong to.
 */

export const DEFAULT_ENVIRONMENT = 'default';

/** A topology environment's `terraform.plans` entry, as a workspace path. */
export interface PlanLink {
  environment: string;
  /** The path as the topology writes it. */
  written: string;
  /** Workspace-relative with forward slashes: resolved against the topology file's folder. */
  path: string;
  location: SourceLocation;
}

/** Joins a topology's folder and a path it writes, posix style; `..` stays only where it leaves the base. */
export function resolvePlanPath(topologyPath: string, written: string): string {
  const slash = topologyPath.lastIndexOf('/');
  const base = slash < 0 ? [] : topologyPath.slice(0, slash).split('/');
  const parts = written.startsWith('/') ? [] : [...base];
  for (const seg of written.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(seg);
  }
  return (written.startsWith('/') ? '/' : '') + parts.join('/');
}

export function topologyPlanLinks(files: readonly TopologyFile[]): PlanLink[] {
  const links: PlanLink[] = [];
  for (const f of files) {
    for (const env of f.environments) {
      (env.raw.terraform?.plans ?? []).forEach((written, i) => {
        links.push({ environment: env.raw.name, written, path: resolvePlanPath(f.file, written), location: f.doc.at([...env.path, 'terraform', 'plans', i]) });
      });
    }
  }
  return links;
}

/** Everything the core needs about one plan to place findings and resolve references. */
/** `workingFolder`: the repository-relative folder the run works in, to tell look-alike stacks apart. */
export function buildPlanContext(doc: PlanDocument, scan: DeclarationScan, workingFolder?: string): PlanContext {
  const state = buildPlanState(doc);
  const config = buildConfigIndex(state);
  const resolver = new ReferenceResolver(state, config);
  const planKeys = new Map<string, string[]>();
  const byType = new Map<string, PlanResource[]>();
  for (const r of state.resources) {
    const keys = planKeys.get(r.modulePath);
    if (keys) keys.push(r.localKey);
    else planKeys.set(r.modulePath, [r.localKey]);
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  const locator = new DeclarationLocator(scan, config, doc.file, planKeys, workingFolder);
  // Where no `.tf` declares a resource: its first entry in the plan file.
  const inPlan = (res: PlanResource): SourceLocation => {
    const found = doc.locateAddress(res.address);
    if (found) return found;
    const path = state.entryPath(res.address);
    return path ? doc.at(path) : { file: doc.file, line: 1, column: 1 };
  };
  const declarations = new Map<string, ReturnType<DeclarationLocator['declaration']>>();
  const declaration = (res: PlanResource) => {
    if (!declarations.has(res.configAddress)) declarations.set(res.configAddress, locator.declaration(res.modulePath, res.localKey));
    return declarations.get(res.configAddress);
  };
  const declared = new Map<string, SourceLocation | undefined>();
  // Per resource: a group is located for itself and for each of its rules.
  const located = new Map<PlanResource, SourceLocation>();
  return {
    state,
    config,
    resolver,
    locator,
    declaration,
    locate(res) {
      let loc = located.get(res);
      if (!loc) {
        if (!declared.has(res.configAddress)) declared.set(res.configAddress, locator.locate(res.modulePath, res.localKey));
        loc = declared.get(res.configAddress) ?? inPlan(res);
        located.set(res, loc);
      }
      return loc;
    },
    ofType: (type) => byType.get(type) ?? [],
  };
}

function selectorMatches(sel: RawSelector, c: ServerCandidate): boolean {
  if (sel.type !== undefined && sel.type !== c.res.type) return false;
  if (sel.address !== undefined) {
    const a = sel.address;
    const ok = a.endsWith('*') ? c.res.address.startsWith(a.slice(0, -1)) : c.res.address === a || c.res.configAddress === a;
    if (!ok) return false;
  }
  for (const [k, v] of Object.entries(sel.tags ?? {})) {
    const have = c.tags[k];
    if (have === undefined || (v !== '*' && have !== v)) return false;
  }
  return true;
}

/** Whether a selector that does not match a resource would, were its tags unknown until apply known: type and address match, and each tag it reads matches or is unknown. */
function selectorMayMatch(sel: RawSelector, c: ServerCandidate): boolean {
  const unknown = c.tagsUnknown;
  if (!unknown || selectorMatches(sel, c)) return false;
  const tags = Object.entries(sel.tags ?? {});
  if (!selectorMatches({ ...sel, tags: undefined }, c)) return false;
  const unread = (k: string) => (unknown.keys === 'all' ? !unknown.settled?.has(k.toLowerCase()) : unknown.keys.includes(k));
  return tags.some(([k]) => unread(k)) && tags.every(([k, v]) => unread(k) || (c.tags[k] !== undefined && (v === '*' || c.tags[k] === v)));
}

interface SelectorOwner {
  environment: string;
  /** Plans the environment lists; selectors apply to those, or to every plan when it lists none. */
  plans: ReadonlySet<string>;
  selectors: ReadonlyArray<{ selector: RawSelector; index: number; location: SourceLocation }>;
}

export interface PlanEnvironmentInput {
  topologyFiles: readonly TopologyFile[];
  topologyEnvironments: readonly Environment[];
  plans: readonly PlanDocument[];
  scan: DeclarationScan;
  /** Repository-relative folder the run works in (the action's `working-directory`; `.` when absent). */
  workingFolder?: string;
  /** Clients every environment has unless it declares them (pack defaults, `internet`). */
  clients: ReadonlyMap<string, Client>;
}

const CACHE_INVALIDATION = 'cache-invalidation';

interface EnvironmentEntry {
  env: Environment;
  servers: Server[];
  /** Plan servers that may belong to it, or not: their environment tag, or whether they are servers at all, is unknown. */
  possibleServers: Server[];
  loadBalancers: LoadBalancer[];
  /** Names taken in the environment: clients, servers, balancers. */
  names: Set<string>;
}

/** Where a plan resource went as a server: one environment, or each it may belong to. */
interface Placement {
  entry: EnvironmentEntry;
  server: Server;
}

/** The servers a plan placed, as the balancer modules ask for them: by resource, or by exact address. */
function placedServers(placements: ReadonlyMap<string, readonly Placement[]>, byAddress: ReadonlyMap<string, PlanResource>): PlacedServers {
  let byIp: Map<string, PlanResource[]> | undefined;
  return {
    isServer: (res) => placements.has(res.address),
    withAddress(ip) {
      if (!byIp) {
        byIp = new Map();
        for (const [address, [p]] of placements) {
          const res = byAddress.get(address);
          if (!res || !p.server.addressesExact) continue;
          for (const cidr of p.server.addresses.toCidrs()) {
            const host = cidr.replace(/\/(32|128)$/, '');
            if (host === cidr) continue;
            const list = byIp.get(host);
            if (list) list.push(res);
            else byIp.set(host, [res]);
          }
        }
      }
      // The canonical text of the address, as the servers' sets write it.
      const parsed = cidrSet([ip.trim()]);
      const host = parsed.invalid.length === 0 ? parsed.set.toCidrs()[0]?.replace(/\/(32|128)$/, '') : undefined;
      return host === undefined ? [] : (byIp.get(host) ?? []);
    },
  };
}

/**
 * A balancer joins the environment its `topogate-environment` tag names, else the
 * environments of its targets; one whose targets are unknown (or that has none) also joins
 * those its plan's servers went to, since it may forward to any of them. In each, a
 * listener names the targets that are servers of that environment.
 */
function targetLayersOf(layers: ReadonlyMap<string, FilterLayer>, placements: ReadonlyMap<string, readonly Placement[]>): Record<string, FilterLayer> {
  const out: Record<string, FilterLayer> = {};
  for (const [address, layer] of layers) for (const p of placements.get(address) ?? []) out[p.server.name] = layer;
  return out;
}

function placeBalancer(
  d: BalancerDraft,
  planFile: string,
  placements: ReadonlyMap<string, readonly Placement[]>,
  fallback: () => EnvironmentEntry[],
  environmentFor: (name: string) => EnvironmentEntry,
): void {
  let entries: EnvironmentEntry[];
  if (d.environmentTag !== undefined) entries = [environmentFor(d.environmentTag)];
  else {
    const set = new Set<EnvironmentEntry>();
    let open = d.listeners.length === 0;
    for (const l of d.listeners) {
      if (l.targetsUnknown !== undefined) open = true;
      for (const t of l.targets) for (const p of placements.get(t.address) ?? []) set.add(p.entry);
    }
    if (open || set.size === 0) for (const e of fallback()) set.add(e);
    entries = [...set];
  }
  // Each listener's targets by environment, in one pass over them.
  const targetsByEntry = d.listeners.map((l) => {
    const by = new Map<EnvironmentEntry, string[]>();
    for (const t of l.targets) {
      for (const p of placements.get(t.address) ?? []) {
        const list = by.get(p.entry);
        if (list) list.push(p.server.name);
        else by.set(p.entry, [p.server.name]);
      }
    }
    return by;
  });
  for (const entry of entries) {
    const listeners: Listener[] = d.listeners.map((l, i) => ({
      port: l.port,
      protocol: l.protocol,
      targets: targetsByEntry[i].get(entry) ?? [],
      ...(l.targetsUnknown !== undefined ? { targetsUnknown: l.targetsUnknown } : {}),
      targetPort: l.targetPort,
      ...(l.preservesClientAddress !== undefined ? { preservesClientAddress: l.preservesClientAddress } : {}),
      ...(l.answers !== undefined ? { answers: l.answers } : {}),
      ...(l.healthProbe !== undefined ? { healthProbe: l.healthProbe } : {}),
      ...(l.targetLayers !== undefined && l.targetLayers.size > 0 ? { targetLayers: targetLayersOf(l.targetLayers, placements) } : {}),
      location: l.location,
    }));
    let name = d.name ?? d.res.address;
    if (entry.names.has(name)) name = `${name} (${planFile})`;
    entry.names.add(name);
    entry.loadBalancers.push({
      kind: 'load-balancer',
      name,
      addresses: d.network.addresses,
      addressesExact: d.network.addressesExact,
      identities: d.network.identities,
      identitiesUnknown: d.network.identitiesUnknown,
      ingress: d.network.ingress,
      egress: d.network.egress,
      location: d.location,
      listeners,
      preservesClientAddress: d.preservesClientAddress,
      ...(d.controlPlane ? { controlPlane: d.controlPlane } : {}),
      ...(d.forwardedIdentities && d.forwardedIdentities.length > 0 ? { forwardedIdentities: d.forwardedIdentities } : {}),
      provider: providerOf(d.res.providerName),
      resource: { address: d.res.address, type: d.res.type },
    });
  }
}

type SelectorMatch = SelectorOwner['selectors'][number] & { owner: SelectorOwner };

/** Why a server may hold roles not known until apply, and which (absent: any). */
interface RoleDoubt {
  rolesUnknown: string;
  possibleRoles?: readonly string[];
}

/** The roles a selector gives. */
const selectorRoles = (sel: RawSelector): readonly string[] => (Array.isArray(sel.role) ? sel.role : [sel.role]);

/** A server's roles in one environment: its role tags, the selectors of that environment that match it, a managed database's. */
function rolesIn(c: ServerCandidate, matches: readonly SelectorMatch[], envName: string): { roles: string[]; roleNotes: Record<string, string> } {
  const roleNotes: Record<string, string> = {};
  const roles: string[] = [];
  const addRole = (r: string, note: string) => {
    if (!roles.includes(r)) {
      roles.push(r);
      roleNotes[r] = note;
    }
  };
  for (const r of c.tagRoles) addRole(r, `from the topogate-role tag of ${c.res.address}`);
  for (const m of matches) {
    if (m.owner.environment !== envName) continue;
    for (const r of selectorRoles(m.selector)) addRole(r, `from selector #${m.index + 1} of environment "${envName}"`);
  }
  if (c.engine === 'sqlserver' || c.engine === 'oracle') addRole('database', `${c.res.type} with engine ${c.engine} is a managed database`);
  return { roles, roleNotes };
}

/** Why a resource that only a role makes a server may be one. */
function notAlwaysServer(c: ServerCandidate, rolesUnknown: string): string {
  return `${rolesUnknown}, and only a role makes ${c.engine !== undefined ? `a ${c.engine} ${c.res.type}` : `a ${c.res.type}`} a server`;
}

/** The resource's address, or with its plan file where the environment has that name already. */
function uniqueName(entry: EnvironmentEntry, c: ServerCandidate, planFile: string): string {
  let name = c.res.address;
  if (entry.names.has(name)) name = `${c.res.address} (${planFile})`;
  entry.names.add(name);
  return name;
}

/** Topology environments with the servers of the plans added, and the environments only plans name. */
export function mergePlanEnvironments(input: PlanEnvironmentInput): Environment[] {
  const links = topologyPlanLinks(input.topologyFiles);
  const planPaths = new Set(input.plans.map((p) => p.file));
  const problems = new ProblemList();
  for (const l of links) {
    if (!planPaths.has(l.path)) problems.add(l.location, `plan "${l.written}" (${l.path}) was not read: pass it with --plan or check the path.`);
  }
  problems.throwIfAny();

  const listedBy = new Map<string, PlanLink[]>();
  for (const l of links) {
    const list = listedBy.get(l.path) ?? [];
    if (!list.some((x) => x.environment === l.environment)) list.push(l);
    listedBy.set(l.path, list);
  }
  const owners: SelectorOwner[] = [];
  for (const f of input.topologyFiles) {
    for (const env of f.environments) {
      const selectors = (env.raw.terraform?.select ?? []).map((selector, index) => ({ selector, index, location: f.doc.at([...env.path, 'terraform', 'select', index]) }));
      if (selectors.length === 0) continue;
      owners.push({ environment: env.raw.name, plans: new Set((env.raw.terraform?.plans ?? []).map((w) => resolvePlanPath(f.file, w))), selectors });
    }
  }

  const byName = new Map<string, EnvironmentEntry>();
  for (const env of input.topologyEnvironments) {
    byName.set(env.name, { env, servers: [...env.servers], possibleServers: [...(env.possibleServers ?? [])], loadBalancers: [...env.loadBalancers], names: new Set([...env.servers.map((s) => s.name), ...env.loadBalancers.map((l) => l.name), ...env.clients.keys()]) });
  }
  const environmentFor = (name: string, at: SourceLocation) => {
    let entry = byName.get(name);
    if (!entry) {
      entry = { env: { name, location: at, clients: new Map(input.clients), servers: [], loadBalancers: [] }, servers: [], possibleServers: [], loadBalancers: [], names: new Set(input.clients.keys()) };
      byName.set(name, entry);
    }
    return entry;
  };

  const matched = new Set<RawSelector>();
  /** Selectors whose tags cannot be read on some resources (unknown until apply): they may match those. */
  const undecided = new Map<RawSelector, ServerCandidate[]>();
  for (const plan of input.plans) {
    const ctx = buildPlanContext(plan, input.scan, input.workingFolder);
    checkRuleShapes(ctx);
    const builders = networkBuilders(ctx);
    const listing = listedBy.get(plan.file) ?? [];
    const applicable = owners.filter((o) => o.plans.size === 0 || o.plans.has(plan.file));
    const planStart = { file: plan.file, line: 1, column: 1 };
    const placements = new Map<string, Placement[]>();
    /** Resources whose environment, or whether they are servers at all, is not known until apply: placed last, as possible servers. */
    const unplaced: Array<{ c: ServerCandidate; matches: SelectorMatch[]; environments: Set<string>; anyOfPlan: boolean; membership: string; roleDoubt?: RoleDoubt }> = [];
    let placed = 0;
    for (const c of serverCandidates(ctx)) {
      const matches = applicable.flatMap((o) => o.selectors.filter((s) => selectorMatches(s.selector, c)).map((s) => ({ owner: o, ...s })));
      for (const m of matches) matched.add(m.selector);
      const mayMatch = c.tagsUnknown ? applicable.flatMap((o) => o.selectors.filter((s) => selectorMayMatch(s.selector, c)).map((s) => ({ owner: o, ...s }))) : [];
      for (const m of mayMatch) {
        const list = undecided.get(m.selector);
        if (list) list.push(c);
        else undecided.set(m.selector, [c]);
      }
      // Tags unknown until apply: a selector that may match gives roles (and an environment) not known yet.
      const selectorDoubt = (selectors: readonly SelectorMatch[]) =>
        selectors.length === 0 ? undefined : `${c.tagsUnknown?.attribute} are not known until apply, and ${selectors.length === 1 ? `selector #${selectors[0].index + 1} of environment "${selectors[0].owner.environment}" reads them` : `${selectors.length} selectors read them`}`;
      // Roles it may hold beyond those known: any (its role tag is unknown), or those of the selectors that may match it.
      const roleDoubtOf = (selectors: readonly SelectorMatch[]): RoleDoubt | undefined => {
        if (c.roleTagUnknown !== undefined) return { rolesUnknown: c.roleTagUnknown };
        const why = selectorDoubt(selectors);
        if (why === undefined) return undefined;
        const roles = new Set(selectors.flatMap((m) => selectorRoles(m.selector)));
        // A controller holds cache-invalidation by default: it may gain that role too.
        if (roles.has('controller')) roles.add(CACHE_INVALIDATION);
        return { rolesUnknown: why, possibleRoles: [...roles] };
      };
      if (c.environmentTagUnknown !== undefined) {
        // It may belong to any environment of the plan, or to one a selector names; which is known at apply.
        const environments = new Set([...matches, ...mayMatch].map((m) => m.owner.environment));
        unplaced.push({ c, matches, environments, anyOfPlan: true, membership: c.environmentTagUnknown, roleDoubt: roleDoubtOf(mayMatch) });
        continue;
      }
      let envName: string;
      if (c.environmentTag !== undefined) envName = c.environmentTag;
      else {
        const envs = [...new Set(matches.map((m) => m.owner.environment))];
        if (envs.length > 1) {
          throw InputError.at(c.location, `${c.res.address} matches selectors of environments ${envs.map((e) => `"${e}"`).join(' and ')}; a resource belongs to one environment. Narrow the selectors, or tag it with ${'topogate-environment'}.`);
        }
        if (envs.length === 1) envName = envs[0];
        else if (listing.length === 1) envName = listing[0].environment;
        else if (listing.length > 1) {
          throw InputError.at(listing[1].location, `plan ${plan.file} is also listed by environment "${listing[0].environment}", and ${c.res.address} in it has no topogate-environment tag and matches no selector, so its environment is ambiguous. Tag its resources with topogate-environment, or use terraform.select.`);
        } else envName = DEFAULT_ENVIRONMENT;
        const elsewhere = mayMatch.filter((m) => m.owner.environment !== envName);
        if (elsewhere.length > 0) {
          const doubt = selectorDoubt(mayMatch) as string;
          unplaced.push({ c, matches, environments: new Set([envName, ...elsewhere.map((m) => m.owner.environment)]), anyOfPlan: false, membership: doubt, roleDoubt: roleDoubtOf(mayMatch) });
          continue;
        }
      }
      // A selector of another environment gives no role here.
      const roleDoubt = roleDoubtOf(mayMatch.filter((m) => m.owner.environment === envName));
      const { roles, roleNotes } = rolesIn(c, matches, envName);
      if (!c.always && roles.length === 0) {
        // Not a server unless a role makes it one: with its roles unknown, it may be one.
        if (roleDoubt !== undefined) unplaced.push({ c, matches, environments: new Set([envName]), anyOfPlan: false, membership: notAlwaysServer(c, roleDoubt.rolesUnknown), roleDoubt });
        continue;
      }
      const entry = environmentFor(envName, planStart);
      const server = buildServer(ctx, builders, c, uniqueName(entry, c, plan.file), roles, roleNotes, { ...roleDoubt });
      entry.servers.push(server);
      placements.set(c.res.address, [{ entry, server }]);
      placed++;
    }
    if (unplaced.length > 0) {
      // The environments of the plan: where its servers went, and those that list it.
      const planEnvironments = new Set([...[...placements.values()].map(([p]) => p.entry.env.name), ...listing.map((l) => l.environment)]);
      for (const u of unplaced) {
        const names = new Set(u.environments);
        if (u.anyOfPlan) for (const e of planEnvironments) names.add(e);
        if (names.size === 0) {
          // The plan names no environment it could belong to instead: it goes where it would
          // untagged, as before. Its own verdicts do not depend on the environment's name there.
          const entry = environmentFor(DEFAULT_ENVIRONMENT, planStart);
          const { roles, roleNotes } = rolesIn(u.c, u.matches, DEFAULT_ENVIRONMENT);
          // One that only a role makes a server may still not be one.
          const isServer = u.c.always || roles.length > 0;
          const membershipUnknown = isServer ? undefined : notAlwaysServer(u.c, u.roleDoubt?.rolesUnknown ?? u.membership);
          const server = buildServer(ctx, builders, u.c, uniqueName(entry, u.c, plan.file), roles, roleNotes, { ...u.roleDoubt, membershipUnknown });
          (isServer ? entry.servers : entry.possibleServers).push(server);
          placements.set(u.c.res.address, [{ entry, server }]);
          placed++;
          continue;
        }
        const list: Placement[] = [];
        for (const envName of [...names].sort()) {
          const entry = environmentFor(envName, planStart);
          const { roles, roleNotes } = rolesIn(u.c, u.matches, envName);
          const server = buildServer(ctx, builders, u.c, uniqueName(entry, u.c, plan.file), roles, roleNotes, { ...u.roleDoubt, membershipUnknown: u.membership });
          entry.possibleServers.push(server);
          list.push({ entry, server });
        }
        placements.set(u.c.res.address, list);
        placed++;
      }
    }
    const drafts = planBalancers(ctx, builders, placedServers(placements, ctx.state.byAddress));
    if (drafts.length > 0) {
      // Balancers without an environment of their own go where this plan's servers went.
      const planEntries = [...new Set([...placements.values()].flatMap((list) => list.map((p) => p.entry)))];
      const fallback = () => (planEntries.length > 0 ? planEntries : listing.length > 0 ? listing.map((l) => environmentFor(l.environment, planStart)) : [environmentFor(DEFAULT_ENVIRONMENT, planStart)]);
      for (const d of drafts) placeBalancer(d, plan.file, placements, fallback, (name) => environmentFor(name, planStart));
    }
    // A plan that gives no server still shows up, so a run never passes on nothing silently.
    if (placed === 0) {
      if (listing.length === 0 && applicable.length === 0) environmentFor(DEFAULT_ENVIRONMENT, planStart);
    }
  }

  // A selector that selects nothing is a typo or a stale name: a gate must not pass on it silently.
  for (const o of owners) {
    for (const s of o.selectors) {
      if (matched.has(s.selector)) continue;
      const where = o.plans.size > 0 ? `the plans it lists (${[...o.plans].join(', ')})` : `the plans read (${input.plans.map((p) => p.file).join(', ') || 'none'})`;
      const unread = undecided.get(s.selector) ?? [];
      if (unread.length > 0) {
        const names = `${unread.slice(0, 3).map((c) => c.tagsUnknown?.attribute).join('; ')}${unread.length > 3 ? `; and ${unread.length - 3} more` : ''}`;
        problems.add(s.location, `selector #${s.index + 1} of environment "${o.environment}" matches no server resource in ${where}, but the tags it reads are not known until apply on ${unread.length === 1 ? 'one that it may match' : `${unread.length} that it may match`} (${names}), so which servers it selects cannot be told. Select by type or address, or use tag values known when planning.`);
        continue;
      }
      const type = s.selector.type;
      if (type !== undefined && !Object.hasOwn(SERVER_TYPES, type)) {
        const near = closest(type, Object.keys(SERVER_TYPES));
        problems.add(s.location, `selector #${s.index + 1} of environment "${o.environment}" selects type "${type}", which is not a server type topogate reads, so it matches nothing.${near ? ` Did you mean ${near}?` : ` Server types: ${Object.keys(SERVER_TYPES).join(', ')}.`}`);
        continue;
      }
      problems.add(s.location, `selector #${s.index + 1} of environment "${o.environment}" matches no server resource in ${where}. Check its type, address and tags (selectors match ${Object.keys(SERVER_TYPES).slice(0, 3).join(', ')}, … see the README).`);
    }
  }
  problems.throwIfAny();

  const environments: Environment[] = [];
  for (const { env, servers, possibleServers, loadBalancers } of byName.values()) {
    const declared = declaresCacheInvalidation(servers);
    // Servers whose roles or environment are not known until apply may declare it: then the controller's default is in doubt.
    const mayDeclare = declared ? [] : [...servers, ...possibleServers].filter(mayDeclareCacheInvalidation);
    environments.push({
      ...env,
      servers: defaultCacheInvalidation(servers, declared, mayDeclare),
      ...(possibleServers.length > 0 ? { possibleServers: defaultCacheInvalidation(possibleServers, declared, mayDeclare) } : {}),
      loadBalancers,
    });
  }
  checkPendingRoles(input.topologyFiles, environments);
  return environments;
}

/** Whether a server holds cache-invalidation of its own (not by the controller's default). */
const declaresOwnCacheInvalidation = (s: Server): boolean => s.roles.includes(CACHE_INVALIDATION) && s.roleNotes?.[CACHE_INVALIDATION] === undefined;

/** Whether a server of the environment holds cache-invalidation of its own (not by the controller's default). */
function declaresCacheInvalidation(servers: readonly Server[]): boolean {
  return servers.some(declaresOwnCacheInvalidation);
}

/** Whether a server may hold a role it is not known to: its roles are not known until apply, and may include it. */
function mayGainRole(s: Server, role: string): boolean {
  return s.rolesUnknown !== undefined && !s.roles.includes(role) && (s.possibleRoles === undefined || s.possibleRoles.includes(role));
}

/** A server that may declare cache-invalidation, as far as the plan tells: its roles may include it, or it declares it and may belong to the environment. */
function mayDeclareCacheInvalidation(s: Server): boolean {
  return mayGainRole(s, CACHE_INVALIDATION) || (s.membershipUnknown !== undefined && declaresOwnCacheInvalidation(s));
}

/** Why a controller's default cache-invalidation is in doubt: servers other than it may declare the role. */
function defaultInDoubt(controller: Server, mayDeclare: readonly Server[], among: ReadonlySet<Server>): string | undefined {
  // The controller itself may be among them (its own roles unknown): it holds the role either way then.
  const others = mayDeclare.slice(0, 4).filter((s) => s !== controller).slice(0, 3);
  const count = mayDeclare.length - (among.has(controller) ? 1 : 0);
  if (count === 0) return undefined;
  if (count === 1) return `the controller holds it by default, unless ${others[0].name} does: ${others[0].rolesUnknown ?? others[0].membershipUnknown}`;
  const names = `${others.map((s) => s.name).join(', ')}${count > others.length ? ` and ${count - others.length} more` : ''}`;
  return `the controller holds it by default, unless one of ${count} servers whose roles or environment are not known until apply does (${names})`;
}

/**
 * policies.md: RabbitMQ runs on the controller "by default" when no server holds
 * cache-invalidation. Topology servers got the default from the topology alone; with plan
 * servers in the environment it is decided again over all of them. Where servers that may
 * declare it (`mayDeclare`) make the default itself unknown until apply, the controller holds
 * it in doubt (`roleDoubts`).
 */
function defaultCacheInvalidation(servers: Server[], declared: boolean, mayDeclare: readonly Server[]): Server[] {
  const note = 'held by the controller by default (no server declares role cache-invalidation)';
  const among = new Set(mayDeclare);
  const inDoubt = (s: Server, current: Server): Server => {
    const why = mayDeclare.length > 0 ? defaultInDoubt(s, mayDeclare, among) : undefined;
    return why === undefined ? current : { ...current, roleDoubts: { ...current.roleDoubts, [CACHE_INVALIDATION]: why } };
  };
  return servers.map((s) => {
    const defaulted = s.roleNotes?.[CACHE_INVALIDATION] === note;
    if (declared && defaulted) {
      const roleNotes = { ...s.roleNotes };
      delete roleNotes[CACHE_INVALIDATION];
      return { ...s, roles: s.roles.filter((r) => r !== CACHE_INVALIDATION), identities: s.identities.filter((i) => i !== `role:${CACHE_INVALIDATION}`), roleNotes };
    }
    if (!declared && defaulted) return inDoubt(s, s);
    if (!declared && s.roles.includes('controller') && !s.roles.includes(CACHE_INVALIDATION)) {
      return inDoubt(s, { ...s, roles: [...s.roles, CACHE_INVALIDATION], identities: [...s.identities, `role:${CACHE_INVALIDATION}`], roleNotes: { ...s.roleNotes, [CACHE_INVALIDATION]: note } });
    }
    return s;
  });
}

function checkPendingRoles(files: readonly TopologyFile[], environments: readonly Environment[]): void {
  const problems = new ProblemList();
  const byName = new Map(environments.map((e) => [e.name, e]));
  for (const f of files) {
    for (const p of f.pendingRoles) {
      const env = byName.get(p.environment);
      const servers = [...(env?.servers ?? []), ...(env?.possibleServers ?? [])];
      const held = new Set(servers.flatMap((s) => s.roles));
      // A server whose roles are not known until apply, and may include this one, may hold it:
      // its topogate-role tag may name any role, a selector reading unknown tags only its own.
      // Not an error then, since the name may be right; if it is a typo, no server turns out to
      // hold it and the openings naming it open nothing: the flows they were meant for fail
      // (openings only allow), never pass.
      if (held.has(p.role) || servers.some((s) => mayGainRole(s, p.role))) continue;
      // A role some server may hold is as good a suggestion as one it holds.
      const suggestion = closest(p.role, new Set([...held, ...servers.flatMap((s) => s.possibleRoles ?? [])]));
      problems.add(p.location, `environment "${p.environment}": no server holds role "${p.role}", neither in the topology nor in its plans.${suggestion ? ` Did you mean role:${suggestion}?` : ' Give a server this role (the topogate-role tag or a terraform.select selector) or fix the name.'}`);
    }
  }
  problems.throwIfAny();
}
