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
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
