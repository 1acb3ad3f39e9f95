import { formatDuration } from '../../core/dates.js';
import type { World } from '../../world/world.js';
import type { Attrs, Choice, FilterSpec, Listing, ListingDetail, OptionGroup, SearchParams, SortSpec } from '../engine/site-definition.js';
import { attractionsDomain, CATEGORIES, CATEGORY_LABELS, FEATURE_LABELS, FEATURES, TICKET_TYPES, type Attraction, type TicketType } from './domain.js';
import { attractionsIn, DAY, isOpen, placesLeft } from './inventory.js';

/** Results and listing pages: what is open in a city on a day, its ticket types and start times. */

export const TICKET_LABELS: Record<TicketType, string> = { adult: 'Adult (18-64)', child: 'Child (4-17)', senior: 'Senior (65+)', family: 'Family (2 adults + 2 children)' };
export const MAX_PER_TYPE = 8;

function matches(a: Attraction, p: SearchParams): boolean {
  return a.cityId === p.city && isOpen(a, String(p.date)) && (p.category === 'any' || p.category === undefined || a.category === p.category);
}

function toListing(world: World, a: Attraction, p: SearchParams): Listing {
  const left = placesLeft(world, a, String(p.date));
  const open = [...left.values()].filter((n) => n > 0);
  const free = a.features.includes('free-cancellation');
  return {
    id: a.id,
    title: a.name,
    subtitle: `${CATEGORY_LABELS[a.category].replace(/s$/, '').replace(/ and .*$/, '')} · ${a.neighbourhood} · ${formatDuration(a.durationMin)}`,
    badges: [...(a.features.includes('skip-the-line') ? ['Skip the line'] : []), ...(free ? ['Free cancellation'] : []), ...(open.length > 0 && Math.min(...open) <= 5 ? ['Selling fast'] : [])],
    facts: [
      { label: 'Rating', value: `${a.rating.toFixed(1)} (${a.reviewCount} reviews)` },
      { label: 'Duration', value: formatDuration(a.durationMin) },
      { label: 'Starts', value: a.times.length > 0 ? a.times.join(', ') : 'Any time during opening hours' },
    ],
    price: a.prices.adult,
    priceUnit: 'per adult',
    soldOut: open.length === 0,
    attrs: {
      attraction: a.name,
      attractionCategory: a.category,
      neighbourhood: a.neighbourhood,
      durationMin: a.durationMin,
      rating: a.rating,
      reviewCount: a.reviewCount,
      features: [...a.features],
      adultPrice: a.prices.adult,
      childPrice: a.prices.child,
      price: a.prices.adult,
      timedEntry: a.times.length > 0,
      rank: -Math.round(a.rating * 100 + Math.log10(a.reviewCount + 1) * 40),
    },
  };
}

/** The ticket types an attraction sells: adult, child, senior and, where offered, family. */
function ticketGroup(a: Attraction): OptionGroup {
  const choices: Choice[] = TICKET_TYPES.flatMap((type) => {
    const price = a.prices[type];
    if (price === null) return [];
    return [{ id: type, label: TICKET_LABELS[type], price, attrs: { ticketType: type, ticketPrice: price } }];
  });
  return {
    id: 'tickets',
    label: 'Tickets',
    display: 'quantities',
    maxQuantity: MAX_PER_TYPE,
    choices,
    aggregate: ticketFacts,
    // Who goes: one or two adults, often with children, sometimes grandparents; a family ticket for four.
    exampleQuantities: (rng) => {
      if (a.prices.family !== null && rng.chance(0.2)) return { family: 1 };
      const mix: Record<string, number> = { adult: rng.weighted([[1, 3], [2, 5], [3, 1]]) };
      if (rng.chance(0.45)) mix.child = rng.int(1, 3);
      if (rng.chance(0.2)) mix.senior = rng.int(1, 2);
      if (rng.chance(0.1)) delete mix.adult;
      return mix;
    },
  };
}

/** The tickets of an order in one canonical phrase, "2 adult + 1 child" (types in a fixed order). */
export function ticketMix(counts: Partial<Record<TicketType, number>>): string {
  return TICKET_TYPES.filter((t) => (counts[t] ?? 0) > 0).map((t) => `${counts[t]} ${t}`).join(' + ') || 'none';
}

