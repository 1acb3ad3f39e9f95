import type { EpisodeBackend } from '../browser/env/episode-backend.js';
import type { SiteServer } from '../sites/engine/server.js';
import { fixtureBooking } from '../sites/engine/manage.js';
import { FixtureBooking } from '../core/schemas/task.js';
import { InvalidInputError } from '../core/errors.js';

/** The in-process site server as the env's episode backend: no HTTP for state snapshots. */
export function siteBackend(server: SiteServer): EpisodeBackend {
  return {
    allowedOrigins: server.sites.map((s) => server.origin(s.id)),
    startEpisode: async (siteId, episodeId, fixtures) => {
      server.episodes.create(episodeId);
      const site = server.sites.find((s) => s.id === siteId);
      const list = fixtures === undefined ? [] : FixtureBooking.array().parse(fixtures);
      for (const f of list) {
        const b = site ? fixtureBooking(site, server.world, episodeId, f) : 'unknown site';
        if (typeof b === 'string') throw new InvalidInputError(`fixture ${f.reference}: ${b}`);
        server.episodes.site(episodeId, siteId).bookings.push(b);
      }
      return `${server.origin(siteId)}/?wf_episode=${encodeURIComponent(episodeId)}`;
    },
    snapshot: async (episodeId) => (server.episodes.has(episodeId) ? server.episodes.snapshot(episodeId) : undefined),
  };
}
