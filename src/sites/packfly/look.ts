import { isIsoDate, shortDate } from '../../core/dates.js';
import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { isFlightsSearch, nightsOf } from './inventory.js';
import { destinationName, originName } from './places.js';

/** Packfly's brand: sunny coral and teal, soft round cards, a compact hero. */

export const THEME: Theme = {
  primary: '#e8505b',
  primaryText: '#ffffff',
  accent: '#14b1ab',
  background: '#fff8f2',
  surface: '#ffffff',
  text: '#2b1d1d',
  muted: '#7a6262',
  font: '"Segoe UI", "Helvetica Neue", Arial, sans-serif',
  radius: '14px',
  headingCase: 'none',
};

export const LAYOUT: Layout = {
  hero: 'compact',
  filters: 'sidebar',
  results: 'cards',
  pageSize: 12,
  // A sale pop-up instead of a cookie banner (the two at once put the banner under the pop-up's backdrop).
  cookieBanner: false,
  promoModal: { title: 'Holiday sale', body: 'Save on summer packages: code SUN26 at checkout.', code: 'SUN26' },
  steps: { results: 'Hotels', listing: 'Room & board', details: 'Travellers', review: 'Review' },
};

export const WORDING: Wording = {
  searchButton: 'Search holidays',
  resultsHeading: (p, count) => {
    if (isFlightsSearch(p)) return `${count} flight option${count === 1 ? '' : 's'} from ${originName(p.origin)}`;
    const when = typeof p.date === 'string' && isIsoDate(p.date) ? ` from ${shortDate(p.date)}` : '';
    return `${count} holiday${count === 1 ? '' : 's'} in ${destinationName(p.destination)}, ${nightsOf(p)} nights${when}, flying from ${originName(p.origin)}`;
  },
  selectButton: 'View holiday',
  continueButton: 'Continue',
  detailsHeading: 'Who is going?',
  travellerLabel: (i) => `Traveller ${i}`,
  bookButton: 'Book holiday',
  confirmationHeading: 'Your holiday is booked',
  emptyResults: 'No holidays match. Try other dates or another destination.',
};
