import type { Attrs, PriceBreakdown, Person } from '../../core/schemas/episode-state.js';
import type { Choice, Extra, SelectionContext } from '../engine/site-definition.js';
import { readQuery } from './inventory.js';

/** TicketNest prices everything in euros. */
export const CURRENCY = 'EUR';

export const round2 = (n: number): number => Math.round(n * 100) / 100;
const roundHalf = (n: number): number => Math.round(n * 2) / 2;

export function euro(n: number): string {
  return `€${n.toFixed(2)}`;
}

/** Booking fee charged on every ticket: 10% of face value, in half euros, at least €1.50. */
export function serviceFee(ticketPrice: number): number {
  return Math.max(1.5, roundHalf(ticketPrice * 0.1));
}

/** Refund protection per ticket: 8% of face value, in half euros, at least €2.50. */
export function insurancePrice(ticketPrice: number): number {
  return Math.max(2.5, roundHalf(ticketPrice * 0.08));
}

export type DeliveryMethod = { id: string; label: string; fee: number; description: string };

export const DELIVERY_METHODS: readonly DeliveryMethod[] = [
  { id: 'eticket', label: 'E-ticket (PDF)', fee: 0, description: 'Emailed straight away; print it or show it on your phone.' },
  { id: 'wallet', label: 'Mobile wallet', fee: 0, description: 'Added to Apple Wallet or Google Wallet; the barcode appears 48 hours before the event.' },
  { id: 'boxoffice', label: 'Box-office pickup', fee: 2, description: 'Collect at the venue box office from 90 minutes before the start; bring photo ID and your reference.' },
  { id: 'post', label: 'Posted tickets', fee: 6.5, description: 'Printed tickets sent by tracked post within 5 working days.' },
];
/** Posted tickets need this many days before the event. */
export const POST_MIN_DAYS = 7;

type SectionPick = { name: string; price: number; fee: number };

function sectionOf(ctx: Pick<SelectionContext, 'choices' | 'listing'>): SectionPick {
  const c = ctx.choices.find((ch) => typeof ch.attrs.section === 'string');
  if (!c) return { name: 'Tickets', price: ctx.listing.price, fee: serviceFee(ctx.listing.price) };
  return { name: String(c.attrs.section), price: c.price, fee: serviceFee(c.price) };
}

function deliveryOf(choices: Choice[]): Choice | undefined {
  return choices.find((ch) => typeof ch.attrs.delivery === 'string');
}

export function ticketCount(ctx: Pick<SelectionContext, 'params'>): number {
  return readQuery(ctx.params).tickets;
}

export function extrasFor(ctx: Omit<SelectionContext, 'extras'>): Extra[] {
  const section = sectionOf(ctx);
  const a = ctx.listing.attrs;
  const out: Extra[] = [
    {
      id: 'insurance',
      label: 'Ticket insurance',
      noun: 'ticket insurance',
      description: `Get a full refund if you can't attend because of illness, travel disruption or jury service. ${euro(insurancePrice(section.price))} per ticket.`,
      price: insurancePrice(section.price),
      per: 'unit',
      kind: 'checkbox',
    },
  ];
  if (typeof a.parkingPrice === 'number') {
    out.push({
      id: 'parking',
      label: 'Parking pass',
      noun: 'a parking pass',
      description: `One car, valid on the day at the official ${String(a.venue)} car park.`,
      price: a.parkingPrice,
      per: 'booking',
      kind: 'checkbox',
    });
  }
  if (typeof a.programmePrice === 'number') {
    out.push({
      id: 'programme',
      label: a.category === 'sports' ? 'Match-day programme' : a.category === 'festival' ? 'Festival guide' : 'Souvenir programme',
      noun: a.category === 'sports' ? 'a match-day programme' : a.category === 'festival' ? 'a festival guide' : 'a souvenir programme',
      description: 'Collect at the merchandise stand with your tickets.',
      price: a.programmePrice,
      per: 'booking',
      kind: 'stepper',
      max: 8,
    });
  }
  return out;
}

/** Quantity of an extra as ordered, clamped to what the form allows. */
function quantity(extra: Extra, chosen: Record<string, number>): number {
  const max = extra.kind === 'checkbox' ? 1 : extra.max ?? 1;
  return Math.min(max, Math.max(0, Math.trunc(chosen[extra.id] ?? 0)));
}

export function priceSelection(ctx: SelectionContext): PriceBreakdown {
  const n = ticketCount(ctx);
  const section = sectionOf(ctx);
  const lines: { label: string; amount: number }[] = [
    { label: `${section.name} ticket × ${n}`, amount: round2(section.price * n) },
    { label: `Service fee (${euro(section.fee)} × ${n})`, amount: round2(section.fee * n) },
  ];
  const delivery = deliveryOf(ctx.choices);
  if (delivery) lines.push({ label: `Delivery: ${delivery.label}`, amount: round2(delivery.price) });
  for (const extra of extrasFor(ctx)) {
    const qty = quantity(extra, ctx.extras);
    if (qty === 0) continue;
    const units = extra.per === 'unit' ? n : 1;
    const count = qty * units;
    lines.push({ label: count > 1 ? `${extra.label} × ${count}` : extra.label, amount: round2(extra.price * count) });
  }
  const total = round2(lines.reduce((s, l) => s + l.amount, 0));
  return { currency: CURRENCY, lines, total };
}

export function bookingFacts(ctx: SelectionContext, _travellers: Person[]): Attrs {
  const offered = extrasFor(ctx);
  const chosen = offered.filter((e) => quantity(e, ctx.extras) > 0).map((e) => e.id);
  const programme = offered.find((e) => e.id === 'programme');
  const insured = chosen.includes('insurance');
  return {
    tickets: ticketCount(ctx),
    totalPrice: priceSelection(ctx).total,
    extras: chosen,
    ticketInsurance: insured,
    parkingPass: chosen.includes('parking'),
    programmes: programme ? quantity(programme, ctx.extras) : 0,
    refundable: insured,
  };
}
