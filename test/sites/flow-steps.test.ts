import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteEpisodeState } from '../../src/core/schemas/episode-state.js';
import { startServer, type SiteServer } from '../../src/sites/engine/server.js';
import type { SiteDefinition } from '../../src/sites/engine/site-definition.js';
import { steps } from '../../src/sites/engine/steps/index.js';
import { TEST_CARDS } from '../../src/sites/engine/steps/payment.js';
import { catalogueFor, siteById } from '../../src/sites/registry.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import { FORM_TOKEN } from '../../src/sites/engine/book-token.js';
import { formTokenOf, pageText, SiteDriver } from '../../src/validity/site-driver.js';
import { contactInputName, travellerInputName } from '../../src/sites/engine/forms.js';
import { testWorld } from '../helpers/test-server.js';

/**
 * The flow-step library's refusals, over HTTP as a browser posts the forms: a hotel site composed
 * with an account wall (no guests), a details wizard and card payment, and SkyHop's seat map.
 */
const world = testWorld();
const staywell = siteById('staywell');
const walled: SiteDefinition = {
  ...staywell,
  flow: [steps.search(), steps.results(), steps.listing(), steps.account({ guest: false }), steps.details({ wizard: true }), steps.review(), steps.payment(), steps.confirmation()],
};
let server: SiteServer;
beforeAll(async () => {
  server = await startServer({ port: 0, world, sites: [walled, siteById('skyhop')] });
});
afterAll(() => server.close());

const target = (site: SiteDefinition, difficulty: 'easy' | 'medium' = 'easy') => {
  for (let index = 0; ; index++) {
    const t = generateTask({ site, catalogue: catalogueFor(site.id), world, seed: 3, index, difficulty, split: 'dev' });
    if (t) return t.target;
  }
};
const siteState = async (d: SiteDriver, id: string): Promise<SiteEpisodeState> => (await d.state()).sites[id]!;

/** Search and choose the target on the walled site, then sign up and sign in; returns the driver. */
async function upToDetails(t: ReturnType<typeof target>) {
  const d = await SiteDriver.start(server);
  await d.search(walled.id, t.params);
  const chosen = await d.request(walled.id, 'POST', `/listing/${encodeURIComponent(t.listingId)}?${new URLSearchParams(Object.entries(t.params).map(([k, v]) => [k, String(v)]))}`, Object.entries(t.choices).map(([g, c]): [string, string] => [`opt_${g}`, c]));
  // The account wall comes before the details.
  expect(pageText(chosen.body)).toContain('Sign in');
  return d;
}

