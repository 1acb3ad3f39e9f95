import { buildKnowledgeGraph, type KnowledgeGraph } from '../../knowledge/index.js';
import type { World } from '../../world/world.js';

const graphs = new WeakMap<World, KnowledgeGraph>();

/** The world's knowledge graph, built once per world (about a second). */
export function graphOf(world: World): KnowledgeGraph {
  let g = graphs.get(world);
  if (!g) graphs.set(world, (g = buildKnowledgeGraph(world)));
  return g;
}
