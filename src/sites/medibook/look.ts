import { shortDate } from '../../core/dates.js';
import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { cityName } from '../engine/city-search.js';
import { SPECIALTY_LABELS, type Specialty } from './domain.js';

/** MediBook's voice: calm clinical teal on white, rounded cards, a banner hero and sidebar filters. */

export const theme: Theme = {
  primary: '#0f766e',
  primaryText: '#ffffff',
  accent: '#0d9488',
  background: '#f4fbfa',
  surface: '#ffffff',
  text: '#16302d',
  muted: '#5f7a76',
  font: "'Source Sans 3', 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  radius: '14px',
};

export const layout: Layout = {
  hero: 'banner',
  filters: 'sidebar',
  results: 'cards',
  pageSize: 10,
  cookieBanner: false,
  promoModal: { title: 'Never miss an appointment', body: 'Download the MediBook app for reminders and video consultations.', code: 'HEALTHY' },
  steps: { results: 'Practitioners', listing: 'Time slot', details: 'Patient details', review: 'Confirm' },
};

export const wording: Wording = {
  searchButton: 'Find a practitioner',
  resultsHeading: (p, n) => `${SPECIALTY_LABELS[p.specialty as Specialty] ?? 'Practitioners'} in ${cityName(String(p.city))}: ${n} ${n === 1 ? 'match' : 'matches'}, free times from ${shortDate(String(p.date))}`,
  selectButton: 'See free times',
  continueButton: 'Book this time',
  detailsHeading: 'About the patient',
  travellerLabel: () => 'Patient',
  bookButton: 'Confirm appointment',
  confirmationHeading: 'Your appointment is confirmed',
  emptyResults: 'No practitioners match. Try another day, a video consultation or fewer filters.',
};
