import type { Browser } from 'playwright-core';
import type { ObservationMode } from '../../core/schemas/observation.js';
import type { PropertyOptions } from '../observation/element-properties.js';
import type { ScreenshotOption } from '../observation/observe-page.js';
import { DEFAULT_SETTLE_WINDOW_MS } from '../observation/page-runtime.js';
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
  /**
   * Origins allowed in every episode on top of the target's own, and 'data:' to allow data: URLs
   * (a data: start URL allows them for its episode). file:, javascript:, chrome: and devtools: are
   * never allowed (see url-policy.ts).
   */
  allowOrigins?: readonly string[];
  /** 'viewport' (default) or 'full'. */
  mode?: ObservationMode;
  /** Screenshot with every observation: inline, or to a directory; with or without set-of-marks. */
  screenshot?: ScreenshotOption;
  /** Cut names, values and texts longer than this (default 160 characters; 0 never cuts). The focused field's value is never cut. */
  maxTextLength?: number;
  /** Per-element `visible` / `clickable` flags and `center=`/`box=` coordinates on the lines, and observation.elements (default off). */
  properties?: PropertyOptions | false;
  /** Also give the pruned-HTML observation in observation.html (default false). */
  html?: boolean;
  /** The folder upload_file may choose files from (default none: uploads are refused). */
  uploadDir?: string;
  viewport?: { width: number; height: number };
  /** DOM quiet window that counts as settled (default 25 ms). */
  quietMs?: number;
  /** Bound on settling after an action (default 5,000 ms). */
  settleTimeoutMs?: number;
  /**
   * Bound on waiting for a page that declared itself busy after an action (`aria-busy="true"`:
   * suggestions loading, a document being left), and for the page a navigation leads to; such a
   * page is ready when it says so, however loaded the machine (default 20,000 ms).
   */
  readyTimeoutMs?: number;
  /**
   * Timers and animations an action starts within this window, and due within it, are waited for
   * before observing (default 1,000 ms): debounced menus, hover submenus, toasts.
   */
  settleWindowMs?: number;
  /** Bound on waiting for a tab the page asked to open to appear (default 2,000 ms). */
  popupWaitMs?: number;
  /**
   * Bound on an element becoming actionable and the action being done (default 10,000 ms). Real
   * failures (hidden, covered, disabled) are reported at once without it; it only bounds moving
   * elements and a slow machine, where 3 s made the same click fail in one run and not another.
   */
  actionTimeoutMs?: number;
  /** Bound on goto/back/forward and the first page of an episode (default 20,000 ms). */
  navigationTimeoutMs?: number;
  /**
   * A whole step (or reset) taking longer than this means the page hangs (default 120,000 ms: a
   * ceiling, not a target; on a loaded 2-core machine a first step whose server builds its search
   * index in the same process took over 30 s).
   */
  stepTimeoutMs?: number;
  /** Prefix of generated episode ids (default "env"). */
  episodePrefix?: string;
  /**
   * Run the next episode in the same, scrubbed, browser context (default true; ~5x faster
   * reset). False opens a new context per episode. A crashed context is never reused.
   */
  reuseContext?: boolean;
};

export type ResolvedEnvOptions = Required<Omit<BrowserEnvOptions, 'browser' | 'backend' | 'uploadDir'>> & Pick<BrowserEnvOptions, 'browser' | 'backend' | 'uploadDir'>;

export function resolveEnvOptions(o: BrowserEnvOptions): ResolvedEnvOptions {
  return {
    browser: o.browser,
    backend: o.backend,
    allowOrigins: o.allowOrigins ?? [],
    mode: o.mode ?? 'viewport',
    screenshot: o.screenshot ?? false,
    maxTextLength: o.maxTextLength ?? 160,
    properties: o.properties ?? false,
    html: o.html ?? false,
    uploadDir: o.uploadDir,
    viewport: o.viewport ?? { width: 1280, height: 720 },
    quietMs: o.quietMs ?? 25,
    settleTimeoutMs: o.settleTimeoutMs ?? 5000,
    readyTimeoutMs: o.readyTimeoutMs ?? 20_000,
    settleWindowMs: o.settleWindowMs ?? DEFAULT_SETTLE_WINDOW_MS,
    popupWaitMs: o.popupWaitMs ?? 2000,
    actionTimeoutMs: o.actionTimeoutMs ?? 10_000,
    navigationTimeoutMs: o.navigationTimeoutMs ?? 20_000,
    stepTimeoutMs: o.stepTimeoutMs ?? 120_000,
    episodePrefix: o.episodePrefix ?? 'env',
    reuseContext: o.reuseContext ?? true,
  };
}
