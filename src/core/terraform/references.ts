import { InputError } from '../errors.js';
import { MAX_MODULE_DEPTH, formatModuleInstance, formatModulePath, parseReference } from './addresses.js';
import type { InstanceKey, ModuleStep, Reference } from './addresses.js';
import { lookup } from './plan-resources.js';
import type { AttributePath, PlanResource, PlanState } from './plan-resources.js';

/**
 * Values unknown until apply, followed through the plan's `configuration`: an instance
 * whose `vpc_security_group_ids` is unknown still names `aws_security_group.fe` in its
 * expression's `references`. References are followed through variables (the module
 * call's argument, or the root `variables`), module outputs and `count`/`for_each`
 * instances. Locals are not in the plan, so a value built in a local stays unresolved.
 * Every answer is memoised per module instance, so resolving 50,000 instances that name
 * the same group costs one resolution.
 */

export interface Expression {
  constant_value?: unknown;
  references?: string[];
}

export interface ConfigResource {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  expressions: Record<string, unknown>;
  providerConfigKey?: string;
}

export interface ModuleCall {
  name: string;
  source?: string;
  expressions: Record<string, unknown>;
  repeated: boolean;
  module: ConfigModule;
}

export interface ConfigModule {
  /** `module.a.module.b`, `''` for the root. */
  path: string;
  resources: Map<string, ConfigResource>;
  calls: Map<string, ModuleCall>;
  outputs: Map<string, unknown>;
  variables: Map<string, { default?: unknown }>;
}

export interface ProviderConfig {
  name: string;
  alias?: string;
  moduleAddress?: string;
  expressions: Record<string, unknown>;
}

export interface ConfigIndex {
  /** False when the plan has no `configuration` (hand-made or trimmed plans). */
  present: boolean;
  root: ConfigModule;
  modules: ReadonlyMap<string, ConfigModule>;
  providers: ReadonlyMap<string, ProviderConfig>;
}


function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function isExpression(v: unknown): v is Expression {
  if (!isObject(v)) return false;
  for (const k of Object.keys(v)) if (k !== 'constant_value' && k !== 'references') return false;
  return true;
}

function emptyModule(path: string): ConfigModule {
  return { path, resources: new Map(), calls: new Map(), outputs: new Map(), variables: new Map() };
}

