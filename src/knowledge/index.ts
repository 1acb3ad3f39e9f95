/** The knowledge web: the world as a knowledge graph, and the guide and search sites over it. */
export { buildKnowledgeGraph } from './graph/build-graph.js';
export { KnowledgeGraph, type Backlink } from './graph/knowledge-graph.js';
export { articlePath, entityIdFromPath, listPath } from './graph/article-path.js';
export { ENTITY_TYPES, RELATIONS, RELATION_NAMES, KNOWLEDGE_SCHEMA_VERSION, Entity, Link, FactValue, KnowledgeGraphFile, entityId, typeOf, slug, type EntityType, type Relation } from './graph/schema.js';
export { knowledgeOrigins, KNOWLEDGE_SITE_IDS } from './origins.js';
export { bookingPages, type BookingPage } from './booking-pages.js';
export { LISTING_ROOM_PREFIX } from './graph/extract/stays.js';
export { webIndex, WebIndex, foldTerm, RESULTS_PER_PAGE, type SearchAnswer, type SearchHit } from './search/search-index.js';
export { webDocuments, type WebDocument } from './search/documents.js';
export { articleTitle } from './guide/titles.js';
export { articleProse } from './guide/prose.js';
export { factLabel, factText, TYPE_LABELS } from './guide/labels.js';
