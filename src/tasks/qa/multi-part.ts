import { canonicalJson } from '../../core/hash.js';
import type { Rng } from '../../core/rng.js';
import type { KnowledgeGraph } from '../../knowledge/index.js';
import { entitiesOf, identifies, refId, type Ref } from './description.js';
import { asksOf, leaks, makeQuestion, type Ask, type PartOwner, type Question } from './question.js';
import { typeOf } from '../../knowledge/index.js';

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
 * Another entity of the question's walk a part may ask about: one its description links to
 * directly (the festival's venue, the hotel's city), referred to as linked to the question's own
 * subject, which identifies it in the whole graph, and whose type is the only one of its kind
 * the question mentions (so "the venue's" can mean nothing else).
 */
function walkNeighbours(g: KnowledgeGraph, subject: Ref): { owner: PartOwner; target: Ref }[] {
  if (subject.kind !== 'described') return [];
  const types = entitiesOf(subject).map(typeOf);
  return subject.d.clues.flatMap((c) => {
    if (c.kind !== 'link') return [];
    const id = refId(c.target);
    if (types.filter((t) => t === typeOf(id)).length !== 1) return [];
    const ref: Ref = { kind: 'described', d: { type: typeOf(id), of: id, clues: [{ kind: 'link', rel: c.rel, dir: c.dir === 'out' ? 'in' : 'out', target: subject }] } };
    return identifies(g, ref, id) ? [{ owner: { id, ref }, target: c.target }] : [];
  });
}

/**
 * The question with `n` parts in all: the same entity, asked `n - 1` more things of it (its name,
 * or facts the question does not state), each part's answer another than the others', so that a
 * reply's parts cannot be swapped unnoticed. The description still means one entity, so each part
 * has exactly one answer. With `walk`, the last part asks about another entity the description
 * links to ("..., and what is the venue's capacity?"), by a reference that identifies it in the
 * whole graph. Undefined when the entity has too few such facts (or the walk no such entity).
 */
export function withParts(g: KnowledgeGraph, rng: Rng, q: Question, n: number, o: { walk?: boolean } = {}): Question | undefined {
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
  const owners: (PartOwner | undefined)[] = [];
  // With `walk`, the last part asks about another entity of the walk (partial credit as for any part).
  let walkPart: { owner: PartOwner; ask: Ask } | undefined;
  if (o.walk) {
    const picked = rng.shuffle(walkNeighbours(g, subject)).flatMap(({ owner, target }) => {
      const x = g.get(owner.id);
      const said = statedKeys(target);
      const asks = asksOf(x).filter((a) => !(a.kind === 'name' && target.kind === 'named') && !(a.kind === 'fact' && said.has(a.key)) && !answers.has(canonicalJson(a.answer)) && !leaks(q.text, a.answer));
      return asks.length ? [{ owner, ask: rng.pick(asks) }] : [];
    })[0];
    if (!picked) return undefined;
    answers.add(canonicalJson(picked.ask.answer));
    walkPart = picked;
  }
  for (const a of rng.shuffle(asksOf(e))) {
    if (more.length === n - 1 - (o.walk ? 1 : 0)) break;
    if (taken.has(key(a)) || (a.kind === 'fact' && stated.has(a.key)) || (a.kind === 'name' && subject.kind === 'named')) continue;
    if (answers.has(canonicalJson(a.answer))) continue;
    more.push(a);
    taken.add(key(a));
    answers.add(canonicalJson(a.answer));
  }
  for (const _ of more) owners.push(undefined);
  if (walkPart) {
    more.push(walkPart.ask);
    owners.push(walkPart.owner);
  }
  if (more.length < n - 1) return undefined;
  return makeQuestion(g, { method: q.method, level: q.level, subject, answerId: e.id, ask: first, more, ...(walkPart ? { owners } : {}) });
}
