import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserEnv } from '../../src/browser/env/browser-env.js';
import type { BrowserEnvOptions } from '../../src/browser/env/options.js';
import { onPage, useFixtureServers, type BidOf } from '../helpers/fixture-env.js';

/**
 * BrowserGym's action functions with their semantics and defaults, each checked on a page that
 * logs the events it receives. The rules come from browsergym/core/action/functions.py:
 * click(bid, button="left", modifiers=[]) -> locator.click(button, modifiers); mouse_* move to
 * (x, y) then press / release / click; scroll_at moves then wheels; keyboard_* are Playwright's
 * keyboard.down / up / press / type / insert_text; noop(wait_ms=1000) waits; upload_file clicks
 * and sets the chooser's files.
 */
const { site } = useFixtureServers();
let uploads: string;

beforeAll(async () => {
  uploads = mkdtempSync(join(tmpdir(), 'wf-uploads-'));
  writeFileSync(join(uploads, 'receipt.txt'), 'paid 12 EUR\n');
  mkdirSync(join(uploads, 'sub'));
  writeFileSync(join(uploads, 'sub', 'photo.txt'), 'not really a photo');
  symlinkSync('/etc/hostname', join(uploads, 'escape.txt'));
});
afterAll(() => {
  rmSync(uploads, { recursive: true, force: true });
});

// maxTextLength 0: the event log line grows long and must not be cut.
const withEnv = (page: string, run: (env: BrowserEnv, bidOf: BidOf) => Promise<void>, options: BrowserEnvOptions = {}) =>
  onPage(site(), `third-party/${page}.html`, run, { properties: { coords: 'center' }, maxTextLength: 0, ...options });

/** The page's event log line, from the observation. */
const log = (axtree: string) => axtree.split('\n').find((l) => l.startsWith('Log:'))?.slice(4).trim() ?? '';

describe("BrowserGym's action set", () => {
  it('click with button and modifiers, dblclick, and mouse_* at the coordinates the observation gives', async () => {
    await withEnv('events', async (env, bidOf) => {
      const pad = await bidOf('#pad');
      // The pad's line carries its centre (properties: { coords: 'center' }): the mouse_* actions use it.
      const center = /\[\d+\] generic "Pad" clickable center=\((\d+),(\d+)\)/.exec((await env.observe()).axtree);
      expect(center).not.toBeNull();
      const [x, y] = [Number(center![1]), Number(center![2])];
      // First, before any double click selects the pad's text (dragging a selection is an HTML5 drag).
      let r = await env.step(`mouse_drag_and_drop(${x}, ${y}, ${x + 20}, ${y})`);
      expect(log(r.observation.axtree)).toBe('mousedown:0 mouseup:0 click:0');
      r = await env.step(`click('${pad}', button="right")`);
      // Chromium on Linux opens the context menu on mousedown, before mouseup.
      expect(log(r.observation.axtree)).toMatch(/mousedown:2 contextmenu:2 mouseup:2 auxclick:2$/);
      r = await env.step(`click('${pad}', modifiers=["Shift"])`);
      expect(log(r.observation.axtree)).toMatch(/mousedown:0\+shift mouseup:0\+shift click:0\+shift$/);
      r = await env.step(`dblclick('${pad}')`);
      expect(log(r.observation.axtree)).toMatch(/click:0 dblclick:0$/);
      r = await env.step(`mouse_click(${x}, ${y}, button="middle")`);
      expect(log(r.observation.axtree)).toMatch(/mousedown:1 mouseup:1 auxclick:1$/);
      r = await env.step(`mouse_down(${x}, ${y})`);
      r = await env.step(`mouse_up(${x + 5}, ${y})`);
      expect(log(r.observation.axtree)).toMatch(/mousedown:0 mouseup:0 click:0$/);
      r = await env.step(`mouse_dblclick(${x}, ${y})`);
      expect(log(r.observation.axtree)).toMatch(/dblclick:0$/);
      r = await env.step(`scroll_at(${x}, ${y}, 0, 120)`);
      expect(log(r.observation.axtree)).toMatch(/wheel:120$/);
      r = await env.step(`mouse_move(${x}, ${y})`);
      expect(r.observation.lastActionError).toBeNull();
    });
  });

  it('keyboard_type, keyboard_insert_text, keyboard_down / up and keyboard_press act on the focused element', async () => {
    await withEnv('events', async (env, bidOf) => {
      await env.step(`focus('${await bidOf('#field')}')`);
      let r = await env.step(`keyboard_type('ab')`);
      expect(log(r.observation.axtree)).toBe('keydown:a input:a keyup:a keydown:b input:ab keyup:b');
      r = await env.step(`keyboard_insert_text('cd')`);
      // insert_text dispatches only an input event (functions.py keyboard_insert_text).
      expect(log(r.observation.axtree)).toMatch(/keyup:b input:abcd$/);
      r = await env.step(`keyboard_down('Shift')`);
      r = await env.step(`keyboard_press('x')`);
      r = await env.step(`keyboard_up('Shift')`);
      // Playwright's keyboard (and so BrowserGym's): a held Shift sets shiftKey, the key stays "x".
      expect(log(r.observation.axtree)).toMatch(/keydown:Shift keydown:x input:abcdx keyup:x keyup:Shift$/);
      expect(r.observation.axtree).toMatch(/textbox "Field" value="abcdx"/);
    });
  });

  it('noop() waits 1000 ms, as BrowserGym\'s noop(wait_ms=1000) does; noop(0) does not wait', async () => {
    await withEnv('events', async (env) => {
      const r = await env.step('noop()');
      expect(r.info.action).toEqual({ type: 'noop' });
      expect(r.info.timings.actionMs).toBeGreaterThanOrEqual(990);
      const z = await env.step('noop(0)');
      expect(z.info.timings.actionMs).toBeLessThan(r.info.timings.actionMs);
    });
  });

  it('upload_file takes files from the upload folder only: an input directly, or through the chooser a button opens', async () => {
    await withEnv(
      'upload',
      async (env, bidOf) => {
        let r = await env.step(`upload_file('${await bidOf('#plain')}', 'receipt.txt')`);
        expect(r.observation.axtree).toContain('Files: receipt.txt (12 B)');
        r = await env.step(`upload_file('${await bidOf('#pick')}', ['receipt.txt', 'sub/photo.txt'])`);
        expect(r.observation.lastActionError).toBeNull();
        expect(r.observation.axtree).toContain('Files: receipt.txt (12 B), photo.txt (18 B)');
        for (const [file, why] of [
          ['../../etc/passwd', 'outside the upload folder'],
          ['/etc/hostname', 'outside the upload folder'],
          ['escape.txt', 'outside the upload folder'],
          ['missing.txt', 'there is no file "missing.txt" in the upload folder'],
          ['sub', 'is not a file'],
        ]) {
          r = await env.step(`upload_file('${await bidOf('#plain')}', ${JSON.stringify(file)})`);
          expect(r.observation.lastActionError, file).toContain(why);
        }
      },
      { uploadDir: uploads },
    );
    await withEnv('upload', async (env, bidOf) => {
      const r = await env.step(`upload_file('${await bidOf('#plain')}', 'receipt.txt')`);
      expect(r.observation.lastActionError).toBe('upload_file is not available in this episode: the env has no upload folder');
    });
  });
});
