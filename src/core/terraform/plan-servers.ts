import { InputError } from '../errors.js';
import { DATABASE_DEFAULT_PORTS } from '../model.js';
import type { FilterLayer, Server, SourceLocation } from '../model.js';
import { AddressSet } from '../net/cidr.js';
import { PortSet } from '../net/ports.js';
import { attributeValues, awsRegionOfZone, azureRegion, blockingLayer, describeAttribute, describeJsonType, gcpRegionOfZone, handEdited } from './plan-context.js';
import type { PlanContext, ServerNetwork } from './plan-context.js';
import { knownMap, knownString as knownStringOf, lookup } from './plan-resources.js';
import type { AttributePath, PlanResource } from './plan-resources.js';
import { buildAwsNetwork } from './aws-network.js';
import { SCALE_SET_TYPES, buildAzureNetwork } from './azure-network.js';
import { buildGcpNetwork } from './gcp-network.js';

/**
 * The servers a plan creates or keeps: compute resources and managed SQL Server / Oracle
 * databases, with their roles (tag or label `topogate-role`), environment
 * (`topogate-environment`), provider, region and network. Other databases become servers
 * only when a tag or a topology selector gives them a role.
 */

export const ROLE_TAG = 'topogate-role';
export const ENVIRONMENT_TAG = 'topogate-environment';
const ROLE_NAME = /^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$/;

type Cloud = 'aws' | 'azure' | 'gcp';

interface ServerType {
  cloud: Cloud;
  kind: 'compute' | 'database';
  /** Tag or label maps, merged in order. */
  tags(res: PlanResource): Record<string, string>;
  region(ctx: PlanContext, res: PlanResource): string | undefined;
  /** For databases: the engine (`sqlserver`, `oracle`, or as the plan names it) when known. */
  engine?(res: PlanResource): string | undefined;
  defaultPort?: number;
}

const awsTags = (res: PlanResource) => ({ ...knownMap(res, ['tags_all']), ...knownMap(res, ['tags']) });
/** A string attribute after apply, followed through configuration when unknown (a location from a resource group). */
const stringAt = (ctx: PlanContext, res: PlanResource, path: AttributePath): string | undefined => {
  const v = attributeValues(ctx, res, path);
  return v.unknown.length === 0 ? v.values.find((x): x is string => typeof x === 'string' && x !== '') : undefined;
};
const awsRegion = (ctx: PlanContext, res: PlanResource, zone?: string) => (zone ? awsRegionOfZone(zone) : undefined) ?? ctx.resolver.providerArgument(res, 'region', 'aws');
const azureTags = (res: PlanResource) => knownMap(res, ['tags']);
const azureLocation = (ctx: PlanContext, res: PlanResource) => {
  const l = stringAt(ctx, res, ['location']);
  return l ? azureRegion(l) : undefined;
};
const gcpLabels = (res: PlanResource) => ({ ...knownMap(res, ['labels']), ...knownMap(res, ['effective_labels']) });

/** `sqlserver-se`, `custom-sqlserver-ee` -> sqlserver; `oracle-ee` -> oracle; others as written. */
function rdsEngine(res: PlanResource): string | undefined {
  const e = knownStringOf(res, ['engine'])?.toLowerCase();
  if (e === undefined) return undefined;
  if (/^(custom-)?sqlserver/.test(e)) return 'sqlserver';
  if (/^(custom-)?oracle/.test(e)) return 'oracle';
  return e;
}

