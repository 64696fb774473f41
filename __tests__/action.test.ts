import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/pipeline.js';
import { FakeGitHub } from './helpers/fake-github.js';
import { HEAD_SHA, annotations, makeWorkspace, pullRequestPayload, runAction } from './helpers/action-runner.js';
import type { ActionRun } from './helpers/action-runner.js';

/**
 * The committed dist/index.js, run as a runner runs it, against a loopback GitHub. A
 * bundle that builds but throws at import time fails every test here: each one asserts
 * what only a finished run produces.
 */

const example = readFileSync(path.join(ROOT, 'examples', 'topology.yml'), 'utf8');
// The example with its one mistake fixed: the balancer may reach the front-ends on 443 too.
const passing = example.replace(/ports: \[80\] +# HTTPS is forwarded.*$/m, 'ports: [80, 443]');

/** A farm per file whose firewall opens nothing the pack needs: many failures, errors and warnings. */
function farm(name: string, frontEnds: number, net: number): string {
  const servers = [
    `      - { name: ${name}-ctl, roles: [controller], addresses: [10.${net}.1.10] }`,
    `      - { name: ${name}-db, roles: [database], engine: sqlserver, addresses: [10.${net}.3.5] }`,
    ...Array.from({ length: frontEnds }, (_, i) => `      - { name: ${name}-fe-${i}, roles: [front-end], addresses: [10.${net}.2.${10 + i}] }`),
  ];
  return ['version: 1', 'environments:', `  - name: ${name}`, '    provider: aws', '    region: eu-west-1', '    servers:', ...servers, '    firewall:', '      - { from: 192.0.2.0/24, to: role:database, ports: [22] }', ''].join('\n');
}

const BROKEN = 'version: 1\nenvironments:\n  - name: prod\n    servers:\n      - name: fe-1\n        roles: [front-end]\n        adresses: [10.0.0.1]\n';

const MARKER = /^<!-- topogate-comment key=([0-9a-f]{16}) sha=([0-9a-f]*) run=(\d+)\.(\d+) -->\n/;

let gh: FakeGitHub;

async function startGitHub(options: ConstructorParameters<typeof FakeGitHub>[0] = {}): Promise<FakeGitHub> {
  gh = new FakeGitHub({ viewer: 'github-actions[bot]', ...options });
  await gh.start();
  return gh;
}

afterEach(async () => {
  await gh?.stop();
});

function findingAnnotations(run: ActionRun, level?: 'error' | 'warning' | 'notice') {
  return annotations(run, level).filter((a) => a.properties.title?.startsWith('OS11-'));
}

describe('on a pull request', () => {
  beforeEach(async () => {
    await startGitHub();
  });

  it('fails on the example\'s mistake: an annotation on its line, outputs, summary and one comment, updated in place by the next run', async () => {
    const ws = makeWorkspace();
    const first = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url, runId: 5000 });
    expect(first.code, first.stderr + first.stdout).toBe(1);

    // The annotation as the runner reads it, on the line and column of the finding.
    expect(first.stdout).toMatch(/^::error title=OS11-NET-002%3A End users reach Front-End servers over HTTPS,file=examples\/topology\.yml,line=16,col=9::production › end-users -> fe-1: end-users \(0\.0\.0\.0\/0, ::\/0\) except 198\.51\.100\.0\/24 cannot reach fe-1 on tcp\/443/m);
    expect(findingAnnotations(first)).toHaveLength(2);
    // setFailed's own error, last, with the verdict.
    expect(annotations(first, 'error').at(-1)?.message).toMatch(/^topogate \d+\.\d+\.\d+ FAIL: 2 findings at or above error/);

    expect(first.outputs).toMatchObject({ result: 'fail', errors: '2', warnings: '0', notices: '0', unknown: '0', 'sarif-file': '' });
    const report = JSON.parse(readFileSync(first.outputs.report, 'utf8'));
    expect(report.summary.bySeverity).toEqual({ error: 2, warning: 0, notice: 0 });
    expect(report.findings.length).toBe(45);

    expect(first.summary).toMatch(/^### ❌ topogate: 2 findings block the merge/);
    expect(first.summary).toContain('<details><summary>✅ 27 checks passed</summary>');
    expect(first.summary).toContain(`[\`examples/topology.yml:16\`](https://github.com/acme/infra/blob/${HEAD_SHA}/examples/topology.yml#L16)`);
    expect(first.summary).toMatch(/PR comment \[posted\]\(https:\/\/github.com\/acme\/infra\/pull\/7#issuecomment-\d+\)/);

    expect(gh.calls()).toEqual(['GET /repos/acme/infra/issues/7/comments', 'POST /repos/acme/infra/issues/7/comments']);
    expect(gh.requests.every((r) => r.authorization === 'token ghs_faketoken0123456789')).toBe(true);
    expect(gh.comments).toHaveLength(1);
    const [, key, sha, run] = MARKER.exec(gh.comments[0].body) ?? [];
    expect({ sha, run }).toEqual({ sha: HEAD_SHA, run: '5000' });
    expect(gh.comments[0].body).toContain('### ❌ topogate: 2 findings block the merge');
    expect(first.outputs['comment-url']).toBe(`https://github.com/acme/infra/pull/7#issuecomment-${gh.comments[0].id}`);

    const second = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url, runId: 5001 });
    expect(second.code).toBe(1);
    expect(gh.comments).toHaveLength(1);
    expect(gh.calls().slice(2)).toEqual(['GET /repos/acme/infra/issues/7/comments', `PATCH /repos/acme/infra/issues/comments/${gh.comments[0].id}`]);
    expect(MARKER.exec(gh.comments[0].body)?.slice(1, 4)).toEqual([key, HEAD_SHA, '5001']);
    expect(second.summary).toMatch(/PR comment \[updated\]/);
  });

  it('a passing run rewrites the comment to say so, and the step passes', async () => {
    const ws = makeWorkspace({ 'topology.yml': example });
    await runAction({ workspace: ws, inputs: { topology: 'topology.yml' }, apiUrl: gh.url, runId: 5000 });
    expect(gh.comments[0].body).toContain('❌');
    writeFileSync(path.join(ws, 'topology.yml'), passing);
    const fixed = await runAction({ workspace: ws, inputs: { topology: 'topology.yml' }, apiUrl: gh.url, runId: 5001 });
    expect(fixed.code, fixed.stdout).toBe(0);
    expect(fixed.outputs).toMatchObject({ result: 'pass', errors: '0' });
    expect(annotations(fixed, 'error')).toEqual([]);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0].body).toContain('### ✅ topogate: all checks pass');
    expect(gh.comments[0].body).not.toContain('❌');
  });

  it('a late run for an older commit leaves a newer comment alone; a re-run of the newest run updates it', async () => {
    const ws = makeWorkspace();
    const newer = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url, runId: 6000 });
    expect(newer.code).toBe(1);
    const written = gh.comments[0].body;

    const late = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url, runId: 5999, payload: pullRequestPayload({ headSha: '0'.repeat(40) }) });
    expect(late.code).toBe(1);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0].body).toBe(written);
    expect(gh.calls().filter((c) => !c.startsWith('GET'))).toHaveLength(1);
    expect(late.summary).toMatch(/PR comment left as it is: it \[reports\]\(.*\) a later run \(6000, commit `a1b2c3d`\)/);
    expect(late.outputs['comment-url']).toBe(newer.outputs['comment-url']);

    const rerun = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url, runId: 6000, runAttempt: 2 });
    expect(rerun.code).toBe(1);
    expect(gh.calls().at(-1)).toBe(`PATCH /repos/acme/infra/issues/comments/${gh.comments[0].id}`);
    expect(gh.comments[0].body).toMatch(/ run=6000\.2 -->/);
  });

  it('a marker pasted into someone else\'s comment is neither edited nor obeyed', async () => {
    const ws = makeWorkspace();
    const honest = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url, runId: 5000 });
    const marker = MARKER.exec(gh.comments[0].body)![0];
    gh.comments.length = 0;
    // A forged marker claiming a far later run, by the pull request's author.
    const forged = gh.addComment(`${marker.replace(/run=\d+\.\d+/, 'run=99999999.1')}pwned`, { login: 'mallory', type: 'User' });
    const run = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url, runId: 5001 });
    expect(run.code).toBe(1);
    expect(forged.body).toMatch(/pwned$/);
    expect(gh.comments).toHaveLength(2);
    expect(gh.calls().at(-1)).toBe('POST /repos/acme/infra/issues/7/comments');
    expect(honest.code).toBe(1);
  });

  it('comment: new posts one comment per run', async () => {
    const ws = makeWorkspace();
    for (const runId of [5000, 5001]) await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml', comment: 'new' }, apiUrl: gh.url, runId });
    expect(gh.comments).toHaveLength(2);
    expect(gh.calls().filter((c) => c.startsWith('POST'))).toHaveLength(2);
  });

  it('two configurations keep two comments', async () => {
    const ws = makeWorkspace({ 'other.yml': passing });
    await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url, runId: 5000 });
    await runAction({ workspace: ws, inputs: { topology: 'other.yml', name: 'staging' }, apiUrl: gh.url, runId: 5000 });
    await runAction({ workspace: ws, inputs: { topology: 'other.yml', name: 'staging' }, apiUrl: gh.url, runId: 5001 });
    expect(gh.comments).toHaveLength(2);
    expect(gh.comments[1].body).toContain('check `staging`');
    expect(MARKER.exec(gh.comments[0].body)![1]).not.toBe(MARKER.exec(gh.comments[1].body)![1]);
  });

  it('a fork\'s read-only token: the refused comment is a warning, the summary has everything, the verdict still fails the step', async () => {
    await gh.stop();
    await startGitHub({ refuse: { createComment: 403 } });
    const ws = makeWorkspace();
    const run = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url, payload: pullRequestPayload({ fork: true }) });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const warnings = annotations(run, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toMatch(/^PR comment not posted: the token may not write comments on this pull request \(create the pull request comment: HTTP 403: Resource not accessible by integration/);
    expect(warnings[0].message).toContain('This pull request comes from a fork, and GitHub gives a fork’s `pull_request` run a read-only token');
    expect(findingAnnotations(run, 'error')).toHaveLength(2);
    expect(run.outputs.result).toBe('fail');
    expect(run.summary).toContain('<details><summary>✅ 27 checks passed</summary>');
    expect(run.summary).toMatch(/No PR comment: the token may not write comments/);
    expect(gh.comments).toHaveLength(0);
  });

  it('a waiver whose subject is a slip: a warning annotation at its subject, and the finding it meant still fails', async () => {
    const example = readFileSync(path.join(ROOT, 'examples', 'topology.yml'), 'utf8');
    const ws = makeWorkspace({ 'waived.yml': `${example}waivers:\n  - { policy: OS11-NET-002, environment: production, subject: end-users -> fe1, reason: balancer rework, expires: 2099-01-01 }\n` });
    const run = await runAction({ workspace: ws, inputs: { topology: 'waived.yml' }, apiUrl: gh.url });
    expect(run.code).toBe(1);
    const [warning] = annotations(run, 'warning');
    expect(warning.properties).toMatchObject({ title: 'topogate: input warning', file: 'waived.yml' });
    expect(warning.message).toBe('this waiver\'s subject "end-users -> fe1" matches no finding of OS11-NET-002 in "production", so it waives nothing; did you mean "end-users -> fe-1", which is still open?');
    expect(findingAnnotations(run, 'error')).toHaveLength(2);
    expect(gh.comments[0].body).toContain('> ⚠️ waived.yml:');
  });

  it('a refused comment on a same-repository pull request names the missing permission', async () => {
    await gh.stop();
    await startGitHub({ refuse: { createComment: 403 } });
    const run = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url });
    expect(run.code).toBe(1);
    expect(annotations(run, 'warning')[0].message).toContain('Grant the job `permissions: pull-requests: write`');
  });

  it('a transient server error while reading comments is retried', async () => {
    await gh.stop();
    await startGitHub({ flaky: { listComments: 1 } });
    const run = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url });
    expect(run.code).toBe(1);
    expect(gh.calls()).toEqual(['GET /repos/acme/infra/issues/7/comments', 'GET /repos/acme/infra/issues/7/comments', 'POST /repos/acme/infra/issues/7/comments']);
    expect(annotations(run, 'warning')).toEqual([]);
  });

  it('bad input: error annotations at file:line:column, the old comment corrected, no new comment, result fail', async () => {
    const ws = makeWorkspace({ 'broken.yml': BROKEN });
    // Nothing to correct yet: no comment is started for bad input.
    const before = await runAction({ workspace: ws, inputs: { topology: 'broken.yml' }, apiUrl: gh.url, runId: 4999 });
    expect(before.code).toBe(1);
    expect(gh.comments).toHaveLength(0);

    await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml\nbroken.yml' }, apiUrl: gh.url, runId: 5000 });
    expect(gh.comments).toHaveLength(0);
    writeFileSync(path.join(ws, 'broken.yml'), passing);
    await runAction({ workspace: ws, inputs: { topology: 'broken.yml' }, apiUrl: gh.url, runId: 5001 });
    expect(gh.comments[0].body).toContain('all checks pass');
    writeFileSync(path.join(ws, 'broken.yml'), BROKEN);

    const run = await runAction({ workspace: ws, inputs: { topology: 'broken.yml' }, apiUrl: gh.url, runId: 5002 });
    expect(run.code).toBe(1);
    const [problem, failed] = annotations(run, 'error');
    expect(problem).toEqual({ command: 'error', properties: { title: 'topogate: input problem', file: 'broken.yml', line: '7', col: '9' }, message: 'environment "prod" > server "fe-1": unknown key "adresses". Did you mean "addresses"?' });
    expect(failed.message).toMatch(/^topogate: the inputs cannot be checked: broken\.yml:7:9: environment "prod"/);
    expect(run.outputs).toEqual({ result: 'fail', 'comment-url': `https://github.com/acme/infra/pull/7#issuecomment-${gh.comments[0].id}` });
    expect(run.summary).toContain('### ❌ topogate: the inputs cannot be checked');
    expect(run.summary).toContain('| `broken.yml:7:9` |');
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0].body).toMatch(MARKER);
    expect(gh.comments[0].body).toContain('the inputs cannot be checked');
    expect(gh.comments[0].body).not.toContain('all checks pass');
  });
});

