import type { AnswerSpec, ProofPage, QaMethod, QaQuery } from '../../core/schemas/answer.js';
import type { Entity, KnowledgeGraph } from '../../knowledge/index.js';
import { articlePath } from '../../knowledge/index.js';
import { depth, entitiesOf, identifies, resolveRef, shapeOf, type Ref } from './description.js';
import { answerOfFact, answerOfName, keyWords, listingKeyWords, NOUNS } from './fact-words.js';
import { refText } from './render.js';
import { normText } from '../../evaluation/answers/normalize-text.js';

/**
 * What is asked of the entity a question describes: a fact of it, its name, or a fact only its
 * booking site's listing page shows (`site` is that booking site).
 */
export type Ask = { kind: 'fact'; key: string; answer: AnswerSpec } | { kind: 'name'; answer: AnswerSpec } | { kind: 'listing-fact'; key: string; site: string; answer: AnswerSpec };

/**
 * A later part of a question about another entity of its walk (one the question mentions): that
 * entity's id, and its reference as data: the entity linked so to the question's own subject,
 * which identifies it in the whole graph (`withParts` checks it).
 */
export type PartOwner = { id: string; ref: Ref };

/** One more part of a question of several parts: its answer, what it is, and its query. */
export type QuestionPart = { answer: AnswerSpec; phrase: string; templateId: string; query: QaQuery };

/** A question before it is a task: whom it is about, what it asks, and how it was made. */
export type Question = {
  method: QaMethod;
  level: 1 | 2 | 3;
  text: string;
  answer: AnswerSpec;
  /** What the answer constraint's phrase says it is ("the venue's capacity"). */
  phrase: string;
  hops: number;
  proof: ProofPage[];
  /** Entities it was built from, the answer's first. */
  entities: string[];
  shape: string;
  templateId: string;
  /** The question as data, from which its answer derives again. */
  query: QaQuery;
  /** The parts after the first, for a question of several parts (one answer constraint each). */
  more?: QuestionPart[];
};

/** The facts of an entity a question may ask, and its name. */
export function asksOf(e: Entity): Ask[] {
  const facts = Object.entries(e.facts).flatMap(([key, v]) => {
    const answer = answerOfFact(key, v);
    return answer ? [{ kind: 'fact' as const, key, answer }] : [];
  });
  return [...facts, { kind: 'name', answer: answerOfName(e) }];
}

/** What an ask asks, in words: "name", "guest rating", "city tax per adult per night". */
export function askWords(ask: Ask): string {
  if (ask.kind === 'name') return 'name';
  if (ask.kind === 'listing-fact') return listingKeyWords(ask.key);
  return keyWords(ask.key, ask.answer.type === 'number' ? ask.answer.value : undefined);
}

/**
 * The question's text: "What is the guest rating of the hotel ...?". Further parts are asked of the
 * same entity by its noun ("..., and what is the hotel's star rating?"; "its" after a name), so
 * that a nested description cannot take them.
 */
function askText(g: KnowledgeGraph, subject: Ref, ask: Ask, more: readonly Ask[] = [], owners: readonly (PartOwner | undefined)[] = []): string {
  const who = refText(subject, (r) => resolveRef(g, r).length === 1);
  const first = `${ask.answer.type === 'set' ? 'What are the' : 'What is the'} ${askWords(ask)} of ${who}`;
  if (more.length === 0) return ask.answer.type === 'set' ? `${first}? Give every one.` : `${first}?`;
  const owner = subject.kind === 'named' ? 'its' : `the ${NOUNS[subject.d.type]}'s`;
  // A part about another entity of the walk names it by its noun: its type is the only one of that kind the question mentions.
  const ownerOf = (i: number) => (owners[i] ? `the ${NOUNS[g.get(owners[i]!.id).type]}'s` : owner);
  const rest = more.map((a, i) => `${a.answer.type === 'set' ? 'what are' : 'what is'} ${ownerOf(i)} ${askWords(a)}${a.answer.type === 'set' ? ' (every one)' : ''}`);
  return `${first}, and ${rest.join(', and ')}?`;
}

/** A part of a reply in words, for a question of several parts: "the name", "the price per night in euros", "the amenities (separated by commas)". */
function partHint(a: AnswerSpec, what: string): string {
  if (a.type === 'number' && a.unit) return `the ${what} in ${a.unit === 'EUR' ? 'euros' : a.unit === 'min' ? 'minutes' : a.unit}`;
  if (a.type === 'set') return `the ${what} (separated by commas)`;
  return `the ${what}`;
}

