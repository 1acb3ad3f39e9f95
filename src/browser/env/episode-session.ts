import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EnvironmentError } from '../../core/errors.js';
import { logger } from '../../core/logger.js';
import type { Action } from '../../core/schemas/action.js';
import { emptySiteState, type EpisodeState, type Reply } from '../../core/schemas/episode-state.js';
import { OBSERVATION_SCHEMA_VERSION, type Observation, type TabInfo } from '../../core/schemas/observation.js';
import type { BlockedRequest, StepInfo, StepResult, StepTimings } from '../../core/schemas/step-info.js';
import { ActionError } from '../execute/action-error.js';
import { executeAction, isClosedError, type ExecutionContext, type ExecutionOutcome } from '../execute/execute-action.js';
import { plainText } from '../execute/plain-text.js';
import { cdpFor } from '../observation/cdp-sessions.js';
import { observePage, type PageObservation } from '../observation/observe-page.js';
import { pageRuntimeSource, type MarkResult } from '../observation/page-runtime.js';
import { beginAction, evaluateInPage } from '../observation/runtime-calls.js';
import { estimateTokens } from '../observation/tokens.js';
import { toAction } from './action-input.js';
import { CrashWatch } from './crash-watch.js';
import { dialogLine, Dialogs } from './dialogs.js';
import type { EpisodeBackend } from './episode-backend.js';
import { EnvCrashedError } from './errors.js';
import { NetworkTracker } from './network-tracker.js';
import type { ResolvedEnvOptions } from './options.js';
import { NetworkGuard, type BlockedEvent } from './origin-guard.js';
import { settle, type SettleOutcome } from './settle.js';
import { Tabs } from './tabs.js';

const log = logger('browser:episode');

/** One step as the env recorded it, failed ones included. */
export type StepRecord = { action: Action | null; input: string; error?: string; timings: StepTimings };

type Settled = { settled: boolean; mark?: MarkResult };

/** What a session needs to start an episode. */
export type EpisodeStart = { url: string; id?: string; siteId?: string; allowed: string[] };

/** Actions that only talk to the env or the user: no page timers to attribute to them. */
const ENV_ONLY_ACTIONS = new Set<Action['type']>(['send_msg_to_user', 'report_infeasible', 'stop', 'noop', 'new_tab', 'tab_focus', 'tab_close']);

/**
 * A browser context and what one episode did in it: tabs, dialogs, blocked requests, step
 * history. Everything a step touches hangs off the session, never off the env, so a step
 * abandoned after a crash (its Playwright calls may resolve much later) only ever touches its own
 * context, which is then closed for good.
 *
 * A healthy session is reused for the next episode: opening a context and its first page costs a
 * new renderer process (~300 ms here), while scrubbing the old one costs ~20 ms. Scrubbing
 * dismisses open dialogs, closes every tab but one, clears cookies, permissions and the storage
 * of every origin the episode reached, resets window.name and the tab's history. The HTTP cache
 * is kept: it holds no episode state.
 */
export class EpisodeSession {
  watch = new CrashWatch();
  readonly history: StepRecord[] = [];
  readonly blocked: BlockedRequest[] = [];
  /** What the agent told the user in this episode (BrowserGym's chat messages), in order. */
  readonly replies: Reply[] = [];
  id: string | undefined;
  siteId: string | undefined;
  done = false;
  private readonly blockedEvents: BlockedEvent[] = [];
  private blockedReported = 0;
  private closing = false;
  private used = false;
  private readonly tabs: Tabs;
  private readonly trackers = new WeakMap<Page, NetworkTracker>();
  private readonly network: NetworkGuard;
  private readonly dialogs = new Dialogs();
  /** The last observation of each tab: what shows beneath a dialog that blocks the page. */
  private readonly lastSeen = new WeakMap<Page, PageObservation>();
  /** Per tab, what the last settle knew of the popups its document asked for (see settleActive). */
  private readonly popupLedger = new WeakMap<Page, { doc: string; opened: number; seen: number }>();
  /** http(s) origins the current episode loaded something from: their storage is scrubbed. */
  private readonly touched = new Set<string>();
  readonly runtimeSource: string;