export function buildConfigIndex(state: PlanState): ConfigIndex {
  const doc = state.doc;
  const configuration = doc.plan.configuration;
  const modules = new Map<string, ConfigModule>();
  const providers = new Map<string, ProviderConfig>();
  if (!isObject(configuration)) {
    const root = emptyModule('');
    modules.set('', root);
    return { present: false, root, modules, providers };
  }
  if (isObject(configuration.provider_config)) {
    for (const [key, p] of Object.entries(configuration.provider_config)) {
      if (!isObject(p) || typeof p.name !== 'string') continue;
      providers.set(key, {
        name: p.name,
        alias: typeof p.alias === 'string' ? p.alias : undefined,
        moduleAddress: typeof p.module_address === 'string' ? p.module_address : undefined,
        expressions: isObject(p.expressions) ? p.expressions : {},
      });
    }
  }
  const root = emptyModule('');
  const stack: Array<{ raw: unknown; module: ConfigModule; depth: number; where: Array<string | number> }> = [
    { raw: configuration.root_module, module: root, depth: 0, where: ['configuration', 'root_module'] },
  ];
  // A part of the configuration in a shape Terraform never writes would drop what it holds
  // (a resource's expressions, a module's resources) and with it the references that tie
  // values unknown until apply to their resources.
  const bad = (path: Array<string | number>, what: string) =>
    InputError.at(doc.at(path), `${path.join('.')} ${what}: this is not what \`terraform show -json\` writes. Is the plan hand-edited? Make it again with \`terraform show -json plan.out > plan.json\`.`);
  const mustBe = (v: unknown, path: Array<string | number>, kind: 'an object' | 'a list') => {
    if (v !== undefined && (kind === 'a list' ? !Array.isArray(v) : !isObject(v))) throw bad(path, `must be ${kind}`);
  };
  mustBe(configuration.root_module, ['configuration', 'root_module'], 'an object');
  while (stack.length > 0) {
    const { raw, module, depth, where } = stack.pop()!;
    modules.set(module.path, module);
    if (!isObject(raw)) continue;
    if (depth > MAX_MODULE_DEPTH) {
      throw InputError.at(doc.at(where), `modules are nested more than ${MAX_MODULE_DEPTH} deep in this plan's configuration; that is not a configuration Terraform makes. Is the file generated or hand-edited?`);
    }
    mustBe(raw.resources, [...where, 'resources'], 'a list');
    mustBe(raw.module_calls, [...where, 'module_calls'], 'an object');
    const resources = Array.isArray(raw.resources) ? raw.resources : [];
    for (let i = 0; i < resources.length; i++) {
      const r: unknown = resources[i];
      if (!isObject(r) || typeof r.type !== 'string' || typeof r.name !== 'string') throw bad([...where, 'resources', i], 'must be an object with a string "type" and "name"');
      mustBe(r.expressions, [...where, 'resources', i, 'expressions'], 'an object');
      const mode = r.mode === 'data' ? 'data' : 'managed';
      module.resources.set(`${mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`, {
        mode,
        type: r.type,
        name: r.name,
        expressions: isObject(r.expressions) ? r.expressions : {},
        providerConfigKey: typeof r.provider_config_key === 'string' ? r.provider_config_key : undefined,
      });
    }
    if (isObject(raw.outputs)) {
      for (const [name, o] of Object.entries(raw.outputs)) if (isObject(o)) module.outputs.set(name, o.expression);
    }
    if (isObject(raw.variables)) {
      for (const [name, v] of Object.entries(raw.variables)) module.variables.set(name, isObject(v) && 'default' in v ? { default: v.default } : {});
    }
    if (isObject(raw.module_calls)) {
      for (const [name, c] of Object.entries(raw.module_calls)) {
        if (!isObject(c)) throw bad([...where, 'module_calls', name], 'must be an object');
        mustBe(c.module, [...where, 'module_calls', name, 'module'], 'an object');
        mustBe(c.expressions, [...where, 'module_calls', name, 'expressions'], 'an object');
        const child = emptyModule(module.path === '' ? `module.${name}` : `${module.path}.module.${name}`);
        module.calls.set(name, {
          name,
          source: typeof c.source === 'string' ? c.source : undefined,
          expressions: isObject(c.expressions) ? c.expressions : {},
          repeated: 'count_expression' in c || 'for_each_expression' in c,
          module: child,
        });
        stack.push({ raw: c.module, module: child, depth: depth + 1, where: [...where, 'module_calls', name, 'module'] });
      }
    }
  }
  return { present: true, root, modules, providers };
}

export interface ResolvedTarget {
  resource: PlanResource;
  /** The attribute the reference reads (`id`, `name`, `outputs.sg_id`); empty for the whole resource. */
  attribute: string[];
}

export interface Resolution {
  targets: ResolvedTarget[];
  /** Constant values the expression can take (scalars, lists and maps flattened). */
  constants: unknown[];
  /** What could not be followed: `local.sg_ids`, `each.value`, `module.x` without an output. */
  unresolved: string[];
  /**
   * Set when the expression may pick some of its targets rather than take them all (`var.x ?
   * a : b`, `a[var.i]`): the references, all a plan records, read the same as for `[a, b]`.
   * Says what decides.
   */
  choice?: string;
}

/** How configuration sets an attribute. */
export type AttributeSource =
  | { kind: 'no-configuration' }
  | { kind: 'not-set' }
  | { kind: 'set'; resolution: Resolution };

const EMPTY: Resolution = { targets: [], constants: [], unresolved: [] };

function merge(into: Resolution, from: Resolution): void {
  into.targets.push(...from.targets);
  into.constants.push(...from.constants);
  into.unresolved.push(...from.unresolved);
  if (from.choice !== undefined) into.choice ??= from.choice;
}

/** A value that can decide a condition or an index (a bool, a number, null), not one that is linked to (an id). */
const decides = (r: Resolution): boolean => r.targets.length === 0 && r.constants.some((c) => c === null || typeof c === 'boolean' || typeof c === 'number');

/** Scalars of a constant value; lists and maps are opened up to a small depth. */
export function flattenConstant(v: unknown, out: unknown[] = [], depth = 0): unknown[] {
  if (Array.isArray(v)) {
    if (depth < 4) for (const x of v) flattenConstant(x, out, depth + 1);
  } else if (isObject(v)) {
    if (depth < 4) for (const x of Object.values(v)) flattenConstant(x, out, depth + 1);
  } else if (v !== null && v !== undefined) {
    out.push(v);
  }
  return out;
}

