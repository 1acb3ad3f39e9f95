import { describe, expect, it } from 'vitest';
import { SITES } from '../../src/sites/registry.js';
import { loadTasks } from '../../src/tasks/task-file.js';
import { testWorld } from '../helpers/test-server.js';

/** The sites bookingarena-v0 was made for; the sites added since join the v1 suite. */
const V0_SITES = ['skyhop', 'staywell', 'forkful', 'wheelo', 'ticketnest', 'railgo'];

describe('bookingarena-v0', () => {
  const tasks = loadTasks('bookingarena-v0', { world: testWorld() });
  const v0 = SITES.filter((s) => V0_SITES.includes(s.id));

  it('is addressable by name, valid and feasible against the world (loadTasks proves each)', () => {
    expect(v0).toHaveLength(V0_SITES.length);
    expect(tasks.length).toBeGreaterThanOrEqual(10 * v0.length);
  });

  it('has at least 10 tasks of mixed difficulty on every site, all held-out test tasks', () => {
    for (const site of v0) {
      const mine = tasks.filter((t) => t.site === site.id);
      expect(mine.length, site.id).toBeGreaterThanOrEqual(10);
      expect(new Set(mine.map((t) => t.metadata.difficulty)), site.id).toEqual(new Set(['easy', 'medium', 'hard']));
    }
    expect(tasks.every((t) => t.metadata.split === 'test')).toBe(true);
  });
});
