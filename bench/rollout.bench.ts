/**
 * Scripted-teacher throughput: episodes/hour at parallel 1, 2 and 4 on bookingarena-v0 tasks
 * (noise 0), and the pipeline's trajectories/hour, dataset rows/hour and salvage yield
 * (rows from partials / rows from successes) at the default noise.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentFactory } from '../src/agents/make-agent.js';
import { DEFAULT_NOISE } from '../src/agents/scripted/plan.js';
import { generateRun } from '../src/pipeline/generate.js';
import { DEFAULT_SALVAGE } from '../src/pipeline/salvage.js';
import { runStats } from '../src/pipeline/stats.js';
import { runTasks } from '../src/rollout/run-tasks.js';
import { startServer } from '../src/sites/engine/server.js';
import { SITES, loadArenaWorld } from '../src/sites/registry.js';
import { loadTasks } from '../src/tasks/task-file.js';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const out: Record<string, unknown> = {};
const say = (s: string) => !json && process.stdout.write(`${s}\n`);
const { world } = loadArenaWorld(1);
const suite = loadTasks('bookingarena-v0', { world });
// Two tasks per site, so every level sees the same mix.
const tasks = SITES.flatMap((s) => suite.filter((t) => t.site === s.id).slice(0, quick ? 1 : 2));

const server = await startServer({ port: 0, world });
const perHour: Record<string, number> = {};
for (const parallel of [1, 2, 4]) {
  const t0 = performance.now();
  const ts = await runTasks({ tasks, server, makePolicy: agentFactory('scripted', { world, noise: 0 }), parallel, maxSteps: 60, runId: `bench-p${parallel}`, seed: 1 });
  const hours = (performance.now() - t0) / 3_600_000;
  const steps = ts.reduce((s, t) => s + t.steps.length, 0);
  perHour[`parallel${parallel}`] = Math.round(ts.length / hours);
  say(`scripted teacher, parallel ${parallel}: ${Math.round(ts.length / hours)} episodes/hour (${ts.length} episodes, ${steps} steps, SR ${(ts.filter((t) => t.end.evaluation.sr).length / ts.length).toFixed(2)})`);
}
await server.close();
out.episodesPerHour = perHour;

const dir = mkdtempSync(join(tmpdir(), 'wf-bench-run-'));
try {
  const t0 = performance.now();
  const store = await generateRun({
    dir: join(dir, 'run'),
    config: { sites: SITES.map((s) => s.id), tasksPerSite: quick ? 1 : 3, teacher: 'scripted', noise: DEFAULT_NOISE, seed: 11, worldSeed: 1, maxSteps: 60, mode: 'viewport', salvage: DEFAULT_SALVAGE },
    parallel: 2,
    resume: false,
    force: false,
  });
  const hours = (performance.now() - t0) / 3_600_000;
  const s = runStats(store).overall;
  store.close();
  const rows = s.rows.success + s.rows.salvaged;
  out.pipeline = {
    noise: DEFAULT_NOISE,
    episodes: s.episodes,
    trajectoriesPerHour: Math.round(s.episodes / hours),
    rowsPerHour: Math.round(rows / hours),
    sr: s.sr,
    salvageYield: s.rows.success ? s.rows.salvaged / s.rows.success : null,
  };
  say(`pipeline (generate, noise ${DEFAULT_NOISE}, parallel 2): ${Math.round(s.episodes / hours)} trajectories/hour, ${Math.round(rows / hours)} dataset rows/hour, SR ${s.sr.toFixed(2)}, salvage yield ${s.rows.salvaged}/${s.rows.success} = ${s.rows.success ? (s.rows.salvaged / s.rows.success).toFixed(2) : '-'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
