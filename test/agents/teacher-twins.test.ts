import { describe, expect, it } from 'vitest';
import { makePlan } from '../../src/agents/scripted/plan.js';
import { ScriptedTeacher } from '../../src/agents/scripted/scripted-teacher.js';
import { applySort } from '../../src/sites/engine/results.js';
import { selectLinkName } from '../../src/sites/engine/views/results-page.js';
import { siteById } from '../../src/sites/registry.js';
import { loadBookingTasks } from '../../src/tasks/task-file.js';
import { fakeObservation } from '../helpers/fake-observation.js';
import { testWorld } from '../helpers/test-server.js';

/**
 * How the teacher tells apart result listings with the same accessible name when they never share
 * a viewport (issue 21: bookingarena-v1-wheelo-07, page 4 lists "Renault Trafic Passenger or
 * similar — Van / people carrier · Sunroad (7.3/10)" twice, about 1,000 px apart): by bid order,
 * which is document order, over the viewports seen on the page. The observations here are
 * written as the env writes them (`[bid] role "name"`); `bookingarena-v1-teacher.test.ts` runs
 * the same task in Chromium.
 */
const world = testWorld();
const site = siteById('wheelo');
const task = loadBookingTasks('bookingarena-v1').find((t) => t.id === 'bookingarena-v1-wheelo-07')!;
const URL4 = 'http://wheelo.localhost:8080/search?pickupLocation=berlin-airport&pickupDate=2026-06-24&pickupTime=09%3A30&dropoffDate=2026-06-27&dropoffTime=09%3A30&driverAge=32&sort=recommended&page=4';

/** The planned car's link name, how many cars of its page share it, and which of them it is. */
function twinCase() {
  const plan = makePlan(task, site, world, 0, 1);
  const sorted = applySort(site.search(world, plan.params), site.sorts[0]!);
  const index = sorted.findIndex((l) => l.id === plan.listingId);
  const size = site.layout.pageSize;
  expect(Math.floor(index / size) + 1).toBe(4);
  const onPage = sorted.slice(3 * size, 4 * size);
  const name = selectLinkName(site, sorted[index]!);
  const twins = onPage.filter((l) => selectLinkName(site, l) === name);
  return { name, count: twins.length, k: twins.findIndex((l) => l.id === plan.listingId) };
}

describe('scripted teacher: same-named results out of one viewport', () => {
  const { name, count, k } = twinCase();
  // Bids in page order, as the env numbers them (the first car's link comes first in the document).
  const bids = ['180', '276'];
  const other = bids[1 - k]!;
  const view = (shown: string[], y: number, url = URL4) =>
    fakeObservation({
      url,
      axtree: ['[104] region "Results"', '  [106] list', ...shown.map((b) => `    [${b}] link ${JSON.stringify(name)}`)].join('\n'),
      scroll: { x: 0, y, viewportWidth: 1280, viewportHeight: 720, pageWidth: 1280, pageHeight: 3351 },
    });
  const fresh = () => {
    const t = new ScriptedTeacher(world, 0);
    t.begin(task, 1);
    return t;
  };
  const step = async (t: ScriptedTeacher, o: ReturnType<typeof view>) => (await t.act({ task, observation: o, history: [] })).action;

  it('the case holds: the planned car has exactly one twin on page 4', () => {
    expect(count).toBe(2);
    expect(k).toBeGreaterThanOrEqual(0);
  });

  it('both in view: picks by their order on the page', async () => {
    expect(await step(fresh(), view(bids, 0))).toBe(`click("${bids[k]}")`);
  });

  it('seen one at a time: scrolls until both were seen, then picks by bid order', async () => {
    const t = fresh();
    // One twin alone says nothing about which it is: scroll on.
    expect(await step(t, view([other], 500))).toMatch(/^scroll\(0, \d+\)$/);
    expect(await step(t, view([bids[k]!], 1100))).toBe(`click("${bids[k]}")`);
  });

  it('the planned one seen first: comes back to it once the other was seen', async () => {
    const t = fresh();
    expect(await step(t, view([bids[k]!], 500))).toMatch(/^scroll\(/);
    // The other seen: the planned one is known but out of view, so scroll (here back to the top).
    expect(await step(t, view([other], 2631))).toBe('scroll(0, -2631)');
    expect(await step(t, view([bids[k]!], 500))).toBe(`click("${bids[k]}")`);
  });

  it('forgets what it saw on another address (another document numbers its own bids)', async () => {
    const t = fresh();
    expect(await step(t, view([other], 500))).toMatch(/^scroll\(/);
    expect(await step(t, view([bids[k]!], 1100, `${URL4}#results`))).toMatch(/^scroll\(/);
  });
});
