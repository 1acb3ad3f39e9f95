import { describe, expect, it } from 'vitest';
import type { BookingTask } from '../../src/core/schemas/task.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import type { ChoicePick, SearchParams, SiteDefinition } from '../../src/sites/engine/site-definition.js';
import { catalogueFor, siteById } from '../../src/sites/registry.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import { bookedState, targetOf } from '../../src/tasks/target.js';
import type { World } from '../../src/world/world.js';
import { targetOfTask } from '../helpers/catalogue.js';
import { testWorld } from '../helpers/test-server.js';

/**
 * The superlatives of MediBook (a slot grid: a week of times per practitioner) and Screenly (a
 * seat map: one seat per ticket), proven again from scratch, by brute force: every search the
 * instruction allows (each way-to-search field no scope constraint pins, over all its values),
 * every bookable listing of each, and every way to fill its option groups (every open slot;
 * every set of as many open seats as tickets). Each option is booked and judged by the evaluator
 * against the superlative's scope. The best value found must be the task's `best`, the target
 * must reach it, every winner must reach it, and every option that reaches it must be a winner.
 * (test/helpers/catalogue.ts's check picks one choice per group and the target's own search only,
 * which fits neither a seat map nor a search the instruction leaves open.)
 */
const world = testWorld();

/** k-subsets of `items`, in order. */
function* subsets<T>(items: readonly T[], k: number, from = 0): Generator<T[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= items.length - k; i++) for (const rest of subsets(items, k - 1, i + 1)) yield [items[i]!, ...rest];
}
const choose = (n: number, k: number) => Array.from({ length: k }, (_, i) => (n - i) / (i + 1)).reduce((a, b) => a * b, 1);

/** Every search the instruction allows: the target's, with each unpinned way-to-search field over all its values. */
function allowedSearches(site: SiteDefinition, params: SearchParams, pinned: ReadonlySet<string>): SearchParams[] {
  let out: SearchParams[] = [params];
  for (const f of site.searchFields) {
    if (pinned.has(f.name) || f.userFact) continue;
    const values = f.kind === 'select' || f.kind === 'radio' ? f.options.map((o) => o.value) : f.kind === 'stepper' ? Array.from({ length: f.max - f.min + 1 }, (_, i) => f.min + i) : [];
    if (values.length > 0) out = out.flatMap((p) => values.map((v) => ({ ...p, [f.name]: v })));
  }
  return out.filter((p) => Object.keys(site.validateSearch?.(p) ?? {}).length === 0);
}

/** Every way to fill a listing's option groups: one open choice, or a set of open seats (one per traveller). */
function* fillings(site: SiteDefinition, params: SearchParams, groups: NonNullable<ReturnType<SiteDefinition['detail']>>['optionGroups'], at = 0): Generator<ChoicePick[][]> {
  if (at === groups.length) {
    yield [];
    return;
  }
  const g = groups[at]!;
  const open = g.choices.filter((c) => !c.soldOut);
  const ways: ChoicePick[][] =
    g.pick === 'per-traveller'
      ? [...subsets(open, Math.max(1, site.travellerCount(params)))].map((set) => set.map((choice) => ({ groupId: g.id, choice, quantity: 1 })))
      : open.map((choice) => [{ groupId: g.id, choice, quantity: g.display === 'quantities' ? Math.max(1, site.travellerCount(params)) : 1 }]);
  for (const way of ways) for (const rest of fillings(site, params, groups, at + 1)) yield [way, ...rest];
}

/** How many options a task's allowed searches hold (to keep the brute force to tasks it can finish). */
function optionCount(site: SiteDefinition, searches: readonly SearchParams[]): number {
  let n = 0;
  for (const p of searches)
    for (const l of site.search(world, p)) {
      const d = site.detail(world, p, l.id);
      if (!d || l.soldOut || d.listing.soldOut) continue;
      n += d.optionGroups.reduce((m, g) => m * (g.pick === 'per-traveller' ? choose(g.choices.filter((c) => !c.soldOut).length, Math.max(1, site.travellerCount(p))) : g.choices.filter((c) => !c.soldOut).length), 1);
    }
  return n;
}

