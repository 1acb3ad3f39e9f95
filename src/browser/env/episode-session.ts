import type { Browser, BrowserContext, Page } from 'playwright-core';
import { logger } from '../../core/logger.js';
import type { Action } from '../../core/schemas/action.js';
import { OBSERVATION_SCHEMA_VERSION, type Observation } from '../../core/schemas/observation.js';
import type { BlockedRequest, StepInfo, StepResult, StepTimings } from '../../core/schemas/step-info.js';
import { ActionError } from '../execute/action-error.js';
import { executeAction, isClosedError, type ExecutionContext, type ExecutionOutcome } from '../execute/execute-action.js';
import { observePage } from '../observation/observe-page.js';
import { cdpFor } from '../observation/cdp-sessions.js';
import { PAGE_RUNTIME_SOURCE, type MarkResult } from '../observation/page-runtime.js';
import { evaluateInPage } from '../observation/runtime-calls.js';
import { toAction } from './action-input.js';
import { CrashWatch } from './crash-watch.js';
import type { EpisodeBackend } from './episode-backend.js';
import { EnvCrashedError } from './errors.js';
import { NetworkTracker } from './network-tracker.js';
import { OriginGuard, installGuard } from './origin-guard.js';
import type { ResolvedEnvOptions } from './options.js';
import { settle } from './settle.js';
import { Tabs } from './tabs.js';

const log = logger('browser:episode');

/** One step as the env recorded it, failed ones included. */
export type StepRecord = { action: Action | null; input: string; error?: string; timings: StepTimings };

type Settled = { settled: boolean; mark?: MarkResult };

/** What a session needs to start an episode. */
export type EpisodeStart = { url: string; id?: string; siteId?: string; allowed: string[] };

/**
 * A browser context and what one episode did in it: tabs, blocked requests, step history.
 * Everything a step touches hangs off the session, never off the env, so a step abandoned after
 * a crash (its Playwright calls may resolve much later) only ever touches its own context, which
 * is then closed for good.
 *
 * A healthy session is reused for the next episode: opening a context and its first page costs a
 * new renderer process (~300 ms here), while scrubbing the old one costs ~20 ms. Scrubbing
 * closes every tab but one, clears cookies, permissions and the storage of every origin the
 * episode reached, resets window.name and the tab's history. The HTTP cache is kept: it holds
 * no episode state.
 */
export class EpisodeSession {
  watch = new CrashWatch();
  readonly history: StepRecord[] = [];
  readonly blocked: BlockedRequest[] = [];
  id: string | undefined;
  siteId: string | undefined;
  done = false;
  private blockedReported = 0;
  private closing = false;
  private used = false;
  private readonly tabs: Tabs;
  private readonly trackers = new WeakMap<Page, NetworkTracker>();
  private readonly guard = new OriginGuard();
  /** http(s) origins the current episode loaded something from: their storage is scrubbed. */
  private readonly touched = new Set<string>();

  private constructor(
    readonly browser: Browser,
    private readonly context: BrowserContext,
    private readonly options: ResolvedEnvOptions,
  ) {
    this.tabs = new Tabs((page) => this.adopt(page));
    context.on('page', (p) => this.tabs.adopt(p, true));
    // Only we close a context; otherwise the browser went away (it may still look connected for
    // a moment: its children can hold the pipe open after the main process is killed).
    context.on('close', () => {
      if (!this.closing) this.watch.fail(new EnvCrashedError('browser-disconnected', 'the browser disconnected (it crashed, was killed or was closed)'));
    });
  }

  /** A new context with the page runtime and the origin guard in place (no page yet). */
  static async create(browser: Browser, options: ResolvedEnvOptions): Promise<EpisodeSession> {
    const context = await browser.newContext({ viewport: options.viewport, acceptDownloads: false, serviceWorkers: 'block', locale: 'en-US' });
    const session = new EpisodeSession(browser, context, options);
    await Promise.all([
      context.addInitScript({ content: PAGE_RUNTIME_SOURCE }),
      installGuard(
        context,
        session.guard,
        (r) => session.blocked.push(r),
        (url) => {
          if (/^https?:/.test(url)) session.touched.add(new URL(url).origin);
        },
      ),
    ]);
    return session;
  }

  /** Whether the next episode may run in this context: it is healthy and in `browser`. */
  reusableIn(browser: Browser): boolean {
    return !this.closing && !this.watch.crashed && this.browser === browser && browser.isConnected() && this.tabs.pages.some((p) => !p.isClosed());
  }

