import { decodeInput } from '../core/input/decode.js';
import { loadPolicies, loadTopologies, runCheck } from '../core/run-check.js';
import type { TextInput } from '../core/run-check.js';
import type { Report } from '../core/report/report.js';
import { MissingInputError, displayPath, expandPatterns, readLimited, splitPatterns } from './input-files.js';

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

async function readTopologies(ws: Workspace, patterns: readonly string[]): Promise<TextInput[]> {
  const files = await expandPatterns(ws, splitPatterns(patterns), 'topology');
  return files.map((abs) => {
    const shown = displayPath(ws, abs);
    return { path: shown, text: decodeInput(readLimited(abs, shown, TOPOLOGY_MAX_BYTES), shown) };
  });
}

function requireInputs(req: CheckRequest): void {
  if (splitPatterns(req.topology).length === 0 && splitPatterns(req.plan).length === 0) {
    throw new MissingInputError('nothing to check: name a topology file and/or a plan');
  }
  if (splitPatterns(req.plan).length > 0) throw new MissingInputError('plans are not supported yet');
}

export async function checkFiles(req: CheckRequest): Promise<Report> {
  requireInputs(req);
  const packs = readPacks(req.workspace, req.policies, req.builtin);
  const topologies = await readTopologies(req.workspace, req.topology);
  return runCheck({ version: req.version, topologies, packs, today: req.today });
}

export async function validateFiles(req: CheckRequest): Promise<ValidationSummary> {
  requireInputs(req);
  const packs = readPacks(req.workspace, req.policies, req.builtin);
  const policies = loadPolicies(packs);
  const topologies = await readTopologies(req.workspace, req.topology);
  const loaded = loadTopologies(topologies, policies.clients);
  return { topologies: topologies.length, plans: 0, environments: loaded.environments.length, packs: packs.length, policies: policies.policies.length };
}
