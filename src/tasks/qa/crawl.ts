import { request } from 'node:http';

/** One page the crawler fetched: its path on the origin, its title and the same-origin links it holds. */
export type CrawledPage = { path: string; title: string; links: string[] };

export type CrawlOptions = {
  /** The site's origin, e.g. "http://guide.localhost:8080". */
  origin: string;
  /** Paths to start from (default: the home page). */
  roots?: readonly string[];
  /** Stop after this many pages. */
  maxPages: number;
  /** Called after each page. */
  onPage?: (fetched: number) => void;
  signal?: AbortSignal;
};

const ANCHOR = /<a\b[^>]*?\bhref\s*=\s*"([^"]*)"/gi;
const TITLE = /<title[^>]*>([\s\S]*?)<\/title>/i;
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/**
 * Crawls a site over real HTTP as WebDancer's crawler does: from its root pages, breadth first,
 * following every link that stays on the origin (fragments dropped), one page at a time, up to
 * `maxPages` HTML pages. Links are read from anchors' `href` (our pages are well-formed HTML).
 * A page that fails or is not HTML is skipped; a site that cannot be reached at all throws.
 */
export async function crawlSite(o: CrawlOptions): Promise<CrawledPage[]> {
  const base = new URL(o.origin);
  const queue = [...(o.roots ?? ['/'])];
  const queued = new Set(queue);
  const pages: CrawledPage[] = [];
  let reached = false;
  while (queue.length > 0 && pages.length < o.maxPages) {
    const path = queue.shift()!;
    let page: { status: number; type: string; body: string; url: URL };
    try {
      page = await get(new URL(path, base), o.signal);
    } catch (err) {
      if (o.signal?.aborted) throw err;
      continue;
    }
    reached = true;
    if (page.status !== 200 || !page.type.includes('text/html') || page.url.origin !== base.origin) continue;
    const html = page.body;
    const links: string[] = [];
    for (const m of html.matchAll(ANCHOR)) {
      let u: URL;
      try {
        u = new URL(unescape(m[1]!), new URL(path, base));
      } catch {
        continue;
      }
      if (u.origin !== base.origin) continue;
      const p = `${u.pathname}${u.search}`;
      links.push(p);
      if (!queued.has(p)) {
        queued.add(p);
        queue.push(p);
      }
    }
    pages.push({ path, title: unescape(TITLE.exec(html)?.[1]?.trim() ?? ''), links: [...new Set(links)] });
    o.onPage?.(pages.length);
  }
  if (!reached) throw new Error(`the crawl reached no page of ${o.origin}`);
  return pages;
}

/**
 * One GET over HTTP, following same-origin redirects (up to 5). A "*.localhost" host is reached
 * on the loopback address with its name in the Host header (RFC 6761; how the sites tell their
 * origins apart on one port), which the platform's DNS may not resolve.
 */
async function get(url: URL, signal: AbortSignal | undefined, hops = 0): Promise<{ status: number; type: string; body: string; url: URL }> {
  if (url.protocol !== 'http:') throw new Error(`the crawler reads http only, not ${url.protocol}`);
  const loopback = url.hostname === 'localhost' || url.hostname.endsWith('.localhost');
  const r = await new Promise<{ status: number; type: string; body: string; location?: string }>((resolve, reject) => {
    const req = request(
      { host: loopback ? '127.0.0.1' : url.hostname, port: url.port || 80, path: `${url.pathname}${url.search}`, method: 'GET', headers: { host: url.host, accept: 'text/html' }, agent: false, ...(signal ? { signal } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8'), ...(res.headers.location ? { location: res.headers.location } : {}) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
  if (r.status >= 300 && r.status < 400 && r.location && hops < 5) {
    const next = new URL(r.location, url);
    if (next.origin === url.origin) return get(next, signal, hops + 1);
  }
  return { status: r.status, type: r.type, body: r.body, url };
}
