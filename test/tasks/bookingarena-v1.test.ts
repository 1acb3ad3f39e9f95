import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/core/hash.js';
import { SITES, siteById } from '../../src/sites/registry.js';
import { BOOKINGARENA_V1, buildSiteSuite, suiteLines } from '../../src/tasks/frozen-suite.js';
import { generateTasks } from '../../src/tasks/generate-batch.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import { lintTask } from '../../src/tasks/lint-instruction.js';
import { SUITES, heldOutSignatures, loadBookingTasks, loadTasks, manifestPathOf, readSuiteManifest } from '../../src/tasks/task-file.js';
import { declaredComponents, taskFeatures } from '../../src/tasks/task-coverage.js';
import { taskSignature } from '../../src/tasks/task-signature.js';
import { testWorld } from '../helpers/test-server.js';

const root = mkdtempSync(join(tmpdir(), 'wf-v1suite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every kind of constraint a booking task can have (core/schemas/task.ts). */
const BOOKING_KINDS = ['addon', 'booked', 'count', 'date_window', 'details', 'exact', 'range', 'set', 'superlative', 'time_window'];

const world = testWorld();
const path = SUITES['bookingarena-v1']!;
const manifest = readSuiteManifest(path)!;
// loadTasks checks the file against its manifest's hash, validates every line and proves every task feasible on the world.
const tasks = loadBookingTasks('bookingarena-v1', { world });
const bySite = (id: string) => tasks.filter((t) => t.site === id);
// The file's own lines of a site (parsing orders keys by the schema, so hashes are taken on the raw lines).
const text = readFileSync(path, 'utf8');
const rawLines = (id: string) => text.split('\n').filter((l) => l !== '' && (JSON.parse(l) as { site: string }).site === id).map((l) => `${l}\n`).join('');

describe('bookingarena-v1: the frozen suite', () => {
  it('loads by name, valid, feasible, and byte for byte what its manifest recorded', () => {
    expect(manifest.name).toBe('bookingarena-v1');
    expect(sha256(text)).toBe(manifest.sha256);
    expect(tasks).toHaveLength(manifest.tasks);
    // Each site's lines are a block of the file with its own recorded hash, in the manifest's order.
    expect(Object.keys(manifest.sites).map(rawLines).join('')).toBe(text);
    for (const [site, m] of Object.entries(manifest.sites)) expect(sha256(rawLines(site)), site).toBe(m.sha256);
  });

  it('has 12 tasks on every registered site, 4 per tier, all held-out test tasks of its recipe', () => {
    for (const site of SITES) {
      const mine = bySite(site.id);
      expect(mine, site.id).toHaveLength(12);
      for (const tier of ['easy', 'medium', 'hard']) expect(mine.filter((t) => t.metadata.difficulty === tier), `${site.id} ${tier}`).toHaveLength(4);
    }
    expect(Object.keys(manifest.sites).sort()).toEqual(SITES.map((s) => s.id).sort());
    expect(tasks.every((t) => t.metadata.split === 'test' && t.metadata.seed === BOOKINGARENA_V1.seed && t.metadata.worldSeed === 1)).toBe(true);
    expect(new Set(tasks.map(taskSignature)).size).toBe(tasks.length);
  });

  it('covers every constraint kind, every flow component each site declares, and manage tasks on every site that manages bookings', () => {
    const kinds = new Set(tasks.flatMap((t) => t.constraints.map((c) => c.kind)));
    expect([...kinds].sort()).toEqual(BOOKING_KINDS);
    for (const site of SITES) {
      const covered = new Set(bySite(site.id).flatMap((t) => taskFeatures(t, site, world)));
      expect(declaredComponents(site).filter((f) => !covered.has(f)), site.id).toEqual([]);
      // What the build found reachable on the site is covered, and the manifest says so.
      expect(manifest.sites[site.id]!.missing, site.id).toEqual([]);
      expect([...covered].sort(), site.id).toEqual(manifest.sites[site.id]!.covered);
      if (site.manage) expect(bySite(site.id).filter((t) => t.manage).length, site.id).toBeGreaterThanOrEqual(2);
    }
  });

  it("a site's tasks depend on the recipe, the site and the world only: rebuilt alone, they are the file's lines", () => {
    for (const id of ['forkful', 'medibook']) {
      const rebuilt = buildSiteSuite(siteById(id), world, BOOKINGARENA_V1);
      expect(suiteLines(rebuilt.tasks), id).toBe(rawLines(id));
    }
  }, 600_000);

  it('reads well: the instruction linter finds nothing in any of its tasks', () => {
    expect(tasks.flatMap((t) => lintTask(t).map((f) => `${t.id} ${f.rule}: ${f.message}`))).toEqual([]);
  });

  it('is refused when its file no longer matches the recorded hash', () => {
    const copy = join(root, 'bookingarena-v1.jsonl');
    copyFileSync(manifestPathOf(path), manifestPathOf(copy));
    writeFileSync(copy, readFileSync(path, 'utf8').replace('"easy"', '"hard"'));
    expect(() => loadTasks(copy)).toThrow(/does not match the hash recorded in .*bookingarena-v1\.manifest\.json.*the frozen suite was changed/);
  });
});

describe('bookingarena-v1 never overlaps train or dev generation', () => {
  it('every shipped suite is excluded by generateTasks itself', () => {
    const held = heldOutSignatures();
    for (const t of [...tasks, ...loadTasks('bookingarena-v0')]) expect(held.has(taskSignature(t))).toBe(true);
  });

  it("train and dev batches drawn with the suite's own seed, where plain draws do coincide with it, never produce one of its tasks", () => {
    const mine = new Set(tasks.map(taskSignature));
    for (const id of ['forkful', 'tourbase', 'glowly']) {
      const site = siteById(id);
      // Without the exclusion, the same seed draws the suite's tasks again: the check below could fail.
      const plain = [0, 1, 2, 3, 4, 5].flatMap((index) => (['easy', 'medium', 'hard'] as const).map((difficulty) => generateTask({ site, catalogue: site.tasks, world, seed: BOOKINGARENA_V1.seed, index, difficulty, split: 'train' })));
      expect(plain.some((t) => t && mine.has(taskSignature(t))), id).toBe(true);
      for (const split of ['train', 'dev'] as const) {
        const made = generateTasks({ sites: [site], count: 18, seed: BOOKINGARENA_V1.seed, split, world });
        expect(made.filter((t) => mine.has(taskSignature(t))).map((t) => t.id), `${id} ${split}`).toEqual([]);
      }
    }
  }, 600_000);
});
