import { shortDate } from '../../core/dates.js';
import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { cityName } from '../engine/city-search.js';
import { CATEGORY_LABELS, type Category } from './domain.js';

/** Glowly's voice: plum and blush with a serif face, pill corners, a split hero, sorts as tabs over rows of staff. */

export const theme: Theme = {
  primary: '#7a2e5c',
  primaryText: '#ffffff',
  accent: '#d98fa8',
  background: '#fdf5f7',
  surface: '#ffffff',
  text: '#2d1b26',
  muted: '#8a6b7a',
  font: "'Playfair Display', Georgia, 'Times New Roman', serif",
  radius: '22px',
};

export const layout: Layout = {
  hero: 'split',
  filters: 'top',
  results: 'rows',
  pageSize: 12,
  paging: 'loadMore',
  tabs: { kind: 'sort' },
  cookieBanner: true,
  steps: { results: 'Choose who', listing: 'Service & time', details: 'Your details', review: 'Confirm' },
};

export const wording: Wording = {
  searchButton: 'Find a time',
  resultsHeading: (p, n) => `${CATEGORY_LABELS[p.category as Category] ?? 'Treatments'} in ${cityName(String(p.city))}: ${n} ${n === 1 ? 'professional' : 'professionals'} with times from ${shortDate(String(p.date))}`,
  selectButton: 'See services & times',
  continueButton: 'Book this time',
  detailsHeading: 'Who is the appointment for?',
  travellerLabel: () => 'Client',
  bookButton: 'Confirm my appointment',
  confirmationHeading: 'See you soon: your appointment is booked',
  emptyResults: 'Nobody has free times that match. Try another day or fewer filters.',
};
