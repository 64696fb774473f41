import type { Finding, SourceLocation } from '../model.js';
import { codeSpan, escapeMarkdown } from './escape.js';
import { blockingSummary, compareUrgency, environmentsByUrgency, findingsByEnvironment, notCheckedCount, nothingCheckedAnywhere, nothingCheckedNote } from './report.js';
import type { GateLike, Report } from './report.js';

/**
 * The PR comment and job summary: a verdict line, then per environment a table of what
 * needs attention (failures first, each with its fix) and the passes collapsed.
 * Every value from an input goes through escapeMarkdown or codeSpan.
 */

export interface MarkdownOptions {
  /** The threshold, or the gate (with undecided findings failing too). */
  failOn: GateLike;
  /** A link for a location (the file at the PR's commit), when the caller knows the repository. */
  linkTo?: (location: SourceLocation) => string | undefined;
  /** Keep the text under this many characters (a PR comment holds 65,536). */
  maxLength?: number;
  /** Where the full report is, named when the text had to be cut. */
  fullReportHint?: string;
  /** Include the passing findings' rows (collapsed). Default true. */
  passDetails?: boolean;
}

const indexes = new WeakMap<Report, Map<string, Report['environments'][number]>>();
function environmentIndex(report: Report): Map<string, Report['environments'][number]> {
  let m = indexes.get(report);
  if (!m) indexes.set(report, (m = new Map(report.environments.map((e) => [e.name, e]))));
  return m;
}

const ICON: Record<Finding['status'], string> = { fail: '❌', unknown: '❔', waived: '⏸️', pass: '✅' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function where(loc: SourceLocation, options: MarkdownOptions): string {
  const text = codeSpan(`${loc.file}:${loc.line}`);
  const url = options.linkTo?.(loc);
  return url ? `[${text}](${encodeURI(url).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})` : text;
}

function verdict(report: Report, gate: GateLike): string {
  const { blocking, undecided, failOn, unknownCounts } = blockingSummary(report, gate);
  const s = report.summary;
  const head = blocking > 0
    ? `### ❌ topogate: ${plural(blocking, 'finding')} block${blocking === 1 ? 's' : ''} the merge${undecided > 0 ? ` (${undecided} of them undecided)` : ''}`
    : s.unknown > 0 || s.fail > 0
      ? `### ✅ topogate: nothing blocks the merge${[
          s.unknown > 0 ? `${s.unknown} could not be decided` : '',
          s.fail > 0 ? `${plural(s.fail, 'finding')} ${failOn === 'never' ? `fail${s.fail === 1 ? 's' : ''} (fail-on \`never\`)` : `below \`${failOn}\``}` : '',
        ]
          .filter((x) => x !== '')
          .map((x) => `; ${x}`)
          .join('')}`
      : nothingCheckedAnywhere(report)
        ? '### ⚠️ topogate: nothing was checked (no environment has a server)'
        : '### ✅ topogate: all checks pass';
  // Checks of an environment without servers ran on nothing: not counted as passes.
  const notChecked = notCheckedCount(report);
  const counts = [
    `${s.bySeverity.error} error${s.bySeverity.error === 1 ? '' : 's'}`,
    plural(s.bySeverity.warning, 'warning'),
    plural(s.bySeverity.notice, 'notice'),
    `${s.unknown} unknown`,
    `${s.waived} waived`,
    `${s.pass - notChecked} passed`,
    ...(notChecked > 0 ? [`${notChecked} not checked (no servers)`] : []),
  ].join(' · ');
  return `${head}\n\n${counts} — fail-on: \`${failOn}\`${unknownCounts ? ' (unknown included)' : ''}, ${plural(report.environments.length, 'environment')}, ${plural(report.policies.length, 'policy').replace('policys', 'policies')}`;
}

function attentionRow(f: Finding, options: MarkdownOptions): string {
  const status = f.status === 'fail' ? `${ICON.fail} ${f.severity}` : `${ICON[f.status]} ${f.status}`;
  return `| ${status} | **${escapeMarkdown(f.policy)}** ${escapeMarkdown(f.title)} | ${codeSpan(f.subject)} | ${escapeMarkdown(f.message)} | ${where(f.location, options)} |`;
}

function passRow(f: Finding, options: MarkdownOptions): string {
  return `| ${escapeMarkdown(f.policy)} | ${codeSpan(f.subject)} | ${escapeMarkdown(f.message)} | ${where(f.location, options)} |`;
}

function environmentSection(report: Report, envName: string, options: MarkdownOptions, passDetails: boolean): string[] {
  const env = environmentIndex(report).get(envName);
  const findings = [...(findingsByEnvironment(report).get(envName) ?? [])].sort(compareUrgency);
  const attention = findings.filter((f) => f.status !== 'pass');
  const passes = findings.filter((f) => f.status === 'pass');
  const fails = attention.filter((f) => f.status === 'fail').length;
  const unknown = attention.filter((f) => f.status === 'unknown').length;
  const nothing = env ? nothingCheckedNote(env, findings) : undefined;
  const state = fails > 0 ? `❌ ${plural(fails, 'failure')}` : unknown > 0 ? `❔ ${unknown} unknown` : nothing ? '⚠️ nothing checked' : '✅ passes';
  const providers = env && env.providers.length > 0 ? env.providers.map(escapeMarkdown).join(', ') : 'provider unknown';
  const lines = [`#### ${escapeMarkdown(envName)} — ${state}`, '', `<sub>${providers} · ${plural(env?.servers ?? 0, 'server')}</sub>`, ''];
  if (nothing) lines.push(escapeMarkdown(nothing), '');
  if (attention.length > 0) {
    lines.push('| Status | Policy | Subject | Finding | Location |', '|---|---|---|---|---|');
    for (const f of attention) lines.push(attentionRow(f, options));
    lines.push('');
  }
  if (passes.length > 0) {
    if (passDetails) {
      const title = nothing ? `${plural(passes.length, 'check')} found nothing to check` : `${ICON.pass} ${plural(passes.length, 'check')} passed`;
      lines.push(`<details><summary>${title}</summary>`, '', `| Policy | Subject | ${nothing ? 'Why' : 'Why it passes'} | Location |`, '|---|---|---|---|');
      for (const f of passes) lines.push(passRow(f, options));
      lines.push('', '</details>', '');
    } else {
      lines.push(nothing ? `${plural(passes.length, 'check')} found nothing to check.` : `${ICON.pass} ${plural(passes.length, 'check')} passed.`, '');
    }
  }
  return lines;
}

function disabledSection(report: Report): string[] {
  if (report.disabled.length === 0) return [];
  return ['**Disabled by the team:**', '', ...report.disabled.map((d) => `- **${escapeMarkdown(d.policy)}** ${escapeMarkdown(d.title)}: ${escapeMarkdown(d.reason)} (${codeSpan(`${d.location.file}:${d.location.line}`)})`), ''];
}

export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  return renderMarkdownReport(report, options).text;
}

