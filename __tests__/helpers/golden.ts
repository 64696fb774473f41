import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/**
 * Compares text with a committed golden file under __tests__/golden/, so a reviewer sees
 * the PR comment as users will. `UPDATE_GOLDEN=1 npm test` rewrites them.
 */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(import.meta.dirname, '..', 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    writeFileSync(file, actual);
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`golden file ${name} did not exist; it was written, review and commit it`);
    return;
  }
  expect(actual, `golden ${name} (UPDATE_GOLDEN=1 npm test to accept a change)`).toBe(readFileSync(file, 'utf8'));
}
