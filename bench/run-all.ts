/** `npm run bench`: every benchmark script in turn. */
import { spawnSync } from 'node:child_process';

const scripts = ['bench/sites.bench.ts', 'bench/density.bench.ts', 'bench/browser.bench.ts', 'bench/pages.bench.ts', 'bench/third-party.bench.ts', 'bench/tasks.bench.ts', 'bench/qa.bench.ts', 'bench/rollout.bench.ts', 'bench/distributed.bench.ts', 'bench/student.bench.ts', 'bench/viewer.bench.ts', 'bench/rl.bench.ts', 'bench/rl-loop.bench.ts', 'bench/knowledge.bench.ts', 'bench/researcher.bench.ts'];
for (const s of scripts) {
  process.stdout.write(`\n== ${s}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', s, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
