import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * The hidden first line of topogate's PR comment. It names the configuration the comment
 * belongs to (so two topogate steps keep two comments) and the commit and run that wrote
 * it (so a late run for an older commit leaves a newer comment alone). Only topogate
 * writes it: every value in it is a hash or a number, never text from an input.
 */

export interface CommentMarker {
  /** 16 hex digits: the configuration. */
  key: string;
  /** The commit the comment reports on ('' when unknown). */
  sha: string;
  runId: number;
  runAttempt: number;
  /** Written with `comment: new` (one comment per run): history, which an `update` run neither edits nor deletes. */
  perRun?: boolean;
}

const MARKER = /^<!-- topogate-comment key=([0-9a-f]{16}) sha=([0-9a-f]{0,64}) run=(\d{1,20})\.(\d{1,6})( per-run)? -->(?:\r?\n|$)/;

export function formatMarker(m: CommentMarker): string {
  return `<!-- topogate-comment key=${m.key} sha=${m.sha} run=${m.runId}.${m.runAttempt}${m.perRun ? ' per-run' : ''} -->`;
}

/** The marker at the very start of a comment body, if any. */
export function parseMarker(body: string | null | undefined): CommentMarker | undefined {
  const m = MARKER.exec(body ?? '');
  if (!m) return undefined;
  const marker: CommentMarker = { key: m[1], sha: m[2], runId: Number(m[3]), runAttempt: Number(m[4]) };
  if (m[5]) marker.perRun = true;
  return marker;
}

/**
 * Whether `a` was written by a later run than `b`. Run ids grow with every new run in a
 * repository, and a re-run keeps its id with a higher attempt, so a run for an older
 * commit that finishes late has the smaller pair.
 */
export function isLaterRun(a: Pick<CommentMarker, 'runId' | 'runAttempt'>, b: Pick<CommentMarker, 'runId' | 'runAttempt'>): boolean {
  return a.runId > b.runId || (a.runId === b.runId && a.runAttempt > b.runAttempt);
}

export interface ConfigurationInputs {
  name: string;
  workingDirectory: string;
  topology: readonly string[];
  plan: readonly string[];
  policies: readonly string[];
}

/**
 * The configuration's key: from its name when the user gives one (so editing the
 * patterns keeps the same comment), else from what it checks.
 */
export function configurationKey(c: ConfigurationInputs): string {
  const identity = c.name !== ''
    ? `name\0${c.name}`
    : JSON.stringify(['inputs', path.posix.normalize(c.workingDirectory.replace(/\\/g, '/')).replace(/(.)\/+$/, '$1'), c.topology, c.plan, c.policies]);
  return createHash('sha256').update(identity).digest('hex').slice(0, 16);
}
