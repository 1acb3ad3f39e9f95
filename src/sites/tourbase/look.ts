import { shortDate } from '../../core/dates.js';
import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { cityName } from '../engine/city-search.js';

/** TourBase's voice: sunny orange and deep blue, bold rounded shapes, a split hero and cards. */

export const theme: Theme = {
  primary: '#1d3557',
  primaryText: '#ffffff',
  accent: '#f77f00',
  background: '#fff8ef',
  surface: '#ffffff',
  text: '#1b1b1b',
  muted: '#6b6b6b',
  font: "'Nunito', 'Trebuchet MS', 'Segoe UI', sans-serif",
  radius: '18px',
};

export const layout: Layout = {
  hero: 'split',
  filters: 'sidebar',
  results: 'cards',
  pageSize: 12,
  cookieBanner: true,
  promoModal: { title: 'Explore more, pay less', body: 'Add two experiences to your cart and save on city passes.', code: 'EXPLORE10' },
  steps: { results: 'Things to do', listing: 'Tickets', details: 'Lead traveller', review: 'Review' },
};

export const wording: Wording = {
  searchButton: 'Find things to do',
  resultsHeading: (p, n) => `${n} ${n === 1 ? 'experience' : 'experiences'} in ${cityName(String(p.city))} on ${shortDate(String(p.date))}`,
  selectButton: 'Choose tickets',
  continueButton: 'Add to cart',
  detailsHeading: 'Who is the lead traveller?',
  travellerLabel: () => 'Lead traveller',
  bookButton: 'Book now',
  confirmationHeading: 'You are all set! Your tickets are booked',
  emptyResults: 'Nothing matches. Try another date, category or fewer filters.',
};
