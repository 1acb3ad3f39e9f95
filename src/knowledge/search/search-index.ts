import MiniSearch from 'minisearch';
import type { World } from '../../world/world.js';
import type { SiteDefinition } from '../../sites/engine/site-definition.js';
import { buildKnowledgeGraph } from '../graph/build-graph.js';
import { resolvePath, webDocuments, type WebDocument } from './documents.js';

/** A result: the page (`path` on the origin of `doc.siteId`), its score and the index words it matched. */
export type SearchHit = { doc: WebDocument; path: string; score: number; terms: string[] };
export type SearchAnswer = { query: string; total: number; page: number; pages: number; hits: SearchHit[]; matchedAll: boolean; tookMs: number };

export const RESULTS_PER_PAGE = 10;

/** Lower case without accents, so "zurich" finds "Zürich". */
export function foldTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

export class WebIndex {
  private constructor(
    readonly docs: readonly WebDocument[],
    private readonly mini: MiniSearch<WebDocument>,
    readonly buildMs: number,
    private readonly pathOf: (doc: WebDocument) => string,
  ) {}

  static build(docs: readonly WebDocument[], pathOf: (doc: WebDocument) => string = (d) => d.path ?? '/'): WebIndex {
    const t0 = performance.now();
    const mini = new MiniSearch<WebDocument>({
      fields: ['title', 'body'],
      idField: 'id',
      processTerm: (t) => foldTerm(t),
      searchOptions: { boost: { title: 3 }, processTerm: (t) => foldTerm(t) },
    });
    mini.addAll(docs as WebDocument[]);
    return new WebIndex(docs, mini, Math.round(performance.now() - t0), pathOf);
  }

  /**
   * Pages matching every word of the query (each word may be a prefix of a longer one, and a long
   * word may be one letter off), best first; when no page has them all, pages with any of them.
   * `site` keeps one site's pages.
   */
  search(query: string, opts: { page?: number; site?: string; perPage?: number } = {}): SearchAnswer {
    const t0 = performance.now();
    const perPage = opts.perPage ?? RESULTS_PER_PAGE;
    const q = query.trim().slice(0, 200);
    const filter = opts.site ? (r: { id: number }) => this.docs[r.id]!.siteId === opts.site : undefined;
    const run = (combineWith: 'AND' | 'OR') =>
      q === ''
        ? []
        : this.mini.search(q, {
            combineWith,
            prefix: (term) => term.length >= 3,
            fuzzy: (term) => (term.length >= 6 ? 1 : false),
            ...(filter ? { filter: (r) => filter(r as unknown as { id: number }) } : {}),
          });
    let results = run('AND');
    const matchedAll = results.length > 0 || q === '';
    if (results.length === 0) results = run('OR');
    const pages = Math.max(1, Math.ceil(results.length / perPage));
    const page = Math.min(Math.max(1, opts.page ?? 1), pages);
    const hits = results.slice((page - 1) * perPage, page * perPage).map((r) => {
      const doc = this.docs[r.id as number]!;
      return { doc, path: this.pathOf(doc), score: r.score, terms: r.terms };
    });
    return { query: q, total: results.length, page, pages, hits, matchedAll, tookMs: Math.round((performance.now() - t0) * 10) / 10 };
  }
}

const indexes = new WeakMap<World, WebIndex>();

/** The search engine's index of a world: built on first use, then kept as long as the world. */
export function webIndex(world: World, sites: readonly SiteDefinition[]): WebIndex {
  let idx = indexes.get(world);
  if (!idx) {
    const graph = buildKnowledgeGraph(world);
    idx = WebIndex.build(webDocuments(world, sites, graph), (doc) => resolvePath(world, sites, graph, doc));
    indexes.set(world, idx);
  }
  return idx;
}
