import { setFailed } from '@actions/core';
import pkg from '../../package.json' with { type: 'json' };
import { verdictLine } from '../../src/core/report/text-report.js';
import { checkFiles } from '../../src/io/check-files.js';
import { readActionInputs } from '../../src/github/action-inputs.js';
import { ActionLog } from '../../src/github/action-log.js';
import { resolveWorkspace } from '../../src/github/action-workspace.js';
import type { ApiLimits } from '../../src/github/github-api.js';
import { publishReport } from '../../src/github/publish.js';
import { readRunContext } from '../../src/github/run-context.js';

/**
 * The action's check and publishing phase as a process, wired as src/main.ts wires them,
 * but with the API limits given as JSON in the first argument: what the action does when
 * the API hangs takes a minute and a half at the real limits, and a test a few seconds.
 * Run it with runAction({ script: { file: PUBLISH_ENTRY, args: [JSON.stringify(limits)] } }).
 */

const apiLimits = JSON.parse(process.argv[2] ?? 'null') as ApiLimits;
const log = new ActionLog();
const inputs = readActionInputs();
const run = readRunContext();
const workspace = resolveWorkspace(inputs, run);
const report = await checkFiles({
  workspace,
  topology: inputs.topology,
  plan: inputs.plan,
  policies: inputs.policies,
  builtin: inputs.builtinPolicies,
  today: new Date().toISOString().slice(0, 10),
  version: pkg.version,
});
const { failing, unwritten } = await publishReport(report, { inputs, run, workspace, version: pkg.version, log, apiLimits });
if (failing || unwritten.length > 0) setFailed([verdictLine(report, inputs.failOn), ...unwritten].join(' '));
