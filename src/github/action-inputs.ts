import { getInput, setSecret } from '@actions/core';
import type { FailOn } from '../core/report/report.js';
import { showInvisible } from '../core/report/escape.js';
import { splitPatterns } from '../io/input-files.js';

/**
 * The action's inputs, read once into a typed object. A value the action cannot use is
 * a failed step naming the input and what it accepts, never a silent default.
 */

export type CommentMode = 'update' | 'new' | 'off';

export interface ActionInputs {
  /** Patterns, one per entry (multi-line inputs split, blank lines and `#` comments dropped). */
  topology: string[];
  plan: string[];
  policies: string[];
  builtinPolicies: boolean;
  failOn: FailOn;
  /** Undecided findings at or above failOn fail the step too. */
  failOnUnknown: boolean;
  comment: CommentMode;
  annotations: boolean;
  checkRun: boolean;
  /** As written (relative to working-directory); empty: no SARIF file. */
  sarifFile: string;
  githubToken: string;
  /** As written (relative to the workspace). */
  workingDirectory: string;
  /** Empty unless the user names this configuration. */
  name: string;
}

/** Every input action.yml declares, in its order; a test keeps the two in step. */
export const INPUT_NAMES = [
  'topology',
  'plan',
  'policies',
  'builtin-policies',
  'fail-on',
  'fail-on-unknown',
  'comment',
  'annotations',
  'check-run',
  'sarif-file',
  'github-token',
  'working-directory',
  'name',
] as const;

export type InputName = (typeof INPUT_NAMES)[number];

/** Every output action.yml declares. */
export const OUTPUT_NAMES = ['result', 'errors', 'warnings', 'notices', 'unknown', 'report', 'sarif-file', 'comment-url', 'check-run-url'] as const;

export type OutputName = (typeof OUTPUT_NAMES)[number];

export class ActionInputError extends Error {
  readonly problems: readonly string[];

  constructor(problems: string[]) {
    super(`topogate: ${problems.length === 1 ? 'an input is' : `${problems.length} inputs are`} not usable:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'ActionInputError';
    this.problems = problems;
  }
}

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];
const COMMENT: readonly CommentMode[] = ['update', 'new', 'off'];
// The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/**
 * Parses the inputs. `get` returns an input's value trimmed, '' when unset (as
 * @actions/core's getInput does); defaults come from action.yml, and the same defaults
 * apply here so that a run without them (a test, an older action.yml) behaves alike.
 */
export function parseInputs(get: (name: InputName) => string): ActionInputs {
  const problems: string[] = [];
  const oneOf = <T extends string>(name: InputName, allowed: readonly T[], fallback: T): T => {
    const value = get(name);
    if (value === '') return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name}: "${showInvisible(value)}" is not one of ${allowed.join(', ')}.`);
    return fallback;
  };
  const flag = (name: InputName, fallback: boolean): boolean => {
    const value = get(name);
    if (value === '') return fallback;
    if (TRUE.includes(value)) return true;
    if (FALSE.includes(value)) return false;
    problems.push(`${name}: "${showInvisible(value)}" is not a boolean; use true or false.`);
    return fallback;
  };
  const topology = splitPatterns([get('topology')]);
  const plan = splitPatterns([get('plan')]);
  if (topology.length === 0 && plan.length === 0) {
    problems.push('nothing to check: set `topology` (topology files) and/or `plan` (Terraform plan JSON), globs and several lines allowed.');
  }
  const name = get('name');
  if (/[\r\n]/.test(name) || name.length > 100) problems.push('name: use one line of at most 100 characters.');
  const inputs: ActionInputs = {
    topology,
    plan,
    policies: splitPatterns([get('policies')]),
    builtinPolicies: flag('builtin-policies', true),
    failOn: oneOf('fail-on', FAIL_ON, 'error'),
    failOnUnknown: flag('fail-on-unknown', false),
    comment: oneOf('comment', COMMENT, 'update'),
    annotations: flag('annotations', true),
    checkRun: flag('check-run', false),
    sarifFile: get('sarif-file'),
    githubToken: get('github-token'),
    workingDirectory: get('working-directory') || '.',
    name,
  };
  if (problems.length > 0) throw new ActionInputError(problems);
  return inputs;
}

/** The inputs of this step, from the runner's `INPUT_*` variables. */
export function readActionInputs(): ActionInputs {
  const inputs = parseInputs((name) => getInput(name));
  // The runner masks github.token itself; a personal or app token passed in is masked here.
  if (inputs.githubToken) setSecret(inputs.githubToken);
  return inputs;
}
