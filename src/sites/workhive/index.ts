import { daysBetween, horizonDates, timeToMinutes, weekday, WORLD_TODAY } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { Booking } from '../../core/schemas/episode-state.js';
import type { World } from '../../world/world.js';
import { CITY_OPTIONS, cityLabel, suggestCities } from '../engine/city-search.js';
import { emailField, nameField, phoneField, round2, sumLines } from '../engine/common-fields.js';
import type { Extra, ManagePolicy, PolicyOutcome, SearchParams, SelectionContext, SiteDefinition } from '../engine/site-definition.js';
import { steps } from '../engine/steps/index.js';
import { KINDS, KIND_LABELS, workspacesDomain, type Kind } from './domain.js';
import { WORKHIVE_FACTS } from './facts.js';
import { HOURS, hoursOf, kindOf } from './inventory.js';
import { layout, theme, wording } from './look.js';
import { detail, filters, hoursText, search, sorts, whyUnavailable } from './spaces.js';
import { workhiveTasks } from './tasks.js';

const CURRENCY = 'EUR';
const SERVICE_FEE = 2.5;

/** Add-ons by kind of space: catering per person, parking spaces, an AV technician for rooms with a screen to run. */
function extras(ctx: Omit<SelectionContext, 'extras'>): Extra[] {
  const kind = kindOf(ctx.params.kind);
  const coffee: Extra = { id: 'coffee', label: 'Coffee, tea and water (per person)', noun: 'coffee and tea for everyone', price: 4, per: 'unit', kind: 'checkbox' };
  const lunch: Extra = { id: 'lunch', label: 'Sandwich lunch platter (per person)', noun: 'a lunch platter for everyone', price: 14, per: 'unit', kind: 'checkbox' };
  const parking: Extra = { id: 'parking', label: 'Parking space in the building (each)', noun: 'a parking space', description: 'For the whole booking', price: 12, per: 'booking', kind: 'stepper', max: 4 };
  const av: Extra = { id: 'av', label: 'AV technician on hand', noun: 'an AV technician', description: 'Sets up screens, microphones and calls, and stays for the first hour', price: 60, per: 'booking', kind: 'checkbox' };
  const locker: Extra = { id: 'locker', label: 'Day locker (per person)', noun: 'day lockers', price: 5, per: 'unit', kind: 'checkbox' };
  if (kind === 'desk') return [coffee, locker, parking];
  if (kind === 'office') return [coffee, lunch, parking];
  return [coffee, lunch, parking, av];
}

const attendees = (params: SearchParams) => Math.max(1, Number(params.attendees) || 1);

function price(ctx: SelectionContext) {
  const n = attendees(ctx.params);
  const hours = hoursOf(ctx.params.hours);
  const lines = [{ label: `${ctx.listing.title}, ${hoursText(hours)}${kindOf(ctx.params.kind) === 'desk' ? `, ${n} desk${n === 1 ? '' : 's'}` : ''}`, amount: Number(ctx.listing.attrs.spacePrice ?? ctx.listing.price) }];
  for (const x of extras(ctx)) {
    const qty = ctx.extras[x.id] ?? 0;
    if (qty <= 0) continue;
    if (x.per === 'unit') lines.push({ label: `${x.label.replace(/ \(per person\)$/, '')} × ${n}`, amount: round2(x.price * n) });
    else lines.push({ label: qty > 1 ? `${x.label} × ${qty}` : x.label, amount: round2(x.price * qty) });
  }
  lines.push({ label: 'Service fee', amount: SERVICE_FEE });
  return sumLines(CURRENCY, lines);
}

/** Hours from the world's "now" (noon on its today) to the booking's start. */
function hoursUntil(b: Booking): number {
  const date = String(b.attrs.date ?? WORLD_TODAY);
  const time = String(b.attrs.time ?? '12:00');
  return daysBetween(WORLD_TODAY, date) * 24 + (timeToMinutes(time) - 12 * 60) / 60;
}

/**
 * Free cancellation until 48 hours before the start, then half the space's price; move to another
 * day (same space, same start time) for free until 24 hours before.
 */
export const workhivePolicy: ManagePolicy = {
  dateFields: ['date'],
  travellers: true,
  dateChange(b): PolicyOutcome {
    const h = hoursUntil(b);
    if (h <= 0) return { allowed: false, fee: 0, reason: 'This booking has already started.' };
    if (h < 24) return { allowed: false, fee: 0, reason: 'Bookings can be moved until 24 hours before the start.' };
    return { allowed: true, fee: 0, reason: 'Move to another day for free, same space and start time, until 24 hours before.' };
  },
  cancellation(b): PolicyOutcome {
    const h = hoursUntil(b);
    if (h <= 0) return { allowed: false, fee: 0, reason: 'This booking has already started.' };
    const fee = round2(Number(b.attrs.spacePrice ?? b.price.total) / 2);
    if (h < 48) return { allowed: true, fee, reason: `Cancelling less than 48 hours before the start costs half the price of the space (€${fee.toFixed(2)}).` };
    return { allowed: true, fee: 0, reason: 'Free cancellation until 48 hours before the start.' };
  },
  // A new day keeps the start (a start's id is its time): "10:00 to 12:00" on the old day becomes the same hours on the new one.
  moveOptions(b, params) {
    const day = String(params.date);
    return b.options.map((o) => (o.groupId === 'start' ? { ...o, attrs: { ...o.attrs, day, date: day } } : o));
  },
};

