import type { Browser } from 'playwright-core';
import type { ObservationMode } from '../../core/schemas/observation.js';
import type { ScreenshotOption } from '../observation/observe-page.js';
import type { EpisodeBackend } from './episode-backend.js';

/**
 * Hands out a live browser. `dead` is one the env found unusable (a context would not open):
 * the provider must not hand it out again.
 */
export type BrowserProvider = (dead?: Browser) => Promise<Browser>;

export type BrowserEnvOptions = {
  /**
   * Where contexts are opened: a browser, or a function returning a live one (EnvPool shares one
   * browser this way and relaunches it). Without it the env launches its own Chromium and
   * relaunches it on reset() after it died.
   */
  browser?: Browser | BrowserProvider;
  /** The site server, for reset({ siteId }) and info.state. */
  backend?: EpisodeBackend;
  /** Origins (or schemes such as 'file:') allowed in every episode on top of the target's own. */
  allowOrigins?: readonly string[];
  /** 'viewport' (default) or 'full'. */
  mode?: ObservationMode;
  /** Screenshot with every observation: inline, or to a directory; with or without set-of-marks. */
  screenshot?: ScreenshotOption;
  /** Cut names and texts longer than this (default 160 characters). */
  maxTextLength?: number;
  viewport?: { width: number; height: number };
  /** DOM quiet window that counts as settled (default 25 ms). */
  quietMs?: number;
  /** Bound on settling after an action (default 5,000 ms). */
  settleTimeoutMs?: number;
  /** Bound on an element becoming actionable (default 3,000 ms: a loaded machine makes 1 s flaky). */
  actionTimeoutMs?: number;
  /** Bound on goto/back/forward and the first page of an episode (default 10,000 ms). */
  navigationTimeoutMs?: number;
  /** A whole step (or reset) taking longer than this means the page hangs (default 30,000 ms). */
  stepTimeoutMs?: number;
  /** Prefix of generated episode ids (default "env"). */
  episodePrefix?: string;
  /**
   * Run the next episode in the same, scrubbed, browser context (default true; ~5x faster
   * reset). False opens a new context per episode. A crashed context is never reused.
   */
  reuseContext?: boolean;
};

export type ResolvedEnvOptions = Required<Omit<BrowserEnvOptions, 'browser' | 'backend'>> & Pick<BrowserEnvOptions, 'browser' | 'backend'>;

export function resolveEnvOptions(o: BrowserEnvOptions): ResolvedEnvOptions {
  return {
    browser: o.browser,
    backend: o.backend,
    allowOrigins: o.allowOrigins ?? [],
    mode: o.mode ?? 'viewport',
    screenshot: o.screenshot ?? false,
    maxTextLength: o.maxTextLength ?? 160,
    viewport: o.viewport ?? { width: 1280, height: 720 },
    quietMs: o.quietMs ?? 25,
    settleTimeoutMs: o.settleTimeoutMs ?? 5000,
    actionTimeoutMs: o.actionTimeoutMs ?? 3000,
    navigationTimeoutMs: o.navigationTimeoutMs ?? 10_000,
    stepTimeoutMs: o.stepTimeoutMs ?? 30_000,
    episodePrefix: o.episodePrefix ?? 'env',
    reuseContext: o.reuseContext ?? true,
  };
}
