import type { EpisodeState } from '../../core/schemas/episode-state.js';

/**
 * What the env needs from whatever serves the sites. The browser layer may not import the site
 * server (ARCHITECTURE.md), so a layer above adapts it: e.g. over `startServer()`,
 * allowedOrigins = every site's origin, startEpisode = `${origin(siteId)}/?wf_episode=${id}`,
 * snapshot = `episodes.snapshot(id)`.
 */
export type EpisodeBackend = {
  /** Origins a site episode may load from; every other request is blocked and recorded. */
  readonly allowedOrigins: readonly string[];
  /**
   * Prepares the episode and returns the URL its first page opens at. `fixtures` (the bookings a
   * task about existing bookings starts with) are the backend's to understand.
   */
  startEpisode(siteId: string, episodeId: string, fixtures?: unknown): Promise<string>;
  /** The episode's state now, or undefined when the backend does not know the episode. */
  snapshot(episodeId: string): Promise<EpisodeState | undefined>;
};
