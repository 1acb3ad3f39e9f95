import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { CapacityError, ConflictError, InvalidInputError, NotFoundError } from '../../core/errors.js';
import { STATE_SCHEMA_VERSION } from '../../core/version.js';
import { emptySiteState, type EpisodeState, type SiteEpisodeState } from '../../core/schemas/episode-state.js';

const EPISODE_ID = /^[A-Za-z0-9_-]{1,80}$/;

/** Episodes kept at most (the oldest idle ones are evicted past it). */
export const DEFAULT_EPISODE_CAPACITY = 50_000;
/** An episode used within this long is in use: never evicted (10 minutes). */
export const DEFAULT_EPISODE_IDLE_MS = 10 * 60_000;

export type EpisodeStoreOptions = {
  capacity?: number;
  idleMs?: number;
  /** The key tickets are signed with (default: 32 random bytes, new per store). */
  key?: Buffer;
  /** The clock, in ms (tests). */
  now?: () => number;
};

type EpisodeRecord = { id: string; createdAt: string; lastUsed: number; sites: Map<string, SiteEpisodeState> };

/**
 * Per-episode state, in memory: starting an episode is a Map insert.
 *
 * - Only the holder of the server's secret creates episodes (the control API, or in process).
 *   Ids are random unless the creator names one; an id that exists is refused unless the
 *   creator asks to replace it, which starts it over empty.
 * - A browser enters an episode with a ticket: the id signed with this store's key
 *   (`<id>.<signature>`). Knowing or guessing an id is not enough to join it.
 * - The store holds at most `capacity` episodes. Past it, the least recently used one is
 *   evicted, but only if it has been idle for `idleMs`; otherwise creating is refused
 *   (CapacityError) and nothing is evicted. Every request of the episode and every snapshot is a use.
 */
export class EpisodeStore {
  /** In order of last use: the first key is the least recently used. */
  private readonly episodes = new Map<string, EpisodeRecord>();
  readonly capacity: number;
  readonly idleMs: number;
  private readonly key: Buffer;
  private readonly now: () => number;

  constructor(
    readonly worldSeed: number,
    options: EpisodeStoreOptions = {},
  ) {
    this.capacity = options.capacity ?? DEFAULT_EPISODE_CAPACITY;
    this.idleMs = options.idleMs ?? DEFAULT_EPISODE_IDLE_MS;
    if (!Number.isInteger(this.capacity) || this.capacity < 1) throw new InvalidInputError(`episode capacity must be a positive integer, got ${this.capacity}`);
    this.key = options.key ?? randomBytes(32);
    this.now = options.now ?? (() => performance.now());
  }

  static isValidId(id: string): boolean {
    return EPISODE_ID.test(id);
  }

  /**
   * Creates an episode and returns its id: a random one unless `id` is given. An existing id is
   * refused (ConflictError) unless `replace`, which starts it over with no state.
   */
  create(id?: string, options: { replace?: boolean } = {}): string {
    const chosen = id ?? randomBytes(16).toString('base64url');
    if (!EpisodeStore.isValidId(chosen)) {
      throw new InvalidInputError(`invalid episode id "${chosen.slice(0, 100)}"`, { hint: 'use 1-80 characters from A-Z a-z 0-9 _ -' });
    }
    const existing = this.episodes.has(chosen);
    if (existing && !options.replace) {
      throw new ConflictError(`episode "${chosen}" exists`, { hint: 'choose another id, leave it out for a random one, or ask to replace it (it starts over empty)' });
    }
    if (!existing && this.episodes.size >= this.capacity) this.evictOne();
    this.episodes.delete(chosen);
    this.episodes.set(chosen, { id: chosen, createdAt: new Date().toISOString(), lastUsed: this.now(), sites: new Map() });
    return chosen;
  }

  /** Evicts the least recently used episode if it is idle; refuses otherwise. */
  private evictOne(): void {
    const oldest = this.episodes.values().next().value;
    if (oldest && this.now() - oldest.lastUsed >= this.idleMs) {
      this.episodes.delete(oldest.id);
      return;
    }
    throw new CapacityError(`the episode store is full: ${this.capacity} episodes, each used within the last ${Math.round(this.idleMs / 1000)} s`, {
      hint: 'delete finished episodes (DELETE /__wf/episodes/<id>), or start the server with a larger episode capacity',
    });
  }

  has(id: string): boolean {
    return this.episodes.has(id);
  }

  delete(id: string): boolean {
    return this.episodes.delete(id);
  }

  get size(): number {
    return this.episodes.size;
  }

  /** The ticket a browser enters the episode with: its id and a signature only this store can make. */
  ticket(id: string): string {
    if (!this.episodes.has(id)) throw new NotFoundError(`unknown episode "${id}"`);
    return `${id}.${this.sign(id)}`;
  }

  /**
   * The episode a ticket names, when its signature is this store's: `valid` false for a forged or
   * foreign ticket; `id` undefined when it was valid but the episode is gone (deleted or evicted).
   */
  openTicket(ticket: string): { valid: false } | { valid: true; id: string | undefined } {
    const dot = ticket.lastIndexOf('.');
    if (dot <= 0) return { valid: false };
    const id = ticket.slice(0, dot);
    if (!EpisodeStore.isValidId(id)) return { valid: false };
    const given = Buffer.from(ticket.slice(dot + 1));
    const expected = Buffer.from(this.sign(id));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { valid: false };
    return { valid: true, id: this.episodes.has(id) ? id : undefined };
  }

  private sign(id: string): string {
    return createHmac('sha256', this.key).update(id).digest('base64url').slice(0, 32);
  }

  /** Marks the episode used now (it moves to the back of the eviction order). */
  private use(episodeId: string): EpisodeRecord {
    const ep = this.episodes.get(episodeId);
    if (!ep) throw new NotFoundError(`unknown episode "${episodeId}"`);
    ep.lastUsed = this.now();
    this.episodes.delete(episodeId);
    this.episodes.set(episodeId, ep);
    return ep;
  }

  /** The mutable state of one episode on one site, created empty on first use. */
  site(episodeId: string, siteId: string): SiteEpisodeState {
    const ep = this.use(episodeId);
    let s = ep.sites.get(siteId);
    if (!s) {
      s = emptySiteState(siteId);
      ep.sites.set(siteId, s);
    }
    return s;
  }

  /** A deep copy, safe to serialize and to keep while the episode goes on. */
  snapshot(episodeId: string): EpisodeState {
    const ep = this.use(episodeId);
    return structuredClone({
      schemaVersion: STATE_SCHEMA_VERSION,
      episodeId: ep.id,
      createdAt: ep.createdAt,
      worldSeed: this.worldSeed,
      sites: Object.fromEntries(ep.sites),
    });
  }
}

