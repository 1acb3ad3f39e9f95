import type { EpisodeState } from '../../core/schemas/episode-state.js';

/**
 * What the env needs from whatever serves the sites. The browser layer may not import the site
 * server (ARCHITECTURE.md), so a layer above adapts it: e.g. over `startServer()`,
 * allowedOrigins = every site's origin, startEpisode = `episodes.create(id)` then
 * `startUrl(siteId, id)` (a URL carrying the episode's signed ticket), snapshot =
 * `episodes.snapshot(id)` (src/rollout/site-backend.ts).
 */
export type EpisodeBackend = {
  /** Origins a site episode may load from; every other request is blocked and recorded. */
  readonly allowedOrigins: readonly string[];
  /**
   * Creates the episode and returns the URL its first page opens at. An id the backend has
   * already is refused unless `replace` (then the episode starts over, empty). `fixtures` (the
   * bookings a task about existing bookings starts with) are the backend's to understand. Throws
   * an EnvironmentError when the backend cannot be reached.
   */
  startEpisode(siteId: string, episodeId: string, options?: { replace?: boolean; fixtures?: unknown }): Promise<string>;
  /**
   * The episode's state now, or undefined when the backend does not know the episode (the env
   * then fails the step with an EnvironmentError: the episode's state is lost). Throws an
   * EnvironmentError when the backend cannot be reached.
   */
  snapshot(episodeId: string): Promise<EpisodeState | undefined>;
};
