import type { PolicyPack } from './pack.js';

/** `policies/<pack>/README.md`, generated from the policy files (one row per policy). */
export function renderPackReadme(pack: PolicyPack): string {
  const cell = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
  const describeCheck = (check: Record<string, unknown>) => {
    const { type, ...params } = check;
    const parts = Object.entries(params).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v).replace(/"/g, '') : String(v)}`);
    return `\`${String(type)}\`${parts.length > 0 ? ` ${parts.join(', ')}` : ''}`;
  };
  const lines = [
    `# Policy pack \`${pack.name}\` ${pack.version}`,
    '',
    '<!-- Generated from the policy files by `npm run docs:policies`; a test fails when it is stale. -->',
    '',
    cell(pack.description),
    '',
    '| id | title | severity | check | source |',
    '|---|---|---|---|---|',
    ...pack.policies.map((p) => `| ${p.id} | ${cell(p.title)} | ${p.severity} | ${cell(describeCheck(p.check))} | ${cell(p.source)} |`),
    '',
  ];
  if (pack.clients.size > 0) {
    lines.push('Clients this pack defaults where a topology does not declare them:', '');
    for (const c of pack.clients.values()) lines.push(`- \`${c.name}\`: ${c.addresses.toCidrs().join(', ')}`);
    lines.push('');
  }
  for (const p of pack.policies) {
    lines.push(`## ${p.id}: ${p.title}`, '', `Severity: **${p.severity}**. Check: ${describeCheck(p.check)}.`, '', cell(p.description), '');
    if (p.rationale) lines.push(`**Why.** ${cell(p.rationale)}`, '');
    if (p.remediation) lines.push(`**Fix.** ${cell(p.remediation)}`, '');
    lines.push(`**Source.** ${cell(p.source)}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
