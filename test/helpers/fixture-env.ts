import { afterAll, beforeAll } from 'vitest';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import type { BrowserEnvOptions } from '../../src/browser/env/options.js';
import { closeBrowser, sharedBrowser } from './browser.js';
import { startStaticServer, type StaticServer } from './static-server.js';

/**
 * Registers beforeAll/afterAll hooks that serve test/fixtures over http on 127.0.0.1 (`site`)
 * and on localhost (`partner`, another site to Chromium, for cross-site iframes), and close
 * them and the shared browser after the file.
 */
export function useFixtureServers(): { site: () => StaticServer; partner: () => StaticServer } {
  let site: StaticServer | undefined;
  let partner: StaticServer | undefined;
  beforeAll(async () => {
    site = await startStaticServer();
    partner = await startStaticServer({ host: 'localhost' });
  });
  afterAll(async () => {
    await closeBrowser();
    await site?.close();
    await partner?.close();
  });
  const get = (s: StaticServer | undefined) => {
    if (!s) throw new Error('the fixture servers are not started yet');
    return s;
  };
  return { site: () => get(site), partner: () => get(partner) };
}

/** An env in the shared browser for the duration of `run`. */
export async function withEnv<T>(options: BrowserEnvOptions, run: (env: BrowserEnv) => Promise<T>): Promise<T> {
  const env = new BrowserEnv({ browser: await sharedBrowser(), ...options });
  try {
    return await run(env);
  } finally {
    await env.close();
  }
}

/** The test's own lookup of an element's bid (it may not show in the observation): not an agent's. */
export type BidOf = (selector: string) => Promise<string>;

/** An env reset on a fixture page of `site`, with `bidOf` for the test. */
export function onPage(site: StaticServer, path: string, run: (env: BrowserEnv, bidOf: BidOf) => Promise<void>, options: BrowserEnvOptions = {}): Promise<void> {
  return withEnv(options, async (env) => {
    await env.reset({ url: site.url(path) });
    const bidOf: BidOf = async (selector) => String(await env.page!.evaluate(`document.querySelector(${JSON.stringify(selector)}).getAttribute('data-wf-bid')`));
    await run(env, bidOf);
  });
}
