import type { RunContext } from './run-context.js';

/**
 * The few REST (and one GraphQL) calls the action makes, over @actions/github's Octokit,
 * which honours the runner's proxy settings. Octokit is imported only when a call is
 * made (a separate chunk of the bundle), so a run without comment or check run does not
 * load it. Every request has a time limit; reads and idempotent writes are retried on
 * server errors; creations are not (a retried POST could post twice).
 */

type Octokit = ReturnType<(typeof import('@actions/github'))['getOctokit']>;

export interface IssueComment {
  id: number;
  body: string;
  authorLogin: string;
  authorIsBot: boolean;
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
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The token may not do this: a fork PR's read-only token, or missing `permissions:`. */
  get refused(): boolean {
    return this.status === 401 || this.status === 403 || this.status === 404;
  }
}

const REQUEST_TIMEOUT_MS = 30_000;
const RETRY_DELAYS_MS = [1_000, 3_000];
const MAX_COMMENT_PAGES = 50;
const MAX_FILE_PAGES = 30; // the API lists at most 3,000 files of a pull request

function statusOf(e: unknown): number | undefined {
  const s = (e as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}

function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0].slice(0, 300);
}

async function attempt<T>(operation: string, retry: boolean, fn: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const status = statusOf(e);
      const transient = status === undefined || status >= 500;
      if (retry && transient && i < RETRY_DELAYS_MS.length) {
        await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[i]));
        continue;
      }
      throw new ApiError(operation, status, `${operation}: ${status ? `HTTP ${status}: ` : ''}${messageOf(e)}`);
    }
  }
}

export class GitHubApi {
  private constructor(
    private readonly octokit: Octokit,
    private readonly owner: string,
    private readonly repo: string,
  ) {}

  static async connect(token: string, run: RunContext & { repository: { owner: string; repo: string } }): Promise<GitHubApi> {
    const { getOctokit } = await import('@actions/github');
    const octokit = getOctokit(token, { baseUrl: run.apiUrl, userAgent: 'topogate-action' });
    octokit.hook.before('request', (options) => {
      options.request = { ...options.request, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
    });
    return new GitHubApi(octokit, run.repository.owner, run.repository.repo);
  }

  /** The paths a pull request changes (renames by their new path). */
  async changedFiles(pullNumber: number): Promise<string[]> {
    return attempt('list the pull request files', true, async () => {
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
    return attempt('find who the token acts as', true, async () => {
      const data = await this.octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
      return data.viewer.login;
    });
  }

  async listComments(issueNumber: number): Promise<IssueComment[]> {
    return attempt('list the pull request comments', true, async () => {
      const out: IssueComment[] = [];
      let pages = 0;
      for await (const page of this.octokit.paginate.iterator(this.octokit.rest.issues.listComments, { owner: this.owner, repo: this.repo, issue_number: issueNumber, per_page: 100 })) {
        for (const c of page.data) out.push({ id: c.id, body: c.body ?? '', authorLogin: c.user?.login ?? '', authorIsBot: c.user?.type === 'Bot', url: c.html_url });
        if (++pages >= MAX_COMMENT_PAGES) break;
      }
      return out;
    });
  }

  async createComment(issueNumber: number, body: string): Promise<string> {
    return attempt('create the pull request comment', false, async () => {
      const { data } = await this.octokit.rest.issues.createComment({ owner: this.owner, repo: this.repo, issue_number: issueNumber, body });
      return data.html_url;
    });
  }

  async updateComment(commentId: number, body: string): Promise<string> {
    return attempt('update the pull request comment', true, async () => {
      const { data } = await this.octokit.rest.issues.updateComment({ owner: this.owner, repo: this.repo, comment_id: commentId, body });
      return data.html_url;
    });
  }

  async createCheckRun(params: { name: string; headSha: string; externalId: string; detailsUrl?: string; output: CheckRunOutput; conclusion?: 'success' | 'failure' | 'neutral' }): Promise<{ id: number; url: string }> {
    return attempt('create the check run', false, async () => {
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

  /** Adds annotations (they append) and, with a conclusion, completes the run. Not retried: a repeat would add them twice. */
  async updateCheckRun(id: number, params: { output: CheckRunOutput; conclusion?: 'success' | 'failure' | 'neutral' }): Promise<void> {
    await attempt('add annotations to the check run', false, async () => {
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
