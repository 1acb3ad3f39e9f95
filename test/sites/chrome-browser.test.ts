import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInside, parseAxText, type AxPage } from '../../src/agents/ax-lines.js';
import { cutAxtree } from '../../src/agents/llm/observation-text.js';
import { LlmAgentOptions } from '../../src/agents/llm/options.js';
import { ScriptedTeacher } from '../../src/agents/scripted/scripted-teacher.js';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import { CONTROL_ROLES } from '../../src/browser/observation/ax-roles.js';
import type { Observation } from '../../src/core/schemas/observation.js';
import type { Trajectory } from '../../src/core/schemas/trajectory.js';
import { runEpisode } from '../../src/rollout/run-episode.js';
import { siteBackend } from '../../src/rollout/site-backend.js';
import { pageTypeOfPath } from '../../src/sites/engine/chrome/page-content.js';
import { searchQueryString } from '../../src/sites/engine/search-query.js';
import type { SiteDefinition } from '../../src/sites/engine/site-definition.js';
import { SITES } from '../../src/sites/registry.js';
import { loadBookingTasks } from '../../src/tasks/task-file.js';
import { sharedBrowser } from '../helpers/browser.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * The content around the task in real Chromium, read as agents read it (the observation's
 * accessibility text): the scripted teacher books one task per site in full mode, and for each
 * page type the test checks that the page carries its chrome, that the chrome comes after the
 * task's controls (so a budgeted observation keeps them), that no chrome control shares a name
 * with a control of the flow, and that the booking succeeded. Then the help chat and the
 * newsletter are used as an agent would.
 */
const getServer = useTestServer({ browser: true });
const world = testWorld();
const suite = loadBookingTasks('bookingarena-v0', { world });
// The sites of bookingarena-v0 (the chrome is one component library: the newer sites carry the same).
const SUITE_SITES = SITES.filter((s) => suite.some((t) => t.site === s.id));
const BUDGET = LlmAgentOptions.parse({}).obsBudgetTokens;
const runs = new Map<string, Trajectory>();
let env: BrowserEnv;

beforeAll(async () => {
  env = new BrowserEnv({ browser: await sharedBrowser(), backend: siteBackend(getServer()), mode: 'full' });
  for (const site of SUITE_SITES) {
    const task = suite.find((t) => t.site === site.id)!;
    runs.set(site.id, await runEpisode({ env, policy: new ScriptedTeacher(world, 0), task, episodeId: `chrome-${site.id}`, episodeSeed: 1, maxSteps: 60 }));
  }
}, 600_000);
afterAll(async () => {
  await env?.close();
});

/** The lines of a top-level node's subtree: [first, last]. */
function subtree(lines: string[], start: number): [number, number] {
  const depth = (l: string) => l.length - l.trimStart().length;
  let end = start;
  while (end + 1 < lines.length && depth(lines[end + 1]!) > depth(lines[start]!)) end++;
  return [start, end];
}

/** A page as agents read it, split into the flow's part (main, brand, account link, banners) and the chrome. */
function read(site: SiteDefinition, axtree: string) {
  const page: AxPage = parseAxText(axtree);
  const lines = axtree.split('\n');
  const main = page.nodes.findIndex((n) => n.role === 'main');
  const inMain = (i: number) => isInside(page, i, main);
  const roots = page.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.depth === 0);
  const chromeRoots = roots.filter(({ n }) => n.role === 'complementary' || n.role === 'contentinfo' || (n.role === 'region' && page.nodes.some((c) => c.role === 'heading' && c.name.toLowerCase() === 'frequently asked questions' && c.parent === page.nodes.indexOf(n))));
  const inChrome = (i: number) => chromeRoots.some(({ i: r }) => isInside(page, i, r));
  const controls = page.nodes.map((n, i) => ({ n, i })).filter(({ n }) => CONTROL_ROLES.has(n.role) && n.name !== '');
  const headerChrome = controls.filter(({ n, i }) => !inMain(i) && ((n.role === 'link' && n.name === 'Help') || (n.role === 'button' && n.name === 'Chat with us')));
  const chrome = [...headerChrome, ...controls.filter(({ i }) => inChrome(i))].map(({ n }) => n);
  const flow = new Set([
    ...controls.filter(({ i }) => inMain(i)).map(({ n }) => n.name),
    site.name,
    'My bookings',
    'Go to the home page',
    'Change search',
    'Accept all cookies',
    'Reject non-essential',
    'Close',
    'Continue to review',
    site.wording.searchButton,
    site.wording.selectButton,
    site.wording.continueButton,
    site.wording.bookButton,
  ]);
  const [mainFirst, mainLast] = subtree(lines, page.nodes[main]!.line);
  const firstChromeLine = Math.min(...chromeRoots.map(({ n }) => n.line));
  // Lower case: a site whose headings are upper-cased by its style (ticketnest) names its regions so.
  return { page, chrome, flow, mainFirst, mainLast, firstChromeLine, landmarks: roots.map(({ n }) => `${n.role} "${n.name}"`.toLowerCase()), lines };
}

