import { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import type { SiteDefinition } from '../../sites/engine/site-definition.js';
import { articlePath, listPath } from '../graph/article-path.js';
import type { KnowledgeGraph } from '../graph/knowledge-graph.js';
import { ENTITY_TYPES, type Entity, type EntityType, type Relation } from '../graph/schema.js';
import { bookingPages } from '../booking-pages.js';
import { Shell, type WebSite } from '../web/shell.js';
import { factLabel, factText, PORTALS, RELATION_HEADINGS, TYPE_LABELS } from './labels.js';
import { articleProse } from './prose.js';
import { articleTitle } from './titles.js';

export type GuideContext = { site: WebSite; graph: KnowledgeGraph; world: World; sites: readonly SiteDefinition[]; origin(id: string): string };

/** Entities listed under an article before "see all" links to the full list. */
const BACKLINKS_SHOWN = 40;
export const LIST_PAGE_SIZE = 50;

const Link = ({ g, e }: { g: KnowledgeGraph; e: Entity }) => <a href={articlePath(e.id)}>{articleTitle(g, e)}</a>;

function place(e: Entity): string {
  const parts = [e.facts.neighbourhood, e.facts.city ?? e.facts.destination, e.type === 'city' ? e.facts.country : undefined].filter((x) => typeof x === 'string');
  return parts.join(', ');
}

export function Infobox({ e }: { e: Entity }) {
  return (
    <table class="kw-infobox" aria-label={`Facts about ${e.name}`}>
      <caption>{e.name}</caption>
      <tbody>
        <tr>
          <th scope="row">Kind</th>
          <td>{TYPE_LABELS[e.type][0]}</td>
        </tr>
        {Object.entries(e.facts).map(([k, v]) => (
          <tr data-fact={k}>
            <th scope="row">{factLabel(k)}</th>
            <td>{factText(v)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Groups of entities linking here, by kind, in ENTITY_TYPES order. */
function backlinkGroups(g: KnowledgeGraph, e: Entity): { type: EntityType; items: Entity[] }[] {
  const by = new Map<EntityType, Entity[]>();
  for (const b of g.backlinks(e.id)) {
    const from = g.get(b.from);
    const list = by.get(from.type) ?? [];
    if (!list.includes(from)) list.push(from);
    by.set(from.type, list);
  }
  return ENTITY_TYPES.filter((t) => by.has(t)).map((t) => ({ type: t, items: by.get(t)! }));
}

/** Up to six other entities of the same kind in the same place (or the same group). */
function seeAlso(g: KnowledgeGraph, e: Entity): Entity[] {
  const anchor = e.links.find((l) => l.rel === 'in-neighbourhood' || l.rel === 'in-city' || l.rel === 'member-of' || l.rel === 'part-of');
  if (!anchor) return [];
  const same = g.linksTo(anchor.to, anchor.rel).filter((x) => x.type === e.type && x.id !== e.id);
  return new Rng(`${g.worldSeed}/guide/see-also/${e.id}`).shuffle(same).slice(0, 6);
}

/** The most reviewed places to stay, eat and visit in the entity's city: the sidebar readers skim. */
function popularNearby(g: KnowledgeGraph, e: Entity): Entity[] {
  const city = e.type === 'city' ? e : g.linksFrom(e.id, 'in-city')[0];
  if (!city) return [];
  const around = g.linksTo(city.id, 'in-city').filter((x) => x.id !== e.id && (x.type === 'hotel' || x.type === 'restaurant' || x.type === 'attraction'));
  return [...around].sort((a, b) => Number(b.facts.reviewCount ?? 0) - Number(a.facts.reviewCount ?? 0) || a.id.localeCompare(b.id)).slice(0, 5);
}

export function ArticlePage({ ctx, e }: { ctx: GuideContext; e: Entity }) {
  const { graph: g } = ctx;
  const title = articleTitle(g, e);
  const prose = articleProse(g, e);
  const outgoing = new Map<Relation, Entity[]>();
  for (const l of e.links) outgoing.set(l.rel, [...(outgoing.get(l.rel) ?? []), g.get(l.to)]);
  const groups = backlinkGroups(g, e);
  const book = bookingPages(ctx.world, ctx.sites, e);
  const also = seeAlso(g, e);
  const popular = popularNearby(g, e);
  const where = place(e);
  return (
    <Shell
      site={ctx.site}
      title={title}
      crumbs={[{ href: '/', text: 'Home' }, { href: listPath(e.type), text: TYPE_LABELS[e.type][1] }, { text: title }]}
      extras={
        also.length > 0 || popular.length > 0 ? (
          <>
            {also.length > 0 ? (
              <section aria-labelledby="kw-also">
                <h2 id="kw-also">See also</h2>
                <ul>
                  {also.map((x) => (
                    <li>
                      <Link g={g} e={x} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {popular.length > 0 ? (
              <section aria-labelledby="kw-popular">
                <h2 id="kw-popular">{`Most reviewed in ${String(popular[0]!.facts.city)}`}</h2>
                <ul>
                  {popular.map((x) => (
                    <li>
                      <Link g={g} e={x} />
                      {` (${TYPE_LABELS[x.type][0].toLowerCase()}, ${String(x.facts.reviewCount)} reviews)`}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        ) : undefined
      }
    >
      <article class="kw-article">
        <div class="kw-body">
          <h1>{title}</h1>
          <p class="kw-lead">{`${TYPE_LABELS[e.type][0]}${where ? ` · ${where}` : ''}`}</p>
          <nav class="kw-toc" aria-label="Contents">
            <h2>Contents</h2>
            <ol>
              <li><a href="#overview">Overview</a></li>
              {outgoing.size > 0 ? <li><a href="#related">Related</a></li> : null}
              {groups.map((gr) => (
                <li><a href={`#list-${gr.type}`}>{TYPE_LABELS[gr.type][1]}</a></li>
              ))}
              {book.length > 0 ? <li><a href="#book">Where to book</a></li> : null}
            </ol>
          </nav>
          <section aria-labelledby="overview">
            <h2 id="overview">Overview</h2>
            {prose.map((p) => (
              <p>{p}</p>
            ))}
          </section>
          {outgoing.size > 0 ? (
            <section aria-labelledby="related">
              <h2 id="related">Related</h2>
              <dl>
                {[...outgoing].map(([rel, targets]) => (
                  <>
                    <dt>{RELATION_HEADINGS[rel]}</dt>
                    <dd>
                      {targets.map((t, i) => (
                        <>
                          {i > 0 ? ', ' : ''}
                          <Link g={g} e={t} />
                        </>
                      ))}
                    </dd>
                  </>
                ))}
              </dl>
            </section>
          ) : null}
          {groups.map((gr) => (
            <section aria-labelledby={`list-${gr.type}`}>
              <h2 id={`list-${gr.type}`}>{`${TYPE_LABELS[gr.type][1]} (${gr.items.length})`}</h2>
              <ul class="kw-cols">
                {gr.items.slice(0, BACKLINKS_SHOWN).map((x) => (
                  <li>
                    <Link g={g} e={x} />
                  </li>
                ))}
              </ul>
              {gr.items.length > BACKLINKS_SHOWN ? (
                <p>
                  <a href={`${listPath(gr.type)}?in=${encodeURIComponent(e.id)}`}>{`All ${gr.items.length} ${TYPE_LABELS[gr.type][1].toLowerCase()} of ${e.name}`}</a>
                </p>
              ) : null}
            </section>
          ))}
          {book.length > 0 ? (
            <section aria-labelledby="book" class="kw-book">
              <h2 id="book">Where to book</h2>
              <ul>
                {book.map((b) => (
                  <li>
                    <a href={`${ctx.origin(b.siteId)}${b.path}`}>{b.label}</a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <Infobox e={e} />
      </article>
    </Shell>
  );
}

/** A list page: one kind, optionally only those linking to one entity, a page at a time. */
export function ListPage({ ctx, type, page, within }: { ctx: GuideContext; type: EntityType; page: number; within?: Entity }) {
  const { graph: g } = ctx;
  const all = within ? g.linksTo(within.id).filter((x, i, arr) => x.type === type && arr.indexOf(x) === i) : [...g.ofType(type)];
  const pages = Math.max(1, Math.ceil(all.length / LIST_PAGE_SIZE));
  const at = Math.min(Math.max(1, page), pages);
  const shown = all.slice((at - 1) * LIST_PAGE_SIZE, at * LIST_PAGE_SIZE);
  const keys = Object.keys(all[0]?.facts ?? {}).filter((k) => k !== 'description').slice(0, 4);
  const heading = within ? `${TYPE_LABELS[type][1]} of ${articleTitle(g, within)}` : `List of ${TYPE_LABELS[type][1].toLowerCase()}`;
  const href = (p: number) => `${listPath(type)}?${within ? `in=${encodeURIComponent(within.id)}&` : ''}page=${p}`;
  return (
    <Shell site={ctx.site} title={heading} crumbs={[{ href: '/', text: 'Home' }, { href: '/categories', text: 'Categories' }, { text: heading }]}>
      <h1>{heading}</h1>
      <p>{`${all.length} ${all.length === 1 ? TYPE_LABELS[type][0].toLowerCase() : TYPE_LABELS[type][1].toLowerCase()} in the guide. Page ${at} of ${pages}.`}</p>
      <table class="kw-list">
        <caption>{`${heading}, page ${at}`}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {keys.map((k) => (
              <th scope="col">{factLabel(k)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((x) => (
            <tr>
              <th scope="row">
                <Link g={g} e={x} />
              </th>
              {keys.map((k) => (
                <td>{x.facts[k] === undefined ? '' : factText(x.facts[k]!)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Pager at={at} pages={pages} href={href} />
    </Shell>
  );
}

export function Pager({ at, pages, href }: { at: number; pages: number; href: (p: number) => string }) {
  if (pages <= 1) return null;
  const from = Math.max(1, at - 4);
  const to = Math.min(pages, from + 9);
  const nums = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <nav class="kw-pages" aria-label="Pages">
      <ol>
        {at > 1 ? <li><a href={href(at - 1)} rel="prev">Previous</a></li> : null}
        {nums.map((p) => (
          <li>{p === at ? <span aria-current="page">{String(p)}</span> : <a href={href(p)} aria-label={`Page ${p}`}>{String(p)}</a>}</li>
        ))}
        {at < pages ? <li><a href={href(at + 1)} rel="next">Next</a></li> : null}
      </ol>
    </nav>
  );
}

export function CategoriesPage({ ctx }: { ctx: GuideContext }) {
  return (
    <Shell site={ctx.site} title="Categories" crumbs={[{ href: '/', text: 'Home' }, { text: 'Categories' }]}>
      <h1>All categories</h1>
      <Portals ctx={ctx} />
    </Shell>
  );
}

function Portals({ ctx }: { ctx: GuideContext }) {
  return (
    <div class="kw-portal">
      {PORTALS.map((p) => (
        <section aria-labelledby={`portal-${p.heading.replace(/\W+/g, '-')}`}>
          <h2 id={`portal-${p.heading.replace(/\W+/g, '-')}`}>{p.heading}</h2>
          <ul>
            {p.types.map((t) => (
              <li>
                <a href={listPath(t)}>{`${TYPE_LABELS[t][1]} (${ctx.graph.ofType(t).length})`}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function HomePage({ ctx }: { ctx: GuideContext }) {
  const { graph: g } = ctx;
  const rng = new Rng(`${g.worldSeed}/guide/home`);
  const featured = rng.pick(g.ofType('city'));
  const didYouKnow = (['hotel-chain', 'event-series', 'airline', 'restaurant-group', 'attraction'] as const).map((t) => rng.pick(g.ofType(t)));
  const today = [...g.ofType('event')].filter((e) => e.facts.date === ctx.world.today).slice(0, 8);
  return (
    <Shell site={ctx.site} title="The travel encyclopedia">
      <h1>{`Welcome to ${ctx.site.name}`}</h1>
      <p>{`${ctx.site.tagline}: ${g.size} articles on ${g.ofType('city').length} cities and what is in them.`}</p>
      <section aria-labelledby="kw-featured">
        <h2 id="kw-featured">Featured city</h2>
        <p>
          <Link g={g} e={featured} />
          {`: ${articleProse(g, featured)[0]}`}
        </p>
      </section>
      <section aria-labelledby="kw-dyk">
        <h2 id="kw-dyk">Did you know…</h2>
        <ul>
          {didYouKnow.map((e) => (
            <li>
              <Link g={g} e={e} />
              {` — ${articleProse(g, e)[0]}`}
            </li>
          ))}
        </ul>
      </section>
      {today.length > 0 ? (
        <section aria-labelledby="kw-today">
          <h2 id="kw-today">On stage today</h2>
          <ul>
            {today.map((e) => (
              <li>
                <Link g={g} e={e} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>Browse by category</h2>
      <Portals ctx={ctx} />
    </Shell>
  );
}
