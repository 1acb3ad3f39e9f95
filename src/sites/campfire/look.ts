import { isIsoDate, shortDate } from '../../core/dates.js';
import type { Layout, Theme, Wording } from '../engine/site-definition.js';
import { areaName } from './areas.js';
import { isPackageSearch, nightsOf } from './inventory.js';

/** Campfire's brand: forest green and campfire orange on canvas, square-ish cards, a split hero, rows with a map. */

export const THEME: Theme = {
  primary: '#2f5d3a',
  primaryText: '#ffffff',
  accent: '#e07a1f',
  background: '#f4f1e8',
  surface: '#fffdf7',
  text: '#1f2a1f',
  muted: '#5e6b5a',
  font: 'Verdana, "Trebuchet MS", Tahoma, sans-serif',
  radius: '4px',
  headingCase: 'uppercase',
};

export const LAYOUT: Layout = {
  hero: 'split',
  filters: 'dialog',
  results: 'rows',
  pageSize: 10,
  paging: 'loadMore',
  mapView: true,
  detailsAccordion: true,
  cookieBanner: true,
  steps: { results: 'Campsites', listing: 'Your pitch', details: 'Lead camper', review: 'Check and pay deposit' },
};

export const WORDING: Wording = {
  searchButton: 'Find campsites',
  resultsHeading: (p, count) => {
    if (isPackageSearch(p)) return `${count} rental${count === 1 ? '' : 's'} and activities near your campsite`;
    const when = typeof p.date === 'string' && isIsoDate(p.date) ? ` from ${shortDate(p.date)}` : '';
    return `${count} campsite${count === 1 ? '' : 's'} in ${areaName(p.area)}${when}, ${nightsOf(p)} night${nightsOf(p) === 1 ? '' : 's'}`;
  },
  selectButton: 'Choose a pitch',
  continueButton: 'Continue',
  detailsHeading: 'Who is the lead camper?',
  travellerLabel: () => 'Lead camper',
  bookButton: 'Pay deposit and book',
  confirmationHeading: 'Your pitch is booked',
  emptyResults: 'No campsites match. Try other dates, another area or fewer filters.',
};
