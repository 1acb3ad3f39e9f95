import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Observation, OBSERVATION_SCHEMA_VERSION } from '../../src/core/schemas/observation.js';
import { useFixtureServers, withEnv } from '../helpers/fixture-env.js';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
const { site } = useFixtureServers();

describe('observations of a real page', () => {
  it('are valid, versioned, and carry a chars/3.2 token estimate', async () => {
    await withEnv({}, async (env) => {
      const obs = Observation.parse(await env.reset({ url: site().url('pages/playground.html') }));
      expect(obs.schemaVersion).toBe(OBSERVATION_SCHEMA_VERSION);
      expect(obs.mode).toBe('viewport');
      expect(obs.tokens).toEqual({ method: 'chars/3.2', tokens: Math.ceil(obs.axtree.length / 3.2) });
      expect(obs.scroll).toMatchObject({ x: 0, y: 0, viewportWidth: 1280, viewportHeight: 720 });
      expect(obs.scroll.pageHeight).toBeGreaterThan(2600);
      expect(obs.focusedBid).toBeNull();
      expect(obs.screenshot).toBeUndefined();
    });
  });

  it("'full' shows the whole page; 'viewport' only what is on screen, and says how much is not", async () => {
    const full = await withEnv({ mode: 'full' }, (env) => env.reset({ url: site().url('pages/playground.html') }));
    const view = await withEnv({ mode: 'viewport', viewport: { width: 800, height: 400 } }, (env) => env.reset({ url: site().url('pages/playground.html') }));
    expect(full.axtree).toContain('Button at the bottom');
    expect(full.axtree).not.toMatch(/below the viewport/);
    expect(view.axtree).not.toContain('Button at the bottom');
    expect(view.axtree).toMatch(/\(0 nodes above and \d+ below the viewport; scroll to see them\)$/);
    expect(view.tokens.tokens).toBeLessThan(full.tokens.tokens);
    // Same page, same numbering: a bid means the same element in both modes.
    const bid = (o: Observation) => /\[(\d+)\] button "Click me"/.exec(o.axtree)![1];
    expect(bid(view)).toBe(bid(full));
  });

  it('a screenshot comes inline or as a file; set-of-marks draws the bids and leaves the page as it was', async () => {
    await withEnv({ screenshot: { marks: false } }, async (env) => {
      const obs = await env.reset({ url: site().url('pages/playground.html') });
      expect(obs.screenshot?.format).toBe('png');
      expect(obs.screenshot && 'data' in obs.screenshot ? [...obs.screenshot.data.slice(0, 4)] : []).toEqual(PNG_MAGIC);
    });
    const plain = await withEnv({ screenshot: { marks: false } }, (env) => env.reset({ url: site().url('pages/playground.html') }));
    const dir = mkdtempSync(join(tmpdir(), 'wf-shots-'));
    try {
      await withEnv({ screenshot: { marks: true, dir } }, async (env) => {
        const obs = await env.reset({ url: site().url('pages/playground.html') });
        const shot = obs.screenshot!;
        expect(shot.marks).toBe(true);
        const path = 'path' in shot ? shot.path : '';
        expect(path.startsWith(dir)).toBe(true);
        expect(existsSync(path)).toBe(true);
        const marked = readFileSync(path);
        expect([...marked.subarray(0, 4)]).toEqual(PNG_MAGIC);
        expect(Buffer.compare(marked, Buffer.from('data' in plain.screenshot! ? plain.screenshot.data : []))).not.toBe(0);
        // The overlay is gone: no trace in the DOM or in the next observation.
        expect(await env.page!.evaluate('document.getElementById("__wf_marks") === null')).toBe(true);
        const next = await env.step('noop(0)');
        expect(next.observation.axtree).toBe(obs.axtree);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // JPEG, what `--screenshots` records per step, with the marks drawn.
    const jpeg = await withEnv({ screenshot: { marks: true, format: 'jpeg', quality: 60 } }, (env) => env.reset({ url: site().url('pages/playground.html') }));
    const bytes = jpeg.screenshot && 'data' in jpeg.screenshot ? jpeg.screenshot.data : new Uint8Array();
    expect(jpeg.screenshot).toMatchObject({ format: 'jpeg', marks: true });
    expect([...bytes.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('a page without a title or body still observes (about:blank, data: URL)', async () => {
    await withEnv({}, async (env) => {
      const blank = Observation.parse(await env.reset({ url: 'about:blank' }));
      expect(blank.axtree).toBe('');
      expect(blank.title).toBe('');
      const data = await env.reset({ url: 'data:text/html,<p>Just text</p>' });
      expect(data.axtree).toBe('Just text');
    });
  });
});
