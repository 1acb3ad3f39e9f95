import type { Hono } from 'hono';
import { logger } from '../../../core/logger.js';
import { contextFor, makeBooking, paramsOf } from '../flow.js';
import { ReviewPage } from '../views/booking-pages.js';
import { formBody, type C, type Env, type FlowStep, type StepKit } from './kit.js';
import { nothingSelected, summaryOf } from './shared.js';

const log = logger('sites:review');

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
    const reviewView = (c: C, error?: string) => {
      const state = c.get('state');
      const selection = state.selection!;
      const form = state.form!;
      const params = paramsOf(selection);
      const ctx = contextFor(site, world, selection, params, form.extras);
      if (!ctx) return nothingSelected(kit, c);
      const price = site.price(ctx);
      const summary = summaryOf(site, world, { ...selection.attrs, totalPrice: price.total }, form.travellers, form.contact, form.extras, ctx);
      return kit.render(c, 'review', 'Review your booking', <ReviewPage site={site} selection={selection} summary={summary} price={price} error={error} />, error ? 422 : 200);
    };

    app.get('/review', (c) => {
      const state = c.get('state');
      if (!state.selection) return nothingSelected(kit, c);
      if (!state.form?.accepted) return c.redirect(kit.pathOf('details') ?? '/details', 303);
      return reviewView(c);
    });

    app.post('/book', async (c) => {
      const state = c.get('state');
      if (!state.selection) return nothingSelected(kit, c);
      if (!state.form?.accepted) return c.redirect(kit.pathOf('details') ?? '/details', 303);
      const body = await formBody(c);
      if (body.terms !== 'accepted') return reviewView(c, 'Accept the terms and conditions to book');
      const params = paramsOf(state.selection);
      const ctx = contextFor(site, world, state.selection, params, state.form.extras);
      if (!ctx) return nothingSelected(kit, c);
      const price = site.price(ctx);
      const booking = makeBooking(site, c.get('episodeId'), state, ctx, state.form, price);
      state.bookings.push(booking);
      state.cart = price;
      log.debug('booked', { site: site.id, reference: booking.reference });
      return c.redirect(`/confirmation/${booking.reference}`, 303);
    });
  },
});
