import type { Entity, EntityType, KnowledgeGraph, Relation } from '../../knowledge/index.js';
import { normText } from '../../evaluation/answers/normalize-text.js';

/**
 * How a question names an entity: by its name (as a reader sees it, so two restaurants called
 * the same are both matched), or by a description. A description is the entity's type and clues
 * about it, which a reader checks on its pages: facts (exact, a range, a date window, a list that
 * includes a value) and links to other entities, themselves named or described.
 */
export type Ref = { kind: 'named'; type: EntityType; name: string; id: string } | { kind: 'described'; d: Description };

export type Clue =
  | { kind: 'eq'; key: string; value: string | number }
  | { kind: 'has'; key: string; value: string }
  | { kind: 'range'; key: string; min: number; max: number }
  | { kind: 'window'; key: string; from: string; to: string }
  | { kind: 'link'; rel: Relation; dir: 'out' | 'in'; target: Ref };

export type Description = { type: EntityType; clues: Clue[]; /** The entity it was drawn from (bookkeeping; never used to match). */ of: string };

/** Name lookups per graph: a named reference matches every entity of its type with that name. */
const nameIndex = new WeakMap<KnowledgeGraph, Map<string, string[]>>();

function byName(g: KnowledgeGraph, type: EntityType, name: string): string[] {
  let idx = nameIndex.get(g);
  if (!idx) {
    idx = new Map();
    for (const e of g.entities()) {
      const k = `${e.type}|${normText(e.name)}`;
      const list = idx.get(k);
      if (list) list.push(e.id);
      else idx.set(k, [e.id]);
    }
    nameIndex.set(g, idx);
  }
  return idx.get(`${type}|${normText(name)}`) ?? [];
}

const sameText = (a: unknown, b: string | number) => (typeof b === 'number' ? a === b : typeof a === 'string' && normText(a) === normText(b));

/** Whether one fact clue holds for an entity. */
export function factHolds(e: Entity, c: Exclude<Clue, { kind: 'link' }>): boolean {
  const v = e.facts[c.key];
  switch (c.kind) {
    case 'eq':
      return Array.isArray(v) ? false : sameText(v, c.value);
    case 'has':
      return Array.isArray(v) && v.some((x) => normText(x) === normText(c.value));
    case 'range':
      return typeof v === 'number' && v >= c.min && v <= c.max;
    case 'window':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && v >= c.from && v <= c.to;
  }
}

/** Every entity a reference can mean, over the whole graph. */
export function resolveRef(g: KnowledgeGraph, r: Ref): string[] {
  return r.kind === 'named' ? byName(g, r.type, r.name) : matches(g, r.d);
}

/** Every entity of the graph that fits a description (fact clues first: they are cheap). */
export function matches(g: KnowledgeGraph, d: Description): string[] {
  const facts = d.clues.filter((c): c is Exclude<Clue, { kind: 'link' }> => c.kind !== 'link');
  const links = d.clues.filter((c): c is Extract<Clue, { kind: 'link' }> => c.kind === 'link');
  let pool = g.ofType(d.type).filter((e) => facts.every((c) => factHolds(e, c)));
  for (const l of links) {
    if (pool.length === 0) break;
    const targets = new Set(resolveRef(g, l.target));
    pool = pool.filter((e) => (l.dir === 'out' ? e.links.some((x) => x.rel === l.rel && targets.has(x.to)) : g.backlinks(e.id).some((b) => b.rel === l.rel && targets.has(b.from))));
  }
  return pool.map((e) => e.id);
}

/** True when the reference means exactly the entity it was drawn from. */
export function identifies(g: KnowledgeGraph, r: Ref, id: string): boolean {
  const m = resolveRef(g, r);
  return m.length === 1 && m[0] === id;
}

/** The entity a reference was drawn from. */
export const refId = (r: Ref): string => (r.kind === 'named' ? r.id : r.d.of);

/** Pages a reader opens in turn on the longest chain from a clue to this entity (1: its own). */
export function depth(r: Ref): number {
  if (r.kind === 'named') return 1;
  const inner = r.d.clues.map((c) => (c.kind === 'link' ? depth(c.target) : 0));
  return 1 + Math.max(0, ...inner);
}

/** Every entity a reference mentions or was drawn from, itself first. */
export function entitiesOf(r: Ref): string[] {
  if (r.kind === 'named') return [r.id];
  return [r.d.of, ...r.d.clues.flatMap((c) => (c.kind === 'link' ? entitiesOf(c.target) : []))];
}

/** The question's shape without its values: types, relations and clue kinds (for deduplication). */
export function shapeOf(r: Ref): string {
  if (r.kind === 'named') return `${r.type}`;
  const parts = r.d.clues.map((c) => (c.kind === 'link' ? `${c.dir === 'out' ? '>' : '<'}${c.rel}(${shapeOf(c.target)})` : `${c.kind}:${c.key}`)).sort();
  return `${r.d.type}[${parts.join(',')}]`;
}

/** A copy of a reference with the named entity `id` replaced by `by` wherever it occurs. */
export function replaceNamed(r: Ref, id: string, by: Ref): Ref {
  if (r.kind === 'named') return r.id === id ? by : r;
  return { kind: 'described', d: { ...r.d, clues: r.d.clues.map((c) => (c.kind === 'link' ? { ...c, target: replaceNamed(c.target, id, by) } : c)) } };
}

/** The named references inside a reference (what e2h may replace next). */
export function namedIn(r: Ref): Extract<Ref, { kind: 'named' }>[] {
  if (r.kind === 'named') return [r];
  return r.d.clues.flatMap((c) => (c.kind === 'link' ? namedIn(c.target) : []));
}

export const named = (e: Entity): Ref => ({ kind: 'named', type: e.type, name: e.name, id: e.id });
