import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOMAINS } from '../../src/sites/registry.js';
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

  it('a corrupt cache file is rebuilt, not trusted', () => {
    const path = worldDbPath(3, dir);
    writeFileSync(path, 'not a database');
    const loaded = loadWorld(3, DOMAINS, dir);
    expect(loaded.built).toBe(true);
    expect(loaded.world.hash).toBe(buildArenaWorld(3).hash);
  });
});
