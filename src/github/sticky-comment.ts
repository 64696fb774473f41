import type { CommentMode } from './action-inputs.js';
import { isLaterRun, parseMarker } from './comment-marker.js';
import type { CommentMarker } from './comment-marker.js';
import { ApiError, ApiTimeUpError } from './github-api.js';
import type { GitHubApi, IssueComment } from './github-api.js';
import type { CommentDelivery } from './job-summary.js';

/**
 * One comment per configuration on the pull request. `update` rewrites topogate's
 * comment for this configuration (or starts it), `new` adds one per run. Either way a
 * run never replaces what a later run wrote: the marker says which run that was. When
 * two first runs raced and each posted, the next run keeps the newest and deletes the rest.
 *
 * Only comments written by the token's own identity count as topogate's: anyone can
 * paste a marker into a comment, and a forged one must neither be edited nor freeze
 * the real one.
 */

export interface CommentRequest {
  mode: Exclude<CommentMode, 'off'>;
  marker: CommentMarker;
  body: string;
  /** Bad input: rewrite this configuration's existing comment (so it stops claiming a pass), never start one. */
  onlyIfExists?: boolean;
  /** The pull request comes from a fork: a refusal is expected, and said so. */
  fromFork?: boolean;
  /** The event that started the run: a fork's token is read-only on `pull_request`, not on `pull_request_target`. */
  eventName?: string;
}

/** Who the default token (GITHUB_TOKEN) writes as: the one author trusted when the token's own login cannot be read. */
export const DEFAULT_TOKEN_LOGIN = 'github-actions[bot]';

/** Duplicates deleted per run at most: two racing first runs leave one, a bug could leave more. */
const MAX_DUPLICATE_DELETES = 10;

export interface CommentLog {
  debug(text: string): void;
}

function isOurs(c: IssueComment, key: string, login: string | undefined): CommentMarker | undefined {
  const m = parseMarker(c.body);
  if (!m || m.key !== key) return undefined;
  // Without a known login, only the default token's identity: any other app's bot could
  // copy the marker with a later run and freeze the real comment. (A custom token whose login
  // cannot be read then finds none of its comments and starts a new one; never a stale one.)
  const trusted = c.authorLogin === (login ?? DEFAULT_TOKEN_LOGIN);
  return trusted ? m : undefined;
}

export function refusalReason(e: ApiError, fromFork: boolean, eventName = 'pull_request'): string {
  const complete = 'This summary and the step’s verdict are complete without it.';
  if (e.rateLimited) return `${e.message}; topogate waited as long as it may (about a minute in all). ${complete}`;
  const why = fromFork && eventName === 'pull_request'
    ? 'This pull request comes from a fork, and GitHub gives a fork’s `pull_request` run a read-only token (see the README for `pull_request_target`).'
    : fromFork
      ? `Grant the job \`permissions: pull-requests: write\`: on \`${eventName || 'this event'}\` the token of a fork’s pull request may write when the workflow’s permissions allow it.`
      : 'Grant the job `permissions: pull-requests: write` (a pull request from a fork gets a read-only token on `pull_request`).';
  return `the token may not write comments on this pull request (${e.message}). ${why} ${complete}`;
}

export async function publishComment(api: GitHubApi, pullNumber: number, req: CommentRequest, log: CommentLog): Promise<CommentDelivery> {
  try {
    let login: string | undefined;
    try {
      login = await api.viewerLogin();
    } catch (e) {
      log.debug(`could not tell which login the token acts as (${(e as Error).message}); trusting markers in comments by ${DEFAULT_TOKEN_LOGIN} (the default token) only.`);
    }
    const comments = await api.listComments(pullNumber);
    const ours = comments.flatMap((c) => {
      const m = isOurs(c, req.marker.key, login);
      return m ? [{ comment: c, marker: m }] : [];
    });
    const later = ours.filter((o) => isLaterRun(o.marker, req.marker)).sort((a, b) => b.marker.runId - a.marker.runId || b.marker.runAttempt - a.marker.runAttempt)[0];
    if (later) return { kind: 'stale', url: later.comment.url, runId: later.marker.runId, sha: later.marker.sha };
    // Comments of `comment: new` runs are the history that mode keeps: never the sticky one, never duplicates.
    const newestFirst = ours.filter((o) => !o.marker.perRun).sort((a, b) => b.comment.id - a.comment.id);
    const target = req.mode === 'update' ? newestFirst[0] : undefined;
    const url = target ? await updateUnlessDeleted(api, target.comment, req.body, log) : undefined;
    if (url !== undefined) {
      // Two first runs that raced both posted: keep the newest, remove the rest. Only when
      // they are surely this token's own: with the login unknown, another bot's comment
      // carrying a copied marker must not be deleted.
      const duplicates = login === undefined ? [] : newestFirst.slice(1, 1 + MAX_DUPLICATE_DELETES);
      if (login === undefined && newestFirst.length > 1) log.debug(`${newestFirst.length - 1} older comment(s) carry this marker; not deleted, as the token's login is not known.`);
      for (const duplicate of duplicates) {
        try {
          await api.deleteComment(duplicate.comment.id);
        } catch (e) {
          log.debug(`could not delete the duplicate comment ${duplicate.comment.url} (${(e as Error).message}).`);
        }
      }
      return { kind: 'updated', url };
    }
    if (req.onlyIfExists) return { kind: 'skipped', reason: 'nothing was checked, and there was no earlier comment of this check to correct.' };
    return { kind: 'created', url: await api.createComment(pullNumber, req.body) };
  } catch (e) {
    if (e instanceof ApiTimeUpError) return { kind: 'failed', reason: `${e.message}. This summary and the step’s verdict are complete without it.` };
    if (e instanceof ApiError && (e.refused || e.rateLimited)) return { kind: e.refused ? 'refused' : 'failed', reason: refusalReason(e, req.fromFork ?? false, req.eventName) };
    return { kind: 'failed', reason: `the GitHub API failed (${e instanceof Error ? e.message : String(e)}). This summary and the step’s verdict are complete without it.` };
  }
}

/**
 * Rewrites a comment; undefined when it is gone (deleted by someone between the listing and
 * now: GitHub answers 404 to a token that could list it), so that a new one is started.
 */
async function updateUnlessDeleted(api: GitHubApi, comment: IssueComment, body: string, log: CommentLog): Promise<string | undefined> {
  try {
    return await api.updateComment(comment.id, body);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404 || e.rateLimited) throw e;
    log.debug(`the comment ${comment.url} was deleted while this run wrote it (${e.message}); starting a new one.`);
    return undefined;
  }
}