/** How the reply to a question of several parts should be given: the parts in order, one per ";" (what `replyParts` reads). */
export function replyHintOfParts(parts: readonly { answer: AnswerSpec; phrase: string }[]): string {
  const hints = parts.map((p) => partHint(p.answer, p.phrase.replace(/^the /, '')));
  return `Reply with ${hints[0]}, then ${hints.slice(1).join(', then ')}, separated by semicolons.`;
}

/** How the reply should be given, so that an exact check reads it as a person would. */
export function replyHint(a: AnswerSpec, what = 'name'): string {
  switch (a.type) {
    case 'number':
      return a.unit ? `Reply with the number (in ${a.unit === 'EUR' ? 'euros' : a.unit === 'min' ? 'minutes' : a.unit}).` : 'Reply with the number.';
    case 'date':
      return 'Reply with the date.';
    case 'set':
      return 'Reply with the list, separated by commas.';
    case 'string':
      return `Reply with the ${what} only.`;
  }
}

/**
 * The question about `subject` (which must identify exactly `answerId` in the whole graph: the
 * answer is then unique), with its proof pages: the guide's article of every entity it names or
 * describes, the answer's first.
 */
export function makeQuestion(
  g: KnowledgeGraph,
  o: {
    method: QaMethod;
    level: 1 | 2 | 3;
    subject: Ref;
    answerId: string;
    ask: Ask;
    /** Further parts, asked of the same entity (a question of several parts). */
    more?: Ask[];
    /** Per further part, another entity of the walk it is asked of (undefined: the question's own entity). */
    owners?: (PartOwner | undefined)[];
    extraProof?: string[];
    /** The booking page that shows a listing fact asked (first in the proof: the answer's page). */
    bookingProof?: ProofPage;
  },
): Question | undefined {
  if (!identifies(g, o.subject, o.answerId)) return undefined;
  const asks = [o.ask, ...(o.more ?? [])];
  if (asks.some((a) => a.kind === 'listing-fact') && !o.bookingProof) return undefined;
  const entities = [...new Set([o.answerId, ...entitiesOf(o.subject), ...(o.extraProof ?? [])])];
  const text = askText(g, o.subject, o.ask, o.more, o.owners);
  if (asks.some((a) => leaks(text, a.answer))) return undefined;
  const key = (a: Ask) => (a.kind === 'name' ? 'name' : a.kind === 'listing-fact' ? `listing:${a.key}` : a.key);
  const ownerOf = (i: number) => (i === 0 ? undefined : o.owners?.[i - 1]);
  const part = (a: Ask, i: number): QuestionPart => ({
    answer: a.answer,
    phrase: ownerOf(i) ? `${NOUNS[g.get(ownerOf(i)!.id).type]}'s ${askWords(a)}` : askWords(a),
    templateId: `qa/${o.method}/${a.kind === 'name' ? 'name' : a.answer.type}`,
    query: { subject: ownerOf(i)?.ref ?? o.subject, ask: a.kind === 'name' ? { kind: 'name' } : { kind: a.kind, key: a.key } },
  });
  const [first, ...more] = asks.map(part);
  return {
    method: o.method,
    level: o.level,
    text,
    answer: first!.answer,
    phrase: first!.phrase,
    hops: depth(o.subject) + (o.bookingProof ? 1 : 0),
    proof: [...(o.bookingProof ? [o.bookingProof] : []), ...entities.map((id) => ({ site: 'guide', path: articlePath(id) }))],
    entities,
    shape: `${o.method}:${shapeOf(o.subject)}?${asks.map((a, i) => (ownerOf(i) ? `${g.get(ownerOf(i)!.id).type}.${key(a)}` : key(a))).join('+')}`,
    templateId: first!.templateId,
    query: first!.query,
    ...(more.length ? { more } : {}),
  };
}

/** A question that states its own answer (a city asked of a hotel "in Lisbon") is no question. */
export function leaks(text: string, a: AnswerSpec): boolean {
  const said = ` ${normText(text)} `;
  const names = a.type === 'string' ? [a.value, ...(a.aliases ?? [])] : a.type === 'set' ? a.members.map((m) => m.value) : [];
  return names.some((n) => normText(n) !== '' && said.includes(` ${normText(n)} `));
}
