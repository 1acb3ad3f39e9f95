import { describe, expect, it } from 'vitest';
import { agentFactory } from '../../src/agents/make-agent.js';
import { makePlan } from '../../src/agents/scripted/plan.js';
import { runTasks } from '../../src/rollout/run-tasks.js';
import { siteById } from '../../src/sites/registry.js';
import { loadBookingTasks } from '../../src/tasks/task-file.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

const world = testWorld();
const suite = loadBookingTasks('bookingarena-v0', { world });
const getServer = useTestServer();

describe('scripted teacher: plan and error model', () => {
  it('at noise 0 plans exactly the task target', () => {
    for (const task of suite.slice(0, 12)) {
      const plan = makePlan(task, siteById(task.site), world, 0, 1);
      expect(plan.errors).toEqual([]);
      expect(plan.params).toEqual(task.target.params);
      expect(plan.listingId).toBe(task.target.listingId);
      expect(plan.choices).toEqual(task.target.choices);
    }
  });

  it('at noise 1 injects documented errors, deterministically per episode seed', () => {
    const plans = suite.map((t) => makePlan(t, siteById(t.site), world, 1, 7));
    expect(plans.filter((p) => p.errors.length > 0).length).toBeGreaterThan(suite.length / 2);
    expect(makePlan(suite[3]!, siteById(suite[3]!.site), world, 1, 7)).toEqual(plans[3]);
  });
});

describe('scripted teacher in a real browser', () => {
  // A sample: one task of each tier per site and every task about an existing booking
  // (`webfoundry bench --agent scripted --noise 0 --suite bookingarena-v0` runs them all).
  const sample = suite.filter((t) => t.manage || suite.filter((x) => x.site === t.site && !x.manage && x.metadata.difficulty === t.metadata.difficulty)[0] === t);
  it('at noise 0 succeeds on one task per tier and site of bookingarena-v0 and on every task about an existing booking', async () => {
    expect(sample.length).toBeGreaterThanOrEqual(3 * 6);
    const trajectories = await runTasks({
      tasks: sample,
      server: getServer(),
      makePolicy: agentFactory('scripted', { world, noise: 0 }),
      parallel: 2,
      maxSteps: 60,
      runId: 'teacher-noise0',
      seed: 1,
    });
    const failed = trajectories.filter((t) => !t.end.evaluation.sr).map((t) => `${t.header.task.id}: ${t.end.status} csr=${t.end.evaluation.csr}`);
    expect(failed).toEqual([]);
    expect(trajectories).toHaveLength(sample.length);
    for (const t of trajectories) {
      expect(t.end.status).toBe('stopped');
      // The CSR curve never ends below its best: a clean run keeps its progress.
      expect(t.end.evaluation.curve.at(-1)).toBe(1);
    }
  }, 900_000);

  it('at the default noise produces both successes and partial trajectories', async () => {
    const tasks = suite.filter((_, i) => i % 6 === 0);
    const trajectories = await runTasks({
      tasks,
      server: getServer(),
      makePolicy: agentFactory('scripted', { world }),
      parallel: 2,
      maxSteps: 60,
      runId: 'teacher-default',
      seed: 3,
    });
    const successes = trajectories.filter((t) => t.end.evaluation.sr);
    const partials = trajectories.filter((t) => !t.end.evaluation.sr && t.end.evaluation.bestCsr > 0);
    expect(successes.length).toBeGreaterThan(0);
    expect(partials.length).toBeGreaterThan(0);
    // Every partial one records the mistakes the teacher made on purpose.
    for (const p of partials) expect(p.end.injectedErrors?.length ?? 0).toBeGreaterThan(0);
  }, 600_000);
});
