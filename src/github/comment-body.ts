import { formatProblem } from '../core/errors.js';
import type { InputProblem } from '../core/errors.js';
import type { SourceLocation } from '../core/model.js';
import { codeSpan, escapeMarkdown } from '../core/report/escape.js';
import { renderMarkdown } from '../core/report/markdown-report.js';
import type { GateLike, Report } from '../core/report/report.js';
import { formatMarker } from './comment-marker.js';
import type { CommentMarker } from './comment-marker.js';

/**
 * The PR comment and the problem listing, as markdown. Pure: everything about the run
 * comes in as plain values. Text from inputs goes through the core's escaping; the links
 * here are built from the runner's own values (server, repository, commit, run).
 */

/** GitHub refuses a comment body over 65,536 characters. */
export const COMMENT_MAX_CHARS = 65_536;

export interface RunLinks {
  serverUrl: string;
  repository?: { owner: string; repo: string };
  sha: string;
  runId: number;
}

export function runUrl(links: RunLinks): string | undefined {
  if (!links.repository || links.runId <= 0) return undefined;
  return `${links.serverUrl}/${links.repository.owner}/${links.repository.repo}/actions/runs/${links.runId}`;
}

/**
 * A link to the line at the commit, for files in the repository. A path with `#` or `?`
 * gets none: the markdown renderer URI-encodes the link, and those two it leaves as they are.
 */
