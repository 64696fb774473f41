import { setFailed } from '@actions/core';
import pkg from '../package.json' with { type: 'json' };
import { InputError, formatProblem } from './core/errors.js';
import { safeLogLine } from './core/report/escape.js';
import { verdictLine } from './core/report/text-report.js';
import { MissingInputError, checkFiles } from './io/check-files.js';
import { ActionInputError, readActionInputs } from './github/action-inputs.js';
import { ActionLog } from './github/action-log.js';
import { resolveWorkspace } from './github/action-workspace.js';
import { publishInputProblems, publishReport } from './github/publish.js';
import { readRunContext } from './github/run-context.js';

/**
 * The action: inputs and the run from the edge, the check from the core, the results back
 * out through the edge. The one place that fails the step.
 */
async function main(log: ActionLog): Promise<string | undefined> {
  const inputs = readActionInputs();
  const run = readRunContext();
  for (const note of run.notes) log.warning(note);
  const workspace = resolveWorkspace(inputs, run);
  const ctx = { inputs, run, workspace, version: pkg.version, log };
  try {
    const report = await checkFiles({
      workspace,
      topology: inputs.topology,
      plan: inputs.plan,
      policies: inputs.policies,
      builtin: inputs.builtinPolicies,
      today: new Date().toISOString().slice(0, 10),
      version: pkg.version,
    });
    const { failing } = await publishReport(report, ctx);
    return failing ? verdictLine(report, inputs.failOn) : undefined;
  } catch (e) {
    if (e instanceof InputError) {
      await publishInputProblems(e.problems, ctx);
      const [first] = e.problems;
      // setFailed escapes line breaks for the command, not ESC or the other controls a
      // problem may quote from an input: one safe line, as the log's own.
      return safeLogLine(`topogate: the inputs cannot be checked: ${formatProblem(first)}${e.problems.length > 1 ? ` (and ${e.problems.length - 1} more; see the annotations and the job summary)` : ''}`);
    }
    if (e instanceof MissingInputError) return safeLogLine(`topogate: ${e.message}`);
    throw e;
  }
}

const log = new ActionLog();
main(log).then(
  (failure) => {
    if (failure) setFailed(failure);
  },
  (e: unknown) => {
    if (e instanceof ActionInputError) {
      setFailed(e.message);
      return;
    }
    log.info(`topogate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    setFailed(`topogate: internal error: ${e instanceof Error ? e.message : String(e)}. Please report it with the inputs that caused it.`);
  },
);
