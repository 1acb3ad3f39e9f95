import { describe, expect, it } from 'vitest';
import { RandomAgent } from '../../src/agents/random-agent.js';
import { parseAction } from '../../src/browser/actions/parse-action.js';
import { loadTasks } from '../../src/tasks/task-file.js';
import { fakeObservation } from '../helpers/fake-observation.js';

const obs = (axtree: string) => fakeObservation({ axtree });

describe('random agent', () => {
  it('always answers a valid action, seeded per episode', async () => {
    const task = loadTasks('bookingarena-v0')[0]!;
    const a = new RandomAgent();
    a.begin(task, 1);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const d = await a.act({ task, observation: obs('[1] link "Home"\n[2] textbox "From"\n[3] button "Search"'), history: [] });
      expect(parseAction(d.action).ok, d.action).toBe(true);
      seen.add(d.action.split('(')[0]!);
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
    const b = new RandomAgent();
    b.begin(task, 1);
    const c = new RandomAgent();
    c.begin(task, 1);
    const o = obs('[1] link "Home"\n[2] textbox "From"');
    expect(await b.act({ task, observation: o, history: [] })).toEqual(await c.act({ task, observation: o, history: [] }));
  });
});
