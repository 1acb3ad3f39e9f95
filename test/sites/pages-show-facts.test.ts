import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withItems, type Attrs } from '../../src/core/schemas/episode-state.js';
import type { BookingTask } from '../../src/core/schemas/task.js';
import { formatFact } from '../../src/sites/engine/fact-rows.js';
import { SITES, catalogueFor } from '../../src/sites/registry.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import { targetEpisode } from '../../src/validity/draft-case.js';
import { driveStep } from '../../src/validity/run-validity.js';
import { SiteDriver } from '../../src/validity/site-driver.js';
import { sharedBrowser } from '../helpers/browser.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * Every fact a constraint can check appears on the review and the confirmation page of a real
 * booking, in the row the site's fact sheet names, with the booking's own value: a person can
 * always see what was booked (the performance's date, the seating time booked, the fare paid).
 */
const getServer = useTestServer({ browser: true });

/** The rows of the page's booking summary as a person sees them (visible text only). */
async function summaryRows(page: Page): Promise<Map<string, { label: string; value: string }>> {
  const rows = await page.locator('.booking-summary dd[data-fact]').evaluateAll((dds) =>
    dds.map((dd) => ({ field: dd.getAttribute('data-fact')!, label: (dd.previousElementSibling as HTMLElement).innerText.trim(), value: (dd as HTMLElement).innerText.trim() })),
  );
  return new Map(rows.map((r) => [r.field, { label: r.label, value: r.value }]));
}

function tasksOf(siteId: string): BookingTask[] {
  const site = SITES.find((s) => s.id === siteId)!;
  const out: BookingTask[] = [];
  for (const difficulty of ['medium', 'hard'] as const) {
    for (let index = 0; out.length < (difficulty === 'medium' ? 2 : 4) && index < 40; index++) {
      const t = generateTask({ site, catalogue: catalogueFor(site.id), world: testWorld(), seed: 21, index, difficulty, split: 'dev' });
      if (t && !t.manage) out.push(t);
    }
  }
  return out;
}

/**
 * Every site, driven through its whole flow as a person's browser posts the forms (the episode
 * `validity draft` writes for a task's target: later rounds, the cart, the account wall, the
 * details wizard page by page, review and payment); the review is read before booking, the
 * confirmation after the card is accepted.
 */
describe('review and confirmation pages show every fact a constraint checks', () => {
  for (const site of SITES) {
    it(`${site.id}: every checked fact, the travellers, the contact details and the add-ons, on both pages`, async () => {
      const server = getServer();
      const browser = await sharedBrowser();
      for (const task of tasksOf(site.id)) {
        const d = await SiteDriver.start(server);
        const t = task.target;
        const episode = targetEpisode(task, site);
        const reviewAt = episode.findIndex((s) => s.do === 'book');
        const pages = {};
        for (const step of episode.slice(0, reviewAt)) await driveStep(d, site.id, step, pages);
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          const check = async (where: string, attrs: Attrs) => {
            const rows = await summaryRows(page);
            const text = await page.locator('main, body').first().innerText();
            for (const c of task.constraints) {
              if (c.kind === 'details') {
                expect(text, `${task.id} ${where}: ${c.id}`).toContain(c.value);
                continue;
              }
              if (c.kind === 'addon') {
                const detail = site.detail(server.world, t.params, t.listingId)!;
                const choices = detail.optionGroups.map((g) => g.choices.find((x) => x.id === t.choices[g.id])!);
                const label = site.extras({ params: t.params, listing: detail.listing, choices }).find((x) => x.id === c.field)?.label;
                expect(label, `${task.id}: add-on ${c.field} is offered`).toBeDefined();
                if (c.chosen) expect(text, `${task.id} ${where}: ${c.id}`).toContain(label!);
                continue;
              }
              if (c.kind === 'booked') continue;
              const spec = site.facts.find((f) => f.field === c.field);
              expect(spec, `${site.id} declares the fact ${c.field}`).toBeDefined();
              const row = rows.get(c.field);
              expect(row, `${task.id} ${where}: a row for ${c.field}`).toBeDefined();
              expect(row!.label).toBe(spec!.label);
              expect(row!.value, `${task.id} ${where}: ${c.field}`).toBe(formatFact(spec!, attrs[c.field]!, server.world, site.currency));
            }
          };
          // The page joins the driver's episode with its ticket, as a start URL does.
          await page.goto(`${server.origin(site.id)}/review?wf_episode=${encodeURIComponent(server.episodes.ticket(d.episodeId))}`);
          const state = await d.state();
          const chosen = state.sites[site.id]!;
          // The later rounds' and the cart's other items read under their slot, as the evaluator reads them.
          await check('review', withItems(chosen.selection!.attrs, chosen.extraItems));
          for (const step of episode.slice(reviewAt)) await driveStep(d, site.id, step, pages);
          const booking = (await d.state()).sites[site.id]!.bookings[0]!;
          await page.goto(`${server.origin(site.id)}/confirmation/${booking.reference}`);
          await check('confirmation', booking.attrs);
        } finally {
          await context.close();
        }
      }
    });
  }
});
