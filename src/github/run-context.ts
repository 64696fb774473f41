import { existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * What the runner tells the step about the run: the event, the repository, the pull
 * request, where the workspace is, which API to call (GitHub.com or GitHub Enterprise
 * Server). Read from the environment and the event payload once.
 */

export interface PullRequestRef {
  number: number;
  /** The PR's head commit: what annotations, links and the comment marker refer to (GITHUB_SHA is the merge commit). */
  headSha: string;
  /** A PR from a fork gets a read-only token on `pull_request`: comments and check runs are refused. */
  fromFork: boolean;
}

export interface RunContext {
  eventName: string;
  repository?: { owner: string; repo: string };
  pullRequest?: PullRequestRef;
  /** The commit the findings belong to: the PR head, else GITHUB_SHA; '' when unknown. */
  sha: string;
  runId: number;
  runAttempt: number;
  serverUrl: string;
  apiUrl: string;
  /** The repository checkout: reported paths are relative to it. */
  workspace: string;
  /** Where the JSON report goes (RUNNER_TEMP on a runner). */
  tempDir: string;
  /** Problems reading the event payload, to log as warnings. */
  notes: string[];
  /** For a pull-request event without a usable pull request in its payload: why, in words. */
  noPullRequest?: string;
}

interface PullRequestPayload {
  number?: unknown;
  head?: { sha?: unknown; repo?: { full_name?: unknown } | null };
  base?: { repo?: { full_name?: unknown } | null };
}

/** The event payload, or `{}` and what went wrong (`problem`, in words). */
function readPayload(file: string | undefined, notes: string[]): { payload: Record<string, unknown>; problem?: string } {
  if (!file) return { payload: {} };
  let problem: string;
  try {
    if (!existsSync(file) || statSync(file).size > 25 * 1024 * 1024) {
      problem = 'is missing or too large';
    } else {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return { payload: parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {} };
    }
  } catch (e) {
    // A payload that is not JSON is not "no pull request": say which it is.
    problem = e instanceof SyntaxError ? `could not be read as JSON (${e.message})` : `cannot be read (${(e as Error).message})`;
  }
  notes.push(`the event file (GITHUB_EVENT_PATH) ${problem}; pull-request features are off.`);
  return { payload: {}, problem };
}

function pullRequestOf(payload: Record<string, unknown>): PullRequestRef | undefined {
  const pr = payload.pull_request as PullRequestPayload | undefined;
  if (!pr || typeof pr !== 'object') return undefined;
  const number = pr.number;
  const headSha = pr.head?.sha;
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0 || typeof headSha !== 'string' || !/^[0-9a-f]{40,64}$/.test(headSha)) return undefined;
  const head = pr.head?.repo?.full_name;
  const base = pr.base?.repo?.full_name;
  return { number, headSha, fromFork: typeof head === 'string' && typeof base === 'string' && head.toLowerCase() !== base.toLowerCase() };
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const notes: string[] = [];
  const { payload, problem } = readPayload(env.GITHUB_EVENT_PATH, notes);
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = owner && repo && rest.length === 0 ? { owner, repo } : undefined;
  const pullRequest = pullRequestOf(payload);
  const sha = pullRequest?.headSha ?? (/^[0-9a-f]{40,64}$/.test(env.GITHUB_SHA ?? '') ? (env.GITHUB_SHA as string) : '');
  const trimSlash = (u: string) => u.replace(/\/+$/, '');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  // pull_request, pull_request_target, pull_request_review…: their payload names the pull request.
  const noPullRequest = !pullRequest && eventName.startsWith('pull_request')
    ? `this run is for a \`${eventName}\` event, but its event file (GITHUB_EVENT_PATH) ${problem ?? 'names no pull request (its number and head commit)'}, so the pull request is not known.`
    : undefined;
  return {
    eventName,
    repository,
    pullRequest,
    sha,
    runId: positiveInt(env.GITHUB_RUN_ID, 0),
    runAttempt: positiveInt(env.GITHUB_RUN_ATTEMPT, 1),
    serverUrl: trimSlash(env.GITHUB_SERVER_URL || 'https://github.com'),
    // GitHub Enterprise Server: https://HOST/api/v3, set by the runner.
    apiUrl: trimSlash(env.GITHUB_API_URL || 'https://api.github.com'),
    workspace: path.resolve(env.GITHUB_WORKSPACE || process.cwd()),
    tempDir: env.RUNNER_TEMP || os.tmpdir(),
    notes,
    ...(noPullRequest ? { noPullRequest } : {}),
  };
}
