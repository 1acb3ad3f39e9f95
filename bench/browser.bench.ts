/**
 * Browser runtime figures on the six sites: step latency (action + observation, and settle) over
 * an agent-like script per site, reset latency with a warm browser (to another site, and to the
 * same site again), observation tokens per site
 * (viewport mode, on the home, results and listing pages), and the cost of the two ways to map
 * accessibility nodes to bids. Prints tables; --json for JSON; --rounds N (default 3).
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../src/browser/chromium.js';
import { BrowserEnv } from '../src/browser/env/browser-env.js';
import type { EpisodeBackend } from '../src/browser/env/episode-backend.js';
import { capturePageSnapshot } from '../src/browser/observation/cdp-snapshot.js';
import { cdpFor } from '../src/browser/observation/cdp-sessions.js';
import { markPage } from '../src/browser/observation/runtime-calls.js';
import { Rng } from '../src/core/rng.js';
import type { Observation } from '../src/core/schemas/observation.js';
import type { StepResult } from '../src/core/schemas/step-info.js';
import { searchQueryString } from '../src/sites/engine/search-query.js';
import { startServer } from '../src/sites/engine/server.js';
import type { SiteDefinition } from '../src/sites/engine/site-definition.js';
import { loadWorld } from '../src/world/world-store.js';
import { fmt, median, percentile } from './stats.js';

const json = process.argv.includes('--json');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;
const out: Record<string, unknown> = {};
const say = (s: string) => {
  if (!json) process.stdout.write(`${s}\n`);
};

const { world } = loadWorld(1);
const server = await startServer({ port: 0, world });
const backend: EpisodeBackend = {
  allowedOrigins: server.sites.map((s) => server.origin(s.id)),
  startEpisode: async (siteId, id) => `${server.origin(siteId)}/?wf_episode=${id}`,
  snapshot: async (id) => server.episodes.snapshot(id),
};
const browser = await launchChromium();
const env = new BrowserEnv({ browser, backend, episodePrefix: 'bench' });

/** The bid of the first line matching, as an agent reading the observation would pick it. */
function bid(obs: Observation, re: RegExp): string | undefined {
  const line = obs.axtree.split('\n').find((l) => re.test(l));
  return line ? /\[([^\]]+)\]/.exec(line)?.[1] : undefined;
}
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Sample = { kind: string; actionObserve: number; settle: number; total: number };
const samples: Sample[] = [];
const resets: number[] = [];
const tokens: Record<string, number[]> = {};

/** One agent-like episode on a site; every step is timed by the env itself. */
async function episode(site: SiteDefinition, round: number): Promise<void> {
  const t0 = performance.now();
  let obs = await env.reset({ siteId: site.id });
  resets.push(performance.now() - t0);
  const siteTokens = (tokens[site.id] ??= []);
  siteTokens.push(obs.tokens.tokens);
  const step = async (kind: string, action: string): Promise<StepResult> => {
    const r = await env.step(action);
    if (r.observation.lastActionError) throw new Error(`${site.id}: ${action} failed: ${r.observation.lastActionError}`);
    const t = r.info.timings;
    samples.push({ kind, actionObserve: t.actionMs + t.observeMs, settle: t.settleMs, total: t.totalMs });
    obs = r.observation;
    return r;
  };
  for (const name of ['Accept all cookies', 'Close']) {
    const b = bid(obs, new RegExp(`button "${name}"`));
    if (b) await step('click (overlay)', `click('${b}')`);
  }
  const params = site.exampleSearch(world, new Rng(`bench/${site.id}/${round}`));
  for (const f of site.searchFields) {
    const value = params[f.name];
    if (value === undefined) continue;
    if (f.kind === 'date' || f.kind === 'text') {
      const b = bid(obs, new RegExp(`textbox "${esc(f.label)}"`));
      if (b) await step('fill', `fill('${b}', '${String(value)}')`);
    } else if (f.kind === 'stepper') {
      const b = bid(obs, new RegExp(`button "Increase ${esc(f.label.toLowerCase())}"`));
      if (b) await step('click (in page)', `click('${b}')`);
    } else if (f.kind === 'select') {
      const b = bid(obs, new RegExp(`combobox "${esc(f.label)}"`));
      const label = f.options.find((o) => o.value === String(value))?.label;
      if (b && label) await step('select_option', `select_option('${b}', ${JSON.stringify(label)})`);
    }
  }
  await step('goto', `goto('${server.origin(site.id)}/search?${searchQueryString(site, params)}')`);
  siteTokens.push(obs.tokens.tokens);
  await step('scroll', 'scroll(0, 600)');
  await step('scroll', 'scroll(0, -600)');
  const filter = bid(obs, /checkbox ".*" unchecked/);
  if (filter) await step('click (navigates)', `click('${filter}')`);
  if (filter) await step('click (navigates)', `click('${filter}')`);
  // Scroll down to the first result, as an agent reading the viewport would.
  const selectRe = new RegExp(`link "${esc(site.wording.selectButton)}: `);
  for (let i = 0; i < 8 && !bid(obs, selectRe); i++) await step('scroll', 'scroll(0, 500)');
  const select = bid(obs, selectRe);
  if (!select) throw new Error(`${site.id}: no result to select on ${obs.url}`);
  await step('click (navigates)', `click('${select}')`);
  siteTokens.push(obs.tokens.tokens);
  const radio = bid(obs, /radio ".*" unchecked(?! disabled)/);
  if (radio) await step('check', `check('${radio}')`);
  await step('go_back', 'go_back()');
}

