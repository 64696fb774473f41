import { ProblemList } from '../errors.js';
import type { InputProblem } from '../errors.js';
import type { Environment, Finding, Severity, SourceLocation } from '../model.js';
import { CHECK_TYPES } from '../checks/index.js';
import type { Override, Waiver } from '../topology/parse-topology.js';
import { suggestPolicy } from './pack.js';
import { nearMiss, policyNameProblems } from './policy-names.js';
import { environmentNameAdvisories } from './environment-names.js';
import { closest } from '../input/closest-word.js';
import { showInvisible } from '../report/escape.js';
import type { Policy } from './pack.js';

/** Policies over environments: findings with waivers and team overrides applied. */

export interface DisabledPolicy {
  policy: string;
  title: string;
  reason: string;
  location: SourceLocation;
}

export interface Evaluation {
  findings: Finding[];
  disabled: DisabledPolicy[];
  /** What looks wrong in the inputs without stopping the run (a waiver that seems to miss its finding), at its place. */
  advisories?: InputProblem[];
}

export interface EvaluationInput {
  environments: readonly Environment[];
  policies: readonly Policy[];
  waivers?: readonly Waiver[];
  overrides?: readonly Override[];
  /** Today as YYYY-MM-DD, for waiver expiry: the caller's clock keeps the core deterministic. */
  today: string;
  /** The clients every environment gets (`internet` and the packs' defaults), to tell a misspelt client from one a topology lacks. */
  defaultClients?: Iterable<string>;
}

/**
 * Waivers and overrides must name real policies and environments: a typo would silently
 * waive nothing. Policies must name clients, roles and servers that exist (a typo there
 * would silently check nothing), unless an override turns them off.
 */
export function checkReferences(input: Omit<EvaluationInput, 'today'>): void {
  const problems = new ProblemList();
  const ids = new Set(input.policies.map((p) => p.id));
  const envs = new Set(input.environments.map((e) => e.name));
  const unknownPolicy = (id: string, at: SourceLocation, what: string) => {
    const s = suggestPolicy(id, input.policies);
    problems.add(at, `${what} names policy "${id}", which no loaded pack defines.${s ? ` Did you mean ${s}?` : ''}`);
  };
  for (const w of input.waivers ?? []) {
    if (!ids.has(w.policy)) unknownPolicy(w.policy, w.at?.policy ?? w.location, 'this waiver');
    if (!envs.has(w.environment)) {
      const s = closest(w.environment, envs);
      problems.add(w.at?.environment ?? w.location, `this waiver names environment "${w.environment}", which no topology or plan defines.${s ? ` Did you mean "${s}"?` : ` Known: ${[...envs].join(', ') || 'none'}.`}`);
    }
  }
  const seen = new Map<string, SourceLocation>();
  for (const o of input.overrides ?? []) {
    if (!ids.has(o.policy)) unknownPolicy(o.policy, o.policyAt ?? o.location, 'this override');
    const prev = seen.get(o.policy);
    if (prev) problems.add(o.location, `policy ${o.policy} is already overridden at ${prev.file}:${prev.line}; keep one override per policy.`);
    seen.set(o.policy, o.location);
  }
  const offOverrides = (input.overrides ?? []).filter((o) => o.severity === 'off');
  const off = new Set(offOverrides.map((o) => o.policy));
  // Every policy off checks nothing, and a run that checks nothing must not read as a pass.
  if (input.policies.length > 0 && input.policies.every((p) => off.has(p.id))) {
    problems.add(offOverrides[0].location, `overrides turn off every loaded policy (${input.policies.length}), so topogate would check nothing and report a pass. Keep at least one policy on, or add a pack with --policies (action input \`policies\`) whose policies this repository keeps.`);
  }
  problems.addAll(policyNameProblems(input.policies.filter((p) => !off.has(p.id)), input.environments, input.defaultClients ?? ['internet']));
  problems.throwIfAny();
}

function compareFindings(a: Finding, b: Finding): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.environment, b.environment) || cmp(a.policy, b.policy) || cmp(a.subject, b.subject) || cmp(a.location.file, b.location.file) || a.location.line - b.location.line;
}

/**
 * A message is built from dozens of pieces, and V8 keeps such a string as a tree of them
 * until something reads it whole: tens of thousands of findings kept as trees are more
 * objects for the collector to copy (measured: 12 MB less heap at 50,000 findings).
 * Converting to a number reads the string whole (flattens it); the result goes to a sink
 * so the conversion is not optimised away.
 */
let _flattened = 0;
function flat(s: string): string {
  _flattened += Number.isNaN(Number(s)) ? 0 : 1;
  return s;
}

