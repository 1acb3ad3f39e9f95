import { shortDate } from '../../core/dates.js';
import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { cityName } from '../engine/city-search.js';
import { KIND_LABELS, type Kind } from './domain.js';
import { hoursText } from './spaces.js';

/**
 * WorkHive's voice: honey yellow on charcoal, a monospace-tinged grotesque, square-ish corners,
 * a compact hero, filters in a sidebar and a dense table of spaces that loads on as it scrolls,
 * with each row's rates and free starts behind a "Details" accordion.
 */

export const theme: Theme = {
  primary: '#f5b700',
  primaryText: '#1c1c1e',
  accent: '#2f2f33',
  background: '#f4f3ef',
  surface: '#ffffff',
  text: '#1c1c1e',
  muted: '#6b6b70',
  font: "'IBM Plex Sans', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif",
  radius: '4px',
  headingCase: 'uppercase',
};

export const layout: Layout = {
  hero: 'compact',
  filters: 'sidebar',
  results: 'table',
  pageSize: 20,
  paging: 'infinite',
  detailsAccordion: true,
  tabs: { kind: 'sort' },
  cookieBanner: true,
  steps: { results: 'Spaces', listing: 'Start time', details: 'Organiser', review: 'Check & pay' },
};

export const wording: Wording = {
  searchButton: 'Find a space',
  resultsHeading: (p, n) => `${KIND_LABELS[p.kind as Kind] ?? 'Spaces'} in ${cityName(String(p.city))} on ${shortDate(String(p.date))}, ${hoursText(Number(p.hours))}, ${p.attendees} ${Number(p.attendees) === 1 ? 'person' : 'people'}: ${n} ${n === 1 ? 'space' : 'spaces'}`,
  selectButton: 'See start times',
  continueButton: 'Reserve this time',
  detailsHeading: 'Who is organising?',
  travellerLabel: () => 'Organiser',
  bookButton: 'Pay and reserve',
  confirmationHeading: 'Your space is reserved',
  emptyResults: 'No space of this kind seats your party and is free that day. Try fewer people, fewer hours or another day.',
};
