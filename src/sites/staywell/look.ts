import type { Layout, SearchParams, Theme, Wording } from '../engine/site-definition.js';
import type { Amenity } from './domain.js';
import { cityById } from '../../world/geography.js';

/** Staywell's brand: deep navy and warm yellow, friendly wording, a members' promo. */

export const theme: Theme = {
  primary: '#14213d',
  primaryText: '#ffffff',
  accent: '#fcbf49',
  background: '#f3f5fa',
  surface: '#ffffff',
  text: '#18202f',
  muted: '#5b6478',
  font: "'Nunito Sans', 'Segoe UI', Helvetica, Arial, sans-serif",
  radius: '10px',
  headingCase: 'none',
};

export const layout: Layout = {
  hero: 'banner',
  filters: 'sidebar',
  results: 'cards',
  pageSize: 8,
  cookieBanner: false,
  promoModal: {
    title: 'Members save 10%',
    body: 'Join Staywell Rewards for free and save 10% on selected hotels. Use the code at checkout on your next stay.',
    code: 'STAYWELL10',
  },
  steps: { results: 'Choose a hotel', listing: 'Choose a room', details: 'Your details', review: 'Final check' },
};

const place = (params: SearchParams) => cityById(String(params.destination ?? ''))?.name ?? 'your destination';

export const wording: Wording = {
  searchButton: 'Search hotels',
  resultsHeading: (params, count) => `${place(params)}: ${count} ${count === 1 ? 'property' : 'properties'} found`,
  selectButton: 'See availability',
  continueButton: 'Reserve',
  detailsHeading: 'Who is staying?',
  travellerLabel: () => 'Lead guest',
  bookButton: 'Complete booking',
  confirmationHeading: 'Your stay is booked',
  emptyResults: 'No properties match your filters. Try removing a filter or changing your dates.',
};

export const AMENITY_LABELS: Record<Amenity, string> = {
  wifi: 'Free Wi-Fi',
  pool: 'Swimming pool',
  parking: 'Parking',
  breakfast: 'Breakfast served',
  gym: 'Fitness centre',
  spa: 'Spa',
  pets: 'Pets allowed',
  shuttle: 'Airport shuttle',
  'air-conditioning': 'Air conditioning',
  restaurant: 'Restaurant',
};

export const amenityText = (list: readonly Amenity[]): string => list.map((a) => AMENITY_LABELS[a]).join(', ');
