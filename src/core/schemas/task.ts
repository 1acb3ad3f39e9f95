import { z } from 'zod';
import { AnswerConstraint, QaInfo } from './answer.js';
import { Attrs } from './episode-state.js';
import { InvalidInputError } from '../errors.js';

/**
 * 2: constraints state what the user wants of the booking, not of the search (a date window is
 * checked on the date booked; price bounds on what the user pays); superlatives accept every
 * option that reaches the best value among those that fit (no single listing id); `booked`
 * means exactly one booking. Version 1 files are refused: their scores are not comparable.
 * Information-seeking tasks (`kind: "qa"`) were added to version 2 without changing booking
 * tasks: every version-2 file written before them still reads the same.
 */
export const TASK_SCHEMA_VERSION = 2;

/**
 * Where the fact a constraint checks is read before a booking exists (after one, the booking is
 * the whole truth): `search` from the current search (where, when, who: what the search form
 * asks and the results page shows), `selection` from the option chosen on a listing page,
 * `details` from the traveller and contact fields and add-ons as last submitted (valid fields
 * only), `booking` only from a submitted booking (the total paid, the booking itself).
 */
export const Stage = z.enum(['search', 'selection', 'details', 'booking']);
export type Stage = z.infer<typeof Stage>;

const base = {
  /** Stable within the task, e.g. "destination", "price-max", "cheapest", "traveller1-lastName". */
  id: z.string().min(1),
  /** How the instruction says it, e.g. "to Lisbon", "under €200 a night". */
  phrase: z.string().min(1),
  stage: Stage,
  /** Phrasing template used, for analysis of generated data. */
  templateId: z.string().optional(),
};

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const HHMM = z.string().regex(/^\d{2}:\d{2}$/, 'a time like "18:30"');
const ISO_DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like "2026-07-07"');

/**
 * One independent, checkable requirement of a task. `field` names a fact of the episode state:
 * an attr of the selection or booking (which includes the search parameters), a traveller or
 * contact field, or an add-on id.
 */
export const Constraint = z.discriminatedUnion('kind', [
  /** destination = "LIS", cabin = "business", date = "2026-06-12", room = "Deluxe King". */
  z.strictObject({ ...base, kind: z.literal('exact'), field: z.string(), value: scalar }),
  /** price <= 200, rating >= 8, durationMin <= 180, stops <= 0 (inclusive bounds). */
  z.strictObject({ ...base, kind: z.literal('range'), field: z.string(), min: z.number().optional(), max: z.number().optional() }),
  /** amenities include all of [pool, wifi]; cuisine one of [thai, indian]; features exclude [x]. */
  z.strictObject({ ...base, kind: z.literal('set'), field: z.string(), mode: z.enum(['includes_all', 'one_of', 'excludes']), values: z.array(z.string()).min(1) }),
  /** departTime after 18:00 / before 12:00 (inclusive; "HH:MM"). */
  z.strictObject({ ...base, kind: z.literal('time_window'), field: z.string(), after: HHMM.optional(), before: HHMM.optional() }),
  /** The event's date between 2026-07-07 and 2026-07-19 (inclusive ISO dates), whatever was searched. */
  z.strictObject({ ...base, kind: z.literal('date_window'), field: z.string(), from: ISO_DATE.optional(), to: ISO_DATE.optional() }),
  /**
   * The cheapest / shortest / earliest / highest-rated of what the request allows. It ranks
   * options at the grain of its field: the flight for "the shortest flight", the flight and fare
   * for "the lowest fare per adult", the event and section for "the cheapest tickets". `winners`
   * are every such option (a listing, and the choices that set the field's value) that reaches
   * `best` among those that meet every constraint of `scope`, over every search the instruction
   * allows; the superlative is met by booking any of them, ties included. A wrong choice that
   * does not set the value (the fare of "the fastest train") is that other constraint's failure,
   * not the superlative's. Computed when the task is made (the inventory never changes), so
   * checking needs no inventory.
   */
  z.strictObject({
    ...base,
    kind: z.literal('superlative'),
    field: z.string(),
    objective: z.enum(['min', 'max']),
    best: z.union([z.number(), z.string()]),
    /** The constraints the best was proven under (a relabeled task that drops one of them drops the superlative too). */
    scope: z.array(z.string()),
    winners: z.array(z.strictObject({ listing: z.string(), choices: z.record(z.string(), z.string()) })).min(1),
  }),
  /** adults = 2, children = 1, tickets = 3, rooms = 2. */
  z.strictObject({ ...base, kind: z.literal('count'), field: z.string(), value: z.number().int() }),
  /** A traveller (1-based `traveller`) or contact field typed correctly (case- and space-insensitive). */
  z.strictObject({ ...base, kind: z.literal('details'), field: z.string(), traveller: z.number().int().min(1).optional(), value: z.string() }),
  /** An add-on chosen (quantity >= `quantity`, default 1) or refused (`chosen: false`). */
  z.strictObject({ ...base, kind: z.literal('addon'), field: z.string(), chosen: z.boolean(), quantity: z.number().int().min(1).optional() }),
  /** Exactly one booking was submitted on the task's site (a second one is a booking nobody asked for). */
  z.strictObject({ ...base, kind: z.literal('booked') }),
]);
export type Constraint = z.infer<typeof Constraint>;
export type ConstraintKind = Constraint['kind'];

