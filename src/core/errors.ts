import type { SourceLocation } from './model.js';
import { showInvisible } from './report/escape.js';

/** One thing wrong with an input: where, what, and what to do about it. */
export interface InputProblem extends SourceLocation {
  message: string;
}

/**
 * Bad input: a topology, plan or policy that cannot be used. It carries every problem
 * found, so a user fixes them all in one round; the CLI exits 2 and the action fails.
 */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: InputProblem[]) {
    // Echoed input shows what it holds: a zero-width space in a key is \u200b, in every output.
    const sorted = problems.map((p) => ({ ...p, message: showInvisible(clipLongRuns(p.message)) })).sort(compareProblems);
    super(sorted.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = sorted;
  }

  static at(location: SourceLocation, message: string): InputError {
    return new InputError([{ ...location, message }]);
  }
}

export function compareProblems(a: InputProblem, b: InputProblem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

/** `file:line:column: message`, the form editors and terminals link. */
export function formatProblem(p: InputProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

/** Collects problems while validating, so that all of them are reported at once. */
export class ProblemList {
  private readonly list: InputProblem[] = [];

  add(location: SourceLocation, message: string): void {
    this.list.push({ ...location, message });
  }

  addAll(problems: Iterable<InputProblem>): void {
    for (const p of problems) this.list.push(p);
  }

  get size(): number {
    return this.list.length;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new InputError(this.list);
  }
}

/** Past this many characters without a space, a run in a message is an echoed value, not words. */
const LONG_RUN = 300;
const KEEP = 120;

/**
 * Cuts runs of text without spaces longer than LONG_RUN (a 100,000-character name echoed from
 * hostile input) to their start and a count, so one bad value cannot flood a log or annotation.
 */
export function clipLongRuns(message: string): string {
  if (message.length <= LONG_RUN) return message;
  // Every run matched once, and the long ones cut: `\S{301,}` would rescan each shorter run from each of its characters.
  return message.replace(/\S+/g, (run) => {
    if (run.length <= LONG_RUN) return run;
    let cut = KEEP;
    // Never split a surrogate pair.
    if (/[\ud800-\udbff]/.test(run[cut - 1])) cut--;
    return `${run.slice(0, cut)}…(${run.length - cut} more characters)`;
  });
}
