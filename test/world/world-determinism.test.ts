import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOMAINS, PARTITIONED } from '../../src/sites/registry.js';
import { loadWorld, worldDbPath } from '../../src/world/world-store.js';
import { testWorld } from '../helpers/test-server.js';
import { buildArenaWorld } from '../../src/sites/registry.js';

const dir = mkdtempSync(join(tmpdir(), 'wf-world-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one deterministic world per seed', () => {
  it('the same seed gives the same inventory hash; another seed gives another', () => {
    const a = testWorld();
    const b = buildArenaWorld(1);
    const c = buildArenaWorld(2);
    expect(b.hash).toBe(a.hash);
    expect(c.hash).not.toBe(a.hash);
    for (const d of DOMAINS) expect(b.all(d)).toEqual(a.all(d));
  });

  it('every row of every domain passes its schema and ids are unique', () => {
    const w = testWorld();
    for (const d of DOMAINS) {
      const rows = w.all(d);
      expect(rows.length, d.key).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.id)).size, d.key).toBe(rows.length);
      for (const r of rows) d.schema.parse(r);
    }
  });

  it('the SQLite cache is built on first load and read back identically', () => {
    const first = loadWorld(1, DOMAINS, dir);
    expect(first.built).toBe(true);
    const second = loadWorld(1, DOMAINS, dir);
    expect(second.built).toBe(false);
    expect(second.world.hash).toBe(first.world.hash);
    expect(second.world.hash).toBe(testWorld().hash);
    for (const d of DOMAINS) expect(second.world.all(d)).toEqual(testWorld().all(d));
  });

  it('inventory made on demand is the same from a built and a cached world, valid, and found by id', () => {
    expect(PARTITIONED.map((d) => d.key).sort()).toEqual(['flights', 'trains']);
    const cached = loadWorld(1, DOMAINS, dir).world;
    const other = buildArenaWorld(2);
    for (const d of PARTITIONED) {
      const parents = testWorld().all(d.parent);
      expect(parents.length, d.key).toBeGreaterThan(0);
      let made = 0;
      for (const parent of parents.filter((_, i) => i % 7 === 0)) {
        for (const key of d.keysOf(parent).filter((_, i) => i % 11 === 0)) {
          const rows = testWorld().rowsOf(d, parent.id, key);
          expect(cached.rowsOf(d, parent.id, key)).toEqual(rows);
          for (const r of rows) {
            d.schema.parse(r);
            expect(d.locate(r.id)).toEqual({ parentId: parent.id, key });
            expect(cached.find(d, r.id)).toEqual(r);
          }
          expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
          made += rows.length;
        }
      }
      expect(made, d.key).toBeGreaterThan(100);
      // Another seed, other rows (the stream is the world's, not a constant).
      const p = other.all(d.parent)[0]!;
      const k = d.keysOf(p)[5]!;
      if (testWorld().find(d.parent, p.id)) expect(other.rowsOf(d, p.id, k)).not.toEqual(testWorld().rowsOf(d, p.id, k));
    }
  });

  it('a corrupt cache file is rebuilt, not trusted', () => {
    const path = worldDbPath(3, dir);
    writeFileSync(path, 'not a database');
    const loaded = loadWorld(3, DOMAINS, dir);
    expect(loaded.built).toBe(true);
    expect(loaded.world.hash).toBe(buildArenaWorld(3).hash);
  });
});
