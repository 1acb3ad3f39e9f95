import { CAR_CLASSES, SUPPLIER_NAMES } from './domain.js';
import type { FilterSpec, Layout, SortSpec, Theme, Wording } from '../engine/site-definition.js';
import { CLASS_LABELS } from './inventory.js';
import { locationLabel } from './locations.js';

/** Green and charcoal. */
export const THEME: Theme = {
  primary: '#1f8a4c',
  primaryText: '#ffffff',
  accent: '#2e3338',
  background: '#f2f5f1',
  surface: '#ffffff',
  text: '#22272b',
  muted: '#66706b',
  font: "'Inter', 'Segoe UI', Roboto, system-ui, sans-serif",
  radius: '6px',
  headingCase: 'none',
};

export const LAYOUT: Layout = {
  hero: 'compact',
  filters: 'sidebar',
  results: 'table',
  pageSize: 8,
  cookieBanner: true,
  steps: { results: 'Choose a car', listing: 'Protection & options', details: 'Driver details', review: 'Review & book' },
};

export const WORDING: Wording = {
  searchButton: 'Find cars',
  resultsHeading: (params, count) => {
    const where = typeof params.pickupLocation === 'string' ? (locationLabel(params.pickupLocation) ?? params.pickupLocation) : 'your location';
    return `${count} car${count === 1 ? '' : 's'} available at ${where}`;
  },
  selectButton: 'Select car',
  continueButton: 'Continue',
  detailsHeading: 'Main driver',
  travellerLabel: () => 'Main driver',
  bookButton: 'Book now',
  confirmationHeading: 'Your car is booked',
  emptyResults: 'No cars match. Try other dates, another desk, or an older driver age: some cars need drivers aged 23 or 25.',
};

export const FILTERS: FilterSpec[] = [
  { id: 'class', kind: 'multi', attr: 'carClass', label: 'Car class', mode: 'any', options: CAR_CLASSES.map((c) => ({ value: c, label: CLASS_LABELS[c] })) },
  {
    id: 'transmission',
    kind: 'multi',
    attr: 'transmission',
    label: 'Gearbox',
    mode: 'any',
    options: [
      { value: 'manual', label: 'Manual' },
      { value: 'automatic', label: 'Automatic' },
    ],
  },
  { id: 'supplier', kind: 'multi', attr: 'supplier', label: 'Supplier', mode: 'any', options: SUPPLIER_NAMES.map((s) => ({ value: s, label: s })) },
  {
    id: 'seats',
    kind: 'min',
    attr: 'seats',
    label: 'Seats',
    options: [4, 5, 7, 8, 9].map((n) => ({ value: String(n), label: `${n}+ seats` })),
  },
  {
    id: 'fuel',
    kind: 'multi',
    attr: 'fuel',
    label: 'Fuel',
    mode: 'any',
    options: [
      { value: 'petrol', label: 'Petrol' },
      { value: 'diesel', label: 'Diesel' },
      { value: 'hybrid', label: 'Hybrid' },
      { value: 'electric', label: 'Electric' },
    ],
  },
  {
    id: 'maxPrice',
    kind: 'max',
    attr: 'pricePerDay',
    label: 'Price per day',
    options: [30, 40, 50, 75, 100, 150].map((n) => ({ value: String(n), label: `Up to €${n}` })),
  },
  { id: 'unlimitedMileage', kind: 'flag', attr: 'unlimitedMileage', label: 'Unlimited mileage' },
];

export const SORTS: SortSpec[] = [
  { id: 'recommended', label: 'Recommended', attr: 'recommendedRank', dir: 'asc' },
  { id: 'price', label: 'Price per day (lowest first)', attr: 'pricePerDay', dir: 'asc' },
  { id: 'seats', label: 'Seats (most first)', attr: 'seats', dir: 'desc' },
  { id: 'rating', label: 'Supplier rating', attr: 'supplierRating', dir: 'desc' },
];