/** renderMarkdown, also telling whether rows had to be cut (passes only collapsed is no cut: every finding is still there). */
export function renderMarkdownReport(report: Report, options: MarkdownOptions): { text: string; cut: boolean } {
  const build = (passDetails: boolean) => {
    const lines = [verdict(report, options.failOn), ''];
    for (const a of report.advisories ?? []) lines.push(`> ⚠️ ${escapeMarkdown(`${a.file}:${a.line}:${a.column}: ${a.message}`)}`, '');
    if (report.environments.length === 0) lines.push('No environments were found in the inputs.', '');
    for (const env of environmentsByUrgency(report)) lines.push(...environmentSection(report, env, options, passDetails));
    lines.push(...disabledSection(report));
    return `${lines.join('\n').trimEnd()}\n`;
  };
  const full = build(options.passDetails ?? true);
  const max = options.maxLength;
  if (max === undefined || full.length <= max) return { text: full, cut: false };
  const compact = build(false);
  if (compact.length <= max) return { text: compact, cut: false };
  // Still too long: keep whole lines up to the budget and say where the rest is.
  const note = `\n\n> ✂️ This report was cut to fit. ${options.fullReportHint ?? 'Run topogate locally or see the JSON report for every finding.'}\n`;
  const budget = max - note.length;
  const lines = compact.split('\n');
  let out = '';
  for (const line of lines) {
    if (out.length + line.length + 1 > budget) break;
    out += `${line}\n`;
  }
  return { text: `${out.trimEnd()}${note}`, cut: true };
}
