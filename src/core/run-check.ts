import { InputError } from './errors.js';
import type { InputProblem } from './errors.js';
import type { Client, Environment } from './model.js';
import { allPolicies, defaultClients, parsePack } from './policy/pack.js';
import type { PackFiles, Policy, PolicyPack } from './policy/pack.js';
import { evaluate } from './policy/evaluate.js';
import { parseTopology } from './topology/parse-topology.js';
import type { Override, TopologyFile, Waiver } from './topology/parse-topology.js';
import { buildTopologyEnvironment } from './topology/build-environments.js';
import { buildReport } from './report/report.js';
import type { Report } from './report/report.js';
import { parsePlan } from './terraform/plan-input.js';
import { mergePlanEnvironments, topologyPlanLinks } from './terraform/plan-environments.js';
import type { PlanLink } from './terraform/plan-environments.js';
import { scanDeclarations } from './terraform/tf-declarations.js';
import type { TfSource } from './terraform/tf-declarations.js';

/**
 * The whole pure pipeline: texts in, report out. The CLI and the action read files and
 * pass them here; nothing in this module touches the disk, the clock or the network.
 */

export interface TextInput {
  path: string;
  text: string;
}

/** A Terraform plan file: bytes as read (the core decodes BOMs and UTF-16), or text. */
export interface PlanInput {
  /** Workspace-relative, forward slashes: how findings name it and topologies list it. */
  path: string;
  content: Uint8Array | string;
}

export interface CheckInputs {
  version: string;
  topologies: readonly TextInput[];
  packs: readonly PackFiles[];
  /** YYYY-MM-DD, for waiver expiry. */
  today: string;
  /** Plans from `--plan` and from the topologies' `terraform.plans`. */
  plans?: readonly PlanInput[];
  /** The repository's `.tf` files, to point findings at the line declaring each resource. */
  terraformSources?: readonly TfSource[];
  /**
   * Repository-relative folder the run works in (the CLI's cwd, the action's
   * `working-directory`), forward slashes; `.` when absent. Of two folders declaring a plan's
   * blocks alike, the one here is taken when the plan's own place does not tell.
   */
  workingFolder?: string;
}

export interface LoadedPolicies {
  packs: PolicyPack[];
  policies: Policy[];
  clients: Map<string, Client>;
}

