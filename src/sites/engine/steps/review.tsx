import type { Hono } from 'hono';
import { withItems } from '../../../core/schemas/episode-state.js';
import { ReviewPage } from '../views/booking-pages.js';
import { bookEpisode, checkToken, currentToken } from './book.js';
import { formBody, type C, type Env, type FlowStep, type StepKit } from './kit.js';
import { itemContext, priceOfEpisode } from './pricing.js';
import { nothingSelected, summaryOf } from './shared.js';

/**
 * The review page: everything that will be booked, the price, the terms. Accepting the terms
 * books when the flow ends here; otherwise it goes on (to payment).
 */
export const reviewStep = (): FlowStep => ({
  id: 'review',
  entry: '/review',
  label: (site) => site.layout.steps.review,
  register(app: Hono<Env>, kit: StepKit) {
    const { site, world } = kit;
    // Whether accepting the terms books, or the flow goes on to pay first.
    const booksHere = (c: C) => kit.next(c, 'review') === kit.pathOf('confirmation');
    const reviewView = (c: C, error?: string, status: 409 | 422 = 422) => {
      const state = c.get('state');
      const selection = state.selection!;
      const form = state.form!;
      const ctx = itemContext(site, world, selection, form.extras);
      const price = priceOfEpisode(site, world, state);
      if (!ctx || !price) return nothingSelected(kit, c);
      const summary = summaryOf(site, world, withItems({ ...selection.attrs, totalPrice: price.total }, state.extraItems), form.travellers, form.contact, form.extras, ctx);
      return kit.render(
        c,
        'review',
        'Review your booking',
        <ReviewPage site={site} selection={selection} items={state.extraItems} summary={summary} price={price} error={error} button={booksHere(c) ? site.wording.bookButton : 'Continue to payment'} formToken={currentToken(c)} />,
        error ? status : 200,
      );
    };

    app.get('/review', (c) => {
      const state = c.get('state');
      if (!state.selection) return nothingSelected(kit, c);
      const first = kit.blocked(c, 'review');
      if (first) return c.redirect(first, 303);
      if (!state.form?.accepted) return c.redirect(kit.pathOf('details') ?? '/details', 303);
      return reviewView(c);
    });

    app.post('/book', async (c) => {
      const state = c.get('state');
      const body = await formBody(c);
      // The same form posted again (double click, resend) gets the booking it already made.
      const token = checkToken(c, body);
      if (token.kind === 'earlier') return c.redirect(`/confirmation/${token.reference}`, 303);
      if (!state.selection) return nothingSelected(kit, c);
      const first = kit.blocked(c, 'review');
      if (first) return c.redirect(first, 303);
      if (!state.form?.accepted) return c.redirect(kit.pathOf('details') ?? '/details', 303);
      if (token.kind === 'stale') return reviewView(c, 'This review was out of date: check the booking below and book again', 409);
      if (body.terms !== 'accepted') return reviewView(c, `Accept the terms and conditions to ${booksHere(c) ? 'book' : 'continue'}`);
      state.form.termsAccepted = true;
      if (!booksHere(c)) return c.redirect(kit.next(c, 'review'), 303);
      const booking = bookEpisode(kit, c, token.token);
      if (!booking) return nothingSelected(kit, c);
      return c.redirect(`/confirmation/${booking.reference}`, 303);
    });
  },
});
