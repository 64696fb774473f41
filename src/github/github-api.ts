import type { RunContext } from './run-context.js';

/**
 * The few REST (and one GraphQL) calls the action makes, over @actions/github's Octokit,
 * which honours the runner's proxy settings. Octokit is imported only when a call is
 * made (a separate chunk of the bundle), so a run without comment or check run does not
 * load it. Every request has a time limit; reads and idempotent writes are retried on
 * server errors and lost connections, creations are not (a retried POST could post
 * twice); any request refused by a rate limit is retried after the wait GitHub asks for.
 * All waits of a run share one budget of about a minute, and all API work of a run (the
 * requests and the waits) one deadline of a minute and a half: once it has passed, a
 * request in flight is abandoned and the rest are not made.
 */

type Octokit = ReturnType<(typeof import('@actions/github'))['getOctokit']>;

export interface IssueComment {
  id: number;
  body: string;
  authorLogin: string;
  url: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  annotations?: ReturnType<typeof import('./annotations.js').checkRunAnnotation>[];
}

/** A refusal or failure from the API, with the status when there was a response. */
export class ApiError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number | undefined,
    message: string,
    /** GitHub's primary or secondary rate limit, still in force after waiting what the budget allows. */
    readonly rateLimited = false,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The token may not do this: a fork PR's read-only token, or missing `permissions:`. */
  get refused(): boolean {
    return !this.rateLimited && (this.status === 401 || this.status === 403 || this.status === 404);
  }
}

/** An operation the run's deadline for API work cut off: abandoned in flight, or not started. */
export class ApiTimeUpError extends ApiError {
  constructor(operation: string, totalMs: number, inFlight: boolean) {
    super(operation, undefined, `${operation}: ${inFlight ? 'no answer' : 'not attempted'} within topogate's time limit for GitHub API calls (${durationText(totalMs)} in all)`);
    this.name = 'ApiTimeUpError';
  }
}

/** How long the API may take: one request, the waits between requests, and all of it together. */
export interface ApiLimits {
  /** One request without an answer. */
  requestMs: number;
  /** All waits of a run together (backoff and rate limits). */
  waitMs: number;
  /** All API work of a publishing phase, requests and waits: the step must not hang for the API. */
  totalMs: number;
  /** The one request allowed past the deadline: completing a check run it left open. */
  graceMs: number;
}

/** The wait budget fits inside the deadline, with room for the requests themselves. */
export const API_LIMITS: Readonly<ApiLimits> = { requestMs: 30_000, waitMs: 60_000, totalMs: 90_000, graceMs: 10_000 };

const RETRY_DELAYS_MS = [1_000, 3_000];
/** Rate-limit retries of one request; the time they may take is bounded by the run's budget. */
const RATE_LIMIT_RETRIES = 3;

/** A limit as the messages give it: `30 s`, or `500 ms` below a second. */
export function durationText(ms: number): string {
  return ms >= 1_000 ? `${Math.round(ms / 1_000)} s` : `${ms} ms`;
}

/**
 * The end of the time all API work of a run may take, from its first call. Its signal
 * aborts a request in flight when it passes; `passed` stops the ones not yet made. The
 * timer does not keep the process alive.
 */
export class ApiDeadline {
  private readonly controller = new AbortController();
  private readonly endsAt: number;

  constructor(readonly totalMs: number = API_LIMITS.totalMs) {
    this.endsAt = Date.now() + totalMs;
    setTimeout(() => this.controller.abort(new DOMException(`topogate's time limit for GitHub API calls (${durationText(totalMs)}) has passed`, 'TimeoutError')), totalMs).unref();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get passed(): boolean {
    return this.controller.signal.aborted;
  }

  /** Whether a wait of `ms` ends before the deadline. */
  allows(ms: number): boolean {
    return !this.passed && ms < this.endsAt - Date.now();
  }
}

const MAX_COMMENT_PAGES = 50;
const MAX_FILE_PAGES = 30; // the API lists at most 3,000 files of a pull request

/** What a failed request tells about itself, whatever threw it (Octokit's RequestError, fetch, GraphQL). */
export interface FailureInfo {
  /** The HTTP status; undefined when no response came (network, timeout) or none applies (GraphQL errors). */
  status?: number;
  headers: Record<string, string>;
  /** No response: the connection failed or timed out. */
  network: boolean;
  timedOut: boolean;
  message: string;
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 300);
}

