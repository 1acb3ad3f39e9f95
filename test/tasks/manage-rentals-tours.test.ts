import { describe, expect, it } from 'vitest';
import { ScriptedTeacher } from '../../src/agents/scripted/scripted-teacher.js';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import type { Booking } from '../../src/core/schemas/episode-state.js';
import { Task, type BookingTask } from '../../src/core/schemas/task.js';
import { cancelBooking, cancellationTerms, changeDates, paramsOfBooking } from '../../src/sites/engine/manage-actions.js';
import type { SiteDefinition } from '../../src/sites/engine/site-definition.js';
import { runEpisode } from '../../src/rollout/run-episode.js';
import { siteBackend } from '../../src/rollout/site-backend.js';
import { catalogueFor, siteById } from '../../src/sites/registry.js';
import { checkFeasible } from '../../src/tasks/feasibility.js';
import { generateTasks } from '../../src/tasks/generate-batch.js';
import { fixtureBookings, generateManageTask, manageRequestOf, type ManageRequest } from '../../src/tasks/manage-task.js';
import { sharedBrowser } from '../helpers/browser.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * "My bookings" policies of TourBase (tickets) and Nestaway (holiday rentals): their generated
 * tasks include manage tasks, every fifth as on Staywell and MediBook, each feasible under the
 * policy, and the scripted teacher does each action at noise 0 in Chromium.
 */
const world = testWorld();
const getServer = useTestServer({ browser: true });
const SITE_IDS = ['tourbase', 'nestaway'] as const;
const ok = <T,>(x: T | string): T => {
  if (typeof x === 'string') throw new Error(x);
  return x;
};

/** The first manage task of each action, drawn as the batch draws them. */
function byAction(site: SiteDefinition): Map<ManageRequest['action'], BookingTask> {
  const out = new Map<ManageRequest['action'], BookingTask>();
  for (let index = 0; index < 400 && out.size < 3; index++) {
    const t = generateManageTask({ site, catalogue: catalogueFor(site.id), world, seed: 5, index, difficulty: (['easy', 'medium', 'hard'] as const)[index % 3]!, split: 'dev' });
    const a = t && manageRequestOf(t, site)?.action;
    if (t && a && !out.has(a)) out.set(a, t);
  }
  return out;
}

describe('manage-booking policies of TourBase and Nestaway', () => {
  for (const id of SITE_IDS) {
    it(`${id}: every fifth generated task is about a booking the user has, valid and feasible`, () => {
      const site = siteById(id);
      const tasks = generateTasks({ sites: [site], count: 15, seed: 2026, split: 'dev', world });
      expect(tasks.map((t, i) => (t.manage ? i : -1)).filter((i) => i >= 0)).toEqual([4, 9, 14]);
      for (const t of tasks.filter((x) => x.manage)) {
        expect(Task.safeParse(t).success).toBe(true);
        expect(checkFeasible(t, world), t.id).toBeUndefined();
        expect(t.instruction).toContain(t.manage!.subject);
      }
    });
  }

  it('nestaway: a non-refundable stay keeps the whole price and cannot move; the standard rate follows the host (free before its deadline, then the first night or half)', () => {
    const site = siteById('nestaway');
    const bookings = [...byAction(site).values()].flatMap((t) => ok(fixtureBookings(t, site, world)));
    const base = bookings.find((b) => b.attrs.rate !== 'non-refundable')!;
    expect(base).toBeDefined();
    const as = (attrs: Partial<Booking['attrs']>): Booking => ({ ...base, attrs: { ...base.attrs, ...attrs } as Booking['attrs'] });
    const nonref = as({ rate: 'non-refundable' });
    expect(ok(cancelBooking(site, nonref, 1)).cancellation).toEqual({ seq: 1, fee: base.price.total, refund: 0 });
    expect(changeDates(site, world, nonref, paramsOfBooking(site, nonref), 1)).toBe('The dates of this booking cannot be changed.');
    // WORLD_TODAY is 2026-06-01: 20 days ahead is free under every host; 3 days ahead is past a moderate (5) or strict (14) deadline.
    expect(ok(cancellationTerms(site, as({ rate: 'standard', cancellation: 'strict', date: '2026-06-21' }))).fee).toBe(0);
    expect(ok(cancellationTerms(site, as({ rate: 'standard', cancellation: 'flexible', date: '2026-06-04' }))).fee).toBe(0);
    expect(ok(cancellationTerms(site, as({ rate: 'standard', cancellation: 'moderate', date: '2026-06-04', nightlyRate: 80 }))).fee).toBe(Math.min(80, base.price.total));
    expect(ok(cancellationTerms(site, as({ rate: 'standard', cancellation: 'strict', date: '2026-06-04' }))).fee).toBe(Math.round(base.price.total * 50) / 100);
  });

  it('tourbase: tickets without free cancellation keep the whole price and cannot move; with it, free until 24 hours before', () => {
    const site = siteById('tourbase');
    const bookings = [...byAction(site).values()].flatMap((t) => ok(fixtureBookings(t, site, world)));
    const base = bookings[0]!;
    const as = (attrs: Partial<Booking['attrs']>): Booking => ({ ...base, attrs: { ...base.attrs, ...attrs } as Booking['attrs'] });
    const fixed = as({ features: ['skip-the-line'], date: '2026-06-20' });
    expect(ok(cancellationTerms(site, fixed)).fee).toBe(base.price.total);
    expect(site.manage!.dateChange(fixed).allowed).toBe(false);
    const free = as({ features: ['free-cancellation'], date: '2026-06-20' });
    expect(ok(cancellationTerms(site, free)).fee).toBe(0);
    expect(site.manage!.dateChange(free).allowed).toBe(true);
    // The next morning is less than 24 hours away (the world's now is noon on 2026-06-01).
    expect(ok(cancellationTerms(site, as({ features: ['free-cancellation'], date: '2026-06-02', startTime: '10:00' }))).fee).toBe(base.price.total);
    expect(typeof cancellationTerms(site, as({ date: '2026-06-01', startTime: '09:00' }))).toBe('string');
  });

  for (const id of SITE_IDS) {
    it(`${id}: the scripted teacher cancels, moves and renames through "My bookings" at noise 0`, async () => {
      const site = siteById(id);
      const tasks = byAction(site);
      expect([...tasks.keys()].sort()).toEqual(['cancel', 'dates', 'travellers']);
      const env = new BrowserEnv({ browser: await sharedBrowser(), backend: siteBackend(getServer()) });
      try {
        for (const [action, task] of tasks) {
          const t = await runEpisode({ env, policy: new ScriptedTeacher(world, 0), task, episodeId: `manage-${id}-${action}`, episodeSeed: 1, maxSteps: 30 });
          expect(t.end.evaluation.sr, `${task.id} ${action}: ${task.instruction}`).toBe(true);
          const state = t.steps.at(-1)!.state!;
          const subject = state.bookings.find((b) => b.reference === task.manage!.subject)!;
          if (action === 'cancel') expect(subject.status).toBe('cancelled');
          else expect(subject.changes.map((c) => c.kind)).toEqual([action]);
          expect(state.bookings.filter((b) => b.origin === 'episode')).toEqual([]);
        }
      } finally {
        await env.close();
      }
    }, 300_000);
  }
});
