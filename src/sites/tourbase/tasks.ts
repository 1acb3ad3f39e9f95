import { cityName } from '../engine/city-search.js';
import type { Candidate, TaskCatalogue, Target } from '../kit/task-catalogue.js';
import { afterPhrases, beforePhrases, clauses, datePhrases, listPhrase, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';
import type { Attrs } from '../../core/schemas/episode-state.js';
import { TICKET_TYPES, type Category, type Feature, type TicketType } from './domain.js';

/**
 * TourBase (tours and attractions): which experience (named, or a category when the search was
 * for one), where and on which day, and the exact mix of tickets (adults, children, seniors, a
 * family ticket); sometimes a second experience in the same order (the cart); then the start
 * time, features, price, rating and length of the visit.
 */

const num = (a: Attrs, k: string) => Number(a[k]);
const str = (a: Attrs, k: string) => String(a[k]);

/** A feature as a clause: "with an audio guide", "that is wheelchair accessible". */
const FEATURE_PHRASES: Record<Feature, string> = {
  'skip-the-line': 'with skip-the-line entry',
  'audio-guide': 'with an audio guide',
  'live-guide': 'with a live guide',
  'wheelchair-accessible': 'that is wheelchair accessible',
  'free-cancellation': 'with free cancellation',
  'hotel-pickup': 'with hotel pick-up',
  'food-included': 'with food included',
};

/** What a search for a category asks for, in words. */
const CATEGORY_NOUNS: Record<Category, string> = { museum: 'a museum', tour: 'a walking or bike tour', cruise: 'a cruise', landmark: 'a landmark visit', 'day-trip': 'a day trip', show: 'a show', park: 'a park or zoo' };

const TICKET_WORDS: Record<TicketType, [string, string]> = { adult: ['adult ticket', 'adult tickets'], child: ['child ticket', 'child tickets'], senior: ['senior ticket', 'senior tickets'], family: ['family ticket', 'family tickets'] };

/** "2 adult tickets and 1 child ticket", "one family ticket". */
function ticketWords(a: Attrs, prefix: string): { id: string; text: string }[] {
  const counts = TICKET_TYPES.map((t) => [t, num(a, `${prefix}${t}Tickets`)] as const).filter(([, n]) => n > 0);
  const digits = listPhrase(counts.map(([t, n]) => `${n} ${TICKET_WORDS[t][n === 1 ? 0 : 1]}`));
  const words = listPhrase(counts.map(([t, n]) => `${numberWord(n)} ${TICKET_WORDS[t][n === 1 ? 0 : 1]}`));
  return [
    { id: 'digits', text: `with ${digits}` },
    { id: 'words', text: `with ${words}` },
  ];
}

/** The constraints on one experience of the order: what it is, the tickets, and its start time. */
function itemCandidates(a: Attrs, prefix: '' | 'item2.', keyByName: boolean): Candidate[] {
  const out: Candidate[] = [];
  const id = prefix ? 'item2-' : '';
  const name = str(a, 'attraction');
  const which = prefix ? 'the second experience' : 'the experience';
  out.push({
    role: keyByName ? 'key' : 'refine',
    constraint: { id: `${id}attraction`, kind: 'exact', stage: 'selection', field: `${prefix}attraction`, value: name },
    phrases: prefix ? clauses(`${id}attraction`, [{ id: 'and', text: `and for ${name}` }, { id: 'also', text: `and also ${name}` }]) : keyByName ? clauses('attraction', [{ id: 'for', text: `for ${name}` }, { id: 'to', text: `to visit ${name}` }]) : sentences('attraction', [{ id: 'it', text: `It should be ${name}.` }]),
    ...(prefix || keyByName ? {} : { matchesListing: (l) => l.attrs.attraction === name }),
  });
  const tickets = str(a, 'tickets');
  const words = ticketWords(a, '');
  out.push({ role: 'key', constraint: { id: `${id}tickets`, kind: 'exact', stage: 'selection', field: `${prefix}tickets`, value: tickets }, phrases: prefix ? clauses(`${id}tickets`, words.map((w) => ({ ...w, text: `${w.text} for that one` }))) : clauses('tickets', words) });
  const start = a.startTime === undefined ? undefined : str(a, 'startTime');
  if (start) {
    out.push({ role: 'refine', constraint: { id: `${id}start-time`, kind: 'exact', stage: 'selection', field: `${prefix}startTime`, value: start }, phrases: sentences(`${id}start-time`, [{ id: 'at', text: `For ${prefix ? name : which}, take the ${start} start.` }, { id: 'time', text: `${prefix ? name : 'It'} should start at ${start}.` }]) });
    const h = Number(start.slice(0, 2));
    if (!prefix && h >= 12) {
      const after = `${String(h).padStart(2, '0')}:00`;
      out.push({ role: 'refine', constraint: { id: 'start-after', kind: 'time_window', stage: 'selection', field: 'startTime', after }, phrases: clauses('start-after', afterPhrases(after, 'starting')) });
    } else if (!prefix) {
      const before = `${String(h + 1).padStart(2, '0')}:00`;
      out.push({ role: 'refine', constraint: { id: 'start-before', kind: 'time_window', stage: 'selection', field: 'startTime', before }, phrases: clauses('start-before', beforePhrases(before, 'starting')) });
    }
  }
  return out;
}

function candidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const a = t.attrs;
  const city = String(t.params.city);
  const date = String(t.params.date);
  const searched = String(t.params.category ?? 'any');
  // A search for a category asks for "a museum"; a search for everything names the experience.
  const byCategory = searched !== 'any';
  if (byCategory) {
    out.push({ role: 'key', constraint: { id: 'category', kind: 'exact', stage: 'selection', field: 'attractionCategory', value: searched }, phrases: clauses('category', [{ id: 'for', text: `for ${CATEGORY_NOUNS[searched as Category]}` }]) });
  }
  out.push({ role: 'key', constraint: { id: 'city', kind: 'exact', stage: 'search', field: 'city', value: city }, phrases: clauses('city', [{ id: 'in', text: `in ${cityName(city)}` }]) });
  out.push({ role: 'key', constraint: { id: 'date', kind: 'exact', stage: 'search', field: 'date', value: date }, phrases: clauses('date', datePhrases(date)) });
  out.push(...itemCandidates(a, '', !byCategory));

  const second = t.items.find((x) => x.slot === 'item2');
  if (second) {
    out.push(...itemCandidates(second.attrs, 'item2.', true));
    out.push({ role: 'refine', constraint: { id: 'item-count', kind: 'count', stage: 'booking', field: 'itemCount', value: 2 }, phrases: sentences('item-count', [{ id: 'one-order', text: 'Put both in one order: add them to the cart and check out once.' }]) });
  }

  // The experience itself.
  const features = Array.isArray(a.features) ? a.features.map(String) : [];
  const feature = features.find((f) => f !== 'free-cancellation') ?? features[0];
  if (feature) {
    out.push({ role: 'refine', constraint: { id: 'feature', kind: 'set', stage: 'selection', field: 'features', mode: 'includes_all', values: [feature] }, phrases: clauses('feature', [{ id: 'with', text: FEATURE_PHRASES[feature as Feature] }]), matchesListing: (l) => Array.isArray(l.attrs.features) && l.attrs.features.includes(feature) });
  }
  if (features.includes('free-cancellation') && feature !== 'free-cancellation') {
    out.push({ role: 'refine', constraint: { id: 'free-cancellation', kind: 'set', stage: 'selection', field: 'features', mode: 'includes_all', values: ['free-cancellation'] }, phrases: sentences('free-cancellation', [{ id: 'need', text: 'Our plans may change, so it must have free cancellation.' }]), matchesListing: (l) => Array.isArray(l.attrs.features) && l.attrs.features.includes('free-cancellation') });
  }
  const maxAdult = roundUpNice(num(a, 'adultPrice'));
  out.push({ role: 'refine', constraint: { id: 'adult-price-max', kind: 'range', stage: 'selection', field: 'adultPrice', max: maxAdult }, phrases: sentences('adult-price-max', [{ id: 'adult', text: `An adult ticket should cost no more than €${maxAdult}.` }]), matchesListing: (l) => Number(l.attrs.adultPrice) <= maxAdult });
  const rating = num(a, 'rating');
  if (rating >= 4) {
    const min = rating >= 4.5 ? 4.5 : 4;
    out.push({ role: 'refine', constraint: { id: 'rating-min', kind: 'range', stage: 'selection', field: 'rating', min }, phrases: clauses('rating-min', [{ id: 'rated', text: `rated ${min.toFixed(1)} or more` }]), matchesListing: (l) => Number(l.attrs.rating) >= min });
  }
  const minutes = num(a, 'durationMin');
  if (minutes <= 240) {
    const max = minutes <= 120 ? 120 : 240;
    out.push({ role: 'refine', constraint: { id: 'duration-max', kind: 'range', stage: 'selection', field: 'durationMin', max }, phrases: sentences('duration-max', [{ id: 'hours', text: `We have at most ${max / 60} hours for it.` }]), matchesListing: (l) => Number(l.attrs.durationMin) <= max });
  }
  return out;
}

export const tourbaseTasks: TaskCatalogue = {
  siteId: 'tourbase',
  intros: ['Book tickets', 'Get me tickets', 'Please book tickets', 'Buy tickets'],
  candidates,
  superlatives: [
    { id: 'cheapest', field: 'adultPrice', objective: 'min', phrases: sentences('cheapest', [{ id: 'pick', text: 'Of the ones that fit, take the one with the cheapest adult ticket.' }]), when: (t) => t.params.category !== 'any' },
    { id: 'best-rated', field: 'rating', objective: 'max', phrases: sentences('best-rated', [{ id: 'pick', text: 'Choose the best rated of those that fit.' }]), when: (t) => t.params.category !== 'any' },
    { id: 'shortest', field: 'durationMin', objective: 'min', phrases: sentences('shortest', [{ id: 'pick', text: 'Among those that fit, pick the shortest.' }]), when: (t) => t.params.category !== 'any' },
  ],
};
