import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BookingTask as Task } from '../../src/core/schemas/task.js';
import { TEST_CARDS } from '../../src/sites/engine/steps/payment.js';
import { catalogueFor, SITES, siteById } from '../../src/sites/registry.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import { targetEpisode } from '../../src/validity/draft-case.js';
import { runCase, siteValidityFile } from '../../src/validity/run-validity.js';
import { ValidityCase, ValidityFile, type ValidityStep } from '../../src/validity/schema.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * A validity case's episode goes through every flow step a site has, over HTTP as a browser
 * posts the forms: a drafted episode books its task's target on each of the thirteen sites
 * (return legs and a package's flights on their own results, the cart, the account wall, the
 * details wizard page by page, the card), and a declined card books nothing.
 */
describe('validity episodes through every flow step', () => {
  const server = useTestServer();

  /** A task of the site that is not about an existing booking; on a site with rounds, one whose booking has them. */
  const taskOf = (siteId: string): Task => {
    const site = siteById(siteId);
    const rounds = (site.flow ?? []).some((s) => s.meta?.round);
    let fallback: Task | undefined;
    for (let index = 0; index < 80; index++) {
      const task = generateTask({ site, catalogue: catalogueFor(site.id), world: testWorld(), seed: 5, index, difficulty: index % 2 ? 'medium' : 'hard', split: 'dev' });
      if (!task || task.manage) continue;
      if (!rounds || (task.target.items ?? []).length > 0) return task;
      fallback ??= task;
    }
    if (!fallback) throw new Error(`no task to draft on ${siteId}`);
    return fallback;
  };

  /** The drafted episode as a case whose every label says "met": the target meets every constraint. */
  const caseOf = (task: Task, episode: ValidityStep[] = targetEpisode(task, siteById(task.site))): ValidityCase =>
    ValidityCase.parse({
      id: `${task.id}-target`,
      site: task.site,
      about: 'the target, booked through the whole flow',
      instruction: task.instruction,
      constraints: task.constraints,
      episode,
      labels: Object.fromEntries(task.constraints.map((c) => [c.id, { satisfied: true, why: 'the target books what the task asks' }])),
    });

  it.each(SITES.map((s) => s.id))('%s: the drafted target episode books and meets every constraint', async (siteId) => {
    const task = taskOf(siteId);
    const site = siteById(siteId);
    const episode = targetEpisode(task, site);
    const flow = site.flow ?? [];
    // The episode takes every step the site's flow asks of this booking.
    const kinds = new Set(episode.map((s) => s.do));
    // Every site with a later round drafts a task whose booking has one (a return trip, a package's flights).
    if (flow.some((s) => s.meta?.round)) expect(kinds).toContain('round');
    if (flow.some((s) => s.meta?.account)) expect(kinds).toContain('account');
    if (flow.some((s) => s.meta?.payment)) expect(kinds).toContain('pay');
    if (flow.some((s) => s.meta?.cart)) expect(kinds).toContain('cart');
    const outcome = await runCase(server(), caseOf(task, episode));
    expect(outcome.outcomes.filter((o) => !o.evaluator).map((o) => `${o.constraintId} ${JSON.stringify(o.evidence)}`), task.id).toEqual([]);
    expect(outcome.pages.confirmation, task.id).toBeDefined();
    if (flow.some((s) => s.meta?.wizard)) expect(outcome.pages.review).toContain('Review');
  });

  it('a declined card is refused on the payment page and books nothing', async () => {
    const task = taskOf('packfly');
    const episode = targetEpisode(task, siteById('packfly')).map((s) => (s.do === 'pay' ? { ...s, number: TEST_CARDS.declined[0]! } : s));
    const outcome = await runCase(server(), caseOf(task, episode));
    expect(outcome.pages.payment).toContain('Payment declined');
    expect(outcome.pages.confirmation).toBeUndefined();
    const booked = task.constraints.find((c) => c.kind === 'booked')!;
    expect(outcome.outcomes.find((o) => o.constraintId === booked.id)?.evaluator).toBe(false);
  });

  it('a wizard page posted with Back keeps what was typed, and Next from there goes on to the review', async () => {
    const task = taskOf('ferryway');
    const t = task.target;
    const episode = targetEpisode(task, siteById('ferryway'));
    const at = episode.findIndex((s) => s.do === 'details');
    const people = { travellers: t.travellers, contact: t.contact, extras: t.extras };
    // Travellers, Next; contact, Back (to the travellers, typed names kept); then the whole form.
    const detour: ValidityStep[] = [
      { do: 'wizard', nav: 'next', ...people },
      { do: 'wizard', nav: 'back', ...people },
    ];
    const outcome = await runCase(server(), caseOf(task, [...episode.slice(0, at), ...detour, ...episode.slice(at)]));
    expect(outcome.outcomes.filter((o) => !o.evaluator).map((o) => o.constraintId)).toEqual([]);
    expect(outcome.pages.confirmation).toBeDefined();
  });

  it("the six original sites' files (schema 1, without the new step kinds) still parse", () => {
    for (const id of ['skyhop', 'staywell', 'forkful', 'wheelo', 'ticketnest', 'railgo']) {
      const parsed = ValidityFile.safeParse(JSON.parse(readFileSync(siteValidityFile(id), 'utf8')));
      expect(parsed.success, `${id}: ${parsed.error?.issues[0]?.message}`).toBe(true);
    }
  });
});
