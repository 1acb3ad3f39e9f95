import { WORLD_TODAY } from '../core/dates.js';
import { NotFoundError } from '../core/errors.js';
import type { DomainModule } from './domain-module.js';

/** The whole inventory of every site for one seed: immutable once built. */
export class World {
  private readonly indexes = new Map<string, Map<string, { id: string }>>();

  constructor(
    readonly seed: number,
    readonly version: number,
    readonly hash: string,
    private readonly collections: ReadonlyMap<string, readonly { id: string }[]>,
    readonly today: string = WORLD_TODAY,
  ) {}

  /** All rows of a domain, in generation order. */
  all<T extends { id: string }>(domain: DomainModule<T> | string): readonly T[] {
    const key = typeof domain === 'string' ? domain : domain.key;
    const rows = this.collections.get(key);
    if (!rows) throw new NotFoundError(`the world has no collection "${key}"`);
    return rows as readonly T[];
  }

  /** One row by id, or undefined. Builds the id index lazily. */
  find<T extends { id: string }>(domain: DomainModule<T> | string, id: string): T | undefined {
    const key = typeof domain === 'string' ? domain : domain.key;
    let index = this.indexes.get(key);
    if (!index) {
      index = new Map(this.all(key).map((r) => [r.id, r]));
      this.indexes.set(key, index);
    }
    return index.get(id) as T | undefined;
  }

  collectionKeys(): string[] {
    return [...this.collections.keys()];
  }

  size(): number {
    let n = 0;
    for (const rows of this.collections.values()) n += rows.length;
    return n;
  }
}
