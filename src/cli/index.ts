#!/usr/bin/env node
import pkg from '../../package.json' with { type: 'json' };
import { runCli } from './run-cli.js';

/** `topogate` on a terminal or another CI. */
runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  today: new Date().toISOString().slice(0, 10),
  version: pkg.version,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`topogate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nPlease report this with the input that caused it.\n`);
    process.exitCode = 2;
  },
);
