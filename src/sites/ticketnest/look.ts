import type { Layout, Theme } from '../engine/site-definition.js';

/**
 * Night-out look: a deep purple masthead and links, hot pink calls to action on a pale lilac
 * page. (A fully dark page would clash with the engine's white pop-ups: modal, calendar, list.)
 */
export const theme: Theme = {
  primary: '#3d0b63',
  primaryText: '#ffffff',
  accent: '#e6007e',
  background: '#f6f0fb',
  surface: '#ffffff',
  text: '#1e0a30',
  muted: '#6e5a86',
  font: '"Poppins", "Segoe UI", system-ui, sans-serif',
  radius: '14px',
  headingCase: 'uppercase',
};

export const layout: Layout = {
  hero: 'banner',
  filters: 'dialog',
  results: 'cards',
  pageSize: 10,
  paging: 'loadMore',
  tabs: { kind: 'filter', filter: 'category', allLabel: 'All events' },
  cookieBanner: false,
  promoModal: {
    title: 'Never miss a presale',
    body: 'Join TicketNest Plus for presale alerts and 10% off service fees on your next order.',
    code: 'NEST10',
  },
  steps: { results: 'Events', listing: 'Tickets', details: 'Your details', review: 'Review & pay' },
};
