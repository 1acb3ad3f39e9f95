import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { searchQueryString } from '../../src/sites/engine/search-query.js';
import { SITES } from '../../src/sites/registry.js';
import { dismissOverlays } from '../../src/demo/walkthrough.js';
import { sharedBrowser } from '../helpers/browser.js';
import { stateOf, testWorld, useTestServer } from '../helpers/test-server.js';
import type { BookingTask } from '../../src/core/schemas/task.js';
import { FORM_TOKEN } from '../../src/sites/engine/book-token.js';
import { optionInputName, quantityInputName } from '../../src/sites/engine/flow.js';
import type { SiteDefinition } from '../../src/sites/engine/site-definition.js';
import { TEST_CARDS } from '../../src/sites/engine/steps/payment.js';
import { catalogueFor } from '../../src/sites/registry.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import { targetEpisode } from '../../src/validity/draft-case.js';
import { driveStep } from '../../src/validity/run-validity.js';
import { formTokenOf, pageText, SiteDriver, wizardPartOf, type Reply } from '../../src/validity/site-driver.js';

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

        // 3. (Sites on the default flow: the one-page details form follows the listing, in the
        // browser. Every flow's own steps are refused over HTTP below, along each site's flow.)
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

/**
 * Along each site's own flow, over HTTP as a browser posts the forms: before each step of the
 * episode that books a task's target (`targetEpisode`, the one `validity draft` writes), the
 * step's form is first posted wrong (a required field left empty, a date outside the calendar or
 * in the wrong order, no choice, a taken seat, no tickets, an empty cart, a guest on a site that
 * needs an account, a weak or wrong password, an empty details page, a bad email, the terms not
 * accepted, a bad, expired or declined card). Each is refused with the reason shown as an alert
 * and books nothing; then the right form goes on. Sampled: one task a site (one with a later
 * round or a second cart item where the catalogue makes one), so the file stays short.
 */
const alerted = (r: Reply) => /role="alert"/.test(r.body);

function sampleTask(site: SiteDefinition): BookingTask {
  let first: BookingTask | undefined;
  for (let index = 0; index < 30; index++) {
    const t = generateTask({ site, catalogue: catalogueFor(site.id), world: testWorld(), seed: 31, index, difficulty: 'hard', split: 'dev' });
    if (!t || t.manage) continue;
    if ((t.target.items ?? []).length > 0) return t;
    first ??= t;
  }
  if (!first) throw new Error(`${site.id}: no task to sample`);
  return first;
}

