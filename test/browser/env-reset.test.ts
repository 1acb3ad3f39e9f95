import { describe, expect, it } from 'vitest';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import type { EpisodeBackend } from '../../src/browser/env/episode-backend.js';
import { siteBackend } from '../../src/rollout/site-backend.js';
import type { SiteServer } from '../../src/sites/engine/server.js';
import { sharedBrowser } from '../helpers/browser.js';
import { useTestServer } from '../helpers/test-server.js';

const getServer = useTestServer({ browser: true });

/** The real adapter: the env creates its episodes through the site server and opens their start URLs. */
const backendOf = (server: SiteServer): EpisodeBackend => siteBackend(server);

const bidOf = (axtree: string, re: RegExp) => /\[([^\]]+)\]/.exec(axtree.split('\n').find((l) => re.test(l)) ?? '')?.[1];

/** Leaves traces an episode could leak into the next: storage, window.name, a cookie, a second tab, history. */
async function leaveTraces(env: BrowserEnv, server: SiteServer): Promise<void> {
  const obs = await env.step(`click('${bidOf((await env.observe()).axtree, /button "Accept all cookies"/)}')`);
  expect(obs.observation.axtree).not.toContain('Cookie consent');
  await env.page!.evaluate(`localStorage.setItem('trace', 'A'); sessionStorage.setItem('trace', 'A'); window.name = 'trace-A'`);
  await env.step(`goto('${server.origin('staywell')}/')`);
  await env.page!.evaluate(`localStorage.setItem('trace', 'A')`);
  await env.step('new_tab()');
  await env.step('tab_focus(0)');
}

describe('reset() starts every episode clean', () => {
  for (const reuseContext of [true, false]) {
    it(`${reuseContext ? 'in the reused, scrubbed context' : 'in a new context'}: no cookie, storage, window.name, tab or history of the previous episode`, async () => {
      const server = getServer();
      const env = new BrowserEnv({ browser: await sharedBrowser(), backend: backendOf(server), reuseContext });
      try {
        await env.reset({ siteId: 'skyhop', episodeId: `clean-a-${reuseContext}` });
        await leaveTraces(env, server);
        const firstPage = env.page;

        const obs = await env.reset({ siteId: 'skyhop', episodeId: `clean-b-${reuseContext}` });
        expect(env.page === firstPage).toBe(reuseContext);
        expect(obs.tabs).toHaveLength(1);
        // The consent cookie is gone, so the banner is back.
        expect(obs.axtree).toContain('Cookie consent');
        expect(await env.page!.evaluate(`[localStorage.getItem('trace'), sessionStorage.getItem('trace'), window.name]`)).toEqual([null, null, '']);
        const back = await env.step('go_back()');
        expect(back.observation.lastActionError).toMatch(/no previous page/);
        await env.step(`goto('${server.origin('staywell')}/')`);
        expect(await env.page!.evaluate(`localStorage.getItem('trace')`)).toBeNull();
        // The server sees two separate episodes.
        const state = (await env.step('noop(0)')).info.state!;
        expect(state.episodeId).toBe(`clean-b-${reuseContext}`);
        expect(server.episodes.snapshot(`clean-a-${reuseContext}`).episodeId).toBe(`clean-a-${reuseContext}`);
        expect(env.history.map((h) => h.input)).toEqual(['go_back()', `goto('${server.origin('staywell')}/')`, 'noop(0)']);
        expect(env.blockedRequests).toEqual([]);
      } finally {
        await env.close();
      }
    });
  }
});