  /**
   * Makes the session the given episode's, synchronously (a new crash watch, empty history); then
   * start() opens its first page.
   */
  prepare(episode: EpisodeStart): void {
    this.watch = new CrashWatch();
    this.history.length = 0;
    this.blocked.length = 0;
    this.blockedReported = 0;
    this.done = false;
    this.id = episode.id;
    this.siteId = episode.siteId;
    this.guard.set(episode.allowed);
  }

  /** The active tab. */
  get page(): Page | undefined {
    return this.tabs.current;
  }

  /** Opens the episode's first page and observes it. A page that fails to load is an observation with an error, not a throw. */
  async start(url: string): Promise<Observation> {
    const page = this.used ? await this.scrub() : await this.context.newPage();
    this.used = true;
    this.tabs.adopt(page, true);
    let error: string | null = null;
    try {
      await page.goto(url, { waitUntil: 'load', timeout: this.options.navigationTimeoutMs });
    } catch (err) {
      this.rethrowIfCrashed(err);
      error = `opening ${url} failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`;
    }
    // The previous episode's pages must not be one go_back away.
    await (await cdpFor(page)).send('Page.resetNavigationHistory').catch((err: unknown) => this.rethrowIfCrashed(err));
    const s = await this.settleActive(0);
    return this.buildObservation(error, s.mark);
  }

  /** Leaves one tab and no state of the previous episode; returns the tab to reuse. */
  private async scrub(): Promise<Page> {
    const [keep, ...others] = this.tabs.pages.filter((p) => !p.isClosed());
    await Promise.all(others.map((p) => p.close().catch(() => undefined)));
    const page = keep ?? (await this.context.newPage());
    const cdp = await cdpFor(page);
    const origins = [...this.touched];
    this.touched.clear();
    await Promise.all([
      // window.name survives same-site navigations: a channel between episodes otherwise.
      evaluateInPage(page, `window.name = ''`).catch(() => undefined),
      this.context.clearCookies(),
      this.context.clearPermissions(),
      ...origins.flatMap((origin) => [
        cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' }),
        cdp.send('DOMStorage.clear', { storageId: { securityOrigin: origin, isLocalStorage: false } }).catch(() => undefined),
      ]),
    ]);
    return page;
  }

  async step(input: Action | string, backend: EpisodeBackend | undefined): Promise<StepResult> {
    const t0 = performance.now();
    const parsed = toAction(input);
    const action = parsed.ok ? parsed.action : null;
    let error: string | undefined = parsed.ok ? undefined : parsed.error;
    let outcome: ExecutionOutcome = { done: false, settleFrames: 0 };
    let settled = true;
    let mark: MarkResult | undefined;
    let tAction = t0;
    let tSettle = t0;
    if (action && this.done) {
      error = 'the episode is over (it ended with stop or report_infeasible); call reset() to start another';
    } else if (action) {
      try {
        outcome = await executeAction(await this.executionContext(), action);
      } catch (err) {
        if (err instanceof ActionError) error = err.message;
        else this.rethrowUnlessPageClosed(err);
      }
      tAction = performance.now();
      const s = await this.settleActive(outcome.settleFrames);
      settled = s.settled;
      mark = s.mark;
      tSettle = performance.now();
      if (outcome.done) this.done = true;
    }
    if (!action) tAction = tSettle = performance.now();
    const observation = await this.buildObservation(error ?? null, mark);
    const tObserve = performance.now();
    const state = backend && this.id && this.siteId ? await backend.snapshot(this.id) : undefined;
    const timings: StepTimings = {
      actionMs: tAction - t0,
      settleMs: tSettle - tAction,
      observeMs: tObserve - tSettle,
      totalMs: performance.now() - t0,
    };
    // Everything blocked since the previous step returned (the first step also reports reset's).
    const info: StepInfo = { action, settled, timings, blockedRequests: this.blocked.slice(this.blockedReported) };
    this.blockedReported = this.blocked.length;
    if (error !== undefined) info.error = error;
    if (state) info.state = state;
    if (outcome.message !== undefined) info.message = outcome.message;
    this.history.push({ action, input: typeof input === 'string' ? input : JSON.stringify(input), ...(error === undefined ? {} : { error }), timings });
    return { observation, done: this.done, info };
  }

