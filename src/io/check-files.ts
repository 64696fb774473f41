import { statSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { InputError } from '../core/errors.js';
import type { InputProblem } from '../core/errors.js';
import { decodeInput } from '../core/input/decode.js';
import { loadEnvironments, loadPolicies, runCheck, topologyPlans } from '../core/run-check.js';
import { checkReferences } from '../core/policy/evaluate.js';
import type { PlanInput, TextInput } from '../core/run-check.js';
import type { Report } from '../core/report/report.js';
import type { TfSource } from '../core/terraform/tf-declarations.js';
import { MissingInputError, displayPath, expandPatterns, isGlob, readWorkspaceFile, resolveInsideWorkspace, splitPatterns } from './input-files.js';
import { isMissing, readReason, readRemedy } from './read-problems.js';

export { MissingInputError };
import type { Workspace } from './input-files.js';
import { readPacks } from './policy-packs.js';

/**
 * Files in, report out: what the CLI and the action both do. Patterns are expanded and
 * files read here (the edge); everything after is the pure core.
 */

export interface CheckRequest {
  workspace: Workspace;
  topology: readonly string[];
  plan: readonly string[];
  policies: readonly string[];
  builtin: boolean;
  /** YYYY-MM-DD. */
  today: string;
  version: string;
}

export interface ValidationSummary {
  topologies: number;
  plans: number;
  environments: number;
  packs: number;
  policies: number;
}

const TOPOLOGY_MAX_BYTES = 8 * 1024 * 1024;
/** Plans of tens of thousands of resources run to hundreds of MiB; V8 strings stop near 512 MiB. */
// Plans are read from bytes, never as one string, so they may be as large as a file Node reads.
const PLAN_MAX_BYTES = 2 * 1024 * 1024 * 1024 - 1;
/** `.tf` files are only read to place findings: a bounded scan, files over the limit skipped. */
const TF_MAX_FILES = 20_000;
const TF_MAX_FILE_BYTES = 2 * 1024 * 1024;
const TF_MAX_TOTAL_BYTES = 128 * 1024 * 1024;

export interface CheckOutcome {
  report: Report;
  /** Absolute paths of every file read (topologies, plans, packs, `.tf`): never to be overwritten. */
  filesRead: readonly string[];
}

async function readTopologies(ws: Workspace, patterns: readonly string[], filesRead: string[]): Promise<TextInput[]> {
  const files = await expandPatterns(ws, splitPatterns(patterns), 'topology');
  return files.map((abs) => {
    const shown = displayPath(ws, abs);
    const text = decodeInput(readWorkspaceFile(ws, abs, shown, TOPOLOGY_MAX_BYTES), shown);
    filesRead.push(abs);
    return { path: shown, text };
  });
}

/** Plans named with --plan and those the topologies list (resolved inside the workspace), each read once. */
async function readPlans(ws: Workspace, patterns: readonly string[], topologies: readonly TextInput[], clients: Parameters<typeof topologyPlans>[1], filesRead: string[]): Promise<PlanInput[]> {
  const byPath = new Map<string, string>();
  const problems: InputProblem[] = [];
  const given = splitPatterns(patterns);
  if (given.length > 0) for (const abs of await expandPatterns(ws, given, 'plan')) byPath.set(displayPath(ws, abs), abs);
  for (const link of topologyPlans(topologies, clients)) {
    if (byPath.has(link.path)) continue;
    const topology = topologies.find((t) => link.location.file === t.path);
    const resolved = resolveInsideWorkspace(ws, path.resolve(ws.root, topology?.path ?? '.'), link.written);
    if (!resolved.ok) {
      problems.push({ ...link.location, message: resolved.reason });
      continue;
    }
    let kind: 'file' | 'folder' | 'other' | 'missing';
    try {
      const st = statSync(resolved.absolute);
      kind = st.isFile() ? 'file' : st.isDirectory() ? 'folder' : 'other';
    } catch (e) {
      if (!isMissing(e, resolved.absolute)) {
        problems.push({ ...link.location, message: `plan "${link.written}" cannot be read (${resolved.absolute}): ${readReason(e, resolved.absolute)}. ${readRemedy(e, resolved.absolute)}` });
        continue;
      }
      kind = 'missing';
    }
    if (kind !== 'file') {
      const message = kind === 'missing' && isGlob(link.written)
        ? `plan "${link.written}" is a pattern, and plans: takes file paths, not patterns (they are not expanded). List each plan file under plans:, or pass the pattern with --plan (action input plan).`
        : kind === 'missing'
        ? `plan "${link.written}" does not exist (looked in ${resolved.absolute}). Write the plan there first: terraform show -json plan.out > ${link.written}`
        : `plan "${link.written}" is ${kind === 'folder' ? 'a folder' : 'not a regular file'} (${resolved.absolute}); plans: lists plan JSON files. Name the file, e.g. ${kind === 'folder' ? path.posix.join(link.written.replace(/\\/g, '/'), 'plan.json') : 'infra/plan.json'}, written by terraform show -json plan.out.`;
      problems.push({ ...link.location, message });
      continue;
    }
    byPath.set(link.path, resolved.absolute);
  }
  if (problems.length > 0) throw new InputError(problems);
  return [...byPath.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([shown, abs]) => {
    const content = readWorkspaceFile(ws, abs, shown, PLAN_MAX_BYTES);
    filesRead.push(abs);
    return { path: shown, content };
  });
}

/** The workspace's `.tf` files, to find where each resource of a plan is declared. */
async function readTerraformSources(ws: Workspace, filesRead: string[]): Promise<TfSource[]> {
  const files = await glob(['**/*.tf'], {
    cwd: ws.root,
    absolute: true,
    onlyFiles: true,
    dot: false,
    ignore: ['**/.terraform/**', '**/node_modules/**', '**/.git/**'],
    expandDirectories: false,
  });
  const sources: TfSource[] = [];
  let total = 0;
  for (const abs of files.sort().slice(0, TF_MAX_FILES)) {
    let size: number;
    try {
      size = statSync(abs).size;
    } catch {
      continue;
    }
    if (size > TF_MAX_FILE_BYTES || total + size > TF_MAX_TOTAL_BYTES) continue;
    const shown = displayPath(ws, abs);
    try {
      sources.push({ path: shown, text: decodeInput(readWorkspaceFile(ws, abs, shown, TF_MAX_FILE_BYTES), shown) });
      filesRead.push(abs);
      total += size;
    } catch {
      // A .tf that is not text, or a link out of the workspace, only loses its locations:
      // findings then point at the plan.
    }
  }
  return sources;
}

const hasInputs = (req: CheckRequest) => splitPatterns(req.topology).length > 0 || splitPatterns(req.plan).length > 0;

function requireInputs(req: CheckRequest): void {
  if (!hasInputs(req)) {
    throw new MissingInputError('nothing to check: name a topology file and/or a plan');
  }
}

async function readInputs(req: CheckRequest, clients: Parameters<typeof topologyPlans>[1], filesRead: string[]) {
  const topologies = await readTopologies(req.workspace, req.topology, filesRead);
  const plans = await readPlans(req.workspace, req.plan, topologies, clients, filesRead);
  const terraformSources = plans.length > 0 ? await readTerraformSources(req.workspace, filesRead) : [];
  // Where relative patterns start: of look-alike stacks, the one the run works in.
  const workingFolder = displayPath(req.workspace, req.workspace.cwd);
  return { topologies, plans, terraformSources, workingFolder };
}

export async function checkFiles(req: CheckRequest): Promise<Report> {
  return (await checkFilesListingInputs(req)).report;
}

/** checkFiles, also telling which files it read, so that the CLI never writes its report over one. */
export async function checkFilesListingInputs(req: CheckRequest): Promise<CheckOutcome> {
  requireInputs(req);
  const filesRead: string[] = [];
  const packs = readPacks(req.workspace, req.policies, req.builtin, filesRead);
  const policies = loadPolicies(packs);
  // Checking against no policy would pass on nothing.
  if (policies.policies.length === 0) {
    throw new MissingInputError(
      `policies: no policy to check against: ${req.builtin ? 'the packs loaded hold none' : `the built-in pack is off (--no-builtin, action input builtin-policies: false) and ${req.policies.length === 0 ? 'no pack is given' : 'the packs given hold no policy'}`}. Pass packs with --policies DIR (action input policies), or keep the built-in pack.`,
    );
  }
  const inputs = await readInputs(req, policies.clients, filesRead);
  return { report: runCheck({ version: req.version, packs, today: req.today, ...inputs }, policies), filesRead };
}

/**
 * Validates the packs and, when some are named, the topologies and plans: a pack author
 * runs `validate --policies DIR` with no input at all while writing the pack.
 */
export async function validateFiles(req: CheckRequest): Promise<ValidationSummary> {
  const packs = readPacks(req.workspace, req.policies, req.builtin);
  const policies = loadPolicies(packs);
  const summary = { topologies: 0, plans: 0, environments: 0, packs: packs.length, policies: policies.policies.length };
  if (!hasInputs(req)) return summary;
  const inputs = await readInputs(req, policies.clients, []);
  const loaded = loadEnvironments(inputs, policies.clients);
  // What `check` would refuse before evaluating, `validate` refuses too.
  checkReferences({ environments: loaded.environments, policies: policies.policies, waivers: loaded.waivers, overrides: loaded.overrides, defaultClients: policies.clients.keys() });
  return { ...summary, topologies: inputs.topologies.length, plans: loaded.plans, environments: loaded.environments.length };
}