/** How many people a typical booking of each kind is for. */
const PARTIES: Record<Kind, number[]> = { meeting: [2, 3, 4, 4, 5, 6, 6, 8], office: [1, 2, 2, 3, 4], desk: [1, 1, 2, 3, 4], event: [20, 25, 30, 40, 50] };

/** A weekday or Saturday search with at least 15 spaces (Sundays only a few centres open). */
function exampleSearch(world: World, rng: Rng): SearchParams {
  const dates = horizonDates().slice(1, -1).filter((d) => weekday(d) !== 0);
  for (;;) {
    const kind = rng.pick(KINDS);
    const params: SearchParams = { kind, city: rng.pick(CITY_OPTIONS).value, date: rng.pick(dates), hours: String(rng.pick([1, 2, 2, 3, 4, 8])), attendees: rng.pick(PARTIES[kind]) };
    const results = search(world, params);
    if (results.length >= 15 && results.filter((l) => !l.soldOut).length >= 5) return params;
  }
}

/** WorkHive: meeting rooms, private offices, hot desks and event spaces by city, day, hours and party; a start-time grid per space, add-ons (catering, parking, an AV technician), a required account, card payment, and bookings moved or cancelled under "My bookings". */
export const workhive: SiteDefinition = {
  id: 'workhive',
  name: 'WorkHive',
  domain: 'coworking',
  tagline: 'Meeting rooms, offices and desks by the hour',
  currency: CURRENCY,
  theme,
  layout,
  wording,
  searchFields: [
    { kind: 'select', name: 'kind', label: 'Type of space', options: KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })), default: 'meeting' },
    { kind: 'autocomplete', name: 'city', label: 'City', source: 'cities', placeholder: 'City' },
    { kind: 'date', name: 'date', label: 'Date' },
    { kind: 'select', name: 'hours', label: 'For how long', options: HOURS.map((h) => ({ value: String(h), label: h === 8 ? 'Full day (8 hours)' : `${h} hour${h === 1 ? '' : 's'}` })), default: '2' },
    { kind: 'stepper', name: 'attendees', label: 'People', min: 1, max: 200, default: 4, userFact: true },
  ],
  suggest: (_w, _s, q) => suggestCities(q),
  labelFor: (_w, _s, v) => cityLabel(v),
  exampleSearch,
  search,
  filters,
  sorts,
  detail,
  whyUnavailable,
  travellerCount: () => 1,
  travellerFields: [nameField('firstName', 'First name', 'Ana'), nameField('lastName', 'Last name', 'Silva')],
  contactFields: [emailField(), phoneField(), { name: 'company', label: 'Company (optional, for the invoice)', kind: 'text', required: false, example: '' }],
  extras,
  units: (ctx) => attendees(ctx.params),
  price,
  facts: WORKHIVE_FACTS,
  domains: [workspacesDomain],
  tasks: workhiveTasks,
  chrome: {
    items: 'workspaces',
    faq: [
      { question: 'What is included in the price?', answer: 'Wi-Fi, and the amenities listed for the space. Catering, parking and an AV technician are add-ons offered with your details, each with its price.' },
      { question: 'How are hot desks charged?', answer: 'Per desk: the price shown is for every person in your search, for the hours you chose. A full day (8 hours) is charged at the day rate.' },
      { question: 'Can I cancel or move a booking?', answer: 'Under My bookings: cancel for free until 48 hours before the start (later, half the price of the space is kept), or move it to another day at the same start time until 24 hours before.' },
    ],
    reviews: ['Found a room for our offsite in ten minutes.', 'The start-time grid made it easy to fit around our calls.', 'Coffee for the team was waiting when we arrived.', 'Booked desks for the three of us near the station.'],
    newsletterPitch: 'New centres, quiet rooms and offers on day passes, once a month.',
  },
  // Start time on the space's page, a WorkHive account (no guest checkout), organiser and add-ons, card payment.
  flow: [steps.search(), steps.results(), steps.listing(), steps.account({ guest: false }), steps.details(), steps.review(), steps.payment(), steps.confirmation()],
  manage: workhivePolicy,
};