  /** A fresh observation of the active tab without acting. */
  observe(): Promise<Observation> {
    return this.buildObservation(null, undefined);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.browser.isConnected()) await this.context.close().catch(() => undefined);
  }

  private async executionContext(): Promise<ExecutionContext> {
    return {
      page: await this.activePage(),
      newTab: async () => {
        this.tabs.adopt(await this.context.newPage(), true);
      },
      focusTab: async (index) => {
        await this.tabs.focus(index);
      },
      closeTab: async () => {
        await this.tabs.current?.close();
        // An episode always has a tab to observe, as in BrowserGym.
        if (!this.tabs.current) this.tabs.adopt(await this.context.newPage(), true);
      },
      actionTimeoutMs: this.options.actionTimeoutMs,
      navigationTimeoutMs: this.options.navigationTimeoutMs,
    };
  }

  private async activePage(): Promise<Page> {
    const current = this.tabs.current;
    if (current && !current.isClosed()) return current;
    const page = await this.context.newPage();
    this.tabs.adopt(page, true);
    return page;
  }

  /**
   * Settles the active tab. When the page asked for new tabs meanwhile, waits for them to appear
   * (the newest becomes active) and settles that one instead.
   */
  private async settleActive(frames: number): Promise<Settled> {
    const deadline = performance.now() + this.options.settleTimeoutMs;
    const page = await this.activePage();
    const before = this.tabs.pages.length;
    const s = await this.settleOne(page, frames, this.options.settleTimeoutMs);
    if (s.popups === 0) return s;
    const appeared = await this.tabs.waitForCount(before + s.popups, Math.min(2000, Math.max(0, deadline - performance.now())));
    if (this.tabs.current === page) return appeared ? s : { settled: s.settled };
    const next = await this.settleOne(await this.activePage(), 0, Math.max(1, deadline - performance.now()));
    return { settled: next.settled && appeared, ...(next.mark ? { mark: next.mark } : {}) };
  }

  private async settleOne(page: Page, frames: number, timeoutMs: number): Promise<Settled & { popups: number }> {
    try {
      return await settle(page, this.trackers.get(page)!, { quietMs: this.options.quietMs, timeoutMs }, frames);
    } catch (err) {
      this.rethrowUnlessPageClosed(err);
      return { settled: true, popups: 0 };
    }
  }

  private async buildObservation(error: string | null, mark: MarkResult | undefined): Promise<Observation> {
    const o = this.options;
    for (let attempt = 0; ; attempt++) {
      const page = await this.activePage();
      try {
        const po = await observePage(page, { mode: o.mode, maxTextLength: o.maxTextLength, screenshot: o.screenshot }, attempt === 0 ? mark : undefined);
        const tabs = await Promise.all(
          this.tabs.pages.map(async (p, index) =>
            p === page ? { index, url: po.url, title: po.title } : { index, url: p.url(), title: await p.title().catch(() => '') },
          ),
        );
        const obs: Observation = {
          schemaVersion: OBSERVATION_SCHEMA_VERSION,
          url: po.url,
          title: po.title,
          tabs,
          activeTab: this.tabs.active,
          mode: o.mode,
          axtree: po.axtree,
          focusedBid: po.focusedBid,
          scroll: po.scroll,
          lastActionError: error,
          tokens: po.tokens,
        };
        if (po.screenshot) obs.screenshot = po.screenshot;
        return obs;
      } catch (err) {
        this.rethrowIfCrashed(err);
        // The page navigated or closed between settling and observing: look again, a few times.
        if (attempt >= 3) throw err;
        log.debug('observe retry', { err: String(err) });
      }
    }
  }

  /** Per page: requests in flight for settling, and crash reporting. */
  private adopt(page: Page): void {
    this.trackers.set(page, new NetworkTracker(page));
    page.on('crash', () => this.watch.fail(new EnvCrashedError('page-crashed', `the page crashed (${page.url()})`)));
  }

  /** A Playwright failure caused by a crash or a dead browser becomes EnvCrashedError. */
  private rethrowIfCrashed(err: unknown): void {
    if (this.watch.crashed) throw this.watch.crashed;
    let crash: EnvCrashedError | undefined;
    const m = err instanceof Error ? err.message : String(err);
    if (!this.browser.isConnected()) crash = new EnvCrashedError('browser-disconnected', 'the browser disconnected (it crashed or was killed)', { cause: err });
    else if (/crash/i.test(m)) crash = new EnvCrashedError('page-crashed', `the page crashed: ${m.split('\n')[0]}`, { cause: err });
    if (crash) {
      this.watch.fail(crash);
      throw this.watch.crashed;
    }
  }

  /** A tab that closed itself during an action is not an error; anything else unexpected propagates. */
  private rethrowUnlessPageClosed(err: unknown): void {
    this.rethrowIfCrashed(err);
    if (isClosedError(err) && !this.closing) return;
    throw err;
  }
}
