import { appendFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { setOutput as setActionOutput } from '@actions/core';
import type { SourceLocation } from '../core/model.js';
import { renderJson } from '../core/report/json-report.js';
import { renderMarkdown } from '../core/report/markdown-report.js';
import { nameList } from '../core/report/name-list.js';
import { gateOfOptions, isFailing } from '../core/report/report.js';
import type { Report } from '../core/report/report.js';
import { renderSarif } from '../core/report/sarif-report.js';
import { renderText, verdictLine } from '../core/report/text-report.js';
import type { Workspace } from '../io/input-files.js';
import type { ActionInputs, OutputName } from './action-inputs.js';
import type { ActionLog } from './action-log.js';
import { isRepoFile, writeFileAtomically } from './action-workspace.js';
import { OutputFileError, WRITE_PROBLEMS, requireNotAnInput } from '../io/write-atomically.js';
import { STEP_ANNOTATION_LIMIT, countByLevel, overflows, rankAnnotations, withinBudget } from './annotations.js';
import type { AnnotationLevel, FindingAnnotation } from './annotations.js';
import { CHECK_RUN_MAX_ANNOTATIONS, CHECK_RUN_SUMMARY_MAX, CheckRunIncompleteError, publishCheckRun } from './check-run.js';
import { beyondSummaryHint, isLocated, lineLinker, problemLine, renderCommentBody, renderInputProblems, renderInputProblemsComment, renderUnwrittenOutputs, runUrl } from './comment-body.js';
import type { RunLinks, StepProblem } from './comment-body.js';
import { configurationKey } from './comment-marker.js';
import type { CommentMarker } from './comment-marker.js';
import { GitHubApi, durationText } from './github-api.js';
import type { ApiLimits } from './github-api.js';
import { SUMMARY_MAX_BYTES, commentNote, renderJobSummary, renderSummaryReport } from './job-summary.js';
import type { AnnotationDelivery, CheckRunLeftOver, CommentDelivery, Delivery } from './job-summary.js';
import type { RunContext } from './run-context.js';
import { publishComment } from './sticky-comment.js';

/**
 * Everything a finished check turns into on GitHub: the report files and outputs first
 * (they do not depend on the API), the log, a check run when asked, the sticky comment,
 * the annotations that still fit, and the job summary last, saying where everything went.
 * A refusal or failure of the API is a warning: the summary and the verdict stand alone.
 * The API calls of a run share one deadline; what it cuts off is named in one warning.
 */

export interface PublishContext {
  inputs: ActionInputs;
  run: RunContext;
  workspace: Workspace;
  version: string;
  log: ActionLog;
  /** How long the GitHub API may take; the defaults (API_LIMITS) unless a test shortens them. */
  apiLimits?: ApiLimits;
}

/** Why a file the runner named cannot be written, naming the variable: `GITHUB_OUTPUT (/tmp): it is a folder (EISDIR)`. */
export function runnerFileProblem(variable: string, file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const message = (e as Error)?.message ?? String(e);
  // @actions/core checks the runner's file exists before appending to it.
  const what = code && WRITE_PROBLEMS[code] ? `${WRITE_PROBLEMS[code]} (${code})` : /^Missing file at path/.test(message) ? 'it does not exist' : `it cannot be written (${message})`;
  return `${variable} (${file}): ${what}`;
}

let outputsBroken = false;

/**
 * Sets a step output. The runner's GITHUB_OUTPUT file should always be writable; when it
 * is not (a folder, a missing folder), that is one warning and everything else is still
 * published: the verdict, the comment, the summary matter more than the outputs.
 */
function setOutput(log: ActionLog, name: OutputName, value: string | number): void {
  if (outputsBroken) return;
  try {
    setActionOutput(name, String(value));
  } catch (e) {
    outputsBroken = true;
    log.warning(`The step outputs could not be written: ${runnerFileProblem('GITHUB_OUTPUT', process.env.GITHUB_OUTPUT ?? '', e)}. Later steps get no \`result\` or other outputs; everything else is published.`);
  }
}

/**
 * The GitHub API of one publishing phase: the client, created on first use (instead, the
 * reason there is none: no token, no repository), whose calls share one deadline from
 * then on. Past it, what could not be published is collected here and said in one
 * warning, instead of a warning per feature that each blames the API.
 */
class ApiSession {
  private pending?: Promise<GitHubApi | string>;
  private api?: GitHubApi;
  private readonly cutOff: string[] = [];
  private warned = false;

  constructor(private readonly ctx: PublishContext) {}

  client(): Promise<GitHubApi | string> {
    const { inputs, run } = this.ctx;
    const repository = run.repository;
    if (!inputs.githubToken) return Promise.resolve('there is no `github-token`.');
    if (!repository) return Promise.resolve('GITHUB_REPOSITORY is not set.');
    this.pending ??= GitHubApi.connect(inputs.githubToken, { ...run, repository }, this.ctx.apiLimits).then(
      (api) => (this.api = api),
      (e: unknown) => {
        // A broken install, not a refusal: say so once, loudly.
        const reason = `the GitHub client could not start (${(e as Error).message}).`;
        this.ctx.log.warning(`No GitHub API calls: ${reason}`);
        return reason;
      },
    );
    return this.pending;
  }

  /**
   * Whether the deadline has passed, so that a failure now is its doing: then `what` (what
   * was not published) goes into the one warning and the caller warns no more.
   */
  cutOffByDeadline(what: string): boolean {
    if (!this.api?.deadline.passed) return false;
    this.cutOff.push(what);
    return true;
  }

  /** The one warning once the deadline has passed: what was not published, and that the verdict stands. Said once. */
  warnIfOutOfTime(): void {
    const deadline = this.api?.deadline;
    if (this.warned || !deadline?.passed) return;
    this.warned = true;
    const limit = `GitHub API calls stopped after ${durationText(deadline.totalMs)}, topogate's time limit for all of them in a run (the API answered too slowly or not at all)`;
    this.ctx.log.warning(this.cutOff.length > 0
      ? `${limit}. Not published: ${nameList(this.cutOff)}. The job summary and the step's verdict are complete without ${this.cutOff.length === 1 ? 'it' : 'them'}.`
      : `${limit}. Everything was published; only calls that publish nothing were skipped (the list of files the pull request changes, the removal of duplicate comments).`);
  }
}

function links(run: RunContext): RunLinks {
  return { serverUrl: run.serverUrl, repository: run.repository, sha: run.sha, runId: run.runId };
}

/**
 * GitHub shows only the latest check run of a name on a commit: a second configuration
 * (another step, another job) publishing `topogate` hides the first one's verdict. Says so,
 * with the way out; a listing that fails only costs the warning.
 */
async function warnOfNamesake(client: GitHubApi, sha: string, name: string, key: string, log: ActionLog): Promise<void> {
  try {
    const other = (await client.checkRunsNamed(sha, name)).find((c) => c.externalId !== key);
    if (other) {
      log.warning(
        `Another topogate configuration already published a check run named "${name}" on this commit (${other.url}). GitHub shows only the latest check run of a name, so one of them hides the other's verdict: give each topogate step its own \`name\` input.`,
      );
    }
  } catch (e) {
    log.debug(`Could not list the commit's check runs (${(e as Error).message}); a check run of the same name from another configuration would go unnoticed.`);
  }
}

function markerOf(ctx: PublishContext): CommentMarker {
  const marker: CommentMarker = { key: configurationKey(ctx.inputs), sha: ctx.run.sha, runId: ctx.run.runId, runAttempt: ctx.run.runAttempt };
  if (ctx.inputs.comment === 'new') marker.perRun = true;
  return marker;
}

async function deliverComment(ctx: PublishContext, api: ApiSession, body: string, onlyIfExists: boolean): Promise<CommentDelivery> {
  const { inputs, run, log } = ctx;
  let delivery: CommentDelivery;
  if (inputs.comment === 'off') delivery = { kind: 'skipped', reason: '`comment: off`.' };
  else if (!run.pullRequest) delivery = { kind: 'skipped', reason: run.noPullRequest ?? `this run is for a \`${run.eventName || 'unknown'}\` event, not a pull request.` };
  else {
    const client = await api.client();
    delivery = typeof client === 'string'
      ? { kind: 'skipped', reason: client }
      : await publishComment(client, run.pullRequest.number, { mode: inputs.comment, marker: markerOf(ctx), body, onlyIfExists, fromFork: run.pullRequest.fromFork, eventName: run.eventName }, log);
  }
  switch (delivery.kind) {
    case 'created':
    case 'updated':
      log.info(`PR comment ${delivery.kind}: ${delivery.url}`);
      setOutput(log, 'comment-url', delivery.url);
      break;
    case 'stale':
      log.info(`PR comment left as it is: ${delivery.url} reports a later run (${delivery.runId}) than this one (${run.runId}).`);
      setOutput(log, 'comment-url', delivery.url);
      break;
    case 'refused':
    case 'failed':
      if (delivery.kind === 'failed' && api.cutOffByDeadline('the PR comment')) break;
      log.warning(`PR comment not posted: ${delivery.reason}`);
      break;
    case 'skipped':
      log.info(`No PR comment: ${delivery.reason}`);
      break;
  }
  return delivery;
}

/** Appends to the step's summary file (the runner's, one per step: earlier writes stay). */
function writeSummary(log: ActionLog, markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) {
    log.debug('GITHUB_STEP_SUMMARY is not set: no job summary.');
    return;
  }
  try {
    appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  } catch (e) {
    log.warning(`The job summary could not be written: ${runnerFileProblem('GITHUB_STEP_SUMMARY', file, e)}.`);
  }
}

