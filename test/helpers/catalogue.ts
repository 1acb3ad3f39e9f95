import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { BookingTask as TaskSchema } from '../../src/core/schemas/task.js';
import { checkConstraint } from '../../src/evaluation/check-constraint.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import type { BookingTask } from '../../src/core/schemas/task.js';
import type { Constraint } from '../../src/core/schemas/task.js';
import { factsOf, uniformFacts, type Facts } from '../../src/evaluation/facts.js';
import type { Choice, Listing, SiteDefinition } from '../../src/sites/engine/site-definition.js';
import type { Candidate, Target, TaskCatalogue } from '../../src/sites/kit/task-catalogue.js';
import { bookedState, buildTarget, resolveTaskTarget, targetOf } from '../../src/tasks/target.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import type { World } from '../../src/world/world.js';
import type { SiteEpisodeState } from '../../src/core/schemas/episode-state.js';
import { buildArenaWorld, catalogueFor, siteById } from '../../src/sites/registry.js';

/** Shared by the per-site catalogue tests. */

/** The tasks the generator makes for `perTier` indexes of each difficulty tier (failures left out). */
export function tierTasks(site: SiteDefinition, world: World, seed: number, perTier = 20): BookingTask[] {
  const catalogue = catalogueFor(site.id);
  const out: BookingTask[] = [];
  for (const difficulty of ['easy', 'medium', 'hard'] as const) {
    for (let index = 0; index < perTier; index++) {
      const task = generateTask({ site, catalogue, world, seed, index, difficulty, split: 'train' });
      if (task) out.push(task);
    }
  }
  return out;
}

/** The target a task names, with exactly its recorded choices, people and add-ons. */
export function targetOfTask(task: BookingTask, site: SiteDefinition, world: World): Target {
  const r = resolveTaskTarget(task, site, world);
  if ('problem' in r) throw new Error(`${task.id}: ${r.problem}`);
  return r.target;
}

/** `n` random targets of the site's own example searches. */
export function exampleTargets(site: SiteDefinition, world: World, n: number, label: string): Target[] {
  const out: Target[] = [];
  for (let i = 0; out.length < n && i < n * 3; i++) {
    const rng = new Rng(`${site.id}-catalogue-test/${label}/${i}`);
    const t = buildTarget(site, world, site.exampleSearch(world, rng.fork('search')), rng.fork('target'));
    if (t) out.push(t);
  }
  return out;
}

/** A candidate as a task would carry it, with its first phrasing. */
export const withPhrase = (c: Candidate): Constraint => ({ ...c.constraint, phrase: c.phrases[0]!.text, templateId: c.phrases[0]!.id }) as Constraint;

/** What the evaluator would see if this listing were selected. */
export const listingFacts = (l: Listing): Facts => uniformFacts(l.attrs);

/**
 * What every generated task must be: valid, 2 to 8 constraints with unique ids, booked among
 * them, its recorded target rebuilt exactly from the inventory, and a booking of it a success.
 */
export function checkGeneratedTask(task: BookingTask, site: SiteDefinition, world: World): { ids: string[]; target: Target } {
  expect(TaskSchema.safeParse(task).success).toBe(true);
  expect(task.constraints.length).toBeGreaterThanOrEqual(2);
  expect(task.constraints.length).toBeLessThanOrEqual(8);
  const ids = task.constraints.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toContain('booked');
  const target = targetOfTask(task, site, world);
  expect(target.attrs).toEqual(task.target.attrs);
  expect(evaluate(task, bookedState(target)).sr).toBe(true);
  return { ids, target };
}

/**
 * For every listing-level candidate of every target: it is a refinement, and `matchesListing`
 * agrees with the evaluator on every listing of the search (it scopes superlatives). `each`
 * sees every candidate first, for a site's own checks. Returns how many pairs were compared.
 */
