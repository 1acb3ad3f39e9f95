import type { Rng } from '../../core/rng.js';
import type { Entity, KnowledgeGraph } from '../../knowledge/index.js';
import { matches, type Clue, type Description } from './description.js';
import { clueFacts } from './fact-words.js';
import { blur, clueOf } from './obfuscate.js';

/**
 * Adds fact clues about `e` to a description until it fits `e` alone in the whole graph (at most
 * `max` clues, each the one of a few random candidates that leaves the fewest entities); with
 * `vague`, each clue is blurred first and kept blurred when the description still narrows as far.
 * Returns undefined when no such description is found. `avoid` names facts never used (the one asked).
 */
export function narrowToOne(g: KnowledgeGraph, rng: Rng, d: Description, e: Entity, o: { avoid?: string; vague?: boolean; max?: number } = {}): Description | undefined {
  let current = d;
  let left = matches(g, current);
  const used = new Set(d.clues.filter((c) => c.kind !== 'link').map((c) => c.key));
  for (let added = 0; left.length > 1 && added < (o.max ?? 3); added++) {
    const facts = rng.shuffle(clueFacts(g, e).filter((f) => f.key !== o.avoid && !used.has(f.key))).slice(0, 6);
    let best: { d: Description; left: string[]; key: string } | undefined;
    for (const f of facts) {
      const exact = clueOf(f.key, f.value as string | number | string[], (xs) => rng.pick(xs));
      const options: Clue[] = o.vague ? [blur(exact), exact] : [exact];
      for (const c of options) {
        const next = { ...current, clues: [...current.clues, c] };
        const m = matches(g, next);
        if (!m.includes(e.id)) continue;
        if (!best || m.length < best.left.length) best = { d: next, left: m, key: f.key };
        if (m.length === 1) break;
      }
      if (best?.left.length === 1) break;
    }
    if (!best || best.left.length >= left.length) return undefined;
    current = best.d;
    left = best.left;
    used.add(best.key);
  }
  return left.length === 1 && left[0] === e.id ? current : undefined;
}
