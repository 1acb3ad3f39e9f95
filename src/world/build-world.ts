import { createHash } from 'node:crypto';
import { Rng } from '../core/rng.js';
import { WORLD_VERSION } from '../core/version.js';
import type { DomainModule } from './domain-module.js';
import { World } from './world.js';

/**
 * Generates every given domain's inventory from the seed. Each domain draws from its own forked
 * stream, so adding a domain never changes the rows of another.
 */
export function generateCollections(seed: number, domains: readonly DomainModule[]): Map<string, { id: string }[]> {
  const root = new Rng(`webfoundry-world/${seed}`);
  const out = new Map<string, { id: string }[]>();
  for (const domain of domains) {
    const rows = domain.generate(root.fork(domain.key));
    out.set(domain.key, rows);
  }
  return out;
}

/**
 * Hash over every row of every collection, in a fixed order. Generators emit keys in a fixed
 * order and the SQLite round trip keeps it, so plain JSON text is already canonical here.
 */
export function hashCollections(collections: ReadonlyMap<string, readonly { id: string }[]>): string {
  const h = createHash('sha256');
  for (const k of [...collections.keys()].sort()) {
    h.update(`${k}\n`);
    for (const r of collections.get(k)!) h.update(`${JSON.stringify(r)}\n`);
  }
  return h.digest('hex');
}

/** The world of these domains (the sites' registry lists them: `buildArenaWorld`). */
export function buildWorld(seed: number, domains: readonly DomainModule[]): World {
  const collections = generateCollections(seed, domains);
  return new World(seed, WORLD_VERSION, hashCollections(collections), collections);
}
