import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import { Observation } from '../../src/core/schemas/observation.js';
import { StepResult } from '../../src/core/schemas/step-info.js';
import { closeBrowser, sharedBrowser } from '../helpers/browser.js';
import { startStaticServer, type StaticServer } from '../helpers/static-server.js';

let fixtures: StaticServer;
let PLAYGROUND: string;
let SECOND: string;

/** The bid on the first line of the tree that matches. */
function bidOf(obs: Observation, line: RegExp): string {
  const hit = obs.axtree.split('\n').find((l) => line.test(l));
  const bid = hit && /\[([^\]]+)\]/.exec(hit)?.[1];
  if (!bid) throw new Error(`no line matches ${line} in:\n${obs.axtree}`);
  return bid;
}

function lineOf(obs: Observation, bid: string): string {
  return obs.axtree.split('\n').find((l) => l.trimStart().startsWith(`[${bid}] `))?.trim() ?? '';
}

let env: BrowserEnv;
let obs: Observation;

beforeAll(async () => {
  fixtures = await startStaticServer();
  PLAYGROUND = fixtures.url('pages/playground.html');
  SECOND = fixtures.url('pages/second.html');
  env = new BrowserEnv({ browser: await sharedBrowser(), actionTimeoutMs: 1000 });
});
afterAll(async () => {
  await env.close();
  await closeBrowser();
  await fixtures.close();
});

async function fresh(): Promise<Observation> {
  obs = await env.reset({ url: PLAYGROUND });
  return obs;
}

async function step(action: Parameters<BrowserEnv['step']>[0]): Promise<StepResult> {
  const r = StepResult.parse(await env.step(action));
  obs = r.observation;
  return r;
}

