import { confirmationStep } from './confirmation.js';
import { detailsStep } from './details.js';
import type { FlowStep } from './kit.js';
import { listingStep } from './listing.js';
import { resultsStep } from './results.js';
import { reviewStep } from './review.js';
import { searchStep } from './search.js';
import { roundStep } from './round.js';
import { cartStep } from './cart.js';
import { accountStep } from './account.js';
import { paymentStep } from './payment.js';

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
  round: roundStep,
  cart: cartStep,
  account: accountStep,
  review: reviewStep,
  payment: paymentStep,
  confirmation: confirmationStep,
};

export { searchStep, resultsStep, listingStep, roundStep, cartStep, detailsStep, accountStep, reviewStep, paymentStep, confirmationStep };

/** search → results → listing → details → review → confirmation: the flow of a site that declares none. */
export function defaultFlow(): FlowStep[] {
  return [steps.search(), steps.results(), steps.listing(), steps.details(), steps.review(), steps.confirmation()];
}

export type { FlowStep, StepKit } from './kit.js';
