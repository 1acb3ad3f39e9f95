import { describe, expect, it } from 'vitest';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import type { EpisodeBackend } from '../../src/browser/env/episode-backend.js';
import { Rng } from '../../src/core/rng.js';
import type { Observation } from '../../src/core/schemas/observation.js';
import { StepResult } from '../../src/core/schemas/step-info.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { siteBackend } from '../../src/rollout/site-backend.js';
import type { SiteServer } from '../../src/sites/engine/server.js';
import { sharedBrowser } from '../helpers/browser.js';
import { useTestServer } from '../helpers/test-server.js';

const getServer = useTestServer({ browser: true });

/** The real adapter: the env creates its episodes through the site server and opens their start URLs. */
const backendOf = (server: SiteServer): EpisodeBackend => siteBackend(server);

function bidOf(obs: Observation, line: RegExp): string {
  const hit = obs.axtree.split('\n').find((l) => line.test(l));
  const bid = hit && /\[([^\]]+)\]/.exec(hit)?.[1];
  if (!bid) throw new Error(`no line matches ${line} in:\n${obs.axtree}`);
  return bid;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a real episode on SkyHop through the env', () => {
  it('filling and submitting the search form shows up in info.state', async () => {
    const server = getServer();
    const site = server.sites.find((s) => s.id === 'skyhop')!;
    const params = site.exampleSearch(server.world, new Rng('env-site-episode'));
    const env = new BrowserEnv({ browser: await sharedBrowser(), backend: backendOf(server) });
    try {
      let obs = await env.reset({ siteId: 'skyhop', episodeId: 'env-skyhop-1' });
      expect(env.episodeId).toBe('env-skyhop-1');
      // The site keeps the episode in a cookie and drops it from the address.
      expect(obs.url).toBe(`${server.origin('skyhop')}/`);
      const act = async (action: string): Promise<StepResult> => {
        const r = StepResult.parse(await env.step(action));
        expect(r.observation.lastActionError, action).toBeNull();
        expect(r.info.state?.episodeId).toBe('env-skyhop-1');
        obs = r.observation;
        return r;
      };

      await act(`click('${bidOf(obs, /button "Accept all cookies"/)}')`);
      for (const [field, label] of [
        ['From', 'origin'],
        ['To', 'destination'],
      ] as const) {
        const name = site.labelFor(server.world, 'airports', String(params[label]))!;
        await act(`fill('${bidOf(obs, new RegExp(`combobox "${field}"`))}', '${name.slice(0, 3)}')`);
        await act(`click('${bidOf(obs, new RegExp(`option "${esc(name)}"`))}')`);
        expect(obs.axtree).toMatch(new RegExp(`combobox "${field}" value="${esc(name)}"`));
      }
      await act(`fill('${bidOf(obs, /textbox "Departure date"/)}', '${params.date}')`);
      for (const [label, name] of [
        ['adults', 'Adults'],
        ['children', 'Children \\(2-11\\)'],
      ] as const) {
        for (let i = 0; i < 9; i++) {
          const current = Number(/value="(\d+)"/.exec(obs.axtree.split('\n').find((l) => new RegExp(`spinbutton "${name}"`).test(l))!)![1]);
          if (current === params[label]) break;
          await act(`click('${bidOf(obs, new RegExp(`button "${current < Number(params[label]) ? 'Increase' : 'Decrease'} ${name.toLowerCase()}"`))}')`);
        }
      }
      const cabin = site.searchFields.find((f) => f.name === 'cabin')!;
      const cabinLabel = cabin.kind === 'select' ? cabin.options.find((o) => o.value === params.cabin)!.label : '';
      await act(`select_option('${bidOf(obs, /combobox "Cabin"/)}', '${cabinLabel}')`);

      const before = await env.step('noop(0)');
      expect(before.info.state?.sites.skyhop?.search ?? null).toBeNull();
      const r = await act(`click('${bidOf(obs, /button "Search flights"/)}')`);
      expect(r.info.settled).toBe(true);
      expect(obs.url).toContain('/search?');
      expect(obs.axtree).toMatch(/heading "\d+ flights? from .+" h1/);
      const search = r.info.state!.sites.skyhop!.search!;
      expect(search.params).toEqual(params);
      expect(search.resultCount).toBeGreaterThan(0);
      expect(r.info.blockedRequests).toEqual([]);

      // And one step further: choosing a flight is what the state records next.
      const select = bidOf(obs, /link "Select flight: /);
      const chosen = await act(`click('${select}')`);
      expect(obs.url).toContain('/listing/');
      expect(chosen.info.state!.sites.skyhop!.viewedListingId).toEqual(expect.any(String));
    } finally {
      await env.close();
    }
  });

  it("the agent's messages to the user land in the task site's state, where a question is judged", async () => {
    const server = getServer();
    const env = new BrowserEnv({ browser: await sharedBrowser(), backend: backendOf(server) });
    const question = {
      id: 'q',
      site: 'skyhop',
      kind: 'qa' as const,
      constraints: [{ id: 'answer', kind: 'answer' as const, phrase: 'the fare', stage: 'answer' as const, answer: { type: 'number' as const, value: 1250, unit: 'EUR' } }],
    };
    try {
      await env.reset({ siteId: 'skyhop', episodeId: 'env-skyhop-reply' });
      const first = StepResult.parse(await env.step(`send_msg_to_user("about €1,300")`));
      expect(first.info.state!.sites.skyhop!.replies).toEqual([{ role: 'assistant', text: 'about €1,300', step: 0 }]);
      expect(evaluate(question, first.info.state).sr).toBe(false);
      const last = StepResult.parse(await env.step(`stop("€1,250")`));
      expect(last.done).toBe(true);
      expect(last.info.state!.sites.skyhop!.replies!.map((r) => r.text)).toEqual(['about €1,300', '€1,250']);
      expect(evaluate(question, last.info.state)).toMatchObject({ sr: true, csr: 1 });
      // A new episode starts with no replies.
      await env.reset({ siteId: 'skyhop', episodeId: 'env-skyhop-reply-2' });
      const again = StepResult.parse(await env.step('noop(0)'));
      expect(again.info.state!.sites.skyhop?.replies).toBeUndefined();
    } finally {
      await env.close();
    }
  });

  it('reset({ siteId }) without a backend, or with an unknown target, is a usage error', async () => {
    const env = new BrowserEnv({ browser: await sharedBrowser() });
    await expect(env.reset({ siteId: 'skyhop' })).rejects.toThrow(/needs an env with a backend/);
    await expect(env.reset({ url: 'not a url' })).rejects.toThrow(/not an absolute URL/);
    await env.close();
  });
});
