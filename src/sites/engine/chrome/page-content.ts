import { parseSearch } from '../search-query.js';
import { chromeContent, type ChromeContent, type ChromeKind } from './content.js';
import { currentChromeScope } from './scope.js';

/** The page types of the flow, as benchmarks and tests group observations. */
export const PAGE_TYPES: readonly ChromeKind[] = ['home', 'results', 'listing', 'details', 'review', 'confirmation', 'other'];
export type PageType = ChromeKind;

/** The page type of a URL path of a site (what an observation's URL says). */
export function pageTypeOfPath(path: string): PageType {
  if (path === '/') return 'home';
  if (path === '/search') return 'results';
  if (path.startsWith('/listing/')) return 'listing';
  if (path === '/details') return 'details';
  if (path === '/review') return 'review';
  if (path.startsWith('/confirmation/')) return 'confirmation';
  return 'other';
}

/** The kind of page a flow step renders at a path: an error page at a flow path is "other". */
export function chromeKind(step: string, path: string): ChromeKind {
  if (step === 'search') return path === '/' || path === '/search' ? 'home' : 'other';
  if (step === 'results') return path === '/search' ? 'results' : 'other';
  if (step === 'listing') return path.startsWith('/listing/') ? 'listing' : 'other';
  if (step === 'details') return path === '/details' ? 'details' : 'other';
  if (step === 'review') return path === '/review' || path === '/book' ? 'review' : 'other';
  if (step === 'confirmation' || step === 'done') return path.startsWith('/confirmation/') ? 'confirmation' : 'other';
  return 'other';
}

/** The surrounding content of the page being rendered, or undefined outside a request's scope. */
export function contentForPage(step: string): ChromeContent | undefined {
  const scope = currentChromeScope();
  if (!scope) return undefined;
  const { site, world, url } = scope;
  const kind = chromeKind(step, url.pathname);
  let params;
  if (kind === 'results' || kind === 'listing') {
    const parsed = parseSearch(site, world, url.searchParams);
    if (Object.keys(parsed.errors).length === 0) params = parsed.params;
  }
  const state = scope.state();
  return chromeContent({
    site,
    world,
    kind,
    ...(params ? { params } : {}),
    ...(kind === 'listing' ? { listingId: decoded(url.pathname.slice('/listing/'.length)) } : {}),
    ...(state ? { state } : {}),
  });
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
