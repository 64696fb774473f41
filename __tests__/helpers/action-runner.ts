import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'js-yaml';
import { ROOT } from './pipeline.js';
import { runProcess } from './run-process.js';
import type { ProcessResult } from './run-process.js';

/**
 * Runs the committed action bundle the way a runner does: a fresh process with `INPUT_*`
 * variables (defaults from action.yml, names upper-cased with their dashes kept), the
 * event payload in a file, and the output and summary files the step writes to. Reads
 * back what the runner would: workflow commands from stdout, the outputs file, the summary.
 */

export const ACTION = path.join(ROOT, 'dist', 'index.js');

/**
 * The action from its TypeScript source, through tsx: `TOPOGATE_TEST_ACTION=src npx vitest
 * run __tests__/action...` checks a change before `npm run build` rebuilds the bundle
 * (CI runs the bundle, as a runner does).
 */
export const ACTION_SOURCE = path.join(ROOT, 'src', 'main.ts');
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export const HEAD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
export const MERGE_SHA = 'ffeeddccbbaa00998877665544332211ffeeddcc';

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun extends ProcessResult {
  outputs: Record<string, string>;
  summary: string;
  /** Commands the runner would act on (stop-commands honoured). */
  commands: WorkflowCommand[];
  /** Lines that hold the legacy `##[command]` form the runner also parses. */
  legacyCommands: string[];
}

export interface RunOptions {
  workspace: string;
  inputs?: Record<string, string>;
  event?: 'pull_request' | 'pull_request_target' | 'push';
  payload?: Record<string, unknown>;
  apiUrl?: string;
  runId?: number;
  runAttempt?: number;
  env?: Record<string, string>;
  /**
   * A TypeScript module to run (through tsx) instead of the action, with these arguments,
   * in the same runner environment: a test entry that calls a part of the action with
   * parameters a run cannot pass (see publish-entry.ts).
   */
  script?: { file: string; args?: string[] };
  /** The process's time limit (default 30 s). */
  timeoutMs?: number;
}

/** A workspace with the repository's examples, as actions/checkout would leave it. */
export function makeWorkspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'topogate-action-'));
  const ws = path.join(dir, 'workspace');
  mkdirSync(ws);
  cpSync(path.join(ROOT, 'examples'), path.join(ws, 'examples'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, name)), { recursive: true });
    writeFileSync(path.join(ws, name), text);
  }
  return ws;
}

/** A `pull_request` payload as GitHub sends it (the fields the action reads, and their neighbours). */
export function pullRequestPayload(options: { number?: number; headSha?: string; fork?: boolean } = {}): Record<string, unknown> {
  const number = options.number ?? 7;
  const repo = { id: 1, name: 'infra', full_name: 'acme/infra', private: false, owner: { login: 'acme', type: 'Organization' }, html_url: 'https://github.com/acme/infra', default_branch: 'main' };
  const headRepo = options.fork ? { ...repo, id: 2, full_name: 'mallory/infra', owner: { login: 'mallory', type: 'User' } } : repo;
  return {
    action: 'synchronize',
    number,
    before: '0000000000000000000000000000000000000001',
    after: options.headSha ?? HEAD_SHA,
    pull_request: {
      url: `https://api.github.com/repos/acme/infra/pulls/${number}`,
      id: 1001,
      number,
      state: 'open',
      title: 'Open the database to the controllers',
      user: { login: options.fork ? 'mallory' : 'octocat', type: 'User' },
      html_url: `https://github.com/acme/infra/pull/${number}`,
      head: { label: `${headRepo.owner.login}:feature`, ref: 'feature', sha: options.headSha ?? HEAD_SHA, repo: headRepo },
      base: { label: 'acme:main', ref: 'main', sha: '1111111111111111111111111111111111111111', repo },
      draft: false,
    },
    repository: repo,
    sender: { login: options.fork ? 'mallory' : 'octocat', type: 'User' },
  };
}

