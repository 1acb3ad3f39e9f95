import { describe, expect, it } from 'vitest';
import { agentFactory } from '../../src/agents/make-agent.js';
import { isQaTask, type QaTask } from '../../src/core/schemas/task.js';
import { knowledgeOrigins } from '../../src/knowledge/index.js';
import { runTasks } from '../../src/rollout/run-tasks.js';
import { loadTasks } from '../../src/tasks/task-file.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * Slow tier (WEBFOUNDRY_FULL_TESTS=1): the scripted researcher at noise 0 answers every question
 * of infoseek-v1 in real Chromium (46 episodes, one server and browser; the quick tier samples
 * four in infoseek-v1.test.ts).
 */
const world = testWorld();
const getServer = useTestServer({ browser: true, origins: knowledgeOrigins() });
const tasks = loadTasks('infoseek-v1', { world }).filter(isQaTask) as QaTask[];

describe('infoseek-v1: the researcher at noise 0 answers every question', () => {
  it('46 of 46', async () => {
    const trajectories = await runTasks({ tasks, server: getServer(), makePolicy: agentFactory('scripted', { world, noise: 0 }), parallel: 2, maxSteps: 30, runId: 'infoseek-v1-all', seed: 1 });
    const failed = trajectories.filter((t) => !t.end.evaluation.sr).map((t) => `${t.header.task.id}: ${t.end.status} csr=${t.end.evaluation.csr} steps=${t.end.steps}`);
    expect(failed).toEqual([]);
    expect(trajectories).toHaveLength(46);
  }, 3_600_000);
});