export const SERVER_TYPES: Readonly<Record<string, ServerType>> = {
  aws_instance: { cloud: 'aws', kind: 'compute', tags: awsTags, region: (ctx, r) => awsRegion(ctx, r, stringAt(ctx, r, ['availability_zone'])) },
  aws_launch_template: {
    cloud: 'aws',
    kind: 'compute',
    // The template's own tags, then the tags it gives the instances it launches.
    tags: (r) => {
      const out = awsTags(r);
      const specs = lookup(r, ['tag_specifications']);
      if (specs.state === 'known' && Array.isArray(specs.value)) {
        specs.value.forEach((s, i) => {
          if (s && typeof s === 'object' && (s as Record<string, unknown>).resource_type === 'instance') Object.assign(out, knownMap(r, ['tag_specifications', i, 'tags']));
        });
      }
      return out;
    },
    region: (ctx, r) => awsRegion(ctx, r, knownStringOf(r, ['placement', 0, 'availability_zone'])),
  },
  aws_launch_configuration: { cloud: 'aws', kind: 'compute', tags: () => ({}), region: (ctx, r) => awsRegion(ctx, r) },
  aws_db_instance: { cloud: 'aws', kind: 'database', tags: awsTags, region: (ctx, r) => awsRegion(ctx, r, stringAt(ctx, r, ['availability_zone'])), engine: rdsEngine },
  aws_rds_cluster: { cloud: 'aws', kind: 'database', tags: awsTags, region: (ctx, r) => awsRegion(ctx, r, knownStringOf(r, ['availability_zones', 0])), engine: rdsEngine },
  azurerm_linux_virtual_machine: { cloud: 'azure', kind: 'compute', tags: azureTags, region: azureLocation },
  azurerm_windows_virtual_machine: { cloud: 'azure', kind: 'compute', tags: azureTags, region: azureLocation },
  azurerm_virtual_machine: { cloud: 'azure', kind: 'compute', tags: azureTags, region: azureLocation },
  // A scale set stands for its instances.
  azurerm_linux_virtual_machine_scale_set: { cloud: 'azure', kind: 'compute', tags: azureTags, region: azureLocation },
  azurerm_windows_virtual_machine_scale_set: { cloud: 'azure', kind: 'compute', tags: azureTags, region: azureLocation },
  azurerm_orchestrated_virtual_machine_scale_set: { cloud: 'azure', kind: 'compute', tags: azureTags, region: azureLocation },
  azurerm_mssql_server: { cloud: 'azure', kind: 'database', tags: azureTags, region: azureLocation, engine: () => 'sqlserver', defaultPort: 1433 },
  azurerm_sql_server: { cloud: 'azure', kind: 'database', tags: azureTags, region: azureLocation, engine: () => 'sqlserver', defaultPort: 1433 },
  google_compute_instance: {
    cloud: 'gcp',
    kind: 'compute',
    tags: gcpLabels,
    region: (ctx, r) => {
      const zone = stringAt(ctx, r, ['zone']);
      return (zone ? gcpRegionOfZone(zone) : undefined) ?? ctx.resolver.providerArgument(r, 'region', 'google');
    },
  },
  google_compute_instance_template: { cloud: 'gcp', kind: 'compute', tags: gcpLabels, region: (ctx, r) => stringAt(ctx, r, ['region']) ?? ctx.resolver.providerArgument(r, 'region', 'google') },
  google_sql_database_instance: {
    cloud: 'gcp',
    kind: 'database',
    tags: (r) => ({ ...knownMap(r, ['settings', 0, 'user_labels']) }),
    region: (ctx, r) => stringAt(ctx, r, ['region']) ?? ctx.resolver.providerArgument(r, 'region', 'google'),
    engine: (r) => {
      const v = knownStringOf(r, ['database_version'])?.toUpperCase();
      if (v === undefined) return undefined;
      return v.startsWith('SQLSERVER') ? 'sqlserver' : v.split('_')[0].toLowerCase();
    },
    defaultPort: undefined,
  },
};

/** `registry.terraform.io/hashicorp/aws` and `aws` -> aws; azurerm -> azure; google -> gcp. */
export function providerOf(providerName: string): string | undefined {
  const short = providerName.split('/').pop()?.toLowerCase() ?? '';
  if (short === '') return undefined;
  if (short === 'aws') return 'aws';
  if (short === 'azurerm') return 'azure';
  if (short === 'google' || short === 'google-beta') return 'gcp';
  return short;
}

