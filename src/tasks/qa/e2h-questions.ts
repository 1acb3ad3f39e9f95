import type { Rng } from '../../core/rng.js';
import type { Entity, KnowledgeGraph } from '../../knowledge/index.js';
import { entitiesOf, identifies, named, namedIn, replaceNamed, type Clue, type Description, type Ref } from './description.js';
import { clueFacts } from './fact-words.js';
import { clueOf } from './obfuscate.js';
import { questionTypes } from './kg-questions.js';
import { asksOf, makeQuestion, type Question } from './question.js';

/**
 * Descriptions of an entity drawn from its other facts and links, for e2h's replacement step: a
 * link to a neighbour by its name (out or in) with one fact, or two facts. None mentions an
 * entity the question already names (no circles).
 */
function descriptionsOf(g: KnowledgeGraph, rng: Rng, x: Entity, avoidKey: string | undefined, taken: Set<string>): Description[] {
  const facts = rng.shuffle(clueFacts(g, x).filter((f) => f.key !== avoidKey));
  const factClue = (i: number): Clue | undefined => {
    const f = facts[i];
    return f ? clueOf(f.key, f.value as string | number | string[], (xs) => rng.pick(xs)) : undefined;
  };
  const neighbours: Clue[] = [
    ...x.links.filter((l) => !taken.has(l.to)).map((l) => ({ kind: 'link' as const, rel: l.rel, dir: 'out' as const, target: named(g.get(l.to)) })),
    ...g
      .backlinks(x.id)
      .filter((b) => !taken.has(b.from))
      .slice(0, 50)
      .map((b) => ({ kind: 'link' as const, rel: b.rel, dir: 'in' as const, target: named(g.get(b.from)) })),
  ];
  const out: Description[] = [];
  for (const link of rng.sample(neighbours, 4)) {
    out.push({ type: x.type, of: x.id, clues: [link] });
    const f = factClue(out.length % Math.max(1, facts.length));
    if (f) out.push({ type: x.type, of: x.id, clues: [link, f] });
  }
  const two = [factClue(0), factClue(1)].filter((c): c is Clue => c !== undefined);
  if (two.length === 2) out.push({ type: x.type, of: x.id, clues: two });
  return out;
}

/**
 * An e2hQA question: a one-hop question about a named entity ("What is the capacity of Sala
 * Harmonia?"), then n rounds in which a named entity of the question is replaced by a description
 * drawn from another of its facts or links, kept only when that description identifies exactly
 * that entity in the whole graph and the question still has one answer. n is the difficulty.
 */
export function e2hQuestion(g: KnowledgeGraph, rng: Rng, n: number): Question | undefined {
  const e0 = rng.pick(g.ofType(rng.pick(questionTypes(g))));
  const asks = asksOf(e0).filter((a) => a.kind === 'fact');
  if (asks.length === 0) return undefined;
  const ask = rng.pick(asks);
  let subject: Ref = named(e0);
  if (!identifies(g, subject, e0.id)) return undefined;
  for (let round = 0; round < n; round++) {
    let replaced = false;
    for (const target of rng.shuffle(namedIn(subject))) {
      const x = g.get(target.id);
      const taken = new Set(entitiesOf(subject));
      for (const d of descriptionsOf(g, rng, x, x.id === e0.id ? ask.key : undefined, taken)) {
        const by: Ref = { kind: 'described', d };
        if (!identifies(g, by, x.id)) continue;
        const next = replaceNamed(subject, x.id, by);
        if (!identifies(g, next, e0.id)) continue;
        subject = next;
        replaced = true;
        break;
      }
      if (replaced) break;
    }
    if (!replaced) return undefined;
  }
  const level = n === 0 ? 1 : n === 1 ? 2 : 3;
  return makeQuestion(g, { method: 'e2h', level, subject, answerId: e0.id, ask });
}
