import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/pipeline.js';
import { FakeGitHub, RATE_LIMITED } from './helpers/fake-github.js';
import type { FakeGitHubOptions } from './helpers/fake-github.js';
import { annotations, makeWorkspace, pullRequestPayload, runAction } from './helpers/action-runner.js';

/**
 * The committed bundle when the world around it misbehaves: the API failing half-way, rate
 * limits, lost connections, inputs that name nothing, runner files that cannot be written,
 * duplicate comments left by racing runs. Each run must still end with a verdict, and say
 * truthfully what it could not do.
 */

const example = readFileSync(path.join(ROOT, 'examples', 'topology.yml'), 'utf8');
const passing = example.replace(/ports: \[80\] +# HTTPS is forwarded.*$/m, 'ports: [80, 443]');

/** A farm whose firewall opens nothing the pack needs: front-ends² failures. */
function farm(name: string, frontEnds: number): string {
  const servers = [
    `      - { name: ${name}-ctl, roles: [controller], addresses: [10.1.1.10] }`,
    `      - { name: ${name}-db, roles: [database], engine: sqlserver, addresses: [10.1.3.5] }`,
    ...Array.from({ length: frontEnds }, (_, i) => `      - { name: ${name}-fe-${i}, roles: [front-end], addresses: [10.1.2.${10 + i}] }`),
  ];
  return ['version: 1', 'environments:', `  - name: ${name}`, '    provider: aws', '    region: eu-west-1', '    servers:', ...servers, '    firewall:', '      - { from: 192.0.2.0/24, to: role:database, ports: [22] }', ''].join('\n');
}

const MARKER = /^<!-- topogate-comment key=[0-9a-f]{16} sha=[0-9a-f]* run=\d+\.\d+ -->\n/;

let gh: FakeGitHub | undefined;

async function startGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  gh = new FakeGitHub({ viewer: 'github-actions[bot]', ...options });
  await gh.start();
  return gh;
}

afterEach(async () => {
  await gh?.stop();
  gh = undefined;
});

const isCheckRunPatch = (method: string, route: string) => method === 'PATCH' && /\/check-runs\/\d+$/.test(route);

describe('a check run that fails half-way', () => {
  it('is completed anyway when an annotation batch fails: the completing request is retried, and the warning says what happened', async () => {
    // The batch fails (not retried: it could add its annotations twice); the completion fails once, then goes through.
    const api = await startGitHub({ flaky: { updateCheckRun: 2 } });
    const ws = makeWorkspace({ 'farm.yml': farm('prod', 8) });
    const run = await runAction({ workspace: ws, inputs: { topology: 'farm.yml', 'check-run': 'true', comment: 'off' }, apiUrl: api.url });
    expect(run.code, run.stdout).toBe(1);
    const [check] = api.checkRuns;
    expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(check.output.summary).toContain('⚠️ Only 50 of');
    expect(api.calls().filter((c) => c.includes('check-runs') && !c.startsWith('GET'))).toEqual(['POST /repos/acme/infra/check-runs', ...Array(3).fill(`PATCH /repos/acme/infra/check-runs/${check.id}`)]);
    const [warning] = annotations(run, 'warning');
    expect(warning.message).toMatch(new RegExp(`^Check run https://github.com/acme/infra/runs/${check.id} was completed with only some of its annotations \\(add annotations to the check run: HTTP 502`));
    expect(warning.message).not.toContain('not published');
    expect(run.outputs['check-run-url']).toBe(`https://github.com/acme/infra/runs/${check.id}`);
    expect(run.summary).toContain('got only some annotations');
  });

  it('still open after the retries: the warning says it was created but could not be completed, with its address', async () => {
    const api = await startGitHub({ intercept: (r, res, fake) => (isCheckRunPatch(r.method, r.route) ? (fake.send(res, 502, { message: 'Server Error' }), true) : false) });
    const run = await runAction({ workspace: makeWorkspace({ 'farm.yml': farm('prod', 8) }), inputs: { topology: 'farm.yml', 'check-run': 'true', comment: 'off' }, apiUrl: api.url });
    expect(run.code, run.stdout).toBe(1);
    const [check] = api.checkRuns;
    expect(check.status).toBe('in_progress');
    // One batch, then the completion three times (two retries).
    expect(api.calls().filter((c) => c.startsWith('PATCH'))).toHaveLength(4);
    const [warning] = annotations(run, 'warning');
    expect(warning.message).toContain(`Check run created but could not be completed: https://github.com/acme/infra/runs/${check.id} may stay "in progress"`);
    expect(warning.message).toContain('complete the check run: HTTP 502');
    expect(run.summary).toMatch(/The check run \[`topogate`\]\(https:\/\/github.com\/acme\/infra\/runs\/\d+\) was created but could not be completed/);
    // The findings still reach the log.
    expect(annotations(run, 'error').some((a) => a.properties.title?.startsWith('OS11-'))).toBe(true);
  });

  it('publishes at most 2,000 annotations, the most urgent first, and says how many are left out', async () => {
    const api = await startGitHub();
    const run = await runAction({ workspace: makeWorkspace({ 'farm.yml': farm('big', 50) }), inputs: { topology: 'farm.yml', 'check-run': 'true', comment: 'off' }, apiUrl: api.url });
    expect(run.code, run.stdout).toBe(1);
    const total = Number(run.outputs.errors) + Number(run.outputs.warnings);
    expect(total).toBeGreaterThan(2_500);
    const [check] = api.checkRuns;
    expect(check.status).toBe('completed');
    expect(check.annotations).toHaveLength(2_000);
    expect(api.calls().filter((c) => c.includes('check-runs') && !c.startsWith('GET'))).toHaveLength(40);
    // Every error before any warning.
    const levels = check.annotations.map((a) => a.annotation_level);
    expect(levels.lastIndexOf('failure')).toBeLessThan(levels.indexOf('warning'));
    expect(check.output.summary).toContain(`**${total - 2_000} more findings are not annotated** here`);
    expect(run.summary).toContain(`2000 of ${total} findings are marked on their lines by the check run`);
    expect(run.summary).toContain(`**${total - 2_000} more (`);
  });
});

