import { daysBetween, horizonDates, longDate, timeToMinutes, weekdayName, WORLD_TODAY } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { Booking } from '../../core/schemas/episode-state.js';
import type { World } from '../../world/world.js';
import { CITY_OPTIONS, cityLabel, suggestCities } from '../engine/city-search.js';
import { emailField, nameField, phoneField, sumLines } from '../engine/common-fields.js';
import type { Extra, ManagePolicy, PolicyOutcome, SearchParams, SelectionContext, SiteDefinition } from '../engine/site-definition.js';
import { steps } from '../engine/steps/index.js';
import { CATEGORIES, CATEGORY_LABELS, salonStaffDomain, type Category } from './domain.js';
import { GLOWLY_FACTS } from './facts.js';
import { layout, theme, wording } from './look.js';
import { detail, filters, search, sorts, whyUnavailable } from './staff.js';
import { glowlyTasks } from './tasks.js';

/** The add-ons of each kind of treatment, paid at the salon with it. */
const ADDONS: Record<Category, Extra[]> = {
  hair: [
    { id: 'treatment', label: 'Deep-conditioning hair treatment', noun: 'a hair treatment', description: '15 extra minutes at the basin', price: 18, per: 'booking', kind: 'checkbox' },
    { id: 'scalp', label: 'Scalp massage', noun: 'a scalp massage', price: 10, per: 'booking', kind: 'checkbox' },
  ],
  colour: [
    { id: 'treatment', label: 'Bond-repair hair treatment', noun: 'a hair treatment', description: 'Protects the hair while it is coloured', price: 25, per: 'booking', kind: 'checkbox' },
    { id: 'toner', label: 'Gloss toner', noun: 'a gloss toner', price: 20, per: 'booking', kind: 'checkbox' },
  ],
  massage: [
    { id: 'aroma', label: 'Aromatherapy oils', noun: 'aromatherapy oils', price: 8, per: 'booking', kind: 'checkbox' },
    { id: 'sauna', label: 'Sauna access before your massage', noun: 'sauna access', price: 15, per: 'booking', kind: 'checkbox' },
  ],
  facial: [
    { id: 'mask', label: 'LED light mask', noun: 'an LED light mask', price: 15, per: 'booking', kind: 'checkbox' },
    { id: 'eyes', label: 'Eye treatment', noun: 'an eye treatment', price: 12, per: 'booking', kind: 'checkbox' },
  ],
  nails: [
    { id: 'art', label: 'Nail art (per hand)', noun: 'nail art', description: 'Designs on two nails of each hand', price: 6, per: 'booking', kind: 'stepper', max: 2 },
    { id: 'paraffin', label: 'Paraffin hand treatment', noun: 'a paraffin hand treatment', price: 9, per: 'booking', kind: 'checkbox' },
  ],
};

const categoryOf = (params: SearchParams): Category => ((CATEGORIES as readonly string[]).includes(String(params.category)) ? (params.category as Category) : 'hair');

function extras(ctx: Omit<SelectionContext, 'extras'>): Extra[] {
  return ADDONS[categoryOf(ctx.params)];
}

function price(ctx: SelectionContext) {
  const service = ctx.choices.find((c) => c.attrs.servicePrice !== undefined);
  const lines = [{ label: `${service?.label ?? 'Service'} (paid at the salon)`, amount: Number(service?.attrs.servicePrice ?? ctx.listing.price) }];
  for (const x of extras(ctx)) {
    const qty = ctx.extras[x.id] ?? 0;
    if (qty > 0) lines.push({ label: qty > 1 ? `${x.label} × ${qty}` : x.label, amount: x.price * qty });
  }
  return sumLines('EUR', lines);
}

/** Hours from the world's "now" (noon on its today) to the appointment. */
function hoursUntil(b: Booking): number {
  const date = String(b.attrs.date ?? WORLD_TODAY);
  const time = String(b.attrs.time ?? '12:00');
  return daysBetween(WORLD_TODAY, date) * 24 + (timeToMinutes(time) - 12 * 60) / 60;
}

/**
 * Free cancellation until 24 hours before, then half the service price; moving to another day
 * (same time, same person) is free while it is more than 24 hours away.
 */
export const glowlyPolicy: ManagePolicy = {
  dateFields: ['date'],
  travellers: true,
  dateChange(b): PolicyOutcome {
    const h = hoursUntil(b);
    if (h <= 0) return { allowed: false, fee: 0, reason: 'This appointment has already taken place.' };
    if (h < 24) return { allowed: false, fee: 0, reason: 'Appointments can be moved until 24 hours before.' };
    return { allowed: true, fee: 0, reason: 'Move to another day for free, at the same time with the same person, until 24 hours before.' };
  },
  cancellation(b): PolicyOutcome {
    const h = hoursUntil(b);
    if (h <= 0) return { allowed: false, fee: 0, reason: 'This appointment has already taken place.' };
    const fee = Math.round(Number(b.attrs.servicePrice ?? b.price.total) / 2);
    if (h < 24) return { allowed: true, fee, reason: `Cancelling less than 24 hours before costs half the service price (€${fee}).` };
    return { allowed: true, fee: 0, reason: 'Free cancellation until 24 hours before the appointment.' };
  },
  // A new day keeps the time: the slot "10 June at 14:00" becomes the same time on the new day.
  moveOptions(b, params) {
    const day = String(params.date);
    return b.options.map((o) => {
      if (o.groupId !== 'slot') return o;
      const time = o.choiceId.slice(11);
      return { ...o, choiceId: `${day}T${time}`, label: `${weekdayName(day)} ${longDate(day).replace(/^\w+, /, '').replace(/, \d{4}$/, '')} at ${time}`, attrs: { ...o.attrs, day, date: day, appointmentDay: weekdayName(day) } };
    });
  },
};

function exampleSearch(world: World, rng: Rng): SearchParams {
  const dates = horizonDates().slice(1, -4);
  for (;;) {
    const params: SearchParams = { category: rng.pick(CATEGORIES), city: rng.pick(CITY_OPTIONS).value, date: rng.pick(dates) };
    if (search(world, params).filter((l) => !l.soldOut).length >= 3) return params;
  }
}

/** Glowly: salon and spa staff by treatment and city, services with their length and price, a slot grid per person, an account wall with a guest option, pay at the salon, cancel or move under "My bookings". */
export const glowly: SiteDefinition = {
  id: 'glowly',
  name: 'Glowly',
  domain: 'salons and spas',
  tagline: 'Hair, nails, massage and facials, booked in a minute',
  currency: 'EUR',
  theme,
  layout,
  wording,
  searchFields: [
    { kind: 'select', name: 'category', label: 'Treatment', options: CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })), default: 'hair' },
    { kind: 'autocomplete', name: 'city', label: 'City', source: 'cities', placeholder: 'Where?' },
    { kind: 'date', name: 'date', label: 'Times from' },
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
  contactFields: [emailField(), phoneField(), { name: 'notes', label: 'Anything we should know? (optional)', kind: 'textarea', required: false, example: '' }],
  extras,
  units: () => 1,
  price,
  facts: GLOWLY_FACTS,
  domains: [salonStaffDomain],
  tasks: glowlyTasks,
  flow: [steps.search(), steps.results(), steps.listing(), steps.account({ guest: true }), steps.details(), steps.review(), steps.confirmation()],
  manage: glowlyPolicy,
};
