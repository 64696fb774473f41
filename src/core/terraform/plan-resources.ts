import { InputError } from '../errors.js';
import { MAX_MODULE_DEPTH, formatModuleInstance, formatModulePath, joinAddress, parseModuleAddress } from './addresses.js';
import type { InstanceKey, ModuleStep } from './addresses.js';
import type { JsonPath } from './json-syntax.js';
import type { PlanDocument } from './plan-input.js';

/**
 * The resources as they will be after apply: `resource_changes[].change.after` with the
 * `after_unknown` tree beside it, resources the plan does not change from
 * `planned_values`, and data sources read at plan time from `prior_state`. Resources
 * being deleted are gone. Every lookup the cloud modules need is a map, so a plan of
 * 50,000 instances costs one pass.
 */

export type PlanAction = 'create' | 'update' | 'replace' | 'no-op' | 'read' | 'forget' | 'unchanged';

export interface PlanResource {
  /** `module.net["eu"].aws_security_group.db[0]`. */
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: InstanceKey;
  /** The module instance: `module.net["eu"]`, `''` for the root. */
  module: string;
  moduleSteps: readonly ModuleStep[];
  /** The module in configuration, without keys: `module.net`. */
  modulePath: string;
  /** `aws_security_group.db` or `data.aws_ami.x`: the resource inside its module. */
  localKey: string;
  /** `module.net.aws_security_group.db`: the resource block in configuration. */
  configAddress: string;
  /** `registry.terraform.io/hashicorp/aws` or the short `aws` of Terraform 0.12. */
  providerName: string;
  action: PlanAction;
  /** Attribute values after apply; values unknown until apply are null or absent here. */
  values: Record<string, unknown>;
  /** The `after_unknown` tree: `true` where a value (or a whole subtree) is unknown until apply. */
  unknown: unknown;
}

export type Lookup = { state: 'known'; value: unknown } | { state: 'unknown' } | { state: 'absent' };

export type AttributePath = ReadonlyArray<string | number>;

// Shared answers: lookups run several times per rule of every group.
const UNKNOWN: Lookup = Object.freeze({ state: 'unknown' });
const ABSENT: Lookup = Object.freeze({ state: 'absent' });

/** The value at `path` after apply: known, unknown until apply, or absent (null or not set). */
export function lookup(res: PlanResource, path: AttributePath): Lookup {
  let value: unknown = res.values;
  let unknown: unknown = res.unknown;
  for (const step of path) {
    if (unknown === true) return UNKNOWN;
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[step] : undefined;
    unknown = unknown !== null && typeof unknown === 'object' ? (unknown as Record<string | number, unknown>)[step] : undefined;
  }
  if (unknown === true) return UNKNOWN;
  if (value === null || value === undefined) return ABSENT;
  return { state: 'known', value };
}

/** A known string value, or undefined. */
export function knownString(res: PlanResource, path: AttributePath): string | undefined {
  const l = lookup(res, path);
  return l.state === 'known' && typeof l.value === 'string' && l.value !== '' ? l.value : undefined;
}

/** A known number (a count, a size), or undefined: unknown until apply is not zero. */
export function knownNumber(res: PlanResource, path: AttributePath): number | undefined {
  const l = lookup(res, path);
  return l.state === 'known' && typeof l.value === 'number' && Number.isFinite(l.value) ? l.value : undefined;
}