const EXPECTED: Record<string, (site: SiteDefinition) => string[]> = {
  home: (s) => ['complementary "Lowest prices right now"', `complementary "What customers say about ${s.name}"`],
  results: (s) => ['complementary "Recommended for your search"', 'complementary "Lowest prices right now"', `complementary "What customers say about ${s.name}"`],
  listing: (s) => ['complementary "Similar options for your search"', `complementary "What customers say about ${s.name}"`],
  details: (s) => [`complementary "Why book with ${s.name}"`],
  review: (s) => [`complementary "Why book with ${s.name}"`],
  confirmation: () => ['complementary "Lowest prices right now"'],
};

describe('the chrome in real Chromium, page by page, while the teacher books', () => {
  for (const type of Object.keys(EXPECTED)) {
    it(`${type}: the chrome renders after the task's controls, names nothing the flow uses, and the booking succeeds`, () => {
      for (const site of SUITE_SITES) {
        const t = runs.get(site.id)!;
        expect(t.end.evaluation.sr, `${site.id}: ${t.end.status} ${t.end.error ?? ''}`).toBe(true);
        const step = t.steps.find((s) => pageTypeOfPath(new URL(s.url).pathname) === type);
        expect(step, `${site.id} reached the ${type} page`).toBeDefined();
        const observation = step!.observation;
        const r = read(site, observation);
        for (const landmark of [...EXPECTED[type]!(site), 'contentinfo ""']) expect(r.landmarks, `${site.id} ${type}`).toContain(landmark.toLowerCase());
        expect(r.page.nodes.some((n) => n.role === 'heading' && n.name.toLowerCase() === 'frequently asked questions'), `${site.id} ${type}: FAQ`).toBe(true);
        expect(r.page.nodes.some((n) => n.role === 'navigation' && n.name === 'Site links')).toBe(true);
        expect(r.page.nodes.some((n) => n.role === 'textbox' && n.name === 'Email for the newsletter')).toBe(true);
        expect(r.page.nodes.some((n) => n.role === 'button' && n.name === 'Chat with us' && n.states.has('collapsed'))).toBe(true);
        // The chat's dialog is in the page but shown only when asked (a site's promotion may be open on the home page).
        expect(r.page.nodes.some((n) => n.name === 'Close chat'), `${site.id} ${type}: the chat is closed`).toBe(false);
        expect(r.chrome.length, `${site.id} ${type}`).toBeGreaterThanOrEqual(16);
        for (const n of r.chrome) {
          expect(r.flow.has(n.name), `${site.id} ${type}: ${n.role} "${n.name}" shares its name with a control of the flow`).toBe(false);
          // The observation cuts names past 160 characters to 159 and "…", and the teacher matches a cut name
          // by its head (sameName): a chrome name so cut must not be the head of a flow name.
          for (const f of r.flow) if (n.name.length > 160) expect(f.startsWith(n.name.slice(0, 159)), `${site.id} ${type}: "${n.name}" cut reads as "${f}"`).toBe(false);
        }
        // Main content first: the chrome after it, so an observation cut to the budget keeps the task's controls.
        expect(r.firstChromeLine, `${site.id} ${type}`).toBeGreaterThan(r.mainLast);
        const cut = cutAxtree(observation, BUDGET).text.split('\n');
        expect(cut.slice(r.mainFirst, r.mainLast + 1), `${site.id} ${type}: main within ${BUDGET} tokens`).toEqual(r.lines.slice(r.mainFirst, r.mainLast + 1));
      }
    });
  }
});

