import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../src/core/model.js';
import { ActionInputError, parseInputs } from '../src/github/action-inputs.js';
import type { InputName } from '../src/github/action-inputs.js';
import { rankAnnotations, withinBudget } from '../src/github/annotations.js';
import { COMMENT_MAX_CHARS, lineLinker, renderCommentBody, renderInputProblemsComment } from '../src/github/comment-body.js';
import { configurationKey, formatMarker, isLaterRun, parseMarker } from '../src/github/comment-marker.js';
import { ApiDeadline, ApiError, ApiTimeUpError, WaitBudget, attempt } from '../src/github/github-api.js';
import type { ApiLimits } from '../src/github/github-api.js';
import { ActionLog } from '../src/github/action-log.js';
import { annotationNote, renderJobSummary } from '../src/github/job-summary.js';
import type { Delivery } from '../src/github/job-summary.js';
import { publishReport } from '../src/github/publish.js';
import { readRunContext } from '../src/github/run-context.js';
import type { Report } from '../src/core/report/report.js';
import { ROOT, check } from './helpers/pipeline.js';
import { expectGolden } from './helpers/golden.js';
import { FakeGitHub } from './helpers/fake-github.js';
import type { FakeGitHubOptions } from './helpers/fake-github.js';
import { MERGE_SHA, makeWorkspace, parseCommands, parseOutputs, pullRequestPayload } from './helpers/action-runner.js';

const example = readFileSync(path.join(ROOT, 'examples', 'topology.yml'), 'utf8');

function inputs(values: Partial<Record<InputName, string>>) {
  return parseInputs((name) => values[name] ?? '');
}

function problemsOf(values: Partial<Record<InputName, string>>): readonly string[] {
  try {
    inputs(values);
  } catch (e) {
    if (e instanceof ActionInputError) return e.problems;
    throw e;
  }
  throw new Error('expected an ActionInputError');
}

describe('action inputs', () => {
  it('applies the action.yml defaults to unset inputs', () => {
    expect(inputs({ topology: 'topology.yml' })).toEqual({
      topology: ['topology.yml'],
      plan: [],
      policies: [],
      builtinPolicies: true,
      failOn: 'error',
      failOnUnknown: false,
      comment: 'update',
      annotations: true,
      checkRun: false,
      sarifFile: '',
      githubToken: '',
      workingDirectory: '.',
      name: '',
    });
  });

  it('splits multi-line patterns, dropping blank lines and comments', () => {
    expect(inputs({ topology: 'infra/*.yml\n\n# staging is separate\r\nstaging/topology.yml\n', plan: 'plan.json' })).toMatchObject({ topology: ['infra/*.yml', 'staging/topology.yml'], plan: ['plan.json'] });
  });

  it.each([
    ['fail-on', 'warning', { failOn: 'warning' }],
    ['fail-on', 'never', { failOn: 'never' }],
    ['fail-on-unknown', 'true', { failOnUnknown: true }],
    ['comment', 'off', { comment: 'off' }],
    ['annotations', 'False', { annotations: false }],
    ['check-run', 'TRUE', { checkRun: true }],
    ['builtin-policies', 'false', { builtinPolicies: false }],
  ] as const)('%s: %s', (name, value, expected) => {
    expect(inputs({ topology: 't.yml', [name]: value })).toMatchObject(expected);
  });

  it('reports every unusable value at once, naming the input and what it accepts', () => {
    expect(problemsOf({ 'fail-on': 'errors', comment: 'sticky', annotations: 'yes', 'check-run': '1', name: 'a\nb' })).toEqual([
      'nothing to check: set `topology` (topology files) and/or `plan` (Terraform plan JSON), globs and several lines allowed.',
      'name: use one line of at most 100 characters.',
      'fail-on: "errors" is not one of error, warning, notice, never.',
      'comment: "sticky" is not one of update, new, off.',
      'annotations: "yes" is not a boolean; use true or false.',
      'check-run: "1" is not a boolean; use true or false.',
    ]);
  });

  it('a value holding an invisible character shows it as an escape', () => {
    expect(problemsOf({ topology: 't.yml', 'fail-on': 'error\u200b', annotations: '\ufefftrue' })).toEqual([
      'fail-on: "error\\u200b" is not one of error, warning, notice, never.',
      'annotations: "\\ufefftrue" is not a boolean; use true or false.',
    ]);
  });
});