describe('inputs that name nothing usable', () => {
  it('fail the step, and set result, the summary and the comment alike', async () => {
    const api = await startGitHub();
    const ws = makeWorkspace({ 'infra/topology.yml': passing });
    await runAction({ workspace: ws, inputs: { topology: 'infra/*.yml', name: 'prod' }, apiUrl: api.url, runId: 100 });
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0].body).toContain('all checks pass');

    renameSync(path.join(ws, 'infra'), path.join(ws, 'infrastructure'));
    const gone = await runAction({ workspace: ws, inputs: { topology: 'infra/*.yml', name: 'prod' }, apiUrl: api.url, runId: 101 });
    expect(gone.code).toBe(1);
    expect(gone.outputs).toEqual({ result: 'fail', 'comment-url': `https://github.com/acme/infra/pull/7#issuecomment-${api.comments[0].id}` });
    expect(gone.summary).toContain('### ❌ topogate: the inputs cannot be checked');
    expect(gone.summary).toMatch(/\| input `topology` \| topology pattern "infra\/\\\*\.yml" matches no file/);
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0].body).toMatch(MARKER);
    expect(api.comments[0].body).toContain('the inputs cannot be checked');
    expect(api.comments[0].body).not.toContain('all checks pass');
    // The failed step's own error says it; no second annotation repeats it.
    const errors = annotations(gone, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^topogate: the inputs cannot be checked: topology pattern "infra\/\*\.yml" matches no file/);

    const folder = await runAction({ workspace: ws, inputs: { topology: 'infrastructure', name: 'prod' }, apiUrl: api.url, runId: 102 });
    expect(folder.outputs.result).toBe('fail');
    expect(folder.summary).toContain('topology "infrastructure" is a folder');
  });

  it('comment: new adds a comment saying the check could not run, as every run adds one', async () => {
    const api = await startGitHub();
    const run = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'nope.yml', comment: 'new' }, apiUrl: api.url });
    expect(run.code).toBe(1);
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0].body).toContain('topology "nope.yml" does not exist');
  });

  it('values the action cannot use: result fail and the problems in the summary, no API call', async () => {
    const api = await startGitHub();
    const run = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'examples/topology.yml', 'fail-on': 'sometimes' }, apiUrl: api.url });
    expect(run.code).toBe(1);
    expect(api.requests).toEqual([]);
    expect(run.outputs).toEqual({ result: 'fail' });
    expect(run.summary).toContain('| input `fail-on` | fail-on: "sometimes" is not one of error, warning, notice, never. |');
  });
});