/** A known string-to-string map (tags, labels), or an empty map. */
export function knownMap(res: PlanResource, path: AttributePath): Record<string, string> {
  const l = lookup(res, path);
  const out: Record<string, string> = {};
  if (l.state !== 'known' || l.value === null || typeof l.value !== 'object' || Array.isArray(l.value)) return out;
  for (const [k, v] of Object.entries(l.value as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
}

export interface PlanState {
  doc: PlanDocument;
  resources: PlanResource[];
  byAddress: ReadonlyMap<string, PlanResource>;
  /** Instances of one resource block in one module instance (`count`/`for_each` give several). */
  instancesOf(module: string, localKey: string): readonly PlanResource[];
  /** The instance with key `key` of one resource block in one module instance. */
  instanceOf(module: string, localKey: string, key: InstanceKey): PlanResource | undefined;
  /** Instances of the child module `name` called from module instance `parent`. */
  childInstances(parent: string, name: string): readonly string[];
  /** Resources that this plan deletes, with their values before: gone after apply. */
  deleted: readonly PlanResource[];
  /** Where an entry is in the plan when `doc.locateAddress` does not index it (a deferred change). */
  entryPath(address: string): JsonPath | undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function actionOf(actions: readonly unknown[]): PlanAction | 'delete' {
  const has = (a: string) => actions.includes(a);
  if (has('delete') && has('create')) return 'replace';
  if (has('delete')) return 'delete';
  if (has('create')) return 'create';
  if (has('update')) return 'update';
  if (has('read')) return 'read';
  if (has('forget')) return 'forget';
  if (has('no-op')) return 'no-op';
  return 'unchanged';
}

/** The module steps at the start of a resource instance address (`module.a["k"].aws_x.y[0]`). */
function moduleStepsOfAddress(address: string): ModuleStep[] | undefined {
  const steps: ModuleStep[] = [];
  const step = /module\.([A-Za-z_][A-Za-z0-9_-]*)(\[(?:\d+|\*|"(?:[^"\\]|\\.)*")\])?\./y;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((step.lastIndex = at), (m = step.exec(address))) {
    const parsed = parseModuleAddress(`module.${m[1]}${m[2] ?? ''}`);
    if (!parsed || parsed.length !== 1) return undefined;
    steps.push(parsed[0]);
    at = step.lastIndex;
  }
  return steps;
}

interface RawResource {
  address?: unknown;
  mode?: unknown;
  type?: unknown;
  name?: unknown;
  index?: unknown;
  module_address?: unknown;
  provider_name?: unknown;
}

export function buildPlanState(doc: PlanDocument): PlanState {
  const plan = doc.plan;
  const resources: PlanResource[] = [];
  const byAddress = new Map<string, PlanResource>();
  /** Resource blocks by module instance, then by local key: their instances, and those by key (0 and "0" differ). */
  const blocks = new Map<string, Map<string, { instances: PlanResource[]; byKey?: Map<InstanceKey, PlanResource> }>>();
  const children = new Map<string, Set<string>>();
  const seenModules = new Set<string>();
  const deletedAddresses = new Set<string>();
  const deleted: PlanResource[] = [];

  /** Where an entry is: a path in the plan object, or a byte offset from a selective read. */
  type Where = ReadonlyArray<string | number> | number;
  const locate = (where: Where) => (typeof where === 'number' ? doc.locateOffset(where) : doc.at(where));
  // A module instance holds many resources: its address is read and formatted once.
  type ModuleOfResource = { steps: readonly ModuleStep[]; module: string; modulePath: string };
  const describeModule = (steps: readonly ModuleStep[] | undefined): ModuleOfResource | undefined =>
    steps && { steps, module: formatModuleInstance(steps), modulePath: formatModulePath(steps) };
  const modules = new Map<string, ModuleOfResource | undefined>();
  const moduleOf = (moduleAddress: string) => {
    if (modules.has(moduleAddress)) return modules.get(moduleAddress);
    const m = describeModule(parseModuleAddress(moduleAddress));
    modules.set(moduleAddress, m);
    return m;
  };
  const make = (raw: RawResource, where: Where, action: PlanAction, values: unknown, unknown: unknown): PlanResource => {
    const bad = (what: string) => InputError.at(locate(where), `${what}: this is not what \`terraform show -json\` writes. Is the plan hand-edited or cut? Make it again with \`terraform show -json plan.out > plan.json\`.`);
    if (typeof raw.address !== 'string' || typeof raw.type !== 'string' || typeof raw.name !== 'string') {
      throw bad('a resource without a string "address", "type" and "name"');
    }
    // Attributes that are not an object would leave the resource without tags or rules: a
    // silent pass. (Terraform does write null, for a no-op of an instance no longer in state.)
    if (values !== null && values !== undefined && !isObject(values)) throw bad(`${raw.address} has a ${Array.isArray(values) ? 'list' : typeof values} for its attribute values`);
    const mode = raw.mode === 'data' ? 'data' : 'managed';
    const m = typeof raw.module_address === 'string' ? moduleOf(raw.module_address) : describeModule(moduleStepsOfAddress(raw.address));
    if (!m) throw bad(`the module address of ${raw.address} cannot be read`);
    const { steps, module, modulePath } = m;
    // Per-level work follows (each enclosing module is registered): refuse absurd depth first.
    if (steps.length > MAX_MODULE_DEPTH) {
      throw InputError.at(locate(where), `${raw.address.slice(0, 120)}${raw.address.length > 120 ? '…' : ''}: modules are nested more than ${MAX_MODULE_DEPTH} deep in this resource address; that is not a configuration Terraform makes. Is the file generated or hand-edited?`);
    }
    const index = typeof raw.index === 'number' || typeof raw.index === 'string' ? raw.index : undefined;
    const localKey = `${mode === 'data' ? 'data.' : ''}${raw.type}.${raw.name}`;
    return {
      address: raw.address,
      mode,
      type: raw.type,
      name: raw.name,
      index,
      module,
      moduleSteps: steps,
      modulePath,
      localKey,
      configAddress: joinAddress(modulePath, localKey),
      providerName: typeof raw.provider_name === 'string' ? raw.provider_name : '',
      action,
      values: isObject(values) ? values : {},
      unknown: unknown ?? {},
    };
  };
  const add = (raw: RawResource, where: Where, action: PlanAction, values: unknown, unknown: unknown): void => {
    if (typeof raw.address === 'string' && byAddress.has(raw.address)) return;
    const res = make(raw, where, action, values, unknown);
    resources.push(res);
    byAddress.set(res.address, res);
    let inModule = blocks.get(res.module);
    if (!inModule) blocks.set(res.module, (inModule = new Map()));
    let block = inModule.get(res.localKey);
    if (!block) inModule.set(res.localKey, (block = { instances: [] }));
    block.instances.push(res);
    if (res.index !== undefined) (block.byKey ??= new Map()).set(res.index, res);
    // Each module instance is registered with its parent once, not once per resource in it.
    if (res.module !== '' && !seenModules.has(res.module)) {
      seenModules.add(res.module);
      const steps = res.moduleSteps;
      for (let i = 0; i < steps.length; i++) {
        const parent = formatModuleInstance(steps.slice(0, i));
        const key = `${parent}|${steps[i].name}`;
        const set = children.get(key) ?? new Set<string>();
        set.add(formatModuleInstance(steps.slice(0, i + 1)));
        children.set(key, set);
      }
    }
  };

  const readChange = (rc: unknown, where: JsonPath): void => {
    if (!isObject(rc) || !isObject(rc.change) || !Array.isArray(rc.change.actions)) {
      throw InputError.at(doc.at(where), 'a resource change without a "change" object holding an "actions" list: this is not what `terraform show -json` writes. Make the plan again with `terraform show -json plan.out > plan.json`.');
    }
    const action = actionOf(rc.change.actions);
    if (action === 'delete') {
      const gone = make(rc as RawResource, where, 'no-op', rc.change.before, {});
      deletedAddresses.add(gone.address);
      deleted.push(gone);
      return;
    }
    const values = action === 'forget' ? rc.change.before : rc.change.after;
    // A change that creates or updates with no `after` (Terraform writes one; trimmed or edited
    // plans may not) says nothing of the result: every attribute is unknown until apply.
    const blank = (values === null || values === undefined) && (action === 'create' || action === 'update' || action === 'replace');
    add(rc as RawResource, where, action, values, blank ? true : action === 'forget' ? {} : rc.change.after_unknown);
  };
  const changes = Array.isArray(plan.resource_changes) ? plan.resource_changes : [];
  changes.forEach((rc: unknown, i) => readChange(rc, ['resource_changes', i]));
  // Changes Terraform defers to a later plan and apply (`deferred_changes`, in a plan with
  // `"complete": false`: a count or for_each unknown until apply, a provider configured from
  // values unknown until apply) are still what the configuration asks for. They are modelled as
  // the others, their unknown values making verdicts unknown, rather than missing from the model:
  // a deferred server or rule left out would pass or fail in silence.
  const entryPaths = new Map<string, JsonPath>();
  const deferredChanges = Array.isArray(plan.deferred_changes) ? plan.deferred_changes : [];
  deferredChanges.forEach((d: unknown, i) => {
    const where = ['deferred_changes', i, 'resource_change'];
    readChange(isObject(d) ? d.resource_change : undefined, where);
    const address = isObject(d) && isObject(d.resource_change) ? d.resource_change.address : undefined;
    if (typeof address === 'string' && !entryPaths.has(address)) entryPaths.set(address, where);
  });

  // Resources the plan leaves alone appear only in planned_values when there is no
  // resource_changes (a plan without changes); data sources read at plan time are in
  // prior_state, and so are the resources a targeted plan (-target) leaves out of its
  // changes: they stay as they are, so they are part of the network after apply.
  const known = new Set([...byAddress.keys(), ...deletedAddresses]);
  for (const which of ['planned', 'prior'] as const) {
    for (const { entry, offset, path } of doc.extraEntries(which, known)) {
      if (!isObject(entry) || typeof entry.address !== 'string' || known.has(entry.address)) continue;
      const action = which === 'prior' && entry.mode === 'data' ? 'read' : 'unchanged';
      add(entry as RawResource, offset ?? path ?? [], action, entry.values, {});
      known.add(entry.address);
    }
  }

  return {
    doc,
    resources,
    byAddress,
    instancesOf: (module, localKey) => blocks.get(module)?.get(localKey)?.instances ?? [],
    instanceOf: (module, localKey, key) => blocks.get(module)?.get(localKey)?.byKey?.get(key),
    childInstances: (parent, name) => [...(children.get(`${parent}|${name}`) ?? [])],
    deleted,
    entryPath: (address) => entryPaths.get(address),
  };
}
