import type { Rng } from '../../core/rng.js';
import type { ProofPage } from '../../core/schemas/answer.js';
import { LISTING_ROOM_PREFIX, type Entity, type KnowledgeGraph } from '../../knowledge/index.js';
import { answerOfListingFact } from './fact-words.js';
import { kgQuestion } from './kg-questions.js';
import type { Ask, Question } from './question.js';

/** The booking-site page that sells an entity (its listing page on `listing.site`), or undefined when the site does not list it. */
export type BookingPageOf = (e: Entity) => ProofPage | undefined;

/**
 * The listing facts of an entity a question may ask: every one its booking page shows, except a
 * room whose size the guide gives away already (the hotel's largest room, `largestRoomM2`).
 */
function listingAsks(e: Entity): Ask[] {
  const listing = e.listing;
  if (!listing) return [];
  return Object.entries(listing.facts).flatMap(([key, v]) => {
    if (key.startsWith(LISTING_ROOM_PREFIX) && v === e.facts.largestRoomM2) return [];
    const answer = answerOfListingFact(key, v);
    return answer ? [{ kind: 'listing-fact' as const, key, site: listing.site, answer }] : [];
  });
}

/**
 * A question that spans sites: a knowledge-graph walk (as `kg` makes, levels 1-3) describes an
 * entity through the guide, and what is asked of it only its booking site's listing page shows (a
 * hotel's city tax, the size of one of its rooms on StayWell). The proof is that listing page
 * (the answer's page, first) and the guide articles of the walk; the answer is unique because the
 * description means that one entity in the whole graph.
 */
export function crossSiteQuestion(g: KnowledgeGraph, rng: Rng, level: 1 | 2 | 3, bookingPageOf: BookingPageOf): Question | undefined {
  const sold = g.ofType('hotel').filter((e) => e.listing !== undefined);
  if (sold.length === 0) return undefined;
  const e0 = rng.pick(sold);
  const asks = listingAsks(e0);
  if (asks.length === 0) return undefined;
  const ask = rng.pick(asks);
  const page = bookingPageOf(e0);
  if (!page || page.site !== e0.listing!.site) return undefined;
  return kgQuestion(g, rng, level, { start: e0, ask, method: 'cross', bookingProof: page });
}
