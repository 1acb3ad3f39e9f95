import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, HORIZON_DAYS, WORLD_TODAY } from '../../src/core/dates.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { catalogueFor, siteById } from '../../src/sites/registry.js';
import { MAX_RANGE_DAYS } from '../../src/sites/ticketnest/inventory.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import { SiteDriver } from '../../src/validity/site-driver.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * "A music festival between the 7th and the 19th of July": the window is a wish about the
 * performance, not about the search form. Booking the task's own event through a wider search
 * (the window widened on both sides, as far as the site allows) meets every constraint.
 */
describe('date windows', () => {
  const getServer = useTestServer();

  it('every date window is met by a booking inside it reached through a wider search', async () => {
    const site = siteById('ticketnest');
    const last = addDays(WORLD_TODAY, HORIZON_DAYS - 1);
    let checked = 0;
    for (let index = 0; index < 120 && checked < 12; index++) {
      const task = generateTask({ site, catalogue: catalogueFor(site.id), world: testWorld(), seed: 41, index, difficulty: index % 2 ? 'hard' : 'medium', split: 'dev' });
      const window = task?.constraints.find((c) => c.kind === 'date_window');
      if (!task || !window || window.kind !== 'date_window') continue;
      const t = task.target;
      // Widen the searched range by up to 5 days on each side, inside the horizon and the site's longest range.
      const from = [5, 4, 3, 2, 1, 0].map((k) => addDays(String(t.params.dateFrom), -k)).find((d) => d >= WORLD_TODAY)!;
      const to = [5, 4, 3, 2, 1, 0].map((k) => addDays(String(t.params.dateTo), k)).find((d) => d <= last && daysBetween(from, d) < MAX_RANGE_DAYS)!;
      expect(from < String(t.params.dateFrom) || to > String(t.params.dateTo), `${task.id}: the search is wider than the window`).toBe(true);
      const wider = { ...t.params, dateFrom: from, dateTo: to };
      const d = await SiteDriver.start(getServer());
      await d.search(site.id, wider);
      await d.choose(site.id, t.listingId, t.choices, wider, t);
      await d.details(site.id, t.travellers, t.contact, t.extras);
      await d.book(site.id);
      const result = evaluate(task, await d.state());
      expect(result.verdicts.filter((v) => !v.satisfied).map((v) => `${v.id} ${JSON.stringify(v.evidence)}`), task.id).toEqual([]);
      expect(result.sr).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });
});