/** A plan resource that is, or may become, a server. */
export interface ServerCandidate {
  res: PlanResource;
  type: ServerType;
  location: SourceLocation;
  /** Tags (AWS, Azure) or labels (GCP): what selectors match. */
  tags: Readonly<Record<string, string>>;
  tagRoles: string[];
  environmentTag?: string;
  engine?: string;
  /** True for compute resources and SQL Server / Oracle databases: servers without any tag. */
  always: boolean;
  /**
   * Tags (labels) not known until apply: which keys (`all`: the whole map, but for `settled`
   * keys, which the resource's own tags set), and the attribute.
   */
  tagsUnknown?: { keys: 'all' | readonly string[]; settled?: ReadonlySet<string>; attribute: string };
  /** Set when a `topogate-role` tag (or `topogate-role-<role>` label) may hold roles not known until apply: why. */
  roleTagUnknown?: string;
  /** Set when the `topogate-environment` tag is not known until apply: why. */
  environmentTagUnknown?: string;
}

/**
 * Tags of one map that are not known until apply: the map's path, and which keys (`all`: the
 * whole map). `settled`: keys another map sets, which take precedence (a resource's `tags`
 * over the provider's `default_tags` in `tags_all`): those are known whatever this map holds.
 */
interface UnknownTagMap {
  path: AttributePath;
  keys: 'all' | readonly string[];
  settled?: ReadonlySet<string>;
}

/** The resource's own tag (label) maps, whose entries unknown until apply nothing can read. */
function tagPaths(res: PlanResource, type: ServerType): AttributePath[] {
  if (res.type === 'google_sql_database_instance') return [['settings', 0, 'user_labels']];
  if (res.type === 'aws_launch_configuration') return [];
  if (res.type === 'aws_launch_template') {
    // The instances it launches take the tags of its `instance` tag specifications.
    const paths: AttributePath[] = [['tags']];
    const specs = lookup(res, ['tag_specifications']);
    if (specs.state === 'unknown') paths.push(['tag_specifications']);
    else if (specs.state === 'known' && Array.isArray(specs.value)) {
      specs.value.forEach((_, i) => {
        const kind = lookup(res, ['tag_specifications', i, 'resource_type']);
        if (kind.state === 'unknown' || (kind.state === 'known' && kind.value === 'instance')) paths.push(['tag_specifications', i, 'tags']);
      });
    }
    return paths;
  }
  return type.cloud === 'gcp' ? [['labels']] : [['tags']];
}

/**
 * The map that adds the provider's default tags (labels) to a resource's own, where the
 * resource's tags are read from it too: `tags_all` (AWS `default_tags`), `effective_labels`
 * (Google `default_labels`), with the provider argument that feeds it.
 */
function defaultTagMap(res: PlanResource, type: ServerType): { path: AttributePath; own: AttributePath; argument: string; providers: readonly string[] } | undefined {
  if (type.tags === awsTags || res.type === 'aws_launch_template') return { path: ['tags_all'], own: ['tags'], argument: 'default_tags', providers: ['aws'] };
  if (type.tags === gcpLabels) return { path: ['effective_labels'], own: ['labels'], argument: 'default_labels', providers: ['google', 'google-beta'] };
  return undefined;
}

const providerDefaults = new WeakMap<PlanContext, Map<string, boolean>>();

/**
 * Whether a provider configuration of the plan may give resources default tags (labels):
 * one that sets `argument`, or no configuration of that provider in the plan to tell.
 */
function providerMayAddTags(ctx: PlanContext, providers: readonly string[], argument: string): boolean {
  let known = providerDefaults.get(ctx);
  if (!known) providerDefaults.set(ctx, (known = new Map()));
  const key = `${providers.join(',')}:${argument}`;
  let may = known.get(key);
  if (may === undefined) {
    const configs = [...ctx.config.providers.values()].filter((p) => providers.includes(p.name));
    may = !ctx.config.present || configs.length === 0 || configs.some((p) => p.expressions[argument] !== undefined);
    known.set(key, may);
  }
  return may;
}

