import { isIsoDate, shortDate } from '../../core/dates.js';
import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { placeName } from './ports.js';

/** Ferryway's brand: deep navy and sea blue, square corners, a split hero and sailings as a table. */

export const THEME: Theme = {
  primary: '#0b4f8a',
  primaryText: '#ffffff',
  accent: '#f2b705',
  background: '#eef5fb',
  surface: '#ffffff',
  text: '#0d2033',
  muted: '#4d6278',
  font: 'Georgia, "Times New Roman", serif',
  radius: '2px',
  headingCase: 'uppercase',
};

export const LAYOUT: Layout = {
  hero: 'split',
  filters: 'top',
  results: 'table',
  pageSize: 10,
  cookieBanner: true,
  steps: { results: 'Sailings', listing: 'Fare & cabin', details: 'Passengers', review: 'Summary' },
};

export const WORDING: Wording = {
  searchButton: 'Find sailings',
  resultsHeading: (p, count) => {
    const when = typeof p.date === 'string' && isIsoDate(p.date) ? ` on ${shortDate(p.date)}` : '';
    return `${count} sailing${count === 1 ? '' : 's'} from ${placeName(p.origin)} to ${placeName(p.destination)}${when}`;
  },
  selectButton: 'Select sailing',
  continueButton: 'Continue with this sailing',
  detailsHeading: 'Passenger details',
  travellerLabel: (i) => `Passenger ${i}`,
  bookButton: 'Confirm ferry booking',
  confirmationHeading: 'Your ferry is booked',
  emptyResults: 'No ferry sails between these ports that day. Try another date or a nearby port.',
};
