import type { EpisodeBackend } from '../browser/env/episode-backend.js';
import type { SiteServer } from '../sites/engine/server.js';

/** The in-process site server as the env's episode backend: no HTTP for state snapshots. */
export function siteBackend(server: SiteServer): EpisodeBackend {
  return {
    allowedOrigins: server.sites.map((s) => server.origin(s.id)),
    startEpisode: async (siteId, episodeId) => {
      server.episodes.create(episodeId);
      return `${server.origin(siteId)}/?wf_episode=${encodeURIComponent(episodeId)}`;
    },
    snapshot: async (episodeId) => (server.episodes.has(episodeId) ? server.episodes.snapshot(episodeId) : undefined),
  };
}
