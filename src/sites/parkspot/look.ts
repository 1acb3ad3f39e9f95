import { shortDate } from '../../core/dates.js';
import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { parkingLocationById } from './domain.js';

/** ParkSpot's voice: road-sign blue and signal yellow, square corners, a compact hero, rows with a map, filters in a dialog and tabs by how you reach the terminal. */

export const theme: Theme = {
  primary: '#0b3d91',
  primaryText: '#ffffff',
  accent: '#ffc400',
  background: '#eef2f7',
  surface: '#ffffff',
  text: '#0f1a2a',
  muted: '#56627a',
  font: "'Roboto Condensed', 'Arial Narrow', Arial, sans-serif",
  radius: '2px',
  headingCase: 'uppercase',
};

export const layout: Layout = {
  hero: 'compact',
  filters: 'dialog',
  results: 'rows',
  pageSize: 10,
  paging: 'pages',
  mapView: true,
  tabs: { kind: 'filter', filter: 'transfer', allLabel: 'All car parks' },
  cookieBanner: true,
  promoModal: { title: 'Park for less', body: 'Book ahead online and save up to 60% on the gate price.', code: 'PARK15' },
  steps: { results: 'Car parks', listing: 'Space', details: 'Vehicle & driver', review: 'Review' },
};

export const wording: Wording = {
  searchButton: 'Find parking',
  resultsHeading: (p, n) => `${n} car park${n === 1 ? '' : 's'} at ${parkingLocationById(String(p.location))?.name ?? p.location}, ${shortDate(String(p.entryDate))} ${p.entryTime} to ${shortDate(String(p.exitDate))} ${p.exitTime}`,
  selectButton: 'Choose a space',
  continueButton: 'Continue with this space',
  detailsHeading: 'Your vehicle and driver',
  travellerLabel: () => 'Vehicle and driver',
  bookButton: 'Confirm parking',
  confirmationHeading: 'Your parking space is booked',
  emptyResults: 'No car parks match. Try other times or fewer filters.',
};
