/**
 * How big the pages are to an agent: observation tokens (chars/3.2, as `observation.tokens`)
 * per page type (home, results, listing, details, review, confirmation), in viewport and in full
 * mode, for every site, on the pages an agent really meets: the scripted teacher (noise 0)
 * books tasks of bookingarena-v0 and every observation it reads is counted under its page type.
 *
 * With `--baseline DIR` (a checkout of another revision, e.g. `git archive main | tar -x -C
 * /tmp/base` with node_modules linked) the same tasks run against that revision's site server
 * too, in the same run: "before" and "after" side by side. The observer and the
 * teacher are this revision's in both, so only the pages differ.
 *
 * Prints, per page type, the median and max over every observation ("all") and over the first
 * observation of each page ("arrival", before any scroll), then per site the medians; step p50
 * per revision; and whether the full-mode page fits the LLM agent's default observation budget.
 * Flags: --tasks N per site (default 2), --json.
 */
import { tsImport } from 'tsx/esm/api';
import { agentFactory } from '../src/agents/make-agent.js';
import { LlmAgentOptions } from '../src/agents/llm/options.js';
import type { Trajectory } from '../src/core/schemas/trajectory.js';
import { runTasks } from '../src/rollout/run-tasks.js';
import { pageTypeOfPath, PAGE_TYPES, type PageType } from '../src/sites/engine/chrome/page-content.js';
import { startServer, type SiteServer } from '../src/sites/engine/server.js';
import { SITES, loadArenaWorld } from '../src/sites/registry.js';
import { loadTasks } from '../src/tasks/task-file.js';
import { median, percentile } from './stats.js';

const json = process.argv.includes('--json');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const perSite = Number(arg('--tasks') ?? 2);
const baselineDir = arg('--baseline');
const say = (s: string) => !json && process.stdout.write(`${s}\n`);
const MODES = ['viewport', 'full'] as const;
type Mode = (typeof MODES)[number];
const budget = LlmAgentOptions.parse({}).obsBudgetTokens;

const { world } = loadArenaWorld(1);
const suite = loadTasks('bookingarena-v0', { world });
const tasks = SITES.flatMap((s) => suite.filter((t) => t.site === s.id).slice(0, perSite));

type Server = Pick<SiteServer, 'sites' | 'origin' | 'episodes' | 'close'>;
const revisions: { label: string; server: Server }[] = [{ label: 'after', server: await startServer({ port: 0, world }) }];
if (baselineDir) {
  // Its own tsconfig: the pages are TSX, compiled with that revision's JSX settings.
  const opts = { parentURL: import.meta.url, tsconfig: `${baselineDir}/tsconfig.json` };
  const base = (await tsImport(`${baselineDir}/src/sites/engine/server.ts`, opts)) as { startServer: (o: object) => Promise<Server> };
  const reg = (await tsImport(`${baselineDir}/src/sites/registry.ts`, opts)) as { loadArenaWorld: (seed: number) => { world: unknown } };
  revisions.unshift({ label: 'before', server: await base.startServer({ port: 0, world: reg.loadArenaWorld(1).world }) });
}

/** Tokens by revision, mode, site and page type: every observation, and the first of each page. */
type Sample = { all: number[]; arrival: number[] };
const samples = new Map<string, Sample>();
const steps = new Map<string, number[]>();
const key = (rev: string, mode: Mode, site: string, page: PageType) => `${rev}/${mode}/${site}/${page}`;
const sample = (k: string) => samples.get(k) ?? (samples.set(k, { all: [], arrival: [] }), samples.get(k)!);

