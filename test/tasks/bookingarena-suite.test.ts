import { describe, expect, it } from 'vitest';
import { SITES } from '../../src/sites/registry.js';
import { loadTasks } from '../../src/tasks/task-file.js';
import { testWorld } from '../helpers/test-server.js';

describe('bookingarena-v0', () => {
  const tasks = loadTasks('bookingarena-v0', { world: testWorld() });

  it('is addressable by name, valid and feasible against the world (loadTasks proves each)', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(10 * SITES.length);
  });

  it('has at least 10 tasks of mixed difficulty on every site, all held-out test tasks', () => {
    for (const site of SITES) {
      const mine = tasks.filter((t) => t.site === site.id);
      expect(mine.length, site.id).toBeGreaterThanOrEqual(10);
      expect(new Set(mine.map((t) => t.metadata.difficulty)), site.id).toEqual(new Set(['easy', 'medium', 'hard']));
    }
    expect(tasks.every((t) => t.metadata.split === 'test')).toBe(true);
  });
});
