import { monthName } from '../../core/dates.js';
import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { isExcursionSearch } from './inventory.js';
import { portName } from './ports.js';

/** Seaberth's brand: deep navy and brass, serif headings, a banner hero and a table of sailings with pages. */

export const THEME: Theme = {
  primary: '#0b2545',
  primaryText: '#ffffff',
  accent: '#b08d57',
  background: '#eef3f8',
  surface: '#ffffff',
  text: '#13263d',
  muted: '#5a6b80',
  font: 'Georgia, "Times New Roman", serif',
  radius: '2px',
  headingCase: 'none',
};

export const LAYOUT: Layout = {
  hero: 'banner',
  filters: 'sidebar',
  results: 'table',
  pageSize: 40,
  paging: 'pages',
  tabs: { kind: 'sort' },
  cookieBanner: false,
  promoModal: { title: 'Summer at sea', body: 'Free cabin upgrade on selected July sailings: code UPSAIL at checkout.', code: 'UPSAIL' },
  steps: { results: 'Sailings', listing: 'Cabin', details: 'Passengers', review: 'Review' },
};

const monthText = (m: string | number | undefined) => {
  const [y, mo] = String(m ?? '').split('-').map(Number);
  return y && mo ? `${monthName(mo)} ${y}` : '';
};

export const WORDING: Wording = {
  searchButton: 'Find cruises',
  resultsHeading: (p, count) => (isExcursionSearch(p) ? `${count} shore excursion${count === 1 ? '' : 's'} on your cruise` : `${count} sailing${count === 1 ? '' : 's'} from ${portName(p.port)} in ${monthText(p.month)}`),
  selectButton: 'Choose cabin',
  continueButton: 'Continue',
  detailsHeading: 'Passenger details',
  travellerLabel: (i) => `Passenger ${i}`,
  bookButton: 'Book cruise',
  confirmationHeading: 'Your cruise is booked',
  emptyResults: 'No sailings match. Try another month, another port or fewer filters.',
};