export function failureOf(e: unknown): FailureInfo {
  const err = (e ?? {}) as { name?: unknown; status?: unknown; response?: { status?: unknown; headers?: unknown }; cause?: { name?: unknown } };
  const message = firstLine(e instanceof Error ? e.message : String(e));
  const causeName = typeof err.cause?.name === 'string' ? err.cause.name : '';
  const timedOut = err.name === 'AbortError' || err.name === 'TimeoutError' || causeName === 'AbortError' || causeName === 'TimeoutError';
  const headers: Record<string, string> = {};
  const raw = err.response?.headers;
  if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' || typeof v === 'number') headers[k.toLowerCase()] = String(v);
  const status = typeof err.status === 'number' && err.status > 0 ? err.status : undefined;
  // Octokit turns a failed fetch into a RequestError with status 500 and no response.
  const network = timedOut || (err.name === 'HttpError' && err.response === undefined) || (status === undefined && err.name === 'TypeError');
  return { status: network ? undefined : status, headers, network, timedOut, message };
}

/**
 * GitHub's rate limits: a 429, or a 403 that says so (no requests left in the hour, a
 * secondary limit's message or its `retry-after`). Returns how long GitHub asks to wait
 * (ms), or undefined when this is not a rate limit.
 */
export function rateLimitWait(f: FailureInfo, now = Date.now()): number | undefined {
  const limited = f.status === 429 || (f.status === 403 && (f.headers['x-ratelimit-remaining'] === '0' || f.headers['retry-after'] !== undefined || /rate limit/i.test(f.message)));
  if (!limited) return undefined;
  const after = Number(f.headers['retry-after']);
  if (f.headers['retry-after'] !== undefined && Number.isFinite(after) && after >= 0) return after * 1000;
  const reset = Number(f.headers['x-ratelimit-reset']);
  if (f.headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now) + 1000;
  // A secondary limit without a time: GitHub asks for at least a minute.
  return 60_000;
}

function describeFailure(operation: string, f: FailureInfo, rateLimited: boolean, requestMs: number): string {
  if (f.timedOut) return `${operation}: no answer within ${durationText(requestMs)} (${f.message})`;
  if (f.network) return `${operation}: network error (${f.message})`;
  const http = f.status ? `HTTP ${f.status}: ` : '';
  if (!rateLimited) return `${operation}: ${http}${f.message}`;
  const reset = Number(f.headers['x-ratelimit-reset']);
  const when = f.headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset) && reset > 0 ? `; it resets at ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC` : '';
  return `${operation}: the GitHub API rate limit was hit (${http}${f.message})${when}`;
}

/** How long the run may still wait for the API, shared by every request. */
export class WaitBudget {
  constructor(private leftMs = API_LIMITS.waitMs) {}

  /** Takes `ms` from the budget when it fits. */
  take(ms: number): boolean {
    if (ms > this.leftMs) return false;
    this.leftMs -= ms;
    return true;
  }
}

export type Sleep = (ms: number) => Promise<void>;

const sleep: Sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export interface AttemptLimits {
  /** The run's deadline for API work: past it, nothing is tried and no wait begins. */
  deadline?: ApiDeadline;
  /** The time limit of one request, to word a timeout and count it against the budget. */
  requestMs?: number;
}

/**
 * One API operation with its retries. Rate limits are retried after the wait GitHub asks
 * for (the request was refused, not done, so even a creation may repeat) while the run's
 * budget lasts. Server errors and lost connections are retried only when repeating the
 * operation is harmless (`retry`), after a backoff or the `retry-after` GitHub sends.
 * A wait that would end past the deadline is not begun; once the deadline has passed,
 * the operation fails with ApiTimeUpError.
 */
