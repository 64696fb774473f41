import { parseArgs } from 'node:util';
import type { FailOn } from '../core/report/report.js';
import { closest } from '../core/input/closest-word.js';

/** `topogate <command> [options]`, parsed into a typed object or a usage error. */

export type Format = 'text' | 'json' | 'markdown' | 'sarif';

export interface CliOptions {
  command: 'check' | 'validate' | 'policies' | 'help' | 'version';
  topology: string[];
  plan: string[];
  policies: string[];
  format: Format;
  output?: string;
  failOn: FailOn;
  /** Undecided findings at or above failOn fail the run too. */
  failOnUnknown: boolean;
  builtin: boolean;
  verbose: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: topogate <command> [options]

Commands:
  check      check topologies and plans against the policies (default)
  validate   validate inputs and policy packs only
  policies   list the policies with their ids, titles and sources

Options:
  --topology FILE|GLOB  topology file (repeatable; globs allowed)
  --plan FILE|GLOB      Terraform plan JSON from \`terraform show -json\` (repeatable)
  --policies DIR        an extra policy pack, or a folder of packs (repeatable)
  --no-builtin          do not load the built-in outsystems-11 pack
  --format FORMAT       text (default) | json | markdown | sarif
  --output FILE         write the report to FILE (the text report still goes to stdout)
  --fail-on LEVEL       error (default) | warning | notice | never
  --fail-on-unknown     unknown findings at or above --fail-on fail the run too
  --verbose             list passing checks in the text report
  --help, --version

Exit status: 0 nothing at or above --fail-on, 1 violations, 2 bad input or usage.`;

const FORMATS: readonly Format[] = ['text', 'json', 'markdown', 'sarif'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];

const OPTIONS = {
  topology: { type: 'string', multiple: true, short: 't' },
  plan: { type: 'string', multiple: true, short: 'p' },
  policies: { type: 'string', multiple: true },
  'no-builtin': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  'fail-on-unknown': { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/**
 * Node's answer to an unknown option is to put it after `--`, which topogate then refuses as
 * an unexpected argument: the nearest option is the advice that works (`--Topology`).
 */
function unknownOption(message: string): string | undefined {
  const written = /^Unknown option '([^']*)'/.exec(message)?.[1];
  if (written === undefined) return undefined;
  const name = written.replace(/^--?/, '').replace(/=.*$/s, '');
  const meant = written.startsWith('--') ? closest(name, Object.keys(OPTIONS)) : undefined;
  return `unknown option "${written}"; ${meant ? `did you mean --${meant}?` : 'the options are listed below.'}`;
}

/**
 * A value option given twice would silently keep the last one (`--fail-on error --fail-on
 * never` passing everything): only --topology, --plan and --policies repeat.
 */
function requireOnce(tokens: ReadonlyArray<{ kind: string; name?: string; rawName?: string; value?: string }>): void {
  const given = new Map<string, string>();
  for (const t of tokens) {
    if (t.kind !== 'option' || t.name === undefined || t.value === undefined) continue;
    const option = OPTIONS[t.name as keyof typeof OPTIONS];
    if (!option || 'multiple' in option) continue;
    const first = given.get(t.name);
    if (first !== undefined) throw new UsageError(`--${t.name} is given twice ("${first}", then "${t.value}"); it takes one value. Give it once.`);
    given.set(t.name, t.value);
  }
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, tokens: true, options: OPTIONS });
  } catch (e) {
    const message = (e as Error).message;
    // Node writes some of these over several lines ("…is ambiguous.\nDid you forget…"); a usage error is one line.
    throw new UsageError(unknownOption(message) ?? message.split(/\r?\n/).join(' '));
  }
  requireOnce(parsed.tokens);
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const commandText = positionals[0] ?? 'check';
  const commands = ['check', 'validate', 'policies'] as const;
  if (!(commands as readonly string[]).includes(commandText)) throw new UsageError(`unknown command "${commandText}"; commands: ${commands.join(', ')}`);
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  const failOn = (values['fail-on'] ?? 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${values['fail-on']}"`);
  if (values.output === '') throw new UsageError('--output needs a file name');
  // An empty pattern matches nothing and was dropped beside others: a slip (an unset variable) said, not ignored.
  for (const option of ['topology', 'plan'] as const) {
    if (values[option]?.some((p) => p.trim() === '')) throw new UsageError(`--${option} needs a file name or a glob, not an empty value`);
  }
  // An empty folder would resolve to the current one: a gate must not read packs nobody named.
  if (values.policies?.some((p) => p.trim() === '')) throw new UsageError('--policies needs a folder: a policy pack, or a folder of packs');
  // validate and policies write no report: an --output that never appears would look like a lost report.
  if (commandText !== 'check' && !values.help && !values.version) {
    for (const option of ['output', 'format', 'fail-on', 'fail-on-unknown', 'verbose'] as const) {
      if (values[option] !== undefined) throw new UsageError(`--${option} applies to check only; ${commandText} writes no report and evaluates no policy`);
    }
  }
  // policies lists the packs only: inputs given to it would look checked, and are not read.
  if (commandText === 'policies' && !values.help && !values.version) {
    for (const option of ['topology', 'plan'] as const) {
      if (values[option] !== undefined) throw new UsageError(`--${option} does not apply to policies, which lists the policies of the packs only; use check (or validate) to read topologies and plans`);
    }
  }
  return {
    command: values.help ? 'help' : values.version ? 'version' : (commandText as CliOptions['command']),
    topology: values.topology ?? [],
    plan: values.plan ?? [],
    policies: values.policies ?? [],
    format,
    output: values.output,
    failOn,
    failOnUnknown: values['fail-on-unknown'] ?? false,
    builtin: !values['no-builtin'],
    verbose: values.verbose ?? false,
  };
}