describe('rate limits and lost connections', () => {
  const isList = (method: string, route: string) => method === 'GET' && /\/issues\/\d+\/comments$/.test(route);

  it('a secondary rate limit (403 with retry-after) is waited out and retried, even for a creation', async () => {
    let limited = 1;
    const api = await startGitHub({
      intercept: (r, res, fake) => {
        if (r.method !== 'POST' || r.route === 'graphql' || limited-- <= 0) return false;
        const { status, body, headers } = RATE_LIMITED.secondary(1);
        fake.send(res, status, body, headers);
        return true;
      },
    });
    const started = Date.now();
    const run = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url });
    expect(run.code).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(api.calls()).toEqual(['GET /repos/acme/infra/issues/7/comments', 'POST /repos/acme/infra/issues/7/comments', 'POST /repos/acme/infra/issues/7/comments']);
    expect(api.comments).toHaveLength(1);
    expect(annotations(run, 'warning')).toEqual([]);
  });

  it('a 429 is retried after its retry-after', async () => {
    let limited = 1;
    const api = await startGitHub({ intercept: (r, res, fake) => (isList(r.method, r.route) && limited-- > 0 ? (fake.send(res, 429, { message: 'Too Many Requests' }, { 'retry-after': '1' }), true) : false) });
    const run = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url });
    expect(api.comments).toHaveLength(1);
    expect(annotations(run, 'warning')).toEqual([]);
  });

  it('the hourly limit used up until long after the run: no wait, and a warning about the rate limit, not permissions', async () => {
    const api = await startGitHub({
      intercept: (r, res, fake) => {
        if (!isList(r.method, r.route)) return false;
        const { status, body, headers } = RATE_LIMITED.primary(3_600);
        fake.send(res, status, body, headers);
        return true;
      },
    });
    const run = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url });
    expect(run.code).toBe(1);
    expect(api.calls()).toEqual(['GET /repos/acme/infra/issues/7/comments']);
    const [warning] = annotations(run, 'warning');
    expect(warning.message).toMatch(/^PR comment not posted: list the pull request comments: the GitHub API rate limit was hit \(HTTP 403: API rate limit exceeded/);
    expect(warning.message).toMatch(/it resets at \d\d:\d\d UTC/);
    expect(warning.message).not.toContain('permissions');
    expect(run.summary).toContain('No PR comment: list the pull request comments: the GitHub API rate limit was hit');
  });

  it('a secondary limit that does not lift: a few retries, then the same warning', async () => {
    const api = await startGitHub({
      intercept: (r, res, fake) => {
        if (!isList(r.method, r.route)) return false;
        const { status, body, headers } = RATE_LIMITED.secondary(1);
        fake.send(res, status, body, headers);
        return true;
      },
    });
    const run = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url });
    expect(api.calls()).toHaveLength(4);
    expect(annotations(run, 'warning')[0].message).toContain('the GitHub API rate limit was hit (HTTP 403: You have exceeded a secondary rate limit');
    expect(annotations(run, 'warning')[0].message).not.toContain('Grant the job');
  });

  it('a refused connection is a network error, not an HTTP status', async () => {
    // A port that was just free: nothing listens there now.
    const closed = await startGitHub();
    const apiUrl = closed.url;
    await closed.stop();
    const run = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'examples/topology.yml' }, apiUrl });
    expect(run.code).toBe(1);
    const [warning] = annotations(run, 'warning');
    expect(warning.message).toMatch(/^PR comment not posted: the GitHub API failed \(list the pull request comments: network error \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)\)/);
    expect(warning.message).not.toMatch(/HTTP \d/);
  }, 40_000);
});