describe('comment marker', () => {
  const marker = { key: '0123456789abcdef', sha: 'a'.repeat(40), runId: 123456789012, runAttempt: 3 };

  it('round-trips, and is read only at the very start of a body', () => {
    expect(parseMarker(`${formatMarker(marker)}\n### report`)).toEqual(marker);
    expect(parseMarker(formatMarker(marker))).toEqual(marker);
    expect(parseMarker(`quoted:\n${formatMarker(marker)}`)).toBeUndefined();
    expect(parseMarker(`> ${formatMarker(marker)}`)).toBeUndefined();
    expect(parseMarker(formatMarker(marker).replace('key=0123456789abcdef', 'key=<img>'))).toBeUndefined();
    expect(parseMarker(`${formatMarker(marker)} trailing`)).toBeUndefined();
    expect(parseMarker(null)).toBeUndefined();
  });

  it.each([
    [{ runId: 10, runAttempt: 1 }, { runId: 9, runAttempt: 5 }, true],
    [{ runId: 10, runAttempt: 2 }, { runId: 10, runAttempt: 1 }, true],
    [{ runId: 10, runAttempt: 1 }, { runId: 10, runAttempt: 1 }, false],
    [{ runId: 9, runAttempt: 9 }, { runId: 10, runAttempt: 1 }, false],
  ])('isLaterRun(%o, %o) = %s', (a, b, expected) => {
    expect(isLaterRun(a, b)).toBe(expected);
  });

  it('keys a configuration by its name when it has one, else by what it checks', () => {
    const base = { name: '', workingDirectory: '.', topology: ['a.yml'], plan: [], policies: [] };
    const key = configurationKey(base);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(configurationKey({ ...base })).toBe(key);
    expect(configurationKey({ ...base, workingDirectory: './' })).toBe(key);
    expect(configurationKey({ ...base, topology: ['b.yml'] })).not.toBe(key);
    expect(configurationKey({ ...base, policies: ['packs'] })).not.toBe(key);
    const named = configurationKey({ ...base, name: 'prod' });
    expect(configurationKey({ ...base, name: 'prod', topology: ['elsewhere/*.yml'] })).toBe(named);
    expect(named).not.toBe(key);
  });
});

function finding(over: Partial<Finding>): Finding {
  return {
    policy: 'OS11-NET-002',
    title: 'End users reach Front-End servers over HTTPS',
    severity: 'error',
    status: 'fail',
    environment: 'prod',
    subject: 'end-users -> fe-1',
    message: 'cannot reach',
    location: { file: 'a.yml', line: 1, column: 1 },
    source: 'OutSystems 11',
    ...over,
  };
}

