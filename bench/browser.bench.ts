/**
 * Browser runtime figures on the six sites, in one run:
 *
 * - step latency (p50/p95 of the env's own timings) and observation tokens (viewport mode, home,
 *   results and listing pages) over an agent-like script per site;
 * - the same script under BrowserGym's per-step protocol as its source does it
 *   (bench/browsergym-protocol.ts: 0.5 s pre-observation delay, bid marking in every frame, DOM
 *   snapshot, merged AX tree, screenshot), so the speed ratio is measured here, not quoted, with
 *   the tokens of BrowserGym's own axtree text (flatten_axtree_to_str) on the same pages;
 * - with `--baseline DIR` (a checkout of another revision, e.g. `git worktree add /tmp/base main`
 *   or `git archive main | tar -x -C /tmp/base` with node_modules linked), the same script on
 *   that revision's BrowserEnv too: "before" and "after" in the same run, rounds interleaved;
 * - reset latency with a warm browser (to another site, and to the same site again).
 *
 * Prints tables; --json for JSON; --rounds N (default 3); --no-browsergym skips the protocol.
 */
import { launchChromium } from '../src/browser/chromium.js';
import { BrowserEnv } from '../src/browser/env/browser-env.js';
import type { EpisodeBackend } from '../src/browser/env/episode-backend.js';
import { estimateTokens } from '../src/browser/observation/tokens.js';
import { Rng } from '../src/core/rng.js';
import { searchQueryString } from '../src/sites/engine/search-query.js';
import { siteBackend } from '../src/rollout/site-backend.js';
import { startServer } from '../src/sites/engine/server.js';
import type { SiteDefinition } from '../src/sites/engine/site-definition.js';
import { BrowserGymProtocol } from './browsergym-protocol.js';
import { fmt, median, percentile } from './stats.js';
import { loadArenaWorld } from '../src/sites/registry.js';

const json = process.argv.includes('--json');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const rounds = Number(arg('--rounds') ?? 3);
const baselineDir = arg('--baseline');
const withBrowserGym = !process.argv.includes('--no-browsergym');
const out: Record<string, unknown> = {};
const say = (s: string) => {
  if (!json) process.stdout.write(`${s}\n`);
};

const { world } = loadArenaWorld(1);
const server = await startServer({ port: 0, world });
// The real adapter: episodes are created on the server and opened through their start URLs (tickets).
const backend: EpisodeBackend = siteBackend(server);
const browser = await launchChromium();
const VIEWPORT = { width: 1280, height: 720 };

/** What the script looks for: a role, a name pattern, and for checkboxes an unchecked, enabled one. */
type Target = { role: string; name?: RegExp; unchecked?: boolean };
type Sample = { kind: string; actionObserve: number; settle: number; total: number };

/** One way to run the script: our env (this revision or the baseline's) or BrowserGym's protocol. */
interface Driver {
  readonly label: string;
  reset(siteId: string): Promise<void>;
  /** The observation text an agent reads now. */
  text(): string;
  bid(t: Target): string | undefined;
  click(bid: string): Promise<Sample>;
  fill(bid: string, text: string): Promise<Sample>;
  select(bid: string, option: string): Promise<Sample>;
  goto(url: string): Promise<Sample>;
  scroll(dy: number): Promise<Sample>;
  goBack(): Promise<Sample>;
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Our observation lines: `[bid] role "name" ... states`. */
function ourBid(text: string, t: Target): string | undefined {
  for (const line of text.split('\n')) {
    const m = /^\s*\[([^\]]+)\] (\S+)(?: ("(?:[^"\\]|\\.)*"))?(.*)$/.exec(line);
    if (!m || m[2] !== t.role) continue;
    const name = m[3] ? (JSON.parse(m[3]) as string) : '';
    if (t.name && !t.name.test(name)) continue;
    if (t.unchecked && (!/ unchecked/.test(m[4]!) || / disabled/.test(m[4]!))) continue;
    return m[1];
  }
  return undefined;
}

/** BrowserGym's lines: `[bid] role 'name', prop=value, ...` (Python repr quoting). */
function bgBid(text: string, t: Target): string | undefined {
  for (const line of text.split('\n')) {
    const m = /^\t*\[([^\]]+)\] (\S+) (?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")(.*)$/.exec(line);
    if (!m || m[2] !== t.role) continue;
    const name = (m[3] ?? m[4] ?? '').replace(/\\(.)/g, '$1');
    if (t.name && !t.name.test(name)) continue;
    if (t.unchecked && (!/checked='false'/.test(m[5]!) || /disabled=True/.test(m[5]!))) continue;
    return m[1];
  }
  return undefined;
}

type EnvLike = { reset(t: { siteId: string }): Promise<{ axtree: string }>; step(a: string): Promise<{ observation: { axtree: string; lastActionError: string | null }; info: { timings: { actionMs: number; settleMs: number; observeMs: number; totalMs: number } } }>; close(): Promise<void> };

