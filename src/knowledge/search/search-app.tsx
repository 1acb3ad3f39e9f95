import { Hono } from 'hono';
import type { OriginApp, OriginContext } from '../../sites/engine/origin-app.js';
import { registerCommon, notFoundPage } from '../web/info-routes.js';
import { html, Shell, type WebSite } from '../web/shell.js';
import { Pager } from '../guide/guide-pages.js';
import { GUIDE_NAME } from '../guide/guide-name.js';
import { webIndex, type SearchAnswer } from './search-index.js';
import { snippet } from './snippet.js';

export const SEARCH_ID = 'search';
export const SEARCH_NAME = 'Seekly';

export function searchSite(): WebSite {
  return {
    id: 'search',
    name: SEARCH_NAME,
    tagline: 'Search every travel site at once',
    theme: { primary: '#1a0dab', primaryText: '#fff', accent: '#188038', background: '#fff', surface: '#f8f9fa', text: '#202124', muted: '#5f6368', font: 'Arial, Helvetica, sans-serif', radius: '20px' },
    searchAction: '/search',
    searchLabel: 'Search',
    nav: [
      { href: '/', text: 'Home' },
      { href: '/search?q=hotels', text: 'Hotels' },
      { href: '/search?q=festival', text: 'Festivals' },
      { href: '/search?q=flights', text: 'Flights' },
    ],
    faq: [
      { question: 'What does Seekly search?', answer: `Every page of ${GUIDE_NAME} and the booking sites' public pages: their home pages, each hotel, restaurant, rental, attraction, event and resort, and the searches of every city and route.` },
      { question: 'How do I search one site only?', answer: 'Pick the site in the row of tabs above the results.' },
      { question: 'Why do I see pages that lack one of my words?', answer: 'When no page has every word, Seekly shows pages with any of them and says so.' },
    ],
    newsletterPitch: 'Search tips and new sites, once a month.',
  };
}

/** Searches near this one, from the kinds and places of its best results: the "related searches" box. */
function relatedSearches(answer: SearchAnswer): string[] {
  const out: string[] = [];
  for (const h of answer.hits) {
    const [kind, city] = [h.doc.kind === 'article' ? h.doc.title.replace(/ — .*$/, '') : '', /City: ([^.]+)\./.exec(h.doc.body)?.[1]];
    if (city) out.push(`${answer.query.split(' ')[0]} ${city}`.toLowerCase(), `hotels in ${city}`.toLowerCase(), `things to do in ${city}`.toLowerCase());
    if (kind && kind.toLowerCase() !== answer.query.toLowerCase()) out.push(kind);
  }
  return [...new Set(out)].filter((q) => q !== answer.query.toLowerCase()).slice(0, 8);
}

function ResultsPage({ site, ctx, answer, siteFilter }: { site: WebSite; ctx: OriginContext; answer: SearchAnswer; siteFilter: string | undefined }) {
  const names = new Map<string, string>([['guide', GUIDE_NAME], ...ctx.sites.map((s) => [s.id, s.name] as [string, string])]);
  const href = (p: number, s = siteFilter) => `/search?q=${encodeURIComponent(answer.query)}${s ? `&site=${encodeURIComponent(s)}` : ''}${p > 1 ? `&page=${p}` : ''}`;
  const title = answer.query ? `${answer.query} - ${SEARCH_NAME} search` : `${SEARCH_NAME} search`;
  return (
    <Shell site={site} title={title} query={answer.query}>
      <h1>{`Results for “${answer.query}”`}</h1>
      <nav class="kw-tabs" aria-label="Search one site">
        <ul>
          <li>{siteFilter ? <a href={href(1, '')}>All sites</a> : <span aria-current="page">All sites</span>}</li>
          {[...names].map(([id, name]) => (
            <li>{id === siteFilter ? <span aria-current="page">{name}</span> : <a href={href(1, id)}>{name}</a>}</li>
          ))}
        </ul>
      </nav>
      <p role="status">{answer.total === 0 ? `No results for “${answer.query}”.` : `About ${answer.total} results (${(answer.tookMs / 1000).toFixed(3)} seconds)${answer.pages > 1 ? ` · page ${answer.page} of ${answer.pages}` : ''}`}</p>
      {!answer.matchedAll && answer.total > 0 ? <p>No page has every word of your search; showing pages with some of them.</p> : null}
      {answer.total === 0 && answer.query ? (
        <div>
          <p>Suggestions:</p>
          <ul>
            <li>Check the spelling of each word.</li>
            <li>Try fewer or more general words.</li>
          </ul>
        </div>
      ) : null}
      <ol class="kw-results" start={(answer.page - 1) * 10 + 1}>
        {answer.hits.map((h) => {
          const url = `${ctx.origin(h.doc.siteId)}${h.path}`;
          return (
            <li class="kw-result">
              <h2>
                <a href={url}>{h.doc.title}</a>
              </h2>
              <cite>{`${names.get(h.doc.siteId) ?? h.doc.siteId} › ${decodeURIComponent(h.path.split('?')[0]!).replace(/^\//, '').replace(/\//g, ' › ') || 'home'}`}</cite>
              <p>
                {snippet(h.doc.body, h.terms).map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}
              </p>
            </li>
          );
        })}
      </ol>
      <Pager at={answer.page} pages={answer.pages} href={(p) => href(p)} />
      {relatedSearches(answer).length > 0 ? (
        <section aria-labelledby="kw-related">
          <h2 id="kw-related">Related searches</h2>
          <ul class="kw-cols">
            {relatedSearches(answer).map((q) => (
              <li>
                <a href={`/search?q=${encodeURIComponent(q)}`}>{q}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Shell>
  );
}

/** The search engine: one box, results over every page of every site, ten a page. */
export function createSearchApp(ctx: OriginContext): Hono {
  const site = searchSite();
  const app = new Hono();
  registerCommon(app, site, ctx.episodes);
  app.get('/', (c) =>
    c.html(
      html(
        <Shell site={site} title="Search">
          <h1>{SEARCH_NAME}</h1>
          <p>{site.tagline}.</p>
          <form role="search" method="get" action="/search" aria-label="Search every site">
            <label for="kw-home-q">Search the web</label>
            <input id="kw-home-q" type="search" name="q" autocomplete="off" />
            <button type="submit">Search</button>
          </form>
          <h2>Try</h2>
          <ul>
            <li><a href="/search?q=jazz+festival">jazz festival</a></li>
            <li><a href="/search?q=boutique+hotel+lisbon">boutique hotel lisbon</a></li>
            <li><a href="/search?q=night+train">night train</a></li>
          </ul>
        </Shell>,
      ),
    ),
  );
  app.get('/search', (c) => {
    const q = c.req.query('q') ?? '';
    const siteFilter = c.req.query('site') || undefined;
    const page = Number.parseInt(c.req.query('page') ?? '1', 10);
    const answer = webIndex(ctx.world, ctx.sites).search(q, { page: Number.isFinite(page) ? page : 1, ...(siteFilter ? { site: siteFilter } : {}) });
    return c.html(html(<ResultsPage site={site} ctx={ctx} answer={answer} siteFilter={siteFilter} />));
  });
  app.notFound((c) => c.html(notFoundPage(site, 'There is no page at this address. Try a search.'), 404));
  return app;
}

export const searchOrigin: OriginApp = {
  id: SEARCH_ID,
  name: SEARCH_NAME,
  description: 'search engine over every page of the guide and the booking sites',
  create: createSearchApp,
};
