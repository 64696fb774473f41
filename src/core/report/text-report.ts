import type { Finding } from '../model.js';
import { safeLogLine } from './escape.js';
import { blockingSummary, compareUrgency, environmentsByUrgency, findingsByEnvironment, notCheckedCount, nothingCheckedAnywhere, nothingCheckedNote } from './report.js';
import type { GateLike, Report } from './report.js';

/** The terminal report: the verdict first, then what needs attention per environment; passes counted. */

const MARK: Record<Finding['status'], string> = { fail: 'FAIL', unknown: '  ? ', waived: 'WAIV', pass: ' ok ' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function verdictLine(report: Report, gate: GateLike): string {
  const { blocking, undecided, failOn, unknownCounts } = blockingSummary(report, gate);
  const s = report.summary;
  const what = undecided > 0 ? `${plural(blocking, 'finding')} (${undecided} unknown)` : plural(blocking, 'finding');
  const threshold = `${failOn}${unknownCounts ? ', unknown included' : ''}`;
  const head = blocking > 0
    ? `FAIL: ${what} at or above ${threshold}`
    : nothingCheckedAnywhere(report) ? 'PASS, but nothing was checked: no environment has a server' : failOn === 'never' ? 'PASS (fail-on: never)' : `PASS: nothing at or above ${threshold}`;
  // Checks of an environment without servers ran on nothing: not counted as passes.
  const notChecked = notCheckedCount(report);
  const passes = `${s.pass - notChecked} passed${notChecked > 0 ? `, ${notChecked} not checked: no servers` : ''}`;
  return `topogate ${report.tool.version} ${head} (${s.bySeverity.error} error, ${s.bySeverity.warning} warning, ${s.bySeverity.notice} notice; ${s.unknown} unknown, ${s.waived} waived, ${passes})`;
}

export function renderText(report: Report, gate: GateLike, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [verdictLine(report, gate), ''];
  if (report.environments.length === 0) lines.push('No environments: pass a topology (--topology) or a plan (--plan).');
  const environments = new Map(report.environments.map((e) => [e.name, e]));
  for (const name of environmentsByUrgency(report)) {
    const env = environments.get(name)!;
    const findings = [...(findingsByEnvironment(report).get(env.name) ?? [])].sort(compareUrgency);
    const shown = options.verbose ? findings : findings.filter((f) => f.status !== 'pass');
    const passed = findings.length - shown.length;
    lines.push(safeLogLine(`${env.name} (${env.providers.join(', ') || 'provider unknown'}; ${plural(env.servers, 'server')})`));
    const nothing = nothingCheckedNote(env, findings);
    if (nothing) lines.push(safeLogLine(`   !  ${nothing}`));
    for (const f of shown) {
      const where = `${f.location.file}:${f.location.line}:${f.location.column}`;
      lines.push(safeLogLine(`  ${MARK[f.status]} ${f.severity.padEnd(7)} ${f.policy}  ${f.subject}  ${where}`));
      lines.push(safeLogLine(`       ${f.message}`));
    }
    const more = options.verbose ? '' : ' (--verbose lists them)';
    if (passed > 0) lines.push(nothing ? `   -  ${plural(passed, 'check')} found nothing to check${more}` : `  ${MARK.pass} ${plural(passed, 'check')} passed${more}`);
    lines.push('');
  }
  for (const d of report.disabled) lines.push(safeLogLine(`disabled: ${d.policy} ${d.title}: ${d.reason} (${d.location.file}:${d.location.line})`));
  for (const a of report.advisories ?? []) lines.push(safeLogLine(`warning: ${a.file}:${a.line}:${a.column}: ${a.message}`));
  return `${lines.join('\n').trimEnd()}\n`;
}