/**
 * Which block of a configuration list a plan block comes from. Sets (AWS `ingress`)
 * are reordered in the plan, so blocks are matched on their constant arguments.
 */
export type BlockMatcher = (configBlock: Record<string, unknown>) => boolean;

const MAX_CHAIN = 64;

/** References read so far: every module instance of a large plan repeats the same texts. Results are shared: do not modify. */
const readReferences = new Map<string, Reference>();

function readReference(text: string): Reference {
  let ref = readReferences.get(text);
  if (!ref) {
    if (readReferences.size >= 100_000) readReferences.clear();
    ref = parseReference(text);
    readReferences.set(text, ref);
  }
  return ref;
}

export class ReferenceResolver {
  private readonly memo = new Map<string, Resolution>();
  private readonly active = new Set<string>();

  constructor(
    readonly state: PlanState,
    readonly config: ConfigIndex,
  ) {}

  configOf(res: PlanResource): ConfigResource | undefined {
    return this.config.modules.get(res.modulePath)?.resources.get(res.localKey);
  }

  /**
   * The configuration expression for `path` of `res`. A step into a list of blocks picks
   * the block by index, or with `matchBlock` by its constant arguments; an expression
   * that sets a whole attribute covers every path below it.
   */
  expressionAt(res: PlanResource, path: AttributePath, matchBlock?: BlockMatcher): { expression: Expression } | { notSet: true } | { ambiguous: string } {
    let node: unknown = this.configOf(res)?.expressions;
    if (node === undefined) return { notSet: true };
    for (const [i, step] of path.entries()) {
      // An expression covers every path below it; `{}` there is an empty block (or the root), not an expression.
      if (i > 0 && isExpression(node) && Object.keys(node).length > 0) return { expression: node };
      if (Array.isArray(node)) {
        if (typeof step !== 'number') return { notSet: true };
        if (matchBlock) {
          const candidates = node.filter((b) => isObject(b) && matchBlock(b));
          if (candidates.length !== 1) return candidates.length === 0 ? { notSet: true } : { ambiguous: `${candidates.length} blocks of the configuration could be this one` };
          node = candidates[0];
        } else {
          node = node[step];
        }
        continue;
      }
      if (!isObject(node)) return { notSet: true };
      // A single nested block is written as a one-element list in the plan.
      node = typeof step === 'number' ? (step === 0 ? node : undefined) : node[step];
      if (node === undefined) return { notSet: true };
    }
    if (isExpression(node)) return { expression: node };
    return node === undefined ? { notSet: true } : { ambiguous: 'it is written as nested blocks' };
  }

  /** How configuration sets `path` of `res`, followed to resources and constants. */
  attribute(res: PlanResource, path: AttributePath, matchBlock?: BlockMatcher): AttributeSource {
    if (!this.config.present) return { kind: 'no-configuration' };
    const found = this.expressionAt(res, path, matchBlock);
    if ('notSet' in found) return { kind: 'not-set' };
    if ('ambiguous' in found) return { kind: 'set', resolution: { targets: [], constants: [], unresolved: [`${path.join('.')} (${found.ambiguous})`] } };
    return { kind: 'set', resolution: this.resolveExpression(res.moduleSteps, found.expression, res.index, 0) };
  }

  /** Whether configuration writes the attribute at all (static blocks and arguments; dynamic blocks are not in the plan). */
  isSet(res: PlanResource, name: string): boolean {
    const e = this.configOf(res)?.expressions;
    return e !== undefined && name in e;
  }

  resolveExpression(steps: readonly ModuleStep[], expression: unknown, index: InstanceKey | undefined, depth: number): Resolution {
    if (!isExpression(expression)) return { ...EMPTY, unresolved: ['an expression the plan does not record'] };
    if ('constant_value' in expression) return { targets: [], constants: flattenConstant(expression.constant_value), unresolved: [] };
    const refs = Array.isArray(expression.references) ? expression.references.filter((r): r is string => typeof r === 'string') : [];
    if (refs.length === 0) return { ...EMPTY, unresolved: ['an expression without references that topogate cannot evaluate (a function call?)'] };
    return this.resolveReferences(steps, refs, index, depth);
  }