describe('flow steps refuse what a real booking site refuses', () => {
  it('account wall: no guest booking, a weak password and a wrong one refused; registered and signed in, the flow goes on', async () => {
    const t = target(walled);
    const d = await upToDetails(t);
    const guest = await d.request(walled.id, 'POST', '/account/guest', {});
    expect(guest.status).toBe(422);
    expect(pageText(guest.body)).toContain('This site needs an account to book');
    const weak = await d.request(walled.id, 'POST', '/account/register', { name: 'Ana Silva', email: 'ana@example.com', password: 'short' });
    expect(weak.status).toBe(422);
    expect(pageText(weak.body)).toContain('at least 8 characters with a letter and a digit');
    const ok = await d.request(walled.id, 'POST', '/account/register', { name: 'Ana Silva', email: 'ana@example.com', password: 'lisbon2026' });
    expect(pageText(ok.body)).toContain('Account created for ana@example.com');
    const wrong = await d.request(walled.id, 'POST', '/account/sign-in', { email: 'ana@example.com', password: 'lisbon2027' });
    expect(wrong.status).toBe(422);
    expect(pageText(wrong.body)).toContain('The email or password is not right');
    expect((await siteState(d, walled.id)).account?.signedIn ?? null).toBeNull();
    const signed = await d.request(walled.id, 'POST', '/account/sign-in', { email: 'ana@example.com', password: 'lisbon2026' });
    expect(signed.status).toBe(200);
    expect(pageText(signed.body)).toContain('Step 1 of');
    expect((await siteState(d, walled.id)).account?.signedIn).toBe('ana@example.com');
  });

  it('wizard and payment: one part a page; a declined card is recorded and books nothing; an accepted card books once', async () => {
    const t = target(walled);
    const d = await upToDetails(t);
    await d.request(walled.id, 'POST', '/account/register', { name: 'Ana Silva', email: 'ana@example.com', password: 'lisbon2026' });
    await d.request(walled.id, 'POST', '/account/sign-in', { email: 'ana@example.com', password: 'lisbon2026' });
    const fields: Record<string, string> = {};
    t.travellers.forEach((p, i) => Object.entries(p).forEach(([k, v]) => (fields[travellerInputName(i + 1, k)] = v)));
    for (const [k, v] of Object.entries(t.contact)) fields[contactInputName(k)] = v;
    // Skipping ahead: the review is not reached before every part is filled.
    const early = await d.request(walled.id, 'GET', '/review');
    expect(pageText(early.body)).not.toContain('Review your booking');
    let page = await d.request(walled.id, 'POST', '/details', { ...fields, wizard_part: 'travellers' });
    expect(pageText(page.body)).toMatch(/Step 2 of \d/);
    page = await d.request(walled.id, 'POST', '/details', { ...fields, wizard_part: 'contact' });
    if (/Step 3 of 3: Add-ons/.test(pageText(page.body))) {
      // As a browser posts the add-ons page untouched: the steppers' values, no unticked boxes.
      const steppers = [...page.body.matchAll(/<input[^>]*type="number"[^>]*>/g)].map((m) => [/name="([^"]+)"/.exec(m[0])![1]!, /value="([^"]*)"/.exec(m[0])?.[1] ?? '0'] as [string, string]);
      page = await d.request(walled.id, 'POST', '/details', [...Object.entries(fields), ...steppers, ['wizard_part', 'extras']]);
    }
    expect(page.status).toBeLessThan(400);
    // The forms that book carry the page's token, as a browser posts them.
    const reviewToken = formTokenOf((await d.request(walled.id, 'GET', '/review')).body);
    const review = await d.request(walled.id, 'POST', '/book', { [FORM_TOKEN]: reviewToken, terms: 'accepted' });
    expect(pageText(review.body)).toContain('Card number');
    const card = { [FORM_TOKEN]: formTokenOf(review.body), cardName: 'Ana Silva', expiry: '12/29', cvc: '123', postcode: '1100-148' };
    const badNumber = await d.request(walled.id, 'POST', '/payment', { ...card, cardNumber: '4242 4242 4242 4241' });
    expect(badNumber.status).toBe(422);
    expect((await siteState(d, walled.id)).payments).toEqual([]);
    const declined = await d.request(walled.id, 'POST', '/payment', { ...card, cardNumber: TEST_CARDS.declined[0]! });
    expect(declined.status).toBe(422);
    expect(pageText(declined.body)).toContain('Your card was declined.');
    let s = await siteState(d, walled.id);
    expect(s.payments.map((p) => p.outcome)).toEqual(['declined']);
    expect(s.bookings).toEqual([]);
    const paid = await d.request(walled.id, 'POST', '/payment', { ...card, cardNumber: TEST_CARDS.accepted[0]! });
    expect(paid.status).toBe(200);
    expect(pageText(paid.body)).toContain(walled.wording.confirmationHeading);
    s = await siteState(d, walled.id);
    expect(s.bookings).toHaveLength(1);
    expect(s.bookings[0]!.payment).toEqual({ last4: '4242', amount: s.bookings[0]!.price.total });
    expect(s.bookings[0]!.account).toBe('ana@example.com');
    // Paying again does not book again.
    await d.request(walled.id, 'POST', '/payment', { ...card, cardNumber: TEST_CARDS.accepted[0]! });
    expect((await siteState(d, walled.id)).bookings).toHaveLength(1);
  });

  it('a later round is required: a new outbound choice drops the return flight, and the details lead back to the return round', async () => {
    const skyhop = siteById('skyhop');
    let t: ReturnType<typeof target> | undefined;
    for (let index = 0; index < 60 && !t; index++) {
      const task = generateTask({ site: skyhop, catalogue: catalogueFor(skyhop.id), world, seed: 5, index, difficulty: 'medium', split: 'dev' });
      if (task && !task.manage && task.target.items?.some((x) => x.slot === 'return')) t = task.target;
    }
    expect(t, 'a return-trip task').toBeDefined();
    const back = t!.items!.find((x) => x.slot === 'return')!;
    const d = await SiteDriver.start(server);
    await d.search(skyhop.id, t!.params);
    const chosen = await d.choose(skyhop.id, t!.listingId, t!.choices, t!.params, t!);
    expect(chosen.path).toMatch(/^\/round\/return/);
    await d.round(skyhop.id, 'return', back.listingId, back.choices, back);
    expect((await siteState(d, skyhop.id)).extraItems.map((x) => x.slot)).toEqual(['return']);
    // Choosing the outbound again starts the booking over: the flight back must be chosen again.
    await d.choose(skyhop.id, t!.listingId, t!.choices, t!.params, t!);
    expect((await siteState(d, skyhop.id)).extraItems).toEqual([]);
    const details = await d.request(skyhop.id, 'GET', '/details');
    expect(details.path).toMatch(/^\/round\/return/);
    const fields: Record<string, string> = {};
    t!.travellers.forEach((p, i) => Object.entries(p).forEach(([k, v]) => (fields[travellerInputName(i + 1, k)] = v)));
    for (const [k, v] of Object.entries(t!.contact)) fields[contactInputName(k)] = v;
    expect((await d.request(skyhop.id, 'POST', '/details', fields)).path).toMatch(/^\/round\/return/);
    expect((await d.book(skyhop.id)).path).toMatch(/^\/round\/return/);
    expect((await siteState(d, skyhop.id)).bookings).toEqual([]);
    // With the flight back chosen again, the same details book.
    await d.round(skyhop.id, 'return', back.listingId, back.choices, back);
    await d.details(skyhop.id, t!.travellers, t!.contact, t!.extras);
    expect((await d.book(skyhop.id)).path).toMatch(/^\/confirmation/);
    expect((await siteState(d, skyhop.id)).bookings).toHaveLength(1);
  });

  it('seat map: one seat per traveller, a taken seat or too few seats refused with the reason', async () => {
    const skyhop = siteById('skyhop');
    const t = target(skyhop);
    const d = await SiteDriver.start(server);
    await d.search(skyhop.id, t.params);
    const detail = skyhop.detail(world, t.params, t.listingId)!;
    const seats = detail.optionGroups.find((g) => g.id === 'seats')!;
    const taken = seats.choices.find((c) => c.soldOut)!;
    const open = seats.choices.filter((c) => !c.soldOut);
    const n = t.multi!.seats!.length;
    const post = (ids: string[]) => d.request(skyhop.id, 'POST', `/listing/${encodeURIComponent(t.listingId)}?${new URLSearchParams(Object.entries(t.params).map(([k, v]) => [k, String(v)]))}`, [...Object.entries(t.choices).map(([g, c]) => [`opt_${g}`, c] as [string, string]), ...ids.map((id) => ['opt_seats', id] as [string, string])]);
    const takenReply = await post([taken.id, ...open.slice(0, n - 1).map((c) => c.id)]);
    expect(takenReply.status).toBe(422);
    expect(pageText(takenReply.body)).toContain(`${taken.label} is taken; choose another`);
    const tooFew = await post(open.slice(0, Math.max(0, n - 1)).map((c) => c.id));
    expect(tooFew.status).toBe(422);
    expect(pageText(tooFew.body)).toContain(`one per traveller (you chose ${n - 1})`);
    expect((await siteState(d, skyhop.id)).selection).toBeNull();
    const fine = await post(open.slice(0, n).map((c) => c.id));
    expect(fine.status).toBe(200);
    const s = await siteState(d, skyhop.id);
    expect(s.selection!.options.filter((o) => o.groupId === 'seats').map((o) => o.choiceId)).toEqual(open.slice(0, n).map((c) => c.id));
  });
});