export function expectListingJudgementsAgree(catalogue: TaskCatalogue, targets: readonly Target[], each?: (c: Candidate) => void): number {
  let compared = 0;
  for (const t of targets) {
    for (const c of catalogue.candidates(t, new Rng('c'))) {
      each?.(c);
      if (!c.matchesListing) continue;
      expect(c.role).toBe('refine');
      for (const l of t.results) {
        expect(c.matchesListing(l), `${c.constraint.id} on ${l.id}`).toBe(checkConstraint(withPhrase(c), listingFacts(l)).satisfied);
        compared++;
      }
    }
  }
  return compared;
}

/**
 * Every superlative of these tasks is right on its own search, checked from scratch: over every
 * bookable option of the target's search (listing and a choice per group) that meets every
 * constraint of its scope, the best value is the superlative's `best`, and the target reaches it.
 * Returns how many superlatives were checked.
 */
export function checkSuperlatives(tasks: readonly BookingTask[], site: SiteDefinition, world: World): number {
  let checked = 0;
  for (const task of tasks) {
    const sup = task.constraints.find((c) => c.kind === 'superlative');
    if (!sup || sup.kind !== 'superlative') continue;
    const target = targetOfTask(task, site, world);
    const scope = { id: 'scope', site: site.id, constraints: task.constraints.filter((c) => sup.scope.includes(c.id)) };
    expect(scope.constraints.length, task.id).toBe(sup.scope.length);
    const values: (number | string)[] = [];
    for (const l of site.search(world, target.params)) {
      const detail = site.detail(world, target.params, l.id);
      if (!detail || detail.listing.soldOut) continue;
      let combos: Choice[][] = [[]];
      for (const g of detail.optionGroups) combos = combos.flatMap((cs) => g.choices.filter((c) => !c.soldOut).map((c) => [...cs, c]));
      for (const choices of combos) {
        const state = bookedState(targetOf(site, world, target.params, target.results, detail, choices.map((choice, i) => ({ groupId: detail.optionGroups[i]!.id, choice, quantity: 1 })), target));
        if (!evaluate(scope, state).sr) continue;
        const v = state.bookings[0]!.attrs[sup.field];
        if (typeof v === 'number' || typeof v === 'string') values.push(v);
      }
    }
    const best = values.reduce((a, b) => ((sup.objective === 'min' ? b < a : b > a) ? b : a));
    expect(sup.best, `${task.id} ${sup.id}`).toBe(best);
    expect(bookedState(target).bookings[0]!.attrs[sup.field], `${task.id}: the target reaches the best`).toBe(best);
    // The target is one of the winners, and the evaluator accepts it.
    expect(sup.winners.some((w) => w.listing === target.listing.id && Object.entries(w.choices).every(([g, id]) => task.target.choices[g] === id)), task.id).toBe(true);
    checked++;
  }
  return checked;
}

