import type { BrowserContext, Route } from 'playwright-core';
import type { BlockedRequest } from '../../core/schemas/step-info.js';
import { logger } from '../../core/logger.js';

const log = logger('browser:guard');

/** Schemes that never leave the browser. */
const LOCAL_SCHEMES = new Set(['data:', 'about:', 'blob:']);

/**
 * Which URLs an episode may load. An entry is an origin (`http://skyhop.localhost:8080`) or a
 * bare scheme (`file:` allows local files). data:, about: and blob: URLs are always allowed.
 */
export class OriginGuard {
  private origins = new Set<string>();
  private schemes = new Set<string>();

  constructor(entries: readonly string[] = []) {
    this.set(entries);
  }

  set(entries: readonly string[]): void {
    this.origins.clear();
    this.schemes.clear();
    for (const e of entries) {
      if (/^[a-z][a-z0-9+.-]*:$/i.test(e)) this.schemes.add(e.toLowerCase());
      else this.origins.add(normalizeOrigin(e));
    }
  }

  allows(url: string): boolean {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    if (LOCAL_SCHEMES.has(u.protocol) || this.schemes.has(u.protocol)) return true;
    return this.origins.has(u.origin);
  }

  entries(): string[] {
    return [...this.schemes, ...this.origins];
  }
}

/** `http://a.localhost:80/x` -> `http://a.localhost`; throws on something that is not a URL. */
export function normalizeOrigin(entry: string): string {
  return new URL(entry).origin;
}

/**
 * Routes every request of the context through the guard: allowed ones continue untouched (and are
 * reported to `onAllowed`, so the env knows which origins hold state to clear), the rest are
 * aborted as blocked by the client and reported. WebSockets are checked the same way.
 */
export async function installGuard(
  context: BrowserContext,
  guard: OriginGuard,
  onBlocked: (r: BlockedRequest) => void,
  onAllowed: (url: string) => void = () => undefined,
): Promise<void> {
  await context.route('**/*', async (route: Route) => {
    const req = route.request();
    try {
      if (guard.allows(req.url())) {
        onAllowed(req.url());
        await route.continue();
      } else {
        onBlocked({ url: req.url().slice(0, 500), method: req.method(), resourceType: req.resourceType() });
        log.debug('blocked', { url: req.url() });
        await route.abort('blockedbyclient');
      }
    } catch (err) {
      // The page or context closed while the request waited: nothing left to route.
      log.debug('route after close', { url: req.url(), err: String(err) });
    }
  });
  await context.routeWebSocket(/.*/, (ws) => {
    if (guard.allows(ws.url().replace(/^ws/, 'http'))) {
      onAllowed(ws.url().replace(/^ws/, 'http'));
      ws.connectToServer();
    } else {
      onBlocked({ url: ws.url().slice(0, 500), method: 'GET', resourceType: 'websocket' });
      void ws.close({ code: 1008, reason: 'origin not allowed' }).catch(() => undefined);
    }
  });
}
