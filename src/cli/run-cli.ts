import path from 'node:path';
import { InputError, formatProblem } from '../core/errors.js';
import { loadPolicies } from '../core/run-check.js';
import { gateOfOptions, isFailing } from '../core/report/report.js';
import type { Report } from '../core/report/report.js';
import { renderJson } from '../core/report/json-report.js';
import { renderMarkdown } from '../core/report/markdown-report.js';
import { renderSarif } from '../core/report/sarif-report.js';
import { renderText } from '../core/report/text-report.js';
import { safeLogLine } from '../core/report/escape.js';
import type { Workspace } from '../io/input-files.js';
import { OutputFileError, requireNotAnInput, requireWritableFilePath, writeFileAtomically } from '../io/write-atomically.js';
import { readPacks } from '../io/policy-packs.js';
import { MissingInputError, checkFilesListingInputs, validateFiles } from '../io/check-files.js';
import type { CheckRequest } from '../io/check-files.js';
import { USAGE, UsageError, parseCliArgs } from './cli-args.js';
import { safeStderrLine, safeStderrLines } from './stderr-text.js';
import type { CliOptions } from './cli-args.js';

/** The CLI edge: arguments and files in, a report and an exit status out. */

export interface CliEnvironment {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** YYYY-MM-DD. */
  today: string;
  version: string;
}

export function renderReport(report: Report, options: Pick<CliOptions, 'format' | 'failOn' | 'failOnUnknown' | 'verbose'>): string {
  switch (options.format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report, { failOn: gateOfOptions(options) });
    case 'sarif':
      return renderSarif(report);
    default:
      return renderText(report, gateOfOptions(options), { verbose: options.verbose });
  }
}


export async function runCli(argv: readonly string[], env: CliEnvironment): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (e) {
    return printError(env, e);
  }
  if (options.command === 'help') {
    env.stdout(`${USAGE}\n`);
    return 0;
  }
  if (options.command === 'version') {
    env.stdout(`${env.version}\n`);
    return 0;
  }
  try {
    return await runCommand(options, env);
  } catch (e) {
    return printError(env, e);
  }
}

async function runCommand(options: CliOptions, env: CliEnvironment): Promise<number> {
  const ws: Workspace = { root: env.cwd, cwd: env.cwd };
  const request: CheckRequest = {
    workspace: ws,
    topology: options.topology,
    plan: options.plan,
    policies: options.policies,
    builtin: options.builtin,
    today: env.today,
    version: env.version,
  };
  if (options.command === 'policies') {
    if (!options.builtin && options.policies.length === 0) throw new UsageError('nothing to list: --no-builtin drops the built-in pack; pass --policies DIR');
    const { policies } = loadPolicies(readPacks(ws, options.policies, options.builtin));
    for (const p of policies) env.stdout(`${safeLogLine(`${p.id}  ${p.severity.padEnd(7)}  ${p.title}  [${p.pack}]`)}\n    ${safeLogLine(p.source)}\n`);
    return 0;
  }
  const hasInputs = options.topology.length > 0 || options.plan.length > 0;
  if (options.command === 'validate') {
    if (!hasInputs && options.policies.length === 0) throw new UsageError('nothing to validate: pass --topology FILE, --plan FILE and/or --policies DIR');
    const v = await validateFiles(request);
    env.stdout(`valid: ${v.topologies} topology file(s), ${v.plans} plan(s), ${v.environments} environment(s), ${v.packs} policy pack(s) with ${v.policies} policies\n`);
    return 0;
  }
  if (!hasInputs) throw new UsageError('nothing to check: pass --topology FILE and/or --plan FILE');
  const output = options.output === undefined ? undefined : path.resolve(env.cwd, options.output);
  // A path the report cannot replace is refused before the check, not after it.
  if (output) requireWritableFilePath(output);
  const { report, filesRead } = await checkFilesListingInputs(request);
  const rendered = renderReport(report, options);
  if (output) {
    requireNotAnInput(output, filesRead);
    writeFileAtomically(output, rendered);
    env.stdout(renderText(report, gateOfOptions(options), { verbose: options.verbose }));
  } else {
    env.stdout(rendered);
  }
  return isFailing(report, gateOfOptions(options)) ? 1 : 0;
}

/**
 * Bad input, usage or output: exit 2 with a message on stderr, every line of which may
 * quote inputs and so goes through safeStderrLine. Anything else is a bug, thrown on.
 */
function printError(env: CliEnvironment, e: unknown): number {
  if (e instanceof InputError) {
    const count = e.problems.length > 1 ? `${e.problems.length} problems; ` : '';
    env.stderr(safeStderrLines([...e.problems.map(formatProblem), `${count}nothing was checked.`]));
  } else if (e instanceof MissingInputError) {
    env.stderr(safeStderrLines([`topogate: ${e.message}`]));
  } else if (e instanceof OutputFileError) {
    env.stderr(safeStderrLines([`topogate: cannot write the report to ${e.file}: ${e.reason}. Nothing was written.`]));
  } else if (e instanceof UsageError) {
    // USAGE is our own text; only the message can quote an argument.
    env.stderr(`${safeStderrLine(`topogate: ${e.message}`)}\n\n${USAGE}\n`);
  } else {
    throw e;
  }
  return 2;
}