  private constructor(
    readonly browser: Browser,
    private readonly context: BrowserContext,
    private readonly options: ResolvedEnvOptions,
  ) {
    this.runtimeSource = pageRuntimeSource(options.settleWindowMs);
    this.network = new NetworkGuard({
      onBlocked: (e) => {
        this.blockedEvents.push(e);
        const { page: _page, topLevel: _top, ...recorded } = e;
        this.blocked.push(recorded);
      },
      onAllowed: (url) => {
        if (/^https?:/.test(url)) this.touched.add(new URL(url).origin);
      },
    });
    this.tabs = new Tabs((page) => this.adopt(page));
    context.on('page', (p) => this.tabs.adopt(p, true));
    // Only we close a context; otherwise the browser went away (it may still look connected for
    // a moment: its children can hold the pipe open after the main process is killed).
    context.on('close', () => {
      if (!this.closing) this.watch.fail(new EnvCrashedError('browser-disconnected', 'the browser disconnected (it crashed, was killed or was closed)'));
    });
  }

  /** A new context with the page runtime and the network guard in place (no page yet). */
  static async create(browser: Browser, options: ResolvedEnvOptions): Promise<EpisodeSession> {
    const context = await browser.newContext({ viewport: options.viewport, acceptDownloads: false, serviceWorkers: 'block', locale: 'en-US' });
    const session = new EpisodeSession(browser, context, options);
    await Promise.all([context.addInitScript({ content: session.runtimeSource }), session.network.install(context)]);
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
    this.network.urls.set(episode.allowed);
    this.network.reset();
    this.watch = new CrashWatch();
    this.history.length = 0;
    this.blocked.length = 0;
    this.replies.length = 0;
    this.blockedEvents.length = 0;
    this.blockedReported = 0;
    this.done = false;
    this.id = episode.id;
    this.siteId = episode.siteId;
  }

  /** The active tab. */
  get page(): Page | undefined {
    return this.tabs.current;
  }

