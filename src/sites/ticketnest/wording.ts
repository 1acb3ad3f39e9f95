import { isIsoDate, shortDate } from '../../core/dates.js';
import { cityById } from '../../world/geography.js';
import type { EventCategory } from './domain.js';
import type { SearchParams, Wording } from '../engine/site-definition.js';

export const CATEGORY_LABELS: Record<EventCategory, string> = {
  concert: 'Concerts',
  theatre: 'Theatre',
  comedy: 'Comedy',
  sports: 'Sports',
  opera: 'Opera & ballet',
  festival: 'Festivals',
};

function range(params: SearchParams): string {
  const from = String(params.dateFrom ?? '');
  const to = String(params.dateTo ?? '');
  if (!isIsoDate(from) || !isIsoDate(to)) return '';
  return from === to ? ` on ${shortDate(from)}` : `, ${shortDate(from)} – ${shortDate(to)}`;
}

export const wording: Wording = {
  searchButton: 'Find tickets',
  resultsHeading: (params, count) => {
    const city = cityById(String(params.city ?? ''))?.name ?? 'your city';
    const c = String(params.searchCategory ?? 'any');
    const cat = c !== 'any' ? CATEGORY_LABELS[c as EventCategory] : undefined;
    const what = cat ? `${cat} events` : count === 1 ? 'event' : 'events';
    return `${count} ${what} in ${city}${range(params)}`;
  },
  selectButton: 'Get tickets',
  continueButton: 'Continue',
  detailsHeading: 'Who is booking?',
  travellerLabel: () => 'Lead booker (name on the tickets)',
  bookButton: 'Pay and get my tickets',
  confirmationHeading: "You're going! Your tickets are booked",
  emptyResults: 'No events match your search. Try other dates, another category or fewer tickets.',
};
