import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { setOutput as setActionOutput } from '@actions/core';
import type { InputProblem } from '../core/errors.js';
import { formatProblem } from '../core/errors.js';
import type { SourceLocation } from '../core/model.js';
import { renderJson } from '../core/report/json-report.js';
import { renderMarkdown } from '../core/report/markdown-report.js';
import { isFailing } from '../core/report/report.js';
import type { Report } from '../core/report/report.js';
import { renderSarif } from '../core/report/sarif-report.js';
import { renderText, verdictLine } from '../core/report/text-report.js';
import type { Workspace } from '../io/input-files.js';
import { ActionInputError } from './action-inputs.js';
import type { ActionInputs, OutputName } from './action-inputs.js';
import type { ActionLog } from './action-log.js';
import { isRepoFile, writeFileAtomically } from './action-workspace.js';
import { OutputFileError } from '../io/write-atomically.js';
import { STEP_ANNOTATION_LIMIT, overflows, rankAnnotations, withinBudget } from './annotations.js';
import type { AnnotationLevel, FindingAnnotation } from './annotations.js';
import { CHECK_RUN_SUMMARY_MAX, publishCheckRun } from './check-run.js';
import { lineLinker, renderCommentBody, renderInputProblems, renderInputProblemsComment, runUrl } from './comment-body.js';
import type { RunLinks } from './comment-body.js';
import { configurationKey } from './comment-marker.js';
import type { CommentMarker } from './comment-marker.js';
import { GitHubApi } from './github-api.js';
import { commentNote, renderJobSummary } from './job-summary.js';
import type { AnnotationDelivery, CommentDelivery, Delivery } from './job-summary.js';
import type { RunContext } from './run-context.js';
import { publishComment } from './sticky-comment.js';

/**
 * Everything a finished check turns into on GitHub: the report files and outputs first
 * (they do not depend on the API), the log, a check run when asked, the sticky comment,
 * the annotations that still fit, and the job summary last, saying where everything went.
 * A refusal or failure of the API is a warning: the summary and the verdict stand alone.
 */

export interface PublishContext {
  inputs: ActionInputs;
  run: RunContext;
  workspace: Workspace;
  version: string;
  log: ActionLog;
}

function setOutput(name: OutputName, value: string | number): void {
  setActionOutput(name, String(value));
}

/** The API client, created on first use; instead, the reason there is none (no token, no repository). */
function apiSource(ctx: PublishContext): () => Promise<GitHubApi | string> {
  let pending: Promise<GitHubApi | string> | undefined;
  return () => {
    const { inputs, run } = ctx;
    const repository = run.repository;
    if (!inputs.githubToken) return Promise.resolve('there is no `github-token`.');
    if (!repository) return Promise.resolve('GITHUB_REPOSITORY is not set.');
    pending ??= GitHubApi.connect(inputs.githubToken, { ...run, repository }).catch((e: unknown) => {
      // A broken install, not a refusal: say so once, loudly.
      const reason = `the GitHub client could not start (${(e as Error).message}).`;
      ctx.log.warning(`No GitHub API calls: ${reason}`);
      return reason;
    });
    return pending;
  };
}

function links(run: RunContext): RunLinks {
  return { serverUrl: run.serverUrl, repository: run.repository, sha: run.sha, runId: run.runId };
}

function markerOf(ctx: PublishContext): CommentMarker {
  return { key: configurationKey(ctx.inputs), sha: ctx.run.sha, runId: ctx.run.runId, runAttempt: ctx.run.runAttempt };
}

async function deliverComment(ctx: PublishContext, api: () => Promise<GitHubApi | string>, body: string, onlyIfExists: boolean): Promise<CommentDelivery> {
  const { inputs, run, log } = ctx;
  let delivery: CommentDelivery;
  if (inputs.comment === 'off') delivery = { kind: 'skipped', reason: '`comment: off`.' };
  else if (!run.pullRequest) delivery = { kind: 'skipped', reason: `this run is for a \`${run.eventName || 'unknown'}\` event, not a pull request.` };
  else {
    const client = await api();
    delivery = typeof client === 'string'
      ? { kind: 'skipped', reason: client }
      : await publishComment(client, run.pullRequest.number, { mode: inputs.comment, marker: markerOf(ctx), body, onlyIfExists, fromFork: run.pullRequest.fromFork }, log);
  }
  switch (delivery.kind) {
    case 'created':
    case 'updated':
      log.info(`PR comment ${delivery.kind}: ${delivery.url}`);
      setOutput('comment-url', delivery.url);
      break;
    case 'stale':
      log.info(`PR comment left as it is: ${delivery.url} reports a later run (${delivery.runId}) than this one (${run.runId}).`);
      setOutput('comment-url', delivery.url);
      break;
    case 'refused':
    case 'failed':
      log.warning(`PR comment not posted: ${delivery.reason}`);
      break;
    case 'skipped':
      log.info(`No PR comment: ${delivery.reason}`);
      break;
  }
  return delivery;
}

