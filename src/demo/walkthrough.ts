import type { Page } from 'playwright-core';
import { Rng } from '../core/rng.js';
import type { World } from '../world/world.js';
import type { SearchParams, SiteDefinition } from '../sites/engine/site-definition.js';

export type WalkthroughResult = { reference: string; params: SearchParams; listingTitle: string; steps: number };

/**
 * Books one trip on a site the way a person would: fills the search form through its
 * widgets, picks the first bookable result and the first available option in each group,
 * types every traveller and contact field, reviews and confirms. It knows nothing about a
 * particular site: only the site's declared fields and the accessible names the engine renders.
 */
export async function bookThroughUi(page: Page, site: SiteDefinition, world: World, origin: string, seed = 1): Promise<WalkthroughResult> {
  const params = site.exampleSearch(world, new Rng(`walkthrough/${site.id}/${seed}`));
  let steps = 0;
  await page.goto(`${origin}/`);
  steps++;
  await dismissOverlays(page);

  for (const f of site.searchFields) {
    const value = params[f.name];
    if (value === undefined) continue;
    const box = page.locator(`#f-${f.name}`);
    switch (f.kind) {
      case 'autocomplete': {
        const label = site.labelFor(world, f.source, String(value)) ?? String(value);
        await box.fill('');
        await box.pressSequentially(label.slice(0, 3));
        const option = page.getByRole('option', { name: label, exact: true });
        await option.click();
        break;
      }
      case 'date':
        await box.fill(String(value));
        break;
      case 'select':
        await box.selectOption(String(value));
        break;
      case 'radio':
        await page.locator(`input[name="${f.name}"][value="${String(value)}"]`).check();
        break;
      case 'stepper': {
        // Use the + / - buttons, as a person would.
        const target = Number(value);
        let current = Number(await box.inputValue());
        const name = f.label.toLowerCase();
        while (current !== target) {
          await page.getByRole('button', { name: `${current < target ? 'Increase' : 'Decrease'} ${name}`, exact: true }).click();
          current = Number(await box.inputValue());
        }
        break;
      }
      case 'text':
        await box.fill(String(value));
        break;
    }
    steps++;
  }
  await Promise.all([page.waitForURL(/\/search\?/), page.getByRole('button', { name: site.wording.searchButton, exact: true }).click()]);
  steps++;

  // First bookable result: a "select" link; then a further round (a return leg, a package's
  // flights) the same way, until the flow leaves the listings.
  const travellers = site.travellerCount(params);
  let listingTitle = '';
  for (let round = 0; round < 4 && (round === 0 || /\/round\/[^/]+$/.test(new URL(page.url()).pathname)); round++) {
    const select = page.getByRole('link', { name: new RegExp(`^${escapeRe(site.wording.selectButton)}: `) }).first();
    const title = ((await select.locator('xpath=ancestor::article').locator('h3').textContent()) ?? '').trim();
    if (round === 0) listingTitle = title;
    await Promise.all([page.waitForURL(/\/listing\//), select.click()]);
    steps++;
    steps += await chooseOptions(page, travellers);
    await Promise.all([page.waitForURL((u) => !/\/listing\//.test(u.pathname)), page.getByRole('button', { name: site.wording.continueButton, exact: true }).click()]);
    steps++;
  }

  // A cart holds what was chosen: check out.
  if (new URL(page.url()).pathname === '/cart') {
    await Promise.all([page.waitForURL((u) => u.pathname !== '/cart'), page.getByRole('link', { name: 'Check out', exact: true }).click()]);
    steps++;
  }
  if (new URL(page.url()).pathname === '/account') steps += await signUpAndIn(page);

  // The details: on one page, or a wizard's pages (Next until the review).
  for (let i = 1; i <= travellers; i++) {
    for (const f of site.travellerFields) steps += await fillPersonField(page, `t${i}_${f.name}`, f.kind, f.exampleFor?.(params, i) ?? f.example);
  }
  for (const f of site.contactFields) steps += await fillPersonField(page, `c_${f.name}`, f.kind, f.example);
  for (let guard = 0; guard < 5 && (await page.getByRole('button', { name: 'Next', exact: true }).count()) > 0; guard++) {
    await Promise.all([page.waitForURL(/part=|\/review$/), page.getByRole('button', { name: 'Next', exact: true }).click()]);
    steps++;
    for (let i = 1; i <= travellers; i++) for (const f of site.travellerFields) steps += await fillPersonField(page, `t${i}_${f.name}`, f.kind, f.exampleFor?.(params, i) ?? f.example);
    for (const f of site.contactFields) steps += await fillPersonField(page, `c_${f.name}`, f.kind, f.example);
  }
  await Promise.all([page.waitForURL(/\/review$/), page.getByRole('button', { name: 'Continue to review', exact: true }).click()]);
  steps++;

  await page.getByRole('checkbox', { name: /I accept the terms/ }).check();
  const pay = page.getByRole('button', { name: 'Continue to payment', exact: true });
  if ((await pay.count()) > 0) {
    await Promise.all([page.waitForURL(/\/payment$/), pay.click()]);
    steps += 2;
    const lead = `${site.travellerFields.find((f) => f.name === 'firstName')?.example ?? 'Ana'} ${site.travellerFields.find((f) => f.name === 'lastName')?.example ?? 'Silva'}`;
    for (const [label, value] of [['Card number', '4242 4242 4242 4242'], ['Name on card', lead], ['Expiry date (MM/YY)', '12/29'], ['Security code (CVC)', '123'], ['Billing postcode', '1000-100']] as const) {
      await page.getByLabel(label, { exact: true }).fill(value);
      steps++;
    }
    await Promise.all([page.waitForURL(/\/confirmation\//), page.getByRole('button', { name: /^Pay / }).click()]);
    steps++;
  } else {
    await Promise.all([page.waitForURL(/\/confirmation\//), page.getByRole('button', { name: site.wording.bookButton, exact: true }).click()]);
    steps += 2;
  }
  const reference = (await page.locator('.reference strong').textContent())?.trim() ?? '';
  return { reference, params, listingTitle, steps };
}

/** Types a person field when it is on this page (a wizard shows one part a page); 1 when typed. */
async function fillPersonField(page: Page, name: string, kind: string, example: string): Promise<number> {
  const box = page.locator(`[name="${name}"]:visible`);
  if ((await box.count()) === 0 || (await box.getAttribute('type')) === 'hidden') return 0;
  if (kind === 'select') await box.selectOption(example);
  else await box.fill(example);
  return 1;
}

/**
 * The first available choice in each option group: one radio, a seat per traveller on a seat
 * map, one ticket per traveller of the first open type. Returns the actions taken.
 */
async function chooseOptions(page: Page, travellers: number): Promise<number> {
  let steps = 0;
  const groups = page.locator('form.choose-form fieldset.options');
  for (let i = 0; i < (await groups.count()); i++) {
    const g = groups.nth(i);
    const seats = g.locator('input[type=checkbox]:not([disabled])');
    const counts = g.locator('input[type=number]:not([disabled])');
    if ((await seats.count()) > 0) {
      for (let k = 0; k < travellers; k++) await seats.nth(k).check();
      steps += travellers;
    } else if ((await counts.count()) > 0) {
      await counts.first().fill(String(travellers));
      steps++;
    } else {
      await g.locator('input[type=radio]:not([disabled])').first().check();
      steps++;
    }
  }
  return steps;
}

/** An account wall: create an account, then sign in with it (or go on as a guest where allowed). */
async function signUpAndIn(page: Page): Promise<number> {
  const guest = page.getByRole('button', { name: 'Continue as a guest', exact: true });
  if ((await guest.count()) > 0) {
    await Promise.all([page.waitForURL((u) => u.pathname !== '/account'), guest.click()]);
    return 1;
  }
  const email = 'ana.silva.walkthrough@example.com';
  await page.getByLabel('Full name', { exact: true }).fill('Ana Silva');
  await page.getByLabel('Email for the account', { exact: true }).fill(email);
  await page.getByLabel('Choose a password', { exact: true }).fill('Walkthrough2026');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Create account', exact: true }).click()]);
  await page.getByText(`Account created for ${email}`).waitFor();
  await page.getByLabel('Password', { exact: true }).fill('Walkthrough2026');
  await Promise.all([page.waitForURL((u) => u.pathname !== '/account'), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
  return 6;
}

/** Cookie banners and promo modals cover the page until closed: the modal first (its backdrop covers the banner too). */
export async function dismissOverlays(page: Page): Promise<void> {
  for (const name of ['Close', 'Accept all cookies']) {
    const b = page.getByRole('button', { name, exact: true });
    if ((await b.count()) > 0 && (await b.first().isVisible())) await b.first().click();
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
