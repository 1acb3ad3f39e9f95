import { shortDate, isIsoDate } from '../../core/dates.js';
import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { stationName } from './stations.js';

/** RailGo's brand: signal red on slate, compact search, a timetable-like results table. */

export const THEME: Theme = {
  primary: '#d7263d',
  primaryText: '#ffffff',
  accent: '#334155',
  background: '#f1f5f9',
  surface: '#ffffff',
  text: '#0f172a',
  muted: '#64748b',
  font: '"Inter", "Segoe UI", "Helvetica Neue", Arial, sans-serif',
  radius: '4px',
  headingCase: 'none',
};

export const LAYOUT: Layout = {
  hero: 'compact',
  filters: 'top',
  results: 'table',
  pageSize: 10,
  paging: 'pages',
  detailsAccordion: true,
  cookieBanner: false,
  steps: { results: 'Trains', listing: 'Tickets', details: 'Passengers', review: 'Review & pay' },
};

export const WORDING: Wording = {
  searchButton: 'Find trains',
  resultsHeading: (params, count) => {
    const when = typeof params.date === 'string' && isIsoDate(params.date) ? `, ${shortDate(params.date)}` : '';
    const after = typeof params.departAfter === 'string' ? ` after ${params.departAfter}` : '';
    return `${count} train${count === 1 ? '' : 's'} from ${stationName(params.origin)} to ${stationName(params.destination)}${when}${after}`;
  },
  selectButton: 'Choose',
  continueButton: 'Continue to passengers',
  detailsHeading: 'Who is travelling?',
  travellerLabel: (index) => `Passenger ${index}`,
  bookButton: 'Pay and get tickets',
  confirmationHeading: 'Your tickets are booked',
  emptyResults: 'No trains found for this journey. Try an earlier departure time, another date or fewer filters.',
};
