import { shortDate } from '../../core/dates.js';
import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { cityName } from '../engine/city-search.js';

/** Nestaway's voice: soft coral and sand, generous round corners, a banner hero and rows of homes. */

export const theme: Theme = {
  primary: '#e04f5f',
  primaryText: '#ffffff',
  accent: '#2a9d8f',
  background: '#fbf7f2',
  surface: '#ffffff',
  text: '#222222',
  muted: '#717171',
  font: "'Circular', 'Helvetica Neue', Arial, sans-serif",
  radius: '14px',
};

export const layout: Layout = {
  hero: 'banner',
  filters: 'top',
  results: 'rows',
  pageSize: 10,
  paging: 'loadMore',
  mapView: true,
  cookieBanner: true,
  steps: { results: 'Places to stay', listing: 'Your stay', details: 'Guest details', review: 'Review' },
};

export const wording: Wording = {
  searchButton: 'Search stays',
  resultsHeading: (p, n) => `${n} ${n === 1 ? 'place' : 'places'} to stay in ${cityName(String(p.city))} from ${shortDate(String(p.date))} for ${p.nights} night${Number(p.nights) === 1 ? '' : 's'}`,
  selectButton: 'See this place',
  continueButton: 'Reserve',
  detailsHeading: 'Who is staying?',
  travellerLabel: () => 'Main guest',
  bookButton: 'Confirm and book',
  confirmationHeading: 'Your stay is booked',
  emptyResults: 'No places are free for all those nights. Try other dates, fewer nights or fewer filters.',
};