/** Keys a map marks unknown in `after_unknown` (`{ tags: { Role: true } }`), or the whole map. */
function unknownKeys(res: PlanResource, path: AttributePath): 'all' | string[] {
  if (lookup(res, path).state === 'unknown') return 'all';
  let u: unknown = res.unknown;
  for (const step of path) u = u !== null && typeof u === 'object' ? (u as Record<string | number, unknown>)[step] : undefined;
  if (u === null || typeof u !== 'object' || Array.isArray(u)) return [];
  return Object.keys(u).filter((k) => (u as Record<string, unknown>)[k] === true);
}

/** Which tags of a resource are not known until apply: whole maps, or the keys `after_unknown` marks. */
function unknownTagMaps(ctx: PlanContext, res: PlanResource, type: ServerType): UnknownTagMap[] {
  const out: UnknownTagMap[] = [];
  for (const path of tagPaths(res, type)) {
    const keys = unknownKeys(res, path);
    if (keys === 'all' || keys.length > 0) out.push({ path, keys });
  }
  // tags_all (effective_labels) unknown: the provider's default tags may add keys the resource's own tags do not set.
  const defaults = defaultTagMap(res, type);
  if (defaults && providerMayAddTags(ctx, defaults.providers, defaults.argument)) {
    const keys = unknownKeys(res, defaults.path);
    const settled = new Set(Object.keys(knownMap(res, defaults.own)).map((k) => k.toLowerCase()));
    const open = keys === 'all' ? keys : keys.filter((k) => !settled.has(k.toLowerCase()));
    if (open === 'all' || open.length > 0) out.push({ path: defaults.path, keys: open, settled });
  }
  return out;
}

/** How a map of tags unknown until apply is named: `tags_all of X (its tags and the provider's default_tags)`. */
function describeTagMap(res: PlanResource, path: AttributePath): string {
  const what = describeAttribute(res, path);
  if (path[0] === 'tags_all') return `${what} (its tags and the provider's default_tags)`;
  if (path[0] === 'effective_labels') return `${what} (its labels and the provider's default_labels)`;
  return what;
}

/** The attribute behind the first unknown tag `wanted` accepts: `tags.topogate-role of aws_instance.x is not known until apply`. */
function unknownTag(res: PlanResource, maps: readonly UnknownTagMap[], wanted: (key: string) => boolean): string | undefined {
  for (const m of maps) {
    if (m.keys === 'all') {
      // A key the resource's own tags set is known whatever the provider adds.
      if (m.settled && [...m.settled].some(wanted)) continue;
      return `${describeTagMap(res, m.path)} are not known until apply`;
    }
    const key = m.keys.find((k) => wanted(k.toLowerCase()));
    if (key !== undefined) return `${describeAttribute(res, [...m.path, key])} is not known until apply`;
  }
  return undefined;
}

function splitRoles(text: string): string[] {
  return text.split(/[\s,;]+/).filter((r) => r !== '');
}

/** Roles from `topogate-role: a,b` and from keys `topogate-role-<role>` (GCP label values cannot hold commas). */
function rolesOf(tags: Record<string, string>, where: SourceLocation, address: string): string[] {
  const roles: string[] = [];
  for (const [k, v] of Object.entries(tags)) {
    if (k.toLowerCase() === ROLE_TAG) roles.push(...splitRoles(v));
    else if (k.toLowerCase().startsWith(`${ROLE_TAG}-`) && !/^(false|no|0|off)$/i.test(v.trim())) roles.push(k.slice(ROLE_TAG.length + 1));
  }
  for (const r of roles) {
    if (!ROLE_NAME.test(r)) {
      throw InputError.at(where, `${address}: "${r}" in the ${ROLE_TAG} tag is not a role name. Write role names separated by commas, e.g. "front-end,controller" (letters, digits and . _ - : / @).`);
    }
  }
  return [...new Set(roles)];
}