export const Difficulty = z.enum(['easy', 'medium', 'hard']);
export type Difficulty = z.infer<typeof Difficulty>;
export const Split = z.enum(['train', 'dev', 'test']);
export type Split = z.infer<typeof Split>;

/** One booking that satisfies every constraint: the witness of feasibility. */
const Params = z.record(z.string(), z.union([z.string(), z.number()]));
/** Choices of groups that take several (seats): groupId -> choiceIds. */
const Multi = z.record(z.string(), z.array(z.string()).min(1));
/** Quantities of groups that take them (ticket types): groupId -> choiceId -> how many. */
const Quantities = z.record(z.string(), z.record(z.string(), z.number().int().min(1)));

/** Another part of the booking: a return leg, a package's hotel, another cart item. */
export const TargetItem = z.strictObject({
  slot: z.string(),
  params: Params,
  listingId: z.string(),
  choices: z.record(z.string(), z.string()),
  multi: Multi.optional(),
  quantities: Quantities.optional(),
  attrs: Attrs,
});
export type TargetItem = z.infer<typeof TargetItem>;

export const TaskTarget = z.strictObject({
  params: Params,
  listingId: z.string(),
  /** groupId -> choiceId, for the groups that take one choice */
  choices: z.record(z.string(), z.string()),
  multi: Multi.optional(),
  quantities: Quantities.optional(),
  /** The facts a booking of this target would carry (selection attrs). */
  attrs: Attrs,
  travellers: z.array(z.record(z.string(), z.string())),
  contact: z.record(z.string(), z.string()),
  extras: z.record(z.string(), z.number().int()),
  /** The booking's other parts, in the order they are chosen. */
  items: z.array(TargetItem).optional(),
  /** On a site with an account wall: how the booker gets past it. */
  account: z.strictObject({ mode: z.enum(['register', 'guest']), name: z.string(), email: z.string(), password: z.string() }).optional(),
  /** On a site that takes payment: the card (a test card the sites' bank accepts). */
  card: z.strictObject({ number: z.string(), name: z.string(), expiry: z.string(), cvc: z.string(), postcode: z.string() }).optional(),
});
export type TaskTarget = z.infer<typeof TaskTarget>;

/**
 * A booking the episode starts with (a fixture given to the state API when the episode is
 * created), made by the site's own rules from these choices: what "manage booking" tasks change
 * or cancel.
 */
export const FixtureBooking = z.strictObject({
  reference: z.string().regex(/^[A-Z]{3}-[A-Z0-9]{6}$/, 'a reference like "STA-7KQ2ZP"'),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  listingId: z.string(),
  choices: z.record(z.string(), z.string()),
  travellers: z.array(z.record(z.string(), z.string())),
  contact: z.record(z.string(), z.string()),
  extras: z.record(z.string(), z.number().int()),
});
export type FixtureBooking = z.infer<typeof FixtureBooking>;

