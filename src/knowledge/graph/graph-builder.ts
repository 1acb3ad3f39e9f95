import { InvalidInputError } from '../../core/errors.js';
import { ENTITY_TYPES, entityId, type Entity, type EntityType, type FactValue, type Relation } from './schema.js';

/**
 * Collects entities and links while the extractors read the world. An entity may be named
 * (`ensure`) before its facts are known, so a listing can create its neighbourhood; `entities()`
 * checks that every link resolves and returns them in ENTITY_TYPES order.
 */
export class GraphBuilder {
  private readonly map = new Map<string, Entity>();

  /** Adds an entity; adding the same id twice is a bug in an extractor. */
  add(type: EntityType, key: string, name: string, facts: Record<string, FactValue>): string {
    const id = entityId(type, key);
    if (this.map.has(id)) throw new InvalidInputError(`knowledge graph: entity "${id}" added twice`);
    this.map.set(id, { id, type, name, facts: clean(facts), links: [] });
    return id;
  }

  /** The entity's id, adding it with these facts when it is new. */
  ensure(type: EntityType, key: string, name: string, facts: Record<string, FactValue> = {}): string {
    const id = entityId(type, key);
    if (!this.map.has(id)) this.map.set(id, { id, type, name, facts: clean(facts), links: [] });
    return id;
  }

  has(id: string): boolean {
    return this.map.has(id);
  }

  entity(id: string): Entity {
    const e = this.map.get(id);
    if (!e) throw new InvalidInputError(`knowledge graph: no entity "${id}" yet`);
    return e;
  }

  /** Sets facts on an existing entity (derived after its members were read: counts, ranges). */
  setFacts(id: string, facts: Record<string, FactValue>): void {
    Object.assign(this.entity(id).facts, clean(facts));
  }

  /** What only the booking site's listing page of an entity shows (never its guide article). */
  setListing(id: string, site: string, facts: Record<string, FactValue>): void {
    this.entity(id).listing = { site, facts: clean(facts) };
  }

  /** A link from `from` to `to`; a repeated identical link is kept once. */
  link(from: string, rel: Relation, to: string): void {
    const e = this.entity(from);
    if (!e.links.some((l) => l.rel === rel && l.to === to)) e.links.push({ rel, to });
  }

  entities(): Entity[] {
    const out: Entity[] = [];
    for (const type of ENTITY_TYPES) for (const e of this.map.values()) if (e.type === type) out.push(e);
    for (const e of out) {
      for (const l of e.links) if (!this.map.has(l.to)) throw new InvalidInputError(`knowledge graph: "${e.id}" links (${l.rel}) to unknown "${l.to}"`);
    }
    return out;
  }
}

/** Facts without undefined values (an optional fact is absent, never "undefined"). */
function clean(facts: Record<string, FactValue | undefined>): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  for (const [k, v] of Object.entries(facts)) if (v !== undefined) out[k] = v;
  return out;
}

/** Distinct values in first-seen order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

export const minOf = (xs: readonly number[]) => xs.reduce((a, b) => Math.min(a, b), Infinity);
export const maxOf = (xs: readonly number[]) => xs.reduce((a, b) => Math.max(a, b), -Infinity);
export const round2 = (n: number) => Math.round(n * 100) / 100;
export const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : round2(xs.reduce((a, b) => a + b, 0) / xs.length));
