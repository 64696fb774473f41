import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for GitHub's REST API (and the one GraphQL query the action makes),
 * answering the way GitHub does for the endpoints topogate calls, and recording every
 * request. State is plain data a test can seed and inspect.
 */

export interface RecordedRequest {
  method: string;
  /** Path and query, as received (the GHES prefix included). */
  url: string;
  /** Path without the API prefix and query: `/repos/acme/infra/issues/7/comments`. */
  route: string;
  authorization?: string;
  body?: unknown;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  external_id?: string;
  status: string;
  conclusion?: string;
  output: { title?: string; summary?: string };
  annotations: Array<Record<string, unknown>>;
}

export interface FakeGitHubOptions {
  /** The API path prefix: '' for api.github.com, '/api/v3' for GitHub Enterprise Server. */
  prefix?: string;
  viewer?: string;
  changedFiles?: string[];
  /** Status to answer for a route (`METHOD /route-pattern`), e.g. 403 for `POST /repos/:o/:r/issues/:n/comments`. */
  refuse?: Partial<Record<'createComment' | 'updateComment' | 'deleteComment' | 'listComments' | 'createCheckRun' | 'updateCheckRun' | 'listFiles', number>>;
  /** Fail the next N requests of a kind with 502, then answer. */
  flaky?: Partial<Record<'listComments' | 'updateComment' | 'updateCheckRun', number>>;
  /**
   * Answers a request before the fake does (a rate limit, an outage): return true when it
   * sent the response. Sees every request, recorded first.
   */
  intercept?: (request: RecordedRequest, res: ServerResponse, fake: FakeGitHub) => boolean | Promise<boolean>;
}

