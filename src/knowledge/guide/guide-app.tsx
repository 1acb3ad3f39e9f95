import { Hono } from 'hono';
import type { OriginApp, OriginContext } from '../../sites/engine/origin-app.js';
import { entityIdFromPath } from '../graph/article-path.js';
import { buildKnowledgeGraph } from '../graph/build-graph.js';
import type { KnowledgeGraph } from '../graph/knowledge-graph.js';
import { ENTITY_TYPES, type EntityType } from '../graph/schema.js';
import { registerCommon, notFoundPage } from '../web/info-routes.js';
import { html, type WebSite } from '../web/shell.js';
import { GUIDE_NAME } from './guide-name.js';
import { ArticlePage, CategoriesPage, HomePage, ListPage, type GuideContext } from './guide-pages.js';

export const GUIDE_ID = 'guide';

export function guideSite(origin: (id: string) => string): WebSite {
  return {
    id: 'guide',
    name: GUIDE_NAME,
    tagline: 'The free travel encyclopedia',
    theme: { primary: '#36c', primaryText: '#fff', accent: '#a55858', background: '#f8f9fa', surface: '#fff', text: '#202122', muted: '#54595d', font: 'Georgia, "Linux Libertine", serif', radius: '2px' },
    // Read when a page is rendered: the server's port is known only once it listens, after the app is made.
    get searchAction() {
      return `${origin('search')}/search`;
    },
    searchLabel: 'Search the web',
    nav: [
      { href: '/', text: 'Main page' },
      { href: '/categories', text: 'Categories' },
      { href: '/list/city', text: 'Cities' },
      { href: '/random', text: 'Random article' },
    ],
    faq: [
      { question: 'Who writes the articles?', answer: 'They are compiled from the listings of the booking sites, so figures match what those sites show.' },
      { question: 'How do I book something I read about?', answer: 'Each article ends with “Where to book”, linking to the booking site that sells it.' },
      { question: 'Can I search every site at once?', answer: 'Yes: the search box at the top searches the guide and every booking site.' },
    ],
    newsletterPitch: 'A weekly digest of new articles and festivals.',
  };
}

/** The guide: an article per entity of the knowledge graph, list pages per kind, links out to the booking sites. */
export function createGuideApp(ctx: OriginContext): Hono {
  const site = guideSite(ctx.origin);
  const app = new Hono();
  registerCommon(app, site, ctx.episodes);
  // The graph is built on the first request, not at server start: booking-only runs never pay for it.
  let graph: KnowledgeGraph | undefined;
  const guide = (): GuideContext => ({ site, graph: (graph ??= buildKnowledgeGraph(ctx.world)), world: ctx.world, sites: ctx.sites, origin: ctx.origin });

  app.get('/', (c) => c.html(html(<HomePage ctx={guide()} />)));
  app.get('/categories', (c) => c.html(html(<CategoriesPage ctx={guide()} />)));
  app.get('/list/:type', (c) => {
    const g = guide();
    const type = c.req.param('type') as EntityType;
    if (!ENTITY_TYPES.includes(type)) return c.html(notFoundPage(site, `There is no category "${type}".`), 404);
    const inId = c.req.query('in');
    const within = inId ? g.graph.find(inId) : undefined;
    if (inId && !within) return c.html(notFoundPage(site, `There is no article "${inId}".`), 404);
    const page = Number.parseInt(c.req.query('page') ?? '1', 10);
    return c.html(html(<ListPage ctx={g} type={type} page={Number.isFinite(page) ? page : 1} {...(within ? { within } : {})} />));
  });
  app.get('/wiki/:type/:key', (c) => {
    const g = guide();
    const id = entityIdFromPath(new URL(c.req.url).pathname);
    const e = id ? g.graph.find(id) : undefined;
    if (!e) return c.html(notFoundPage(site, 'There is no article at this address. Try the search box.'), 404);
    return c.html(html(<ArticlePage ctx={g} e={e} />));
  });
  // A different article on every visit is what readers expect; the choice is still seeded per request count.
  let visits = 0;
  app.get('/random', (c) => {
    const g = guide().graph;
    const all = g.entities();
    visits += 1;
    const e = all[(visits * 7919 + g.worldSeed) % all.length]!;
    return c.redirect(`/wiki/${e.type}/${encodeURIComponent(e.id.slice(e.type.length + 1))}`, 302);
  });
  app.notFound((c) => c.html(notFoundPage(site, 'There is no page at this address.'), 404));
  return app;
}

export const guideOrigin: OriginApp = {
  id: GUIDE_ID,
  name: GUIDE_NAME,
  description: 'travel encyclopedia over the world: an article per city, venue, hotel, route, operator...',
  create: createGuideApp,
};
