import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Observation } from '../../src/core/schemas/observation.js';
import { useFixtureServers, withEnv } from '../helpers/fixture-env.js';
import { FIXTURES } from '../helpers/static-server.js';

const { site, partner } = useFixtureServers();

describe('every element a person can click has a bid', () => {
  it('on each third-party page, every shown element marked data-human-clickable has a line with its bid', async () => {
    const pages = readdirSync(join(FIXTURES, 'third-party')).filter((f) => f.endsWith('.html'));
    let checked = 0;
    await withEnv({ mode: 'full', allowOrigins: [partner().origin] }, async (env) => {
      for (const page of pages) {
        const obs = await env.reset({ url: `${site().url(`third-party/${page}`)}${page === 'iframes.html' ? `#${partner().origin}` : ''}` });
        const shown = new Set(obs.axtree.split('\n').map((l) => /^\s*\[([^\]]+)\]/.exec(l)?.[1]).filter(Boolean));
        // The ground truth (the test's, not the agent's): rendered elements a person can click.
        const frames = env.page!.frames();
        for (const frame of frames) {
          const prefix = frame === env.page!.mainFrame() ? '' : '?';
          const wanted = (await frame.evaluate(`[...document.querySelectorAll('[data-human-clickable]')]
            .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility === 'visible')
            .map((e) => e.getAttribute('data-wf-bid'))`)) as string[];
          for (const bid of wanted) {
            expect(shown.has(bid), `${page}${prefix}: element ${bid} has no line in\n${obs.axtree}`).toBe(true);
            checked++;
          }
        }
      }
    });
    expect(checked).toBeGreaterThanOrEqual(25);
  });
});

describe('optional observations, as BrowserGym offers them', () => {
  it('properties: visible / clickable flags, center and box coordinates, and observation.elements', async () => {
    await withEnv({ properties: { visible: true, clickable: true, coords: 'box' }, viewport: { width: 800, height: 600 } }, async (env) => {
      const obs = Observation.parse(await env.reset({ url: site().url('third-party/enter-text.html') }));
      const submit = /\[(\d+)\] generic "Submit" clickable visible box=\((\d+),(\d+),(\d+),(\d+)\)/.exec(obs.axtree);
      expect(submit, obs.axtree).not.toBeNull();
      const [bid, x0, y0, x1, y1] = [submit![1]!, ...submit!.slice(2).map(Number)] as [string, number, number, number, number];
      const e = obs.elements?.[bid];
      expect(e).toMatchObject({ visibility: 1, clickable: true });
      // The line's box is the element's [x, y, width, height], rounded to whole pixels.
      const [x, y, w, h] = e!.bbox!;
      expect([x, y, x + w, y + h].map((v, i) => Math.abs(v - [x0, y0, x1, y1][i]!) <= 0.5)).toEqual([true, true, true, true]);
      // Coordinates are the viewport's: a mouse click there is a click on the element.
      const r = await env.step(`mouse_click(${(x0 + x1) / 2}, ${(y0 + y1) / 2})`);
      expect(r.observation.axtree).toContain('Task failed');
    });
    await withEnv({ properties: { visible: true }, viewport: { width: 800, height: 400 }, mode: 'full' }, async (env) => {
      const obs = await env.reset({ url: site().url('pages/playground.html') });
      const line = (re: RegExp) => obs.axtree.split('\n').find((l) => re.test(l)) ?? '';
      expect(line(/button "Click me"/)).toMatch(/ visible$/);
      expect(line(/button "Button at the bottom"/)).not.toMatch(/visible/);
      const bottom = /\[(\d+)\] button "Button at the bottom"/.exec(obs.axtree)![1]!;
      expect(obs.elements?.[bottom]?.visibility).toBe(0);
    });
  });

  it("html: BrowserGym's pruned HTML (flatten_dom_to_str + prune_html, browsergym/utils/obs.py) with bids and live values", async () => {
    await withEnv({ html: true }, async (env) => {
      let obs = await env.reset({ url: site().url('third-party/enter-text.html') });
      const input = /\[(\d+)\] textbox/.exec(obs.axtree)![1]!;
      obs = (await env.step(`fill('${input}', 'Jerald')`)).observation;
      const html = obs.html!;
      // Bids come first; the value typed is written in (as BrowserGym's marking script does).
      expect(html).toContain(`<input bid="${input}" type="text" id="tt" value="Jerald">`);
      expect(html).toMatch(/<div bid="\d+" id="subbtn" class="btn" data-human-clickable onclick="[^"]*">\n\s+Submit\n\s+<\/div>/);
      expect(html).toMatch(/<span bid="\d+" class="bold">\n\s+Jerald\n\s+<\/span>/);
      // Pruned: no script, style, link or br; html and body unwrapped; bare div/span/p unwrapped.
      expect(html).not.toMatch(/<(script|style|link|br|html|body|head)\b/);
      expect(html).not.toMatch(/<p bid="\d+">/);
      expect(html).not.toContain('data-wf-');
    });
  });

  it('html and the tree include iframes; both frames of the iframe page are there', async () => {
    await withEnv({ html: true, allowOrigins: [partner().origin] }, async (env) => {
      const obs = await env.reset({ url: `${site().url('third-party/iframes.html')}#${partner().origin}` });
      expect(obs.html).toMatch(/<iframe bid="a"[^>]*>[\s\S]*<input bid="a\d+" id="name" value="">[\s\S]*<\/iframe>/);
      expect(obs.html).toMatch(/<iframe bid="b"[^>]*>[\s\S]*<button bid="b\d+" id="confirm">/);
    });
  });
});

describe('values are live, and long values can be read whole', () => {
  it('maxTextLength 0 never cuts; otherwise the focused field is shown whole', async () => {
    const full = await withEnv({ maxTextLength: 0 }, (env) => env.reset({ url: site().url('third-party/long-textarea.html') }));
    expect(/textbox "Source text" value="([^"]*)"/.exec(full.axtree)![1]!.length).toBeGreaterThanOrEqual(600);
    await withEnv({}, async (env) => {
      const obs = await env.reset({ url: site().url('third-party/long-textarea.html') });
      const m = /\[(\d+)\] textbox "Source text" value="([^"]*)"/.exec(obs.axtree)!;
      expect(m[2]!.length).toBe(160);
      const focused = (await env.step(`focus('${m[1]}')`)).observation;
      expect(/textbox "Source text" value="([^"]*)"/.exec(focused.axtree)![1]!.length).toBeGreaterThanOrEqual(600);
    });
  });
});
