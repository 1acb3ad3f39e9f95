import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { InvalidInputError } from '../../core/errors.js';
import type { Action } from '../../core/schemas/action.js';
import type { Observation } from '../../core/schemas/observation.js';
import type { BlockedRequest, StepResult } from '../../core/schemas/step-info.js';
import { launchChromium } from '../chromium.js';
import { EpisodeSession, type EpisodeStart, type StepRecord } from './episode-session.js';
import { isClosedError } from '../execute/execute-action.js';
import { EnvCrashedError } from './errors.js';
import { resolveEnvOptions, type BrowserEnvOptions, type ResolvedEnvOptions } from './options.js';
import { UrlGuard } from './url-policy.js';

export type { StepRecord } from './episode-session.js';

/**
 * Where an episode starts: an http(s) URL (its origin is allowed), a data: URL (data: is then
 * allowed in the episode), about:blank, or a site of the attached backend. file: is refused.
 * A site episode gets a random id unless given one; an id the backend has already is refused
 * unless `replace` (it starts over, empty).
 */
/**
 * A URL, or a site episode (with, for tasks about existing bookings, the fixtures it starts with:
 * passed to the backend as they are).
 */
export type ResetTarget = { url: string } | { siteId: string; episodeId?: string; replace?: boolean; fixtures?: unknown };

/**
 * A BrowserGym-style environment over Playwright and Chromium: reset() opens an episode in a
 * fresh browser context, step() executes one action, waits for the page to settle and returns
 * the new observation. Agent mistakes (unparseable text, unknown bid, covered element) come back
 * as observation.lastActionError; a crashed page, a dead browser or a hung page throws
 * EnvCrashedError, and reset() starts over (relaunching the browser when the env owns it).
 */
export class BrowserEnv {
  readonly options: ResolvedEnvOptions;
  private ownBrowser: Browser | undefined;
  private session: EpisodeSession | undefined;

  constructor(options: BrowserEnvOptions = {}) {
    this.options = resolveEnvOptions(options);
    try {
      new UrlGuard(this.options.allowOrigins);
    } catch (err) {
      throw new InvalidInputError(`allowOrigins: ${(err as Error).message}`, { hint: "list http(s) origins, and 'data:' to allow data: URLs" });
    }
  }

  /** The current episode's id (generated for site targets without one). */
  get episodeId(): string | undefined {
    return this.session?.id;
  }

  /** The active tab, for callers that need Playwright directly (tests, demos). */
  get page(): Page | undefined {
    return this.session?.page;
  }

  /** Every step of the current episode, in order, failed ones included. */
  get history(): readonly StepRecord[] {
    return this.session?.history ?? [];
  }

  /** Every request blocked in the current episode. */
  get blockedRequests(): readonly BlockedRequest[] {
    return this.session?.blocked ?? [];
  }

  async reset(target: ResetTarget): Promise<Observation> {
    const episode = await this.resolveTarget(target);
    let browser = await this.liveBrowser();
    let session = this.session;
    if (!session || !this.options.reuseContext || !session.reusableIn(browser)) {
      this.session = undefined;
      await session?.close();
      try {
        session = await EpisodeSession.create(browser, this.options);
      } catch (err) {
        // A browser that died a moment ago can still claim to be connected: get another, once.
        if (!isClosedError(err)) throw err;
        browser = await this.liveBrowser(browser);
        session = await EpisodeSession.create(browser, this.options);
      }
    }
    this.session = session;
    session.prepare(episode);
    return session.watch.guard(session.start(episode.url), this.options.stepTimeoutMs, 'reset');
  }

  async step(input: Action | string): Promise<StepResult> {
    const s = this.requireSession();
    return s.watch.guard(s.step(input, this.options.backend), this.options.stepTimeoutMs, 'step');
  }

  /** A fresh observation of the active tab without acting. */
  async observe(): Promise<Observation> {
    const s = this.requireSession();
    return s.watch.guard(s.observe(), this.options.stepTimeoutMs, 'observe');
  }

  async close(): Promise<void> {
    await this.session?.close();
    this.session = undefined;
    if (this.ownBrowser) {
      await this.ownBrowser.close().catch(() => undefined);
      this.ownBrowser = undefined;
    }
  }

  private async resolveTarget(target: ResetTarget): Promise<EpisodeStart> {
    const extra = this.options.allowOrigins;
    if ('url' in target) {
      let u: URL;
      try {
        u = new URL(target.url);
      } catch {
        throw new InvalidInputError(`reset: ${JSON.stringify(target.url)} is not an absolute URL`, { hint: 'give http(s)://..., data:... or about:blank' });
      }
      const own = u.protocol === 'data:' ? ['data:'] : /^https?:$/.test(u.protocol) ? [u.origin] : [];
      const allowed = [...own, ...extra];
      const verdict = new UrlGuard(allowed).check(u.href);
      if (!verdict.ok) {
        throw new InvalidInputError(`reset: ${JSON.stringify(target.url.slice(0, 200))} is refused: ${verdict.reason}`, { hint: 'serve local pages over http, e.g. a static server on 127.0.0.1:0' });
      }
      return { url: u.href, allowed };
    }
    const backend = this.options.backend;
    if (!backend) throw new InvalidInputError(`reset: site "${target.siteId}" needs an env with a backend`, { hint: 'pass { backend } to new BrowserEnv()' });
    const id = target.episodeId ?? `${this.options.episodePrefix}-${randomUUID()}`;
    const url = await backend.startEpisode(target.siteId, id, { replace: target.replace ?? false, ...(target.fixtures !== undefined ? { fixtures: target.fixtures } : {}) });
    return { url, id, siteId: target.siteId, allowed: [...backend.allowedOrigins, ...extra] };
  }

  /** The browser to open the next context in; `dead` is one that just failed to open one. */
  private async liveBrowser(dead?: Browser): Promise<Browser> {
    const given = this.options.browser;
    let browser: Browser;
    if (typeof given === 'function') browser = await given(dead);
    else if (given) browser = given;
    else {
      if (dead && dead === this.ownBrowser) {
        void dead.close().catch(() => undefined);
        this.ownBrowser = undefined;
      }
      if (!this.ownBrowser?.isConnected()) this.ownBrowser = await launchChromium();
      browser = this.ownBrowser;
    }
    if (!browser.isConnected()) throw new EnvCrashedError('browser-disconnected', 'the browser given to the env has disconnected');
    return browser;
  }

  private requireSession(): EpisodeSession {
    if (!this.session) throw new InvalidInputError('no episode: call reset() first');
    if (this.session.watch.crashed) throw this.session.watch.crashed;
    return this.session;
  }
}