describe('annotations within GitHub\'s limits', () => {
  it('bad input with many problems: 9 annotated, setFailed\'s error the 10th, every problem in the summary', async () => {
    await startGitHub();
    const servers = Array.from({ length: 12 }, (_, i) => `      - { name: fe-${i}, roles: [front-end], adresses: [10.0.0.${i + 1}] }`);
    const ws = makeWorkspace({ 'many.yml': ['version: 1', 'environments:', '  - name: prod', '    servers:', ...servers, ''].join('\n') });
    const run = await runAction({ workspace: ws, inputs: { topology: 'many.yml' }, apiUrl: gh.url });
    expect(run.code).toBe(1);
    const errors = annotations(run, 'error');
    expect(errors).toHaveLength(10);
    expect(errors.slice(0, 9).map((e) => e.properties.line)).toEqual(['5', '6', '7', '8', '9', '10', '11', '12', '13']);
    expect(errors[9].message).toMatch(/\(and 11 more; see the annotations and the job summary\)$/);
    expect(run.summary.match(/^\| `many\.yml:\d+:\d+` \|/gm)).toHaveLength(12);
    expect(run.summary).toContain('3 more problems are not annotated (GitHub shows 10 error annotations per step); the log of this step lists every problem.');
  });

  it('at most 10 per level per step, the changed files first, and the summary says how many more', async () => {
    await startGitHub({ changedFiles: ['docs/readme.md', 'topologies/b.yml'] });
    const ws = makeWorkspace({ 'topologies/a.yml': farm('alpha', 3, 1), 'topologies/b.yml': farm('beta', 3, 2) });
    const run = await runAction({ workspace: ws, inputs: { topology: 'topologies/*.yml' }, apiUrl: gh.url });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ errors: '50', warnings: '24' });
    const errors = findingAnnotations(run, 'error');
    const warnings = findingAnnotations(run, 'warning');
    // 9 findings and setFailed's own error make GitHub's 10.
    expect(errors).toHaveLength(9);
    expect(annotations(run, 'error')).toHaveLength(10);
    expect(warnings).toHaveLength(10);
    // b.yml sorts after a.yml, but the pull request changes it: its findings go first.
    expect(new Set([...errors, ...warnings].map((a) => a.properties.file))).toEqual(new Set(['topologies/b.yml']));
    expect(gh.calls()).toContain('GET /repos/acme/infra/pulls/7/files');
    expect(run.summary).toContain('**55 more (41 errors, 14 warnings) are not annotated**');
  });

  it('check-run: true publishes every annotation, 50 per request, and the log carries none', async () => {
    await startGitHub();
    const ws = makeWorkspace({ 'topologies/a.yml': farm('alpha', 5, 1), 'topologies/b.yml': farm('beta', 5, 2) });
    const run = await runAction({ workspace: ws, inputs: { topology: 'topologies/*.yml', 'check-run': 'true' }, apiUrl: gh.url });
    expect(run.code, run.stdout).toBe(1);
    const total = Number(run.outputs.errors) + Number(run.outputs.warnings);
    expect(total).toBeGreaterThan(100);
    expect(gh.checkRuns).toHaveLength(1);
    const check = gh.checkRuns[0];
    expect(check).toMatchObject({ name: 'topogate', head_sha: HEAD_SHA, status: 'completed', conclusion: 'failure' });
    expect(check.annotations).toHaveLength(total);
    expect(check.annotations[0]).toMatchObject({ annotation_level: 'failure', path: expect.stringMatching(/^topologies\/[ab]\.yml$/), start_line: expect.any(Number), start_column: expect.any(Number) });
    const checkCalls = gh.calls().filter((c) => c.includes('check-runs') && !c.startsWith('GET'));
    expect(checkCalls).toHaveLength(Math.ceil(total / 50));
    expect(checkCalls[0]).toBe('POST /repos/acme/infra/check-runs');
    expect(gh.requests.filter((r) => r.route.includes('check-runs') && r.method !== 'GET').every((r) => ((r.body as { output?: { annotations?: unknown[] } }).output?.annotations?.length ?? 0) <= 50)).toBe(true);
    expect(findingAnnotations(run)).toEqual([]);
    expect(run.outputs['check-run-url']).toBe(`https://github.com/acme/infra/runs/${check.id}`);
    expect(run.summary).toContain(`Every finding (${total} annotations) is marked on its line by the check run`);
  });

  it('two unnamed configurations on one commit: the second warns that one check run hides the other; a re-run of the same one does not', async () => {
    const gh = await startGitHub();
    const ws = makeWorkspace();
    const first = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml', 'check-run': 'true', comment: 'off' }, apiUrl: gh.url });
    expect(annotations(first, 'warning')).toEqual([]);
    const again = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml', 'check-run': 'true', comment: 'off' }, apiUrl: gh.url, runAttempt: 2 });
    expect(annotations(again, 'warning')).toEqual([]);
    const other = await runAction({ workspace: ws, inputs: { topology: 'examples/*.yml', 'check-run': 'true', comment: 'off' }, apiUrl: gh.url });
    const [warning] = annotations(other, 'warning');
    expect(warning.message).toMatch(/^Another topogate configuration already published a check run named "topogate" on this commit \(https:\/\/github\.com\/acme\/infra\/runs\/\d+\)\. GitHub shows only the latest check run of a name, so one of them hides the other's verdict: give each topogate step its own `name` input\.$/);
    // Named, each is its own check run: no listing, no warning.
    const named = await runAction({ workspace: ws, inputs: { topology: 'examples/*.yml', 'check-run': 'true', comment: 'off', name: 'all' }, apiUrl: gh.url });
    expect(annotations(named, 'warning')).toEqual([]);
    expect(gh.checkRuns.map((c) => c.name)).toEqual(['topogate', 'topogate', 'topogate', 'topogate (all)']);
  });

  it('a report too large for the summary: the check run, the comment and the summary send the reader to the step log and the JSON report, not to a summary that lacks findings', async () => {
    await startGitHub();
    const farms = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`topologies/f${String(i).padStart(2, '0')}.yml`, farm(`f${i}`, 20, i + 1)]));
    const run = await runAction({ workspace: makeWorkspace(farms), inputs: { topology: 'topologies/*.yml', 'check-run': 'true' }, apiUrl: gh.url, timeoutMs: 60_000 });
    expect(run.code, run.stderr).toBe(1);
    const failing = Number(run.outputs.errors) + Number(run.outputs.warnings);
    expect(failing).toBeGreaterThan(15_000);
    const stepLog = 'The step log lists every finding that did not pass';
    const upload = 'the JSON report (the `report` output, a file in `RUNNER_TEMP`) has every finding: upload it with `actions/upload-artifact` to keep it.';
    // What these say is so: the log has a line per failing finding, the JSON report has them all, the summary does not.
    expect(run.stdout.split('\n').filter((l) => /^ +FAIL (error|warning) /.test(l))).toHaveLength(failing);
    expect(JSON.parse(readFileSync(run.outputs.report, 'utf8')).findings.filter((f: { status: string }) => f.status === 'fail')).toHaveLength(failing);
    expect(run.summary.split('\n').filter((l) => l.startsWith('| ❌')).length).toBeLessThan(failing / 2);

    expect(run.summary).toContain(`✂️ This report was cut to fit. ${stepLog}; ${upload}`);
    expect(run.summary).toContain(`**${failing - 2000} more (`);
    expect(run.summary).toContain(`the most urgent first. ${stepLog}.`);
    expect(run.summary).not.toMatch(/tables above|has every finding\.|all of them are annotated/);
    const body = gh.comments[0].body;
    expect(body).toContain(`✂️ This report was cut to fit. The job summary of the [workflow run](https://github.com/acme/infra/actions/runs/5000) is cut to fit too. ${stepLog}; ${upload}`);
    expect(body).toContain('(the job summary is cut to fit; the step log lists every finding that did not pass)</sub>');
    expect(body).not.toMatch(/summary[^.]*has (every finding|the full report)/);
    expect(gh.checkRuns[0].annotations).toHaveLength(2000);
    expect(gh.checkRuns[0].output.summary).toContain(`the most urgent first. The job summary is cut to fit too. ${stepLog}; ${upload}`);
    expect(gh.checkRuns[0].output.summary).not.toMatch(/summary has every finding/);
  }, 90_000);

  it('a refused check run falls back to the log, with a warning', async () => {
    await startGitHub({ refuse: { createCheckRun: 403 } });
    const run = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'examples/topology.yml', 'check-run': 'true' }, apiUrl: gh.url });
    expect(run.code).toBe(1);
    expect(annotations(run, 'warning')[0].message).toMatch(/^Check run not published \(create the check run: HTTP 403: Resource not accessible by integration.*\); annotations go through the log/);
    expect(findingAnnotations(run, 'error')).toHaveLength(2);
    expect(run.summary).toContain('The check run could not be published');
  });
});

