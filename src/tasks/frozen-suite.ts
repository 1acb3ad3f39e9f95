import type { BookingTask, Difficulty } from '../core/schemas/task.js';
import { sha256 } from '../core/hash.js';
import { SUITE_MANIFEST_SCHEMA_VERSION, type SuiteManifest } from '../core/schemas/suite-manifest.js';
import { TASK_SCHEMA_VERSION } from '../core/schemas/task.js';
import { WORLD_VERSION } from '../core/version.js';
import type { SiteDefinition } from '../sites/engine/site-definition.js';
import { catalogueFor } from '../sites/registry.js';
import type { World } from '../world/world.js';
import { generateTask } from './generate-task.js';
import { generateManageTask } from './manage-task.js';
import { declaredComponents, taskFeatures, type Feature } from './task-coverage.js';
import { taskSignature } from './task-signature.js';

/** How a frozen suite is drawn: per site, `perTier` tasks of each tier picked from `poolPerTier` draws of each. */
export type SuiteRecipe = {
  name: string;
  seed: number;
  worldSeed: number;
  perTier: number;
  /** Draws per tier (and as many manage draws) the picks are made from. */
  poolPerTier: number;
};

/**
 * `bookingarena-v1`: 12 tasks per site (4 per tier) over every registered site, split test,
 * seed 4021 (no train or dev generation of ours uses it, and generation refuses to coincide
 * with it anyway).
 */
export const BOOKINGARENA_V1: SuiteRecipe = { name: 'bookingarena-v1', seed: 4021, worldSeed: 1, perTier: 4, poolPerTier: 24 };

const TIERS: Difficulty[] = ['easy', 'medium', 'hard'];
const MANAGE_ACTIONS = ['manage:cancel', 'manage:dates', 'manage:travellers'];
const MANAGE_DRAW_LIMIT = 8;

export type SiteSuite = {
  site: string;
  tasks: BookingTask[];
  /** Features the site's draws can exercise (and its definition declares), each covered by some task unless in `missing`. */
  covered: Feature[];
  missing: Feature[];
};

type Draw = { task: BookingTask; features: Feature[]; tier: number; index: number };

/**
 * A site's tasks of the suite: a pure function of the recipe, the site and the world (never of
 * the other sites), so that adding a site adds its lines and leaves every other line as it was.
 *
 * Draws `poolPerTier` tasks of each tier (and as many about existing bookings, where the site
 * manages bookings), then picks: first one task per manage action the site allows (at least
 * two), then, rarest feature first, the earliest draw that covers each feature not yet covered
 * (constraint kinds, flow components, option widgets), then the earliest draws to fill each
 * tier. Tasks come out in tier rotation (easy, medium, hard, easy, ...) with ids
 * `<suite>-<site>-NN`.
 */
