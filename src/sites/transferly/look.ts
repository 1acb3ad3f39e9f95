import { shortDate } from '../../core/dates.js';
import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { areaById, cityOfAirport } from './domain.js';

/** Transferly's voice: chauffeur black and mint, a split hero, filters above cards, details behind accordions, "load more". */

export const theme: Theme = {
  primary: '#111827',
  primaryText: '#ffffff',
  accent: '#10b981',
  background: '#f3f7f5',
  surface: '#ffffff',
  text: '#111827',
  muted: '#5b6472',
  font: "'Inter', 'Helvetica Neue', Arial, sans-serif",
  radius: '10px',
};

export const layout: Layout = {
  hero: 'split',
  filters: 'top',
  results: 'cards',
  pageSize: 8,
  paging: 'loadMore',
  detailsAccordion: true,
  cookieBanner: false,
  promoModal: { title: 'Land and go', body: 'Your driver tracks your flight and waits if it is late.', code: 'WELCOME5' },
  steps: { results: 'Rides', listing: 'Fare', details: 'Passenger', review: 'Review' },
};

export const wording: Wording = {
  searchButton: 'Search transfers',
  resultsHeading: (p, n) => {
    const city = cityOfAirport(String(p.airport));
    const area = areaById(String(p.area))?.name ?? p.area;
    const way = p.direction === 'to-airport' ? `${area} to ${city?.airport.name ?? p.airport}` : `${city?.airport.name ?? p.airport} to ${area}`;
    return `${n} ride${n === 1 ? '' : 's'} from ${way}, ${shortDate(String(p.date))} at ${p.time}`;
  },
  selectButton: 'Select ride',
  continueButton: 'Continue',
  detailsHeading: 'Lead passenger and flight',
  travellerLabel: () => 'Lead passenger',
  bookButton: 'Book transfer',
  confirmationHeading: 'Your transfer is booked',
  emptyResults: 'No vehicle fits. Try fewer filters, or check the passengers and suitcases.',
};