/** The unknown tag maps of a resource as one: keys unknown in any, and the first map's name. */
function unknownTagsOf(res: PlanResource, maps: readonly UnknownTagMap[]): NonNullable<ServerCandidate['tagsUnknown']> {
  const attribute = describeTagMap(res, maps[0].path);
  const whole = maps.filter((m) => m.keys === 'all');
  if (whole.length === 0) return { keys: [...new Set(maps.flatMap((m) => m.keys as readonly string[]))], attribute };
  // The whole of a map unknown: every key, but those the resource's own tags settle (where every such map says so).
  const settled = whole.every((m) => m.settled) ? whole[0].settled : undefined;
  return settled ? { keys: 'all', settled, attribute } : { keys: 'all', attribute };
}

/** Attributes a server type's engine is read from (a string in every provider's schema). */
const ENGINE_PATHS: Readonly<Record<string, AttributePath>> = {
  aws_db_instance: ['engine'],
  aws_rds_cluster: ['engine'],
  google_sql_database_instance: ['database_version'],
};

/**
 * What topogate reads of a server has the shape the provider's schema gives it: tag and label
 * maps of strings, a string engine. A hand-edited `tags: ["a"]` or `engine: 5` would otherwise
 * read as no tags or no engine, and the server would drop out of its role in silence.
 */
function checkServerShape(res: PlanResource, type: ServerType, location: SourceLocation): void {
  const bad = (path: AttributePath, what: string) => handEdited(location, res, path, what);
  const paths = tagPaths(res, type);
  const defaults = defaultTagMap(res, type);
  if (defaults) paths.push(defaults.path);
  for (const path of paths) {
    const l = lookup(res, path);
    if (l.state !== 'known') continue;
    if (typeof l.value !== 'object' || Array.isArray(l.value)) throw bad(path, `${describeJsonType(l.value)}, where a map of strings belongs`);
    const map = l.value as Record<string, unknown>;
    for (const key in map) {
      const v = map[key];
      if (v !== null && typeof v !== 'string') throw bad([...path, key], `${describeJsonType(v)}, where a string belongs`);
    }
  }
  const enginePath = Object.hasOwn(ENGINE_PATHS, res.type) ? ENGINE_PATHS[res.type] : undefined;
  const engine = enginePath && lookup(res, enginePath);
  if (enginePath && engine?.state === 'known' && typeof engine.value !== 'string') throw bad(enginePath, `${describeJsonType(engine.value)}, where a string belongs`);
}

export function serverCandidates(ctx: PlanContext): ServerCandidate[] {
  const out: ServerCandidate[] = [];
  for (const res of ctx.state.resources) {
    if (res.mode !== 'managed') continue;
    const type = Object.hasOwn(SERVER_TYPES, res.type) ? SERVER_TYPES[res.type] : undefined;
    if (!type) continue;
    const location = ctx.locate(res);
    checkServerShape(res, type, location);
    const tags = type.tags(res);
    const engine = type.engine?.(res);
    const environment = Object.entries(tags).find(([k]) => k.toLowerCase() === ENVIRONMENT_TAG)?.[1]?.trim();
    const environmentTag = environment !== undefined && environment !== '' ? environment : undefined;
    const maps = unknownTagMaps(ctx, res, type);
    const candidate: ServerCandidate = {
      res,
      type,
      location,
      tags,
      tagRoles: rolesOf(tags, location, res.address),
      environmentTag,
      engine,
      always: type.kind === 'compute' || engine === 'sqlserver' || engine === 'oracle',
      tagsUnknown: maps.length === 0 ? undefined : unknownTagsOf(res, maps),
    };
    if (maps.length > 0) {
      // A tag unknown until apply is not an absent tag: the server may hold roles, or belong to an environment, not known yet.
      const roleTagUnknown = unknownTag(res, maps, (k) => k === ROLE_TAG || k.startsWith(`${ROLE_TAG}-`));
      if (roleTagUnknown !== undefined) candidate.roleTagUnknown = roleTagUnknown;
      const environmentTagUnknown = environmentTag === undefined ? unknownTag(res, maps, (k) => k === ENVIRONMENT_TAG) : undefined;
      if (environmentTagUnknown !== undefined) candidate.environmentTagUnknown = environmentTagUnknown;
    }
    out.push(candidate);
  }
  return out;
}