describe('other events and settings', () => {
  it('push: no comment and no API call; annotations, outputs and summary as usual', async () => {
    await startGitHub();
    const run = await runAction({ workspace: makeWorkspace(), event: 'push', inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url });
    expect(run.code).toBe(1);
    expect(gh.requests).toEqual([]);
    expect(findingAnnotations(run, 'error')).toHaveLength(2);
    expect(run.summary).toContain('No PR comment: this run is for a `push` event, not a pull request.');
    // Links point at the pushed commit.
    expect(run.summary).toContain('/blob/ffeeddccbbaa00998877665544332211ffeeddcc/examples/topology.yml#L16');
  });

  it('pull_request with an event file that is not JSON: says so, rather than "not a pull request"', async () => {
    await startGitHub();
    const workspace = makeWorkspace();
    const eventFile = path.join(path.dirname(workspace), 'bad-event.json');
    writeFileSync(eventFile, '{not json');
    const run = await runAction({ workspace, inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url, env: { GITHUB_EVENT_PATH: eventFile } });
    expect(run.code).toBe(1);
    expect(gh.requests).toEqual([]);
    expect(annotations(run, 'warning').map((a) => a.message)).toContainEqual(expect.stringMatching(/^the event file \(GITHUB_EVENT_PATH\) could not be read as JSON \(.+\); pull-request features are off\.$/));
    expect(run.summary).toMatch(/No PR comment: this run is for a `pull_request` event, but its event file \(GITHUB_EVENT_PATH\) could not be read as JSON \(.+\), so the pull request is not known\./);
    expect(run.summary).not.toContain('not a pull request');
    // JSON without a pull request in it: said too.
    const empty = await runAction({ workspace, inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url, payload: { action: 'opened' } });
    expect(empty.summary).toContain('No PR comment: this run is for a `pull_request` event, but its event file (GITHUB_EVENT_PATH) names no pull request (its number and head commit), so the pull request is not known.');
  });

  it('pull_request_target behaves as pull_request', async () => {
    await startGitHub();
    const run = await runAction({ workspace: makeWorkspace(), event: 'pull_request_target', inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url });
    expect(run.code).toBe(1);
    expect(gh.comments).toHaveLength(1);
  });

  it('GitHub Enterprise Server: every call goes to the API URL of the environment', async () => {
    await startGitHub({ prefix: '/api/v3' });
    expect(gh.url).toMatch(/\/api\/v3$/);
    const run = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'examples/topology.yml' }, apiUrl: gh.url });
    expect(run.code).toBe(1);
    expect(gh.comments).toHaveLength(1);
    expect(gh.requests.map((r) => r.url.split('?')[0])).toEqual(['/api/graphql', '/api/v3/repos/acme/infra/issues/7/comments', '/api/v3/repos/acme/infra/issues/7/comments']);
  });

  it('comment: off, annotations: false, fail-on: never, sarif-file and working-directory', async () => {
    await startGitHub();
    const ws = makeWorkspace();
    const run = await runAction({
      workspace: ws,
      inputs: { topology: 'topology.yml', 'working-directory': 'examples', comment: 'off', annotations: 'false', 'fail-on': 'never', 'sarif-file': '../out/topogate.sarif' },
      apiUrl: gh.url,
    });
    expect(run.code, run.stdout).toBe(0);
    expect(gh.requests).toEqual([]);
    expect(annotations(run)).toEqual([]);
    expect(run.outputs).toMatchObject({ result: 'pass', errors: '2', 'sarif-file': path.join(ws, 'out', 'topogate.sarif') });
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    // Paths stay relative to the repository root, not the working directory.
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('examples/topology.yml');
    expect(run.summary).toContain('Annotations are off');
    expect(run.summary).toContain('No PR comment: `comment: off`.');
  });

  it('a repository checked out below the workspace (actions/checkout with path:): paths relative to that repository, in annotations and links', async () => {
    await startGitHub();
    const ws = makeWorkspace();
    mkdirSync(path.join(ws, 'infra-repo', '.git'), { recursive: true });
    cpSync(path.join(ws, 'examples'), path.join(ws, 'infra-repo', 'examples'), { recursive: true });
    const run = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml', 'working-directory': 'infra-repo' }, apiUrl: gh.url });
    expect(run.code).toBe(1);
    const errors = annotations(run, 'error').filter((a) => a.properties.title?.startsWith('OS11-'));
    expect(errors.map((a) => a.properties.file)).toEqual(['examples/topology.yml', 'examples/topology.yml']);
    expect(gh.comments[0].body).toContain(`/blob/${HEAD_SHA}/examples/topology.yml#L16`);
    expect(gh.comments[0].body).not.toContain('infra-repo/');
    // Without working-directory, the one repository below the workspace is still the root.
    const unset = await runAction({ workspace: ws, inputs: { topology: 'infra-repo/examples/topology.yml' }, apiUrl: gh.url, runId: 150 });
    expect(annotations(unset, 'error').filter((a) => a.properties.title?.startsWith('OS11-')).map((a) => a.properties.file)).toEqual(['examples/topology.yml', 'examples/topology.yml']);
    // Two repositories below it: which one is the pull request's is not known, so paths stay workspace paths.
    mkdirSync(path.join(ws, 'tools', '.git'), { recursive: true });
    const two = await runAction({ workspace: ws, inputs: { topology: 'infra-repo/examples/topology.yml' }, apiUrl: gh.url, runId: 160 });
    expect(annotations(two, 'error').filter((a) => a.properties.title?.startsWith('OS11-')).map((a) => a.properties.file)).toEqual(['infra-repo/examples/topology.yml', 'infra-repo/examples/topology.yml']);
    // A workspace that is itself a repository keeps its root, whatever lies below it (a submodule).
    mkdirSync(path.join(ws, '.git'));
    const whole = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml', 'working-directory': 'infra-repo' }, apiUrl: gh.url, runId: 200 });
    expect(annotations(whole, 'error').filter((a) => a.properties.title?.startsWith('OS11-')).map((a) => a.properties.file)).toEqual(['infra-repo/examples/topology.yml', 'infra-repo/examples/topology.yml']);
  });

  it('a monorepo of look-alike stacks, the plan in RUNNER_TEMP: findings on the working directory\'s stack, or on the plan when none is nearer', async () => {
    await startGitHub();
    const tf = readFileSync(path.join(ROOT, 'examples', 'terraform', 'aws', 'main.tf'), 'utf8');
    const ws = makeWorkspace({ 'stacks/a-prod/main.tf': tf, 'stacks/b-staging/main.tf': tf });
    const plan = path.join(path.dirname(ws), 'plan.json');
    cpSync(path.join(ROOT, 'examples', 'terraform', 'aws', 'plan.json'), plan);
    const inputs = { plan, comment: 'off', 'github-token': '' };
    const staging = await runAction({ workspace: ws, inputs: { ...inputs, 'working-directory': 'stacks/b-staging' } });
    expect(staging.code, staging.stdout).toBe(1);
    expect(findingAnnotations(staging, 'error').map((a) => [a.properties.file, a.properties.line])).toEqual([['stacks/b-staging/main.tf', '66']]);
    const prod = await runAction({ workspace: ws, inputs: { ...inputs, 'working-directory': 'stacks/a-prod' } });
    expect(findingAnnotations(prod, 'error').map((a) => a.properties.file)).toEqual(['stacks/a-prod/main.tf']);
    // From the root neither stack is nearer: no line in either (the plan is no repository file), and the summary names the plan.
    const root = await runAction({ workspace: ws, inputs });
    expect(findingAnnotations(root, 'error').map((a) => a.properties.file)).toEqual([undefined]);
    expect(root.summary).toContain(`${plan}:226`);
    expect(root.summary).not.toContain('stacks/');
  });

  it('fail-on-unknown: a topology without its firewall fails the step, and the comment says what blocks', async () => {
    await startGitHub();
    const ws = makeWorkspace({ 'no-firewall.yml': example.replace(/^ {4}firewall:\n(?: {6}.*\n|\s*\n)*/gm, '') });
    const lenient = await runAction({ workspace: ws, inputs: { topology: 'no-firewall.yml', comment: 'off' }, apiUrl: gh.url });
    expect(lenient.code, lenient.stdout).toBe(0);
    expect(lenient.outputs.result).toBe('pass');
    const strict = await runAction({ workspace: ws, inputs: { topology: 'no-firewall.yml', 'fail-on-unknown': 'true' }, apiUrl: gh.url });
    expect(strict.code).toBe(1);
    expect(strict.outputs).toMatchObject({ result: 'fail', errors: '0' });
    expect(Number(strict.outputs.unknown)).toBeGreaterThan(0);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0].body).toMatch(/topogate: \d+ findings block the merge \(\d+ of them undecided\)/);
    expect(gh.comments[0].body).toContain('fail-on: `error` (unknown included)');
  });

  it('without a token: no API call, everything else as usual', async () => {
    await startGitHub();
    const run = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'examples/topology.yml', 'github-token': '' }, apiUrl: gh.url });
    expect(run.code).toBe(1);
    expect(gh.requests).toEqual([]);
    expect(run.summary).toContain('No PR comment: there is no `github-token`.');
  });

  it('unusable input values fail the step naming each input, before anything runs', async () => {
    await startGitHub();
    const run = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'examples/topology.yml', 'fail-on': 'sometimes', comment: 'always', annotations: 'yes' }, apiUrl: gh.url });
    expect(run.code).toBe(1);
    expect(gh.requests).toEqual([]);
    expect(run.outputs).toEqual({ result: 'fail' });
    expect(run.summary).toContain('### ❌ topogate: the inputs cannot be checked');
    const [error] = annotations(run, 'error');
    expect(error.message).toContain('fail-on: "sometimes" is not one of error, warning, notice, never.');
    expect(error.message).toContain('comment: "always" is not one of update, new, off.');
    expect(error.message).toContain('annotations: "yes" is not a boolean; use true or false.');
  });

  it('nothing to check, or a pattern that matches nothing, fails the step with the reason', async () => {
    await startGitHub();
    const none = await runAction({ workspace: makeWorkspace(), inputs: {}, apiUrl: gh.url });
    expect(none.code).toBe(1);
    expect(annotations(none, 'error')[0].message).toMatch(/nothing to check: set `topology`/);
    const empty = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'infra/**/*.topology.yml' }, apiUrl: gh.url });
    expect(empty.code).toBe(1);
    expect(annotations(empty, 'error')[0].message).toMatch(/topology pattern "infra\/\*\*\/\*\.topology\.yml" matches no file/);
    const outside = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'x.yml', 'working-directory': '..' }, apiUrl: gh.url });
    expect(annotations(outside, 'error')[0].message).toMatch(/working-directory: "\.\." is outside the workspace/);
  });
});