const Metadata = z.strictObject({
  seed: z.number().int(),
  worldSeed: z.number().int(),
  worldVersion: z.number().int(),
  difficulty: Difficulty,
  split: Split,
  templateIds: z.array(z.string()),
  /** Set when the task was relabeled in hindsight from another. */
  derivedFrom: z.string().optional(),
});

/** A task that books (or manages a booking) on one site: judged on what the episode booked. */
export const BookingTask = z.strictObject({
  schemaVersion: z.literal(TASK_SCHEMA_VERSION),
  id: z.string().min(1),
  site: z.string().min(1),
  instruction: z.string().min(1),
  constraints: z.array(Constraint).min(2).max(12),
  target: TaskTarget,
  /**
   * Tasks about a booking the user already has: the bookings the episode starts with, and the
   * one the task is about (its constraints are judged on it as it stands after the episode).
   */
  manage: z.strictObject({ fixtures: z.array(FixtureBooking).min(1), subject: z.string() }).optional(),
  metadata: Metadata,
});
export type BookingTask = z.infer<typeof BookingTask>;

/**
 * An information-seeking question (crawlQA, e2hQA, knowledge-graph paths): the episode starts on
 * `site` (the search engine or the guide), the agent browses any site, and the task is judged on
 * its reply (`send_msg_to_user(text)` or `stop(text)`) against the answer constraints.
 */
export const QaTask = z.strictObject({
  schemaVersion: z.literal(TASK_SCHEMA_VERSION),
  kind: z.literal('qa'),
  id: z.string().min(1),
  site: z.string().min(1),
  instruction: z.string().min(1),
  constraints: z.array(AnswerConstraint).min(1).max(12),
  qa: QaInfo,
  metadata: Metadata,
});
export type QaTask = z.infer<typeof QaTask>;

/**
 * An instruction on a web site whose schema we did not write (an exploration of a URL labeled in
 * hindsight by a model): no typed constraints, so no exact evaluator; a model judges it.
 * `site` is `web:` and the start URL's host, so that stores and exports can group by it; it
 * names no site of ours. Added to version 2 like questions: no other task reads differently.
 */
export const WebTask = z.strictObject({
  schemaVersion: z.literal(TASK_SCHEMA_VERSION),
  kind: z.literal('web'),
  id: z.string().min(1),
  site: z.string().regex(/^web:/, 'web: and the start URL\'s host'),
  startUrl: z.string().url(),
  instruction: z.string().min(1),
  metadata: z.strictObject({ split: Split, seed: z.number().int(), derivedFrom: z.string().optional() }),
});
export type WebTask = z.infer<typeof WebTask>;

/** A booking task or a question; a line without `kind` is a booking task (every file before questions). What task files, run, bench and the env server take. */
export const Task = z.union([BookingTask, QaTask]);
export type Task = z.infer<typeof Task>;

/**
 * Any task a dataset row or a stored trajectory may hold: one of our sites' (`Task`), or an
 * open-web instruction (`kind: "web"`). Rows of `explore --url` carry web tasks.
 */
export const AnyTask = z.union([BookingTask, QaTask, WebTask]);
export type AnyTask = z.infer<typeof AnyTask>;

export const isQaTask = (t: AnyTask): t is QaTask => 'kind' in t && t.kind === 'qa';
export const isWebTask = (t: AnyTask): t is WebTask => 'kind' in t && t.kind === 'web';
export const isBookingTask = (t: AnyTask): t is BookingTask => !('kind' in t);

/** A constraint of either kind of task. */
export type AnyConstraint = Constraint | AnswerConstraint;

/**
 * The task, or a clear refusal when it is an open-web instruction (`kind: "web"`, from exploring
 * a URL): it has no typed constraints, so `what` (the exact evaluator, the judge, the bench
 * report...) cannot take it.
 */
export function schemaTask(t: AnyTask, what: string): Task {
  if (isWebTask(t)) throw new InvalidInputError(`task ${t.id} is an open-web instruction (kind "web", explored from ${t.startUrl}): ${what} needs a task of one of our sites' schemas`, { hint: 'web tasks carry no typed constraints; they are training rows (export them), scored by a model' });
  return t;
}
