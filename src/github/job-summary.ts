import type { SourceLocation } from '../core/model.js';
import { codeSpan } from '../core/report/escape.js';
import { renderMarkdownReport } from '../core/report/markdown-report.js';
import type { GateLike, Report } from '../core/report/report.js';
import type { AnnotationLevel } from './annotations.js';
import { CHECK_RUN_MAX_ANNOTATIONS } from './check-run.js';
import { beyondSummaryHint, renderUnwrittenOutputs } from './comment-body.js';

/**
 * The job summary: the whole report (passes included), then where else it went and what
 * did not fit there: annotations GitHub would not show, a comment that was refused. It has
 * everything, fork pull requests included, unless the report is over 1 MB: then it is cut,
 * and says (as the check run and the comment do) that the step log lists every finding.
 */

/** GitHub refuses a step summary over 1 MiB; this leaves room for the notes. */
export const SUMMARY_MAX_BYTES = 1_000_000;

/**
 * Room kept below the report for the delivery notes. The report is rendered before anything
 * is published (the check run and the comment say whether it was cut), the notes after.
 * Notes are a few hundred bytes; SUMMARY_MAX_BYTES is 48 KiB under GitHub's limit besides.
 */
const NOTES_RESERVE_BYTES = 16_000;

/** The report part of the job summary, and whether it had to be cut (then it does not have every finding). */
export interface SummaryReport {
  text: string;
  cut: boolean;
}

export type AnnotationDelivery =
  | { kind: 'off' }
  | { kind: 'commands'; shown: Record<AnnotationLevel, number>; hidden: Record<AnnotationLevel, number>; checkRunFailed?: string; checkRun?: CheckRunLeftOver }
  | { kind: 'check-run'; total: number; url: string; name: string; omitted?: Record<AnnotationLevel, number>; limit?: number };

/** A check run that was created but did not get every annotation. */
export interface CheckRunLeftOver {
  name: string;
  url: string;
  /** Completed with the annotations it got; false: it may stay "in progress". */
  completed: boolean;
}

export type CommentDelivery =
  | { kind: 'created' | 'updated'; url: string }
  | { kind: 'stale'; url: string; runId: number; sha: string }
  | { kind: 'refused' | 'failed'; reason: string }
  | { kind: 'skipped'; reason: string };

