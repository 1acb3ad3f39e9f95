import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { shortDate } from '../../core/dates.js';
import { cityOfAirport } from './inventory.js';

export const theme: Theme = {
  primary: '#0b5fa5',
  primaryText: '#ffffff',
  accent: '#ff7a1a',
  background: '#eef5fb',
  surface: '#ffffff',
  text: '#0f2233',
  muted: '#5b6b7a',
  font: "'Segoe UI', system-ui, sans-serif",
  radius: '10px',
};

export const layout: Layout = {
  hero: 'split',
  filters: 'sidebar',
  results: 'rows',
  pageSize: 8,
  // Flights load on as the list scrolls; the sorts are tabs above them (Best, Cheapest, ...).
  paging: 'infinite',
  tabs: { kind: 'sort' },
  cookieBanner: true,
  steps: { results: 'Flights', listing: 'Fare', details: 'Passengers', review: 'Review & pay' },
};

export const wording: Wording = {
  searchButton: 'Search flights',
  resultsHeading: (p, n) => `${n} flights from ${cityOfAirport(String(p.origin))} to ${cityOfAirport(String(p.destination))} on ${shortDate(String(p.date))}`,
  selectButton: 'Select flight',
  continueButton: 'Continue with this fare',
  detailsHeading: 'Who is flying?',
  travellerLabel: (i) => `Passenger ${i}`,
  bookButton: 'Pay and book',
  confirmationHeading: 'Your flight is booked',
  emptyResults: 'No flights match. Try another date or remove some filters.',
};
