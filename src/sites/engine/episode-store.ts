import { randomUUID } from 'node:crypto';
import { NotFoundError, InvalidInputError } from '../../core/errors.js';
import { STATE_SCHEMA_VERSION } from '../../core/version.js';
import { emptySiteState, type EpisodeState, type SiteEpisodeState } from '../../core/schemas/episode-state.js';

const EPISODE_ID = /^[A-Za-z0-9_-]{1,80}$/;

type EpisodeRecord = { id: string; createdAt: string; sites: Map<string, SiteEpisodeState> };

/**
 * Per-episode state, in memory: starting an episode is a Map insert. Episodes are isolated
 * by id; the oldest are evicted past `capacity` so a long-running server stays bounded.
 */
export class EpisodeStore {
  private readonly episodes = new Map<string, EpisodeRecord>();

  constructor(
    readonly worldSeed: number,
    private readonly capacity = 50_000,
  ) {}

  static isValidId(id: string): boolean {
    return EPISODE_ID.test(id);
  }

  create(id: string = randomUUID()): string {
    if (!EpisodeStore.isValidId(id)) {
      throw new InvalidInputError(`invalid episode id "${id}"`, { hint: 'use 1-80 characters from A-Z a-z 0-9 _ -' });
    }
    if (!this.episodes.has(id)) {
      this.episodes.set(id, { id, createdAt: new Date().toISOString(), sites: new Map() });
      if (this.episodes.size > this.capacity) {
        const oldest = this.episodes.keys().next().value;
        if (oldest !== undefined) this.episodes.delete(oldest);
      }
    }
    return id;
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

  /** The mutable state of one episode on one site, created empty on first use. */
  site(episodeId: string, siteId: string): SiteEpisodeState {
    const ep = this.episodes.get(episodeId);
    if (!ep) throw new NotFoundError(`unknown episode "${episodeId}"`);
    let s = ep.sites.get(siteId);
    if (!s) {
      s = emptySiteState(siteId);
      ep.sites.set(siteId, s);
    }
    return s;
  }

  /** A deep copy, safe to serialize and to keep while the episode goes on. */
  snapshot(episodeId: string): EpisodeState {
    const ep = this.episodes.get(episodeId);
    if (!ep) throw new NotFoundError(`unknown episode "${episodeId}"`);
    return structuredClone({
      schemaVersion: STATE_SCHEMA_VERSION,
      episodeId: ep.id,
      createdAt: ep.createdAt,
      worldSeed: this.worldSeed,
      sites: Object.fromEntries(ep.sites),
    });
  }
}
