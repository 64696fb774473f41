import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareFindings } from './compare-findings.js';
import { generatePlan } from './generate-plan.js';

/**
 * `npm run bench`: generated plans of 1,000, 10,000 and 50,000 instances; for each, the
 * time and peak memory of `topogate check --plan` with the built-in pack against a bare
 * Node process that reads the file and runs JSON.parse on it. Separate processes, runs
 * interleaved so that machine noise hits both, medians with min and max. The findings
 * must equal what the generator expects, or the benchmark fails.
 *
 * A last row is shaped like a monorepo's plan: 1,000 instances among 60,000 resources that
 * are not about the network (BENCH_OTHERS=N sets how many, 0 leaves the row out).
 *
 * BENCH_SIZES=1000,10000 and BENCH_RUNS=3 narrow it; BENCH_KEEP=1 keeps the plans.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.join(ROOT, '.bench');
const HOOK = path.join(ROOT, 'bench', 'usage-hook.mjs');
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const ACTION = path.join(ROOT, 'dist', 'index.js');

interface Sample {
  ms: number;
  rssMiB: number;
}

async function measure(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Sample & { code: number | null; stderr: string }> {
  const usage = path.join(WORK, `usage-${process.pid}-${Math.random().toString(36).slice(2)}.jsonl`);
  const started = process.hrtime.bigint();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', HOOK, ...args], { cwd: ROOT, env: { ...process.env, ...env, TOPOGATE_BENCH_USAGE: usage }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, stderr: err }));
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const line = existsSync(usage) ? readFileSync(usage, 'utf8').trim().split('\n').pop() : undefined;
  rmSync(usage, { force: true });
  const rssMiB = line ? (JSON.parse(line) as { maxRssKiB: number }).maxRssKiB / 1024 : NaN;
  return { ms, rssMiB, code, stderr };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

interface Stats {
  median: number;
  min: number;
  max: number;
}

const stats = (xs: number[]): Stats => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const fmtTime = (s: Stats) => `${(s.median / 1000).toFixed(2)} s (${(s.min / 1000).toFixed(2)}-${(s.max / 1000).toFixed(2)})`;
const fmtMem = (s: Stats) => `${s.median.toFixed(0)} MiB (${s.min.toFixed(0)}-${s.max.toFixed(0)})`;

interface Row {
  instances: number;
  /** Resources that are not about the network, beside the instances. */
  others: number;
  mib: number;
  findings: number;
  baseTime: Stats;
  checkTime: Stats;
  baseMem: Stats;
  checkMem: Stats;
}

async function benchSize(instances: number, runs: number, others = 0): Promise<Row> {
  const plan = path.join(WORK, others > 0 ? `plan-${instances}-others-${others}.json` : `plan-${instances}.json`);
  process.stdout.write(`\n${instances} instances${others > 0 ? ` and ${others} other resources` : ''}: generating… `);
  const generated = await generatePlan(instances, plan, others);
  const mib = statSync(plan).size / 1048576;
  process.stdout.write(`${mib.toFixed(0)} MiB, ${generated.resources} resource changes, ${generated.expected.length} expected findings\n`);

  // The findings first: a fast wrong answer is no answer.
  const reportFile = path.join(WORK, `report-${instances}-${others}.json`);
  const verify = await measure([CLI, 'check', '--plan', plan, '--format', 'json', '--output', reportFile, '--fail-on', 'never']);
  if (verify.code !== 0) throw new Error(`topogate exited ${verify.code} on ${plan}:\n${verify.stderr}`);
  const diffs = compareFindings(generated.expected, JSON.parse(readFileSync(reportFile, 'utf8')) as { findings: never[] });
  rmSync(reportFile, { force: true });
  if (diffs.length > 0) throw new Error(`the findings differ from the generator's in ${diffs.length} places:\n${diffs.slice(0, 20).join('\n')}`);
  console.log(`  findings: all ${generated.expected.length} as expected`);

  const base: Sample[] = [];
  const check: Sample[] = [];
  for (let r = 0; r < runs; r++) {
    // Interleaved: a noisy moment hits both sides.
    const b = await measure([path.join(ROOT, 'bench', 'baseline-read-parse.mjs'), plan]);
    if (b.code !== 0) throw new Error(`the baseline failed on ${plan}:\n${b.stderr}`);
    const c = await measure([CLI, 'check', '--plan', plan, '--fail-on', 'never']);
    if (c.code !== 0) throw new Error(`topogate check failed on ${plan}:\n${c.stderr}`);
    base.push(b);
    check.push(c);
    console.log(`  run ${r + 1}/${runs}: read+parse ${(b.ms / 1000).toFixed(2)} s ${b.rssMiB.toFixed(0)} MiB | topogate ${(c.ms / 1000).toFixed(2)} s ${c.rssMiB.toFixed(0)} MiB`);
  }
  if (process.env.BENCH_KEEP !== '1') rmSync(plan, { force: true });
  return {
    instances,
    others,
    mib,
    findings: generated.expected.length,
    baseTime: stats(base.map((s) => s.ms)),
    checkTime: stats(check.map((s) => s.ms)),
    baseMem: stats(base.map((s) => s.rssMiB)),
    checkMem: stats(check.map((s) => s.rssMiB)),
  };
}

