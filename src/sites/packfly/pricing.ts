import type { Attrs, Person, PriceBreakdown } from '../../core/schemas/episode-state.js';
import { sumLines } from '../engine/common-fields.js';
import type { Extra, SelectionContext } from '../engine/site-definition.js';
import { BOARDS, ROOMS, type BoardId, type RoomId } from './domain.js';
import { CHILD_FLIGHT_SHARE, CURRENCY, isFlightsSearch, nightsOf, partyOf, round2 } from './inventory.js';

type Ctx = Omit<SelectionContext, 'extras'>;

/** Add-ons of the whole package, offered with the details. */
export function packageExtras(_ctx: Ctx): Extra[] {
  return [
    { id: 'transfer', label: 'Airport transfers, both ways', noun: 'airport transfers', description: 'Shared coach to and from your hotel; per person', price: 19, per: 'traveller', kind: 'checkbox' },
    { id: 'insurance', label: 'Holiday insurance', noun: 'holiday insurance', description: 'Cancellation, medical and baggage cover; per person', price: 24, per: 'traveller', kind: 'checkbox' },
  ];
}

/** The hotel part (room a night, board per person a night, add-ons) or the flights part (fares and bags). */
export function packagePrice(ctx: SelectionContext): PriceBreakdown {
  const party = partyOf(ctx.params);
  const lines: PriceBreakdown['lines'] = [];
  if (isFlightsSearch(ctx.params)) {
    const fare = Number(ctx.listing.attrs.flightFare ?? 0);
    lines.push({ label: `Flights, adult × ${party.adults}`, amount: round2(fare * party.adults) });
    if (party.children > 0) lines.push({ label: `Flights, child (−20%) × ${party.children}`, amount: round2(round2(fare * CHILD_FLIGHT_SHARE) * party.children) });
    const bag = ctx.choices.find((c) => c.attrs.luggage === 'hold');
    if (bag) lines.push({ label: `Checked bags × ${party.travellers}`, amount: round2(bag.price * party.travellers) });
    return sumLines(CURRENCY, lines);
  }
  const nights = nightsOf(ctx.params);
  const room = ctx.choices.find((c) => c.attrs.room !== undefined);
  const board = ctx.choices.find((c) => c.attrs.board !== undefined);
  if (room) lines.push({ label: `${ROOMS[room.id as RoomId]?.label ?? room.label}, ${nights} nights`, amount: round2(room.price * nights) });
  if (board && board.price > 0) lines.push({ label: `${BOARDS[board.id as BoardId]?.label ?? board.label} × ${party.travellers}, ${nights} nights`, amount: round2(board.price * party.travellers * nights) });
  for (const x of packageExtras(ctx)) {
    const q = ctx.extras[x.id] ?? 0;
    if (q > 0) lines.push({ label: `${x.label} × ${party.travellers}`, amount: round2(x.price * party.travellers) });
  }
  return sumLines(CURRENCY, lines);
}

export function packageBookingAttrs(ctx: SelectionContext, travellers: Person[]): Attrs {
  return {
    transfers: (ctx.extras.transfer ?? 0) > 0,
    insurance: (ctx.extras.insurance ?? 0) > 0,
    leadTraveller: travellers[0] ? `${travellers[0].firstName ?? ''} ${travellers[0].lastName ?? ''}`.trim() : '',
  };
}