function envDriver(label: string, env: EnvLike): Driver {
  let text = '';
  const step = async (kind: string, action: string): Promise<Sample> => {
    const r = await env.step(action);
    if (r.observation.lastActionError) throw new Error(`${label}: ${action} failed: ${r.observation.lastActionError}`);
    text = r.observation.axtree;
    const t = r.info.timings;
    return { kind, actionObserve: t.actionMs + t.observeMs, settle: t.settleMs, total: t.totalMs };
  };
  return {
    label,
    async reset(siteId) {
      text = (await env.reset({ siteId })).axtree;
    },
    text: () => text,
    bid: (t) => ourBid(text, t),
    click: (b) => step('click', `click('${b}')`),
    fill: (b, v) => step('fill', `fill('${b}', ${JSON.stringify(v)})`),
    select: (b, o) => step('select_option', `select_option('${b}', ${JSON.stringify(o)})`),
    goto: (u) => step('goto', `goto('${u}')`),
    scroll: (dy) => step('scroll', `scroll(0, ${dy})`),
    goBack: () => step('go_back', 'go_back()'),
    close: () => env.close(),
  };
}

async function browserGymDriver(): Promise<Driver> {
  let bg = await BrowserGymProtocol.create(browser, VIEWPORT);
  let text = '';
  let n = 0;
  const step = async (kind: string, run: (p: BrowserGymProtocol) => Promise<void>): Promise<Sample> => {
    const r = await bg.step(() => run(bg));
    if (r.error) throw new Error(`browsergym: ${kind} failed: ${r.error}`);
    text = r.obs.axtreeText;
    return { kind, actionObserve: r.timings.actionMs + r.timings.observeMs, settle: r.timings.waitMs, total: r.timings.totalMs };
  };
  return {
    label: 'browsergym',
    async reset(siteId) {
      // BrowserGym starts every episode in a new browser context.
      await bg.close();
      bg = await BrowserGymProtocol.create(browser, VIEWPORT);
      text = (await bg.reset(await backend.startEpisode(siteId, `bg-${++n}`))).axtreeText;
    },
    text: () => text,
    bid: (t) => bgBid(text, t),
    click: (b) => step('click', (p) => p.click(b)),
    fill: (b, v) => step('fill', (p) => p.fill(b, v)),
    select: (b, o) => step('select_option', (p) => p.selectOption(b, o)),
    goto: (u) => step('goto', (p) => p.page.goto(u).then(() => undefined)),
    scroll: (dy) => step('scroll', (p) => p.page.mouse.wheel(0, dy)),
    goBack: () => step('go_back', (p) => p.page.goBack().then(() => undefined)),
    close: () => bg.close(),
  };
}

type Stats = { samples: Sample[]; tokens: Record<string, number[]> };

/** One agent-like episode on a site; every step is timed by the driver. */
async function episode(d: Driver, site: SiteDefinition, round: number, stats: Stats): Promise<void> {
  await d.reset(site.id);
  const siteTokens = (stats.tokens[site.id] ??= []);
  siteTokens.push(estimateTokens(d.text()).tokens);
  const run = async (label: string, s: Promise<Sample>) => stats.samples.push({ ...(await s), kind: label });
  for (const name of ['Accept all cookies', 'Close']) {
    const b = d.bid({ role: 'button', name: new RegExp(`^${name}$`) });
    if (b) await run('click (overlay)', d.click(b));
  }
  const params = site.exampleSearch(world, new Rng(`bench/${site.id}/${round}`));
  for (const f of site.searchFields) {
    const value = params[f.name];
    if (value === undefined) continue;
    if (f.kind === 'date' || f.kind === 'text') {
      const b = d.bid({ role: 'textbox', name: new RegExp(`^${esc(f.label)}$`) });
      if (b) await run('fill', d.fill(b, String(value)));
    } else if (f.kind === 'stepper') {
      const b = d.bid({ role: 'button', name: new RegExp(`^Increase ${esc(f.label.toLowerCase())}$`) });
      if (b) await run('click (in page)', d.click(b));
    } else if (f.kind === 'select') {
      const b = d.bid({ role: 'combobox', name: new RegExp(`^${esc(f.label)}$`) });
      const label = f.options.find((o) => o.value === String(value))?.label;
      if (b && label) await run('select_option', d.select(b, label));
    }
  }
  await run('goto', d.goto(`${server.origin(site.id)}/search?${searchQueryString(site, params)}`));
  siteTokens.push(estimateTokens(d.text()).tokens);
  await run('scroll', d.scroll(600));
  await run('scroll', d.scroll(-600));
  const filter = d.bid({ role: 'checkbox', unchecked: true });
  if (filter) await run('click (navigates)', d.click(filter));
  if (filter) await run('click (navigates)', d.click(filter));
  // Scroll down to the first result, as an agent reading the viewport would.
  const select = { role: 'link', name: new RegExp(`^${esc(site.wording.selectButton)}: `) };
  for (let i = 0; i < 8 && !d.bid(select); i++) await run('scroll', d.scroll(500));
  const chosen = d.bid(select);
  if (!chosen) throw new Error(`${d.label} ${site.id}: no result to select`);
  await run('click (navigates)', d.click(chosen));
  siteTokens.push(estimateTokens(d.text()).tokens);
  const radio = d.bid({ role: 'radio', unchecked: true });
  if (radio) await run('click (radio)', d.click(radio));
  await run('go_back', d.goBack());
}

