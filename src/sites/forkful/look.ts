import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { shortDate } from '../../core/dates.js';
import { cityName } from './labels.js';

/** Forkful's voice: warm terracotta on cream, a serif, a split hero and result rows. */

export const theme: Theme = {
  primary: '#b5532f',
  primaryText: '#fffaf2',
  accent: '#6f7d3c',
  background: '#fbf4e8',
  surface: '#fffdf8',
  text: '#3a2a21',
  muted: '#85705f',
  font: "Georgia, 'Times New Roman', Times, serif",
  radius: '6px',
  headingCase: 'none',
};

export const layout: Layout = {
  hero: 'split',
  filters: 'top',
  results: 'rows',
  pageSize: 8,
  paging: 'pages',
  mapView: true,
  cookieBanner: true,
  steps: { results: 'Restaurants', listing: 'Pick a table', details: 'Your details', review: 'Confirm' },
};

export const wording: Wording = {
  searchButton: 'Find a table',
  resultsHeading: (p, n) => {
    const guests = Number(p.partySize);
    const when = typeof p.date === 'string' ? ` on ${shortDate(p.date)}` : '';
    return `${n} ${n === 1 ? 'restaurant' : 'restaurants'} in ${cityName(p.city)} for ${guests} ${guests === 1 ? 'guest' : 'guests'}${when}, around ${String(p.time)}`;
  },
  selectButton: 'See tables',
  continueButton: 'Continue',
  detailsHeading: 'Who is the table for?',
  travellerLabel: () => 'Lead guest',
  bookButton: 'Confirm reservation',
  confirmationHeading: 'Your table is booked',
  emptyResults: 'No restaurants match your filters. Try another time, a smaller party or fewer filters.',
};
