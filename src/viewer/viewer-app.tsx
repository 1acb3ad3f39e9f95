import { Hono, type Context } from 'hono';
import { NotFoundError, WebFoundryError, describeError } from '../core/errors.js';
import { EpisodeQuery, VIEWER_API_VERSION, type ApiError } from './api/schema.js';
import { CHARTS_JS, CHART_JS, VIEWER_CSS, VIEWER_JS } from './assets.js';
import { ComparePage } from './pages/compare-page.js';
import { EpisodePage } from './pages/episode-page.js';
import { EpisodesPage } from './pages/episodes-page.js';
import { ErrorPage } from './pages/error-page.js';
import { episodeUrl, screenshotUrl } from './pages/format.js';
import { IndexPage } from './pages/index-page.js';
import { render, type Nav } from './pages/layout.js';
import { OverviewPage } from './pages/overview-page.js';
import { compareRuns } from './source/compare.js';
import { episodeDetail } from './source/episode-detail.js';
import { RunRegistry } from './run-registry.js';

const API_ROUTES = {
  runs: '/api/v1/runs',
  overview: '/api/v1/runs/{run}/overview',
  episodes: '/api/v1/runs/{run}/episodes?site&status&kind&sr&csrMin&csrMax&injected&q&sort&dir&page&pageSize',
  episode: '/api/v1/runs/{run}/episodes/{episodeId}',
  compare: '/api/v1/compare/{runA}/{runB}',
  screenshot: '/runs/{run}/episodes/{episodeId}/steps/{index}/screenshot',
};

/** HTTP status of an error: a missing thing is 404, a run that cannot be read 422, ours 500. */
function statusOf(err: unknown): 404 | 422 | 500 {
  if (err instanceof NotFoundError) return 404;
  if (err instanceof WebFoundryError) return 422;
  return 500;
}

/**
 * The viewer: server-rendered pages (deep links: one URL per run, episode table query, episode
 * and step) and the JSON API they read their plots from. Read-only: no route writes anywhere.
 */