export interface NetworkBuilders {
  network(candidate: ServerCandidate): ServerNetwork;
  /** Each cloud's network model of the plan, built once: balancers reuse their groups and NSGs. */
  aws(): ReturnType<typeof buildAwsNetwork>;
  azure(): ReturnType<typeof buildAzureNetwork>;
  gcp(): ReturnType<typeof buildGcpNetwork>;
}

/** The attributes of an Azure virtual machine that name its network interfaces, first one first. */
export function azureNicPaths(res: PlanResource): string[] {
  return res.type === 'azurerm_virtual_machine' ? ['primary_network_interface_id', 'network_interface_ids'] : ['network_interface_ids'];
}

/** Builds each cloud's network model once per plan, on first use. */
export function networkBuilders(ctx: PlanContext): NetworkBuilders {
  let aws: ReturnType<typeof buildAwsNetwork> | undefined;
  let azure: ReturnType<typeof buildAzureNetwork> | undefined;
  let gcp: ReturnType<typeof buildGcpNetwork> | undefined;
  const sgPaths = (res: PlanResource): AttributePath[] => {
    switch (res.type) {
      case 'aws_instance':
        return [['vpc_security_group_ids'], ['security_groups']];
      case 'aws_launch_template': {
        const paths: AttributePath[] = [['vpc_security_group_ids'], ['security_group_names']];
        const nis = lookup(res, ['network_interfaces']);
        if (nis.state === 'known' && Array.isArray(nis.value)) nis.value.forEach((_, i) => paths.push(['network_interfaces', i, 'security_groups']));
        return paths;
      }
      case 'aws_launch_configuration':
        return [['security_groups']];
      default:
        return [['vpc_security_group_ids']];
    }
  };
  const builders: NetworkBuilders = {
    aws: () => (aws ??= buildAwsNetwork(ctx)),
    azure: () => (azure ??= buildAzureNetwork(ctx)),
    gcp: () => (gcp ??= buildGcpNetwork(ctx)),
    network(c) {
      const res = c.res;
      switch (c.type.cloud) {
        case 'aws':
          return builders.aws().serverNetwork(res, sgPaths(res));
        case 'azure':
          if (c.type.kind === 'database') return builders.azure().sqlServerNetwork(res);
          if (SCALE_SET_TYPES.includes(res.type)) return builders.azure().scaleSetNetwork(res);
          return builders.azure().serverNetwork(res, azureNicPaths(res));
        default:
          return c.type.kind === 'database' ? builders.gcp().sqlNetwork(res) : builders.gcp().serverNetwork(res);
      }
    },
  };
  return builders;
}

/** The database listener port: the `port` attribute, else the engine's default (left to the policy). */
/** A database's port, and whether its configuration sets none (so the engine's default applies). */
function databasePort(ctx: PlanContext, c: ServerCandidate): { port?: number; unset: boolean } {
  if (c.type.kind !== 'database') return { unset: false };
  if (c.type.defaultPort !== undefined) return { port: c.type.defaultPort, unset: false };
  const port = attributeValues(ctx, c.res, ['port'], { computedDefault: [] });
  const value = port.values.find((v) => typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)));
  return { port: value === undefined ? undefined : Number(value), unset: port.values.length === 0 && port.unknown.length === 0 };
}

/** The port each engine of a managed database listens on where the plan sets none. */
const ENGINE_PORTS: Readonly<Record<string, number>> = { ...DATABASE_DEFAULT_PORTS, mysql: 3306, mariadb: 3306, 'aurora-mysql': 3306, aurora: 3306, postgres: 5432, 'aurora-postgresql': 5432, db2: 50000 };

/**
 * The ports a managed database listens on: its port (or its engine's where the plan sets
 * none); Azure SQL also redirects clients inside Azure to 11000-11999, Cloud SQL answers
 * connectors on 3307. Undefined where not known (an RDS option group may add ports): then
 * its firewall alone decides.
 */