describe('every step of every flow refuses a wrong form with a visible reason and books nothing', () => {
  for (const site of SITES) {
    it(site.id, async () => {
      const server = getServer();
      const task = sampleTask(site);
      const episode = targetEpisode(task, site);
      const d = await SiteDriver.start(server);
      const pages = {};
      const siteState = async () => (await d.state()).sites[site.id]!;
      const refused = async (what: string, r: Reply, status = 422) => {
        expect(r.status, `${site.id} ${task.id}: ${what} (${pageText(r.body).slice(0, 160)})`).toBe(status);
        expect(alerted(r), `${site.id}: ${what} shows an alert`).toBe(true);
        expect((await siteState()).bookings, `${site.id}: ${what} books nothing`).toEqual([]);
      };
      const seen = new Set<string>();
      for (const [i, step] of episode.entries()) {
        switch (step.do) {
          case 'search': {
            const required = site.searchFields.find((f) => (f.required ?? true) && !['stepper', 'select', 'radio'].includes(f.kind));
            if (required) await refused(`search without ${required.name}`, await d.request(site.id, 'GET', `/search?${searchQueryString(site, { ...step.params, [required.name]: '' })}`));
            const dates = site.searchFields.filter((f) => f.kind === 'date');
            if (dates[0]) {
              await refused(`search on a date outside the calendar`, await d.request(site.id, 'GET', `/search?${searchQueryString(site, { ...step.params, [dates[0].name]: '2020-01-01' })}`));
              // Inside the calendar's months, but a day June does not have.
              const notADay = await d.request(site.id, 'GET', `/search?${searchQueryString(site, { ...step.params, [dates[0].name]: '2026-06-31' })}`);
              await refused(`search on a date that is not one`, notADay);
              expect(pageText(notADay.body)).toContain('must be a date like');
            }
            if (dates.length >= 2) {
              const [a, b] = [dates[0]!.name, dates[1]!.name];
              const swapped = { ...step.params, [a]: step.params[b]!, [b]: step.params[a]! };
              if (step.params[a] !== step.params[b] && Object.keys(site.validateSearch?.(swapped) ?? {}).length > 0) await refused('search with the dates the wrong way round', await d.request(site.id, 'GET', `/search?${searchQueryString(site, swapped)}`));
            }
            expect((await siteState()).search, `${site.id}: no refused search is recorded`).toBeNull();
            break;
          }
          case 'choose': {
            const params = step.params ?? task.target.params;
            const path = `/listing/${encodeURIComponent(step.listing)}?${searchQueryString(site, params)}`;
            const before = JSON.stringify((await siteState()).selection);
            await refused(`listing ${step.listing} with nothing chosen`, await d.request(site.id, 'POST', path, []));
            const groups = site.detail(server.world, params, step.listing)!.optionGroups;
            // A booked slot, a sold-out fare or cabin: the first group of one choice that has one.
            const full = Object.keys(step.choices).flatMap((g) => groups.find((x) => x.id === g)?.choices.filter((c) => c.soldOut).map((c) => [g, c.id] as const) ?? [])[0];
            if (full) {
              seen.add('sold out');
              const form: [string, string][] = [...Object.entries({ ...step.choices, [full[0]]: full[1] }).map(([g, c]): [string, string] => [optionInputName(g), c]), ...Object.entries(step.multi ?? {}).flatMap(([g, ids]) => ids.map((id): [string, string] => [optionInputName(g), id]))];
              await refused(`a sold-out or booked choice (${full[0]} ${full[1]})`, await d.request(site.id, 'POST', path, form));
            }
            for (const [group, ids] of Object.entries(step.multi ?? {})) {
              const taken = groups.find((g) => g.id === group)!.choices.find((c) => c.soldOut);
              if (!taken) continue;
              seen.add('taken seat');
              const form: [string, string][] = [...Object.entries(step.choices).map(([g, c]): [string, string] => [optionInputName(g), c]), ...[taken.id, ...ids.slice(1)].map((id): [string, string] => [optionInputName(group), id])];
              await refused(`a taken seat (${taken.id})`, await d.request(site.id, 'POST', path, form));
            }
            if (step.quantities) {
              seen.add('no tickets');
              const zero: [string, string][] = [...Object.entries(step.choices).map(([g, c]): [string, string] => [optionInputName(g), c]), ...Object.entries(step.quantities).flatMap(([g, counts]) => Object.keys(counts).map((id): [string, string] => [quantityInputName(g, id), '0']))];
              await refused('no tickets of any type', await d.request(site.id, 'POST', path, zero));
            }
            expect(JSON.stringify((await siteState()).selection), `${site.id}: a refused listing form changes nothing`).toBe(before);
            break;
          }
          case 'round': {
            seen.add('round');
            const base = `/round/${encodeURIComponent(step.slot)}/listing/${encodeURIComponent(step.listing)}`;
            const page = await d.request(site.id, 'GET', base);
            const action = /<form method="post" action="([^"]+)" class="choose-form"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&') ?? base;
            await refused(`round "${step.slot}" with nothing chosen`, await d.request(site.id, 'POST', action, []));
            break;
          }
          case 'cart': {
            seen.add('empty cart');
            // Every item removed: the cart says so, and checking out leads nowhere near a booking.
            let cart = await d.cart(site.id);
            for (let n = 0; n < 6 && (await siteState()).selection; n++) cart = await d.cart(site.id, ['main']);
            expect(pageText(cart.body)).toContain('Your cart is empty');
            const details = await d.request(site.id, 'GET', '/details');
            expect(details.path === '/' || details.status === 409, `${site.id}: details with an empty cart: ${details.path} ${details.status}`).toBe(true);
            expect((await d.request(site.id, 'POST', '/book', { terms: 'accepted' })).path).not.toMatch(/^\/confirmation/);
            expect((await siteState()).bookings).toEqual([]);
            // Fill the cart again, as the person would.
            for (const again of episode.slice(0, i)) await driveStep(d, site.id, again, pages);
            break;
          }
          case 'account': {
            const wall = (site.flow ?? []).find((s) => s.meta?.account)!.meta!.account!;
            if (!wall.guest && !seen.has('no guest')) {
              seen.add('no guest');
              await d.request(site.id, 'GET', '/account');
              await refused('continue as a guest where an account is needed', await d.request(site.id, 'POST', '/account/guest', {}));
            }
            if (step.action === 'register') await refused('a weak password', await d.request(site.id, 'POST', '/account/register', { name: step.name ?? '', email: step.email ?? '', password: 'short' }));
            if (step.action === 'sign-in') {
              await refused('a wrong password', await d.request(site.id, 'POST', '/account/sign-in', { email: step.email ?? '', password: `${step.password}x` }));
              expect((await siteState()).account?.signedIn ?? null).toBeNull();
            }
            break;
          }
          case 'details': {
            const empty = await d.request(site.id, 'GET', '/details');
            const part = wizardPartOf(empty.body);
            const r = await d.request(site.id, 'POST', '/details', part ? { wizard_part: part, nav: 'next' } : {});
            await refused('an empty details form', r);
            expect(r.body, `${site.id}: the empty fields are marked invalid`).toContain('aria-invalid="true"');
            expect((await siteState()).form?.accepted ?? false).toBe(false);
            if (site.contactFields.some((f) => f.kind === 'email' && f.name === 'email')) {
              seen.add('bad email');
              await expect(d.details(site.id, step.travellers, { ...step.contact, email: 'not-an-email' }, step.extras)).rejects.toThrow(/answered 422/);
              const form = (await siteState()).form!;
              expect(form.accepted).toBe(false);
              expect(Object.keys(form.errors)).toEqual(['c_email']);
            }
            break;
          }
          case 'book': {
            const token = formTokenOf((await d.request(site.id, 'GET', '/review')).body);
            const r = await d.request(site.id, 'POST', '/book', { [FORM_TOKEN]: token });
            await refused('the terms not accepted', r);
            expect(pageText(r.body)).toContain('Accept the terms');
            break;
          }
          case 'pay': {
            seen.add('card');
            const card = { cardName: step.name, cvc: step.cvc, postcode: step.postcode };
            const token = formTokenOf((await d.request(site.id, 'GET', '/payment')).body);
            await refused('a card number that fails Luhn', await d.request(site.id, 'POST', '/payment', { [FORM_TOKEN]: token, ...card, cardNumber: '4242 4242 4242 4241', expiry: step.expiry }));
            await refused('an expired card', await d.request(site.id, 'POST', '/payment', { [FORM_TOKEN]: token, ...card, cardNumber: step.number, expiry: '01/20' }));
            expect((await siteState()).payments, `${site.id}: an invalid card is not sent to the bank`).toEqual([]);
            await refused('a declined card', await d.request(site.id, 'POST', '/payment', { [FORM_TOKEN]: token, ...card, cardNumber: TEST_CARDS.declined[0]!, expiry: step.expiry }));
            expect((await siteState()).payments.map((p) => p.outcome)).toEqual(['declined']);
            break;
          }
        }
        await driveStep(d, site.id, step, pages);
      }
      const s = await siteState();
      expect(s.bookings, `${site.id}: the right forms book once`).toHaveLength(1);
      // The flow's own steps were each refused once at least.
      const flow = site.flow ?? [];
      if (flow.some((st) => st.meta?.payment)) expect(seen.has('card')).toBe(true);
      if (flow.some((st) => st.meta?.cart)) expect(seen.has('empty cart')).toBe(true);
      if (flow.some((st) => st.meta?.account && !st.meta.account.guest)) expect(seen.has('no guest')).toBe(true);
    });
  }
});
