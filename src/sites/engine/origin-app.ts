import type { World } from '../../world/world.js';
import type { EpisodeStore } from './episode-store.js';
import type { SiteDefinition } from './site-definition.js';

/** What an origin served beside the booking sites is made from. */
export type OriginContext = {
  world: World;
  episodes: EpisodeStore;
  /** The booking sites the server serves. */
  sites: readonly SiteDefinition[];
  /** http://<id>.localhost:<port> of any site or origin of this server (the port is known once listening). */
  origin(id: string): string;
};

/**
 * A site that is not a booking site (the knowledge web's guide and search engine): its own
 * origin on the same server, made by its owner and handed to `startServer({ origins })`, so the
 * engine serves it without knowing what it is.
 */
export type OriginApp = {
  id: string;
  name: string;
  /** One line on what it is, for listings. */
  description: string;
  create(ctx: OriginContext): { fetch(req: Request): Response | Promise<Response> };
};
