import type { Hono } from 'hono';
import { contextFor } from '../flow.js';
import { ConfirmationPage, MessagePage } from '../views/booking-pages.js';
import type { Env, FlowStep, StepKit } from './kit.js';
import { summaryOf } from './shared.js';

/** The confirmation of a booking: its reference and everything that was booked. */
export const confirmationStep = (): FlowStep => ({
  id: 'confirmation',
  entry: '/confirmation',
  register(app: Hono<Env>, kit: StepKit) {
    const { site, world } = kit;
    app.get('/confirmation/:ref', (c) => {
      const booking = c.get('state').bookings.find((b) => b.reference === c.req.param('ref'));
      if (!booking) return kit.render(c, 'done', 'Not found', <MessagePage heading="Booking not found" body="No booking with this reference belongs to you." />, 404);
      const params = Object.fromEntries(site.searchFields.flatMap((f) => (booking.attrs[f.name] === undefined ? [] : [[f.name, booking.attrs[f.name] as string | number]])));
      const ctx = contextFor(site, world, { listingId: booking.listingId, params, title: booking.title, options: booking.options, attrs: booking.attrs, seq: booking.seq }, params, booking.extras);
      const summary = summaryOf(site, world, booking.attrs, booking.travellers, booking.contact, booking.extras, ctx);
      return kit.render(c, 'done', site.wording.confirmationHeading, <ConfirmationPage site={site} booking={booking} summary={summary} />);
    });
  },
});