/** Appends to the step's summary file (the runner's, one per step: earlier writes stay). */
function writeSummary(ctx: PublishContext, markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) {
    ctx.log.debug('GITHUB_STEP_SUMMARY is not set: no job summary.');
    return;
  }
  try {
    appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  } catch (e) {
    ctx.log.warning(`The job summary could not be written: ${(e as Error).message}`);
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

function writeReports(ctx: PublishContext, report: Report): { reportFile: string; sarifFile?: string } {
  const { inputs, run, workspace } = ctx;
  let sarifFile: string | undefined;
  if (inputs.sarifFile) {
    sarifFile = path.resolve(workspace.cwd, inputs.sarifFile);
    try {
      writeFileAtomically(sarifFile, renderSarif(report));
    } catch (e) {
      throw new ActionInputError([`sarif-file: cannot write "${inputs.sarifFile}": ${e instanceof OutputFileError ? e.reason : (e as Error).message}.`]);
    }
  }
  const reportFile = path.join(run.tempDir, `topogate-${configurationKey(inputs)}`, 'report.json');
  writeFileAtomically(reportFile, renderJson(report));
  return { reportFile, sarifFile };
}

export async function publishReport(report: Report, ctx: PublishContext): Promise<{ failing: boolean }> {
  const { inputs, run, log, workspace } = ctx;
  const failing = isFailing(report, inputs.failOn);
  const s = report.summary;

  const files = writeReports(ctx, report);
  setOutput('result', failing ? 'fail' : 'pass');
  setOutput('errors', s.bySeverity.error);
  setOutput('warnings', s.bySeverity.warning);
  setOutput('notices', s.bySeverity.notice);
  setOutput('unknown', s.unknown);
  setOutput('report', files.reportFile);
  setOutput('sarif-file', files.sarifFile ?? '');

  log.untrusted(renderText(report, inputs.failOn));

  const repoFile = (loc: SourceLocation) => (isRepoFile(workspace, loc.file) ? loc.file : undefined);
  const linkTo = lineLinker(links(run), (f) => isRepoFile(workspace, f));
  const api = apiSource(ctx);
  let ranked = rankAnnotations(report.findings, repoFile);

  // A check run first: when it carries every annotation, the log carries none of them.
  let annotations: AnnotationDelivery | undefined;
  let checkRunFailed: string | undefined;
  let forCommands = ranked;
  if (inputs.annotations && inputs.checkRun) {
    const client = await api();
    if (typeof client === 'string') checkRunFailed = client;
    else if (!run.sha) checkRunFailed = 'the commit (GITHUB_SHA) is unknown.';
    else {
      const withFile = ranked.filter((a): a is FindingAnnotation & { file: string } => a.file !== undefined);
      const name = inputs.name ? `topogate (${inputs.name})` : 'topogate';
      const note = '\n\n<sub>Every finding is annotated on its line; the job summary has the passes too.</sub>\n';
      try {
        const published = await publishCheckRun(client, {
          name,
          headSha: run.sha,
          externalId: configurationKey(inputs),
          detailsUrl: runUrl(links(run)),
          title: verdictLine(report, inputs.failOn).slice(0, 255),
          summary: `${renderMarkdown(report, { failOn: inputs.failOn, linkTo, passDetails: false, maxLength: CHECK_RUN_SUMMARY_MAX - note.length - 16 }).trimEnd()}${note}`,
          annotations: withFile,
          conclusion: failing ? 'failure' : 'success',
        });
        annotations = { kind: 'check-run', total: withFile.length, url: published.url, name };
        setOutput('check-run-url', published.url);
        log.info(`Check run ${name}: ${withFile.length} annotation(s) in ${published.requests} request(s): ${published.url}`);
        forCommands = ranked.filter((a) => a.file === undefined);
      } catch (e) {
        checkRunFailed = (e as Error).message;
      }
    }
    if (checkRunFailed) log.warning(`Check run not published (${checkRunFailed.replace(/\.$/, '')}); annotations go through the log instead, at most 10 of each level per step.`);
  }

  const markerBody = renderCommentBody(report, { marker: markerOf(ctx), failOn: inputs.failOn, version: ctx.version, name: inputs.name, links: links(run), linkTo });
  const comment = await deliverComment(ctx, api, markerBody, false);

  if (!inputs.annotations) annotations = { kind: 'off' };
  else {
    const budget = budgetLeft(log, failing);
    if (annotations === undefined && run.pullRequest && overflows(forCommands, budget)) {
      // Ranking decides which findings GitHub shows: put the files this pull request changes first.
      const client = await api();
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
    const emitted = emitAnnotations(ctx, forCommands, failing);
    annotations ??= { kind: 'commands', ...emitted, checkRunFailed };
  }

  const delivery: Delivery = { annotations, comment, reportFile: files.reportFile, sarifFile: files.sarifFile };
  writeSummary(ctx, renderJobSummary(report, { failOn: inputs.failOn, name: inputs.name, linkTo, delivery }));
  return { failing };
}

/**
 * Bad input: every problem as an error annotation on its line and in the summary, the
 * configuration's existing comment corrected (it must not go on claiming a pass), no new
 * comment started, and the result output `fail`.
 */
export async function publishInputProblems(problems: readonly InputProblem[], ctx: PublishContext): Promise<void> {
  const { log, workspace, inputs } = ctx;
  setOutput('result', 'fail');
  log.untrusted(problems.map(formatProblem).join('\n'));
  let hidden = 0;
  for (const p of problems) {
    // One error slot stays free for setFailed's own.
    if (log.emitted.error >= STEP_ANNOTATION_LIMIT - 1) {
      hidden++;
      continue;
    }
    const file = isRepoFile(workspace, p.file) ? p.file : undefined;
    log.annotate('error', file ? p.message : formatProblem(p), { title: 'topogate: input problem', ...(file ? { file, startLine: p.line, startColumn: p.column } : {}) });
  }
  const api = apiSource(ctx);
  const body = renderInputProblemsComment(problems, { marker: markerOf(ctx), version: ctx.version, name: inputs.name, links: links(ctx.run) });
  const comment = await deliverComment(ctx, api, body, true);
  const more = hidden > 0 ? `\n${hidden} more problem${hidden === 1 ? ' is' : 's are'} in the table above and the log, not annotated (GitHub shows 10 error annotations per step).\n` : '';
  writeSummary(ctx, `${renderInputProblems(problems, 900_000).trimEnd()}\n${more}\n#### Delivery\n\n- ${commentNote(comment)}\n`);
}