export function createViewerApp(registry: RunRegistry): Hono {
  const app = new Hono();
  const nav = (current?: string): Nav => ({ runs: registry.names(), ...(current ? { current } : {}) });
  const page = (c: Context, node: unknown, status: 200 | 404 | 422 | 500 = 200) => c.html(render(node), status);

  app.onError((err, c) => {
    const status = statusOf(err);
    const hint = err instanceof WebFoundryError ? (err.hint ?? null) : null;
    const message = err instanceof WebFoundryError ? err.message : describeError(err);
    if (c.req.path.startsWith('/api/')) return c.json({ apiVersion: VIEWER_API_VERSION, error: message, hint } satisfies ApiError, status);
    const run = c.req.param('run');
    return page(c, <ErrorPage nav={nav(run)} title={status === 404 ? 'Not found' : 'This run cannot be shown'} message={message} hint={hint} />, status);
  });
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ apiVersion: VIEWER_API_VERSION, error: `no API route ${c.req.path}`, hint: 'GET /api/v1 lists the routes' } satisfies ApiError, 404);
    return page(c, <ErrorPage nav={nav()} title="Not found" message={`Nothing lives at ${c.req.path}.`} hint="Start from the list of runs at /." />, 404);
  });

  // Assets: the viewer's own, and Chart.js from its npm package (nothing is fetched from a network).
  const asset = (body: string, type: string) => (c: Context) => c.body(body, 200, { 'content-type': type, 'cache-control': 'max-age=3600' });
  app.get('/assets/viewer.css', asset(VIEWER_CSS, 'text/css; charset=utf-8'));
  app.get('/assets/viewer.js', asset(VIEWER_JS, 'text/javascript; charset=utf-8'));
  app.get('/assets/charts.js', asset(CHARTS_JS, 'text/javascript; charset=utf-8'));
  app.get('/assets/chart.umd.min.js', asset(CHART_JS, 'text/javascript; charset=utf-8'));

  app.get('/favicon.ico', (c) => c.body(null, 204));

  // Pages.
  app.get('/', (c) => {
    const names = registry.names();
    if (names.length === 1) return c.redirect(`/runs/${encodeURIComponent(names[0]!)}`);
    return page(c, <IndexPage nav={nav()} runs={registry.entries().map((e) => ({ ...e, problem: registry.problem(e.name) }))} />);
  });
  app.get('/runs/:run', (c) => {
    const run = c.req.param('run');
    return page(c, <OverviewPage nav={nav(run)} o={registry.overview(run)} />);
  });
  app.get('/runs/:run/episodes', (c) => {
    const run = c.req.param('run');
    const q = parseQuery(c.req.query());
    const source = registry.get(run);
    return page(c, <EpisodesPage nav={nav(run)} run={run} p={{ apiVersion: VIEWER_API_VERSION, ...source.episodes(q) }} hasDataset={source.info().source === 'store'} />);
  });
  app.get('/runs/:run/episodes/:id', (c) => {
    const run = c.req.param('run');
    return page(c, <EpisodePage nav={nav(run)} run={run} d={detail(registry, run, c.req.param('id'))} />);
  });
  // A step's own URL: the episode page scrolled to it.
  app.get('/runs/:run/episodes/:id/steps/:index{[0-9]+}', (c) => c.redirect(`${episodeUrl(c.req.param('run'), c.req.param('id'))}#step-${c.req.param('index')}`));
  app.get('/runs/:run/episodes/:id/steps/:index{[0-9]+}/screenshot', (c) => {
    const shot = registry.get(c.req.param('run')).screenshot(c.req.param('id'), Number(c.req.param('index')));
    if (!shot) throw new NotFoundError(`no screenshot of step ${c.req.param('index')} of ${c.req.param('id')}`, { hint: 'record them with --screenshots on generate or run' });
    return c.body(new Uint8Array(shot.data), 200, { 'content-type': shot.mime, 'cache-control': 'max-age=86400' });
  });
  app.get('/compare', (c) => c.redirect(`/compare/${encodeURIComponent(c.req.query('a') ?? '')}/${encodeURIComponent(c.req.query('b') ?? '')}`));
  app.get('/compare/:a/:b', (c) => page(c, <ComparePage nav={nav()} c={compareRuns(registry.get(c.req.param('a')), registry.get(c.req.param('b')))} />));

  // The JSON API (docs/viewer-api.md).
  app.get('/api/v1', (c) => c.json({ apiVersion: VIEWER_API_VERSION, routes: API_ROUTES, runs: registry.names() }));
  app.get('/api/v1/runs', (c) => c.json({ apiVersion: VIEWER_API_VERSION, runs: registry.entries().map((e) => ({ ...e, problem: registry.problem(e.name) })) }));
  app.get('/api/v1/runs/:run/overview', (c) => c.json(registry.overview(c.req.param('run'))));
  app.get('/api/v1/runs/:run/episodes', (c) => c.json({ apiVersion: VIEWER_API_VERSION, ...registry.get(c.req.param('run')).episodes(parseQuery(c.req.query())) }));
  app.get('/api/v1/runs/:run/episodes/:id', (c) => c.json(detail(registry, c.req.param('run'), c.req.param('id'))));
  app.get('/api/v1/compare/:a/:b', (c) => c.json(compareRuns(registry.get(c.req.param('a')), registry.get(c.req.param('b')))));
  return app;
}

/** The table's query from URL parameters; empty fields (a cleared filter form) are left out. */
function parseQuery(raw: Record<string, string>) {
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
  const r = EpisodeQuery.safeParse(given);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new InvalidQueryError(`bad episode filter ${issue.path.join('.')}: ${issue.message}`, { hint: 'see docs/viewer-api.md for the parameters' });
}

class InvalidQueryError extends WebFoundryError {
  override name = 'InvalidQueryError';
}

function detail(registry: RunRegistry, run: string, episodeId: string) {
  const source = registry.get(run);
  const found = source.trajectory(episodeId);
  if (!found) throw new NotFoundError(`run ${run} has no episode ${episodeId}`, { hint: 'find it in the episodes table' });
  const shots = new Set<number>();
  const info = source.info();
  if (info.screenshots > 0) found.trajectory.steps.forEach((s, i) => s.screenshot && shots.add(i));
  return episodeDetail({
    run,
    trajectory: found.trajectory,
    row: found.row,
    hasDataset: info.source === 'store',
    thresholds: source.salvageThresholds(),
    screenshotUrl: (i) => screenshotUrl(run, episodeId, i),
    hasScreenshot: (i) => shots.has(i),
    screenshotMarks: info.config.screenshots !== 'plain',
  });
}