/** Runs `fn` over every item, collecting every InputError so that all files report at once. */
export function collectProblems<T, R>(items: readonly T[], fn: (item: T) => R): R[] {
  const problems: InputProblem[] = [];
  const results: R[] = [];
  for (const item of items) {
    try {
      results.push(fn(item));
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return results;
}

export function loadPolicies(packFiles: readonly PackFiles[]): LoadedPolicies {
  const packs = collectProblems(packFiles, parsePack);
  const names = new Map<string, string>();
  const problems: InputProblem[] = [];
  for (const p of packs) {
    const prev = names.get(p.name);
    if (prev) problems.push({ ...(p.nameLocation ?? { file: p.dir, line: 1, column: 1 }), message: `pack name "${p.name}" is also the name of ${prev}; pack names are unique: rename this one.` });
    names.set(p.name, p.dir);
  }
  // Two packs giving one client different addresses: which one a topology gets must not depend on load order in silence.
  const clientOwners = new Map<string, PolicyPack>();
  for (const p of packs) {
    for (const [name, client] of p.clients) {
      const first = clientOwners.get(name);
      if (!first) {
        clientOwners.set(name, p);
        continue;
      }
      const other = first.clients.get(name)!;
      if (!other.addresses.equals(client.addresses)) {
        const at = p.clientLocations?.get(name) ?? { file: p.dir, line: 1, column: 1 };
        const firstAt = first.clientLocations?.get(name);
        problems.push({ ...at, message: `client "${name}" is also defined by pack ${first.name}${firstAt ? ` (${firstAt.file}:${firstAt.line})` : ''} with other addresses (${other.addresses.describe(3)}); a client has one default. Define it in one pack (to replace the built-in pack's, load yours without it: --no-builtin, action input builtin-policies: false), or declare it per environment in the topology (clients:), which overrides the packs.` });
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return { packs, policies: allPolicies(packs), clients: defaultClients(packs) };
}

export interface LoadedTopologies {
  files: TopologyFile[];
  environments: Environment[];
  waivers: Waiver[];
  overrides: Override[];
}

/**
 * Parsed topology files by input: the edge asks which plans they list before the check,
 * and a large topology should be parsed once. Parsing depends on the clients' names too.
 */
const parsedTopologies = new WeakMap<TextInput, { clients: ReadonlyMap<string, Client>; file: TopologyFile }>();

export function loadTopologies(inputs: readonly TextInput[], clients: ReadonlyMap<string, Client>): LoadedTopologies {
  const defaultNames = new Set(clients.keys());
  const files = collectProblems(inputs, (t) => {
    const hit = parsedTopologies.get(t);
    if (hit && hit.clients === clients) return hit.file;
    const file = parseTopology(t.text, t.path, { defaultClients: defaultNames });
    parsedTopologies.set(t, { clients, file });
    return file;
  });
  const problems: InputProblem[] = [];
  const seen = new Map<string, { file: string; line: number }>();
  for (const f of files) {
    for (const env of f.environments) {
      const prev = seen.get(env.raw.name);
      if (prev) problems.push({ ...env.location, message: `environment "${env.raw.name}" is already defined at ${prev.file}:${prev.line}; environment names are unique across topology files.` });
      else seen.set(env.raw.name, env.location);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const environments = files.flatMap((f) => f.environments.map((e) => buildTopologyEnvironment(f, e.raw, e.path, clients)));
  return { files, environments, waivers: files.flatMap((f) => f.waivers), overrides: files.flatMap((f) => f.overrides) };
}

/** The plan files the topologies list, for the edge to read. Throws the topologies' input errors. */
export function topologyPlans(inputs: readonly TextInput[], clients: ReadonlyMap<string, Client>): PlanLink[] {
  return topologyPlanLinks(loadTopologies(inputs, clients).files);
}

export interface LoadedInputs extends LoadedTopologies {
  /** Plans parsed (their count, for `validate`). */
  plans: number;
}

/** Topologies and plans to environments: the model every check reads. */
export function loadEnvironments(inputs: Pick<CheckInputs, 'topologies' | 'plans' | 'terraformSources' | 'workingFolder'>, clients: ReadonlyMap<string, Client>): LoadedInputs {
  const topologies = loadTopologies(inputs.topologies, clients);
  const plans = collectProblems(inputs.plans ?? [], (p) => parsePlan(p.content, p.path));
  if (plans.length === 0 && topologyPlanLinks(topologies.files).length === 0) {
    requireEnvironments(topologies);
    return { ...topologies, plans: 0 };
  }
  const environments = mergePlanEnvironments({
    topologyFiles: topologies.files,
    topologyEnvironments: topologies.environments,
    plans,
    scan: scanDeclarations(inputs.terraformSources ?? []),
    workingFolder: inputs.workingFolder,
    clients,
  });
  return { ...topologies, environments, plans: plans.length };
}

/** Without plans: topology files that declare no environment, or selectors with nothing to select from, would pass on nothing. */
function requireEnvironments(topologies: LoadedTopologies): void {
  // Selectors pick servers from plans: without a plan they select nothing, silently.
  const problems: InputProblem[] = [];
  for (const f of topologies.files) {
    for (const env of f.environments) {
      if ((env.raw.terraform?.select ?? []).length === 0) continue;
      problems.push({ ...f.doc.at([...env.path, 'terraform', 'select']), message: `environment "${env.raw.name}" selects servers from Terraform plans, but no plan is given, so its selectors select nothing. Pass the plans with --plan (or list them in terraform.plans).` });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  if (topologies.environments.length > 0 || topologies.files.length === 0) return;
  const f = topologies.files[0];
  throw InputError.at(
    f.doc.at(['environments']),
    `${topologies.files.length === 1 ? 'this topology file declares no environment' : `none of the ${topologies.files.length} topology files declares an environment`}, and no plan is given, so there is nothing to check. Declare environments (with their servers), or pass the Terraform plans to check with --plan.`,
  );
}

/** The pipeline; `loaded` is the packs already loaded (the edge loads them first to read the plans a topology names). */
export function runCheck(inputs: CheckInputs, loaded?: LoadedPolicies): Report {
  const policies = loaded ?? loadPolicies(inputs.packs);
  const topologies = loadEnvironments(inputs, policies.clients);
  const environments = topologies.environments;
  const evaluation = evaluate({
    environments,
    policies: policies.policies,
    waivers: topologies.waivers,
    overrides: topologies.overrides,
    today: inputs.today,
    defaultClients: policies.clients.keys(),
  });
  return buildReport(inputs.version, environments, policies.policies, evaluation);
}
