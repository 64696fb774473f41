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
}

interface PullRequestPayload {
  number?: unknown;
  head?: { sha?: unknown; repo?: { full_name?: unknown } | null };
  base?: { repo?: { full_name?: unknown } | null };
}

function readPayload(file: string | undefined, notes: string[]): Record<string, unknown> {
  if (!file) return {};
  try {
    if (!existsSync(file) || statSync(file).size > 25 * 1024 * 1024) {
      notes.push(`the event payload (GITHUB_EVENT_PATH) is missing or too large; pull-request features are off.`);
      return {};
    }
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch (e) {
    notes.push(`the event payload (GITHUB_EVENT_PATH) cannot be read (${(e as Error).message}); pull-request features are off.`);
    return {};
  }
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
  const payload = readPayload(env.GITHUB_EVENT_PATH, notes);
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = owner && repo && rest.length === 0 ? { owner, repo } : undefined;
  const pullRequest = pullRequestOf(payload);
  const sha = pullRequest?.headSha ?? (/^[0-9a-f]{40,64}$/.test(env.GITHUB_SHA ?? '') ? (env.GITHUB_SHA as string) : '');
  const trimSlash = (u: string) => u.replace(/\/+$/, '');
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
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
  };
}