describe('runner files that cannot be written', () => {
  it('GITHUB_OUTPUT a folder: one warning naming it, and the verdict, comment and summary still published', async () => {
    const api = await startGitHub();
    const ws = makeWorkspace();
    const folder = path.join(path.dirname(ws), 'output-folder');
    mkdirSync(folder);
    const run = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url, env: { GITHUB_OUTPUT: folder } });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('internal error');
    const warnings = annotations(run, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toBe(`The step outputs could not be written: GITHUB_OUTPUT (${folder}): it is a folder (EISDIR). Later steps get no \`result\` or other outputs; everything else is published.`);
    expect(annotations(run, 'error').at(-1)?.message).toMatch(/^topogate \d+\.\d+\.\d+ FAIL: 2 findings/);
    expect(api.comments).toHaveLength(1);
    expect(run.summary).toContain('### ❌ topogate: 2 findings block the merge');
  });

  it('GITHUB_OUTPUT in a missing folder, and bad input: the problems are still published', async () => {
    const api = await startGitHub();
    const missing = path.join(path.dirname(makeWorkspace()), 'nowhere', 'output');
    const run = await runAction({ workspace: makeWorkspace(), inputs: { topology: 'nope.yml' }, apiUrl: api.url, env: { GITHUB_OUTPUT: missing } });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('internal error');
    expect(annotations(run, 'warning')[0].message).toContain(`GITHUB_OUTPUT (${missing}): it does not exist`);
    expect(run.summary).toContain('topology "nope.yml" does not exist');
  });

  it('RUNNER_TEMP a file: a warning naming it, an empty report output, the rest published', async () => {
    const api = await startGitHub();
    const ws = makeWorkspace();
    const file = path.join(path.dirname(ws), 'temp-is-a-file');
    writeFileSync(file, 'x');
    const run = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url, env: { RUNNER_TEMP: file } });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('internal error');
    expect(annotations(run, 'warning')[0].message).toBe(`The JSON report could not be written to RUNNER_TEMP (${file}): it is not a folder. The \`report\` output is empty; everything else is published.`);
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '2', report: '' });
    expect(api.comments).toHaveLength(1);
    expect(run.summary).toContain('### ❌ topogate: 2 findings block the merge');
  });
});

describe('a bug in topogate', () => {
  // Fault injection through the runner's own NODE_OPTIONS: the first Date#toISOString call
  // (the run's date, taken inside the check) throws, as a bug in the check would.
  const faulty = (dir: string) => {
    const file = path.join(dir, 'fault.cjs');
    writeFileSync(file, "const o = Date.prototype.toISOString; let n = 0;\nDate.prototype.toISOString = function () { if (n++ === 0) throw new TypeError('injected fault'); return o.call(this); };\n");
    return { NODE_OPTIONS: `--require ${JSON.stringify(file)}` };
  };

  it('fails the step with result fail, says it is a bug in the summary, and corrects an earlier passing comment', async () => {
    const api = await startGitHub();
    const ws = makeWorkspace({ 'infra/topology.yml': passing });
    await runAction({ workspace: ws, inputs: { topology: 'infra/topology.yml' }, apiUrl: api.url, runId: 100 });
    expect(api.comments[0].body).toContain('all checks pass');

    const run = await runAction({ workspace: ws, inputs: { topology: 'infra/topology.yml' }, apiUrl: api.url, runId: 101, env: faulty(path.dirname(ws)) });
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({ result: 'fail', 'comment-url': `https://github.com/acme/infra/pull/7#issuecomment-${api.comments[0].id}` });
    expect(run.summary).toContain('### ❌ topogate: internal error');
    expect(run.summary).toContain('| topogate | topogate stopped on an internal error (injected fault); nothing was checked.');
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0].body).toMatch(MARKER);
    expect(api.comments[0].body).toContain('internal error');
    expect(api.comments[0].body).not.toContain('all checks pass');
    const errors = annotations(run, 'error');
    expect(errors.map((e) => e.message)).toEqual(['topogate: internal error: injected fault. Please report it with the inputs that caused it.']);
    // The stack is in the log, for the report the message asks for.
    expect(run.stdout).toMatch(/TypeError: injected fault\n\s+at /);
  });

  it('with no earlier comment posts none, and the summary says why', async () => {
    const api = await startGitHub();
    const ws = makeWorkspace({ 'infra/topology.yml': passing });
    const run = await runAction({ workspace: ws, inputs: { topology: 'infra/topology.yml' }, apiUrl: api.url, env: faulty(path.dirname(ws)) });
    expect(run.outputs).toEqual({ result: 'fail' });
    expect(api.comments).toHaveLength(0);
    expect(run.summary).toContain('No PR comment: nothing was checked, and there was no earlier comment of this check to correct.');
  });
});

