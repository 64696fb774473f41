import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { precompiledValidatorsSource, precompiledValidatorsTypes } from './schema-sources.js';

/**
 * Writes src/core/input/validators.generated.js: every JSON Schema topogate validates
 * with, compiled by ajv ahead of time. Compiling at run time cost ~70 ms of every
 * start-up; a test fails when the file is stale (`npm run schemas` rewrites it).
 */
const out = path.resolve(import.meta.dirname, '..', 'src', 'core', 'input', 'validators.generated.js');
writeFileSync(out, precompiledValidatorsSource());
writeFileSync(out.replace(/\.js$/, '.d.ts'), precompiledValidatorsTypes());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
