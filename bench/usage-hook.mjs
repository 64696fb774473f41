// Preloaded with `node --import` into every measured process: at exit it appends the
// process's own peak resident memory and CPU time to the file named by TOPOGATE_BENCH_USAGE.
// The same hook measures topogate and the baseline, so neither is favoured.
import { appendFileSync } from 'node:fs';

const file = process.env.TOPOGATE_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    appendFileSync(file, `${JSON.stringify({ maxRssKiB: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime })}\n`);
  });
}
