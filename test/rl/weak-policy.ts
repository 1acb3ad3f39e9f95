import { agentFactory } from '../../src/agents/make-agent.js';
import type { Task } from '../../src/core/schemas/task.js';
import { salvage } from '../../src/pipeline/salvage.js';
import { trainingTasks } from '../../src/rl/training-tasks.js';
import { runTasks } from '../../src/rollout/run-tasks.js';
import type { SiteServer } from '../../src/sites/engine/server.js';
import { cloneParams } from '../../src/student/model.js';
import type { StudentModel } from '../../src/student/save-load.js';
import { trainStudent } from '../../src/student/train.js';
import type { World } from '../../src/world/world.js';

/** The output layer's scale in the weakened policy: its logits at half size, so its softmax spreads over wrong candidates. */
export const WEAKENING = 0.5;

/**
 * A deliberately weakened policy for RL tests: a student imitating the scripted teacher (noise 0)
 * on one wheelo training task (30 steps), trained to a sharp scorer, then flattened by scaling its
 * action scorer's output layer by WEAKENING. Sampled at temperature 1 with a 10-step limit, the
 * sharp student reaches a mean CSR of ~0.5 on its task and the weakened one ~0.15 (measured with
 * 6-8 seeded rollouts): room to improve, and enough reward that groups carry a signal.
 */
export async function weakPolicy(server: SiteServer, world: World): Promise<{ tasks: Task[]; weak: StudentModel }> {
  const tasks = trainingTasks({ sites: ['wheelo'], perSite: 1, seed: 5, worldSeed: 1 });
  const demos = await runTasks({ tasks, server, makePolicy: agentFactory('scripted', { world, noise: 0 }), parallel: 1, maxSteps: 40, runId: 'demo', seed: 1 });
  const rows = demos.flatMap((t) => salvage(t, 'demo') ?? []);
  if (rows.length !== 1 || rows[0]!.kind !== 'success') throw new Error('the scripted teacher (noise 0) should solve the demo task');
  const { model } = await trainStudent(rows, { epochs: 150, seed: 1, hidden: 16, valFraction: 0 });
  const p = cloneParams(model.params);
  p.w2 = p.w2.map((x) => x * WEAKENING);
  p.b2 = p.b2.map((x) => x * WEAKENING);
  return { tasks, weak: { ...model, params: p } };
}
