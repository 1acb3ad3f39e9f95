import { shortDate } from '../../core/dates.js';
import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { cityName } from '../engine/city-search.js';
import { ACTIVITY_LABELS, type Activity } from './domain.js';

/** Courtside's voice: sporty lime on deep navy, square corners, a compact hero, filters in a dialog and a schedule table of results. */

export const theme: Theme = {
  primary: '#0b2545',
  primaryText: '#d9f99d',
  accent: '#84cc16',
  background: '#eef2f7',
  surface: '#ffffff',
  text: '#0b1a2e',
  muted: '#55657a',
  font: "'Barlow', 'Arial Narrow', 'Helvetica Neue', Arial, sans-serif",
  radius: '2px',
};

export const layout: Layout = {
  hero: 'compact',
  filters: 'dialog',
  results: 'table',
  pageSize: 15,
  paging: 'pages',
  cookieBanner: false,
  promoModal: { title: 'First session on us', body: 'New to Courtside? Your first class is free with the Courtside app.', code: 'FIRSTSERVE' },
  steps: { results: 'Schedule', listing: 'Time & players', details: 'Player details', review: 'Review & pay' },
};

export const wording: Wording = {
  searchButton: 'Show schedule',
  resultsHeading: (p, n) => `${ACTIVITY_LABELS[p.activity as Activity] ?? 'Sessions'}s in ${cityName(String(p.city))} on ${shortDate(String(p.date))}: ${n}`,
  selectButton: 'Book',
  continueButton: 'Add to cart',
  detailsHeading: 'Who is booking?',
  travellerLabel: () => 'Lead player',
  bookButton: 'Confirm booking',
  confirmationHeading: 'Game on: your booking is confirmed',
  emptyResults: 'Nothing free on this day. Try another day, another sport or fewer filters.',
};
