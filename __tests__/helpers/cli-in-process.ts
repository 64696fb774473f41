import { runCli } from '../../src/cli/run-cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI from the source, in `cwd`, its output collected (a fixed date and version keep messages stable). */
export async function runCliIn(cwd: string, args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), today: '2026-01-15', version: '1.0.0' });
  return { code, stdout, stderr };
}
