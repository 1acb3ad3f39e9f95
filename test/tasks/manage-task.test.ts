import { describe, expect, it } from 'vitest';
import { ScriptedTeacher } from '../../src/agents/scripted/scripted-teacher.js';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import type { Booking, SiteEpisodeState } from '../../src/core/schemas/episode-state.js';
import { BookingTask } from '../../src/core/schemas/task.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { cancelBooking, changeDates, changeTravellers, paramsOfBooking } from '../../src/sites/engine/manage-actions.js';
import { runEpisode } from '../../src/rollout/run-episode.js';
import { siteBackend } from '../../src/rollout/site-backend.js';
import { catalogueFor, siteById } from '../../src/sites/registry.js';
import { checkFeasible } from '../../src/tasks/feasibility.js';
import { generateTasks } from '../../src/tasks/generate-batch.js';
import { fixtureBookings, manageRequestOf } from '../../src/tasks/manage-task.js';
import { sharedBrowser } from '../helpers/browser.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

const world = testWorld();
const site = siteById('staywell');
// Every fifth task of a batch is a manage task; which action each one asks is drawn, and a move
// needs a flexible rate free on the new dates, so batches are drawn until each action is there.
const batches = [11, 13, 17, 19].map((seed) => generateTasks({ sites: [site], count: 60, seed, split: 'dev', world }));
const tasks = batches.flatMap((b) => b.filter((t) => t.manage));
const ofAction = (a: 'cancel' | 'dates' | 'travellers') => tasks.find((t) => manageRequestOf(t, site)?.action === a)!;
const getServer = useTestServer({ browser: true });

/** The site's state with the task's fixtures, the subject replaced by what `change` makes of it. */
function stateWith(task: BookingTask, change: (subject: Booking, all: Booking[]) => Booking[]): SiteEpisodeState {
  const bookings = fixtureBookings(task, site, world);
  if (typeof bookings === 'string') throw new Error(bookings);
  const subject = bookings.find((b) => b.reference === task.manage!.subject)!;
  return { siteId: site.id, search: null, viewedListingId: null, selection: null, extraItems: [], form: null, cart: null, account: null, payments: [], bookings: change(subject, bookings), requests: 5 };
}
const ok = <T,>(x: T | string): T => {
  if (typeof x === 'string') throw new Error(x);
  return x;
};
const replace = (all: Booking[], b: Booking) => all.map((x) => (x.reference === b.reference ? b : x));
const verdict = (task: BookingTask, state: SiteEpisodeState, id: string) => evaluate(task, state).verdicts.find((v) => v.id === id)!.satisfied;