describe('the help chat and the newsletter, used as an agent would', () => {
  const bidOf = (o: Observation, role: string, name: string | RegExp) => {
    const n = parseAxText(o.axtree).nodes.find((x) => x.role === role && (typeof name === 'string' ? x.name === name : name.test(x.name)));
    if (!n) throw new Error(`no ${role} "${name}" in:\n${o.axtree}`);
    return n.bid;
  };
  const searchUrl = (site: SiteDefinition) => `${getServer().origin(site.id)}/search?${searchQueryString(site, suite.find((t) => t.site === site.id)!.target.params)}`;

  it('the chat opens a dialog of canned answers only when asked, next to the page; its button and Escape close it', async () => {
    const site = SITES[0]!;
    await env.reset({ siteId: site.id });
    let o = (await env.step(`goto('${searchUrl(site)}')`)).observation;
    expect(o.axtree).not.toContain(`Chat with ${site.name} support`);
    o = (await env.step(`click('${bidOf(o, 'button', 'Chat with us')}')`)).observation;
    expect(o.lastActionError).toBeNull();
    const page = parseAxText(o.axtree);
    const dialog = page.nodes.findIndex((n) => n.role === 'dialog');
    expect(dialog).toBeGreaterThanOrEqual(0);
    const inDialog = page.nodes.filter((_, i) => isInside(page, i, dialog));
    expect(inDialog.some((n) => n.role === 'heading' && n.name === `Chat with ${site.name} support`)).toBe(true);
    expect(inDialog.some((n) => n.role === 'button' && n.name === 'Close chat' && n.states.has('focused'))).toBe(true);
    expect(o.axtree).toContain('Our team is offline right now');
    expect(inDialog.some((n) => n.role === 'link' && n.name === 'Open the help centre')).toBe(true);
    expect(page.nodes.find((n) => n.role === 'button' && n.name === 'Chat with us')!.states.has('expanded')).toBe(true);
    // Not modal: the results stay in the tree and usable.
    expect(page.nodes.some((n) => n.role === 'link' && n.name.startsWith(`${site.wording.selectButton}: `))).toBe(true);
    o = (await env.step(`click('${bidOf(o, 'button', 'Close chat')}')`)).observation;
    expect(parseAxText(o.axtree).nodes.some((n) => n.role === 'dialog')).toBe(false);
    expect(parseAxText(o.axtree).nodes.find((n) => n.role === 'button' && n.name === 'Chat with us')!.states.has('collapsed')).toBe(true);
    o = (await env.step(`click('${bidOf(o, 'button', 'Chat with us')}')`)).observation;
    expect(parseAxText(o.axtree).nodes.some((n) => n.role === 'dialog')).toBe(true);
    o = (await env.step(`press('${bidOf(o, 'link', 'Open the help centre')}', 'Escape')`)).observation;
    expect(o.lastActionError).toBeNull();
    expect(parseAxText(o.axtree).nodes.some((n) => n.role === 'dialog')).toBe(false);
    expect(new URL(o.url).pathname).toBe('/search');
  });

  it('the newsletter form signs up and leads back to the page', async () => {
    const site = SITES[3]!;
    await env.reset({ siteId: site.id });
    let o = (await env.step(`goto('${searchUrl(site)}')`)).observation;
    // The cookie banner is the one overlay that covers the bottom of the page until answered.
    o = (await env.step(`click('${bidOf(o, 'button', 'Accept all cookies')}')`)).observation;
    o = (await env.step(`fill('${bidOf(o, 'textbox', 'Email for the newsletter')}', 'marta.lopes@example.com')`)).observation;
    o = (await env.step(`click('${bidOf(o, 'button', 'Subscribe')}')`)).observation;
    expect(o.lastActionError).toBeNull();
    expect(new URL(o.url).pathname).toBe('/newsletter');
    expect(parseAxText(o.axtree).nodes.find((n) => n.role === 'heading' && n.states.has('h1'))?.name).toBe('You are subscribed');
    expect(o.axtree).toContain(`marta.lopes@example.com will get the ${site.name} newsletter.`);
    o = (await env.step(`click('${bidOf(o, 'link', 'Back to the page you were on')}')`)).observation;
    expect(new URL(o.url).pathname).toBe('/search');
  });
});
