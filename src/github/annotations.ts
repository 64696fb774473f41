import type { Finding, SourceLocation } from '../core/model.js';
import { singleLine } from '../core/report/escape.js';

/**
 * Findings as annotations on their file, line and column: which findings, at which level,
 * and in which order when GitHub will not show them all. A workflow step shows at most
 * 10 error and 10 warning annotations (notices are held to the same 10 here) and a job 50;
 * the most useful go first: failures by severity, and within a level the files the pull
 * request changes, where the reviewer is looking.
 */

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export const LEVELS: readonly AnnotationLevel[] = ['error', 'warning', 'notice'];

/** What GitHub shows of one step's workflow-command annotations, per level. */
export const STEP_ANNOTATION_LIMIT = 10;

/** The Checks API takes at most this many annotations per request. */
export const CHECK_RUN_BATCH = 50;

export interface FindingAnnotation {
  level: AnnotationLevel;
  /** A path in the repository; absent when the finding's file is not one (a built-in pack). */
  file?: string;
  line: number;
  column: number;
  title: string;
  message: string;
  inChangedFile: boolean;
  finding: Finding;
}

/** A failure at its severity; an undecided check as a notice; passes and waived findings are not annotated. */
export function annotationLevel(f: Finding): AnnotationLevel | undefined {
  if (f.status === 'fail') return f.severity;
  if (f.status === 'unknown') return 'notice';
  return undefined;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function toAnnotation(f: Finding, level: AnnotationLevel, repoFile: (loc: SourceLocation) => string | undefined, changed: ReadonlySet<string>): FindingAnnotation {
  const file = repoFile(f.location);
  const title = f.status === 'unknown' ? `${f.policy} could not be decided: ${f.title}` : `${f.policy}: ${f.title}`;
  const about = f.subject === f.environment ? f.environment : `${f.environment} › ${f.subject}`;
  const lines = [`${about}: ${f.message}`, `Requirement: ${f.source}`];
  if (f.waiver?.expired) lines.push(`The waiver (${f.waiver.reason}) expired on ${f.waiver.expires ?? 'its date'}.`);
  return {
    level,
    file,
    line: f.location.line,
    column: f.location.column,
    // The Checks API caps a title at 255 characters; a message is plain text, one finding each.
    title: clip(singleLine(title), 255),
    message: clip(lines.map(singleLine).join('\n'), 4000),
    inChangedFile: file !== undefined && changed.has(file),
    finding: f,
  };
}

const LEVEL_RANK: Record<AnnotationLevel, number> = { error: 0, warning: 1, notice: 2 };

function compareAnnotations(a: FindingAnnotation, b: FindingAnnotation): number {
  const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
    Number(b.inChangedFile) - Number(a.inChangedFile) ||
    Number(b.file !== undefined) - Number(a.file !== undefined) ||
    Number(b.finding.status === 'fail') - Number(a.finding.status === 'fail') ||
    byText(a.file ?? '', b.file ?? '') ||
    a.line - b.line ||
    a.column - b.column ||
    byText(a.finding.policy, b.finding.policy) ||
    byText(a.finding.subject, b.finding.subject)
  );
}

/** Every annotation the report calls for, most useful first. */
export function rankAnnotations(findings: readonly Finding[], repoFile: (loc: SourceLocation) => string | undefined, changed: ReadonlySet<string> = new Set()): FindingAnnotation[] {
  const out: FindingAnnotation[] = [];
  for (const f of findings) {
    const level = annotationLevel(f);
    if (level) out.push(toAnnotation(f, level, repoFile, changed));
  }
  return out.sort(compareAnnotations);
}

export function countByLevel(list: readonly FindingAnnotation[]): Record<AnnotationLevel, number> {
  const counts: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  for (const a of list) counts[a.level]++;
  return counts;
}

/** The first `budget[level]` of each level, in rank order, and how many are left out. */
export function withinBudget(ranked: readonly FindingAnnotation[], budget: Record<AnnotationLevel, number>): { shown: FindingAnnotation[]; hidden: Record<AnnotationLevel, number> } {
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const hidden: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const shown: FindingAnnotation[] = [];
  for (const a of ranked) {
    if (used[a.level] < Math.max(0, budget[a.level])) {
      used[a.level]++;
      shown.push(a);
    } else {
      hidden[a.level]++;
    }
  }
  return { shown, hidden };
}

/** Whether ranking can change what is shown: some level has more than its budget. */
export function overflows(ranked: readonly FindingAnnotation[], budget: Record<AnnotationLevel, number>): boolean {
  const counts = countByLevel(ranked);
  return LEVELS.some((l) => counts[l] > budget[l]);
}

/** The Checks API form of an annotation (`failure` is its word for error). */
export function checkRunAnnotation(a: FindingAnnotation & { file: string }) {
  return {
    path: a.file,
    start_line: a.line,
    end_line: a.line,
    start_column: a.column,
    end_column: a.column,
    annotation_level: a.level === 'error' ? ('failure' as const) : a.level,
    title: a.title,
    message: a.message,
  };
}
