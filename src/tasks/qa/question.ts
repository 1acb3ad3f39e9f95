import type { AnswerSpec, ProofPage, QaMethod, QaQuery } from '../../core/schemas/answer.js';
import type { Entity, KnowledgeGraph } from '../../knowledge/index.js';
import { articlePath } from '../../knowledge/index.js';
import { depth, entitiesOf, identifies, resolveRef, shapeOf, type Ref } from './description.js';
import { answerOfFact, answerOfName, keyWords } from './fact-words.js';
import { refText } from './render.js';
import { normText } from '../../evaluation/answers/normalize-text.js';

/** What is asked of the entity a question describes: a fact of it, or its name. */
export type Ask = { kind: 'fact'; key: string; answer: AnswerSpec } | { kind: 'name'; answer: AnswerSpec };

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
};

/** The facts of an entity a question may ask, and its name. */
export function asksOf(e: Entity): Ask[] {
  const facts = Object.entries(e.facts).flatMap(([key, v]) => {
    const answer = answerOfFact(key, v);
    return answer ? [{ kind: 'fact' as const, key, answer }] : [];
  });
  return [...facts, { kind: 'name', answer: answerOfName(e) }];
}

function askText(g: KnowledgeGraph, subject: Ref, ask: Ask): string {
  const who = refText(subject, (r) => resolveRef(g, r).length === 1);
  if (ask.kind === 'name') return `What is the name of ${who}?`;
  const what = keyWords(ask.key, ask.answer.type === 'number' ? ask.answer.value : undefined);
  if (ask.answer.type === 'set') return `What are the ${what} of ${who}? Give every one.`;
  return `What is the ${what} of ${who}?`;
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
export function makeQuestion(g: KnowledgeGraph, o: { method: QaMethod; level: 1 | 2 | 3; subject: Ref; answerId: string; ask: Ask; extraProof?: string[] }): Question | undefined {
  if (!identifies(g, o.subject, o.answerId)) return undefined;
  const entities = [...new Set([o.answerId, ...entitiesOf(o.subject), ...(o.extraProof ?? [])])];
  const text = askText(g, o.subject, o.ask);
  if (leaks(text, o.ask.answer)) return undefined;
  return {
    method: o.method,
    level: o.level,
    text,
    answer: o.ask.answer,
    phrase: o.ask.kind === 'name' ? 'name' : keyWords(o.ask.key, o.ask.answer.type === 'number' ? o.ask.answer.value : undefined),
    hops: depth(o.subject),
    proof: entities.map((id) => ({ site: 'guide', path: articlePath(id) })),
    entities,
    shape: `${o.method}:${shapeOf(o.subject)}?${o.ask.kind === 'name' ? 'name' : o.ask.key}`,
    templateId: `qa/${o.method}/${o.ask.kind === 'name' ? 'name' : o.ask.answer.type}`,
    query: { subject: o.subject, ask: o.ask.kind === 'name' ? { kind: 'name' } : { kind: 'fact', key: o.ask.key } },
  };
}

/** A question that states its own answer (a city asked of a hotel "in Lisbon") is no question. */
export function leaks(text: string, a: AnswerSpec): boolean {
  const said = ` ${normText(text)} `;
  const names = a.type === 'string' ? [a.value, ...(a.aliases ?? [])] : a.type === 'set' ? a.members.map((m) => m.value) : [];
  return names.some((n) => normText(n) !== '' && said.includes(` ${normText(n)} `));
}