/** Emits the annotations that fit beside the ones this step already made. */
function emitAnnotations(ctx: PublishContext, ranked: readonly FindingAnnotation[], reserveError: boolean): { shown: Record<AnnotationLevel, number>; hidden: Record<AnnotationLevel, number> } {
  const { log } = ctx;
  const budget = budgetLeft(log, reserveError);
  const { shown, hidden } = withinBudget(ranked, budget);
  const count: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  for (const a of shown) {
    count[a.level]++;
    log.annotate(a.level, a.message, { title: a.title, ...(a.file ? { file: a.file, startLine: a.line, startColumn: a.column } : {}) });
  }
  return { shown: count, hidden };
}

function budgetLeft(log: ActionLog, reserveError: boolean): Record<AnnotationLevel, number> {
  // setFailed adds one error annotation of its own at the end.
  return {
    error: STEP_ANNOTATION_LIMIT - log.emitted.error - (reserveError ? 1 : 0),
    warning: STEP_ANNOTATION_LIMIT - log.emitted.warning,
    notice: STEP_ANNOTATION_LIMIT - log.emitted.notice,
  };
}

/**
 * The report files, before anything is published. A `sarif-file` that cannot be written
 * is not an input problem: the check ran, and its result is published as usual. It comes
 * back in `unwritten` (the step fails for it, and every place the result goes says so),
 * with no `sarif-file` output: nothing names a file that was not (completely) written.
 */
