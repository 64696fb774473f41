import type { ExpectedFinding } from './generate-plan.js';

/** Differences between the findings a report holds and the ones the generator expects. */
export function compareFindings(expected: readonly ExpectedFinding[], report: { findings: ExpectedFinding[] }): string[] {
  const key = (f: ExpectedFinding) => `${f.environment}\t${f.policy}\t${f.subject}`;
  const want = new Map(expected.map((f) => [key(f), f.status]));
  const got = new Map(report.findings.map((f) => [key(f), f.status]));
  const diffs: string[] = [];
  for (const [k, status] of want) {
    const actual = got.get(k);
    if (actual === undefined) diffs.push(`missing  ${k} (expected ${status})`);
    else if (actual !== status) diffs.push(`status   ${k}: expected ${status}, got ${actual}`);
  }
  for (const k of got.keys()) if (!want.has(k)) diffs.push(`extra    ${k} (${got.get(k)})`);
  return diffs;
}