export function evaluate(input: EvaluationInput): Evaluation {
  checkReferences(input);
  const overrides = new Map((input.overrides ?? []).map((o) => [o.policy, o]));
  const disabled: DisabledPolicy[] = [];
  const findings: Finding[] = [];
  const active: Array<{ policy: Policy; severity: Severity; checkType: NonNullable<ReturnType<typeof CHECK_TYPES.get>>; note: string }> = [];
  for (const policy of [...input.policies].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const override = overrides.get(policy.id);
    if (override?.severity === 'off') {
      disabled.push({ policy: policy.id, title: policy.title, reason: override.reason, location: override.location });
      continue;
    }
    const checkType = CHECK_TYPES.get(policy.check.type);
    if (!checkType) continue; // unreachable: packs are validated against the known types
    const severity: Severity = override?.severity ?? policy.severity;
    const note = override && override.severity !== policy.severity ? ` (Severity ${severity}, changed from ${policy.severity}: ${override.reason})` : '';
    active.push({ policy, severity, checkType, note });
  }
  // Environment by environment, policies in id order: the findings come out nearly in
  // report order, so the final sort has little to do.
  for (const env of [...input.environments].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    for (const { policy, severity, checkType, note } of active) {
      for (const outcome of checkType.check(env, policy.check as never)) {
        findings.push({
          policy: policy.id,
          title: policy.title,
          severity,
          status: outcome.status,
          environment: env.name,
          subject: outcome.subject,
          message: flat(outcome.message + note),
          location: outcome.location,
          source: policy.source,
        });
      }
    }
  }
  // Echoed input shows what it holds, as in input errors: a subject with a zero-width space reads \u200b.
  const advisories = [...environmentNameAdvisories(input.environments), ...applyWaivers(findings, input.waivers ?? [], input.today)].map((a) => ({ ...a, message: showInvisible(a.message) }));
  findings.sort(compareFindings);
  disabled.sort((a, b) => (a.policy < b.policy ? -1 : 1));
  return advisories.length > 0 ? { findings, disabled, advisories } : { findings, disabled };
}

/** A waiver turns a fail or unknown into `waived` until it expires; an expired one says so. */
function applyWaivers(findings: Finding[], waivers: readonly Waiver[], today: string): InputProblem[] {
  if (waivers.length === 0) return [];
  // Indexed by policy and environment: a finding looks up its few candidates, not every waiver.
  const byScope = new Map<string, Waiver[]>();
  for (const w of waivers) {
    const key = `${w.policy}\0${w.environment}`;
    byScope.set(key, [...(byScope.get(key) ?? []), w]);
  }
  const used = new Set<Waiver>();
  for (const f of findings) {
    if (f.status !== 'fail' && f.status !== 'unknown') continue;
    const candidates = byScope.get(`${f.policy}\0${f.environment}`)?.filter((x) => x.subject === undefined || x.subject === f.subject) ?? [];
    // A renewed waiver beside the expired one it replaces: the one in force wins; among
    // those, the one naming this subject before one covering the whole policy.
    const rank = (x: Waiver) => (x.expires < today ? 2 : 0) + (x.subject === undefined ? 1 : 0);
    const w = candidates.length <= 1 ? candidates[0] : [...candidates].sort((a, b) => rank(a) - rank(b))[0];
    if (!w) continue;
    used.add(w);
    const expired = w.expires < today;
    f.waiver = { reason: w.reason, expires: w.expires, location: w.location, expired };
    if (expired) {
      f.message += ` (A waiver at ${w.location.file}:${w.location.line} expired on ${w.expires} and no longer applies: renew it or fix the finding.)`;
    } else {
      f.status = 'waived';
      f.message += ` (Waived until ${w.expires}: ${w.reason})`;
    }
  }
  // A waiver that waives nothing is usually one whose finding was fixed: no error (that
  // would block the fix). One whose subject nearly matches a finding still open, and no
  // finding's exactly, is likely a slip: said, without stopping the run.
  const advisories: InputProblem[] = [];
  for (const w of waivers) {
    if (used.has(w) || w.subject === undefined) continue;
    const scope = findings.filter((f) => f.policy === w.policy && f.environment === w.environment);
    if (scope.some((f) => f.subject === w.subject)) continue;
    const meant = nearMiss(w.subject, scope.filter((f) => f.status === 'fail' || f.status === 'unknown').map((f) => f.subject));
    if (meant) advisories.push({ ...(w.at?.subject ?? w.location), message: `this waiver's subject "${w.subject}" matches no finding of ${w.policy} in "${w.environment}", so it waives nothing; did you mean "${meant}", which is still open?` });
  }
  return advisories;
}