function writeReports(ctx: PublishContext, report: Report, filesRead: readonly string[]): { reportFile?: string; sarifFile?: string; unwritten: string[] } {
  const { inputs, run, workspace } = ctx;
  let sarifFile: string | undefined;
  const unwritten: string[] = [];
  if (inputs.sarifFile) {
    const file = path.resolve(workspace.cwd, inputs.sarifFile);
    const sarif = renderSarif(report);
    try {
      // `sarif-file: topology.yml` would replace an input of the next run with the report.
      requireNotAnInput(file, filesRead);
      writeFileAtomically(file, sarif);
      sarifFile = file;
    } catch (e) {
      if (!(e instanceof OutputFileError)) throw e;
      unwritten.push(`sarif-file: cannot write "${inputs.sarifFile}": ${e.reason}.`);
    }
  }
  const reportFile = path.join(run.tempDir, `topogate-${configurationKey(inputs)}`, 'report.json');
  try {
    // The runner creates RUNNER_TEMP; one that is not there is not made here (in /proc, Node's mkdir never returns).
    if (!statSync(run.tempDir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    writeFileAtomically(reportFile, renderJson(report));
  } catch (e) {
    // The runner's temporary folder, not an input: a warning, and the rest is published.
    const code = (e as NodeJS.ErrnoException).code;
    const reason = e instanceof OutputFileError ? e.reason.replace(/; choose a file path.*$/, '') : code === 'ENOENT' ? 'it does not exist' : code === 'ENOTDIR' ? 'it is not a folder' : (e as Error).message;
    ctx.log.warning(`The JSON report could not be written to RUNNER_TEMP (${run.tempDir}): ${reason}. The \`report\` output is empty; everything else is published.`);
    return { sarifFile, unwritten };
  }
  return { reportFile, sarifFile, unwritten };
}

/**
 * Publishes a finished check. `failing`: the findings reach `fail-on`; `unwritten`: the
 * output files that could not be written, each a line naming it and what to do. Either
 * fails the step; the caller says why.
 */
export async function publishReport(report: Report, ctx: PublishContext, filesRead: readonly string[] = []): Promise<{ failing: boolean; unwritten: string[] }> {
  const { inputs, run, log, workspace } = ctx;
  const gate = gateOfOptions(inputs);
  const failing = isFailing(report, gate);
  const s = report.summary;

  const files = writeReports(ctx, report, filesRead);
  const { unwritten } = files;
  // setFailed's own error annotation comes at the end when the step fails, for any reason.
  const stepFails = failing || unwritten.length > 0;
  setOutput(log, 'result', failing ? 'fail' : 'pass');
  setOutput(log, 'errors', s.bySeverity.error);
  setOutput(log, 'warnings', s.bySeverity.warning);
  setOutput(log, 'notices', s.bySeverity.notice);
  setOutput(log, 'unknown', s.unknown);
  setOutput(log, 'report', files.reportFile ?? '');
  setOutput(log, 'sarif-file', files.sarifFile ?? '');

  log.untrusted(renderText(report, gate));
  // Warnings about the inputs, on their lines (they are few; each takes one of the step's warning slots).
  for (const a of report.advisories ?? []) log.annotate('warning', a.message, { title: 'topogate: input warning', file: a.file, startLine: a.line, startColumn: a.column });

  const repoFile = (loc: SourceLocation) => (isRepoFile(workspace, loc.file) ? loc.file : undefined);
  const linkTo = lineLinker(links(run), (f) => isRepoFile(workspace, f));
  // The summary's report first: the check run and the comment point at it only if it is whole.
  const summaryReport = renderSummaryReport(report, { failOn: gate, name: inputs.name, linkTo, unwritten, reportFile: files.reportFile !== undefined });
  const fullReport = { summaryCut: summaryReport.cut, reportFile: files.reportFile !== undefined };
  const everyFindingAt = summaryReport.cut ? `The job summary is cut to fit too. ${beyondSummaryHint(fullReport.reportFile)}` : 'The job summary has every finding.';
  const api = new ApiSession(ctx);
  let ranked = rankAnnotations(report.findings, repoFile);

  // A check run first: when it carries every annotation, the log carries none of them.
  let annotations: AnnotationDelivery | undefined;
  let checkRunFailed: string | undefined;
  let checkRunLeftOver: CheckRunLeftOver | undefined;
  let forCommands = ranked;
  if (inputs.annotations && inputs.checkRun) {
    const client = await api.client();
    const name = inputs.name ? `topogate (${inputs.name})` : 'topogate';
    if (typeof client === 'string') checkRunFailed = client;
    else if (!run.sha) checkRunFailed = 'the commit (GITHUB_SHA) is unknown.';
    else {
      const withFileOf = (list: readonly FindingAnnotation[]) => list.filter((a): a is FindingAnnotation & { file: string } => a.file !== undefined);
      let withFile = withFileOf(ranked);
      if (withFile.length > CHECK_RUN_MAX_ANNOTATIONS && run.pullRequest) {
        // Not all of them go out: the files this pull request changes first.
        try {
          ranked = rankAnnotations(report.findings, repoFile, new Set(await client.changedFiles(run.pullRequest.number)));
          withFile = withFileOf(ranked);
        } catch (e) {
          log.debug(`Could not list the pull request's files (${(e as Error).message}); annotations are ranked without them.`);
        }
      }
      const published = withFile.slice(0, CHECK_RUN_MAX_ANNOTATIONS);
      const omitted = countByLevel(withFile.slice(CHECK_RUN_MAX_ANNOTATIONS));
      const omittedTotal = omitted.error + omitted.warning + omitted.notice;
      const note = omittedTotal > 0
        ? `\n\n> **${omittedTotal} more findings are not annotated** here: topogate publishes at most ${CHECK_RUN_MAX_ANNOTATIONS.toLocaleString('en-US')} annotations per run, the most urgent first. ${everyFindingAt}\n`
        : `\n\n<sub>Every finding is annotated on its line; the job summary ${summaryReport.cut ? 'counts' : 'has'} the passes too.</sub>\n`;
      try {
        const result = await publishCheckRun(client, {
          name,
          headSha: run.sha,
          externalId: configurationKey(inputs),
          detailsUrl: runUrl(links(run)),
          title: verdictLine(report, gate).slice(0, 255),
          summary: `${renderUnwrittenOutputs(unwritten)}${renderMarkdown(report, { failOn: gate, linkTo, passDetails: false, maxLength: CHECK_RUN_SUMMARY_MAX - note.length - renderUnwrittenOutputs(unwritten).length - 16 }).trimEnd()}${note}`,
          annotations: published,
          everyFindingAt,
          conclusion: failing ? 'failure' : 'success',
        });
        annotations = { kind: 'check-run', total: published.length, url: result.url, name, ...(omittedTotal > 0 ? { omitted, limit: CHECK_RUN_MAX_ANNOTATIONS } : {}) };
        setOutput(log, 'check-run-url', result.url);
        log.info(`Check run ${name}: ${published.length} annotation(s) in ${result.requests} request(s)${omittedTotal > 0 ? `, ${omittedTotal} more left out (at most ${CHECK_RUN_MAX_ANNOTATIONS} per run)` : ''}: ${result.url}`);
        forCommands = ranked.filter((a) => a.file === undefined);
        // Ours first: the listing only adds a warning, and must not spend the API's time budget before it.
        if (!inputs.name) await warnOfNamesake(client, run.sha, name, configurationKey(inputs), log);
      } catch (e) {
        checkRunFailed = (e as Error).message.replace(/\.$/, '');
        if (e instanceof CheckRunIncompleteError) {
          checkRunLeftOver = { name, url: e.url, completed: e.completed };
          if (e.url) setOutput(log, 'check-run-url', e.url);
        }
      }
    }
    if (checkRunFailed) {
      const reason = checkRunFailed;
      const fallback = 'annotations go through the log instead, at most 10 of each level per step.';
      const cutOff = !checkRunLeftOver
        ? 'the check run (its annotations went through the log instead)'
        : checkRunLeftOver.completed
          ? `the rest of the annotations of the check run ${checkRunLeftOver.url}, which was completed with the ones it got (all went through the log)`
          : `the completion of the check run ${checkRunLeftOver.url}, which may stay "in progress" (annotations went through the log)`;
      if (api.cutOffByDeadline(cutOff)) {
        // Said in the one warning below.
      } else if (!checkRunLeftOver) log.warning(`Check run not published (${reason}); ${fallback}`);
      else if (checkRunLeftOver.completed) log.warning(`Check run ${checkRunLeftOver.url} was completed with only some of its annotations (${reason}); ${fallback}`);
      else log.warning(`Check run created but could not be completed: ${checkRunLeftOver.url} may stay "in progress" (${reason}); ${fallback}`);
    }
  }

  const markerBody = renderCommentBody(report, { marker: markerOf(ctx), failOn: gate, version: ctx.version, name: inputs.name, links: links(run), linkTo, unwritten, fullReport });
  const comment = await deliverComment(ctx, api, markerBody, false);

  if (!inputs.annotations) annotations = { kind: 'off' };
  else {
    // Said before the annotations, so that their budget counts it.
    api.warnIfOutOfTime();
    const budget = budgetLeft(log, stepFails);
    if (annotations === undefined && run.pullRequest && overflows(forCommands, budget)) {
      // Ranking decides which findings GitHub shows: put the files this pull request changes first.
      const client = await api.client();
      if (typeof client !== 'string') {
        try {
          const changed = new Set(await client.changedFiles(run.pullRequest.number));
          ranked = rankAnnotations(report.findings, repoFile, changed);
          forCommands = ranked;
        } catch (e) {
          log.debug(`Could not list the pull request's files (${(e as Error).message}); annotations are ranked without them.`);
        }
      }
    }
    const emitted = emitAnnotations(ctx, forCommands, stepFails);
    annotations ??= { kind: 'commands', ...emitted, checkRunFailed, ...(checkRunLeftOver ? { checkRun: checkRunLeftOver } : {}) };
  }
  // When the deadline passed while the files the pull request changes were listed (or annotations are off).
  api.warnIfOutOfTime();

  const delivery: Delivery = { annotations, comment, reportFile: files.reportFile, sarifFile: files.sarifFile, unwritten };
  writeSummary(log, renderJobSummary(report, { failOn: gate, name: inputs.name, linkTo, delivery, rendered: summaryReport }));
  return { failing, unwritten };
}

/**
 * Bad input: every problem as an error annotation on its line and in the summary, the
 * configuration's existing comment corrected (it must not go on claiming a pass; with
 * `comment: new` a comment is added, as every run adds one), no sticky comment started,
 * and the result output `fail`. A problem without a place (a pattern that matches
 * nothing) is not annotated when it comes first: the failed step's own error says it.
 */
export async function publishInputProblems(problems: readonly StepProblem[], ctx: PublishContext): Promise<void> {
  const { log, workspace, inputs } = ctx;
  setOutput(log, 'result', 'fail');
  log.untrusted(problems.map(problemLine).join('\n'));
  let hidden = 0;
  for (const [i, p] of problems.entries()) {
    if (i === 0 && !isLocated(p)) continue;
    // One error slot stays free for setFailed's own.
    if (log.emitted.error >= STEP_ANNOTATION_LIMIT - 1) {
      hidden++;
      continue;
    }
    const file = isLocated(p) && isRepoFile(workspace, p.file) ? p.file : undefined;
    log.annotate('error', file ? p.message : problemLine(p), { title: 'internal' in p && p.internal ? 'topogate: internal error' : 'topogate: input problem', ...(file && isLocated(p) ? { file, startLine: p.line, startColumn: p.column } : {}) });
  }
  const api = new ApiSession(ctx);
  const body = renderInputProblemsComment(problems, { marker: markerOf(ctx), version: ctx.version, name: inputs.name, links: links(ctx.run) });
  const comment = await deliverComment(ctx, api, body, inputs.comment !== 'new');
  api.warnIfOutOfTime();
  const more = hidden > 0 ? `\n${hidden} more problem${hidden === 1 ? ' is' : 's are'} not annotated (GitHub shows 10 error annotations per step); the log of this step lists every problem.\n` : '';
  const tail = `${more}\n#### Delivery\n\n- ${commentNote(comment)}\n`;
  writeSummary(log, `${renderInputProblems(problems, SUMMARY_MAX_BYTES - Buffer.byteLength(tail) - 16, Buffer.byteLength).trimEnd()}\n${tail}`);
}

/**
 * Input values the action cannot use (`fail-on: sometimes`): nothing is known of the
 * configuration, so there is no comment to correct, but the summary lists the problems
 * and `result` is `fail`, as for any input that cannot be checked.
 */
export function publishUnusableInputs(problems: readonly string[], log: ActionLog): void {
  setOutput(log, 'result', 'fail');
  const listed = problems.map((message) => ({ message, input: /^([a-z-]+):/.exec(message)?.[1] }));
  writeSummary(log, `${renderInputProblems(listed, SUMMARY_MAX_BYTES - 16, Buffer.byteLength).trimEnd()}\n`);
}
