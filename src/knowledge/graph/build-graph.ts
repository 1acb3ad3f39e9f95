import type { World } from '../../world/world.js';
import { GraphBuilder } from './graph-builder.js';
import { KnowledgeGraph } from './knowledge-graph.js';
import { extractPlaces } from './extract/places.js';
import { extractCoaches, extractFerries, extractFlights, extractRail } from './extract/travel.js';
import { extractHotels, extractPackages, extractRentals } from './extract/stays.js';
import { extractEvents, extractRestaurants } from './extract/dining-events.js';
import { summarizePlaces } from './extract/summaries.js';
import { extractAttractions, extractCarSuppliers, extractCinemas, extractClinics } from './extract/leisure.js';

const graphs = new WeakMap<World, KnowledgeGraph>();

/**
 * The world as a knowledge graph: a pure function of the world (same seed, same graph), built
 * once per world object and kept. Routes come from the stored route tables, never from the
 * day-by-day flights and trains the sites make on demand.
 */
export function buildKnowledgeGraph(world: World): KnowledgeGraph {
  const hit = graphs.get(world);
  if (hit) return hit;
  const b = new GraphBuilder();
  extractPlaces(b);
  extractFlights(b, world);
  extractRail(b, world);
  extractCoaches(b, world);
  extractFerries(b, world);
  extractHotels(b, world);
  extractRentals(b, world);
  extractPackages(b, world);
  extractRestaurants(b, world);
  extractEvents(b, world);
  extractCinemas(b, world);
  extractAttractions(b, world);
  extractClinics(b, world);
  extractCarSuppliers(b, world);
  summarizePlaces(b, b.entities());
  const graph = KnowledgeGraph.fromWorld(world, b.entities());
  graphs.set(world, graph);
  return graph;
}
