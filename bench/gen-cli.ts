import { writeFileSync } from 'node:fs';
import { generatePlan } from './generate-plan.js';

/** `tsx bench/gen-cli.ts N plan.json expected.json`: one generated plan, for a look or a manual run. */
const [n, planFile, expectedFile] = process.argv.slice(2);
const g = await generatePlan(Number(n), planFile);
writeFileSync(expectedFile, `${JSON.stringify(g.expected, null, 1)}\n`);
console.log(`${g.environments} environments, ${g.resources} resource changes, ${g.expected.length} expected findings`);