export function buildSiteSuite(site: SiteDefinition, world: World, recipe: SuiteRecipe): SiteSuite {
  const catalogue = catalogueFor(site.id);
  const seen = new Set<string>();
  const draws: Draw[] = [];
  const manageDraws: Draw[] = [];
  const add = (task: BookingTask | undefined, into: Draw[], tier: number, index: number) => {
    if (!task) return;
    const sig = taskSignature(task);
    if (seen.has(sig)) return;
    seen.add(sig);
    into.push({ task, features: taskFeatures(task, site, world), tier, index });
  };
  for (let index = 0; index < recipe.poolPerTier; index++) {
    for (const [tier, difficulty] of TIERS.entries()) add(generateTask({ site, catalogue, world, seed: recipe.seed, index, difficulty, split: 'test' }), draws, tier, index);
  }
  // Tasks about existing bookings: drawn on until every action the site allows has come up
  // (a date change that fits the calendar is rare on some sites), at most MANAGE_DRAW_LIMIT times the pool.
  if (site.manage) {
    const allowed = declaredComponents(site).filter((f) => f.startsWith('manage:'));
    const found = () => new Set(manageDraws.flatMap((d) => d.features));
    for (let index = 0; index < recipe.poolPerTier * MANAGE_DRAW_LIMIT; index++) {
      if (index >= recipe.poolPerTier && allowed.every((a) => found().has(a))) break;
      for (const [tier, difficulty] of TIERS.entries()) add(generateManageTask({ site, catalogue, world, seed: recipe.seed, index, difficulty, split: 'test' }), manageDraws, tier, index);
    }
  }
  const reachable = new Set([...draws, ...manageDraws].flatMap((d) => d.features));
  const required = [...new Set([...reachable, ...declaredComponents(site)])].sort();

  const picked: Draw[] = [];
  const room = TIERS.map(() => recipe.perTier);
  const covered = new Set<Feature>();
  const take = (d: Draw) => {
    picked.push(d);
    room[d.tier]!--;
    d.features.forEach((f) => covered.add(f));
  };
  const free = (d: Draw) => room[d.tier]! > 0 && !picked.includes(d);

  // Tasks about existing bookings: one per action the site allows, at least two in all.
  const manageWanted = MANAGE_ACTIONS.filter((a) => reachable.has(a));
  for (const action of manageWanted) {
    const d = manageDraws.find((x) => free(x) && x.features.includes(action) && !covered.has(action));
    if (d) take(d);
  }
  for (const d of manageDraws) if (picked.length < 2 && free(d)) take(d);

  // Then what is still uncovered, rarest first, each by the earliest draw that has it.
  const frequency = (f: Feature) => draws.filter((d) => d.features.includes(f)).length;
  const uncovered = required.filter((f) => !covered.has(f) && frequency(f) > 0).sort((a, b) => frequency(a) - frequency(b) || (a < b ? -1 : 1));
  for (const f of uncovered) {
    if (covered.has(f)) continue;
    const d = draws.find((x) => free(x) && x.features.includes(f));
    if (d) take(d);
  }
  // The rest in draw order, tier by tier.
  for (const d of draws) if (free(d)) take(d);

  const byTier = TIERS.map((_, tier) => picked.filter((d) => d.tier === tier).sort((a, b) => Number(Boolean(a.task.manage)) - Number(Boolean(b.task.manage)) || a.index - b.index));
  const ordered: BookingTask[] = [];
  for (let k = 0; k < recipe.perTier; k++) for (const tier of byTier) if (tier[k]) ordered.push(tier[k]!.task);
  const tasks = ordered.map((t, i) => ({ ...t, id: `${recipe.name}-${site.id}-${String(i + 1).padStart(2, '0')}` }));
  return { site: site.id, tasks, covered: required.filter((f) => covered.has(f)), missing: required.filter((f) => !covered.has(f)) };
}

/** The JSONL lines of a site's tasks, each ending in a newline. */
export function suiteLines(tasks: readonly BookingTask[]): string {
  return tasks.map((t) => `${JSON.stringify(t)}\n`).join('');
}

/** The manifest of a suite file built from these sites' suites (in file order). */
export function suiteManifest(recipe: SuiteRecipe, suites: readonly SiteSuite[], revision: number, command: string): SuiteManifest {
  const text = suites.map((s) => suiteLines(s.tasks)).join('');
  return {
    schemaVersion: SUITE_MANIFEST_SCHEMA_VERSION,
    name: recipe.name,
    revision,
    sha256: sha256(text),
    tasks: suites.reduce((n, s) => n + s.tasks.length, 0),
    recipe: { seed: recipe.seed, worldSeed: recipe.worldSeed, worldVersion: WORLD_VERSION, taskSchemaVersion: TASK_SCHEMA_VERSION, split: 'test', perTier: recipe.perTier, poolPerTier: recipe.poolPerTier },
    sites: Object.fromEntries(suites.map((s) => [s.site, { tasks: s.tasks.length, sha256: sha256(suiteLines(s.tasks)), covered: s.covered, missing: s.missing }])),
    command,
  };
}