// Warm-up: one episode per site, not counted (first contexts, first compiles).
for (const site of server.sites) await episode(site, 99);
samples.length = 0;
resets.length = 0;
for (const k of Object.keys(tokens)) delete tokens[k];
for (let round = 0; round < rounds; round++) for (const site of server.sites) await episode(site, round);

// Resets on their own: the same site again (an env working through one site's tasks), which
// reuses the renderer process; the episodes above switch site every time, which cannot.
const sameSiteResets: number[] = [];
for (const site of server.sites) {
  for (let i = 0; i < 4; i++) {
    const t = performance.now();
    await env.reset({ siteId: site.id });
    if (i > 0) sameSiteResets.push(performance.now() - t);
  }
}

const row = (label: string, xs: number[]) => `${label.padEnd(22)} ${String(xs.length).padStart(5)} ${fmt(median(xs)).padStart(7)} ${fmt(percentile(xs, 95)).padStart(7)}`;
say(`step latency over ${samples.length} steps (${rounds} rounds x ${server.sites.length} sites), ms:`);
say(`${'phase'.padEnd(22)} ${'n'.padStart(5)} ${'p50'.padStart(7)} ${'p95'.padStart(7)}`);
say(row('action + observation', samples.map((s) => s.actionObserve)));
say(row('settle', samples.map((s) => s.settle)));
say(row('total step', samples.map((s) => s.total)));
say(row('reset, other site', resets));
say(row('reset, same site', sameSiteResets));
say(`\naction + observation by kind, ms:`);
const kinds = [...new Set(samples.map((s) => s.kind))];
for (const k of kinds) say(row(k, samples.filter((s) => s.kind === k).map((s) => s.actionObserve)));
out.stepMs = {
  actionObserve: { p50: Number(fmt(median(samples.map((s) => s.actionObserve)))), p95: Number(fmt(percentile(samples.map((s) => s.actionObserve), 95))) },
  settle: { p50: Number(fmt(median(samples.map((s) => s.settle)))), p95: Number(fmt(percentile(samples.map((s) => s.settle), 95))) },
  total: { p50: Number(fmt(median(samples.map((s) => s.total)))), p95: Number(fmt(percentile(samples.map((s) => s.total), 95))) },
  byKind: Object.fromEntries(kinds.map((k) => [k, Number(fmt(median(samples.filter((s) => s.kind === k).map((s) => s.actionObserve))))])),
};
out.resetMs = {
  otherSite: { p50: Number(fmt(median(resets))), p95: Number(fmt(percentile(resets, 95))) },
  sameSite: { p50: Number(fmt(median(sameSiteResets))), p95: Number(fmt(percentile(sameSiteResets, 95))) },
};

say(`\nobservation tokens (chars/3.2 estimate, viewport mode; home, results and listing pages):`);
say(`${'site'.padEnd(12)} ${'median'.padStart(7)} ${'max'.padStart(6)}`);
const perSite: Record<string, { median: number; max: number }> = {};
for (const [id, xs] of Object.entries(tokens)) {
  perSite[id] = { median: median(xs), max: Math.max(...xs) };
  say(`${id.padEnd(12)} ${String(median(xs)).padStart(7)} ${String(Math.max(...xs)).padStart(6)}`);
}
const all = Object.values(tokens).flat();
say(`${'all'.padEnd(12)} ${String(median(all)).padStart(7)} ${String(Math.max(...all)).padStart(6)}`);
out.tokens = { perSite, median: median(all), max: Math.max(...all) };

// Mapping AX nodes to bids on a results page: our DOM snapshot vs BrowserGym's aria attribute trick.
const site = server.sites[1]!;
await env.reset({ siteId: site.id });
const params = site.exampleSearch(world, new Rng('bench/mapping'));
await env.step(`goto('${server.origin(site.id)}/search?${searchQueryString(site, params)}')`);
const page = env.page!;
const cdp = await cdpFor(page);
const ours: number[] = [];
const ariaTrick: number[] = [];
for (let i = 0; i < 20; i++) {
  let t = performance.now();
  await markPage(page);
  await capturePageSnapshot(cdp);
  ours.push(performance.now() - t);
  t = performance.now();
  await viaAriaDescription(page);
  ariaTrick.push(performance.now() - t);
}
say(`\nmapping AX nodes to bids (${site.id} results page, 20 runs), ms:`);
say(row('DOM snapshot (ours)', ours));
say(row('aria-description trick', ariaTrick));
out.bidMappingMs = { domSnapshot: Number(fmt(median(ours))), ariaDescription: Number(fmt(median(ariaTrick))) };

await env.close();
await browser.close();
await server.close();
if (json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);

/**
 * BrowserGym's way, for comparison: write each bid into aria-description, read the AX tree (the
 * bid comes back as the node's description), then restore the attributes. Strings, not
 * functions, for page.evaluate (see page-runtime.ts).
 */
async function viaAriaDescription(p: Page): Promise<number> {
  await p.evaluate(`(() => {
    for (const el of document.querySelectorAll('[data-wf-bid]')) {
      const prev = el.getAttribute('aria-description');
      if (prev !== null) el.setAttribute('data-wf-prev-desc', prev);
      el.setAttribute('aria-description', 'wf:' + el.getAttribute('data-wf-bid'));
    }
  })()`);
  const ax = await (await cdpFor(p)).send('Accessibility.getFullAXTree', {});
  await p.evaluate(`(() => {
    for (const el of document.querySelectorAll('[aria-description]')) {
      const prev = el.getAttribute('data-wf-prev-desc');
      if (prev !== null) { el.setAttribute('aria-description', prev); el.removeAttribute('data-wf-prev-desc'); }
      else el.removeAttribute('aria-description');
    }
  })()`);
  return ax.nodes.filter((n) => String(n.description?.value ?? '').startsWith('wf:')).length;
}
