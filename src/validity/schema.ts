import { z } from 'zod';
import { Constraint, FixtureBooking } from '../core/schemas/task.js';

/**
 * The project's validity set: near-miss episodes, each labelled by hand, constraint by
 * constraint, from the instruction and what the site's own review and confirmation pages show
 * (never from the evaluator). A case is driven on the real site server, so the state judged is
 * a real episode's; `webfoundry validity` reports how often the evaluator agrees.
 */
export const VALIDITY_SCHEMA_VERSION = 1;

const Params = z.record(z.string(), z.union([z.string(), z.number()]));

/**
 * One thing the person did on a site, through its pages: search form, listing page, a later
 * round's listing, cart, account wall, details form (or a wizard's pages), review, payment.
 * Version 1 files without the later kinds parse unchanged.
 */
export const ValidityStep = z.discriminatedUnion('do', [
  /** Submit the search form with these values (what the form would send). */
  z.strictObject({ do: z.literal('search'), site: z.string().optional(), params: Params }),
  /** On a listing page of the last search (or of `params`), pick a choice per option group and continue. */
  z.strictObject({
    do: z.literal('choose'),
    site: z.string().optional(),
    listing: z.string(),
    choices: z.record(z.string(), z.string()),
    /** Groups that take one choice per traveller (seats): groupId -> choiceIds. */
    multi: z.record(z.string(), z.array(z.string())).optional(),
    /** Ticket types: groupId -> choiceId -> how many. */
    quantities: z.record(z.string(), z.record(z.string(), z.number().int().min(1))).optional(),
    params: Params.optional(),
  }),
  /** Submit the details form: travellers (1-based order), contact fields, add-on quantities. */
  z.strictObject({
    do: z.literal('details'),
    site: z.string().optional(),
    travellers: z.array(z.record(z.string(), z.string())),
    contact: z.record(z.string(), z.string()),
    extras: z.record(z.string(), z.number().int().min(0)).default({}),
  }),
  /** Accept the terms on the review page and book (on a site that takes payment: go on to pay). */
  z.strictObject({ do: z.literal('book'), site: z.string().optional() }),
  /**
   * A later round of choosing for the same booking (a return leg, a package's flights): open the
   * round's own results, then post a choice on one of its listing pages.
   */
  z.strictObject({
    do: z.literal('round'),
    site: z.string().optional(),
    /** The round's slot, as the site's flow names it ("return", "flights"). */
    slot: z.string().min(1),
    listing: z.string(),
    choices: z.record(z.string(), z.string()),
    multi: z.record(z.string(), z.array(z.string())).optional(),
    quantities: z.record(z.string(), z.record(z.string(), z.number().int().min(1))).optional(),
  }),
  /** Open the cart (where a site has one) and remove items by their slot ("main", "item2"); then check out. */
  z.strictObject({ do: z.literal('cart'), site: z.string().optional(), remove: z.array(z.string()).default([]) }),
  /**
   * The account wall: create an account (the site then asks to sign in), sign in, or continue as a
   * guest. A refused form (a weak password, a wrong one) is a page the person saw, not an error.
   */
  z.strictObject({
    do: z.literal('account'),
    site: z.string().optional(),
    action: z.enum(['register', 'sign-in', 'guest']),
    name: z.string().optional(),
    email: z.string().optional(),
    password: z.string().optional(),
  }),
  /**
   * One page of a details wizard, as it stands: its own fields (taken from these travellers,
   * contact and add-ons) posted with Next or Back. The \`details\` step fills every page with Next.
   */
  z.strictObject({
    do: z.literal('wizard'),
    site: z.string().optional(),
    nav: z.enum(['next', 'back']),
    travellers: z.array(z.record(z.string(), z.string())).default([]),
    contact: z.record(z.string(), z.string()).default({}),
    extras: z.record(z.string(), z.number().int().min(0)).default({}),
  }),
  /** The card form after the review: a declined card (the sites' test bank) is refused and books nothing. */
  z.strictObject({
    do: z.literal('pay'),
    site: z.string().optional(),
    number: z.string(),
    name: z.string(),
    expiry: z.string(),
    cvc: z.string(),
    postcode: z.string(),
  }),
  /** Open "My bookings" (the bookings the episode started with and those made since). */
  z.strictObject({ do: z.literal('bookings'), site: z.string().optional() }),
  /** On "My bookings", open a booking and cancel it: the cancel page shows the fee and refund, then "Yes, cancel". */
  z.strictObject({ do: z.literal('cancel'), site: z.string().optional(), reference: z.string() }),
  /** On "My bookings", change a booking's traveller names (1-based order, the fields of the site's traveller form). */
  z.strictObject({ do: z.literal('travellers'), site: z.string().optional(), reference: z.string(), travellers: z.array(z.record(z.string(), z.string())) }),
  /** On "My bookings", move a booking to new dates (the date fields of the site's policy, as its form takes them). */
  z.strictObject({ do: z.literal('dates'), site: z.string().optional(), reference: z.string(), dates: z.record(z.string(), z.string()) }),
]);
export type ValidityStep = z.infer<typeof ValidityStep>;

export const ValidityLabel = z.strictObject({
  satisfied: z.boolean(),
  /** Why, in the words of someone reading the instruction and the pages ("the confirmation says Fare per adult €132"). */
  why: z.string().min(8),
});

export const ValidityCase = z.strictObject({
  id: z.string().min(1),
  site: z.string().min(1),
  /** The near miss this case is about ("a pricier fare of the same flight"). */
  about: z.string().min(1),
  instruction: z.string().min(1),
  constraints: z.array(Constraint).min(1),
  episode: z.array(ValidityStep),
  /** A hand label for every constraint, by id. */
  labels: z.record(z.string(), ValidityLabel),
  /**
   * A case about a booking the user already has (a manage task): the bookings the episode starts
   * with, made by the site's own rules, and the one the instruction is about (judged as it stands).
   */
  manage: z.strictObject({ fixtures: z.array(FixtureBooking).min(1), subject: z.string() }).optional(),
});
export type ValidityCase = z.infer<typeof ValidityCase>;

export const ValidityFile = z.strictObject({
  schemaVersion: z.literal(VALIDITY_SCHEMA_VERSION),
  /** The world the listing ids and prices come from. */
  worldSeed: z.number().int(),
  worldVersion: z.number().int(),
  cases: z.array(ValidityCase),
});
export type ValidityFile = z.infer<typeof ValidityFile>;
