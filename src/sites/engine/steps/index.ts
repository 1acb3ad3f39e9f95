import { confirmationStep } from './confirmation.js';
import { detailsStep } from './details.js';
import type { FlowStep } from './kit.js';
import { listingStep } from './listing.js';
import { resultsStep } from './results.js';
import { reviewStep } from './review.js';
import { searchStep } from './search.js';

/**
 * The library of flow steps a site composes its booking flow from (`SiteDefinition.flow`).
 * Each step registers its own routes and reads and records episode state; the order of the
 * flow decides where each step leads.
 */
export const steps = {
  search: searchStep,
  results: resultsStep,
  listing: listingStep,
  details: detailsStep,
  review: reviewStep,
  confirmation: confirmationStep,
};

/** search → results → listing → details → review → confirmation: the flow of a site that declares none. */
export function defaultFlow(): FlowStep[] {
  return [steps.search(), steps.results(), steps.listing(), steps.details(), steps.review(), steps.confirmation()];
}

export type { FlowStep, StepKit } from './kit.js';
