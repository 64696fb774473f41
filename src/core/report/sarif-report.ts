import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Severity } from '../model.js';
import type { Policy } from '../policy/pack.js';
import type { Report } from './report.js';

/**
 * SARIF 2.1.0 for code scanning: one rule per policy (help from the policy file), one
 * result per failing, unknown or waived finding, each at its file, line and column.
 * Passes are left out: code scanning shows results, and a pass is not one.
 */

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', notice: 'note' };

function ruleOf(p: Policy): ReportingDescriptor {
  const help = [
    p.description,
    p.rationale ? `Why: ${p.rationale}` : undefined,
    p.remediation ? `Fix: ${p.remediation}` : undefined,
    `Source: ${p.source}`,
  ].filter((x): x is string => Boolean(x));
  return {
    id: p.id,
    name: p.id.replace(/-/g, ''),
    shortDescription: { text: p.title },
    fullDescription: { text: p.description ?? p.title },
    help: { text: help.join('\n\n'), markdown: help.map((h) => h.replace(/^(Why|Fix|Source):/, '**$1:**')).join('\n\n') },
    defaultConfiguration: { level: LEVEL[p.severity] },
    properties: { tags: ['network', p.pack], pack: p.pack, source: p.source },
  };
}

/** A stable identity for a finding across runs, so code scanning tracks it as one alert. */
function fingerprint(f: Finding): string {
  let h = 0x811c9dc5;
  for (const ch of `${f.policy}\0${f.environment}\0${f.subject}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * Where a finding's file is, as SARIF wants it: relative to the repository root (the
 * `%SRCROOT%` base), or, for a file outside it (reports name those by their absolute
 * path), an absolute `file:` URI, never a base-relative reference that is not one.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const segments = file.split(/[\\/]/);
  const drive = /^[A-Za-z]:$/.test(segments[0]);
  if (segments[0] === '' || drive) return { uri: `file://${drive ? '/' : ''}${segments.map((s, i) => (i === 0 && drive ? s : encodeURIComponent(s))).join('/')}` };
  return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function renderSarif(report: Report): string {
  const rules = [...report.policies].sort((a, b) => (a.id < b.id ? -1 : 1)).map(ruleOf);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: Result[] = report.findings
    .filter((f) => f.status !== 'pass')
    .map((f) => ({
      ruleId: f.policy,
      ruleIndex: ruleIndex.get(f.policy),
      // An undecided check asks for review; SARIF (3.27.10) gives such a result level none.
      kind: f.status === 'unknown' ? 'review' : 'fail',
      level: f.status === 'unknown' ? 'none' : LEVEL[f.severity],
      message: { text: `${f.subject}: ${f.message}` },
      locations: [{
        physicalLocation: {
          artifactLocation: artifactLocation(f.location.file),
          region: { startLine: f.location.line, startColumn: f.location.column },
        },
      }],
      partialFingerprints: { 'topogateFinding/v1': fingerprint(f) },
      properties: { status: f.status, environment: f.environment, subject: f.subject, source: f.source },
      ...(f.status === 'waived' && f.waiver ? { suppressions: [{ kind: 'external', justification: `${f.waiver.reason} (until ${f.waiver.expires})` }] } : {}),
    }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'topogate', version: report.tool.version, semanticVersion: report.tool.version, rules } },
      results,
      columnKind: 'unicodeCodePoints',
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