describe('output files that cannot be written after the check ran', () => {
  const NOTHING_CHECKED = /nothing was checked|cannot be checked|nothing passes/;

  it('sarif-file a folder: the real result everywhere, a notice naming the file, the step failed saying what to do, nothing half-written', async () => {
    const api = await startGitHub();
    const ws = makeWorkspace({ 'infra/topology.yml': passing });
    await runAction({ workspace: ws, inputs: { topology: 'infra/topology.yml' }, apiUrl: api.url, runId: 100 });
    const [comment] = api.comments;
    expect(comment.body).toContain('### ✅ topogate: all checks pass');

    mkdirSync(path.join(ws, 'out.sarif'));
    const run = await runAction({ workspace: ws, inputs: { topology: 'infra/topology.yml', 'sarif-file': 'out.sarif' }, apiUrl: api.url, runId: 101 });
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).not.toContain('internal error');
    // The check's own result: it passed; no output names a file that was not written.
    expect(run.outputs).toMatchObject({ result: 'pass', errors: '0', warnings: '0', 'sarif-file': '' });
    expect(run.outputs.report).toMatch(/report\.json$/);
    const problem = 'sarif-file: cannot write "out.sarif": it is a folder, and writing would replace it with a regular file; pass the path of a file (new or existing).';
    // One error: the failed step's, naming the file, what to do, and that the check ran and passed.
    const errors = annotations(run, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe(`topogate: an output file could not be written: ${problem} The check itself ran and its result is published: ${run.stdout.match(/^topogate \S+ PASS: .*$/m)?.[0]}`);
    expect(annotations(run, 'warning')).toEqual([]);
    // The summary and the comment (the same one, updated) give the result, with the notice, and never say nothing was checked.
    for (const text of [run.summary, comment.body]) {
      expect(text).toContain('### ✅ topogate: all checks pass');
      expect(text).toContain('> ❌ **The check ran, but an output file could not be written, so the step fails.**');
      expect(text).toContain('> - sarif-file: cannot write "out.sarif": it is a folder');
      expect(text).not.toMatch(NOTHING_CHECKED);
    }
    expect(api.comments).toHaveLength(1);
    expect(comment.body).toMatch(/ run=101\.1 -->/);
    expect(run.summary).toContain('- 1 output file not written (see the top of this summary); the output that would name it is empty.');
    // Nothing half-written: the folder as it was, no temporary file beside it.
    expect(statSync(path.join(ws, 'out.sarif')).isDirectory()).toBe(true);
    expect(readdirSync(path.join(ws, 'out.sarif'))).toEqual([]);
    expect(readdirSync(ws).filter((f) => f.includes('sarif'))).toEqual(['out.sarif']);
  });

  it('sarif-file naming an input (the topology): refused, the input left as it was, the step fails saying so', async () => {
    const api = await startGitHub();
    const ws = makeWorkspace({ 'infra/topology.yml': passing });
    const run = await runAction({ workspace: ws, inputs: { topology: 'infra/topology.yml', 'sarif-file': './infra/../infra/topology.yml' }, apiUrl: api.url });
    expect(run.code, run.stdout).toBe(1);
    expect(run.outputs).toMatchObject({ result: 'pass', 'sarif-file': '' });
    expect(annotations(run, 'error')[0].message).toMatch(/sarif-file: cannot write "\.\/infra\/\.\.\/infra\/topology\.yml": it is one of the files this run read \(a topology, plan, policy or \.tf file\), and the report would replace it; pass another file path\./);
    expect(readFileSync(path.join(ws, 'infra', 'topology.yml'), 'utf8')).toBe(passing);
    expect(readdirSync(path.join(ws, 'infra'))).toEqual(['topology.yml']);
  });

  it('failing findings and a sarif-file under a file: findings annotated and in the check run as usual, the step fails for both', async () => {
    const api = await startGitHub();
    const ws = makeWorkspace();
    const run = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml', 'sarif-file': 'examples/topology.yml/out.sarif', 'check-run': 'true' }, apiUrl: api.url });
    expect(run.code, run.stdout).toBe(1);
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '2', 'sarif-file': '' });
    const [check] = api.checkRuns;
    expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(check.annotations).toHaveLength(2);
    expect(check.output.summary).toContain('sarif-file: cannot write "examples/topology.yml/out.sarif": a part of the path is a file, not a folder');
    const errors = annotations(run, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^topogate \S+ FAIL: 2 findings at or above error \(.*\)\. Also, an output file could not be written: sarif-file: cannot write "examples\/topology\.yml\/out\.sarif": a part of the path is a file, not a folder \((ENOTDIR|EEXIST)\); choose a file path in a folder you can write to\.$/);
    expect(api.comments[0].body).toContain('### ❌ topogate: 2 findings block the merge');
    expect(api.comments[0].body).toContain('could not be written, so the step fails');
    expect(run.summary).toContain('### ❌ topogate: 2 findings block the merge');
    for (const text of [run.summary, api.comments[0].body, check.output.summary ?? '']) expect(text).not.toMatch(NOTHING_CHECKED);
    expect(readFileSync(path.join(ws, 'examples', 'topology.yml'), 'utf8')).toBe(example);
  });
});

