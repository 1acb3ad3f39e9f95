/**
 * Which URLs an episode may load: the sandbox's rules, in one place. The request router
 * (origin-guard.ts), the redirect checks and `goto` all ask this guard.
 *
 * - http(s) and ws(s): only the allowed origins.
 * - javascript:, chrome:, chrome-untrusted:, chrome-extension:, devtools:, filesystem: and
 *   file: are always refused: the first runs script in the page, the others are the browser's
 *   own pages or the machine's files.
 * - view-source: of an allowed http(s) URL is allowed; of anything else, refused.
 * - data: only when the episode allows it (its start URL is one, or 'data:' is listed).
 * - blob: follows the origin it was made in; about: only blank and srcdoc.
 */
export type UrlVerdict = { ok: true } | { ok: false; reason: string };

const ALWAYS_REFUSED: Record<string, string> = {
  'javascript:': 'javascript: URLs are refused: an action cannot run script in the page',
  'chrome:': "the browser's own pages (chrome:) are refused",
  'chrome-untrusted:': "the browser's own pages (chrome-untrusted:) are refused",
  'chrome-extension:': 'extension pages (chrome-extension:) are refused',
  'chrome-error:': "the browser's error pages are refused",
  'devtools:': 'devtools: pages are refused',
  'filesystem:': 'filesystem: URLs are refused',
  'file:': 'file: URLs are refused: local files are outside the sandbox (serve pages over http instead)',
};

/** An allow-list entry that is a scheme rather than an origin. */
const SCHEME_ENTRY = /^[a-z][a-z0-9+.-]*:$/i;

/** Schemes an allow-list may name: the others are either always refused or never needed. */
const GRANTABLE_SCHEMES = new Set(['data:']);

export class UrlGuard {
  private readonly origins = new Set<string>();
  private readonly schemes = new Set<string>();

  constructor(entries: readonly string[] = []) {
    this.set(entries);
  }

  /**
   * Replaces the allow-list: origins (`http://skyhop.localhost:8080`) and the scheme `data:`.
   * Throws on anything else, so a caller cannot open what the sandbox promises to refuse.
   */
  set(entries: readonly string[]): void {
    const origins: string[] = [];
    const schemes: string[] = [];
    for (const e of entries) {
      if (SCHEME_ENTRY.test(e)) {
        const scheme = e.toLowerCase();
        if (!GRANTABLE_SCHEMES.has(scheme)) throw new TypeError(`${e} cannot be allowed: ${ALWAYS_REFUSED[scheme] ?? 'only data: may be listed as a scheme'}`);
        schemes.push(scheme);
      } else {
        origins.push(normalizeOrigin(e));
      }
    }
    this.origins.clear();
    this.schemes.clear();
    for (const o of origins) this.origins.add(o);
    for (const s of schemes) this.schemes.add(s);
  }

  entries(): string[] {
    return [...this.schemes, ...this.origins];
  }

  allows(url: string): boolean {
    return this.check(url).ok;
  }

  check(url: string): UrlVerdict {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return { ok: false, reason: `${JSON.stringify(url.slice(0, 200))} is not a URL` };
    }
    const scheme = u.protocol.toLowerCase();
    const refused = ALWAYS_REFUSED[scheme];
    if (refused) return { ok: false, reason: refused };
    switch (scheme) {
      case 'http:':
      case 'https:':
        return this.origins.has(u.origin) ? { ok: true } : { ok: false, reason: `the origin ${u.origin} is not allowed in this episode` };
      case 'ws:':
      case 'wss:': {
        const origin = `${scheme === 'ws:' ? 'http:' : 'https:'}//${u.host}`;
        return this.origins.has(origin) ? { ok: true } : { ok: false, reason: `the origin ${origin} is not allowed in this episode` };
      }
      case 'data:':
        return this.schemes.has('data:') ? { ok: true } : { ok: false, reason: 'data: URLs are not allowed in this episode' };
      case 'blob:':
        // blob:http://host:port/uuid belongs to the origin that made it.
        return this.check(url.slice('blob:'.length));
      case 'about:':
        return u.pathname === 'blank' || u.pathname === 'srcdoc' ? { ok: true } : { ok: false, reason: `${url.slice(0, 60)} is refused (only about:blank is allowed)` };
      case 'view-source:': {
        const inner = url.slice('view-source:'.length);
        if (!/^https?:/i.test(inner)) return { ok: false, reason: 'view-source: is allowed only of http(s) pages of the allowed origins' };
        const v = this.check(inner);
        return v.ok ? v : { ok: false, reason: `view-source: of ${inner.slice(0, 120)} is refused: ${v.reason}` };
      }
      default:
        return { ok: false, reason: `${scheme} URLs are not allowed` };
    }
  }
}

/** `http://a.localhost:80/x` -> `http://a.localhost`; throws on something that is not a URL. */
export function normalizeOrigin(entry: string): string {
  const origin = new URL(entry).origin;
  if (origin === 'null') throw new TypeError(`${entry} has no origin: list http(s) origins or data:`);
  return origin;
}
