import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.bench/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain Node scripts (the benchmark's hooks) run outside TypeScript.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The core is pure: no I/O, no environment, no GitHub toolkit. The edges (src/cli, src/github) do that.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@actions/*'], message: 'src/core is pure: only src/github may use @actions/*.' },
          { group: ['node:fs', 'fs', 'node:fs/*', 'fs/*', 'node:child_process', 'child_process', 'node:net', 'node:http', 'node:https', 'node:os', 'os', 'tinyglobby'], message: 'src/core is pure: do I/O in an edge (src/cli, src/github) and pass plain data in.' },
          { group: ['../cli/*', '../github/*', '../../cli/*', '../../github/*', '../main', '../main.js'], message: 'src/core must not depend on an edge.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core is pure: pass what you need from process in as a parameter.' }],
    },
  },
  {
    // The GitHub toolkit is the action's edge (src/github); the CLI and file reading stay free of it.
    files: ['src/io/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@actions/*'], message: 'only src/github (and src/main.ts) may use @actions/*.' }] }],
    },
  },
  {
    // src/main.ts is the one place that fails the step: src/github reports, main decides.
    files: ['src/github/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@actions/core', importNames: ['setFailed'], message: 'return the failure to src/main.ts, the one caller of setFailed.' }] }],
    },
  },
);