describe('an API that never answers', () => {
  const PUBLISH_ENTRY = path.join(ROOT, '__tests__', 'helpers', 'publish-entry.ts');

  it('the API work stops at the run\'s deadline, however long each request may take: one warning saying what was not published, the verdict and summary right', async () => {
    // Every request is held open and never answered.
    const api = await startGitHub({ intercept: () => true });
    const limits = { requestMs: 30_000, waitMs: 1_000, totalMs: 2_000 };
    const started = Date.now();
    const run = await runAction({
      workspace: makeWorkspace(),
      inputs: { topology: 'examples/topology.yml', 'check-run': 'true' },
      apiUrl: api.url,
      script: { file: PUBLISH_ENTRY, args: [JSON.stringify(limits)] },
      timeoutMs: 9_000,
    });
    const took = Date.now() - started;
    expect(took).toBeLessThan(9_000);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).not.toContain('internal error');
    // The check run was tried first; once the deadline passed nothing more was sent.
    expect(api.calls()).toEqual(['POST /repos/acme/infra/check-runs']);
    const warnings = annotations(run, 'warning');
    expect(warnings.map((w) => w.message)).toEqual([
      'GitHub API calls stopped after 2 s, topogate\'s time limit for all of them in a run (the API answered too slowly or not at all). Not published: the check run (its annotations went through the log instead) and the PR comment. The job summary and the step\'s verdict are complete without them.',
    ]);
    // The findings reach the log instead, and the verdict fails the step.
    expect(annotations(run, 'error').filter((a) => a.properties.title?.startsWith('OS11-'))).toHaveLength(2);
    expect(annotations(run, 'error').at(-1)?.message).toMatch(/^topogate \S+ FAIL: 2 findings/);
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '2' });
    expect(run.outputs['comment-url']).toBeUndefined();
    expect(run.summary).toContain('### ❌ topogate: 2 findings block the merge');
    expect(run.summary).toContain('The check run could not be published (create the check run: no answer within topogate\'s time limit for GitHub API calls (2 s in all))');
    expect(run.summary).toContain('No PR comment: list the pull request comments: not attempted within topogate\'s time limit for GitHub API calls (2 s in all).');
  }, 12_000);
});

