import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { DatasetRow } from '../../src/core/schemas/dataset.js';
import { emptySiteState, type SiteEpisodeState } from '../../src/core/schemas/episode-state.js';
import { Task as TaskSchema } from '../../src/core/schemas/task.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { demonstration, neededSteps } from '../../src/pipeline/explore/posthoc.js';
import { IDLE_LIMIT, embeddedLabeler, survivors } from '../../src/pipeline/explore/prune.js';
import { summarizeChange } from '../../src/pipeline/explore/state-changes.js';
import type { Checkpoint, ExploreStep } from '../../src/pipeline/explore/types.js';
import { SITES, buildArenaWorld } from '../../src/sites/registry.js';
import { labelState } from '../../src/tasks/hindsight-label.js';
import { bookedState, buildTarget } from '../../src/tasks/target.js';
import type { Target } from '../../src/sites/kit/task-catalogue.js';
import type { World } from '../../src/world/world.js';

let world: World;
beforeAll(() => {
  world = buildArenaWorld(1);
});

function targetFor(siteId: string, i: number): Target {
  const site = SITES.find((s) => s.id === siteId)!;
  for (let k = 0; k < 20; k++) {
    const rng = new Rng(`explore-test/${siteId}/${i}/${k}`);
    const t = buildTarget(site, world, site.exampleSearch(world, rng.fork('search')), rng.fork('target'));
    if (t) return t;
  }
  throw new Error(`no target for ${siteId}`);
}

/** The states of a perfect episode at its stages: searched, selected, details sent, booked. */
function stagesOf(t: Target): { search: SiteEpisodeState; selection: SiteEpisodeState; details: SiteEpisodeState; booked: SiteEpisodeState } {
  const booked = bookedState(t);
  const search: SiteEpisodeState = { ...emptySiteState(t.site.id), search: booked.search, requests: 1 };
  const selection: SiteEpisodeState = { ...search, viewedListingId: booked.viewedListingId, selection: { ...booked.selection!, seq: 2 }, extraItems: booked.extraItems.map((x) => ({ ...x, seq: 2 })) };
  const details: SiteEpisodeState = { ...selection, form: { ...booked.form!, seq: 3 } };
  return { search, selection, details, booked: { ...booked, search: { ...booked.search!, seq: 1 }, selection: { ...booked.selection!, seq: 2 }, form: { ...booked.form!, seq: 3 } } };
}

describe('exact state-change summaries', () => {
  it('name exactly what changed on constructed pairs', () => {
    const t = targetFor('skyhop', 0);
    const s = stagesOf(t);
    const searched = summarizeChange(emptySiteState('skyhop'), s.search);
    expect(searched).toHaveLength(1);
    expect(searched[0]).toMatch(/^Searched with /);
    for (const [k, v] of Object.entries(t.params)) expect(searched[0]).toContain(`${k}=${v}`);
    const selected = summarizeChange(s.search, s.selection);
    expect(selected).toEqual([`Opened listing ${t.listing.id}.`, expect.stringMatching(new RegExp(`^Selected "${t.listing.title.replace(/[()]/g, '.')}" \\(${t.listing.id}\\)`)), ...t.items.map((it) => `Selected "${it.listing.title}" (${it.listing.id}) as the ${it.slot} part.`)]);
    const detailed = summarizeChange(s.selection, s.details);
    expect(detailed).toHaveLength(1);
    expect(detailed[0]).toContain(`${t.travellers[0]!.firstName} ${t.travellers[0]!.lastName}`);
    const booked = summarizeChange(s.details, s.booked);
    expect(booked).toEqual([expect.stringMatching(/^Booked ".*": reference TASK-TARGET, total [\d.]+ \w+\.$/)]);
    // Nothing changed: nothing said.
    expect(summarizeChange(s.booked, s.booked)).toEqual([]);
    // A filter, a sort and a page.
    const filtered: SiteEpisodeState = { ...s.search, search: { ...s.search.search!, filters: { stops: '0' }, sort: 'duration', page: 2, resultCount: 3 } };
    expect(summarizeChange(s.search, filtered)).toEqual(['Filtered stops to 0 (3 results).', 'Sorted the results by duration.', 'Went to page 2 of the results.']);
    const changed: SiteEpisodeState = { ...s.search, search: { ...s.search.search!, params: { ...s.search.search!.params, adults: 3 }, seq: 5 } };
    expect(summarizeChange(s.search, changed)).toEqual([expect.stringMatching(new RegExp(`^Changed the search: adults ${t.params.adults} -> 3 `))]);
  });
});

describe('the embedded hindsight labeler', () => {
  it.each(SITES.map((s) => s.id))('%s: labels every stage with a valid task that holds on the state (CSR 1) and says every constraint', (siteId) => {
    const site = SITES.find((s) => s.id === siteId)!;
    let labeled = 0;
    for (let i = 0; i < 4; i++) {
      const stages = stagesOf(targetFor(siteId, i));
      for (const [stage, state] of Object.entries(stages)) {
        const r = labelState({ site, world, state, id: `t${i}-${stage}`, seed: `${i}` });
        if ('problem' in r) throw new Error(`${siteId} ${stage}: ${r.problem}`);
        labeled++;
        expect(TaskSchema.safeParse(r.task).success).toBe(true);
        expect(evaluate(r.task, state).csr).toBe(1);
        for (const c of r.task.constraints) expect(r.task.instruction).toContain(c.phrase.replace(/[.]$/, ''));
        const booked = r.task.constraints.some((c) => c.kind === 'booked');
        expect(booked).toBe(stage === 'booked');
        if (!booked) expect(r.task.instruction).toMatch(/do not (book|pay)|Only run the search|stop before paying/);
        // Facts of later stages are never asked for earlier.
        const order = ['search', 'selection', 'details', 'booking'];
        const reached = { search: 0, selection: 1, details: 2, booked: 3 }[stage]!;
        for (const c of r.task.constraints) expect(order.indexOf(c.stage)).toBeLessThanOrEqual(reached);
      }
    }
    expect(labeled).toBe(16);
  });

  it('refuses a state that holds nothing to ask for', () => {
    const site = SITES[0]!;
    expect(labelState({ site, world, state: emptySiteState(site.id), id: 'x', seed: 'x' })).toEqual({ problem: 'the episode has not searched, chosen or booked anything', reached: 'nothing' });
    expect(labelState({ site, world, state: undefined, id: 'x', seed: 'x' })).toMatchObject({ reached: 'nothing' });
  });
});

