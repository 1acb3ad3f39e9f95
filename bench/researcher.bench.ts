/**
 * The scripted researcher's episodes per hour on infoseek-v0 (27 questions, noise 0, real
 * Chromium against the booking sites with the guide and the search engine beside them), at
 * parallel 1 and 2, with its SR and mean steps. `--quick` runs 9 questions (every group).
 */
import { agentFactory } from '../src/agents/make-agent.js';
import { knowledgeOrigins } from '../src/knowledge/index.js';
import { runTasks } from '../src/rollout/run-tasks.js';
import { startServer } from '../src/sites/engine/server.js';
import { loadArenaWorld } from '../src/sites/registry.js';
import { loadTasks } from '../src/tasks/task-file.js';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const say = (s: string) => !json && process.stdout.write(`${s}\n`);
const { world } = loadArenaWorld(1);
const suite = loadTasks('infoseek-v0', { world });
const tasks = quick ? suite.filter((_, i) => i % 3 === 0) : suite;

const server = await startServer({ port: 0, world, origins: knowledgeOrigins() });
const out: Record<string, unknown> = { questions: tasks.length };
for (const parallel of [1, 2]) {
  const t0 = performance.now();
  const ts = await runTasks({ tasks, server, makePolicy: agentFactory('scripted', { world, noise: 0 }), parallel, maxSteps: 30, runId: `bench-researcher-p${parallel}`, seed: 1 });
  const hours = (performance.now() - t0) / 3_600_000;
  const sr = ts.filter((t) => t.end.evaluation.sr).length / ts.length;
  const steps = ts.reduce((s, t) => s + t.steps.length, 0) / ts.length;
  out[`parallel${parallel}`] = { episodesPerHour: Math.round(ts.length / hours), sr, meanSteps: Number(steps.toFixed(1)) };
  say(`scripted researcher, parallel ${parallel}: ${Math.round(ts.length / hours)} episodes/hour (${ts.length} questions, SR ${sr.toFixed(2)}, ${steps.toFixed(1)} steps each)`);
}
await server.close();
if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
