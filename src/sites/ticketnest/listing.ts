import { addDays, formatDuration, longDate, minutesToTime, shortDate, timeToMinutes } from '../../core/dates.js';
import type { World } from '../../world/world.js';
import type { EventRow, EventSection } from './domain.js';
import type { Choice, Listing, ListingDetail } from '../engine/site-definition.js';
import { daysUntil, type EventQuery } from './inventory.js';
import { DELIVERY_METHODS, euro, POST_MIN_DAYS, serviceFee } from './pricing.js';
import { CATEGORY_LABELS } from './wording.js';

const VENUE_KIND_LABELS: Record<EventRow['venueKind'], string> = {
  hall: 'Theatre & concert hall',
  arena: 'Indoor arena',
  club: 'Live music club',
  stadium: 'Stadium',
  grounds: 'Open-air grounds',
};

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function ageLabel(age: EventRow['ageRestriction']): string {
  return age === 'none' ? 'All ages' : `${age} only`;
}

/** Sections that can seat the whole party. */
function available(ev: EventRow, tickets: number): EventSection[] {
  return ev.sections.filter((s) => s.seatsLeft >= tickets);
}

export function toListing(ev: EventRow, q: EventQuery): Listing {
  const open = available(ev, q.tickets);
  const soldOut = open.length === 0;
  const pool = soldOut ? ev.sections : open;
  const minPrice = Math.min(...pool.map((s) => s.price));
  const badges: string[] = [];
  if (soldOut) badges.push(ev.sections.some((s) => s.seatsLeft > 0) ? `Not enough tickets for ${q.tickets}` : 'Sold out');
  else if (open.every((s) => s.seatsLeft <= 9)) badges.push('Last few tickets');
  if (!soldOut && ev.popularity >= 85) badges.push('Selling fast');
  if (ev.ageRestriction !== 'none') badges.push(ev.ageRestriction);
  if (!soldOut && !open.some((s) => s.seated)) badges.push('Standing only');
  const attrs: Listing['attrs'] = {
    category: ev.category,
    genre: ev.genre,
    performer: ev.performer,
    venue: ev.venue,
    venueId: ev.venueId,
    neighbourhood: ev.neighbourhood,
    date: ev.date,
    time: ev.time,
    startsAt: `${ev.date}T${ev.time}`,
    durationMin: ev.durationMin,
    ageRestriction: ev.ageRestriction,
    minPrice,
    popularity: ev.popularity,
    seatedAvailable: open.some((s) => s.seated),
    parkingAvailable: ev.parkingPrice !== null,
    programmePrice: ev.programmePrice,
  };
  if (ev.parkingPrice !== null) attrs.parkingPrice = ev.parkingPrice;
  return {
    id: ev.id,
    title: ev.title,
    subtitle: `${shortDate(ev.date)} · ${ev.time} · ${ev.venue}, ${ev.neighbourhood}`,
    badges,
    facts: [
      { label: 'Category', value: `${CATEGORY_LABELS[ev.category]} · ${cap(ev.genre)}` },
      { label: 'Duration', value: formatDuration(ev.durationMin) },
    ],
    price: minPrice,
    priceUnit: 'per ticket',
    soldOut,
    attrs,
  };
}

function sectionChoice(s: EventSection, tickets: number): Choice {
  const enough = s.seatsLeft >= tickets;
  const parts = [s.seated ? 'Allocated seating' : 'Standing, general admission', `+ ${euro(serviceFee(s.price))} service fee per ticket`];
  if (s.seatsLeft === 0) parts.push('Sold out');
  else if (!enough) parts.push(`Only ${s.seatsLeft} left: not enough for ${tickets} tickets`);
  else if (s.seatsLeft <= 3) parts.push(`Only ${s.seatsLeft} left`);
  else if (s.seatsLeft <= 9) parts.push('Limited availability');
  return {
    id: s.id,
    label: s.name,
    description: parts.join(' · '),
    price: s.price,
    soldOut: !enough,
    attrs: { section: s.name, seated: s.seated, ticketPrice: s.price, serviceFee: serviceFee(s.price) },
  };
}

function deliveryChoices(world: World, ev: EventRow): Choice[] {
  const days = daysUntil(world, ev);
  return DELIVERY_METHODS.map((m) => {
    let unavailable: string | undefined;
    if (m.id === 'post' && days < POST_MIN_DAYS) unavailable = `Not available for events less than ${POST_MIN_DAYS} days away`;
    if (m.id === 'boxoffice' && ev.venueKind === 'grounds') unavailable = 'This venue has no box office';
    const fee = m.fee === 0 ? 'Free' : `${euro(m.fee)} per order`;
    return {
      id: m.id,
      label: m.label,
      description: unavailable ? `${unavailable}.` : `${fee}. ${m.description}`,
      price: m.fee,
      soldOut: unavailable !== undefined,
      ...(unavailable !== undefined ? { unavailableLabel: 'Not available' } : {}),
      attrs: { delivery: m.id, deliveryFee: m.fee },
    };
  });
}

export function toDetail(world: World, ev: EventRow, q: EventQuery): ListingDetail {
  const listing = toListing(ev, q);
  const doors = minutesToTime(timeToMinutes(ev.time) - ev.doorsBeforeMin);
  const ends = timeToMinutes(ev.time) + ev.durationMin;
  const description = [
    ev.blurb,
    `${ev.venue} (${VENUE_KIND_LABELS[ev.venueKind].toLowerCase()}, ${ev.venueCapacity.toLocaleString('en-US')} capacity) is in ${ev.neighbourhood}. Doors open at ${doors}; the ${ev.category === 'festival' ? 'day' : 'show'} is expected to finish around ${minutesToTime(ends)}${ends >= 1440 ? ` on ${shortDate(addDays(ev.date, 1))}` : ''}.`,
  ];
  if (ev.ageRestriction !== 'none') {
    description.push(`Age restriction ${ev.ageRestriction}: every ticket holder must show photo ID at the door. Under-age guests will be refused entry without a refund.`);
  }
  description.push(
    'All sales are final: tickets cannot be refunded or exchanged unless the event is cancelled. Add ticket insurance on the next step to get your money back if you cannot go.',
    `Prices are per ticket. A service fee applies to every ticket; delivery fees are charged once per order. Maximum ${8} tickets per order.`,
  );
  return {
    listing,
    description,
    facts: [
      { label: 'Date', value: longDate(ev.date) },
      { label: 'Starts', value: ev.time },
      { label: 'Doors open', value: doors },
      { label: 'Duration', value: formatDuration(ev.durationMin) },
      { label: 'Performer', value: ev.performer },
      { label: 'Venue', value: `${ev.venue}, ${ev.neighbourhood}` },
      { label: 'Category', value: `${CATEGORY_LABELS[ev.category]} · ${cap(ev.genre)}` },
      { label: 'Age restriction', value: ageLabel(ev.ageRestriction) },
      { label: 'Parking', value: ev.parkingPrice === null ? 'No venue parking' : `Parking pass ${euro(ev.parkingPrice)}` },
    ],
    optionGroups: [
      { id: 'section', label: 'Section', display: 'cards', choices: ev.sections.map((s) => sectionChoice(s, q.tickets)) },
      { id: 'delivery', label: 'Delivery', display: 'list', choices: deliveryChoices(world, ev) },
    ],
  };
}