function proveAgain(task: BookingTask, site: SiteDefinition, w: World): void {
  const sup = task.constraints.find((c) => c.kind === 'superlative');
  if (!sup || sup.kind !== 'superlative') throw new Error('no superlative');
  const scope = { id: 'scope', site: site.id, constraints: task.constraints.filter((c) => sup.scope.includes(c.id)) };
  expect(scope.constraints.length, task.id).toBe(sup.scope.length);
  const target = targetOfTask(task, site, w);
  const pinned = new Set(scope.constraints.flatMap((c) => ('field' in c && c.stage === 'search' ? [c.field] : [])));
  const better = (a: number | string, b: number | string) => (sup.objective === 'min' ? a < b : a > b);
  let best: number | string | undefined;
  // Every option that fits the scope, with the ids it picked per group ("7C+7D" for seats).
  const fitting: { listing: string; picked: Record<string, string>; value: number | string }[] = [];
  for (const params of allowedSearches(site, target.params, pinned)) {
    const results = site.search(w, params);
    for (const l of results) {
      const detail = site.detail(w, params, l.id);
      if (!detail || l.soldOut || detail.listing.soldOut) continue;
      for (const byGroup of fillings(site, params, detail.optionGroups)) {
        const state = bookedState(targetOf(site, w, params, results, detail, byGroup.flat(), target));
        const v = state.bookings[0]!.attrs[sup.field];
        if ((typeof v !== 'number' && typeof v !== 'string') || (best !== undefined && better(best, v))) continue;
        if (!evaluate(scope, state).sr) continue;
        if (best === undefined || better(v, best)) best = v;
        fitting.push({ listing: l.id, picked: Object.fromEntries(byGroup.map((picks) => [picks[0]!.groupId, picks.map((p) => p.choice.id).join('+')])), value: v });
      }
    }
  }
  expect(best, `${task.id}: something fits the scope`).toBeDefined();
  expect(sup.best, `${task.id} ${sup.id}: the best over every allowed search and option`).toBe(best);
  expect(bookedState(target).bookings[0]!.attrs[sup.field], `${task.id}: the target reaches the best`).toBe(best);
  const reaching = fitting.filter((o) => o.value === best);
  const covers = (wn: (typeof sup.winners)[number], o: (typeof reaching)[number]) => wn.listing === o.listing && Object.entries(wn.choices).every(([g, id]) => o.picked[g] === id);
  for (const wn of sup.winners) expect(reaching.some((o) => covers(wn, o)), `${task.id}: winner ${JSON.stringify(wn)} reaches the best`).toBe(true);
  for (const o of reaching) expect(sup.winners.some((wn) => covers(wn, o)), `${task.id}: ${o.listing} ${JSON.stringify(o.picked)} reaches the best but is not a winner`).toBe(true);
}

/** Superlative tasks of the site (medium and hard, several seeds), at most `limit` options each. */
function superlativeTasks(site: SiteDefinition, limit: number, want: number): BookingTask[] {
  const out: BookingTask[] = [];
  for (const seed of [7, 8, 9, 10]) {
    for (const difficulty of ['medium', 'hard'] as const) {
      for (let index = 0; index < 20 && out.length < want; index++) {
        const t = generateTask({ site, catalogue: catalogueFor(site.id), world, seed, index, difficulty, split: 'dev' });
        const sup = t?.constraints.find((c) => c.kind === 'superlative');
        if (!t || !sup || sup.kind !== 'superlative') continue;
        const pinned = new Set(t.constraints.filter((c) => sup.scope.includes(c.id)).flatMap((c) => ('field' in c && c.stage === 'search' ? [c.field] : [])));
        if (optionCount(site, allowedSearches(site, t.target.params, pinned)) <= limit) out.push(t);
      }
    }
  }
  return out;
}

describe('superlatives proven again by brute force', () => {
  it('medibook: every open slot of every practitioner of every allowed search', () => {
    const site = siteById('medibook');
    const tasks = superlativeTasks(site, 20_000, 16);
    expect(tasks.length).toBe(16);
    expect(new Set(tasks.map((t) => t.constraints.find((c) => c.kind === 'superlative')!.id)).size, 'earliest, latest, best rated and cheapest all checked').toBe(4);
    for (const t of tasks) proveAgain(t, site, world);
  });

  it('screenly: every set of open seats (one per ticket) of every showing of every allowed search', () => {
    const site = siteById('screenly');
    // Sampled by size: tasks whose searches hold at most 60,000 seat sets (two or three tickets, or a small hall).
    const tasks = superlativeTasks(site, 60_000, 10);
    expect(tasks.length).toBe(10);
    expect(tasks.some((t) => Number(t.target.params.tickets) >= 2), 'a task of several tickets').toBe(true);
    for (const t of tasks) proveAgain(t, site, world);
  });
});
