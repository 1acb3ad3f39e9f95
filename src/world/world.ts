import { WORLD_TODAY } from '../core/dates.js';
import { NotFoundError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import type { DomainModule } from './domain-module.js';
import { PARTITION_CACHE_SIZE, type PartitionedDomain } from './partitioned-domain.js';

/** The root stream of a world: stored domains and partitions fork from it by name. */
export function worldRng(seed: number): Rng {
  return new Rng(`webfoundry-world/${seed}`);
}

/** The whole inventory of every site for one seed: immutable once built. */
export class World {
  private readonly indexes = new Map<string, Map<string, { id: string }>>();
  /** Partitions made so far, per partitioned domain, oldest first (an LRU by insertion order). */
  private readonly partitions = new Map<string, Map<string, readonly { id: string }[]>>();

  constructor(
    readonly seed: number,
    readonly version: number,
    readonly hash: string,
    private readonly collections: ReadonlyMap<string, readonly { id: string }[]>,
    readonly today: string = WORLD_TODAY,
  ) {}

  /** All rows of a stored domain, in generation order. */
  all<T extends { id: string }>(domain: DomainModule<T> | string): readonly T[] {
    const key = typeof domain === 'string' ? domain : domain.key;
    const rows = this.collections.get(key);
    if (!rows) throw new NotFoundError(`the world has no collection "${key}"`);
    return rows as readonly T[];
  }

  /** One row by id, or undefined: of a stored domain (id index built lazily) or of a partitioned one (its partition made on demand). */
  find<T extends { id: string }>(domain: DomainModule<T> | PartitionedDomain<{ id: string }, T> | string, id: string): T | undefined {
    if (typeof domain !== 'string' && 'locate' in domain) {
      const at = domain.locate(id);
      return at ? this.rowsOf(domain, at.parentId, at.key).find((r) => r.id === id) : undefined;
    }
    const key = typeof domain === 'string' ? domain : domain.key;
    let index = this.indexes.get(key);
    if (!index) {
      index = new Map(this.all(key).map((r) => [r.id, r]));
      this.indexes.set(key, index);
    }
    return index.get(id) as T | undefined;
  }

  /**
   * The rows of one partition of a partitioned domain (a route's flights on a date): made from
   * the world's stream the first time, then kept among the most recent PARTITION_CACHE_SIZE.
   * Empty when the parent row does not exist or has no rows on that key.
   */
  rowsOf<P extends { id: string }, T extends { id: string }>(domain: PartitionedDomain<P, T>, parentId: string, key: string): readonly T[] {
    let cache = this.partitions.get(domain.key);
    if (!cache) this.partitions.set(domain.key, (cache = new Map()));
    const name = `${parentId}\u0000${key}`;
    const hit = cache.get(name);
    if (hit) {
      cache.delete(name);
      cache.set(name, hit);
      return hit as readonly T[];
    }
    const parent = this.find(domain.parent, parentId);
    const rows = parent && domain.keysOf(parent).includes(key) ? domain.generate(parent, key, worldRng(this.seed).fork(domain.key).fork(`${parentId}/${key}`)) : [];
    cache.set(name, rows);
    if (cache.size > PARTITION_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return rows;
  }

  collectionKeys(): string[] {
    return [...this.collections.keys()];
  }

  /** Stored rows (partitioned domains' rows are made on demand and not counted). */
  size(): number {
    let n = 0;
    for (const rows of this.collections.values()) n += rows.length;
    return n;
  }
}
