/** The knowledge web: the world as a knowledge graph, and the guide and search sites over it. */
export { buildKnowledgeGraph } from './graph/build-graph.js';
export { KnowledgeGraph, type Backlink } from './graph/knowledge-graph.js';
export { articlePath, entityIdFromPath, listPath } from './graph/article-path.js';
export { ENTITY_TYPES, RELATIONS, RELATION_NAMES, KNOWLEDGE_SCHEMA_VERSION, Entity, Link, FactValue, KnowledgeGraphFile, entityId, typeOf, slug, type EntityType, type Relation } from './graph/schema.js';
