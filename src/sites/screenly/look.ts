import { shortDate } from '../../core/dates.js';
import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { cityName } from '../engine/city-search.js';

/** Screenly's voice: a dark auditorium, gold accents, a compact hero and a showtimes table. */

export const theme: Theme = {
  primary: '#e8b923',
  primaryText: '#111111',
  accent: '#e8b923',
  background: '#15151c',
  surface: '#22222c',
  text: '#f1f1f4',
  muted: '#a3a3b5',
  font: "'Oswald', 'Arial Narrow', 'Helvetica Neue', sans-serif",
  radius: '2px',
  headingCase: 'uppercase',
};

export const layout: Layout = {
  hero: 'compact',
  filters: 'top',
  results: 'table',
  pageSize: 12,
  cookieBanner: true,
  steps: { results: 'Showtimes', listing: 'Seats', details: 'Your details', review: 'Review' },
};

export const wording: Wording = {
  searchButton: 'Find showtimes',
  resultsHeading: (p, n) => `${n} ${n === 1 ? 'showing' : 'showings'} in ${cityName(String(p.city))} on ${shortDate(String(p.date))}`,
  selectButton: 'Pick seats',
  continueButton: 'Confirm seats',
  detailsHeading: 'Who are the tickets for?',
  travellerLabel: (i) => `Ticket holder ${i}`,
  bookButton: 'Book tickets',
  confirmationHeading: 'Enjoy the film! Your tickets are booked',
  emptyResults: 'No showings match. Try another day or fewer filters.',
};
