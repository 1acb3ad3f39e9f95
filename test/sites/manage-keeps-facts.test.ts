import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { cancellationTerms, changeTravellers } from '../../src/sites/engine/manage-actions.js';
import { fixtureBooking } from '../../src/sites/engine/manage.js';
import { siteById } from '../../src/sites/registry.js';
import { testWorld } from '../helpers/test-server.js';

/**
 * Changing the names on a booking changes the names only: the booking keeps every other fact its
 * page shows and its policy reads. MediBook's listing details are built afresh on every call, so
 * a change that re-reads them must match the chosen options by id, not by object identity (it
 * once dropped the appointment's kind, date, time and fee, and the policy then said the
 * appointment "has already taken place").
 */
describe('a change of names on an existing booking', () => {
  it('keeps the appointment kind, date, time and fee, and the cancellation terms (MediBook)', () => {
    const world = testWorld();
    const site = siteById('medibook');
    const params = site.exampleSearch(world, new Rng('manage-keeps-facts'));
    const listing = site.search(world, params).find((l) => !l.soldOut)!;
    const detail = site.detail(world, params, listing.id)!;
    const choices = Object.fromEntries(detail.optionGroups.map((g) => [g.id, g.choices.find((c) => !c.soldOut)!.id]));
    const booking = fixtureBooking(site, world, 'fixtures', {
      reference: 'MED-ABCDEF',
      params,
      listingId: listing.id,
      choices,
      travellers: [{ firstName: 'Omar', lastName: 'Moreau', dateOfBirth: '1986-10-02' }],
      contact: { email: 'omar.moreau@example.com', phone: '+351 910 000 000', insurance: 'self' },
      extras: {},
    });
    if (typeof booking === 'string') throw new Error(booking);
    expect(booking.attrs.appointmentDate).toBeDefined();

    const renamed = changeTravellers(site, world, booking, [{ firstName: 'Clara', lastName: 'Dubois', dateOfBirth: '1986-10-02' }], 3);
    if (typeof renamed === 'string') throw new Error(renamed);
    expect(renamed.travellers[0]).toMatchObject({ firstName: 'Clara', lastName: 'Dubois' });
    for (const field of ['appointmentKind', 'appointmentDate', 'appointmentTime', 'visitFee', 'practitioner', 'totalPrice']) expect(renamed.attrs[field], field).toEqual(booking.attrs[field]);
    expect(cancellationTerms(site, renamed)).toEqual(cancellationTerms(site, booking));
  });
});