/** Every candidate of every target: unique ids, clean phrases (a sentence ends like one), and satisfied by a booking of the target. */
export function expectCandidatesHold(catalogue: TaskCatalogue, targets: readonly Target[]): void {
  for (const t of targets) {
    const cands = catalogue.candidates(t, new Rng('c'));
    const ids = cands.map((c) => c.constraint.id);
    expect(new Set(ids).size).toBe(ids.length);
    const facts = factsOf(bookedState(t));
    for (const c of cands) {
      for (const p of c.phrases) {
        expect(p.text).not.toMatch(/undefined|NaN|\[object/);
        expect(p.form === 'sentence').toBe(/[.!?]$/.test(p.text));
      }
      expect(checkConstraint(withPhrase(c), facts).satisfied, `${c.constraint.id} on ${t.listing.id}`).toBe(true);
    }
  }
}

/** Characters that give away a value gone wrong in generated text. */
export const BROKEN_TEXT = /undefined|NaN|\[object|null/;

/**
 * Every candidate of every target holds for a booking of it (evaluated beside `booked`), names a
 * fact the site's pages show, has a unique id, and comes out the same whatever rng is passed.
 * `each` sees all the targets, then every target with its booked state, then every candidate
 * with its field, for a site's own checks.
 */
export function expectCandidatesShown(site: SiteDefinition, catalogue: TaskCatalogue, targets: readonly Target[], each?: { targets?: (all: readonly Target[]) => void; target?: (t: Target, state: SiteEpisodeState) => void; candidate?: (c: Candidate, field: string) => void }): void {
  each?.targets?.(targets);
  for (const t of targets) {
    const cands = catalogue.candidates(t, new Rng('a'));
    expect(new Set(cands.map((c) => c.constraint.id)).size).toBe(cands.length);
    const state = bookedState(t);
    each?.target?.(t, state);
    for (const c of cands) {
      const e = evaluate({ id: 'c', site: site.id, constraints: [withPhrase(c), { id: 'booked', kind: 'booked', stage: 'booking', phrase: 'Book.' }] }, state);
      expect(e.sr, `${c.constraint.id}: ${JSON.stringify(e.verdicts)}`).toBe(true);
      const field = 'field' in c.constraint ? c.constraint.field : '';
      expect(site.facts.some((f) => f.field === field), field).toBe(true);
      each?.candidate?.(c, field);
    }
    // Deterministic: the same target says the same things.
    expect(catalogue.candidates(t, new Rng('b')).map((c) => c.constraint)).toEqual(cands.map((c) => c.constraint));
  }
}

/**
 * One site's catalogue under test. `world` is the arena world, built in beforeAll: read it inside
 * a test (`ctx.world`), not when tests are declared (so do not destructure it).
 */
export type CatalogueContext = {
  readonly site: SiteDefinition;
  readonly catalogue: TaskCatalogue;
  readonly world: World;
  /** `n` random targets of the site's own example searches (`label` seeds them). */
  targets(n: number, label: string): Target[];
  /** The target a task names, with exactly its recorded choices, people and add-ons. */
  targetOf(task: BookingTask): Target;
  /** The tasks of `perTier` indexes of each tier from `seed` (failures left out). */
  tierTasks(seed: number, perTier?: number): BookingTask[];
};

/** The opening every catalogue test file shares: its site, catalogue and world (built in beforeAll). */
export function catalogueContext(siteId: string): CatalogueContext {
  const site = siteById(siteId);
  let world: World | undefined;
  beforeAll(() => {
    world = buildArenaWorld(1);
  });
  const ctx: CatalogueContext = {
    site,
    catalogue: catalogueFor(siteId),
    get world(): World {
      if (!world) throw new Error('the arena world is built in beforeAll: use ctx.world inside a test or hook');
      return world;
    },
    targets: (n, label) => exampleTargets(site, ctx.world, n, label),
    targetOf: (task) => targetOfTask(task, site, ctx.world),
    tierTasks: (seed, perTier) => tierTasks(site, ctx.world, seed, perTier),
  };
  return ctx;
}

/** Generous ceilings: these sweep dense inventories (seconds idle, minutes on a loaded machine). */
const SWEEP_TIMEOUT = 600_000;

/** What a site's catalogue test file declares; `describeCatalogue` turns it into the shared tests. */
export type CatalogueSpec = {
  /** At least 90% of 60 tasks (20 a tier from `seed`), each valid and feasible (`checkGeneratedTask`), naming `names`, with clean instructions. */
  tasks: {
    seed: number;
    /** The test's title after "makes at least 90% of 60 tasks, ". */
    says: string;
    names: readonly string[];
    each?: (task: BookingTask, made: { ids: string[]; target: Target }, ctx: CatalogueContext) => void;
    /** After every task was checked: all of them, and every constraint id any of them uses. */
    all?: (tasks: readonly BookingTask[], ids: ReadonlySet<string>, ctx: CatalogueContext) => void;
  };
  /**
   * Candidates of `count` example targets: by default `expectCandidatesHold` (satisfied, unique,
   * clean phrases); with `shown`, `expectCandidatesShown` (also a fact the pages show, deterministic).
   */
  candidates: { count: number; label: string; says?: string; shown?: Parameters<typeof expectCandidatesShown>[3] | true };
  /** `matchesListing` agrees with the evaluator over `count` example targets, on more than `compared` listings. */
  listings: { count: number; label: string; compared: number; says?: string; each?: (c: Candidate) => void };
  /** `checkSuperlatives` over the tier tasks of `seeds` (only hard ones with `hardOnly`) checks more than `atLeast`. */
  superlatives?: { seeds: readonly number[]; perTier?: number; hardOnly?: boolean; atLeast: number; says?: string };
};

/**
 * A site's catalogue tests: the shared ones its spec declares, then its own (`more`, given the
 * context), all in one `describe('<site> task catalogue')`.
 */
export function describeCatalogue(siteId: string, spec: CatalogueSpec, more?: (ctx: CatalogueContext) => void): void {
  const ctx = catalogueContext(siteId);
  describe(`${siteId} task catalogue`, () => {
    it(`makes at least 90% of 60 tasks, ${spec.tasks.says}`, () => {
      const made = ctx.tierTasks(spec.tasks.seed);
      const ids = new Set<string>();
      for (const task of made) {
        const checked = checkGeneratedTask(task, ctx.site, ctx.world);
        for (const id of checked.ids) ids.add(id);
        for (const k of spec.tasks.names) expect(checked.ids, task.id).toContain(k);
        expect(task.instruction).not.toMatch(BROKEN_TEXT);
        spec.tasks.each?.(task, checked, ctx);
      }
      expect(made.length).toBeGreaterThanOrEqual(54);
      spec.tasks.all?.(made, ids, ctx);
    }, SWEEP_TIMEOUT);

    const { candidates, listings, superlatives } = spec;
    if (candidates.shown) {
      const each = candidates.shown === true ? undefined : candidates.shown;
      it(candidates.says ?? 'every candidate holds for a booking of its target and names a fact the pages show', () => {
        expectCandidatesShown(ctx.site, ctx.catalogue, ctx.targets(candidates.count, candidates.label), each);
      });
    } else {
      it(candidates.says ?? 'offers only constraints a booking of the target satisfies, with unique ids and clean phrases', () => {
        expectCandidatesHold(ctx.catalogue, ctx.targets(candidates.count, candidates.label));
      });
    }

    it(listings.says ?? 'judges listings the way the evaluator does (matchesListing agrees with checkConstraint on listing facts)', () => {
      expect(expectListingJudgementsAgree(ctx.catalogue, ctx.targets(listings.count, listings.label), listings.each)).toBeGreaterThan(listings.compared);
    });

    if (superlatives) {
      it(superlatives.says ?? 'superlatives are the best over every bookable option that fits', () => {
        const tasks = superlatives.seeds.flatMap((seed) => ctx.tierTasks(seed, superlatives.perTier)).filter((t) => !superlatives.hardOnly || t.metadata.difficulty === 'hard');
        expect(checkSuperlatives(tasks, ctx.site, ctx.world)).toBeGreaterThan(superlatives.atLeast);
      }, SWEEP_TIMEOUT);
    }

    more?.(ctx);
  });
}

/**
 * A refinement redrawn on another listing of the search that meets it is the same or a tighter
 * one (whatever the redrawn one accepts, the first accepts too), so superlative scopes stay
 * right. `missing` says what a refinement not redrawn under its id means on this site; without
 * it, that is a failure.
 */
export function expectRedrawsTighter(ctx: CatalogueContext, targets: readonly Target[], missing?: (c: Candidate) => void): void {
  for (const t of targets) {
    const first = ctx.catalogue.candidates(t, new Rng('first')).filter((c) => c.matchesListing);
    for (const other of t.results) {
      if (other.id === t.listing.id) continue;
      const moved = buildTarget(ctx.site, ctx.world, t.params, new Rng(`moved/${other.id}`), other.id);
      if (!moved) continue;
      const again = new Map(ctx.catalogue.candidates(moved, new Rng('again')).map((c) => [c.constraint.id, c]));
      for (const c of first) {
        if (!c.matchesListing!(moved.listing)) continue;
        const d = again.get(c.constraint.id);
        if (!d) {
          if (missing) missing(c);
          else expect(d, `${c.constraint.id} redrawn on ${other.id}`).toBeDefined();
          continue;
        }
        for (const l of t.results) if (d.matchesListing!(l)) expect(c.matchesListing!(l), `${c.constraint.id}: ${l.id}`).toBe(true);
      }
    }
  }
}