let failed = 0;
for (const mode of MODES) {
  for (const { label, server } of revisions) {
    const ts: Trajectory[] = await runTasks({
      tasks,
      server: server as SiteServer,
      makePolicy: agentFactory('scripted', { world, noise: 0 }),
      parallel: 1,
      maxSteps: 60,
      runId: `pages-${label}-${mode}`,
      seed: 1,
      env: { mode },
    });
    for (const t of ts) {
      if (!t.end.evaluation.sr) failed++;
      let last = '';
      for (const s of t.steps) {
        const page = pageTypeOfPath(new URL(s.url).pathname);
        const k = key(label, mode, t.header.task.site, page);
        sample(k).all.push(s.observationTokens);
        if (s.url !== last) sample(k).arrival.push(s.observationTokens);
        last = s.url;
        (steps.get(`${label}/${mode}`) ?? (steps.set(`${label}/${mode}`, []), steps.get(`${label}/${mode}`)!)).push(s.timings.totalMs);
      }
    }
  }
}
for (const { server } of revisions) await server.close();

const pool = (rev: string, mode: Mode, page: PageType, which: keyof Sample) => SITES.flatMap((s) => samples.get(key(rev, mode, s.id, page))?.[which] ?? []);
const stat = (xs: number[]) => (xs.length ? { median: median(xs), max: Math.max(...xs) } : undefined);
const cell = (xs: number[]) => {
  const s = stat(xs);
  return (s ? `${s.median}/${s.max}` : '-').padStart(11);
};
const labels = revisions.map((r) => r.label);
const out: Record<string, unknown> = { tasks: tasks.length, budget, failedEpisodes: failed };

say(`observation tokens per page type, median/max over ${tasks.length} teacher episodes per mode (${perSite} per site); LLM default budget ${budget}`);
for (const which of ['arrival', 'all'] as const) {
  say(`\n${which === 'arrival' ? 'first observation of each page (arrival)' : 'every observation on the page (scrolled too)'}:`);
  say(`${'page type'.padEnd(13)}${MODES.flatMap((m) => labels.map((l) => `${m} ${l}`.padStart(16))).join('')}`);
  for (const page of PAGE_TYPES) {
    if (page === 'other') continue;
    say(`${page.padEnd(13)}${MODES.flatMap((m) => labels.map((l) => cell(pool(l, m, page, which)).padStart(16))).join('')}`);
  }
}
out.perPageType = Object.fromEntries(
  PAGE_TYPES.map((page) => [page, Object.fromEntries(MODES.map((m) => [m, Object.fromEntries(labels.map((l) => [l, { arrival: stat(pool(l, m, page, 'arrival')), all: stat(pool(l, m, page, 'all')) }]))]))]),
);

say(`\nper site, arrival medians (${MODES.flatMap((m) => labels.map((l) => `${m} ${l}`)).join(' | ')}):`);
const bySite: Record<string, unknown> = {};
for (const site of SITES) {
  say(`${site.id}:`);
  for (const page of PAGE_TYPES) {
    if (page === 'other') continue;
    const row = MODES.flatMap((m) => labels.map((l) => samples.get(key(l, m, site.id, page))?.arrival ?? []));
    say(`  ${page.padEnd(13)}${row.map((xs) => cell(xs).padStart(16)).join('')}`);
    bySite[`${site.id}/${page}`] = Object.fromEntries(MODES.flatMap((m) => labels.map((l) => [`${m}/${l}`, stat(samples.get(key(l, m, site.id, page))?.arrival ?? [])])));
  }
}
out.perSite = bySite;

say('\nstep p50 / p95, ms (env timings of the same episodes):');
for (const m of MODES) for (const l of labels) say(`  ${`${m} ${l}`.padEnd(16)} ${median(steps.get(`${l}/${m}`) ?? [])} / ${percentile(steps.get(`${l}/${m}`) ?? [], 95)}`);
out.stepMs = Object.fromEntries(MODES.flatMap((m) => labels.map((l) => [`${m}/${l}`, { p50: median(steps.get(`${l}/${m}`) ?? []), p95: percentile(steps.get(`${l}/${m}`) ?? [], 95) }])));

const over = PAGE_TYPES.filter((p) => (stat(pool('after', 'full', p, 'all'))?.max ?? 0) > budget);
say(`\nfull-mode pages over the ${budget}-token budget: ${over.length ? over.join(', ') : 'none'}`);
say(failed ? `\n${failed} episode(s) did not succeed: the figures are from incomplete runs` : '');
out.overBudget = over;
if (json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