/** The headers and body of GitHub's rate-limit refusals, for `intercept`. */
export const RATE_LIMITED = {
  primary: (resetInSeconds: number) => ({
    status: 403,
    body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' },
    headers: { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '1000', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds) },
  }),
  secondary: (retryAfter: number, status = 403) => ({
    status,
    body: { message: 'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' },
    headers: { 'retry-after': String(retryAfter) },
  }),
};

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly comments: FakeComment[] = [];
  readonly checkRuns: FakeCheckRun[] = [];
  private nextId = 1000;
  private server?: Server;
  url = '';

  constructor(readonly options: FakeGitHubOptions = {}) {}

  get prefix(): string {
    return this.options.prefix ?? '';
  }

  /** Seeds a comment as if posted earlier. */
  addComment(body: string, user: FakeComment['user'] = { login: 'github-actions[bot]', type: 'Bot' }): FakeComment {
    const c = { id: this.nextId++, body, user };
    this.comments.push(c);
    return c;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => this.send(res, 500, { message: String(e) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}${this.prefix}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Requests other than the identity query, as `METHOD /route`. */
  calls(): string[] {
    return this.requests.filter((r) => !r.route.endsWith('graphql')).map((r) => `${r.method} ${r.route}`);
  }

  send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-api-version-selected': '2022-11-28', ...headers });
    res.end(JSON.stringify(body));
  }

  private commentJson(c: FakeComment) {
    return { id: c.id, body: c.body, user: c.user, html_url: `https://github.com/acme/infra/pull/7#issuecomment-${c.id}`, created_at: '2026-06-01T00:00:00Z' };
  }

  private page<T>(req: IncomingMessage, items: T[], res: ServerResponse, route: string): void {
    const u = new URL(req.url ?? '/', 'http://x');
    const perPage = Math.min(100, Number(u.searchParams.get('per_page') ?? 30));
    const page = Number(u.searchParams.get('page') ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) headers.link = `<${this.url}${route}?per_page=${perPage}&page=${page + 1}>; rel="next"`;
    this.send(res, 200, slice, headers);
  }

  private refused(kind: keyof NonNullable<FakeGitHubOptions['refuse']>, res: ServerResponse): boolean {
    const status = this.options.refuse?.[kind];
    if (!status) return false;
    this.send(res, status, { message: status === 403 ? 'Resource not accessible by integration' : 'Not Found', documentation_url: 'https://docs.github.com/rest', status: String(status) });
    return true;
  }

  private flaky(kind: keyof NonNullable<FakeGitHubOptions['flaky']>, res: ServerResponse): boolean {
    const left = this.options.flaky?.[kind] ?? 0;
    if (left <= 0) return false;
    this.options.flaky![kind] = left - 1;
    this.send(res, 502, { message: 'Server Error' });
    return true;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const u = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    // GHES serves REST under /api/v3 and GraphQL at /api/graphql.
    const graphqlPath = this.prefix === '/api/v3' ? '/api/graphql' : '/graphql';
    const route = u.pathname === graphqlPath ? 'graphql' : u.pathname.startsWith(this.prefix) ? u.pathname.slice(this.prefix.length) : `!outside-prefix:${u.pathname}`;
    const body = text ? JSON.parse(text) : undefined;
    const recorded: RecordedRequest = { method, url: req.url ?? '', route, authorization: req.headers.authorization, body };
    this.requests.push(recorded);
    if (this.options.intercept && (await this.options.intercept(recorded, res, this))) return;

    if (!req.headers.authorization?.startsWith('token ')) return this.send(res, 401, { message: 'Requires authentication' });
    if (method === 'POST' && route === 'graphql') {
      if (!this.options.viewer) return this.send(res, 200, { data: null, errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] });
      return this.send(res, 200, { data: { viewer: { login: this.options.viewer } } });
    }
    let m: RegExpExecArray | null;
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(route))) {
      if (method === 'GET') {
        if (this.refused('listComments', res) || this.flaky('listComments', res)) return;
        return this.page(req, this.comments.map((c) => this.commentJson(c)), res, route);
      }
      if (method === 'POST') {
        if (this.refused('createComment', res)) return;
        const c = this.addComment((body as { body: string }).body);
        return this.send(res, 201, this.commentJson(c));
      }
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(route)) && method === 'DELETE') {
      if (this.refused('deleteComment', res)) return;
      const i = this.comments.findIndex((x) => x.id === Number(m![3]));
      if (i < 0) return this.send(res, 404, { message: 'Not Found' });
      this.comments.splice(i, 1);
      res.writeHead(204);
      res.end();
      return;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(route)) && method === 'PATCH') {
      if (this.refused('updateComment', res) || this.flaky('updateComment', res)) return;
      const c = this.comments.find((x) => x.id === Number(m![3]));
      if (!c) return this.send(res, 404, { message: 'Not Found' });
      c.body = (body as { body: string }).body;
      return this.send(res, 200, this.commentJson(c));
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/files$/.exec(route)) && method === 'GET') {
      if (this.refused('listFiles', res)) return;
      return this.page(req, (this.options.changedFiles ?? []).map((filename, i) => ({ sha: `${i}`, filename, status: 'modified', additions: 1, deletions: 0, changes: 1 })), res, route);
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/check-runs$/.exec(route)) && method === 'GET') {
      const name = u.searchParams.get('check_name');
      const runs = this.checkRuns.filter((r) => r.head_sha === m![3] && (name === null || r.name === name));
      return this.send(res, 200, { total_count: runs.length, check_runs: runs.map((r) => ({ id: r.id, name: r.name, head_sha: r.head_sha, external_id: r.external_id ?? null, html_url: `https://github.com/acme/infra/runs/${r.id}`, status: r.status })) });
    }
    if (/^\/repos\/([^/]+)\/([^/]+)\/check-runs$/.test(route) && method === 'POST') {
      if (this.refused('createCheckRun', res)) return;
      const b = body as { name: string; head_sha: string; external_id?: string; status?: string; conclusion?: string; output?: { title?: string; summary?: string; annotations?: Array<Record<string, unknown>> } };
      const annotations = b.output?.annotations ?? [];
      if (annotations.length > 50) return this.send(res, 422, { message: 'Only 50 annotations are allowed per request' });
      const run: FakeCheckRun = { id: this.nextId++, name: b.name, head_sha: b.head_sha, external_id: b.external_id, status: b.status ?? 'queued', conclusion: b.conclusion, output: { title: b.output?.title, summary: b.output?.summary }, annotations: [...annotations] };
      this.checkRuns.push(run);
      return this.send(res, 201, { id: run.id, html_url: `https://github.com/acme/infra/runs/${run.id}`, status: run.status, conclusion: run.conclusion ?? null });
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/.exec(route)) && method === 'PATCH') {
      if (this.refused('updateCheckRun', res) || this.flaky('updateCheckRun', res)) return;
      const run = this.checkRuns.find((r) => r.id === Number(m![3]));
      if (!run) return this.send(res, 404, { message: 'Not Found' });
      const b = body as { status?: string; conclusion?: string; output?: { title?: string; summary?: string; annotations?: Array<Record<string, unknown>> } };
      const annotations = b.output?.annotations ?? [];
      if (annotations.length > 50) return this.send(res, 422, { message: 'Only 50 annotations are allowed per request' });
      run.annotations.push(...annotations);
      if (b.status) run.status = b.status;
      if (b.conclusion) run.conclusion = b.conclusion;
      if (b.output) run.output = { title: b.output.title, summary: b.output.summary };
      return this.send(res, 200, { id: run.id, html_url: `https://github.com/acme/infra/runs/${run.id}`, status: run.status, conclusion: run.conclusion ?? null });
    }
    this.send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }
}
