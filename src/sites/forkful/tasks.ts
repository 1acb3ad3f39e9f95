import { Rng } from '../../core/rng.js';
import { CUISINE_LABELS, cityName, cuisinePhrase, priceSymbols } from './labels.js';
import { CUISINES, FEATURES, type Cuisine, type Feature } from './domain.js';
import type { Candidate, TaskCatalogue, Target } from '../kit/task-catalogue.js';
import { clauses, datePhrases, listPhrase, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';

/**
 * Forkful (restaurants): where (city), when (date and the seating actually booked) and how many;
 * then the kind of place (cuisine, price level, rating, reviews, neighbourhood, features, dress
 * code, cancellation) and the table itself (seating area, deposit).
 *
 * The booked seating (`bookedTime`, a choice fact) is what the task names, not the search's
 * requested `time`: the site offers every free seating of the day, and the booking records the
 * one chosen.
 *
 * Listing-level values are functions of the target's own facts (and of the search), never of
 * the call's rng: when the generator moves the target to a superlative's best listing and draws
 * the candidates again, each refinement comes back the same or tighter, so the superlative's
 * scope stays right.
 */

const num = (t: Target, k: string) => Number(t.attrs[k]);
const str = (t: Target, k: string) => String(t.attrs[k]);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** "20:00" -> "8 pm", "12:30" -> "12:30 pm". */
function twelveHour(hhmm: string): string {
  const h = Number(hhmm.slice(0, 2));
  const m = hhmm.slice(3, 5);
  const suffix = h >= 12 ? 'pm' : 'am';
  if (hhmm === '12:00') return 'noon';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return m === '00' ? `${h12} ${suffix}` : `${h12}:${m} ${suffix}`;
}

function timePhrases(time: string, meal: string): { id: string; text: string }[] {
  const out = [
    { id: 'at-24h', text: `at ${time}` },
    { id: 'at-12h', text: `at ${twelveHour(time)}` },
    { id: 'for-12h', text: `for ${twelveHour(time)}` },
  ];
  if (meal === 'lunch' || meal === 'dinner') out.push({ id: 'meal', text: `for ${meal} at ${twelveHour(time)}` });
  return out;
}

function partyPhrases(n: number): { id: string; text: string }[] {
  const out = [{ id: 'n', text: `for ${n} ${n === 1 ? 'person' : 'people'}` }];
  if (n === 1) out.push({ id: 'me', text: 'just for me' }, { id: 'one', text: 'for one' });
  else out.push({ id: 'word', text: `for ${numberWord(n)}` });
  if (n === 2) out.push({ id: 'partner', text: 'for my partner and me' });
  if (n >= 3) out.push({ id: 'party', text: `for a party of ${numberWord(n)}` }, { id: 'us', text: `for the ${numberWord(n)} of us` });
  return out;
}

/** "Italian food", "seafood", "modern European food". */
function cuisineFood(c: Cuisine): string {
  if (c === 'steakhouse') return 'steak';
  if (c === 'seafood') return 'seafood';
  if (c === 'european') return 'modern European food';
  return `${CUISINE_LABELS[c]} food`;
}

/** "Italian or Thai food", "steak or seafood". */
function foodPair(a: Cuisine, b: Cuisine): string {
  const fa = cuisineFood(a);
  const fb = cuisineFood(b);
  return fa.endsWith(' food') && fb.endsWith(' food') ? `${fa.slice(0, -5)} or ${fb}` : `${fa} or ${fb}`;
}

const FEATURE_NOUNS: Record<Feature, string> = {
  terrace: 'a terrace',
  'vegan-options': 'vegan options',
  'kid-friendly': 'a kid-friendly setting',
  'wheelchair-accessible': 'wheelchair access',
  'live-music': 'live music',
  'private-dining': 'private dining',
};

const SEATING_PHRASES: Record<string, { id: string; text: string }[]> = {
  indoor: [{ id: 'inside', text: 'Sit inside, in the dining room.' }, { id: 'indoors', text: 'I want a table indoors.' }],
  terrace: [{ id: 'terrace', text: 'Sit outside on the terrace.' }, { id: 'want', text: 'I want a table on the terrace.' }],
  bar: [{ id: 'bar', text: 'Seat us at the bar.' }, { id: 'want', text: 'A table at the bar is what I want.' }],
  counter: [{ id: 'counter', text: "Book seats at the chef's counter." }, { id: 'watch', text: "I want to sit at the chef's counter and watch the kitchen." }],
};

const DRESS_PHRASES: Record<string, { id: string; text: string }[]> = {
  casual: [{ id: 'casual', text: 'at a casual place' }, { id: 'code', text: 'with a casual dress code' }],
  'smart-casual': [{ id: 'code', text: 'with a smart-casual dress code' }, { id: 'smart', text: 'at a smart-casual place' }],
  elegant: [{ id: 'elegant', text: 'at an elegant place (jacket preferred)' }, { id: 'code', text: 'with an elegant dress code' }],
};

/** Review-count floors people say. */
const REVIEW_FLOORS = [100, 200, 500, 1000, 2000, 5000];

function candidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const city = str(t, 'city');
  const date = str(t, 'date');
  const partySize = num(t, 'partySize');
  // Randomness that depends only on the search, so both draws of one task agree.
  const searchRng = (label: string) => new Rng(`forkful-cands/${city}/${date}/${partySize}/${label}`);

  // Key: where and when (the seating booked).
  const cityLabel = cityName(city);
  out.push({ role: 'key', constraint: { id: 'city', kind: 'exact', stage: 'search', field: 'city', value: city }, phrases: clauses('city', [{ id: 'in', text: `in ${cityLabel}` }, { id: 'somewhere', text: `somewhere in ${cityLabel}` }]) });
  out.push({ role: 'key', constraint: { id: 'date', kind: 'exact', stage: 'search', field: 'date', value: date }, phrases: clauses('date', datePhrases(date)) });
  const time = str(t, 'bookedTime');
  out.push({ role: 'key', constraint: { id: 'booked-time', kind: 'exact', stage: 'selection', field: 'bookedTime', value: time }, phrases: clauses('booked-time', timePhrases(time, str(t, 'meal'))) });

  // Core: how many.
  out.push({ role: 'core', constraint: { id: 'party-size', kind: 'count', stage: 'search', field: 'partySize', value: partySize }, phrases: clauses('party-size', partyPhrases(partySize)) });

  // Listing facts.
  const cuisine = str(t, 'cuisine') as Cuisine;
  if ((CUISINES as readonly string[]).includes(cuisine)) {
    // The cuisines of the results, paired off per search: a cuisine's alternative is its
    // partner, so a listing of either cuisine redraws the same pair.
    const present = [...new Set(t.results.map((l) => String(l.attrs.cuisine)))].filter((c): c is Cuisine => (CUISINES as readonly string[]).includes(c)).sort();
    const order = searchRng('cuisine-pairs').shuffle(present);
    const at = order.indexOf(cuisine);
    const partner = at < 0 ? undefined : order[at % 2 === 0 ? at + 1 : at - 1];
    const pair = partner === undefined ? undefined : [cuisine, partner].sort();
    if (pair && searchRng(`cuisine/${pair.join('+')}`).chance(0.35)) {
      const [a, b] = searchRng(`cuisine-order/${pair.join('+')}`).shuffle(pair) as [Cuisine, Cuisine];
      out.push({
        role: 'refine',
        constraint: { id: 'cuisine', kind: 'set', stage: 'selection', field: 'cuisine', mode: 'one_of', values: [a, b] },
        phrases: clauses('cuisine-any', [
          { id: 'at', text: `at ${cuisinePhrase(a)} or ${cuisinePhrase(b)}` },
          { id: 'food', text: `for ${foodPair(a, b)}` },
        ]),
        matchesListing: (l) => l.attrs.cuisine === a || l.attrs.cuisine === b,
      });
    } else {
      out.push({
        role: 'refine',
        constraint: { id: 'cuisine', kind: 'exact', stage: 'selection', field: 'cuisine', value: cuisine },
        phrases: clauses('cuisine', [
          { id: 'at', text: `at ${cuisinePhrase(cuisine)}` },
          { id: 'food', text: `at a place serving ${cuisineFood(cuisine)}` },
        ]),
        matchesListing: (l) => String(l.attrs.cuisine) === cuisine,
      });
    }
  }

  const level = num(t, 'priceLevel');
  if (level >= 1 && level <= 3) {
    const words = level === 1 ? 'on a budget' : level === 2 ? 'mid-priced or cheaper' : 'nothing top-end';
    out.push({
      role: 'refine',
      constraint: { id: 'price-level-max', kind: 'range', stage: 'selection', field: 'priceLevel', max: level },
      phrases: clauses('price-level-max', [
        { id: 'symbols', text: `at a ${priceSymbols(level)}${level > 1 ? ' or cheaper' : ''} place` },
        { id: 'words', text: `${words} (${priceSymbols(level)}${level > 1 ? ' or less' : ''})` },
      ]),
      matchesListing: (l) => Number(l.attrs.priceLevel) <= level,
    });
  } else if (level === 4) {
    out.push({
      role: 'refine',
      constraint: { id: 'price-level-min', kind: 'range', stage: 'selection', field: 'priceLevel', min: 4 },
      phrases: clauses('price-level-min', [{ id: 'fine', text: 'at a fine-dining place (€€€€)' }, { id: 'splurge', text: 'at a top-end place (€€€€), we want to splurge' }]),
      matchesListing: (l) => Number(l.attrs.priceLevel) >= 4,
    });
  }

  const rating = num(t, 'rating');
  if (rating >= 4) {
    const min = Math.floor(rating * 2) / 2;
    const shown = min.toFixed(1);
    out.push({
      role: 'refine',
      constraint: { id: 'rating-min', kind: 'range', stage: 'selection', field: 'rating', min },
      phrases: clauses('rating-min', [
        { id: 'rated', text: `rated ${shown} or higher` },
        { id: 'at-least', text: `with a rating of at least ${shown}` },
        { id: 'stars', text: `with ${shown}+ stars` },
      ]),
      matchesListing: (l) => typeof l.attrs.rating === 'number' && l.attrs.rating >= min,
    });
  }

  const reviews = num(t, 'reviewCount');
  const floor = [...REVIEW_FLOORS].reverse().find((f) => f <= reviews);
  if (floor !== undefined) {
    out.push({
      role: 'refine',
      constraint: { id: 'reviews-min', kind: 'range', stage: 'selection', field: 'reviewCount', min: floor },
      phrases: clauses('reviews-min', [
        { id: 'at-least', text: `with at least ${floor.toLocaleString('en-GB')} reviews` },
        { id: 'plus', text: `that has ${floor.toLocaleString('en-GB')}+ reviews` },
      ]),
      matchesListing: (l) => typeof l.attrs.reviewCount === 'number' && l.attrs.reviewCount >= floor,
    });
  }

  const hood = str(t, 'neighbourhood');
  if (hood && hood !== 'undefined') {
    out.push({
      role: 'refine',
      constraint: { id: 'neighbourhood', kind: 'exact', stage: 'selection', field: 'neighbourhood', value: hood },
      phrases: clauses('neighbourhood', [{ id: 'in', text: `in the ${hood} area` }, { id: 'neighbourhood', text: `in the ${hood} neighbourhood` }]),
      matchesListing: (l) => String(l.attrs.neighbourhood) === hood,
    });
  }

  // Features: those the target has among a few the search "wants" (fixed per search), so a
  // better listing chosen later has at least the same ones.
  const wish = searchRng('features').sample(FEATURES, 3);
  const have = list(t.attrs.features);
  const features = FEATURES.filter((f) => wish.includes(f) && have.includes(f));
  if (features.length > 0) {
    const nouns = listPhrase(features.map((f) => FEATURE_NOUNS[f]));
    out.push({
      role: 'refine',
      constraint: { id: 'features', kind: 'set', stage: 'selection', field: 'features', mode: 'includes_all', values: [...features] },
      phrases: [
        ...clauses('features', [{ id: 'with', text: `with ${nouns}` }]),
        ...sentences('features', [{ id: 'has', text: `Make sure the place has ${nouns}.` }]),
      ],
      matchesListing: (l) => {
        const lf = list(l.attrs.features);
        return features.every((f) => lf.includes(f));
      },
    });
  }

  const dress = str(t, 'dressCode');
  const dressPhrases = DRESS_PHRASES[dress];
  if (dressPhrases) {
    out.push({
      role: 'refine',
      constraint: { id: 'dress-code', kind: 'exact', stage: 'selection', field: 'dressCode', value: dress },
      phrases: clauses('dress-code', dressPhrases),
      matchesListing: (l) => String(l.attrs.dressCode) === dress,
    });
  }

  if (t.attrs.freeCancellation === true) {
    out.push({
      role: 'refine',
      constraint: { id: 'free-cancellation', kind: 'exact', stage: 'selection', field: 'freeCancellation', value: true },
      phrases: [
        ...clauses('free-cancellation', [{ id: 'with', text: 'with free cancellation' }]),
        ...sentences('free-cancellation', [{ id: 'cancel', text: 'I need to be able to cancel for free.' }]),
      ],
      matchesListing: (l) => l.attrs.freeCancellation === true,
    });
  }

  // Choice facts: where to sit and the deposit of the seating booked.
  const seating = str(t, 'seating');
  const seatPhrases = SEATING_PHRASES[seating];
  if (seatPhrases) {
    out.push({ role: 'refine', constraint: { id: 'seating', kind: 'exact', stage: 'selection', field: 'seating', value: seating }, phrases: sentences('seating', seatPhrases) });
  }
  const deposit = num(t, 'depositPerGuest');
  if (deposit === 0) {
    out.push({
      role: 'refine',
      constraint: { id: 'no-deposit', kind: 'range', stage: 'selection', field: 'depositPerGuest', max: 0 },
      phrases: sentences('no-deposit', [{ id: 'no', text: "I don't want to pay a deposit." }, { id: 'pick', text: 'Pick a time with no deposit.' }]),
    });
  } else if (deposit > 0) {
    const max = roundUpNice(deposit);
    out.push({
      role: 'refine',
      constraint: { id: 'deposit-max', kind: 'range', stage: 'selection', field: 'depositPerGuest', max },
      phrases: clauses('deposit-max', [{ id: 'at-most', text: `with a deposit of at most €${max} per guest` }, { id: 'up-to', text: `with a deposit of up to €${max} a head` }]),
    });
  }
  return out;
}

