import type { Report } from './report.js';

/** The machine-readable report (DESIGN section 5): stable key order, every finding, passes included. */
export function renderJson(report: Report): string {
  const { tool, summary, environments, findings, disabled } = report;
  const out = {
    tool,
    summary,
    environments,
    findings: findings.map((f) => ({
      policy: f.policy,
      title: f.title,
      status: f.status,
      severity: f.severity,
      environment: f.environment,
      subject: f.subject,
      message: f.message,
      location: f.location,
      source: f.source,
      ...(f.waiver ? { waiver: f.waiver } : {}),
    })),
    disabled,
    // Always present, so that a consumer can rely on the key: warnings about the inputs that did not stop the run.
    advisories: (report.advisories ?? []).map((a) => ({ file: a.file, line: a.line, column: a.column, message: a.message })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
