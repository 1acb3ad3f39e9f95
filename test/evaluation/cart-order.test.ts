import { describe, expect, it } from 'vitest';
import type { Task } from '../../src/core/schemas/task.js';
import { catalogueFor, siteById } from '../../src/sites/registry.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import { targetEpisode } from '../../src/validity/draft-case.js';
import { runCase } from '../../src/validity/run-validity.js';
import { ValidityCase, type ValidityStep } from '../../src/validity/schema.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * A cart's experiences are asked for in no order: "A with two adults and B with a senior" is met
 * by a cart that holds B first. Bookings made through TourBase's pages, judged by the evaluator.
 */
describe('cart items in any order', () => {
  const server = useTestServer();
  const site = siteById('tourbase');

  /** A task for two experiences whose ticket mixes differ. */
  const task: Task = (() => {
    for (let index = 0; index < 200; index++) {
      const t = generateTask({ site, catalogue: catalogueFor(site.id), world: testWorld(), seed: 5, index, difficulty: 'medium', split: 'dev' });
      const second = t?.target.items?.find((x) => x.slot === 'item2');
      if (t && second && JSON.stringify(second.quantities) !== JSON.stringify(t.target.quantities)) return t;
    }
    throw new Error('no two-item TourBase task');
  })();
  const episode = targetEpisode(task, site);
  const chooses = episode.flatMap((s, i) => (s.do === 'choose' ? [i] : []));

  const verdicts = async (steps: ValidityStep[]) => {
    const c = ValidityCase.parse({ id: 'cart-order', site: site.id, about: 'cart order', instruction: task.instruction, constraints: task.constraints, episode: steps, labels: Object.fromEntries(task.constraints.map((k) => [k.id, { satisfied: true, why: 'as asked' }])) });
    const outcome = await runCase(server(), c);
    return Object.fromEntries(outcome.outcomes.map((o) => [o.constraintId, o.evaluator]));
  };
  const swapped = (steps: ValidityStep[]) => steps.map((s, i) => (i === chooses[0] ? steps[chooses[1]!]! : i === chooses[1] ? steps[chooses[0]!]! : s));

  it('the second experience put in the cart first meets every constraint, booked or still in the cart', async () => {
    expect(chooses).toHaveLength(2);
    const booked = await verdicts(swapped(episode));
    expect(Object.entries(booked).filter(([, v]) => !v)).toEqual([]);
    const inCart = await verdicts(swapped(episode).slice(0, chooses[1]! + 1));
    for (const id of ['attraction', 'tickets', 'item2-attraction', 'item2-tickets']) if (id in inCart) expect(inCart[id], id).toBe(true);
  });

  it('the two ticket mixes exchanged between the experiences still fail, in either order', async () => {
    const [a, b] = [episode[chooses[0]!]!, episode[chooses[1]!]!] as [Extract<ValidityStep, { do: 'choose' }>, Extract<ValidityStep, { do: 'choose' }>];
    const mixed = episode.map((s, i) => (i === chooses[0] ? { ...a, quantities: b.quantities } : i === chooses[1] ? { ...b, quantities: a.quantities } : s));
    for (const steps of [mixed, swapped(mixed)]) {
      const v = await verdicts(steps);
      expect(v.tickets && v['item2-tickets'], JSON.stringify(v)).toBe(false);
      expect(v['item2-attraction']).toBe(true);
    }
  });
});
