import type { Rng } from '../../core/rng.js';
import type { ProofPage, QaMethod } from '../../core/schemas/answer.js';
import type { Entity, KnowledgeGraph, Relation } from '../../knowledge/index.js';
import { named, type Ref } from './description.js';
import { clueFacts } from './fact-words.js';
import { narrowToOne } from './narrow.js';
import { blur, clueOf } from './obfuscate.js';
import { asksOf, makeQuestion, type Ask, type Question } from './question.js';

type Step = { rel: Relation; dir: 'out' | 'in'; to: Entity };

/** Types a question may be about: every type with more than one entity (a lone entity needs no clue). */
export function questionTypes(g: KnowledgeGraph) {
  return g.types().filter((t) => g.ofType(t).length > 1);
}

/** One step of a random walk: a relation first (so a city's 790 hotels do not drown its country), then an entity along it. */
function walkStep(g: KnowledgeGraph, rng: Rng, from: Entity, seen: Set<string>): Step | undefined {
  const byRel = new Map<string, Step[]>();
  for (const l of from.links) if (!seen.has(l.to)) byRel.set(`>${l.rel}`, [...(byRel.get(`>${l.rel}`) ?? []), { rel: l.rel, dir: 'out', to: g.get(l.to) }]);
  for (const b of g.backlinks(from.id)) if (!seen.has(b.from)) {
    const k = `<${b.rel}`;
    const list = byRel.get(k);
    if (list) list.push({ rel: b.rel, dir: 'in', to: g.get(b.from) });
    else byRel.set(k, [{ rel: b.rel, dir: 'in', to: g.get(b.from) }]);
  }
  if (byRel.size === 0) return undefined;
  const rels = [...byRel.keys()].sort();
  return rng.pick(byRel.get(rng.pick(rels))!);
}

/**
 * A SailorFog-style question: a random walk of k relations from the answer's entity, the far end
 * named (levels 1-2) or described by blurred facts (level 3), each entity on the way described by
 * its link to the next, then fact clues about the answer's entity until the whole description fits
 * it alone in the graph (blurred ranges and date windows at level 3, kept only while it does).
 */
export function kgQuestion(g: KnowledgeGraph, rng: Rng, level: 1 | 2 | 3, o: KgWalkOptions = {}): Question | undefined {
  const e0 = o.start ?? rng.pick(g.ofType(rng.pick(questionTypes(g))));
  const k = level === 1 ? 1 : level === 2 ? rng.int(2, 3) : rng.int(2, 3);
  const nodes: Entity[] = [e0];
  const steps: Step[] = [];
  const seen = new Set([e0.id]);
  for (let i = 0; i < k; i++) {
    const s = walkStep(g, rng, nodes[i]!, seen);
    if (!s) return undefined;
    steps.push(s);
    nodes.push(s.to);
    seen.add(s.to.id);
  }
  let ask: Ask;
  if (o.ask) ask = o.ask;
  else {
    const asks = asksOf(e0);
    ask = rng.chance(0.35) ? asks[asks.length - 1]! : rng.pick(asks.slice(0, -1).length ? asks.slice(0, -1) : asks);
  }
  const avoid = ask.kind === 'fact' ? ask.key : undefined;
  const far = nodes[k]!;
  let ref: Ref = named(far);
  if (level === 3) {
    // The far end by what it is, not by its name: two blurred facts (not unique on their own).
    const facts = rng.shuffle(clueFacts(g, far)).slice(0, 2);
    if (facts.length === 0) return undefined;
    ref = { kind: 'described', d: { type: far.type, of: far.id, clues: facts.map((f) => blur(clueOf(f.key, f.value as string | number | string[], (xs) => rng.pick(xs)))) } };
  }
  for (let i = k - 1; i >= 0; i--) {
    const s = steps[i]!;
    const d = { type: nodes[i]!.type, of: nodes[i]!.id, clues: [{ kind: 'link' as const, rel: s.rel, dir: s.dir, target: ref }] };
    if (i === 0) {
      const one = narrowToOne(g, rng, d, e0, { ...(avoid ? { avoid } : {}), vague: level === 3 });
      if (!one) return undefined;
      ref = { kind: 'described', d: one };
    } else ref = { kind: 'described', d };
  }
  return makeQuestion(g, { method: o.method ?? 'kg', level, subject: ref, answerId: e0.id, ask, ...(o.bookingProof ? { bookingProof: o.bookingProof } : {}) });
}

/** A walk from a given entity, asking a given thing (the cross-site method's use of the kg walk). */
export type KgWalkOptions = { start?: Entity; ask?: Ask; method?: QaMethod; bookingProof?: ProofPage };