describe('every action on a local page', () => {
  it('reset on a page URL gives a valid observation of the page', async () => {
    await fresh();
    expect(Observation.parse(obs).title).toBe('Playground');
    expect(obs.url).toBe(PLAYGROUND);
    expect(obs.tabs).toEqual([{ index: 0, url: PLAYGROUND, title: 'Playground' }]);
    expect(obs.lastActionError).toBeNull();
    expect(obs.axtree).toMatch(/^\[\d+\] heading "Playground" h1$/m);
    expect(obs.axtree).toMatch(/\[\d+\] button "Click me"/);
    expect(obs.tokens.tokens).toBe(Math.ceil(obs.axtree.length / 3.2));
  });

  it('click, dblclick and hover run the page handlers', async () => {
    await fresh();
    await step(`click('${bidOf(obs, /button "Click me"/)}')`);
    expect(obs.axtree).toContain('Clicked 1 times');
    await step({ type: 'dblclick', bid: bidOf(obs, /button "Double click me"/) });
    expect(obs.axtree).toContain('Double-clicked 1 times');
    await step(`hover('${bidOf(obs, /button "Hover over me"/)}')`);
    expect(obs.axtree).toContain('Hovered');
    expect(obs.lastActionError).toBeNull();
  });

  it('fill types into a field; with Enter it submits the form', async () => {
    await fresh();
    const name = bidOf(obs, /textbox "Full name"/);
    await step(`fill('${name}', 'Ada Lovelace')`);
    expect(lineOf(obs, name)).toContain('value="Ada Lovelace"');
    expect(obs.axtree).toContain('Not submitted');
    await step({ type: 'fill', bid: name, text: 'Grace Hopper', pressEnter: true });
    expect(obs.axtree).toContain('Submitted Grace Hopper');
  });

  it('select_option picks by label or by value', async () => {
    await fresh();
    const country = bidOf(obs, /combobox "Country"/);
    await step(`select_option('${country}', 'Spain')`);
    expect(lineOf(obs, country)).toContain('value="Spain"');
    await step({ type: 'select_option', bid: country, options: ['fr'] });
    expect(lineOf(obs, country)).toContain('value="France"');
    await step({ type: 'select_option', bid: country, options: ['Atlantis'] });
    expect(obs.lastActionError).toMatch(/select_option on element \d+ failed/);
  });

  it('check and uncheck a checkbox; check a radio', async () => {
    await fresh();
    const box = bidOf(obs, /checkbox "Send me the newsletter"/);
    expect(lineOf(obs, box)).toMatch(/unchecked$/);
    await step(`check('${box}')`);
    expect(lineOf(obs, box)).toMatch(/ checked/);
    await step(`uncheck('${box}')`);
    expect(lineOf(obs, box)).toMatch(/unchecked/);
    const aisle = bidOf(obs, /radio "Aisle"/);
    await step({ type: 'check', bid: aisle });
    expect(lineOf(obs, aisle)).toMatch(/ checked/);
    expect(lineOf(obs, bidOf(obs, /radio "Window"/))).toMatch(/unchecked/);
  });

  it('press sends key combos to an element or to the focused one', async () => {
    await fresh();
    const keys = bidOf(obs, /textbox "Key logger"/);
    await step(`press('${keys}', 'Control+a')`);
    expect(obs.axtree).toContain('Last key: ctrl+a');
    await step({ type: 'press', key: 'x' });
    expect(obs.axtree).toContain('Last key: x');
    expect(lineOf(obs, keys)).toContain('value="x"');
    await step({ type: 'press', key: 'NoSuchKey' });
    expect(obs.lastActionError).toMatch(/press "NoSuchKey" failed/);
  });

  it('focus moves focus (shown as a state and as focusedBid); clear empties a field', async () => {
    await fresh();
    const name = bidOf(obs, /textbox "Full name"/);
    await step(`focus('${name}')`);
    expect(obs.focusedBid).toBe(name);
    expect(lineOf(obs, name)).toMatch(/focused$/);
    expect(obs.axtree).toContain('Focused name');
    const city = bidOf(obs, /textbox "City"/);
    expect(lineOf(obs, city)).toContain('value="Lisbon"');
    await step(`clear('${city}')`);
    expect(lineOf(obs, city)).not.toContain('value=');
  });

  it('scroll moves the viewport by mouse wheel; viewport mode then shows what is below', async () => {
    await fresh();
    expect(obs.axtree).not.toContain('Button at the bottom');
    expect(obs.axtree).toMatch(/below the viewport/);
    const r = await step('scroll(0, 5000)');
    expect(r.info.settled).toBe(true);
    expect(obs.scroll.y).toBeGreaterThan(1500);
    expect(obs.axtree).toContain('Button at the bottom');
    expect(obs.axtree).not.toContain('Click me');
    await step({ type: 'scroll', dx: 0, dy: -10_000 });
    expect(obs.scroll.y).toBe(0);
  });

  it('goto, go_back and go_forward navigate; there is no page before the first', async () => {
    await fresh();
    await step('go_back()');
    expect(obs.lastActionError).toMatch(/no previous page/);
    await step(`goto('${SECOND}')`);
    expect(obs.title).toBe('Second page');
    await step('go_back()');
    expect(obs.title).toBe('Playground');
    expect(obs.url).toBe(PLAYGROUND);
    await step('go_forward()');
    expect(obs.title).toBe('Second page');
    await step('go_forward()');
    expect(obs.lastActionError).toMatch(/no next page/);
    await step(`click('${bidOf(obs, /link "Back to the playground"/)}')`);
    expect(obs.title).toBe('Playground');
  });

  it('clicking a link navigates and the next observation is of the new page', async () => {
    await fresh();
    const r = await step(`click('${bidOf(obs, /link "Go to the second page"/)}')`);
    expect(r.info.settled).toBe(true);
    expect(obs.url).toBe(SECOND);
    expect(obs.axtree).toMatch(/heading "Second page"/);
  });

  it('tabs: new_tab, tab_focus, tab_close, and a target=_blank link opening one', async () => {
    await fresh();
    await step('new_tab()');
    expect(obs.tabs).toHaveLength(2);
    expect(obs.activeTab).toBe(1);
    expect(obs.url).toBe('about:blank');
    await step('tab_focus(0)');
    expect(obs.activeTab).toBe(0);
    expect(obs.title).toBe('Playground');
    await step('tab_focus(5)');
    expect(obs.lastActionError).toMatch(/tab 5 does not exist \(2 tabs open/);
    await step('tab_focus(1)');
    await step('tab_close()');
    expect(obs.tabs).toHaveLength(1);
    expect(obs.activeTab).toBe(0);
    expect(obs.title).toBe('Playground');
    await step(`click('${bidOf(obs, /link "Open second page in a new tab"/)}')`);
    expect(obs.tabs.map((t) => t.title)).toEqual(['Playground', 'Second page']);
    expect(obs.activeTab).toBe(1);
    expect(obs.axtree).toMatch(/heading "Second page"/);
    // Closing the last tab leaves an empty one, so there is always a page to observe.
    await step('tab_close()');
    await step('tab_close()');
    expect(obs.tabs).toEqual([{ index: 0, url: 'about:blank', title: '' }]);
  });

  it('noop waits as long as asked; send_msg_to_user is recorded', async () => {
    await fresh();
    const r = await step({ type: 'noop', ms: 150 });
    expect(r.info.timings.actionMs).toBeGreaterThanOrEqual(145);
    const m = await step(`send_msg_to_user("Your flight is booked")`);
    expect(m.info.message).toBe('Your flight is booked');
    expect(m.done).toBe(false);
  });

  it('stop and report_infeasible end the episode; a later action is refused, not thrown', async () => {
    await fresh();
    const s = await step(`stop("42 EUR")`);
    expect(s.done).toBe(true);
    expect(s.info.message).toBe('42 EUR');
    const after = await step(`click('${bidOf(obs, /button "Click me"/)}')`);
    expect(after.done).toBe(true);
    expect(after.observation.lastActionError).toMatch(/episode is over/);
    expect(after.observation.axtree).toContain('Clicked 0 times');
    await fresh();
    const r = await step(`report_infeasible("no such flight")`);
    expect(r.done).toBe(true);
    expect(r.info.message).toBe('no such flight');
  });

  it('settling waits for a burst of DOM changes to end, not for a fixed time', async () => {
    await fresh();
    const r = await step(`click('${bidOf(obs, /button "Start busy work"/)}')`);
    expect(obs.axtree).toContain('Busy work done');
    expect(r.info.settled).toBe(true);
    // The page mutates for ~150 ms after the click; the settle phase covered that.
    expect(r.info.timings.actionMs + r.info.timings.settleMs).toBeGreaterThanOrEqual(140);
  });

  it('expanded state follows the page: a menu button opens its menu', async () => {
    await fresh();
    const menu = bidOf(obs, /button "Options menu"/);
    expect(lineOf(obs, menu)).toContain('collapsed');
    expect(obs.axtree).not.toContain('menuitem');
    await step(`click('${menu}')`);
    expect(lineOf(obs, menu)).toContain('expanded');
    expect(obs.axtree).toMatch(/menuitem "First option"/);
  });

  it('a covered or disabled element fails fast with the reason, as lastActionError', async () => {
    await fresh();
    const disabled = await step(`click('${bidOf(obs, /button "Disabled button"/)}')`);
    expect(disabled.info.error).toMatch(/^click on element \d+ failed: it is disabled$/);
    await step(`click('${bidOf(obs, /button "Show cover"/)}')`);
    const covered = await step(`click('${bidOf(obs, /button "Click me"/)}')`);
    expect(covered.observation.lastActionError).toMatch(/^click on element \d+ failed: it is covered by <div id="cover"/);
    expect(covered.info.timings.actionMs).toBeLessThan(env.options.actionTimeoutMs + 1500);
    expect(obs.axtree).toContain('Clicked 0 times');
  });
});
