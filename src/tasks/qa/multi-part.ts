import { canonicalJson } from '../../core/hash.js';
import type { Rng } from '../../core/rng.js';
import type { KnowledgeGraph } from '../../knowledge/index.js';
import type { Ref } from './description.js';
import { asksOf, makeQuestion, type Ask, type Question } from './question.js';

/** The fact keys a description states of its own entity (a part may not ask what the question says). */
const statedKeys = (r: Ref): Set<string> => new Set(r.kind === 'named' ? [] : r.d.clues.filter((c) => c.kind !== 'link').map((c) => c.key));

/** The question's first part as an ask again. */
function firstAsk(q: Question): Ask | undefined {
  const a = q.query.ask;
  if (a.kind === 'name') return { kind: 'name', answer: q.answer };
  if (a.kind === 'fact') return { kind: 'fact', key: a.key, answer: q.answer };
  return undefined;
}

/**
 * The question with `n` parts in all: the same entity, asked `n - 1` more things of it (its name,
 * or facts the question does not state), each part's answer another than the others', so that a
 * reply's parts cannot be swapped unnoticed. The description still means one entity, so each part
 * has exactly one answer. Undefined when the entity has too few such facts.
 */
export function withParts(g: KnowledgeGraph, rng: Rng, q: Question, n: number): Question | undefined {
  if (n <= 1) return q;
  const first = firstAsk(q);
  if (!first) return undefined;
  const subject = q.query.subject as Ref;
  const e = g.get(q.entities[0]!);
  const stated = statedKeys(subject);
  const key = (a: Ask) => (a.kind === 'name' ? 'name' : a.kind === 'fact' ? a.key : `listing:${a.key}`);
  const taken = new Set([key(first)]);
  const answers = new Set([canonicalJson(first.answer)]);
  const more: Ask[] = [];
  for (const a of rng.shuffle(asksOf(e))) {
    if (more.length === n - 1) break;
    if (taken.has(key(a)) || (a.kind === 'fact' && stated.has(a.key)) || (a.kind === 'name' && subject.kind === 'named')) continue;
    if (answers.has(canonicalJson(a.answer))) continue;
    more.push(a);
    taken.add(key(a));
    answers.add(canonicalJson(a.answer));
  }
  if (more.length < n - 1) return undefined;
  return makeQuestion(g, { method: q.method, level: q.level, subject, answerId: e.id, ask: first, more });
}
