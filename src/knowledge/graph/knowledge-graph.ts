import { NotFoundError } from '../../core/errors.js';
import type { World } from '../../world/world.js';
import { KNOWLEDGE_SCHEMA_VERSION, typeOf, type Entity, type EntityType, type KnowledgeGraphFile, type Relation } from './schema.js';

/** A link seen from its target: which entity points here, and how. */
export type Backlink = { rel: Relation; from: string };

/**
 * The world as entities and relations, read-only once built (`buildKnowledgeGraph`). Lookups by
 * id, by type and by relation in both directions; every link names an entity of the graph.
 */
export class KnowledgeGraph {
  private readonly byId = new Map<string, Entity>();
  private readonly byType = new Map<EntityType, Entity[]>();
  private readonly incoming = new Map<string, Backlink[]>();

  constructor(
    readonly worldSeed: number,
    readonly worldHash: string,
    entities: readonly Entity[],
  ) {
    for (const e of entities) {
      this.byId.set(e.id, e);
      let list = this.byType.get(e.type);
      if (!list) this.byType.set(e.type, (list = []));
      list.push(e);
    }
    for (const e of entities) {
      for (const l of e.links) {
        let list = this.incoming.get(l.to);
        if (!list) this.incoming.set(l.to, (list = []));
        list.push({ rel: l.rel, from: e.id });
      }
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** Every entity, types in ENTITY_TYPES order, each type in world order. */
  entities(): Entity[] {
    return [...this.byType.values()].flat();
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  find(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  get(id: string): Entity {
    const e = this.byId.get(id);
    if (!e) throw new NotFoundError(`the knowledge graph has no entity "${id}"`, { hint: `ids are "<type>:<key>"; type "${typeOf(id)}" has ${this.ofType(typeOf(id)).length} entities` });
    return e;
  }

  ofType(type: EntityType): readonly Entity[] {
    return this.byType.get(type) ?? [];
  }

  types(): EntityType[] {
    return [...this.byType.keys()];
  }

  /** The entities `id` links to by `rel` (every relation when omitted), in link order. */
  linksFrom(id: string, rel?: Relation): Entity[] {
    return this.get(id)
      .links.filter((l) => rel === undefined || l.rel === rel)
      .map((l) => this.get(l.to));
  }

  /** The entities that link to `id` by `rel` (every relation when omitted), in graph order. */
  linksTo(id: string, rel?: Relation): Entity[] {
    return (this.incoming.get(id) ?? []).filter((b) => rel === undefined || b.rel === rel).map((b) => this.get(b.from));
  }

  backlinks(id: string): readonly Backlink[] {
    return this.incoming.get(id) ?? [];
  }

  /** The first entity `id` links to by `rel`, or undefined. */
  one(id: string, rel: Relation): Entity | undefined {
    const l = this.get(id).links.find((x) => x.rel === rel);
    return l ? this.get(l.to) : undefined;
  }

  /** Every (source, target) pair of one relation. */
  edges(rel: Relation): { from: Entity; to: Entity }[] {
    return this.entities().flatMap((e) => e.links.filter((l) => l.rel === rel).map((l) => ({ from: e, to: this.get(l.to) })));
  }

  toFile(): KnowledgeGraphFile {
    return { schemaVersion: KNOWLEDGE_SCHEMA_VERSION, worldSeed: this.worldSeed, worldHash: this.worldHash, entities: this.entities() };
  }

  static fromWorld(world: World, entities: readonly Entity[]): KnowledgeGraph {
    return new KnowledgeGraph(world.seed, world.hash, entities);
  }
}
