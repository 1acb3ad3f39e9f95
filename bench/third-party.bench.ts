/**
 * The runtime on pages nobody here wrote (test/fixtures/third-party/, after MiniWoB++ patterns):
 * per page, the share of elements a person can click (marked data-human-clickable in the
 * fixture; only those shown count) that have a line with their bid in the observation, and the
 * observation's tokens (viewport mode). For this revision, for a baseline checkout with
 * `--baseline DIR` (see browser.bench.ts), and for BrowserGym's axtree text
 * (flatten_axtree_to_str over its own marking, bench/browsergym-protocol.ts).
 * Prints a table; --json for JSON.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../src/browser/chromium.js';
import { BrowserEnv } from '../src/browser/env/browser-env.js';
import { estimateTokens } from '../src/browser/observation/tokens.js';
import { FIXTURES, startStaticServer } from '../test/helpers/static-server.js';
import { BrowserGymProtocol } from './browsergym-protocol.js';

const json = process.argv.includes('--json');
const i = process.argv.indexOf('--baseline');
const baselineDir = i > 0 ? process.argv[i + 1] : undefined;
const say = (s: string) => {
  if (!json) process.stdout.write(`${s}\n`);
};

const site = await startStaticServer();
const partner = await startStaticServer({ host: 'localhost' });
const browser = await launchChromium();
const pages = readdirSync(join(FIXTURES, 'third-party')).filter((f) => f.endsWith('.html'));
const urlOf = (p: string) => `${site.url(`third-party/${p}`)}${p === 'iframes.html' ? `#${partner.origin}` : ''}`;

/** Bids of the shown elements a person can click, in every frame, read by `attr`. */
async function wanted(page: Page, attr: string): Promise<string[]> {
  const out: string[] = [];
  for (const frame of page.frames()) {
    out.push(
      ...((await frame.evaluate(`[...document.querySelectorAll('[data-human-clickable]')]
        .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility === 'visible')
        .map((e) => e.getAttribute(${JSON.stringify(attr)}))`)) as string[]),
    );
  }
  return out;
}

const linesWithBids = (text: string) => new Set(text.split('\n').map((l) => /^\s*\[([^\]]+)\]/.exec(l)?.[1]).filter((b): b is string => b !== undefined));

type Row = { page: string; wanted: number; withBid: number; tokens: number };
type EnvLike = { reset(t: { url: string }): Promise<{ axtree: string }>; page: Page | undefined; close(): Promise<void> };

async function measureEnv(make: (opts: object) => EnvLike): Promise<Row[]> {
  const rows: Row[] = [];
  const full = make({ browser, mode: 'full', allowOrigins: [partner.origin] });
  const viewport = make({ browser, allowOrigins: [partner.origin] });
  for (const p of pages) {
    const obs = await full.reset({ url: urlOf(p) });
    const shown = linesWithBids(obs.axtree);
    const w = await wanted(full.page!, 'data-wf-bid');
    const tokens = estimateTokens((await viewport.reset({ url: urlOf(p) })).axtree).tokens;
    rows.push({ page: p, wanted: w.length, withBid: w.filter((b) => shown.has(b)).length, tokens });
  }
  await full.close();
  await viewport.close();
  return rows;
}

async function measureBrowserGym(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const p of pages) {
    const bg = await BrowserGymProtocol.create(browser, { width: 1280, height: 720 });
    try {
      const obs = await bg.reset(urlOf(p));
      const shown = linesWithBids(obs.axtreeText);
      const w = await wanted(bg.page, 'bid');
      rows.push({ page: p, wanted: w.length, withBid: w.filter((b) => shown.has(b)).length, tokens: estimateTokens(obs.axtreeText).tokens });
    } finally {
      await bg.close();
    }
  }
  return rows;
}

const results: Record<string, Row[]> = {};
results['this revision'] = await measureEnv((o) => new BrowserEnv(o) as unknown as EnvLike);
if (baselineDir) {
  const mod = (await import(`${baselineDir}/src/browser/env/browser-env.ts`)) as { BrowserEnv: new (o: object) => EnvLike };
  results.baseline = await measureEnv((o) => new mod.BrowserEnv(o));
}
results.browsergym = await measureBrowserGym();

const labels = Object.keys(results);
say(`elements a person can click that have a bid line, and observation tokens, per page:`);
say(`${'page'.padEnd(22)} ${labels.map((l) => `${l.slice(0, 13).padStart(13)} ${'tok'.padStart(5)}`).join('  ')}`);
for (const [k, p] of pages.entries()) {
  const cells = labels.map((l) => {
    const r = results[l]![k]!;
    return `${`${r.withBid}/${r.wanted}`.padStart(13)} ${String(r.tokens).padStart(5)}`;
  });
  say(`${p.replace('.html', '').padEnd(22)} ${cells.join('  ')}`);
}
const summary: Record<string, { share: number; withBid: number; wanted: number; tokensTotal: number }> = {};
for (const l of labels) {
  const rows = results[l]!;
  const wantedN = rows.reduce((n, r) => n + r.wanted, 0);
  const withBid = rows.reduce((n, r) => n + r.withBid, 0);
  summary[l] = { share: Number((withBid / wantedN).toFixed(3)), withBid, wanted: wantedN, tokensTotal: rows.reduce((n, r) => n + r.tokens, 0) };
  say(`${l}: ${withBid}/${wantedN} clickable elements with a bid (${(100 * summary[l].share).toFixed(1)}%), ${summary[l].tokensTotal} observation tokens over ${pages.length} pages`);
}

await browser.close();
await site.close();
await partner.close();
if (json) process.stdout.write(`${JSON.stringify({ summary, pages: results }, null, 2)}\n`);
