import type { EpisodeBackend } from '../browser/env/episode-backend.js';
import { EnvironmentError } from '../core/errors.js';
import type { SiteServer } from '../sites/engine/server.js';

/** The in-process site server as the env's episode backend: no HTTP for state snapshots. */
export function siteBackend(server: SiteServer): EpisodeBackend {
  const up = () => {
    if (!server.listening()) throw new EnvironmentError(`the site server on port ${server.port} is down`, { hint: 'it was closed or crashed; start it again' });
  };
  return {
    allowedOrigins: server.sites.map((s) => server.origin(s.id)),
    startEpisode: async (siteId, episodeId, options) => {
      up();
      server.episodes.create(episodeId, { replace: options?.replace ?? false });
      return server.startUrl(siteId, episodeId);
    },
    snapshot: async (episodeId) => {
      up();
      return server.episodes.has(episodeId) ? server.episodes.snapshot(episodeId) : undefined;
    },
  };
}
