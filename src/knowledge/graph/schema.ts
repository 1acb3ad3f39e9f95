import { z } from 'zod';

/**
 * The knowledge graph's wire shape. Bump KNOWLEDGE_SCHEMA_VERSION whenever an entity type, a
 * relation or a fact key changes meaning: questions generated over the graph name them.
 */
export const KNOWLEDGE_SCHEMA_VERSION = 1;

/** Every kind of entity, in the order the guide lists them. */
export const ENTITY_TYPES = [
  'country', 'city', 'neighbourhood',
  'airport', 'station', 'coach-station', 'port',
  'airline', 'flight-route', 'train-operator', 'rail-route', 'coach-operator', 'coach-route', 'ferry-operator', 'ferry-route',
  'hotel-chain', 'hotel', 'rental', 'holiday-destination', 'package-hotel',
  'restaurant-group', 'chef', 'restaurant',
  'venue', 'performer', 'event-series', 'event',
  'cinema-chain', 'cinema', 'film',
  'attraction',
  'clinic', 'practitioner',
  'car-supplier',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * Every relation, from the entity that holds the link to the one it names. A link is stored once,
 * on its source; the graph answers the reverse direction (`linksTo`).
 */
export const RELATIONS = {
  'in-country': 'is in the country',
  'in-city': 'is in the city',
  'in-neighbourhood': 'is in the neighbourhood',
  'serves-city': 'serves the city',
  from: 'starts at',
  to: 'ends at',
  'operated-by': 'is operated by',
  'connects-via': 'may connect at',
  'member-of': 'belongs to',
  'led-by': 'has as chef',
  'at-venue': 'takes place at',
  'part-of': 'is a performance of',
  'performed-by': 'is performed by',
  'at-clinic': 'works at',
  'operates-in': 'has rental desks in',
} as const;
export type Relation = keyof typeof RELATIONS;
export const RELATION_NAMES = Object.keys(RELATIONS) as Relation[];

export const FactValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
export type FactValue = z.infer<typeof FactValue>;

export const EntityId = z.string().regex(/^[a-z-]+:[^\s/]+$/, 'an entity id is "<type>:<key>"');

export const Link = z.strictObject({ rel: z.enum(RELATION_NAMES as [Relation, ...Relation[]]), to: EntityId });
export type Link = z.infer<typeof Link>;

export const Entity = z.strictObject({
  id: EntityId,
  type: z.enum(ENTITY_TYPES),
  name: z.string().min(1),
  /** What the world says about it, by fact key; the guide's infobox shows every one. */
  facts: z.record(z.string(), FactValue),
  links: z.array(Link),
  /**
   * What only the booking site's listing page of the entity shows (the guide's article does not):
   * the site's id and the facts, by key. A question may ask one (`listing-fact`): the reader must
   * open that booking page.
   */
  listing: z.strictObject({ site: z.string().min(1), facts: z.record(z.string(), FactValue) }).optional(),
});
export type Entity = z.infer<typeof Entity>;

/** The whole graph as one file: what a question generator or a test may store. */
export const KnowledgeGraphFile = z.strictObject({
  schemaVersion: z.literal(KNOWLEDGE_SCHEMA_VERSION),
  worldSeed: z.number().int(),
  worldHash: z.string(),
  entities: z.array(Entity),
});
export type KnowledgeGraphFile = z.infer<typeof KnowledgeGraphFile>;

export function entityId(type: EntityType, key: string): string {
  return `${type}:${key}`;
}

export function typeOf(id: string): EntityType {
  return id.slice(0, id.indexOf(':')) as EntityType;
}

/** A URL-safe key from a name: lower case, no accents, words joined by "-". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
