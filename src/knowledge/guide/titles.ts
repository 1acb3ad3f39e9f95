import type { KnowledgeGraph } from '../graph/knowledge-graph.js';
import type { Entity } from '../graph/schema.js';
import { factText } from './labels.js';

const memo = new WeakMap<KnowledgeGraph, Map<string, string>>();

/**
 * Article titles, unique within a kind: the name, then the city, then the date or neighbourhood,
 * then the key, added only where two entities of a kind would otherwise share a title.
 */
export function articleTitle(graph: KnowledgeGraph, e: Entity): string {
  let m = memo.get(graph);
  if (!m) memo.set(graph, (m = buildTitles(graph)));
  return m.get(e.id) ?? e.name;
}

function buildTitles(graph: KnowledgeGraph): Map<string, string> {
  const out = new Map<string, string>();
  for (const type of graph.types()) {
    const levels: ((e: Entity) => string)[] = [
      (e) => e.name,
      (e) => (e.facts.city ? `${e.name} (${factText(e.facts.city)})` : e.name),
      (e) => {
        const city = e.facts.city ? factText(e.facts.city) : '';
        const extra = e.facts.date ? `${factText(e.facts.date)}${e.facts.time ? ` ${factText(e.facts.time)}` : ''}` : e.facts.neighbourhood ? factText(e.facts.neighbourhood) : '';
        const inside = [city, extra].filter(Boolean).join(', ');
        return inside ? `${e.name} (${inside})` : e.name;
      },
      (e) => `${levels[2]!(e).replace(/\)$/, '')}${levels[2]!(e).endsWith(')') ? ', ' : ' ('}${e.id.slice(e.id.indexOf(':') + 1)})`,
    ];
    let pending = [...graph.ofType(type)];
    for (const level of levels) {
      const counts = new Map<string, number>();
      for (const e of pending) counts.set(level(e), (counts.get(level(e)) ?? 0) + 1);
      const still: Entity[] = [];
      for (const e of pending) (counts.get(level(e)) === 1 || level === levels.at(-1) ? out.set(e.id, level(e)) : still.push(e));
      pending = still;
      if (pending.length === 0) break;
    }
  }
  return out;
}
