import { describe, expect, it } from 'vitest';
import { buildArenaWorld } from '../../src/sites/registry.js';
import { testWorld } from '../helpers/test-server.js';
import { articlePath, buildKnowledgeGraph, Entity, ENTITY_TYPES, entityIdFromPath, KnowledgeGraphFile, RELATION_NAMES } from '../../src/knowledge/index.js';

describe('knowledge graph', () => {
  const world = testWorld();
  const graph = buildKnowledgeGraph(world);

  it('has entities of every type, each valid by the schema, ids unique', () => {
    for (const t of ENTITY_TYPES) expect(graph.ofType(t).length, t).toBeGreaterThan(0);
    const ids = new Set<string>();
    for (const e of graph.entities()) {
      Entity.parse(e);
      expect(ids.has(e.id), e.id).toBe(false);
      ids.add(e.id);
      expect(e.id.startsWith(`${e.type}:`)).toBe(true);
    }
    KnowledgeGraphFile.parse(graph.toFile());
  }, 600_000);

  it('every link resolves, and the reverse lookups agree with the forward ones', () => {
    let links = 0;
    for (const e of graph.entities()) {
      for (const l of e.links) {
        expect(graph.has(l.to), `${e.id} -${l.rel}-> ${l.to}`).toBe(true);
        expect(graph.backlinks(l.to).some((b) => b.from === e.id && b.rel === l.rel)).toBe(true);
        links++;
      }
    }
    expect(links).toBeGreaterThan(graph.size);
    const used = new Set(graph.entities().flatMap((e) => e.links.map((l) => l.rel)));
    for (const rel of RELATION_NAMES) expect(used.has(rel), rel).toBe(true);
  }, 600_000);

  it('derives what the world implies: chains from hotel names, series from repeated performances, route operators from route tables', () => {
    const chains = graph.ofType('hotel-chain');
    expect(chains.length).toBeGreaterThanOrEqual(5);
    for (const c of chains) {
      const members = graph.linksTo(c.id, 'member-of');
      expect(members.length).toBe(c.facts.hotelCount);
      expect(new Set(members.map((h) => h.facts.city)).size).toBeGreaterThanOrEqual(5);
    }
    for (const s of graph.ofType('event-series').slice(0, 50)) {
      const shows = graph.linksTo(s.id, 'part-of');
      expect(shows.length).toBe(s.facts.performances);
      expect(shows.map((e) => e.facts.date).sort()[0]).toBe(s.facts.openingDate);
    }
    const route = graph.get('flight-route:LIS-OPO');
    expect(graph.linksFrom(route.id, 'operated-by').map((a) => a.name).sort()).toEqual([...(route.facts.airlines as string[])].sort());
    expect(graph.one(route.id, 'from')?.id).toBe('airport:LIS');
    const lisbon = graph.get('city:lisbon');
    expect(lisbon.facts.hotels).toBe(graph.linksTo('city:lisbon', 'in-city').filter((e) => e.type === 'hotel').length);
  }, 600_000);

  it('article paths round-trip to entity ids', () => {
    for (const t of ENTITY_TYPES) {
      const e = graph.ofType(t)[0]!;
      expect(entityIdFromPath(articlePath(e.id))).toBe(e.id);
    }
    expect(articlePath('hotel:ht-lisbon-01')).toBe('/wiki/hotel/ht-lisbon-01');
  }, 600_000);

  it('is a pure function of the world: the same seed gives the same graph, another seed another graph', () => {
    // Two worlds of seed 1 built apart.
    const one = graph;
    const again = buildKnowledgeGraph(buildArenaWorld(1));
    expect(again).not.toBe(one);
    expect(JSON.stringify(again.toFile())).toBe(JSON.stringify(one.toFile()));
    const other = buildKnowledgeGraph(buildArenaWorld(2));
    expect(other.ofType('hotel').map((h) => h.name)).not.toEqual(one.ofType('hotel').map((h) => h.name));
    expect(other.toFile().worldHash).not.toBe(one.toFile().worldHash);
  }, 600_000);
});
