import type { Environment, Finding, FindingStatus, Severity } from '../model.js';
import type { InputProblem } from '../errors.js';
import { SEVERITY_RANK } from '../model.js';
import type { Policy } from '../policy/pack.js';
import type { DisabledPolicy, Evaluation } from '../policy/evaluate.js';

/** One run's result, the single type every renderer (text, json, markdown, sarif) reads. */
export interface Report {
  tool: { name: 'topogate'; version: string };
  summary: {
    fail: number;
    unknown: number;
    pass: number;
    waived: number;
    /** Failing findings only. */
    bySeverity: Record<Severity, number>;
  };
  environments: Array<{ name: string; providers: string[]; servers: number }>;
  findings: Finding[];
  disabled: DisabledPolicy[];
  /** The policies that ran, for rule metadata (SARIF, the comment's links). */
  policies: Policy[];
  /** Warnings about the inputs that do not stop the run, at their file, line and column. */
  advisories?: InputProblem[];
}

export type FailOn = Severity | 'never';

export function buildReport(version: string, environments: readonly Environment[], policies: readonly Policy[], evaluation: Evaluation): Report {
  const count = (status: FindingStatus) => evaluation.findings.filter((f) => f.status === status).length;
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of evaluation.findings) if (f.status === 'fail') bySeverity[f.severity]++;
  return {
    tool: { name: 'topogate', version },
    summary: { fail: count('fail'), unknown: count('unknown'), pass: count('pass'), waived: count('waived'), bySeverity },
    environments: [...environments]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((e) => ({
        name: e.name,
        // Without servers, the provider the environment declares.
        providers: e.servers.length === 0 && e.provider ? [e.provider] : [...new Set(e.servers.flatMap((s) => (s.provider ? [s.provider] : [])))].sort(),
        servers: e.servers.length,
      })),
    findings: evaluation.findings,
    disabled: evaluation.disabled,
    policies: [...policies],
    ...(evaluation.advisories && evaluation.advisories.length > 0 ? { advisories: evaluation.advisories } : {}),
  };
}

/**
 * What fails the run: findings that fail at or above `failOn`; with `unknown`, also those
 * that cannot be decided at or above it (a pull request that deletes the firewall then
 * fails instead of passing with every flow unknown).
 */
export interface Gate {
  failOn: FailOn;
  unknown?: boolean;
}

/** A gate, or just its threshold. */
export type GateLike = FailOn | Gate;

export const gateOf = (g: GateLike): Gate => (typeof g === 'string' ? { failOn: g } : g);

/** The gate the CLI options and the action inputs ask for. */
export const gateOfOptions = (o: { failOn: FailOn; failOnUnknown: boolean }): Gate => ({ failOn: o.failOn, unknown: o.failOnUnknown });

/** Findings that fail the run: status fail (and unknown, when the gate says so) at or above the threshold. */
export function failingFindings(report: Report, gate: GateLike): Finding[] {
  const { failOn, unknown } = gateOf(gate);
  if (failOn === 'never') return [];
  const threshold = SEVERITY_RANK[failOn];
  return report.findings.filter((f) => (f.status === 'fail' || (unknown === true && f.status === 'unknown')) && SEVERITY_RANK[f.severity] >= threshold);
}

export function isFailing(report: Report, gate: GateLike): boolean {
  return failingFindings(report, gate).length > 0;
}

/** What the verdict lines say: how many findings block, how many of them are undecided, and whether unknowns count. */
export function blockingSummary(report: Report, gate: GateLike): { blocking: number; undecided: number; failOn: FailOn; unknownCounts: boolean } {
  const { failOn, unknown } = gateOf(gate);
  const failing = failingFindings(report, gate);
  return { blocking: failing.length, undecided: failing.filter((f) => f.status === 'unknown').length, failOn, unknownCounts: unknown === true && failOn !== 'never' };
}

const grouped = new WeakMap<Report, Map<string, Finding[]>>();

/**
 * For an environment with no server whose every check passed: they passed on nothing. The
 * gate does not fail (a plan may hold no server: a pull request that only changes IAM),
 * but the report says so instead of a plain pass.
 */
export function nothingCheckedNote(env: { name: string; servers: number }, findings: readonly Finding[]): string | undefined {
  if (!nothingChecked(env, findings)) return undefined;
  return `No servers, so nothing was checked here. If "${env.name}" has servers, declare them under servers: in its topology, tag its Terraform resources topogate-environment: ${env.name}, or pass the plan that holds them (--plan, terraform.plans).`;
}

function nothingChecked(env: { servers: number }, findings: readonly Finding[]): boolean {
  return env.servers === 0 && !findings.some((f) => f.status === 'fail' || f.status === 'unknown');
}

/**
 * The passes of environments where nothing was checked: the text and markdown summaries
 * count them apart, as "not checked", so that their count agrees with the note. The JSON
 * summary keeps them in `pass` (its counts add up to the findings, as DESIGN fixes it).
 */
export function notCheckedCount(report: Report): number {
  const byEnv = findingsByEnvironment(report);
  let n = 0;
  for (const env of report.environments) {
    const findings = byEnv.get(env.name) ?? [];
    if (nothingChecked(env, findings)) n += findings.filter((f) => f.status === 'pass').length;
  }
  return n;
}

/** Whether no environment has a server to check (and there is at least one environment). */
export function nothingCheckedAnywhere(report: Report): boolean {
  const byEnv = findingsByEnvironment(report);
  return report.environments.length > 0 && report.environments.every((e) => nothingChecked(e, byEnv.get(e.name) ?? []));
}

/** The findings of each environment, grouped in one pass (renderers ask per environment). */
export function findingsByEnvironment(report: Report): ReadonlyMap<string, readonly Finding[]> {
  let map = grouped.get(report);
  if (!map) {
    map = new Map(report.environments.map((e) => [e.name, [] as Finding[]]));
    for (const f of report.findings) {
      const list = map.get(f.environment);
      if (list) list.push(f);
      else map.set(f.environment, [f]);
    }
    grouped.set(report, map);
  }
  return map;
}

/** Environment names, those with failures first, then with unknowns, then the rest; by name within each. */
export function environmentsByUrgency(report: Report): string[] {
  const byEnv = findingsByEnvironment(report);
  const rank = new Map<string, number>();
  for (const e of report.environments) {
    const fs = byEnv.get(e.name) ?? [];
    rank.set(e.name, fs.some((f) => f.status === 'fail') ? 0 : fs.some((f) => f.status === 'unknown') ? 1 : 2);
  }
  return report.environments.map((e) => e.name).sort((a, b) => rank.get(a)! - rank.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
}

/** Most urgent first: failures by severity, then unknown, waived, pass. */
export function compareUrgency(a: Finding, b: Finding): number {
  const statusRank: Record<FindingStatus, number> = { fail: 0, unknown: 1, waived: 2, pass: 3 };
  return statusRank[a.status] - statusRank[b.status] || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
}
