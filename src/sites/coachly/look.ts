import { isIsoDate, shortDate } from '../../core/dates.js';
import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { cityOf } from './stations.js';

/** Coachly's brand: lime on charcoal, big rounded buttons, a bold banner search and timetable rows. */

export const THEME: Theme = {
  primary: '#5fb300',
  primaryText: '#0c1a00',
  accent: '#ff8a00',
  background: '#f4f7ef',
  surface: '#ffffff',
  text: '#1d2410',
  muted: '#5b6650',
  font: '"Trebuchet MS", "Lucida Grande", Verdana, sans-serif',
  radius: '18px',
  headingCase: 'none',
};

export const LAYOUT: Layout = {
  hero: 'banner',
  filters: 'sidebar',
  results: 'rows',
  pageSize: 12,
  cookieBanner: true,
  steps: { results: 'Departures', listing: 'Fare & seats', details: 'Passengers', review: 'Check' },
};

export const WORDING: Wording = {
  searchButton: 'Search coaches',
  resultsHeading: (p, count) => {
    const when = typeof p.date === 'string' && isIsoDate(p.date) ? ` on ${shortDate(p.date)}` : '';
    return `${count} coach${count === 1 ? '' : 'es'} from ${cityOf(p.origin)} to ${cityOf(p.destination)}${when}`;
  },
  selectButton: 'Pick',
  continueButton: 'Continue with these seats',
  detailsHeading: 'Who is on board?',
  travellerLabel: (i) => `Passenger ${i}`,
  bookButton: 'Book coach tickets',
  confirmationHeading: 'Your coach tickets are booked',
  emptyResults: 'No coach runs on this route that day. Try another date or remove some filters.',
};