export async function attempt<T>(operation: string, retry: boolean, fn: () => Promise<T>, budget: WaitBudget, wait: Sleep = sleep, limits: AttemptLimits = {}): Promise<T> {
  const { deadline } = limits;
  const requestMs = limits.requestMs ?? API_LIMITS.requestMs;
  const mayWait = (ms: number, counted = ms) => (deadline === undefined || deadline.allows(ms)) && budget.take(counted);
  let backoffs = 0;
  let rateRetries = 0;
  for (;;) {
    if (deadline?.passed) throw new ApiTimeUpError(operation, deadline.totalMs, false);
    try {
      return await fn();
    } catch (e) {
      if (deadline?.passed) throw new ApiTimeUpError(operation, deadline.totalMs, true);
      const f = failureOf(e);
      const limitWait = rateLimitWait(f);
      if (limitWait !== undefined) {
        if (rateRetries < RATE_LIMIT_RETRIES && mayWait(limitWait)) {
          rateRetries++;
          await wait(limitWait);
          continue;
        }
        throw new ApiError(operation, f.status, describeFailure(operation, f, true, requestMs), true);
      }
      const transient = f.network || (f.status !== undefined && f.status >= 500);
      if (retry && transient && backoffs < RETRY_DELAYS_MS.length) {
        const after = Number(f.headers['retry-after']);
        const delay = f.headers['retry-after'] !== undefined && Number.isFinite(after) && after >= 0 ? after * 1000 : RETRY_DELAYS_MS[backoffs];
        // A request that timed out already took its time limit: that counts as waiting too.
        if (mayWait(delay, delay + (f.timedOut ? requestMs : 0))) {
          backoffs++;
          await wait(delay);
          continue;
        }
      }
      throw new ApiError(operation, f.status, describeFailure(operation, f, false, requestMs));
    }
  }
}

/**
 * A signal that aborts after `ms`, or when `also` does. Not `AbortSignal.any` over
 * `AbortSignal.timeout`: Node may collect a timeout signal that only `any` holds before it
 * fires, and a hung request then waited for the whole deadline (nodejs/node#57736). The
 * timer here holds its controller until it fires or the request ends.
 */
export function requestSignal(ms: number, also?: AbortSignal): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`the request took longer than ${durationText(ms)}`, 'TimeoutError')), ms);
  const follow = () => controller.abort(also?.reason);
  if (also?.aborted) follow();
  else also?.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      also?.removeEventListener('abort', follow);
    },
  };
}

export class GitHubApi {
  private readonly budget: WaitBudget;

  private constructor(
    private readonly octokit: Octokit,
    private readonly owner: string,
    private readonly repo: string,
    private readonly limits: ApiLimits,
    /** Started when the client is: the first API work of the run. */
    readonly deadline: ApiDeadline,
  ) {
    this.budget = new WaitBudget(Math.min(limits.waitMs, limits.totalMs));
  }

  private call<T>(operation: string, retry: boolean, fn: () => Promise<T>): Promise<T> {
    return attempt(operation, retry, fn, this.budget, sleep, { deadline: this.deadline, requestMs: this.limits.requestMs });
  }

  static async connect(token: string, run: RunContext & { repository: { owner: string; repo: string } }, limits: ApiLimits = API_LIMITS): Promise<GitHubApi> {
    const deadline = new ApiDeadline(limits.totalMs);
    const { getOctokit } = await import('@actions/github');
    const octokit = getOctokit(token, { baseUrl: run.apiUrl, userAgent: 'topogate-action' });
    octokit.hook.wrap('request', async (request, options) => {
      // Each request (each page of a listing too) ends at its own limit or at the deadline, whichever is first;
      // the one request marked `pastDeadline` has a short limit of its own instead.
      const past = (options.request as { pastDeadline?: boolean } | undefined)?.pastDeadline === true;
      const limit = requestSignal(past ? limits.graceMs : limits.requestMs, past ? undefined : deadline.signal);
      // Set on the options object itself: the inner hooks are bound to it, not to what is passed on.
      options.request = { ...options.request, signal: limit.signal };
      try {
        return await request(options);
      } finally {
        limit.dispose();
      }
    });
    return new GitHubApi(octokit, run.repository.owner, run.repository.repo, limits, deadline);
  }

  /** The paths a pull request changes (renames by their new path). */
  async changedFiles(pullNumber: number): Promise<string[]> {
    return this.call('list the pull request files', true, async () => {
      const files: string[] = [];
      let pages = 0;
      for await (const page of this.octokit.paginate.iterator(this.octokit.rest.pulls.listFiles, { owner: this.owner, repo: this.repo, pull_number: pullNumber, per_page: 100 })) {
        for (const f of page.data) files.push(f.filename);
        if (++pages >= MAX_FILE_PAGES) break;
      }
      return files;
    });
  }

  /**
   * The login the token acts as: `github-actions[bot]` for GITHUB_TOKEN, the app's bot
   * or the user for other tokens. GraphQL `viewer` answers for all three (REST /user
   * refuses installation tokens).
   */
  async viewerLogin(): Promise<string> {
    return this.call('find who the token acts as', true, async () => {
      const data = await this.octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
      return data.viewer.login;
    });
  }