describe('hostile input', () => {
  const HOSTILE = '<img src=x onerror=alert(1)> @octocat [click](https://evil.example) ##[set-output name=result]pass';

  it('stays data in the log, the annotations, the comment and the summary', async () => {
    await startGitHub();
    const topology = `${passing}overrides:\n  - { policy: OS11-LAT-002, severity: off, reason: "${HOSTILE}" }\n`;
    const ws = makeWorkspace({ 'topology.yml': topology, 'broken.yml': 'version: 1\nenvironments:\n  - name: prod\n    "  ::set-output name=result::pass": 1\n    "##[add-mask]x": 2\n' });
    const run = await runAction({ workspace: ws, inputs: { topology: 'topology.yml' }, apiUrl: gh.url });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('disabled: OS11-LAT-002');
    for (const text of [run.summary, gh.comments[0].body]) {
      expect(text).toContain('Disabled by the team');
      expect(text).not.toMatch(/(^|[^\\])<img/);
      expect(text).not.toMatch(/@octocat/);
      expect(text).not.toMatch(/(^|[^\\])\]\(https:\/\/evil/);
    }
    expect(run.stdout).not.toContain('##[');
    expect(run.legacyCommands).toEqual([]);
    expect(run.commands.map((c) => c.command).filter((c) => !['error', 'warning', 'notice', 'add-mask'].includes(c))).toEqual([]);
    expect(run.outputs.result).toBe('pass');

    const bad = await runAction({ workspace: ws, inputs: { topology: 'broken.yml', comment: 'off' }, apiUrl: gh.url });
    expect(bad.code).toBe(1);
    expect(bad.stdout).not.toContain('##[');
    expect(bad.legacyCommands).toEqual([]);
    // Only annotations, and the mask the action itself asks for its token.
    expect(bad.commands.filter((c) => !['error', 'warning', 'notice'].includes(c.command))).toEqual([{ command: 'add-mask', properties: {}, message: 'ghs_faketoken0123456789' }]);
    expect(bad.outputs).toEqual({ result: 'fail' });
    expect(bad.summary).toContain('set-output');
    expect(bad.summary).not.toMatch(/(^|[^\\`])##\[/);
  });
});

describe('the committed bundle', () => {
  it('is an ES module with its chunks beside it', () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, 'dist', 'package.json'), 'utf8'))).toEqual({ type: 'module' });
    expect(existsSync(path.join(ROOT, 'dist', 'cli', 'index.js'))).toBe(true);
  });
});