describe('annotation ranking', () => {
  const repoFile = (loc: { file: string }) => (loc.file.startsWith('(built-in)') ? undefined : loc.file);

  it('fail at its severity, unknown as a notice, passes and waived findings not at all', () => {
    const ranked = rankAnnotations([
      finding({ status: 'pass' }),
      finding({ status: 'waived' }),
      finding({ status: 'unknown', severity: 'error', location: { file: 'a.yml', line: 3, column: 1 } }),
      finding({ status: 'fail', severity: 'warning', location: { file: 'a.yml', line: 2, column: 1 } }),
      finding({ status: 'fail', severity: 'notice', location: { file: 'a.yml', line: 4, column: 1 } }),
      finding({ status: 'fail', severity: 'error', location: { file: 'a.yml', line: 9, column: 5 } }),
    ], repoFile);
    expect(ranked.map((a) => [a.level, a.line, a.finding.status])).toEqual([
      ['error', 9, 'fail'],
      ['warning', 2, 'fail'],
      ['notice', 4, 'fail'],
      ['notice', 3, 'unknown'],
    ]);
    expect(ranked[3].title).toBe('OS11-NET-002 could not be decided: End users reach Front-End servers over HTTPS');
    expect(ranked[0]).toMatchObject({ file: 'a.yml', column: 5, title: 'OS11-NET-002: End users reach Front-End servers over HTTPS', message: 'prod › end-users -> fe-1: cannot reach\nRequirement: OutSystems 11' });
  });

  it('within a level: files the pull request changes first, then repository files, then the rest, each by place', () => {
    const ranked = rankAnnotations([
      finding({ location: { file: '(built-in)/pack.yaml', line: 1, column: 1 } }),
      finding({ location: { file: 'a.yml', line: 5, column: 1 } }),
      finding({ location: { file: 'b.yml', line: 7, column: 1 } }),
      finding({ location: { file: 'a.yml', line: 2, column: 1 } }),
      finding({ location: { file: 'b.yml', line: 3, column: 1 } }),
    ], repoFile, new Set(['b.yml']));
    expect(ranked.map((a) => `${a.file ?? '-'}:${a.line}`)).toEqual(['b.yml:3', 'b.yml:7', 'a.yml:2', 'a.yml:5', '-:1']);
  });

  it('keeps the first of each level within the budget and counts the rest', () => {
    const many = [
      ...Array.from({ length: 12 }, (_, i) => finding({ location: { file: 'a.yml', line: i + 1, column: 1 } })),
      ...Array.from({ length: 3 }, (_, i) => finding({ severity: 'warning', location: { file: 'a.yml', line: i + 1, column: 1 } })),
    ];
    const { shown, hidden } = withinBudget(rankAnnotations(many, repoFile), { error: 9, warning: 10, notice: 10 });
    expect(shown.filter((a) => a.level === 'error').map((a) => a.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(shown.filter((a) => a.level === 'warning')).toHaveLength(3);
    expect(hidden).toEqual({ error: 3, warning: 0, notice: 0 });
    expect(withinBudget(rankAnnotations(many, repoFile), { error: -1, warning: 0, notice: 0 }).hidden).toEqual({ error: 12, warning: 3, notice: 0 });
  });
});

const links = { serverUrl: 'https://github.com', repository: { owner: 'acme', repo: 'infra' }, sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', runId: 5000 };
const marker = { key: '0123456789abcdef', sha: links.sha, runId: 5000, runAttempt: 1 };
const linkTo = lineLinker(links, (f) => !f.startsWith('('));

/** A topology with many front-ends and a firewall that opens nothing needed: a report far over a comment's size. */
function hugeTopology(frontEnds: number): string {
  const servers = Array.from({ length: frontEnds }, (_, i) => `      - { name: fe-${i}, roles: [front-end], addresses: [10.0.${Math.floor(i / 200)}.${(i % 200) + 10}] }`);
  return ['version: 1', 'environments:', '  - name: prod', '    provider: nube-ñandú-服务器', '    servers:', '      - { name: ctl, roles: [controller], addresses: [10.1.0.1] }', ...servers, '    firewall:', '      - { from: 192.0.2.0/24, to: ctl, ports: [22] }', ''].join('\n');
}

describe('the PR comment', () => {
  it('example: golden', () => {
    const report = check({ 'examples/topology.yml': example });
    expectGolden('action-comment.md', renderCommentBody(report, { marker, failOn: 'error', version: '1.0.0', name: '', links, linkTo }));
  });

  it('bad input: golden', () => {
    const problems = [
      { file: 'infra/topology.yml', line: 7, column: 9, message: 'environment "prod" > server "fe-1": unknown key "adresses". Did you mean "addresses"?' },
      { file: '--topology', line: 1, column: 1, message: 'topology pattern "staging/*.yml" matches no file (from /home/runner/work/infra/infra).' },
    ];
    expectGolden('action-input-problems.md', renderInputProblemsComment(problems, { marker, version: '1.0.0', name: 'production', links }));
  });

  it('a checkout below the workspace: the repository is the root, the workspace the boundary inputs may not leave', async () => {
    const { resolveWorkspace } = await import('../src/github/action-workspace.js');
    const { readWorkspaceFile } = await import('../src/io/input-files.js');
    const ws = makeWorkspace({ 'plan.json': '{}', 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/infra/topology.yml': 'version: 1\n' });
    const run = { workspace: ws } as Parameters<typeof resolveWorkspace>[1];
    const inputs = (workingDirectory: string) => ({ workingDirectory }) as Parameters<typeof resolveWorkspace>[0];
    expect(resolveWorkspace(inputs('repo/infra'), run)).toEqual({ root: path.join(ws, 'repo'), cwd: path.join(ws, 'repo/infra'), boundary: ws });
    // The plan another step wrote beside the checkout is still an input of the workspace.
    const w = resolveWorkspace(inputs('repo'), run);
    expect(readWorkspaceFile(w, path.join(ws, 'plan.json'), 'plan.json', 1000).toString()).toBe('{}');
    // No repository below (or the workspace is one): the workspace is the root.
    expect(resolveWorkspace(inputs('examples'), run)).toEqual({ root: ws, cwd: path.join(ws, 'examples') });
  });

  it('bad input in a job summary fits GitHub\'s limit in UTF-8 bytes, not characters', async () => {
    const { renderInputProblems } = await import('../src/github/comment-body.js');
    const problems = Array.from({ length: 4000 }, (_, i) => ({ file: 'infra/topology.yml', line: i + 1, column: 9, message: `environment "生産" > server "サーバー-${i}": unknown key "アドレス". ${'説明'.repeat(40)}` }));
    const limit = 100_000;
    const bytes = renderInputProblems(problems, limit, Buffer.byteLength);
    expect(Buffer.byteLength(bytes)).toBeLessThanOrEqual(limit);
    expect(Buffer.byteLength(bytes)).toBeGreaterThan(limit * 0.95);
    expect(bytes).toMatch(/✂️ \d+ more problems: see the annotations and the log/);
    // Counted in characters, the same limit lets through about three times the bytes.
    expect(Buffer.byteLength(renderInputProblems(problems, limit))).toBeGreaterThan(2 * limit);
  });

  it('an internal error is published like bad input (result fail, the comment corrected) but says it is a bug, not the inputs', async () => {
    const { renderInputProblems } = await import('../src/github/comment-body.js');
    const text = renderInputProblems([{ message: 'topogate stopped on an internal error (boom); nothing was checked. Please report it with the inputs that caused it.', internal: true }]);
    expect(text).toMatch(/^### ❌ topogate: internal error\n\ntopogate stopped on an internal error; nothing was checked, so nothing passes\./);
    expect(text).not.toMatch(/in the inputs|Fix it and push again/);
    expect(renderInputProblems([{ message: 'x', input: 'topology' }])).toMatch(/^### ❌ topogate: the inputs cannot be checked\n\n1 problem in the inputs/);
  });

  it('an output file that could not be written: a notice above the real result, its text as data', () => {
    const report = check({ 'examples/topology.yml': example });
    const unwritten = ['sarif-file: cannot write "<img src=x>@admin`x`.sarif": permission denied (EACCES); choose a file path in a folder you can write to.'];
    const body = renderCommentBody(report, { marker, failOn: 'error', version: '1.0.0', name: '', links, linkTo, unwritten });
    expect(parseMarker(body)).toEqual(marker);
    expect(body).toContain('-->\n> ❌ **The check ran, but an output file could not be written, so the step fails.**');
    expect(body).toContain('> - sarif-file: cannot write "\\<img src=x\\>@\u200badmin\\`x\\`.sarif": permission denied (EACCES); choose a file path');
    expect(body).toContain('\n\n### ❌ topogate: 2 findings block the merge');
    expect(body).not.toMatch(/nothing was checked|cannot be checked/);
    // Without one, the comment is as it was (the golden above).
    expect(renderCommentBody(report, { marker, failOn: 'error', version: '1.0.0', name: '', links, linkTo, unwritten: [] })).toBe(renderCommentBody(report, { marker, failOn: 'error', version: '1.0.0', name: '', links, linkTo }));
  });

  it('stays under GitHub\'s 65,536 characters, collapsing passes and cutting with a pointer to the job summary', () => {
    const report = check(hugeTopology(60));
    const body = renderCommentBody(report, { marker, failOn: 'error', version: '1.0.0', name: 'x'.repeat(100), links, linkTo });
    expect(report.findings.length).toBeGreaterThan(1000);
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(body.length).toBeGreaterThan(COMMENT_MAX_CHARS - 2000);
    expect(parseMarker(body)).toEqual(marker);
    expect(body).toContain('✂️ This report was cut to fit. The job summary of the [workflow run](https://github.com/acme/infra/actions/runs/5000) has every finding.');
    expect(body).not.toContain('<details>');
    expect(body.trimEnd().endsWith('</sub>')).toBe(true);
    expect(body).toContain('[workflow run](https://github.com/acme/infra/actions/runs/5000) (the job summary has the full report)</sub>');
  });

  it('cut, when the job summary is cut too: points at the step log and the JSON report, never at the summary for every finding', () => {
    const report = check(hugeTopology(60));
    const withFile = renderCommentBody(report, { marker, failOn: 'error', version: '1.0.0', name: '', links, linkTo, fullReport: { summaryCut: true, reportFile: true } });
    expect(withFile).toContain('✂️ This report was cut to fit. The job summary of the [workflow run](https://github.com/acme/infra/actions/runs/5000) is cut to fit too. The step log lists every finding that did not pass; the JSON report (the `report` output, a file in `RUNNER_TEMP`) has every finding: upload it with `actions/upload-artifact` to keep it.');
    expect(withFile).toContain('[workflow run](https://github.com/acme/infra/actions/runs/5000) (the job summary is cut to fit; the step log lists every finding that did not pass)</sub>');
    expect(withFile).not.toMatch(/summary[^.]*has (every finding|the full report)/);
    expect(withFile.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    // No JSON report written (RUNNER_TEMP unusable): the `report` output is empty, so only the log is named.
    const withoutFile = renderCommentBody(report, { marker, failOn: 'error', version: '1.0.0', name: '', links, linkTo, fullReport: { summaryCut: true, reportFile: false } });
    expect(withoutFile).toContain('is cut to fit too. The step log lists every finding that did not pass.\n');
    expect(withoutFile).not.toContain('JSON report');
  });
});

describe('the job summary', () => {
  const delivery: Delivery = { annotations: { kind: 'commands', shown: { error: 9, warning: 10, notice: 0 }, hidden: { error: 41, warning: 14, notice: 0 } }, comment: { kind: 'updated', url: 'https://github.com/acme/infra/pull/7#issuecomment-1' }, reportFile: '/tmp/report.json' };

  it('has the full report, passes included, and where the rest went', () => {
    const text = renderJobSummary(check({ 'examples/topology.yml': example }), { failOn: 'error', name: '', linkTo, delivery });
    expect(text).toContain('<details><summary>✅ 27 checks passed</summary>');
    expect(text).toContain('**55 more (41 errors, 14 warnings) are not annotated**');
    expect(text).toContain('PR comment [updated](https://github.com/acme/infra/pull/7#issuecomment-1).');
    expect(text).toContain('JSON report `/tmp/report.json`');
  });

  it('says where every finding is: the tables while the summary is whole, and a check run annotates at most 2,000', () => {
    const text = renderJobSummary(check({ 'examples/topology.yml': example }), { failOn: 'error', name: '', linkTo, delivery });
    expect(text).not.toContain('✂️');
    expect(text).toContain('went first. Every finding is in the tables above; with `check-run: true` (and `checks: write`) all of them are annotated.');
    const many: Delivery = { ...delivery, annotations: { kind: 'commands', shown: { error: 9, warning: 10, notice: 0 }, hidden: { error: 1000, warning: 1500, notice: 0 } } };
    const note = annotationNote(many.annotations);
    expect(note).toContain('Every finding is in the tables above; with `check-run: true` (and `checks: write`) a check run annotates the 2,000 most urgent.');
    expect(note).not.toContain('all of them');
    const checkRun = annotationNote({ kind: 'check-run', total: 2000, url: 'https://github.com/acme/infra/runs/1', name: 'topogate', omitted: { error: 5, warning: 0, notice: 0 }, limit: 2000 });
    expect(checkRun).toMatch(/\*\*5 more \(5 errors\) are not annotated\*\*.*the most urgent first\. Every finding is in the tables above\.$/);
    expect(annotationNote({ kind: 'check-run', total: 2000, url: 'https://github.com/acme/infra/runs/1', name: 'topogate', omitted: { error: 5, warning: 0, notice: 0 }, limit: 2000 }, true)).toMatch(/the most urgent first\. The step log lists every finding that did not pass\.$/);
  });

  it('cut: says so, and sends the reader to the step log and the JSON report rather than to "the tables above"', () => {
    const report = check(hugeTopology(60));
    const text = renderJobSummary(report, { failOn: 'error', name: '', linkTo, delivery, maxBytes: 100_000 });
    expect(text).toContain('✂️ This report was cut to fit. The step log lists every finding that did not pass; the JSON report (the `report` output, a file in `RUNNER_TEMP`) has every finding: upload it with `actions/upload-artifact` to keep it.');
    expect(text).toContain('went first. The step log lists every finding that did not pass; with `check-run: true`');
    expect(text).not.toContain('tables above');
    const noFile = renderJobSummary(report, { failOn: 'error', name: '', linkTo, delivery: { ...delivery, reportFile: undefined }, maxBytes: 100_000 });
    expect(noFile).toContain('✂️ This report was cut to fit. The step log lists every finding that did not pass.\n');
    expect(noFile).not.toContain('JSON report');
  });

  it('stays under the byte limit when names are not ASCII', () => {
    const report = check(hugeTopology(60));
    const maxBytes = 200_000;
    const text = renderJobSummary(report, { failOn: 'error', name: 'prod', linkTo, delivery, maxBytes });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(maxBytes);
    expect(Buffer.byteLength(text)).toBeGreaterThan(maxBytes * 0.8);
    expect(text).toContain('✂️ This report was cut to fit.');
    expect(text).toContain('#### Delivery');
  });
});

describe('line links', () => {
  it('link repository files at the commit, and nothing else', () => {
    expect(linkTo({ file: 'infra/topology.yml', line: 4, column: 1 })).toBe(`https://github.com/acme/infra/blob/${links.sha}/infra/topology.yml#L4`);
    expect(linkTo({ file: '(built-in)/outsystems-11/pack.yaml', line: 1, column: 1 })).toBeUndefined();
    expect(linkTo({ file: 'odd#name.yml', line: 1, column: 1 })).toBeUndefined();
    expect(lineLinker({ ...links, sha: '' }, () => true)({ file: 'a.yml', line: 1, column: 1 })).toBeUndefined();
  });
});

describe('API retries', () => {
  /** An error shaped as Octokit throws it: a status, and the response when there was one. */
  function httpError(status: number, message: string, headers: Record<string, string> = {}): Error {
    return Object.assign(new Error(message), { name: 'HttpError', status, response: { status, headers, data: { message } } });
  }
  /** What Octokit throws when fetch fails: status 500, no response. */
  function networkError(message: string): Error {
    return Object.assign(new Error(message), { name: 'HttpError', status: 500, cause: new TypeError('fetch failed') });
  }

  async function run(failures: Error[], o: { retry?: boolean; budget?: WaitBudget; deadline?: ApiDeadline } = {}) {
    const waits: number[] = [];
    let calls = 0;
    const result = await attempt('list the pull request comments', o.retry ?? true, async () => {
      const e = failures[calls++];
      if (e) throw e;
      return 'ok';
    }, o.budget ?? new WaitBudget(), async (ms) => {
      waits.push(ms);
    }, { deadline: o.deadline }).catch((e: unknown) => e as ApiError);
    return { result, waits, calls };
  }

  const passedDeadline = async (ms = 10) => {
    const deadline = new ApiDeadline(ms);
    await new Promise((r) => setTimeout(r, ms + 20));
    expect(deadline.passed).toBe(true);
    return deadline;
  };

  it('stops at the run\'s deadline: once it has passed nothing is tried, and a request in flight is abandoned', async () => {
    const late = await run([], { deadline: await passedDeadline() });
    expect(late.calls).toBe(0);
    expect(late.result).toBeInstanceOf(ApiTimeUpError);
    expect((late.result as ApiError).message).toBe('list the pull request comments: not attempted within topogate\'s time limit for GitHub API calls (10 ms in all)');
    expect((late.result as ApiError).refused).toBe(false);

    // A request that does not answer ends with the deadline's signal, however long its own limit.
    const deadline = new ApiDeadline(30);
    const hanging = await attempt('create the check run', true, () => new Promise<never>((_, reject) => deadline.signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'HttpError', status: 500, cause: deadline.signal.reason })))), new WaitBudget(), async () => {}, { deadline, requestMs: 30_000 }).catch((e: unknown) => e);
    expect(hanging).toBeInstanceOf(ApiTimeUpError);
    expect((hanging as ApiError).message).toBe('create the check run: no answer within topogate\'s time limit for GitHub API calls (30 ms in all)');
  });

  it('begins no wait that would end past the deadline, whatever the wait budget has left', async () => {
    const limited = (s: number) => httpError(429, 'slow down', { 'retry-after': String(s) });
    const deadline = new ApiDeadline(5_000);
    const { result, waits } = await run([limited(7)], { deadline, budget: new WaitBudget(60_000) });
    expect(waits).toEqual([]);
    expect((result as ApiError).rateLimited).toBe(true);
    expect(result).not.toBeInstanceOf(ApiTimeUpError);
    expect((await run([limited(2)], { deadline })).waits).toEqual([2_000]);
    // A backoff too.
    expect((await run([networkError('socket hang up')], { deadline: await passedDeadline() })).calls).toBe(0);
  });

  it('waits what a rate limit asks for and retries, even a creation', async () => {
    const secondary = httpError(403, 'You have exceeded a secondary rate limit.', { 'retry-after': '7' });
    expect(await run([secondary], { retry: false })).toEqual({ result: 'ok', waits: [7_000], calls: 2 });
    const soon = httpError(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 10) });
    const { waits } = await run([soon]);
    expect(waits[0]).toBeGreaterThan(9_000);
    expect(waits[0]).toBeLessThanOrEqual(11_000);
    expect((await run([httpError(429, 'Too Many Requests')])).waits).toEqual([60_000]);
  });

  it('does not wait past the run\'s budget, and says it was a rate limit, not a refusal', async () => {
    const late = httpError(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3_600) });
    const { result, waits } = await run([late]);
    expect(waits).toEqual([]);
    expect(result).toBeInstanceOf(ApiError);
    expect((result as ApiError).rateLimited).toBe(true);
    expect((result as ApiError).refused).toBe(false);
    expect((result as ApiError).message).toMatch(/^list the pull request comments: the GitHub API rate limit was hit \(HTTP 403: API rate limit exceeded\); it resets at \d\d:\d\d UTC$/);

    // One budget for the whole run: 50 s here leaves 10 s for the next request.
    const budget = new WaitBudget();
    const limited = (s: number) => httpError(429, 'slow down', { 'retry-after': String(s) });
    expect((await run([limited(50)], { budget })).waits).toEqual([50_000]);
    const second = await run([limited(20)], { budget });
    expect(second.waits).toEqual([]);
    expect((second.result as ApiError).rateLimited).toBe(true);
  });

  it('a 403 without a rate limit is a refusal, not retried', async () => {
    const { result, calls } = await run([httpError(403, 'Resource not accessible by integration')]);
    expect(calls).toBe(1);
    expect((result as ApiError).refused).toBe(true);
  });

  it('lost connections are retried when the operation may repeat, and worded as network errors', async () => {
    const refused = networkError('connect ECONNREFUSED 127.0.0.1:443');
    expect(await run([refused, refused])).toEqual({ result: 'ok', waits: [1_000, 3_000], calls: 3 });
    const { result, calls } = await run([refused], { retry: false });
    expect(calls).toBe(1);
    expect((result as ApiError).message).toBe('list the pull request comments: network error (connect ECONNREFUSED 127.0.0.1:443)');
    expect((result as ApiError).status).toBeUndefined();
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'HttpError', status: 500, cause: Object.assign(new Error('timeout'), { name: 'TimeoutError' }) });
    expect(((await run([timeout], { retry: false })).result as ApiError).message).toBe('list the pull request comments: no answer within 30 s (The operation was aborted due to timeout)');
  });

  it('a server error honours retry-after', async () => {
    expect((await run([httpError(503, 'Unavailable', { 'retry-after': '2' })])).waits).toEqual([2_000]);
  });
});

