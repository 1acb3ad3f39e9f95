import type { DomainModule } from '../domain-module.js';
// One import per domain; keep the order of DOMAINS stable (it is part of the world's identity).
// @domain-imports
import { flightsDomain } from './flights.js';
import { hotelsDomain } from './hotels.js';
import { restaurantsDomain } from './restaurants.js';
import { carsDomain } from './cars.js';
import { eventsDomain } from './events.js';
import { trainsDomain } from './trains.js';

/** Every inventory domain, in a fixed order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const DOMAINS: readonly DomainModule<any>[] = [
  // @domain-list
  flightsDomain,
  hotelsDomain,
  restaurantsDomain,
  carsDomain,
  eventsDomain,
  trainsDomain,
];