function actionDefaults(): Record<string, string> {
  const meta = load(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(meta.inputs)) {
    // The runner evaluates `${{ github.token }}`; here a fake token stands in.
    out[name] = spec.default === '${{ github.token }}' ? 'ghs_faketoken0123456789' : String(spec.default ?? '');
  }
  return out;
}

function unescapeProperty(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** Parses stdout as the runner does: a line whose trimmed start is `::name props::data`, paused by stop-commands. */
export function parseCommands(stdout: string): { commands: WorkflowCommand[]; legacy: string[] } {
  const commands: WorkflowCommand[] = [];
  const legacy: string[] = [];
  let stopToken: string | undefined;
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.replace(/^[\s\u0085]+/, '');
    // The command name runs to the first space; a stop-commands token can be any text.
    const m = /^::([^\s:]+)(?: ([^]*?))?::([^]*)$/.exec(line);
    if (stopToken !== undefined) {
      if (m && m[1] === stopToken) stopToken = undefined;
      continue;
    }
    if (/##\[[A-Za-z-]+[\] ]/.test(raw)) legacy.push(raw);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
    }
    if (m[1] === 'stop-commands') {
      stopToken = m[3];
      continue;
    }
    commands.push({ command: m[1], properties, message: unescapeData(m[3]) });
  }
  return { commands, legacy };
}

/** Reads a GITHUB_OUTPUT file (`name<<DELIMITER` blocks, or `name=value` lines). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      out[heredoc[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return out;
}

/** The node arguments that run the action (or the test entry) of `o`. */
function entryArgs(o: RunOptions): string[] {
  if (o.script) return ['--import', TSX_LOADER, o.script.file, ...(o.script.args ?? [])];
  if (process.env.TOPOGATE_TEST_ACTION === 'src') return ['--import', TSX_LOADER, ACTION_SOURCE];
  if (!existsSync(ACTION)) throw new Error('dist/index.js is missing: run npm run build');
  return [ACTION];
}

export async function runAction(o: RunOptions): Promise<ActionRun> {
  const args = entryArgs(o);
  const home = path.dirname(o.workspace);
  const temp = mkdtempSync(path.join(home, 'runner-temp-'));
  const files = mkdtempSync(path.join(home, 'file-commands-'));
  const outputFile = path.join(files, 'output');
  const summaryFile = path.join(files, 'summary');
  const eventFile = path.join(files, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const event = o.event ?? 'pull_request';
  writeFileSync(eventFile, JSON.stringify(o.payload ?? (event === 'push' ? { ref: 'refs/heads/main', after: MERGE_SHA, repository: { full_name: 'acme/infra' } } : pullRequestPayload())));
  const inputs = { ...actionDefaults(), ...o.inputs };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SHA: MERGE_SHA,
    GITHUB_REF: event === 'push' ? 'refs/heads/main' : 'refs/pull/7/merge',
    GITHUB_RUN_ID: String(o.runId ?? 5000),
    GITHUB_RUN_ATTEMPT: String(o.runAttempt ?? 1),
    GITHUB_RUN_NUMBER: '12',
    GITHUB_JOB: 'topogate',
    GITHUB_WORKFLOW: 'network policy',
    GITHUB_ACTION: '__run',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: o.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: `${o.apiUrl ?? 'http://127.0.0.1:9'}/graphql`,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ENV: path.join(files, 'env'),
    GITHUB_PATH: path.join(files, 'path'),
    GITHUB_STATE: path.join(files, 'state'),
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    ...o.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const result = await runProcess(process.execPath, args, { cwd: o.workspace, env, timeoutMs: o.timeoutMs ?? 30_000 });
  const { commands, legacy } = parseCommands(result.stdout);
  return {
    ...result,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    commands,
    legacyCommands: legacy,
  };
}

export function annotations(run: ActionRun, level?: 'error' | 'warning' | 'notice'): WorkflowCommand[] {
  return run.commands.filter((c) => (level ? c.command === level : ['error', 'warning', 'notice'].includes(c.command)));
}
