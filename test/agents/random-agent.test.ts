import { describe, expect, it } from 'vitest';
import { RandomAgent } from '../../src/agents/random-agent.js';
import { parseAction } from '../../src/browser/actions/parse-action.js';
import type { Observation } from '../../src/core/schemas/observation.js';
import { loadTasks } from '../../src/tasks/task-file.js';

const obs = (axtree: string): Observation => ({
  schemaVersion: 1,
  url: 'http://skyhop.localhost:1/',
  title: 'x',
  tabs: [{ index: 0, url: 'http://skyhop.localhost:1/', title: 'x' }],
  activeTab: 0,
  mode: 'viewport',
  axtree,
  focusedBid: null,
  scroll: { x: 0, y: 0, viewportWidth: 1280, viewportHeight: 720, pageWidth: 1280, pageHeight: 2000 },
  lastActionError: null,
  tokens: { method: 'chars/4', tokens: 10 },
});

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
