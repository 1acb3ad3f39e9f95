import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { searchQueryString } from '../../src/sites/engine/search-query.js';
import { SITES } from '../../src/sites/registry.js';
import { dismissOverlays } from '../../src/demo/walkthrough.js';
import { sharedBrowser } from '../helpers/browser.js';
import { stateOf, useTestServer } from '../helpers/test-server.js';

const getServer = useTestServer({ browser: true });

describe('invalid submissions are rejected with a visible error and book nothing', () => {
  for (const site of SITES) {
    it(site.id, async () => {
    const server = getServer();
      const browser = await sharedBrowser();
      const context = await browser.newContext();
      const episode = `invalid-${site.id}`;
      try {
        const page = await context.newPage();
        const origin = server.origin(site.id);
        await page.goto(server.startUrl(site.id, server.episodes.create(episode)));
        await dismissOverlays(page);
        const alert = page.getByRole('alert');

        // 1. An empty search form: the server answers with the errors, visibly.
        for (const f of site.searchFields) if (f.kind !== 'stepper' && f.kind !== 'select' && f.kind !== 'radio') await page.locator(`#f-${f.name}`).fill('');
        await page.getByRole('button', { name: site.wording.searchButton, exact: true }).click();
        await expect.poll(() => alert.isVisible()).toBe(true);
        expect(await alert.textContent()).toContain('There is a problem');
        expect((await stateOf(server, episode)).sites[site.id]!.search).toBeNull();

        // 2. A listing submitted with no option chosen.
        const params = site.exampleSearch(server.world, new Rng(`invalid/${site.id}`));
        await page.goto(`${origin}/search?${searchQueryString(site, params)}`);
        await page.getByRole('link', { name: new RegExp(`^${site.wording.selectButton.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `) }).first().click();
        await page.waitForURL(/\/listing\//);
        await page.getByRole('button', { name: site.wording.continueButton, exact: true }).click();
        await expect.poll(() => alert.isVisible()).toBe(true);
        expect((await stateOf(server, episode)).sites[site.id]!.selection).toBeNull();

        // 3. (Sites on the default flow: the one-page details form follows the listing; the other
        // flows' steps have their own refusal tests in flow-steps.test.ts and malformed-input.test.ts.)
        if (site.flow !== undefined) return;
        // The details form empty, then with a bad email: errors shown, form not accepted.
        for (const group of await page.locator('form.choose-form fieldset').all()) await group.locator('input[type=radio]:not([disabled])').first().check();
        await page.getByRole('button', { name: site.wording.continueButton, exact: true }).click();
        await page.waitForURL(/\/details$/);
        await page.getByRole('button', { name: 'Continue to review', exact: true }).click();
        await expect.poll(() => alert.isVisible()).toBe(true);
        expect(await page.locator('[aria-invalid=true]').count()).toBeGreaterThan(0);
        let form = (await stateOf(server, episode)).sites[site.id]!.form!;
        expect(form.accepted).toBe(false);
        expect(Object.keys(form.errors).length).toBeGreaterThan(0);

        for (let i = 1; i <= site.travellerCount(params); i++) {
          for (const f of site.travellerFields) {
            const box = page.locator(`[name="t${i}_${f.name}"]`);
            if (f.kind === 'select') await box.selectOption(f.example);
            else await box.fill(f.example);
          }
        }
        for (const f of site.contactFields) {
          const box = page.locator(`[name="c_${f.name}"]`);
          if (f.kind === 'select') await box.selectOption(f.example);
          else await box.fill(f.kind === 'email' ? 'not-an-email' : f.example);
        }
        await page.getByRole('button', { name: 'Continue to review', exact: true }).click();
        await expect.poll(() => page.locator('#f-c_email-err').isVisible()).toBe(true);
        form = (await stateOf(server, episode)).sites[site.id]!.form!;
        expect(form.accepted).toBe(false);
        expect(Object.keys(form.errors)).toEqual(['c_email']);

        // 4. Review without accepting the terms.
        await page.locator('[name="c_email"]').fill('ana.silva@example.com');
        await page.getByRole('button', { name: 'Continue to review', exact: true }).click();
        await page.waitForURL(/\/review$/);
        await page.getByRole('button', { name: site.wording.bookButton, exact: true }).click();
        await expect.poll(() => alert.isVisible()).toBe(true);
        expect(await alert.textContent()).toContain('Accept the terms');
        expect((await stateOf(server, episode)).sites[site.id]!.bookings).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
