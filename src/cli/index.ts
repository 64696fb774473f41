#!/usr/bin/env node
import pkg from '../../package.json' with { type: 'json' };
import { runCli } from './run-cli.js';
import { safeStderrLines } from './stderr-text.js';

/** `topogate` on a terminal or another CI. */

// A reader that stops early (`topogate check ... | head`) closes the pipe: that ends the
// output, not the program with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

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
    // A bug's message may still quote an input: its lines are made as safe as any other.
    const text = `topogate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    process.stderr.write(`${safeStderrLines(text.split('\n'))}Please report this with the input that caused it.\n`);
    process.exitCode = 2;
  },
);
