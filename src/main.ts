import { setFailed } from '@actions/core';
import pkg from '../package.json' with { type: 'json' };
import { InputError } from './core/errors.js';
import { safeLogLine } from './core/report/escape.js';
import { verdictLine } from './core/report/text-report.js';
import { MissingInputError, checkFilesListingInputs } from './io/check-files.js';
import { ActionInputError, readActionInputs } from './github/action-inputs.js';
import { gateOfOptions } from './core/report/report.js';
import { ActionLog } from './github/action-log.js';
import { resolveWorkspace } from './github/action-workspace.js';
import { problemLine } from './github/comment-body.js';
import type { StepProblem } from './github/comment-body.js';
import { publishInputProblems, publishReport, publishUnusableInputs } from './github/publish.js';
import { readRunContext } from './github/run-context.js';

/** The reasons the inputs cannot be checked, when `e` is one: bad files, missing files, an input value that cannot be used. */
function inputProblemsOf(e: unknown): StepProblem[] | undefined {
  if (e instanceof InputError) return [...e.problems];
  if (e instanceof MissingInputError) return [{ message: e.message, input: /^(topology|plan|policies)\b/.exec(e.message)?.[1] }];
  if (e instanceof ActionInputError) return e.problems.map((message) => ({ message, input: /^([a-z-]+):/.exec(message)?.[1] }));
  return undefined;
}

/**
 * The action: inputs and the run from the edge, the check from the core, the results back
 * out through the edge. The one place that fails the step.
 */
async function main(log: ActionLog): Promise<string | undefined> {
  const inputs = readActionInputs();
  const run = readRunContext();
  for (const note of run.notes) log.warning(note);
  // Until the working directory is known to be usable, problems are reported from the root.
  const ctx = { inputs, run, workspace: { root: run.workspace, cwd: run.workspace }, version: pkg.version, log };
  try {
    ctx.workspace = resolveWorkspace(inputs, run);
    const { report, filesRead } = await checkFilesListingInputs({
      workspace: ctx.workspace,
      topology: inputs.topology,
      plan: inputs.plan,
      policies: inputs.policies,
      builtin: inputs.builtinPolicies,
      today: new Date().toISOString().slice(0, 10),
      version: pkg.version,
    });
    const { failing, unwritten } = await publishReport(report, ctx, filesRead);
    const verdict = verdictLine(report, gateOfOptions(inputs));
    if (unwritten.length === 0) return failing ? verdict : undefined;
    // The check ran and its result is out; the step fails for the file too, naming it and what to do.
    const files = `${unwritten.length === 1 ? 'an output file' : 'output files'} could not be written: ${unwritten.join(' ')}`;
    return safeLogLine(failing ? `${verdict}. Also, ${files}` : `topogate: ${files} The check itself ran and its result is published: ${verdict}`);
  } catch (e) {
    const problems = inputProblemsOf(e);
    if (!problems) {
      // A bug, not the inputs: still `result: fail`, a summary, and the sticky comment
      // corrected, so that an earlier run's "pass" does not stand for this commit.
      const message = `topogate stopped on an internal error (${e instanceof Error ? e.message : String(e)}); nothing was checked. Please report it with the inputs that caused it.`;
      await publishInputProblems([{ message, internal: true }], ctx).catch(() => undefined);
      throw e;
    }
    // Every input problem alike: annotations, summary, `result: fail`, the comment corrected.
    await publishInputProblems(problems, ctx);
    // setFailed escapes line breaks for the command, not ESC or the other controls a
    // problem may quote from an input: one safe line, as the log's own.
    return safeLogLine(`topogate: the inputs cannot be checked: ${problemLine(problems[0])}${problems.length > 1 ? ` (and ${problems.length - 1} more; see the annotations and the job summary)` : ''}`);
  }
}

const log = new ActionLog();
main(log).then(
  (failure) => {
    if (failure) setFailed(failure);
  },
  (e: unknown) => {
    if (e instanceof ActionInputError) {
      publishUnusableInputs(e.problems, log);
      setFailed(e.message);
      return;
    }
    log.info(`topogate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    setFailed(`topogate: internal error: ${e instanceof Error ? e.message : String(e)}. Please report it with the inputs that caused it.`);
  },
);
