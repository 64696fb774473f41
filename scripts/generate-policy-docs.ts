import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parsePack } from '../src/core/policy/pack.js';
import { renderPackReadme } from '../src/core/policy/pack-docs.js';

/** Regenerates policies/<pack>/README.md from the policy files. */
const root = path.resolve(import.meta.dirname, '..', 'policies');
for (const name of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
  const dir = path.join(root, name);
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => ({ path: `policies/${name}/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
  const pack = parsePack({ dir: `policies/${name}`, files });
  writeFileSync(path.join(dir, 'README.md'), renderPackReadme(pack));
  console.log(`policies/${name}/README.md: ${pack.policies.length} policies`);
}
