import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BookingTask as Task } from '../../src/core/schemas/task.js';
import { catalogueFor, siteById } from '../../src/sites/registry.js';
import { generateManageTask, manageRequestOf } from '../../src/tasks/manage-task.js';
import { draftCase, manageEpisode } from '../../src/validity/draft-case.js';
import { loadValiditySet, runCase } from '../../src/validity/run-validity.js';
import { ValidityCase, type ValidityStep } from '../../src/validity/schema.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * A validity case about a booking the user already has: the episode starts with the manage
 * task's fixture bookings, the person acts on "My bookings" through its pages (cancel, rename,
 * move), and the evaluator judges the booking the instruction is about as it now stands.
 */
describe('validity cases about an existing booking', () => {
  const server = useTestServer();
  const world = testWorld();

  /** The first manage task of a site whose request is `action`. */
  const taskOf = (siteId: string, action: 'cancel' | 'travellers' | 'dates'): Task => {
    const site = siteById(siteId);
    for (let index = 0; index < 60; index++) {
      const task = generateManageTask({ site, catalogue: catalogueFor(site.id), world, seed: 3, index, difficulty: 'hard', split: 'dev' });
      if (task && manageRequestOf(task, site)?.action === action) return task;
    }
    throw new Error(`no ${action} task on ${siteId}`);
  };

  const caseOf = (task: Task, episode: ValidityStep[], satisfied = true): ValidityCase =>
    ValidityCase.parse({
      ...draftCase(task, siteById(task.site), world).case,
      episode,
      labels: Object.fromEntries(task.constraints.map((c) => [c.id, { satisfied, why: 'what the booking page shows' }])),
    });

  it.each([
    ['medibook', 'cancel', 'is cancelled'],
    ['medibook', 'travellers', 'The traveller names are updated'],
    ['staywell', 'dates', 'Your booking now runs'],
  ] as const)('%s, %s: the drafted episode does what the task asks through My bookings, and every constraint is met', async (siteId, action, notice) => {
    const task = taskOf(siteId, action);
    const episode = manageEpisode(task, siteById(siteId));
    expect(episode.map((s) => s.do)).toEqual(['bookings', action]);
    const outcome = await runCase(server(), caseOf(task, episode));
    expect(outcome.outcomes.filter((o) => !o.evaluator).map((o) => `${o.constraintId} ${JSON.stringify(o.evidence)}`)).toEqual([]);
    // "My bookings" lists every fixture; the booking page says what was done.
    for (const f of task.manage!.fixtures) expect(outcome.pages.bookings).toContain(f.reference);
    expect(outcome.pages.manage).toContain(notice);
  });

  it('the subject left untouched (only My bookings opened) meets none of what was asked', async () => {
    const task = taskOf('medibook', 'cancel');
    const outcome = await runCase(server(), caseOf(task, [{ do: 'bookings' }], false));
    expect(outcome.outcomes.map((o) => o.evaluator)).toEqual(task.constraints.map(() => false));
  });

  it("another episode's booking cannot be reached, and a fixture that cannot be made is refused with why", async () => {
    const task = taskOf('medibook', 'cancel');
    const subject = task.manage!.subject;
    const { manage: _ignored, ...withoutFixtures } = caseOf(task, [{ do: 'cancel', reference: subject }]);
    await expect(runCase(server(), withoutFixtures)).rejects.toThrow(/Booking not found/);
    const bad = caseOf(task, [{ do: 'bookings' }]);
    bad.manage = { ...bad.manage!, fixtures: bad.manage!.fixtures.map((f) => ({ ...f, listingId: 'no-such-practitioner' })) };
    await expect(runCase(server(), bad)).rejects.toThrow(/fixture .*no-such-practitioner/);
  });

  it('a case file whose subject is not one of its fixtures is refused on load, naming the case', () => {
    const task = taskOf('medibook', 'cancel');
    const c = caseOf(task, [{ do: 'bookings' }]);
    const dir = mkdtempSync(join(tmpdir(), 'wf-manage-'));
    writeFileSync(join(dir, 'medibook.json'), JSON.stringify({ schemaVersion: 1, worldSeed: world.seed, worldVersion: task.metadata.worldVersion, cases: [{ ...c, manage: { ...c.manage, subject: 'MED-ZZZZZZ' } }] }));
    expect(() => loadValiditySet(dir)).toThrow(/case .*MED-ZZZZZZ.*not one of its fixtures/);
  });
});
