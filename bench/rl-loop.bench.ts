/**
 * The RL loop end to end, in real Chromium against our sites (port 0): rollouts per hour at G 4
 * with --parallel 1 and 2, the update's time per iteration, and the share of an iteration's wall
 * time spent in the browser vs the learner (iteration-stats.ts `timeSplit`); then DAPO against
 * DUPO at the same batch size from the same start: the rollouts each ran and the rollouts DUPO
 * saved. The policy is the deliberately weakened student of the RL tests (test/rl/weak-policy.ts:
 * uncertain, so groups differ), on wheelo training tasks with a 10-step limit. Every run is
 * seeded, so the rollouts are the same on any machine; only the times vary with its load.
 * `--quick`: one iteration per run instead of two.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { algoPreset, rewardPreset, RL_SCHEMA_VERSION, type Algo, type RlConfig } from '../src/rl/config.js';
import { timeSplit, type IterationStats } from '../src/rl/iteration-stats.js';
import { runRl } from '../src/rl/run-rl.js';
import { trainingTasks } from '../src/rl/training-tasks.js';
import { startServer } from '../src/sites/engine/server.js';
import { loadArenaWorld } from '../src/sites/registry.js';
import { saveStudent } from '../src/student/save-load.js';
import { weakPolicy } from '../test/rl/weak-policy.js';
import { fmt } from './stats.js';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const say = (s: string) => !json && process.stdout.write(`${s}\n`);
const ITERATIONS = quick ? 1 : 2;
const BATCH = 2;
const G = 4;
const MAX_STEPS = 10;
const root = mkdtempSync(join(tmpdir(), 'wf-bench-rl-loop-'));
const load = () => loadavg()[0]!.toFixed(1);

try {
  say(`load average at start: ${load()} (${ITERATIONS} iteration(s) per run, batch ${BATCH}, G ${G}, max ${MAX_STEPS} steps)`);
  const { world } = loadArenaWorld(1);
  const server = await startServer({ port: 0, world });
  const t0 = performance.now();
  const { tasks: [demoTask], weak } = await weakPolicy(server, world);
  await server.close();
  const setupSeconds = (performance.now() - t0) / 1000;
  saveStudent(join(root, 'weak'), weak);
  // The weak policy's own task and three other wheelo training tasks it never saw: on those its
  // rewards agree more often, which is what dynamic sampling and DUPO act on.
  const others = trainingTasks({ sites: ['wheelo'], perSite: 4, seed: 6, worldSeed: 1 }).filter((t) => t.id !== demoTask!.id).slice(0, 3);
  const tasks = [demoTask!, ...others];
  say(`weakened policy ready in ${fmt(setupSeconds, 0)} s (scripted demo + 150 epochs); tasks: ${tasks.map((t) => t.id).join(', ')}`);

  const config = (algo: Algo): RlConfig => ({
    schemaVersion: RL_SCHEMA_VERSION, init: join(root, 'weak'),
    tasks: { source: 'bench', count: tasks.length, ids: tasks.map((t) => t.id) },
    worldSeed: 1, seed: 1, iterations: ITERATIONS, batch: BATCH, group: G, temperature: 1, maxSteps: MAX_STEPS,
    reward: rewardPreset(algo, 'csr', MAX_STEPS), algo: { ...algoPreset(algo), maxExtraRounds: 3 },
    learningRate: 0.003, ppoEpochs: 2, minibatch: 8, maxGradNorm: 1,
  });

  type Run = { label: string; wallSeconds: number; its: IterationStats[] };
  const run = async (label: string, algo: Algo, parallel: number): Promise<Run> => {
    const t = performance.now();
    const r = await runRl({ dir: join(root, label), config: config(algo), tasks, parallel, resume: false });
    return { label, wallSeconds: (performance.now() - t) / 1000, its: r.iterations };
  };
  const sum = (its: readonly IterationStats[], f: (s: IterationStats) => number) => its.reduce((a, s) => a + f(s), 0);
  const figures = (r: Run) => {
    const total = sum(r.its, (s) => s.seconds.total);
    const rollouts = sum(r.its, (s) => s.rollouts);
    const split = timeSplit({ rollouts: sum(r.its, (s) => s.seconds.rollouts), policy: sum(r.its, (s) => s.seconds.policy), tokens: sum(r.its, (s) => s.seconds.tokens ?? 0), update: sum(r.its, (s) => s.seconds.update), total });
    return {
      rollouts, steps: Math.round(sum(r.its, (s) => s.meanSteps * s.rollouts)), iterationSeconds: total / r.its.length,
      rolloutsPerHour: Math.round((rollouts / total) * 3600),
      updateSecondsPerIteration: sum(r.its, (s) => s.seconds.update) / r.its.length,
      tokensSecondsPerIteration: sum(r.its, (s) => s.seconds.tokens ?? 0) / r.its.length,
      actingMsPerStep: (sum(r.its, (s) => s.seconds.policy) * 1000) / Math.max(1, sum(r.its, (s) => s.meanSteps * s.rollouts)),
      share: split, wallSeconds: r.wallSeconds, reward: r.its.map((s) => s.reward.mean),
    };
  };

  // Warm-up, not reported: the first update of a process compiles tfjs-wasm's kernels, and the
  // first pages fill Chromium's caches.
  await runRl({ dir: join(root, 'warm-up'), config: { ...config('grpo'), iterations: 1, batch: 1, group: 2 }, tasks, parallel: 1, resume: false });

  const throughput: Record<string, ReturnType<typeof figures>> = {};
  for (const parallel of [1, 2]) {
    const f = figures(await run(`grpo-p${parallel}`, 'grpo', parallel));
    throughput[`grpo-G${G}-parallel${parallel}`] = f;
    say(
      `GRPO G ${G}, parallel ${parallel}: ${f.rolloutsPerHour} rollouts/hour (${f.rollouts} rollouts, ${f.steps} steps, ${fmt(f.iterationSeconds)} s an iteration); ` +
        `update ${fmt(f.updateSecondsPerIteration, 2)} s + reference log-probs ${fmt(f.tokensSecondsPerIteration, 2)} s an iteration; acting ${fmt(f.actingMsPerStep)} ms a step; ` +
        `browser ${fmt(f.share.browser * 100, 0)}% / learner ${fmt(f.share.learner * 100, 0)}% / other ${fmt(f.share.other * 100, 0)}% [load ${load()}]`,
    );
  }

  const fill: Record<string, unknown> = {};
  for (const algo of ['dapo', 'dupo'] as const) {
    const r = await run(algo, algo, 2);
    const f = figures(r);
    const g = { sampled: sum(r.its, (s) => s.groups.sampled), informative: sum(r.its, (s) => s.groups.informative), inBatch: sum(r.its, (s) => s.groups.inBatch), dropped: sum(r.its, (s) => s.groups.dropped), duplicated: sum(r.its, (s) => s.groups.duplicated) };
    const rounds = sum(r.its, (s) => s.rounds);
    const savedEstimate = sum(r.its, (s) => s.rolloutsSavedEstimate);
    fill[algo] = { rollouts: f.rollouts, rounds, groups: g, rolloutsSavedEstimate: savedEstimate, wallSeconds: f.iterationSeconds * r.its.length, rolloutsPerHour: f.rolloutsPerHour, share: f.share };
    say(
      `${algo.toUpperCase()} batch ${BATCH}, G ${G}, parallel 2: ${f.rollouts} rollouts in ${rounds} rounds over ${r.its.length} iteration(s); groups ${g.informative} informative of ${g.sampled} sampled, ` +
        `${g.inBatch} in the batches (${g.duplicated} duplicated); ${fmt(f.iterationSeconds * r.its.length, 0)} s` +
        (algo === 'dupo' ? `; DUPO's estimate of the rollouts it saved: ${fmt(savedEstimate)}` : '') + ` [load ${load()}]`,
    );
  }
  const dapo = fill.dapo as { rollouts: number; groups: { inBatch: number } };
  const dupo = fill.dupo as { rollouts: number; groups: { inBatch: number } };
  say(`DUPO vs DAPO at batch ${BATCH}: ${dupo.rollouts} vs ${dapo.rollouts} rollouts (${dapo.rollouts - dupo.rollouts} saved), for ${dupo.groups.inBatch} vs ${dapo.groups.inBatch} groups trained on`);
  if (json) process.stdout.write(`${JSON.stringify({ rlLoop: { loadAverageEnd: Number(load()), setupSeconds, iterations: ITERATIONS, batch: BATCH, group: G, maxSteps: MAX_STEPS, throughput, fill } })}\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