  private resolveReferences(steps: readonly ModuleStep[], refs: string[], index: InstanceKey | undefined, depth: number): Resolution {
    const module = formatModuleInstance(steps);
    // The referrer's own key matters only to `count.index` / `each.*`: without them every instance shares one answer.
    const indexed = refs.some((r) => r === 'count.index' || r.startsWith('each.'));
    const key = `${module}\u0000${indexed ? `${typeof index}:${String(index)}` : ''}\u0000${refs.join('\u0000')}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    if (depth > MAX_CHAIN || this.active.has(key)) return { ...EMPTY, unresolved: [`${refs[0]} (a reference chain too long or circular to follow)`] };
    this.active.add(key);
    const result = this.resolveUncached(steps, module, refs, index, depth);
    this.active.delete(key);
    this.memo.set(key, result);
    return result;
  }

  private resolveUncached(steps: readonly ModuleStep[], module: string, refs: string[], index: InstanceKey | undefined, depth: number): Resolution {
    const out: Resolution = { targets: [], constants: [], unresolved: [] };
    const configModule = this.config.modules.get(formatModulePath(steps));
    const resources = new Map<string, { keys: Set<InstanceKey>; attribute: string[]; text: string; mode: 'managed' | 'data' }>();
    const calls = new Map<string, { keys: Set<InstanceKey>; outputs: Set<string>; text: string }>();
    const eachRefs: string[] = [];
    /** Variables and locals that may be a condition or an index over the targets. */
    const deciders: string[] = [];
    const indexed = refs.some((r) => r === 'count.index' || r.startsWith('each.'));
    for (const text of refs) {
      const ref = readReference(text);
      switch (ref.kind) {
        case 'resource': {
          const localKey = `${ref.mode === 'data' ? 'data.' : ''}${ref.type}.${ref.name}`;
          const group = resources.get(localKey) ?? { keys: new Set<InstanceKey>(), attribute: [], text, mode: ref.mode };
          if (ref.hasKey && ref.key !== undefined) group.keys.add(ref.key);
          if (ref.attribute.length > group.attribute.length) group.attribute = ref.attribute;
          resources.set(localKey, group);
          break;
        }
        case 'module': {
          const group = calls.get(ref.name) ?? { keys: new Set<InstanceKey>(), outputs: new Set<string>(), text };
          if (ref.hasKey && ref.key !== undefined) group.keys.add(ref.key);
          if (ref.output) group.outputs.add(ref.output);
          calls.set(ref.name, group);
          break;
        }
        case 'var': {
          const v = this.resolveVariable(steps, ref.name, depth);
          if (decides(v)) deciders.push(text);
          merge(out, v);
          break;
        }
        case 'local':
          deciders.push(text);
          out.unresolved.push(`local.${ref.name} (locals are not recorded in the plan)`);
          break;
        case 'each':
          eachRefs.push(text);
          break;
        case 'count-index':
        case 'ignored':
          break;
        default:
          out.unresolved.push(text);
      }
    }
    let indexUsed = false;
    for (const [localKey, group] of resources) {
      const instances = this.state.instancesOf(module, localKey);
      let picked: readonly PlanResource[];
      const byKey = (k: InstanceKey) => this.state.instanceOf(module, localKey, k);
      // Named bare, with no attribute read (`x[count.index].id` records only `x`): the index is
      // on this resource, whatever its number of instances, and picks nothing else.
      if (indexed && group.keys.size === 0 && group.attribute.length === 0) indexUsed = true;
      if (group.keys.size > 0) {
        picked = [...group.keys].map(byKey).filter((r): r is PlanResource => r !== undefined);
      } else if (instances.length > 1 && indexed) {
        // `x[count.index]` / `x[each.key]` leave only `x` and `count.index` in the references:
        // the instance with the referrer's own key is the one it names.
        indexUsed = true;
        const own = index === undefined ? undefined : byKey(index);
        picked = own ? [own] : [];
        if (picked.length === 0) out.unresolved.push(`${group.text} (which instance depends on count.index or each.key)`);
      } else {
        picked = instances;
      }
      if (instances.length === 0) {
        const declared = configModule?.resources.has(localKey) ?? false;
        // A declared managed resource without instances has count = 0 (or is being deleted): it adds nothing.
        if (!declared || group.mode === 'data') out.unresolved.push(`${group.text} (not in the plan)`);
      }
      for (const r of picked) out.targets.push({ resource: r, attribute: group.attribute });
    }
    for (const [name, group] of calls) {
      const call = configModule?.calls.get(name);
      if (!call) {
        out.unresolved.push(group.text);
        continue;
      }
      if (group.outputs.size === 0) {
        out.unresolved.push(`${group.text} (the whole module object)`);
        continue;
      }
      let children = this.state.childInstances(module, name).map((m) => ({ m, key: lastKey(m, steps, name) }));
      if (children.length === 0 && !call.repeated) children = [{ m: '', key: undefined }];
      if (group.keys.size > 0) children = children.filter((c) => c.key !== undefined && group.keys.has(c.key));
      else if (children.length > 1 && indexed) {
        indexUsed = true;
        children = children.filter((c) => c.key === index);
      }
      for (const output of group.outputs) {
        if (!call.module.outputs.has(output)) {
          out.unresolved.push(`module.${name}.${output} (no such output)`);
          continue;
        }
        for (const child of children) {
          const childSteps = [...steps, { name, key: child.key }];
          merge(out, this.resolveExpression(childSteps, call.module.outputs.get(output), child.key, depth + 1));
        }
      }
    }
    // `each.value` as the value itself (for_each over ids) cannot be followed.
    if (eachRefs.length > 0 && !indexUsed && resources.size === 0 && calls.size === 0) {
      out.unresolved.push(`${eachRefs[0]} (for_each values are not recorded per instance in the plan)`);
    }
    // `count.index` / `each.*` that did not pick an instance of the referrer's own key picks
    // among the values named beside it (`[a.id, b.id][count.index]`, `each.key == "x" ? a.id :
    // b.id`, a module variable's list indexed inside the module): a decider too.
    if (indexed && !indexUsed) deciders.push(refs.find((r) => r === 'count.index' || r.startsWith('each.')) as string);
    // A condition or index beside two or more targets unknown until apply may pick some of
    // them. (One such target is in whatever Terraform picks: had it picked only known
    // values, the attribute would be known in the plan and never followed.)
    if (deciders.length > 0 && out.choice === undefined) {
      const pending = out.targets.filter((t) => lookup(t.resource, t.attribute.length > 0 ? t.attribute : ['id']).state === 'unknown');
      if (new Set(pending.map((t) => t.resource)).size >= 2) out.choice = `${deciders.join(', ')} may pick some of ${[...new Set(pending.map((t) => t.resource.address))].join(', ')} (a condition or an index: the plan records only which names the expression reads)`;
    }
    return out;
  }

