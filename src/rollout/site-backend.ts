import type { EpisodeBackend } from '../browser/env/episode-backend.js';
import { EnvironmentError, InvalidInputError } from '../core/errors.js';
import type { SiteServer } from '../sites/engine/server.js';
import { fixtureBooking } from '../sites/engine/manage.js';
import { FixtureBooking } from '../core/schemas/task.js';


/** The in-process site server as the env's episode backend: no HTTP for state snapshots. */
export function siteBackend(server: SiteServer): EpisodeBackend {
  const up = () => {
    if (!server.listening()) throw new EnvironmentError(`the site server on port ${server.port} is down`, { hint: 'it was closed or crashed; start it again' });
  };
  return {
    // The booking sites, and the knowledge web's origins when the server serves them.
    allowedOrigins: [...server.sites.map((s) => server.origin(s.id)), ...server.origins.map((id) => server.origin(id))],
    startEpisode: async (siteId, episodeId, options) => {
      up();
      server.episodes.create(episodeId, { replace: options?.replace ?? false });
      const site = server.sites.find((s) => s.id === siteId);
      const list = options?.fixtures === undefined ? [] : FixtureBooking.array().parse(options.fixtures);
      for (const f of list) {
        const b = site ? fixtureBooking(site, server.world, episodeId, f) : 'unknown site';
        if (typeof b === 'string') throw new InvalidInputError(`fixture ${f.reference}: ${b}`);
        server.episodes.site(episodeId, siteId).bookings.push(b);
      }
      return server.startUrl(siteId, episodeId);
    },
    snapshot: async (episodeId) => {
      up();
      return server.episodes.has(episodeId) ? server.episodes.snapshot(episodeId) : undefined;
    },
  };
}