export interface Delivery {
  annotations: AnnotationDelivery;
  comment: CommentDelivery;
  reportFile?: string;
  sarifFile?: string;
  /** Output files that could not be written after the check ran: the step fails for them. */
  unwritten?: readonly string[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function levels(counts: Record<AnnotationLevel, number>): string {
  return (['error', 'warning', 'notice'] as const).filter((l) => counts[l] > 0).map((l) => plural(counts[l], l)).join(', ');
}

/** `summaryCut`: the job summary lacks some findings, so the notes point at the step log rather than at "the tables above". */
export function annotationNote(a: AnnotationDelivery, summaryCut = false): string {
  const everyFinding = summaryCut ? 'The step log lists every finding that did not pass' : 'Every finding is in the tables above';
  switch (a.kind) {
    case 'off':
      return 'Annotations are off (`annotations: false`).';
    case 'check-run': {
      const omitted = a.omitted ? a.omitted.error + a.omitted.warning + a.omitted.notice : 0;
      if (omitted === 0 || !a.omitted) return `Every finding (${plural(a.total, 'annotation')}) is marked on its line by the check run [${codeSpan(a.name)}](${a.url}).`;
      return `${a.total} of ${a.total + omitted} findings are marked on their lines by the check run [${codeSpan(a.name)}](${a.url}); **${omitted} more (${levels(a.omitted)}) are not annotated**: topogate publishes at most ${(a.limit ?? a.total).toLocaleString('en-US')} annotations per run through the API (its requests count against the token's hourly limit), the most urgent first. ${everyFinding}.`;
    }
    case 'commands': {
      const shownTotal = a.shown.error + a.shown.warning + a.shown.notice;
      const hiddenTotal = a.hidden.error + a.hidden.warning + a.hidden.notice;
      const parts: string[] = [];
      if (a.checkRun && a.checkRunFailed) {
        const run = `[${codeSpan(a.checkRun.name)}](${a.checkRun.url})`;
        parts.push(a.checkRun.completed
          ? `The check run ${run} got only some annotations (${a.checkRunFailed}); annotations went through the log instead.`
          : `The check run ${run} was created but could not be completed (${a.checkRunFailed}), so it may stay “in progress”; annotations went through the log instead.`);
      } else if (a.checkRunFailed) parts.push(`The check run could not be published (${a.checkRunFailed}); annotations went through the log instead.`);
      parts.push(shownTotal === 0 && hiddenTotal === 0 ? 'No finding needs an annotation.' : `${plural(shownTotal, 'finding')} marked on ${shownTotal === 1 ? 'its line' : 'their lines'}${shownTotal > 0 ? ` (${levels(a.shown)})` : ''}.`);
      if (hiddenTotal > 0) {
        const checkRun = shownTotal + hiddenTotal <= CHECK_RUN_MAX_ANNOTATIONS
          ? 'all of them are annotated'
          : `a check run annotates the ${CHECK_RUN_MAX_ANNOTATIONS.toLocaleString('en-US')} most urgent`;
        parts.push(`**${hiddenTotal} more (${levels(a.hidden)}) are not annotated**: GitHub shows at most 10 error and 10 warning annotations per step (topogate holds notices to 10 as well), so the ones in files this pull request changes went first. ${everyFinding}; with \`check-run: true\` (and \`checks: write\`) ${checkRun}.`);
      }
      return parts.join(' ');
    }
  }
}

export function commentNote(c: CommentDelivery): string {
  switch (c.kind) {
    case 'created':
      return `PR comment [posted](${c.url}).`;
    case 'updated':
      return `PR comment [updated](${c.url}).`;
    case 'stale':
      return `PR comment left as it is: it [reports](${c.url}) a later run (${c.runId}${c.sha ? `, commit ${codeSpan(c.sha.slice(0, 7))}` : ''}) than this one.`;
    case 'refused':
    case 'failed':
    case 'skipped':
      return `No PR comment: ${c.reason}`;
  }
}

function deliveryNotes(d: Delivery, summaryCut: boolean): string {
  const lines = ['#### Delivery', '', `- ${annotationNote(d.annotations, summaryCut)}`, `- ${commentNote(d.comment)}`];
  const files = [d.reportFile ? `JSON report ${codeSpan(d.reportFile)}` : '', d.sarifFile ? `SARIF ${codeSpan(d.sarifFile)}` : ''].filter(Boolean);
  if (files.length > 0) lines.push(`- ${files.join(', ')} (the \`report\` and \`sarif-file\` outputs).`);
  const unwritten = d.unwritten?.length ?? 0;
  if (unwritten > 0) lines.push(`- ${plural(unwritten, 'output file')} not written (see the top of this summary); the output${unwritten === 1 ? ' that would name it is' : 's that would name them are'} empty.`);
  return `${lines.join('\n')}\n`;
}

/**
 * The report part of the summary (the title, the report, cut to fit with a note), rendered
 * before anything is published: the check run and the comment say whether it is whole.
 * `reportFile`: whether the JSON report was written, for the note of a cut report.
 */
export function renderSummaryReport(report: Report, o: { failOn: GateLike; name: string; linkTo: (loc: SourceLocation) => string | undefined; unwritten?: readonly string[]; reportFile: boolean; maxBytes?: number }): SummaryReport {
  const title = `${o.name ? `<sub>topogate check ${codeSpan(o.name)}</sub>\n\n` : ''}${renderUnwrittenOutputs(o.unwritten)}`;
  const maxBytes = (o.maxBytes ?? SUMMARY_MAX_BYTES) - Buffer.byteLength(title) - NOTES_RESERVE_BYTES - 16;
  const render = (maxLength?: number) =>
    renderMarkdownReport(report, { failOn: o.failOn, linkTo: o.linkTo, maxLength, passDetails: true, fullReportHint: beyondSummaryHint(o.reportFile) });
  let body = render();
  // Characters are not bytes (emoji, non-Latin names): shrink until the bytes fit.
  for (let i = 0; i < 6 && Buffer.byteLength(body.text) > maxBytes; i++) {
    body = render(Math.floor(body.text.length * (maxBytes / Buffer.byteLength(body.text)) * 0.97));
  }
  return { text: `${title}${body.text.trimEnd()}`, cut: body.cut };
}

/** The summary markdown, kept under GitHub's size limit (cut with a note, never refused). `rendered`: the report part, when it was rendered first. */
export function renderJobSummary(report: Report, o: { failOn: GateLike; name: string; linkTo: (loc: SourceLocation) => string | undefined; delivery: Delivery; maxBytes?: number; rendered?: SummaryReport }): string {
  const part = o.rendered ?? renderSummaryReport(report, { ...o, unwritten: o.delivery.unwritten, reportFile: o.delivery.reportFile !== undefined });
  return `${part.text}\n\n${deliveryNotes(o.delivery, part.cut)}`;
}