  async listComments(issueNumber: number): Promise<IssueComment[]> {
    return this.call('list the pull request comments', true, async () => {
      const out: IssueComment[] = [];
      let pages = 0;
      for await (const page of this.octokit.paginate.iterator(this.octokit.rest.issues.listComments, { owner: this.owner, repo: this.repo, issue_number: issueNumber, per_page: 100 })) {
        for (const c of page.data) out.push({ id: c.id, body: c.body ?? '', authorLogin: c.user?.login ?? '', url: c.html_url });
        if (++pages >= MAX_COMMENT_PAGES) break;
      }
      return out;
    });
  }

  async createComment(issueNumber: number, body: string): Promise<string> {
    return this.call('create the pull request comment', false, async () => {
      const { data } = await this.octokit.rest.issues.createComment({ owner: this.owner, repo: this.repo, issue_number: issueNumber, body });
      return data.html_url;
    });
  }

  async updateComment(commentId: number, body: string): Promise<string> {
    return this.call('update the pull request comment', true, async () => {
      const { data } = await this.octokit.rest.issues.updateComment({ owner: this.owner, repo: this.repo, comment_id: commentId, body });
      return data.html_url;
    });
  }

  /** Deletes one of topogate's own comments (a duplicate left by two first runs racing). */
  async deleteComment(commentId: number): Promise<void> {
    await this.call('delete a duplicate pull request comment', true, async () => {
      await this.octokit.rest.issues.deleteComment({ owner: this.owner, repo: this.repo, comment_id: commentId });
    });
  }

  /** The latest check runs of `name` on commit `ref`, with the configuration (external id) that made each. */
  async checkRunsNamed(ref: string, name: string): Promise<Array<{ url: string; externalId: string | null }>> {
    return this.call('list the check runs of the commit', true, async () => {
      const { data } = await this.octokit.rest.checks.listForRef({ owner: this.owner, repo: this.repo, ref, check_name: name, filter: 'latest', per_page: 100 });
      return data.check_runs.map((c) => ({ url: c.html_url ?? '', externalId: c.external_id ?? null }));
    });
  }

  async createCheckRun(params: { name: string; headSha: string; externalId: string; detailsUrl?: string; output: CheckRunOutput; conclusion?: 'success' | 'failure' | 'neutral' }): Promise<{ id: number; url: string }> {
    return this.call('create the check run', false, async () => {
      const { data } = await this.octokit.rest.checks.create({
        owner: this.owner,
        repo: this.repo,
        name: params.name,
        head_sha: params.headSha,
        external_id: params.externalId,
        details_url: params.detailsUrl,
        ...(params.conclusion ? { status: 'completed' as const, conclusion: params.conclusion } : { status: 'in_progress' as const }),
        output: params.output,
      });
      return { id: data.id, url: data.html_url ?? '' };
    });
  }

  /**
   * Adds annotations (they append) and, with a conclusion, completes the run. A request
   * with annotations is retried only when rate limited (a repeat of one that went through
   * would add them twice); one without, which only sets the output and the conclusion, is
   * retried like any idempotent request.
   */
  async updateCheckRun(id: number, params: { output: CheckRunOutput; conclusion?: 'success' | 'failure' | 'neutral' }): Promise<void> {
    if (params.conclusion && !params.output.annotations?.length && this.deadline.passed) {
      // Past the deadline, one short try to complete the run: left "in progress", it misleads
      // everyone and holds a merge that requires it.
      await attempt('complete the check run', false, async () => {
        await this.octokit.rest.checks.update({ owner: this.owner, repo: this.repo, check_run_id: id, status: 'completed' as const, conclusion: params.conclusion, output: params.output, request: { pastDeadline: true } });
      }, new WaitBudget(0), sleep, { requestMs: this.limits.graceMs });
      return;
    }
    await this.call(params.conclusion && !params.output.annotations?.length ? 'complete the check run' : 'add annotations to the check run', !params.output.annotations?.length, async () => {
      await this.octokit.rest.checks.update({
        owner: this.owner,
        repo: this.repo,
        check_run_id: id,
        ...(params.conclusion ? { status: 'completed' as const, conclusion: params.conclusion } : {}),
        output: params.output,
      });
    });
  }
}
