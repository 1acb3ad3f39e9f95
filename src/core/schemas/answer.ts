import { z } from 'zod';

const ISO_DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like "2026-06-12"');

/** A name the answer may be given as, besides its canonical form ("Lisboa" for "Lisbon", "TAP" for "TAP Air Portugal"). */
const Aliases = z.array(z.string().min(1));

/** One member of a set answer: its canonical name and the other names it may be given as. */
export const AnswerMember = z.strictObject({ value: z.string().min(1), aliases: Aliases.optional() });
export type AnswerMember = z.infer<typeof AnswerMember>;

/**
 * What a right reply is, checked exactly after normalization (src/evaluation/answers/):
 * - `string`: the value or one of its aliases (case, accents, punctuation, articles and spacing ignored);
 * - `number`: within `tolerance` (absolute, inclusive) of `value`, given in `unit` or in a unit
 *   of the same dimension that converts to it ("1.5 km" for 1500 m); a reply without a unit is
 *   read in `unit` (the question names it), a reply in another dimension or currency fails;
 * - `set`: every member and nothing else, in any order;
 * - `date`: the same calendar day (ISO, "12 June 2026", "June 12, 2026"; without a year, the year of `value`).
 */
export const AnswerSpec = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('string'), value: z.string().min(1), aliases: Aliases.optional() }),
  z.strictObject({ type: z.literal('number'), value: z.number(), tolerance: z.number().min(0).optional(), unit: z.string().min(1).optional() }),
  z.strictObject({ type: z.literal('set'), members: z.array(AnswerMember).min(1) }),
  z.strictObject({ type: z.literal('date'), value: ISO_DATE }),
]);
export type AnswerSpec = z.infer<typeof AnswerSpec>;

/**
 * A part of the answer to an information-seeking question, read from the agent's reply to the
 * user (the last `send_msg_to_user` text or `stop` answer: BrowserGym's last assistant chat
 * message). A question with several parts has one constraint per part, each with a `label`:
 * the reply then gives one part per line or per ";" (in order, or as "label: value").
 */
export const AnswerConstraint = z.strictObject({
  id: z.string().min(1),
  kind: z.literal('answer'),
  phrase: z.string().min(1),
  stage: z.literal('answer'),
  label: z.string().min(1).optional(),
  answer: AnswerSpec,
  templateId: z.string().optional(),
});
export type AnswerConstraint = z.infer<typeof AnswerConstraint>;

/**
 * How a question was made: WebDancer's crawlQA and e2hQA, WebSailor's knowledge-graph paths, and
 * `cross`: a knowledge-graph walk to an entity whose asked fact only a booking site's page shows.
 */
export const QaMethod = z.enum(['crawl', 'e2h', 'kg', 'cross']);
export type QaMethod = z.infer<typeof QaMethod>;

/** A page that proves part of the answer: a site (its id, e.g. "guide") and the page's path there. */
export const ProofPage = z.strictObject({ site: z.string().min(1), path: z.string().startsWith('/') });
export type ProofPage = z.infer<typeof ProofPage>;

/**
 * How a question names an entity, as data (src/tasks/qa/description.ts gives its meaning): by
 * name (every entity of the type with that name), or by a description, its type and clues: a
 * fact equal to a value, a list fact that has a value, a number in a range, a date in a window,
 * a link (out: this entity links to the target; in: the target links to it) to another reference.
 */
export type QaRef =
  | { kind: 'named'; type: string; name: string; id: string }
  | { kind: 'described'; d: { type: string; of: string; clues: QaClue[] } };
export type QaClue =
  | { kind: 'eq'; key: string; value: string | number }
  | { kind: 'has'; key: string; value: string }
  | { kind: 'range'; key: string; min: number; max: number }
  | { kind: 'window'; key: string; from: string; to: string }
  | { kind: 'link'; rel: string; dir: 'out' | 'in'; target: QaRef };

export const QaRef: z.ZodType<QaRef> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('named'), type: z.string(), name: z.string(), id: z.string() }),
    z.strictObject({ kind: z.literal('described'), d: z.strictObject({ type: z.string(), of: z.string(), clues: z.array(QaClue) }) }),
  ]),
).meta({ id: 'QaRef' });
const QaClue: z.ZodType<QaClue> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('eq'), key: z.string(), value: z.union([z.string(), z.number()]) }),
    z.strictObject({ kind: z.literal('has'), key: z.string(), value: z.string() }),
    z.strictObject({ kind: z.literal('range'), key: z.string(), min: z.number(), max: z.number() }),
    z.strictObject({ kind: z.literal('window'), key: z.string(), from: ISO_DATE, to: ISO_DATE }),
    z.strictObject({ kind: z.literal('link'), rel: z.string(), dir: z.enum(['out', 'in']), target: QaRef }),
  ]),
).meta({ id: 'QaClue' });

/**
 * What the question asks, as data, so that its answer can be derived again from the world: a fact
 * or the name of the one entity `subject` means, or how many entities it means, or their names;
 * `listing-fact` is a fact that only the entity's booking-site listing shows (the graph's
 * `listing.facts`: a hotel's city tax, the size of one of its rooms), not its guide article;
 * `results-fact` is what a booking site's results page for the subject (a route) on `date` shows
 * (which airlines fly it non-stop that day, the cheapest fare, ...: src/tasks/qa/day-results.ts),
 * which no graph holds: its answer derives again from the world's inventory.
 */
export const QaQuery = z.strictObject({
  subject: QaRef,
  ask: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('fact'), key: z.string() }),
    z.strictObject({ kind: z.literal('name') }),
    z.strictObject({ kind: z.literal('count') }),
    z.strictObject({ kind: z.literal('names') }),
    z.strictObject({ kind: z.literal('listing-fact'), key: z.string() }),
    z.strictObject({ kind: z.literal('results-fact'), site: z.string().min(1), date: ISO_DATE, key: z.string().min(1) }),
  ]),
});
export type QaQuery = z.infer<typeof QaQuery>;

/** What an information-seeking task carries besides its answer. */
export const QaInfo = z.strictObject({
  method: QaMethod,
  /** Pages a reader opens in turn on the longest chain from a clue to the answer (1: the answer's own page). */
  hops: z.number().int().min(1),
  /** WebSailor's levels: 1 one hop with a clear clue, 2 several hops along one path, 3 obfuscated clues over a subgraph. */
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** The pages that together show everything the question relies on and the answer. */
  proof: z.array(ProofPage).min(1),
  /** The knowledge-graph entities the question was built from, answer first (for analysis and dedup). */
  entities: z.array(z.string()).min(1),
  /** The question's shape (relation path and template), for deduplication and analysis. */
  shape: z.string().min(1),
  /** The question as data: its answer derives again from the world (`tasks check` does). For a question of several parts, its first part. */
  query: QaQuery,
  /**
   * A question of several parts (partial credit: CSR is the share of parts right): every part's
   * query, in the order of the answer constraints (`query` is the first of them). Absent for a
   * question of one part.
   */
  parts: z.array(QaQuery).min(2).optional(),
});
export type QaInfo = z.infer<typeof QaInfo>;