describe('publishing against an API that stops answering (limits injected)', () => {
  /** A farm whose firewall opens nothing the pack needs: more than 50 findings, so a check run takes several requests. */
  const farm = ['version: 1', 'environments:', '  - name: prod', '    provider: aws', '    region: eu-west-1', '    servers:', '      - { name: ctl, roles: [controller], addresses: [10.1.1.10] }', '      - { name: db, roles: [database], engine: sqlserver, addresses: [10.1.3.5] }', ...Array.from({ length: 8 }, (_, i) => `      - { name: fe-${i}, roles: [front-end], addresses: [10.1.2.${10 + i}] }`), '    firewall:', '      - { from: 192.0.2.0/24, to: role:database, ports: [22] }', ''].join('\n');

  /** publishReport in this process, as the action calls it, with the runner's files and stdout captured. */
  async function publishWith(report: Report, ws: string, values: Partial<Record<InputName, string>>, gh: FakeGitHub, apiLimits: ApiLimits) {
    const files = mkdtempSync(path.join(path.dirname(ws), 'file-commands-'));
    const [eventFile, outputFile, summaryFile] = ['event.json', 'output', 'summary'].map((f) => path.join(files, f));
    writeFileSync(eventFile, JSON.stringify(pullRequestPayload()));
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    vi.stubEnv('GITHUB_OUTPUT', outputFile);
    vi.stubEnv('GITHUB_STEP_SUMMARY', summaryFile);
    let stdout = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    }) as typeof process.stdout.write);
    const started = Date.now();
    try {
      const run = readRunContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile, GITHUB_REPOSITORY: 'acme/infra', GITHUB_API_URL: gh.url, GITHUB_WORKSPACE: ws, GITHUB_SHA: MERGE_SHA, GITHUB_RUN_ID: '5000', RUNNER_TEMP: files });
      const result = await publishReport(report, { inputs: inputs({ 'github-token': 'ghs_fake', ...values }), run, workspace: { root: ws, cwd: ws }, version: '1.0.0', log: new ActionLog(), apiLimits });
      return { result, took: Date.now() - started, commands: parseCommands(stdout).commands, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
    } finally {
      write.mockRestore();
      vi.unstubAllEnvs();
    }
  }

  async function fakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
    const gh = new FakeGitHub({ viewer: 'github-actions[bot]', ...options });
    await gh.start();
    return gh;
  }

  it('a check run created, then nothing answers: the API work ends at the deadline, with one warning naming what was not published', async () => {
    // Only the check run's creation is answered; every other request is held open.
    const gh = await fakeGitHub({ intercept: (r) => !(r.method === 'POST' && r.route.endsWith('/check-runs')) });
    const ws = makeWorkspace({ 'farm.yml': farm });
    try {
      const published = await publishWith(check({ 'farm.yml': farm }), ws, { topology: 'farm.yml', 'check-run': 'true' }, gh, { requestMs: 30_000, waitMs: 60_000, totalMs: 500, graceMs: 300 });
      expect(published.result).toEqual({ failing: true, unwritten: [] });
      expect(published.took).toBeLessThan(3_000);
      const [checkRun] = gh.checkRuns;
      expect(checkRun.status).toBe('in_progress');
      // The first batch of annotations was sent; after the deadline only the short try to complete the run.
      expect(gh.calls()).toEqual(['POST /repos/acme/infra/check-runs', `PATCH /repos/acme/infra/check-runs/${checkRun.id}`, `PATCH /repos/acme/infra/check-runs/${checkRun.id}`]);
      // The action's own warnings, not the findings of severity warning.
      const warnings = published.commands.filter((c) => c.command === 'warning' && !c.properties.title?.startsWith('OS11-'));
      expect(warnings.map((w) => w.message)).toEqual([
        `GitHub API calls stopped after 500 ms, topogate's time limit for all of them in a run (the API answered too slowly or not at all). Not published: the completion of the check run https://github.com/acme/infra/runs/${checkRun.id}, which may stay "in progress" (annotations went through the log) and the PR comment. The job summary and the step's verdict are complete without them.`,
      ]);
      // The verdict, the outputs, the log's annotations and the summary as usual.
      expect(published.outputs).toMatchObject({ result: 'fail', 'check-run-url': `https://github.com/acme/infra/runs/${checkRun.id}` });
      expect(published.commands.filter((c) => c.command === 'error' && c.properties.title?.startsWith('OS11-')).length).toBeGreaterThan(0);
      expect(published.summary).toContain('### ❌ topogate:');
      expect(published.summary).toContain('was created but could not be completed (add annotations to the check run: no answer within topogate\'s time limit for GitHub API calls (500 ms in all)');
      expect(published.summary).toContain('No PR comment: list the pull request comments: not attempted within topogate\'s time limit for GitHub API calls (500 ms in all).');
    } finally {
      await gh.stop();
    }
  }, 10_000);

  it('past the deadline, one short request still completes the check run it left open', async () => {
    // Annotations are held open; the request that only completes the run is answered.
    const holdsAnnotations = (r: { method: string; route: string; body?: unknown }) => r.method === 'PATCH' && JSON.stringify((r.body as { output?: unknown })?.output ?? {}).includes('"annotations"');
    const gh = await fakeGitHub({ intercept: (r) => !(r.method === 'POST' && r.route.endsWith('/check-runs')) && (holdsAnnotations(r) || r.method !== 'PATCH') });
    const ws = makeWorkspace({ 'farm.yml': farm });
    try {
      const published = await publishWith(check({ 'farm.yml': farm }), ws, { topology: 'farm.yml', 'check-run': 'true' }, gh, { requestMs: 30_000, waitMs: 60_000, totalMs: 500, graceMs: 5_000 });
      const [checkRun] = gh.checkRuns;
      expect(checkRun.status).toBe('completed');
      expect(checkRun.conclusion).toBe('failure');
      const warnings = published.commands.filter((c) => c.command === 'warning' && !c.properties.title?.startsWith('OS11-'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0].message).toContain('which was completed with the ones it got');
      expect(warnings[0].message).not.toContain('in progress');
    } finally {
      await gh.stop();
    }
  }, 10_000);

  it('a request\'s own time limit fires after garbage collection too (a timeout signal held only by AbortSignal.any may be collected first)', async () => {
    const { execFileSync } = await import('node:child_process');
    const script = `
      import { requestSignal } from ${JSON.stringify(path.join(ROOT, 'src/github/github-api.ts'))};
      const deadline = new AbortController();
      const started = Date.now();
      const limit = requestSignal(300, deadline.signal);
      const stop = setTimeout(() => deadline.abort(new Error('deadline')), 5000);
      const pressure = setInterval(() => { globalThis.gc(); Array.from({ length: 1e5 }, (_, i) => ({ i })); }, 20);
      limit.signal.addEventListener('abort', () => {
        clearInterval(pressure); clearTimeout(stop);
        console.log(JSON.stringify({ ms: Date.now() - started, name: limit.signal.reason.name }));
      });
    `;
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    const { ms, name } = JSON.parse(out) as { ms: number; name: string };
    expect(name).toBe('TimeoutError');
    expect(ms).toBeLessThan(4000);
  });

  it('an API that answers: the deadline changes nothing', async () => {
    const gh = await fakeGitHub({});
    const ws = makeWorkspace();
    try {
      const published = await publishWith(check({ 'examples/topology.yml': example }), ws, { topology: 'examples/topology.yml' }, gh, { requestMs: 30_000, waitMs: 60_000, totalMs: 5_000, graceMs: 1_000 });
      expect(published.commands.filter((c) => c.command === 'warning')).toEqual([]);
      expect(gh.comments).toHaveLength(1);
      expect(published.outputs['comment-url']).toBe(`https://github.com/acme/infra/pull/7#issuecomment-${gh.comments[0].id}`);
    } finally {
      await gh.stop();
    }
  });
});
