import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { InvalidInputError } from '../../core/errors.js';
import { isWebTask } from '../../core/schemas/task.js';
import { exploreWebRun } from '../../pipeline/explore/explore-web-run.js';
import { DEFAULT_SUMMARY_BUDGET } from '../../pipeline/explore/llm-summaries.js';
import { RunStore } from '../../pipeline/run-store.js';
import { createProvider } from '../../models/config.js';
import { resolveLlm } from '../llm-flags.js';
import { printJson, table } from '../output.js';
import type { ExploreOpts } from './explore.js';

/** What a site of ours gives that a URL does not: each option that needs it, refused by name. */
const NEEDS_OUR_STATE = 'it reads the episode state of one of our sites, and a site given by --url has none we can read';

/** The start URLs of --url and --urls FILE (one a line; blank lines and # comments skipped). */
function startUrls(opts: ExploreOpts): string[] {
  const fromFile = (() => {
    if (opts.urls === undefined) return [];
    let text: string;
    try {
      text = readFileSync(opts.urls, 'utf8');
    } catch (err) {
      throw new InvalidInputError(`--urls ${opts.urls}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    return text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  })();
  const urls = [...new Set([...(opts.url ?? []), ...fromFile])];
  if (urls.length === 0) throw new InvalidInputError(`--urls ${opts.urls}: no URL in it`, { hint: 'one http(s) URL a line' });
  return urls;
}

/** Refuses what needs our state, with the reason; returns nothing when the options fit a URL. */
function refuseStateOptions(opts: ExploreOpts): void {
  if (opts.sites !== undefined) throw new InvalidInputError('--url and --sites cannot be combined: explore our sites or other web sites, in separate runs', { hint: 'drop --sites to explore the URLs, or drop --url' });
  if (opts.explorer !== undefined && opts.explorer !== 'llm') throw new InvalidInputError(`--explorer ${opts.explorer} cannot explore a URL: ${opts.explorer === 'scripted' ? `the scripted explorer pursues an intent our task generator draws, and ${NEEDS_OUR_STATE.replace('it reads', 'the generator knows')}` : 'unknown explorer'}`, { hint: 'use --explorer llm (the default for --url) with --model' });
  if (opts.labeler !== undefined && opts.labeler !== 'llm') throw new InvalidInputError(`--labeler ${opts.labeler} cannot label a URL's exploration: ${NEEDS_OUR_STATE}`, { hint: 'use --labeler llm (the default for --url) with --model' });
  if (opts.summaries === 'exact') throw new InvalidInputError(`--summaries exact cannot summarize a URL's exploration: ${NEEDS_OUR_STATE}`, { hint: 'use --summaries llm or auto (the model, for a URL)' });
  if (opts.summaries !== 'llm' && opts.summaries !== 'auto') throw new InvalidInputError(`--summaries must be exact, llm or auto, got "${opts.summaries}"`);
  if (opts.reasoning !== undefined && opts.reasoning !== 'llm') throw new InvalidInputError(`--reasoning ${opts.reasoning} cannot rewrite a URL's exploration: ${opts.reasoning === 'embedded' ? 'it explains each step by the constraints it met, and a URL\'s instruction has none' : 'unknown mode'}`, { hint: 'use --reasoning llm (the default for --url) with --model' });
}

type UrlTally = { episodes: number; steps: number; demonstrations: number; ends: Record<string, number>; errors: string[] };

/** `explore --url`: a model does everything our state did; see src/pipeline/explore/explore-web-run.ts. */
export async function exploreUrls(opts: ExploreOpts): Promise<void> {
  refuseStateOptions(opts);
  const urls = startUrls(opts);
  const threshold = Number(opts.threshold);
  if (!Number.isFinite(threshold) || threshold < 1 || threshold > 5) throw new InvalidInputError(`--threshold must be a score from 1 to 5, got "${opts.threshold}"`);
  const allowOrigins = opts.allowOrigins
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((o) => {
      try {
        const u = new URL(o);
        if (!/^https?:$/.test(u.protocol)) throw new Error('not http(s)');
        return u.origin;
      } catch {
        throw new InvalidInputError(`--allow-origins: ${JSON.stringify(o)} is not an http(s) origin`, { hint: 'e.g. https://cdn.example.com' });
      }
    });
  let model;
  try {
    model = createProvider(resolveLlm(opts).config);
  } catch (err) {
    if (err instanceof InvalidInputError) throw new InvalidInputError(`exploring a URL needs a model: it explores, summarizes each step, labels and scores the prefixes and rewrites the reasoning (${err.message})`, { hint: err.hint ?? 'pass --model (and --base-url for a local server)' });
    throw err;
  }
  if (!opts.resume && RunStore.exists(opts.out)) throw new InvalidInputError(`${opts.out} already holds a run`, { hint: 'continue it with --resume, or choose another --out' });
  const tally = new Map<string, UrlTally>();
  const tallyOf = (url: string) => tally.get(url) ?? (tally.set(url, { episodes: 0, steps: 0, demonstrations: 0, ends: {}, errors: [] }), tally.get(url)!);
  const bar = new SingleBar({ format: 'explorations {bar} {value}/{total} | demonstrations {demos}', stream: process.stderr, hideCursor: true });
  let demos = 0;
  let done = 0;
  let failed = 0;
  const t0 = performance.now();
  const store = await exploreWebRun({
    dir: opts.out,
    urls,
    episodes: opts.episodes,
    models: { explorer: model, summaries: model, labeler: model, reasoning: model },
    seed: opts.seed,
    maxSteps: opts.maxSteps,
    parallel: opts.parallel,
    resume: Boolean(opts.resume),
    threshold,
    ...(allowOrigins ? { allowOrigins } : {}),
    summaryBudgetTokens: opts.obsBudget ?? DEFAULT_SUMMARY_BUDGET,
    onStart: (total, already) => {
      if (already > 0) process.stderr.write(`resuming: ${already} of ${total} explorations already done\n`);
      if (process.stderr.isTTY) bar.start(total - already, 0, { demos: 0 });
    },
    onEpisode: (r) => {
      const t = tallyOf(r.url);
      t.episodes++;
      if (r.ok) {
        t.steps += r.result.steps.length;
        t.demonstrations += r.result.rows.length;
        t.ends[r.result.end] = (t.ends[r.result.end] ?? 0) + 1;
        if (r.result.error && r.result.end === 'error') t.errors.push(r.result.error.split('\n')[0]!);
        for (const p of r.result.problems) t.errors.push(p);
        demos += r.result.rows.length;
      } else {
        t.ends.error = (t.ends.error ?? 0) + 1;
        t.errors.push(r.error);
        failed++;
      }
      done++;
      if (process.stderr.isTTY) bar.update(done, { demos });
    },
  });
  if (process.stderr.isTTY) bar.stop();
  const rows = store.rows();
  store.close();
  const seconds = (performance.now() - t0) / 1000;
  const byUrl = Object.fromEntries(urls.map((u) => [u, { rows: rows.filter((r) => isWebTask(r.task) && r.task.startUrl === new URL(u).href).length, thisRun: tallyOf(u) }]));
  // An exploration whose start page could not be loaded is an error: the run is kept, and --resume tries it again.
  if (failed > 0) process.exitCode = 1;
  if (opts.json) return printJson({ run: resolve(opts.out), explorer: 'llm', model: model.model, rows: rows.length, seconds: Math.round(seconds * 10) / 10, failed, byUrl });
  process.stdout.write(
    `${table(
      ['url', 'explorations', 'steps', 'demonstrations', 'ends', 'rows in run'],
      urls.map((u) => {
        const t = tallyOf(u);
        return [u, t.episodes, t.steps, t.demonstrations, Object.entries(t.ends).map(([k, v]) => `${k} ${v}`).join(', ') || '-', byUrl[u]!.rows];
      }),
    )}\n`,
  );
  for (const u of urls) for (const e of [...new Set(tallyOf(u).errors)].slice(0, 5)) process.stdout.write(`${u}: ${e}\n`);
  process.stdout.write(`run: ${resolve(opts.out)} in ${seconds.toFixed(1)} s${failed ? `; ${failed} exploration(s) could not start (continue with --resume once the site is up)` : ''}; export with: webfoundry export --run ${opts.out} --format openai --per step --out DIR\n`);
}