function listeningPorts(c: ServerCandidate, declared: { port?: number; unset: boolean }): { ports: PortSet; text: string } | undefined {
  if (c.type.kind !== 'database') return undefined;
  if (c.res.type === 'azurerm_mssql_server' || c.res.type === 'azurerm_sql_server') return { ports: PortSet.of(1433).union(PortSet.range(11000, 11999)), text: 'tcp/1433 (and 11000-11999 for clients inside Azure)' };
  // An option group (Oracle SSL, SQL Server Reporting Services) may open ports of its own.
  const options = c.res.type === 'aws_db_instance' ? lookup(c.res, ['option_group_name']) : undefined;
  if (options && options.state !== 'absent' && !(options.state === 'known' && typeof options.value === 'string' && (options.value === '' || options.value.startsWith('default:')))) return undefined;
  // Cloud SQL's port is its engine's; RDS takes its engine's where the configuration sets none.
  const byEngine = c.engine !== undefined && Object.hasOwn(ENGINE_PORTS, c.engine) && (declared.unset || c.res.type === 'google_sql_database_instance') ? ENGINE_PORTS[c.engine] : undefined;
  const port = declared.port ?? byEngine;
  if (port === undefined) return undefined;
  // Cloud SQL also answers its connectors and Auth Proxy on 3307.
  return c.res.type === 'google_sql_database_instance' ? { ports: PortSet.of(port, 3307), text: `tcp/${port} (and 3307 for its connectors)` } : { ports: PortSet.of(port), text: `tcp/${port}` };
}

/** A managed database answers only on its ports: nothing else of it can be reached, whatever its firewall admits. */
function listeningLayer(res: PlanResource, location: SourceLocation, listening: { ports: PortSet; text: string }): FilterLayer {
  const text = `${res.address} is a managed database listening only on ${listening.text}`;
  return blockingLayer(`ports of ${res.address}`, location, { addresses: AddressSet.ALL, identities: [], label: 'any address' }, text, { kind: 'advice', text: `${text}: no rule can open another port of it` }, { ports: PortSet.ALL.subtract(listening.ports) });
}

/** The server model of a candidate, named `name` in its environment. */
export function buildServer(
  ctx: PlanContext,
  builders: NetworkBuilders,
  c: ServerCandidate,
  name: string,
  roles: readonly string[],
  roleNotes: Record<string, string>,
  doubts: { rolesUnknown?: string; possibleRoles?: readonly string[]; membershipUnknown?: string } = {},
): Server {
  const network = builders.network(c);
  const engine = c.type.kind === 'database' ? c.engine : undefined;
  const declared = databasePort(ctx, c);
  const listening = listeningPorts(c, declared);
  return {
    kind: 'server',
    name,
    roles,
    roleNotes: Object.keys(roleNotes).length > 0 ? roleNotes : undefined,
    addresses: network.addresses,
    addressesExact: network.addressesExact,
    identities: [`server:${name}`, ...roles.map((r) => `role:${r}`), ...network.identities],
    identitiesUnknown: network.identitiesUnknown,
    ingress: listening ? [listeningLayer(c.res, c.location, listening), ...network.ingress] : network.ingress,
    ...(network.fleet !== undefined ? { fleet: network.fleet } : {}),
    egress: network.egress,
    location: c.location,
    provider: providerOf(c.res.providerName) ?? c.type.cloud,
    providerLocation: c.location,
    region: c.type.region(ctx, c.res),
    engine,
    port: declared.port,
    resource: { address: c.res.address, type: c.res.type },
    ...(doubts.rolesUnknown !== undefined ? { rolesUnknown: doubts.rolesUnknown } : {}),
    ...(doubts.rolesUnknown !== undefined && doubts.possibleRoles !== undefined ? { possibleRoles: doubts.possibleRoles } : {}),
    ...(doubts.membershipUnknown !== undefined ? { membershipUnknown: doubts.membershipUnknown } : {}),
    ...(network.network ? { network: network.network } : {}),
    ...(network.noIpv6 ? { noIpv6: true } : {}),
  };
}