export function lineLinker(links: RunLinks, isRepoFile: (file: string) => boolean): (loc: SourceLocation) => string | undefined {
  return (loc) => {
    if (!links.repository || !links.sha || !isRepoFile(loc.file) || /[#?]/.test(loc.file)) return undefined;
    return `${links.serverUrl}/${links.repository.owner}/${links.repository.repo}/blob/${links.sha}/${loc.file}#L${loc.line}`;
  };
}

/**
 * Where every finding is when a report is cut to fit: the job summary, unless it is cut
 * too; then the step log (the text report: every finding that did not pass, the passes
 * counted) and the JSON report file, which lives in RUNNER_TEMP only until the job ends.
 */
export interface FullReportPlaces {
  /** The job summary had to be cut as well. */
  summaryCut: boolean;
  /** The JSON report was written (the `report` output names it). */
  reportFile: boolean;
}

/** A sentence for a cut job summary (or anything pointing past it): the step log, and the JSON report to keep. */
export function beyondSummaryHint(reportFile: boolean): string {
  return `The step log lists every finding that did not pass${reportFile ? '; the JSON report (the `report` output, a file in `RUNNER_TEMP`) has every finding: upload it with `actions/upload-artifact` to keep it' : ''}.`;
}

/** Where a cut report sends the reader for every finding. */
export function fullReportHint(places: FullReportPlaces | undefined, run: string | undefined): string {
  const summary = run ? `The job summary of the [workflow run](${run})` : 'The job summary of the workflow run';
  if (!places?.summaryCut) return `${summary} has every finding.`;
  return `${summary} is cut to fit too. ${beyondSummaryHint(places.reportFile)}`;
}

function footer(links: RunLinks, version: string, name: string, summaryCut = false): string {
  const parts = [`topogate ${escapeMarkdown(version)}`];
  if (name) parts.push(`check ${codeSpan(name)}`);
  if (links.sha && links.repository) parts.push(`commit [${codeSpan(links.sha.slice(0, 7))}](${links.serverUrl}/${links.repository.owner}/${links.repository.repo}/commit/${links.sha})`);
  const run = runUrl(links);
  if (run) parts.push(`[workflow run](${run}) (${summaryCut ? 'the job summary is cut to fit; the step log lists every finding that did not pass' : 'the job summary has the full report'})`);
  return `<sub>${parts.join(' · ')}</sub>`;
}

export interface CommentOptions {
  marker: CommentMarker;
  failOn: GateLike;
  version: string;
  name: string;
  links: RunLinks;
  linkTo: (loc: SourceLocation) => string | undefined;
  maxChars?: number;
  /** Output files the step could not write after the check ran (see renderUnwrittenOutputs). */
  unwritten?: readonly string[];
  /** Whether the job summary is cut too, and the JSON report written: what a cut comment points to. Default: a whole summary. */
  fullReport?: FullReportPlaces;
}

/**
 * Output files the step could not write after the check ran (an unwritable `sarif-file`),
 * as a notice above the result: the step fails for them, but the check ran and its
 * result stands, so nothing here may say otherwise. Empty when there are none.
 */
export function renderUnwrittenOutputs(unwritten: readonly string[] = []): string {
  if (unwritten.length === 0) return '';
  const what = unwritten.length === 1 ? 'an output file' : 'output files';
  const items = unwritten.map((u) => `> - ${escapeMarkdown(u)}\n`).join('');
  return `> ❌ **The check ran, but ${what} could not be written, so the step fails.** The result below is complete; fix the workflow and run it again.\n${items}\n`;
}

/** The sticky comment: the marker, a notice of unwritten outputs, the verdict per environment (cut to fit), the footer. */
export function renderCommentBody(report: Report, o: CommentOptions): string {
  const head = `${formatMarker(o.marker)}\n${renderUnwrittenOutputs(o.unwritten)}`.replace(/\n$/, '');
  const foot = footer(o.links, o.version, o.name, o.fullReport?.summaryCut);
  const run = runUrl(o.links);
  const budget = (o.maxChars ?? COMMENT_MAX_CHARS) - head.length - foot.length - 4;
  const body = renderMarkdown(report, {
    failOn: o.failOn,
    linkTo: o.linkTo,
    maxLength: budget,
    fullReportHint: fullReportHint(o.fullReport, run),
  });
  return `${head}\n${body.trimEnd()}\n\n${foot}\n`;
}

/**
 * A reason the inputs cannot be checked: a problem at a place in a file, or one with the
 * step's inputs themselves (a pattern that matches nothing, a working directory that is
 * not there), whose message stands alone and which may name the input.
 */
/** A problem that stops the step: bad input, or (`internal`) a bug in topogate. */
export type StepProblem = InputProblem | { message: string; input?: string; internal?: boolean };

export function isLocated(p: StepProblem): p is InputProblem {
  return 'file' in p;
}

/** One line for the log and the failed step: `file:line:column: message`, or the message. */
export function problemLine(p: StepProblem): string {
  return isLocated(p) ? formatProblem(p) : p.message;
}

function where(p: StepProblem): string {
  if (isLocated(p)) return codeSpan(`${p.file}:${p.line}:${p.column}`);
  if ('internal' in p && p.internal === true) return 'topogate';
  return p.input ? `input ${codeSpan(p.input)}` : 'the inputs';
}

/**
 * Bad input, as markdown: every problem with its place, and that nothing was checked, within
 * `maxSize` as `measure` counts it (characters for a comment, UTF-8 bytes for a job summary).
 */
export function renderInputProblems(problems: readonly StepProblem[], maxSize = Number.POSITIVE_INFINITY, measure: (text: string) => number = (t) => t.length): string {
  const internal = problems.some((p) => 'internal' in p && p.internal === true);
  const head = [
    internal ? '### ❌ topogate: internal error' : `### ❌ topogate: the inputs cannot be checked`,
    '',
    internal
      ? 'topogate stopped on an internal error; nothing was checked, so nothing passes. The log of the workflow run has the details.'
      : `${problems.length === 1 ? '1 problem' : `${problems.length} problems`} in the inputs; nothing was checked, so nothing passes. Fix ${problems.length === 1 ? 'it' : 'them'} and push again.`,
    '',
    '| Where | Problem |',
    '|---|---|',
  ];
  const note = (left: number) => `\n> ✂️ ${left} more problem${left === 1 ? '' : 's'}: see the annotations and the log of the workflow run.\n`;
  let out = `${head.join('\n')}\n`;
  let size = measure(out);
  for (let i = 0; i < problems.length; i++) {
    const row = `| ${where(problems[i])} | ${escapeMarkdown(problems[i].message)} |\n`;
    const rowSize = measure(row);
    if (size + rowSize + measure(note(problems.length - i)) > maxSize) return `${out}${note(problems.length - i)}`;
    out += row;
    size += rowSize;
  }
  return out;
}

export function renderInputProblemsComment(problems: readonly StepProblem[], o: Omit<CommentOptions, 'failOn' | 'linkTo'>): string {
  const head = formatMarker(o.marker);
  const foot = footer(o.links, o.version, o.name);
  const body = renderInputProblems(problems, (o.maxChars ?? COMMENT_MAX_CHARS) - head.length - foot.length - 4);
  return `${head}\n${body.trimEnd()}\n\n${foot}\n`;
}
