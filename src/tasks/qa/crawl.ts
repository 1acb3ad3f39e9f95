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
    let res: Response;
    try {
      res = await fetch(new URL(path, base), { redirect: 'follow', ...(o.signal ? { signal: o.signal } : {}) });
    } catch (err) {
      if (o.signal?.aborted) throw err;
      continue;
    }
    reached = true;
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('text/html')) {
      await res.body?.cancel();
      continue;
    }
    const html = await res.text();
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