const drivers: { driver: Driver; stats: Stats }[] = [];
const ours = new BrowserEnv({ browser, backend, episodePrefix: 'bench' });
drivers.push({ driver: envDriver('this revision', ours), stats: { samples: [], tokens: {} } });
if (baselineDir) {
  const mod = (await import(`${baselineDir}/src/browser/env/browser-env.ts`)) as { BrowserEnv: new (o: object) => EnvLike };
  drivers.push({ driver: envDriver('baseline', new mod.BrowserEnv({ browser, backend, episodePrefix: 'base' })), stats: { samples: [], tokens: {} } });
}
if (withBrowserGym) drivers.push({ driver: await browserGymDriver(), stats: { samples: [], tokens: {} } });

// Warm-up: one episode per site and driver, not counted (first contexts, first compiles).
for (const site of server.sites) for (const { driver } of drivers) await episode(driver, site, 99, { samples: [], tokens: {} });
for (let round = 0; round < rounds; round++) for (const site of server.sites) for (const { driver, stats } of drivers) await episode(driver, site, round, stats);

const row = (label: string, xs: number[]) => `${label.padEnd(24)} ${String(xs.length).padStart(5)} ${fmt(median(xs)).padStart(8)} ${fmt(percentile(xs, 95)).padStart(8)}`;
const p = (xs: number[]) => ({ p50: Number(fmt(median(xs))), p95: Number(fmt(percentile(xs, 95))) });
const results: Record<string, unknown> = {};
for (const { driver, stats } of drivers) {
  const s = stats.samples;
  say(`\n${driver.label}: step latency over ${s.length} steps (${rounds} rounds x ${server.sites.length} sites), ms:`);
  say(`${'phase'.padEnd(24)} ${'n'.padStart(5)} ${'p50'.padStart(8)} ${'p95'.padStart(8)}`);
  say(row('action + observation', s.map((x) => x.actionObserve)));
  say(row(driver.label === 'browsergym' ? 'fixed delay + DOM wait' : 'settle', s.map((x) => x.settle)));
  say(row('total step', s.map((x) => x.total)));
  const all = Object.values(stats.tokens).flat();
  say(`observation tokens (chars/3.2; home, results, listing): median ${median(all)}, max ${Math.max(...all)}`);
  results[driver.label] = {
    actionObserve: p(s.map((x) => x.actionObserve)),
    settle: p(s.map((x) => x.settle)),
    total: p(s.map((x) => x.total)),
    byKind: Object.fromEntries([...new Set(s.map((x) => x.kind))].map((k) => [k, Number(fmt(median(s.filter((x) => x.kind === k).map((x) => x.total))))])),
    tokens: { median: median(all), max: Math.max(...all), perSite: Object.fromEntries(Object.entries(stats.tokens).map(([id, xs]) => [id, { median: median(xs), max: Math.max(...xs) }])) },
  };
}
out.steps = results;
const total = (label: string) => (results[label] as { total: { p50: number } } | undefined)?.total.p50;
if (withBrowserGym) {
  const ratio = Number(fmt(total('browsergym')! / total('this revision')!, 2));
  say(`\nBrowserGym's protocol / this revision, total step p50: ${ratio}x`);
  out.browserGymRatio = ratio;
}
if (baselineDir) {
  const ratio = Number(fmt(total('this revision')! / total('baseline')!, 2));
  say(`this revision / baseline, total step p50: ${ratio}x`);
  out.baselineRatio = ratio;
}

// Resets on their own: the same site again (an env working through one site's tasks), which
// reuses the renderer process, and to another site, which cannot.
const resets = { otherSite: [] as number[], sameSite: [] as number[] };
for (const site of server.sites) {
  for (let i = 0; i < 4; i++) {
    const t = performance.now();
    await ours.reset({ siteId: site.id });
    (i === 0 ? resets.otherSite : resets.sameSite).push(performance.now() - t);
  }
}
say(`\nresets of this revision, ms:`);
say(row('reset, other site', resets.otherSite));
say(row('reset, same site', resets.sameSite));
out.resetMs = { otherSite: p(resets.otherSite), sameSite: p(resets.sameSite) };

for (const { driver } of drivers) await driver.close();
await browser.close();
await server.close();
if (json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