export const forkfulTasks: TaskCatalogue = {
  siteId: 'forkful',
  intros: ['Book a table', 'Reserve a table', 'Find me a table', 'Get us a table', 'Please book a restaurant table', 'I need a restaurant reservation'],
  candidates,
  superlatives: [
    {
      id: 'highest-rated',
      field: 'rating',
      objective: 'max',
      phrases: sentences('highest-rated', [{ id: 'pick', text: 'Choose the highest-rated restaurant that fits.' }, { id: 'best', text: 'Go for the best-rated place among those that match.' }]),
    },
    {
      id: 'most-reviewed',
      field: 'reviewCount',
      objective: 'max',
      phrases: sentences('most-reviewed', [{ id: 'pick', text: 'Pick the restaurant with the most reviews that fits.' }, { id: 'popular', text: 'Go for the most reviewed place among the matching ones.' }]),
    },
    {
      id: 'cheapest',
      field: 'priceLevel',
      objective: 'min',
      phrases: sentences('cheapest', [{ id: 'pick', text: 'Choose the cheapest restaurant (lowest price range) that fits.' }, { id: 'budget', text: 'Go for the most affordable place among the matching ones.' }]),
    },
    {
      id: 'fanciest',
      field: 'priceLevel',
      objective: 'max',
      phrases: sentences('fanciest', [{ id: 'pick', text: 'Choose the most upscale restaurant (highest price range) that fits.' }]),
    },
  ],
};
