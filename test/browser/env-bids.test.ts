import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import type { Action } from '../../src/core/schemas/action.js';
import type { Observation } from '../../src/core/schemas/observation.js';
import { closeBrowser, sharedBrowser } from '../helpers/browser.js';
import { startStaticServer, type StaticServer } from '../helpers/static-server.js';

let fixtures: StaticServer;
let PLAYGROUND: string;

/** "role name" -> bid for every line with a bid, e.g. 'button "Click me"' -> '4'. */
function bidsByLabel(obs: Observation): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of obs.axtree.split('\n')) {
    const m = /^\s*\[([^\]]+)\] (\S+)(?: ("[^"]*"))?/.exec(line);
    if (m) out.set(`${m[2]} ${m[3] ?? ''}`.trim(), m[1]!);
  }
  return out;
}

function bidOf(obs: Observation, label: string): string {
  const b = bidsByLabel(obs).get(label);
  if (!b) throw new Error(`no ${label} in:\n${obs.axtree}`);
  return b;
}

let env: BrowserEnv;
beforeAll(async () => {
  fixtures = await startStaticServer();
  PLAYGROUND = fixtures.url('pages/playground.html');
  env = new BrowserEnv({ browser: await sharedBrowser(), mode: 'full' });
});
afterAll(async () => {
  await env.close();
  await closeBrowser();
  await fixtures.close();
});

describe('element ids (bids)', () => {
  it('stay the same across steps while states change, and new elements get new ids', async () => {
    const first = await env.reset({ url: PLAYGROUND });
    const before = bidsByLabel(first);
    const box = bidOf(first, 'checkbox "Send me the newsletter"');
    const name = bidOf(first, 'textbox "Full name"');
    const menu = bidOf(first, 'button "Options menu"');
    const steps: (Action | string)[] = [
      `check('${box}')`,
      `fill('${name}', 'Ada')`,
      `click('${menu}')`,
      `click('${bidOf(first, 'button "Add item"')}')`,
      `click('${bidOf(first, 'button "Click me"')}')`,
    ];
    let obs = first;
    for (const s of steps) {
      obs = (await env.step(s)).observation;
      expect(obs.lastActionError).toBeNull();
      const now = bidsByLabel(obs);
      for (const [label, bid] of before) if (now.has(label)) expect(now.get(label), label).toBe(bid);
    }
    const line = (bid: string) => obs.axtree.split('\n').find((l) => l.trim().startsWith(`[${bid}] `))!;
    expect(line(box)).toMatch(/ checked/);
    expect(line(name)).toContain('value="Ada"');
    expect(line(menu)).toContain('expanded');
    const item = Number(bidOf(obs, 'button "Item 1"'));
    expect(item).toBeGreaterThan(Math.max(...[...before.values()].map(Number)));
    // The new element's id holds on the next step too.
    obs = (await env.step(`click('${bidOf(obs, 'button "Add item"')}')`)).observation;
    expect(bidOf(obs, 'button "Item 1"')).toBe(String(item));
    expect(Number(bidOf(obs, 'button "Item 2"'))).toBeGreaterThan(item);
  });

  it('a removed element is "not found"; the step is recorded, nothing throws', async () => {
    let obs = await env.reset({ url: PLAYGROUND });
    obs = (await env.step(`click('${bidOf(obs, 'button "Add item"')}')`)).observation;
    const item = bidOf(obs, 'button "Item 1"');
    obs = (await env.step(`click('${bidOf(obs, 'button "Remove last item"')}')`)).observation;
    expect(obs.axtree).not.toContain('Item 1');
    const r = await env.step(`click('${item}')`);
    expect(r.observation.lastActionError).toBe(`element ${item} not found`);
    expect(r.info.error).toBe(`element ${item} not found`);
    expect(r.done).toBe(false);
    expect(env.history.at(-1)).toMatchObject({ input: `click('${item}')`, error: `element ${item} not found` });
  });

  it('a clone of a marked element gets its own id; the original keeps its id', async () => {
    let obs = await env.reset({ url: PLAYGROUND });
    const original = bidOf(obs, 'button "Click me"');
    obs = (await env.step(`click('${bidOf(obs, 'button "Duplicate the Click me button"')}')`)).observation;
    const ids = obs.axtree
      .split('\n')
      .filter((l) => l.includes('button "Click me"'))
      .map((l) => /\[([^\]]+)\]/.exec(l)![1]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(original);
    expect(ids[1]).not.toBe(original);
    // Each id reaches its own element: the clone has no handler, the original counts.
    obs = (await env.step(`click('${ids[1]}')`)).observation;
    expect(obs.axtree).toContain('Clicked 0 times');
    obs = (await env.step(`click('${ids[0]}')`)).observation;
    expect(obs.axtree).toContain('Clicked 1 times');
  });

  it('garbage, empty, malformed and invalid actions become lastActionError and recorded steps', async () => {
    await env.reset({ url: PLAYGROUND });
    const inputs: unknown[] = ['DROP TABLE users;', '', 'click(', `click('12', 'extra', 'args', 'here', 1, 2)`, { type: 'click' }, { type: 'teleport', bid: '1' }, `click('<script>')`];
    for (const input of inputs) {
      const r = await env.step(input as Action);
      expect(r.observation.lastActionError, JSON.stringify(input)).toEqual(expect.any(String));
      expect(r.info.error).toBe(r.observation.lastActionError);
      expect(r.done).toBe(false);
    }
    expect(env.history).toHaveLength(inputs.length);
    expect(env.history.every((h) => h.error)).toBe(true);
    // The env still works afterwards.
    const ok = await env.step('noop(0)');
    expect(ok.observation.lastActionError).toBeNull();
  });

  it('step before any reset is a usage error, not a silent no-op', async () => {
    const idle = new BrowserEnv({ browser: await sharedBrowser() });
    await expect(idle.step('noop(0)')).rejects.toThrow(/call reset\(\) first/);
    await idle.close();
  });
});