  /** Opens the episode's first page and observes it. A page that fails to load is an observation with an error, not a throw. */
  async start(url: string): Promise<Observation> {
    const page = this.used ? await this.dialogs.whileLeaving(() => this.scrub()) : await this.context.newPage();
    this.used = true;
    this.tabs.adopt(page, true);
    await this.network.guardPage(page, true);
    let error: string | null = null;
    // A backend's start page that does not load is the site server's failure, not something for the agent to see.
    const backendStart = this.siteId !== undefined;
    // The start URL carries the episode's ticket: errors name the page without it.
    const shown = backendStart ? url.replace(/\?.*$/, '') : url;
    try {
      // The previous episode's page may ask "Leave site?": it is left.
      const response = await this.dialogs.whileLeaving(() => page.goto(url, { waitUntil: 'load', timeout: this.options.navigationTimeoutMs }));
      const status = response?.status() ?? 0;
      if (backendStart && status >= 400) {
        throw new EnvironmentError(`the site server refused the episode's start page ${shown} (HTTP ${status})`, { hint: 'the backend must create the episode and return its start URL (with its ticket) from the site server' });
      }
    } catch (err) {
      if (err instanceof EnvironmentError) throw err;
      this.rethrowIfCrashed(err);
      error = `opening ${shown} failed: ${plainText((err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '').split(url).join(shown)}`;
      if (backendStart) throw new EnvironmentError(`the site server did not serve the episode's start page: ${error}`, { cause: err, hint: 'check that the site server is up' });
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
    const blockedBefore = this.blockedEvents.length;
    if (action && this.done) {
      error = 'the episode is over (it ended with stop or report_infeasible); call reset() to start another';
    } else if (action) {
      try {
        const ctx = await this.executionContext();
        if (!ENV_ONLY_ACTIONS.has(action.type) && !this.dialogs.isOpen(ctx.page)) {
          // Timers the page schedules from now on are this action's (see runtime-activity.ts).
          await beginAction(ctx.page, this.options.settleWindowMs).catch(() => undefined);
        }
        outcome = await executeAction(ctx, action);
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
      if (error === undefined) this.recordReply(action, this.history.length);
      const blocked = this.blockedNavigation(blockedBefore);
      if (blocked) error = error === undefined || /blocked|refused/.test(error) ? blocked : `${blocked}; ${error}`;
    }
    if (!action) tAction = tSettle = performance.now();
    if (error !== undefined) error = plainText(error);
    const observation = await this.buildObservation(error ?? null, mark);
    const tObserve = performance.now();
    const state = backend && this.id && this.siteId ? withReplies(await backend.snapshot(this.id), this.siteId, this.replies) : undefined;
    if (backend && this.id && this.siteId && !state) {
      throw new EnvironmentError(`the site server no longer knows episode "${this.id}": its state is lost`, { hint: 'the server was restarted, or the episode was deleted or evicted' });
    }
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

  /** A message to the user joins the episode's chat: stop's answer and send_msg_to_user's text as the assistant's, report_infeasible's reason as giving up. */
  private recordReply(action: Action, step: number): void {
    if (action.type === 'send_msg_to_user') this.replies.push({ role: 'assistant', text: action.text, step });
    else if (action.type === 'stop' && action.answer !== undefined) this.replies.push({ role: 'assistant', text: action.answer, step });
    else if (action.type === 'report_infeasible') this.replies.push({ role: 'infeasible', text: action.reason, step });
  }

  /** A fresh observation of the active tab without acting. */
  observe(): Promise<Observation> {
    return this.buildObservation(null, undefined);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.browser.isConnected()) await this.context.close().catch(() => undefined);
  }

  /** A tab's navigation the guard blocked during this step, worded for the agent (it names the URL). */
  private blockedNavigation(since: number): string | undefined {
    const e = this.blockedEvents.slice(since).find((b) => b.topLevel && (b.page === undefined || this.tabs.pages.includes(b.page)));
    if (!e) return undefined;
    const why = e.reason ?? 'it is not allowed in this episode';
    return e.redirectedFrom !== undefined ? `${e.redirectedFrom} redirected to ${e.url}, which was blocked: ${why}` : `the navigation to ${e.url} was blocked: ${why}`;
  }

  private async executionContext(): Promise<ExecutionContext> {
    return {
      page: await this.activePage(),
      newTab: async () => {
        const page = await this.context.newPage();
        await this.network.guardPage(page, true);
        this.tabs.adopt(page, true);
      },
      focusTab: async (index) => {
        await this.tabs.focus(index);
      },
      closeTab: async () => {
        await this.tabs.current?.close();
        // An episode always has a tab to observe, as in BrowserGym.
        if (!this.tabs.current) {
          const page = await this.context.newPage();
          await this.network.guardPage(page, true);
          this.tabs.adopt(page, true);
        }
      },
      actionTimeoutMs: this.options.actionTimeoutMs,
      navigationTimeoutMs: this.options.navigationTimeoutMs,
      urls: this.network.urls,
      dialogs: this.dialogs,
      uploadDir: this.options.uploadDir,
    };
  }

  private async activePage(): Promise<Page> {
    const current = this.tabs.current;
    if (current && !current.isClosed()) return current;
    const page = await this.context.newPage();
    await this.network.guardPage(page, true);
    this.tabs.adopt(page, true);
    return page;
  }

  /**
   * Settles the active tab. When its document asked for tabs the env has not seen yet, waits for
   * them (the newest becomes active) and settles that one instead. Tabs already open are never
   * waited for: the page's own count of tabs it opened is compared with the popups Playwright
   * reported since the previous settle.
   */
  private async settleActive(frames: number): Promise<Settled> {
    const deadline = performance.now() + this.options.settleTimeoutMs;
    const page = await this.activePage();
    const s = await this.settleOne(page, frames, this.options.settleTimeoutMs);
    if (s.dialog) return { settled: true };
    const expected = this.expectedPopups(page, s);
    const appeared = expected <= this.tabs.popupsOf(page) || (await this.tabs.waitForPopups(page, expected, Math.min(this.options.popupWaitMs, Math.max(0, deadline - performance.now()))));
    // From now on these opens are accounted for, whether their tabs came or not.
    if (s.doc !== '') this.popupLedger.set(page, { doc: s.doc, opened: s.opened, seen: this.tabs.popupsOf(page) });
    if (this.tabs.current === page) return appeared ? s : { settled: s.settled };
    const next = await this.settleOne(await this.activePage(), 0, Math.max(1, deadline - performance.now()));
    return { settled: next.settled && appeared, ...(next.mark ? { mark: next.mark } : {}) };
  }

  /**
   * How many popups this tab should have opened by now: those seen at the previous settle plus
   * what its document opened since (a new document counts from zero).
   */
  private expectedPopups(page: Page, s: SettleOutcome): number {
    if (s.doc === '') return this.tabs.popupsOf(page);
    const prev = this.popupLedger.get(page);
    const newOpens = prev && prev.doc === s.doc ? s.opened - prev.opened : s.opened;
    return (prev?.seen ?? 0) + Math.max(0, newOpens);
  }

  private async settleOne(page: Page, frames: number, timeoutMs: number): Promise<SettleOutcome> {
    try {
      return await settle(page, this.trackers.get(page)!, this.dialogs, { quietMs: this.options.quietMs, timeoutMs, readyTimeoutMs: Math.max(timeoutMs, this.options.readyTimeoutMs), runtimeSource: this.runtimeSource }, frames);
    } catch (err) {
      this.rethrowUnlessPageClosed(err);
      return { settled: true, opened: 0, doc: '' };
    }
  }

  private async buildObservation(error: string | null, mark: MarkResult | undefined): Promise<Observation> {
    const o = this.options;
    for (let attempt = 0; ; attempt++) {
      const page = await this.activePage();
      try {
        const dialog = this.dialogs.info(page);
        let po: PageObservation;
        if (dialog) {
          // The page is frozen until the dialog is answered: show it over the page as last seen.
          const last = this.lastSeen.get(page);
          const axtree = [dialogLine(dialog), last?.axtree ?? ''].filter(Boolean).join('\n');
          po = {
            url: page.url(),
            title: last?.title ?? '',
            axtree,
            focusedBid: null,
            scroll: last?.scroll ?? { x: 0, y: 0, viewportWidth: o.viewport.width, viewportHeight: o.viewport.height, pageWidth: o.viewport.width, pageHeight: o.viewport.height },
            tokens: estimateTokens(axtree),
            bids: last?.bids ?? [],
          };
        } else {
          po = await this.dialogSafe(page, () => observePage(page, { mode: o.mode, maxTextLength: o.maxTextLength, screenshot: o.screenshot, properties: o.properties, html: o.html, runtimeSource: this.runtimeSource }, attempt === 0 ? mark : undefined));
          this.lastSeen.set(page, po);
        }
        const tabs = await Promise.all(this.tabs.pages.map((p, index) => this.tabInfo(p, index, p === page ? po : undefined)));
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
        if (po.html !== undefined) obs.html = po.html;
        if (po.elements) obs.elements = po.elements;
        if (dialog) obs.dialog = dialog;
        return obs;
      } catch (err) {
        this.rethrowIfCrashed(err);
        // The page navigated, closed or opened a dialog between settling and observing: look again, a few times.
        if (attempt >= 3) throw err;
        log.debug('observe retry', { err: String(err) });
      }
    }
  }

  /** Work in a tab that a dialog may freeze: a dialog opening makes it fail (to be retried). */
  private async dialogSafe<T>(page: Page, work: () => Promise<T>): Promise<T> {
    const r = await this.dialogs.race(page, work());
    if (r.dialog) throw new Error('a dialog opened while observing');
    return r.value;
  }

  private async tabInfo(p: Page, index: number, current: PageObservation | undefined): Promise<TabInfo> {
    if (current) return { index, url: current.url, title: current.title };
    // A tab frozen by a dialog cannot be asked for its title.
    const title = this.dialogs.isOpen(p) ? (this.lastSeen.get(p)?.title ?? '') : await p.title().catch(() => '');
    return { index, url: p.url(), title };
  }

  /** Per page: requests in flight for settling, dialogs, the redirect guard, and crash reporting. */
  private adopt(page: Page): void {
    this.trackers.set(page, new NetworkTracker(page));
    this.dialogs.watch(page);
    void this.network.guardPage(page);
    page.on('framenavigated', (frame) => void this.network.guardFrame(page, frame));
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

/**
 * The snapshot with the episode's replies on the site it started on (the task's site), where
 * evaluation reads a question's answer. The site server never sees them: BrowserGym keeps the
 * chat in the env too.
 */
function withReplies(state: EpisodeState | undefined, siteId: string, replies: readonly Reply[]): EpisodeState | undefined {
  if (!state || replies.length === 0) return state;
  const site = state.sites[siteId] ?? emptySiteState(siteId);
  return { ...state, sites: { ...state.sites, [siteId]: { ...site, replies: [...replies] } } };
}