async function startUp(runs: number): Promise<string[]> {
  const ws = path.join(WORK, 'startup');
  mkdirSync(ws, { recursive: true });
  writeFileSync(path.join(ws, 'event.json'), '{"ref":"refs/heads/main"}');
  const actionEnv = {
    GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: ROOT, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path.join(ws, 'event.json'),
    GITHUB_REPOSITORY: 'topogate/bench', GITHUB_SHA: '0'.repeat(40), GITHUB_RUN_ID: '1', GITHUB_OUTPUT: path.join(ws, 'output'), GITHUB_STEP_SUMMARY: path.join(ws, 'summary'),
    RUNNER_TEMP: ws, INPUT_TOPOLOGY: 'examples/topology.yml', INPUT_COMMENT: 'off', 'INPUT_FAIL-ON': 'never', 'INPUT_GITHUB-TOKEN': '',
  };
  const cases: Array<[string, string[], NodeJS.ProcessEnv]> = [
    ['`node -e 0`', ['-e', '0'], {}],
    ['`node dist/cli/index.js check` (example)', [CLI, 'check', '--topology', 'examples/topology.yml', '--fail-on', 'never'], {}],
    ['`node dist/index.js` (the action, example, no comment)', [ACTION], actionEnv],
  ];
  const lines: string[] = [];
  for (const [name, args, env] of cases) {
    const samples: Sample[] = [];
    for (let r = 0; r < runs; r++) {
      writeFileSync(path.join(ws, 'output'), '');
      writeFileSync(path.join(ws, 'summary'), '');
      samples.push(await measure(args, env));
    }
    const t = stats(samples.map((s) => s.ms));
    lines.push(`| ${name} | ${t.median.toFixed(0)} ms (${t.min.toFixed(0)}-${t.max.toFixed(0)}) | ${median(samples.map((s) => s.rssMiB)).toFixed(0)} MiB |`);
  }
  rmSync(ws, { recursive: true, force: true });
  return lines;
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('dist/cli/index.js is missing: run npm run build');
  mkdirSync(WORK, { recursive: true });
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  console.log(`topogate benchmark on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${runs} runs per size`);
  const rows: Row[] = [];
  for (const n of sizes) rows.push(await benchSize(n, n >= 50_000 ? Math.max(3, Math.min(runs, 3)) : runs));
  const others = Number(process.env.BENCH_OTHERS ?? 60_000);
  if (others > 0) rows.push(await benchSize(1000, runs, others));

  console.log('\n| instances | other resources | plan | findings | read + JSON.parse | topogate check | time ratio | read + parse memory | topogate memory | memory ratio |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.instances.toLocaleString('en')} | ${r.others.toLocaleString('en')} | ${r.mib.toFixed(0)} MiB | ${r.findings.toLocaleString('en')} | ${fmtTime(r.baseTime)} | ${fmtTime(r.checkTime)} | ${(r.checkTime.median / r.baseTime.median).toFixed(2)}× | ${fmtMem(r.baseMem)} | ${fmtMem(r.checkMem)} | ${(r.checkMem.median / r.baseMem.median).toFixed(2)}× |`);
  }
  console.log('\nMedians of the runs, (min-max) across them.');

  const failures: string[] = [];
  const at10k = rows.find((r) => r.instances === 10_000 && r.others === 0);
  const at50k = rows.find((r) => r.instances === 50_000 && r.others === 0);
  if (at10k) {
    const t = at10k.checkTime.median / at10k.baseTime.median;
    const m = at10k.checkMem.median / at10k.baseMem.median;
    console.log(`\ntarget at 10,000: time ≤ 1.5× read+parse: ${t.toFixed(2)}× ${t <= 1.5 ? 'met' : 'MISSED'}; memory ≤ 2×: ${m.toFixed(2)}× ${m <= 2 ? 'met' : 'MISSED'}`);
    if (t > 1.5) failures.push('time at 10,000');
    if (m > 2) failures.push('memory at 10,000');
    if (at50k) {
      const g = at50k.checkTime.median / at10k.checkTime.median;
      console.log(`target growth: 50,000 ≤ 5.5× the 10,000 time: ${g.toFixed(2)}× ${g <= 5.5 ? 'met' : 'MISSED'}`);
      if (g > 5.5) failures.push('growth to 50,000');
    }
  }

  console.log('\nStart-up on a small input:\n\n| command | time | memory |\n|---|---:|---:|');
  for (const line of await startUp(Math.max(5, runs))) console.log(line);
  if (failures.length > 0) {
    console.error(`\nbenchmark targets missed: ${failures.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