describe('duplicate comments', () => {
  it('two first runs that raced each posted: the next run updates the newest and deletes the other', async () => {
    const api = await startGitHub();
    const ws = makeWorkspace();
    await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url, runId: 100 });
    const [first] = api.comments;
    const twin = api.addComment(first.body.replace(/run=100\.1/, 'run=101.1'));
    const other = api.addComment('LGTM', { login: 'octocat', type: 'User' });
    const run = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url, runId: 102 });
    expect(run.code).toBe(1);
    expect(api.comments.map((c) => c.id)).toEqual([twin.id, other.id]);
    expect(twin.body).toMatch(/ run=102\.1 -->/);
    expect(api.calls().slice(-2)).toEqual([`PATCH /repos/acme/infra/issues/comments/${twin.id}`, `DELETE /repos/acme/infra/issues/comments/${first.id}`]);
    expect(annotations(run, 'warning')).toEqual([]);
  });

  it('with the token\'s login unknown, older comments carrying the marker are updated around, never deleted', async () => {
    const api = await startGitHub({ viewer: undefined });
    const ws = makeWorkspace();
    await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url, runId: 100 });
    // Two first runs raced: the default token's two comments, the older one not deleted (whose it is cannot be proved).
    const twin = api.addComment(api.comments[0].body.replace(/run=100\.1/, 'run=99.1'));
    const run = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url, runId: 101 });
    expect(run.code).toBe(1);
    expect(api.comments).toHaveLength(2);
    // The newest comment gets the update; the other stays.
    expect(twin.body).toMatch(/ run=101\.1 -->/);
    expect(api.comments[0].body).toMatch(/ run=100\.1 -->/);
    expect(api.calls().some((c) => c.startsWith('DELETE'))).toBe(false);
  });

  it('with the token\'s login unknown, only github-actions[bot] is trusted: another app\'s comment with a copied, later marker neither freezes nor gets the update', async () => {
    const api = await startGitHub({ viewer: undefined });
    const ws = makeWorkspace();
    await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url, runId: 100 });
    const [ours] = api.comments;
    const forgedBody = `${ours.body.replace(/run=100\.1/, 'run=99999.1').split('\n')[0]}\nall pass ✅`;
    const forged = api.addComment(forgedBody, { login: 'other-app[bot]', type: 'Bot' });
    const run = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url, runId: 101 });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('PR comment left as it is');
    expect(ours.body).toMatch(/ run=101\.1 -->/);
    expect(forged.body).toBe(forgedBody);
    expect(api.comments).toHaveLength(2);
    expect(run.outputs['comment-url']).toBe(`https://github.com/acme/infra/pull/7#issuecomment-${ours.id}`);
    // A later run of the default token's own still wins, as with the login known.
    api.addComment(ours.body.replace(/run=101\.1/, 'run=200.1'));
    const late = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url, runId: 102 });
    expect(late.stdout).toContain('PR comment left as it is');
    expect(ours.body).toMatch(/ run=101\.1 -->/);
  });

  it('a sticky comment deleted between the listing and the update: a new one is posted, no permission warning', async () => {
    let deleted = false;
    const api = await startGitHub({
      intercept: (request, _res, fake) => {
        // Someone deletes the comment right after this run listed it.
        if (!deleted && request.method === 'PATCH') {
          deleted = true;
          fake.comments.splice(0, fake.comments.length);
        }
        return false;
      },
    });
    const ws = makeWorkspace();
    await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url, runId: 100 });
    const run = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url, runId: 101 });
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0].body).toMatch(/ run=101\.1 -->/);
    expect(api.calls().slice(-2)).toEqual(['PATCH /repos/acme/infra/issues/comments/1000', 'POST /repos/acme/infra/issues/7/comments']);
    expect(annotations(run, 'warning')).toEqual([]);
    expect(run.summary).toMatch(/PR comment \[posted\]/);
  });

  it('comments of comment: new runs are history: a later comment: update run starts its own, and deletes none of them', async () => {
    const api = await startGitHub();
    const ws = makeWorkspace();
    for (const runId of [100, 101]) await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml', comment: 'new' }, apiUrl: api.url, runId });
    expect(api.comments.map((c) => c.body.split('\n')[0])).toEqual([expect.stringMatching(/ run=100\.1 per-run -->$/), expect.stringMatching(/ run=101\.1 per-run -->$/)]);
    await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml', comment: 'update' }, apiUrl: api.url, runId: 102 });
    await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml', comment: 'update' }, apiUrl: api.url, runId: 103 });
    expect(api.comments).toHaveLength(3);
    expect(api.comments[2].body).toMatch(/ run=103\.1 -->/);
    expect(api.calls().some((c) => c.startsWith('DELETE'))).toBe(false);
  });

  it('a duplicate that cannot be deleted is left, without a warning', async () => {
    const api = await startGitHub({ refuse: { deleteComment: 403 } });
    const ws = makeWorkspace();
    await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url, runId: 100 });
    api.addComment(api.comments[0].body);
    const run = await runAction({ workspace: ws, inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url, runId: 101 });
    expect(api.comments).toHaveLength(2);
    expect(annotations(run, 'warning')).toEqual([]);
    expect(run.summary).toMatch(/PR comment \[updated\]/);
  });
});

describe('forks', () => {
  it('on pull_request_target a refusal names the missing permission, not a read-only fork token', async () => {
    const api = await startGitHub({ refuse: { createComment: 403 } });
    const run = await runAction({ workspace: makeWorkspace(), event: 'pull_request_target', inputs: { topology: 'examples/topology.yml' }, apiUrl: api.url, payload: pullRequestPayload({ fork: true }) });
    const [warning] = annotations(run, 'warning');
    expect(warning.message).toContain('Grant the job `permissions: pull-requests: write`: on `pull_request_target` the token of a fork’s pull request may write');
    expect(warning.message).not.toContain('read-only token');
  });
});
