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

  // First bookable result: a "select" link. Then, on its page, the first available option of each
  // group; a flow with further rounds (a return flight) chooses again the same way on each.
  let listingTitle = '';
  for (let round = 0; ; round++) {
    const select = page.getByRole('link', { name: new RegExp(`^${escapeRe(site.wording.selectButton)}: `) }).first();
    const title = ((await select.locator('xpath=ancestor::article').locator('h3').textContent()) ?? '').trim();
    if (round === 0) listingTitle = title;
    await Promise.all([page.waitForURL(/\/listing\//), select.click()]);
    steps++;
    steps += await chooseOptions(page, site.travellerCount(params));
    await Promise.all([page.waitForURL((u) => !/\/listing\//.test(u.pathname)), page.getByRole('button', { name: site.wording.continueButton, exact: true }).click()]);
    steps++;
    if (!/^\/round\//.test(new URL(page.url()).pathname) || round > 5) break;
  }
  await page.waitForURL(/\/details$/);

  const travellers = site.travellerCount(params);
  for (let i = 1; i <= travellers; i++) {
    for (const f of site.travellerFields) await fillPersonField(page, `t${i}_${f.name}`, f.kind, f.example);
  }
  for (const f of site.contactFields) await fillPersonField(page, `c_${f.name}`, f.kind, f.example);
  steps += travellers * site.travellerFields.length + site.contactFields.length;
  await Promise.all([page.waitForURL(/\/review$/), page.getByRole('button', { name: 'Continue to review', exact: true }).click()]);
  steps++;

  await page.getByRole('checkbox', { name: /I accept the terms/ }).check();
  await Promise.all([page.waitForURL(/\/confirmation\//), page.getByRole('button', { name: site.wording.bookButton, exact: true }).click()]);
  steps += 2;
  const reference = (await page.locator('.reference strong').textContent())?.trim() ?? '';
  return { reference, params, listingTitle, steps };
}

async function fillPersonField(page: Page, name: string, kind: string, example: string): Promise<void> {
  const box = page.locator(`[name="${name}"]`);
  if (kind === 'select') await box.selectOption(example);
  else await box.fill(example);
}

/** Cookie banners and promo modals cover the page until closed. */
export async function dismissOverlays(page: Page): Promise<void> {
  for (const name of ['Accept all cookies', 'Close']) {
    const b = page.getByRole('button', { name, exact: true });
    if ((await b.count()) > 0 && (await b.first().isVisible())) await b.first().click();
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first available choice in each option group; a seat map takes one seat per traveller, ticket types one ticket. */
async function chooseOptions(page: Page, travellers: number): Promise<number> {
  const groups = page.locator('form.choose-form fieldset');
  const n = await groups.count();
  for (let i = 0; i < n; i++) {
    const group = groups.nth(i);
    const radios = group.locator('input[type=radio]:not([disabled])');
    const boxes = group.locator('input[type=checkbox]:not([disabled])');
    if ((await radios.count()) > 0) await radios.first().check();
    else if ((await boxes.count()) > 0) for (let t = 0; t < travellers; t++) await boxes.nth(t).check();
    else await group.locator('input[type=number]:not([disabled])').first().fill('1');
  }
  return n;
}