describe('tasks about a booking the user already has', () => {
  it('are drawn on a site with a manage policy: every fifth task, each action, valid and feasible, the subject among the fixtures', () => {
    for (const b of batches) expect(b.filter((t) => t.manage).length).toBe(12);
    expect(new Set(tasks.map((t) => manageRequestOf(t, site)!.action))).toEqual(new Set(['cancel', 'dates', 'travellers']));
    for (const t of tasks) {
      expect(BookingTask.safeParse(t).success).toBe(true);
      expect(checkFeasible(t, world)).toBeUndefined();
      expect(t.manage!.fixtures.map((f) => f.reference)).toContain(t.manage!.subject);
      // The instruction names the booking by its reference, as a customer quoting it would.
      expect(t.instruction).toContain(t.manage!.subject);
    }
    // No manage tasks on a site without a policy.
    expect(generateTasks({ sites: [siteById('forkful')], count: 10, seed: 11, split: 'dev', world }).some((t) => t.manage)).toBe(false);
    expect(catalogueFor('staywell')).toBeDefined();
  });

  it('cancel: judged on the subject as it stands, not on the other booking and not on an untouched one', () => {
    const t = ofAction('cancel');
    const done = stateWith(t, (s, all) => replace(all, ok(cancelBooking(site, s, 3))));
    expect(evaluate(t, done).sr).toBe(true);
    const untouched = stateWith(t, (_s, all) => all);
    expect(verdict(t, untouched, 'cancelled')).toBe(false);
    expect(evaluate(t, untouched).sr).toBe(false);
    // Cancelling the user's other booking leaves the one asked about confirmed.
    const other = tasks.find((x) => manageRequestOf(x, site)?.action === 'cancel' && x.manage!.fixtures.length === 2)!;
    expect(other).toBeDefined();
    const wrong = stateWith(other, (s, all) => all.map((b) => (b.reference === s.reference ? b : ok(cancelBooking(site, b, 3)))));
    expect(verdict(other, wrong, 'cancelled')).toBe(false);
  });

  it('dates: the new dates exactly; a day off, or moving then cancelling, fails as a person would judge it', () => {
    const t = ofAction('dates');
    const want = manageRequestOf(t, site) as { dates: Record<string, string> };
    const move = (s: Booking, dates: Record<string, string>) => ok(changeDates(site, world, s, { ...paramsOfBooking(site, s), ...dates }, 3));
    expect(evaluate(t, stateWith(t, (s, all) => replace(all, move(s, want.dates)))).sr).toBe(true);
    const checkIn = want.dates.checkIn!;
    const shifted = { checkIn: new Date(Date.parse(checkIn) + 86_400_000).toISOString().slice(0, 10), checkOut: want.dates.checkOut! };
    const offByOne = stateWith(t, (s, all) => {
      const r = changeDates(site, world, s, { ...paramsOfBooking(site, s), ...shifted }, 3);
      return typeof r === 'string' ? all : replace(all, r);
    });
    expect(verdict(t, offByOne, 'new-date')).toBe(false);
    const thenCancelled = stateWith(t, (s, all) => replace(all, ok(cancelBooking(site, move(s, want.dates), 4))));
    expect(verdict(t, thenCancelled, 'kept')).toBe(false);
  });

  it('names: the lead traveller renamed; a first name alone is half of it', () => {
    const t = ofAction('travellers');
    const want = manageRequestOf(t, site) as { travellers: Record<string, string>[] };
    expect(evaluate(t, stateWith(t, (s, all) => replace(all, ok(changeTravellers(site, world, s, want.travellers, 3))))).sr).toBe(true);
    const half = stateWith(t, (s, all) => replace(all, ok(changeTravellers(site, world, s, [{ ...s.travellers[0]!, firstName: want.travellers[0]!.firstName! }, ...s.travellers.slice(1)], 3))));
    const e = evaluate(t, half);
    expect(e.sr).toBe(false);
    expect(e.verdicts.find((v) => v.id === 'traveller1-firstName')!.satisfied).toBe(true);
    expect(e.verdicts.find((v) => v.id === 'traveller1-lastName')!.satisfied).toBe(false);
  });

  it('the policy: a non-refundable rate keeps the whole price and cannot be moved; a flexible one cancels for free before its deadline', () => {
    const bookings = tasks.flatMap((t) => ok(fixtureBookings(t, site, world)));
    const nonref = bookings.find((b) => b.attrs.rate === 'nonref');
    const flex = bookings.find((b) => b.attrs.rate !== 'nonref' && typeof b.attrs.freeCancellationUntil === 'string' && b.attrs.freeCancellationUntil >= '2026-06-01');
    expect(nonref && flex).toBeTruthy();
    const c = ok(cancelBooking(site, nonref!, 1));
    expect(c.cancellation).toEqual({ seq: 1, fee: nonref!.price.total, refund: 0 });
    expect(typeof changeDates(site, world, nonref!, paramsOfBooking(site, nonref!), 1)).toBe('string');
    expect(ok(cancelBooking(site, flex!, 1)).cancellation).toEqual({ seq: 1, fee: 0, refund: flex!.price.total });
    // A cancelled booking cannot be cancelled or changed again.
    expect(typeof cancelBooking(site, c, 2)).toBe('string');
    expect(typeof changeTravellers(site, world, c, c.travellers, 2)).toBe('string');
  });

  it('the scripted teacher does each in Chromium through "My bookings", and the state API shows the change', async () => {
    const env = new BrowserEnv({ browser: await sharedBrowser(), backend: siteBackend(getServer()) });
    try {
      for (const action of ['cancel', 'dates', 'travellers'] as const) {
        const task = ofAction(action);
        const t = await runEpisode({ env, policy: new ScriptedTeacher(world, 0), task, episodeId: `manage-${action}`, episodeSeed: 1, maxSteps: 30 });
        expect(t.end.evaluation.sr, action).toBe(true);
        const subject = t.steps.at(-1)!.state!.bookings.find((b) => b.reference === task.manage!.subject)!;
        expect(subject.origin).toBe('fixture');
        if (action === 'cancel') expect(subject.status).toBe('cancelled');
        else expect(subject.changes.map((c) => c.kind)).toEqual([action]);
        // Nothing new was booked.
        expect(t.steps.at(-1)!.state!.bookings.filter((b) => b.origin === 'episode')).toEqual([]);
      }
    } finally {
      await env.close();
    }
  }, 300_000);
});