/** How many tickets of each type, in all, and how many people they admit. */
export function ticketFacts(picked: { choice: Choice; quantity: number }[]): Attrs {
  const n = (t: TicketType) => picked.filter((p) => p.choice.id === t).reduce((s, p) => s + p.quantity, 0);
  return {
    adultTickets: n('adult'),
    childTickets: n('child'),
    seniorTickets: n('senior'),
    familyTickets: n('family'),
    ticketCount: picked.reduce((s, p) => s + p.quantity, 0),
    visitors: n('adult') + n('child') + n('senior') + 4 * n('family'),
    ticketTypes: picked.map((p) => String(p.choice.id)),
    tickets: ticketMix(Object.fromEntries(TICKET_TYPES.map((t) => [t, n(t)]))),
  };
}

function timeGroup(world: World, a: Attraction, date: string): OptionGroup | undefined {
  if (a.times.length === 0) return undefined;
  const left = placesLeft(world, a, date);
  return {
    id: 'time',
    label: a.category === 'museum' || a.category === 'landmark' || a.category === 'park' ? 'Entry time' : 'Start time',
    display: 'grid',
    choices: a.times.map((t) => {
      const n = left.get(t) ?? 0;
      return { id: t.replace(':', ''), label: t, description: n > 0 && n <= 5 ? `${n} left` : undefined, price: 0, soldOut: n === 0, attrs: { startTime: t } };
    }),
  };
}

export function search(world: World, p: SearchParams): Listing[] {
  return attractionsIn(world, String(p.city))
    .filter((a) => matches(a, p))
    .map((a) => toListing(world, a, p));
}

export function detail(world: World, p: SearchParams, id: string): ListingDetail | undefined {
  const a = world.find(attractionsDomain, id);
  if (!a || !matches(a, p)) return undefined;
  const listing = toListing(world, a, p);
  const time = timeGroup(world, a, String(p.date));
  const dayLeft = a.times.length === 0 ? placesLeft(world, a, String(p.date)).get(DAY) ?? 0 : undefined;
  return {
    listing,
    description: [
      `${a.name}, ${a.neighbourhood}. ${formatDuration(a.durationMin)}. ${a.features.length > 0 ? `Includes: ${a.features.map((f) => FEATURE_LABELS[f].toLowerCase()).join(', ')}.` : ''}`,
      a.features.includes('free-cancellation') ? 'Free cancellation up to 24 hours before.' : 'Tickets cannot be refunded.',
      ...(dayLeft !== undefined ? [`Entry at any time on the day.${dayLeft > 0 && dayLeft < 20 ? ` Only ${dayLeft} tickets left.` : ''}`] : []),
      'Children under 4 go free and need no ticket.',
    ],
    facts: [
      { label: 'Category', value: CATEGORY_LABELS[a.category] },
      { label: 'Where', value: a.neighbourhood },
      ...listing.facts,
      { label: 'Features', value: a.features.map((f) => FEATURE_LABELS[f]).join(', ') || 'None' },
    ],
    optionGroups: [ticketGroup(a), ...(time ? [time] : [])],
  };
}

export function whyUnavailable(world: World, p: SearchParams, id: string): string | undefined {
  const a = world.find(attractionsDomain, id);
  if (!a) return 'We could not find this experience. Go back to the results to choose another.';
  if (!isOpen(a, String(p.date))) return `${a.name} is closed on that day. Choose another date.`;
  return 'This experience does not match your search. Go back to the results.';
}

export const filters: FilterSpec[] = [
  { id: 'category', kind: 'multi', attr: 'attractionCategory', label: 'Category', mode: 'any', options: CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })) },
  { id: 'features', kind: 'multi', attr: 'features', label: 'Features', mode: 'all', options: FEATURES.map((f) => ({ value: f, label: FEATURE_LABELS[f] })) },
  { id: 'price', kind: 'max', attr: 'adultPrice', label: 'Adult ticket up to', options: [15, 25, 40, 60, 100].map((n) => ({ value: String(n), label: `€${n}` })) },
  { id: 'rating', kind: 'min', attr: 'rating', label: 'Rating', options: [{ value: '4', label: '4.0 or more' }, { value: '4.5', label: '4.5 or more' }] },
  { id: 'duration', kind: 'max', attr: 'durationMin', label: 'Duration', options: [{ value: '120', label: 'Up to 2 hours' }, { value: '240', label: 'Up to 4 hours' }] },
];

export const sorts: SortSpec[] = [
  { id: 'popular', label: 'Most popular', attr: 'rank', dir: 'asc' },
  { id: 'price', label: 'Lowest price', attr: 'adultPrice', dir: 'asc' },
  { id: 'rating', label: 'Best rated', attr: 'rating', dir: 'desc' },
  { id: 'duration', label: 'Shortest', attr: 'durationMin', dir: 'asc' },
];