  private resolveVariable(steps: readonly ModuleStep[], name: string, depth: number): Resolution {
    if (steps.length === 0) {
      const variables = this.state.doc.plan.variables;
      const v = isObject(variables) ? variables[name] : undefined;
      if (isObject(v) && 'value' in v) return { targets: [], constants: flattenConstant(v.value), unresolved: [] };
      return { ...EMPTY, unresolved: [`var.${name} (no value in the plan)`] };
    }
    const parentSteps = steps.slice(0, -1);
    const last = steps[steps.length - 1];
    const call = this.config.modules.get(formatModulePath(parentSteps))?.calls.get(last.name);
    const argument = call?.expressions[name];
    if (argument !== undefined) return this.resolveExpression(parentSteps, argument, last.key, depth + 1);
    const declared = this.config.modules.get(formatModulePath(steps))?.variables.get(name);
    if (declared && 'default' in declared) return { targets: [], constants: flattenConstant(declared.default), unresolved: [] };
    return EMPTY;
  }

  /** A provider argument (`region`) for the provider configuration a resource uses. */
  providerArgument(res: PlanResource, argument: string, shortName: string): string | undefined {
    const key = this.configOf(res)?.providerConfigKey;
    const candidates = [key, key?.includes(':') ? key.split(':').pop() : undefined, shortName].filter((k): k is string => k !== undefined);
    for (const k of candidates) {
      const p = this.config.providers.get(k);
      if (!p) continue;
      const expr = p.expressions[argument];
      if (expr === undefined) return undefined;
      const r = this.resolveExpression([], expr, undefined, 0);
      const value = r.constants.find((c): c is string => typeof c === 'string' && c !== '');
      return r.unresolved.length === 0 && r.targets.length === 0 ? value : undefined;
    }
    return undefined;
  }
}

function lastKey(moduleInstance: string, parent: readonly ModuleStep[], name: string): InstanceKey | undefined {
  const prefix = `${formatModuleInstance(parent)}${parent.length > 0 ? '.' : ''}module.${name}`;
  const rest = moduleInstance.slice(prefix.length);
  if (rest === '') return undefined;
  const m = /^\[(\d+|".*")\]$/.exec(rest);
  if (!m) return undefined;
  return m[1].startsWith('"') ? (JSON.parse(m[1]) as string) : Number(m[1]);
}