/** A fake exploration: steps whose states walk through the stages, with no-op steps between. */
function fakeSteps(t: Target): ExploreStep[] {
  const s = stagesOf(t);
  const mk = (i: number, url: string, action: string, type: string, state: SiteEpisodeState | null, prev: SiteEpisodeState | null, error: string | null = null): ExploreStep => ({
    index: i,
    url,
    observation: `page ${i}`,
    thought: `original ${i}`,
    action,
    parsed: (type === 'scroll' ? { type: 'scroll', dx: 0, dy: 400 } : type === 'fill' ? { type: 'fill', bid: 'a1', text: 'x' } : { type: 'click', bid: 'b1' }) as ExploreStep['parsed'],
    error,
    state,
    summary: summarizeChange(prev, state),
    summarySource: 'exact',
  });
  const e = emptySiteState(t.site.id);
  return [
    mk(0, 'http://x/', 'click("c1")', 'click', e, null), // cookie banner: needed (the search follows on this page)
    mk(1, 'http://x/', 'fill("a1", "x")', 'fill', e, e),
    mk(2, 'http://x/', 'click("s1")', 'click', s.search, e),
    mk(3, 'http://x/search', 'scroll(0, 400)', 'scroll', s.search, s.search), // not needed
    mk(4, 'http://x/search', 'click("z9")', 'click', s.search, s.search, 'element not found'), // failed
    mk(5, 'http://x/search', 'click("about")', 'click', s.search, s.search), // wandered off
    mk(6, 'http://x/about', 'go_back()', 'click', s.search, s.search),
    mk(7, 'http://x/search', 'click("l1")', 'click', s.selection, s.search),
  ];
}

describe('post-hoc rewriting', () => {
  it('keeps actions unchanged, drops only steps that changed nothing and were not needed, and adds a stop', () => {
    const t = targetFor('skyhop', 1);
    const steps = fakeSteps(t);
    expect(neededSteps(steps)).toEqual([true, true, true, false, false, false, false, true]);
    const site = SITES.find((s) => s.id === 'skyhop')!;
    const labeled = labelState({ site, world, state: steps[7]!.state!, id: 'p', seed: 'p' });
    if ('problem' in labeled) throw new Error(labeled.problem);
    const row = demonstration(labeled.task, steps, { runId: 'r', episodeId: 'e', explorer: 'scripted-explorer', persona: 'p1', ormScore: 5, totalSteps: 8, after: { url: 'http://x/listing', observation: 'after' } });
    expect(DatasetRow.safeParse(row).success).toBe(true);
    expect(row.kind).toBe('explored');
    expect(row.steps.slice(0, -1).map((s) => s.action)).toEqual([steps[0], steps[1], steps[2], steps[7]].map((s) => s!.action));
    expect(row.steps.slice(0, -1).every((s) => !s.synthetic)).toBe(true);
    const stop = row.steps[row.steps.length - 1]!;
    expect(stop).toMatchObject({ synthetic: true, action: 'stop("done")', observation: 'after' });
    // The step that searched says which constraints it met.
    expect(row.steps[2]!.thought).toMatch(/^This meets what was asked: /);
    expect(row.provenance.exploration).toMatchObject({ explorer: 'scripted-explorer', persona: 'p1', pruneDepth: 8, ormScore: 5 });
  });
});

describe('pruning', () => {
  it('stops at the first prefix the reward model rejects, and keeps each new label once', async () => {
    const t = targetFor('staywell', 0);
    const site = SITES.find((s) => s.id === 'staywell')!;
    const steps = fakeSteps(t);
    const label = embeddedLabeler(site, world, 'ep');
    const at4 = await label(steps, 4);
    expect(at4).toMatchObject({ depth: 4, ormScore: 5, passed: true });
    const at8 = await label(steps, 8);
    expect(at8.passed).toBe(true);
    // A prefix with nothing to label yet scores 1 but goes on, until it has changed nothing for IDLE_LIMIT steps.
    const idle = steps.slice(0, 2);
    expect(await label(idle, 2)).toMatchObject({ ormScore: 1, passed: true, task: undefined });
    const idler = Array.from({ length: IDLE_LIMIT }, (_, i) => ({ ...steps[1]!, index: i }));
    const at2 = await label(idler, IDLE_LIMIT);
    expect(at2).toMatchObject({ ormScore: 1, passed: false });
    // A reward model that rejects: the threshold decides.
    const strict = await embeddedLabeler(site, world, 'ep', 5.5)(steps, 4);
    expect(strict.passed).toBe(false);
    const same: Checkpoint = { ...at4, depth: 6 };
    expect(survivors([at2, at4, same, at8]).map((c) => c.depth)).toEqual([4, 8]);
  });
});
