import { describe, expect, it } from 'vitest';
import type { BrowserEnv } from '../../src/browser/env/browser-env.js';
import type { BrowserEnvOptions } from '../../src/browser/env/options.js';
import { describeActionFailure } from '../../src/browser/execute/element.js';
import { onPage, useFixtureServers, type BidOf } from '../helpers/fixture-env.js';

/**
 * Failures an agent can act on come at once and say why, however long the action timeout is;
 * tab bookkeeping never waits for a tab that is already open; a page that never stops
 * scheduling work still settles within the settle rule's bound. The timeouts here are set far
 * above what a step may take, so a test fails when the env waits for them instead of answering.
 */
const LONG = 30_000;
const { site } = useFixtureServers();

const withEnv = (page: string, run: (env: BrowserEnv, bidOf: BidOf) => Promise<void>, options: BrowserEnvOptions = {}) =>
  onPage(site(), `third-party/${page}.html`, run, { actionTimeoutMs: LONG, popupWaitMs: LONG, ...options });

describe('actions that cannot be done fail at once, with the reason', () => {
  it('hidden, invisible, disabled, read-only, not a field, not a select, no such option, covered, gone', async () => {
    await withEnv('fast-failures', async (env, bidOf) => {
      const cases: [string, string][] = [
        [`click('${await bidOf('#gone')}')`, 'click on element \\d+ failed: it is not displayed \\(display: none on it or an ancestor\\)'],
        [`click('${await bidOf('#invisible')}')`, 'click on element \\d+ failed: it is invisible \\(visibility: hidden\\)'],
        [`click('${await bidOf('#off')}')`, 'click on element \\d+ failed: it is disabled'],
        [`fill('${await bidOf('#ro')}', 'x')`, 'fill on element \\d+ failed: it is read-only'],
        [`fill('${await bidOf('#plain')}', 'x')`, 'fill on element \\d+ failed: it is a <span>, not an input, textarea or contenteditable element'],
        [`select_option('${await bidOf('#ro')}', 'x')`, 'select_option on element \\d+ failed: it is a <input>, not a <select>'],
        [`select_option('${await bidOf('#size')}', 'Huge')`, 'select_option on element \\d+ failed: no option "Huge"; it offers "Small", "Large"'],
        [`check('${await bidOf('#size')}')`, 'check on element \\d+ failed: it is not a checkbox or radio button'],
        [`click('${await bidOf('#under')}')`, 'click on element \\d+ failed: it is covered by <div id="cover"> at its centre'],
        [`click('99999')`, 'element 99999 not found'],
      ];
      for (const [action, reason] of cases) {
        const r = await env.step(action);
        expect(r.observation.lastActionError, action).toMatch(new RegExp(`^${reason}$`));
        // Well under the 30 s action timeout: the env answered instead of waiting.
        expect(r.info.timings.actionMs, action).toBeLessThan(LONG / 3);
      }
      // An element removed after the observation named it is not found, also at once.
      const vanishing = await bidOf('#remove-me');
      await env.step(`focus('${vanishing}')`);
      const r = await env.step(`click('${vanishing}')`);
      expect(r.observation.lastActionError).toBe(`element ${vanishing} not found`);
    });
  });

  it('agent-facing errors carry no terminal colour codes', () => {
    const err = new Error('locator.click: Timeout 500ms exceeded.\nCall log:\n\x1b[2m  - waiting for locator\x1b[22m\n\x1b[2m    - <div id="x"></div> intercepts pointer events\x1b[22m');
    expect(describeActionFailure(err, 'click on element 4')).toBe('click on element 4 failed: Timeout 500ms exceeded. (<div id="x"></div> intercepts pointer events)');
  });
});

describe('tabs and dialogs', () => {
  it('a tab a timer opened after the step returned is adopted, and tab_focus does not wait for it', async () => {
    await withEnv('timer-tab', async (env, bidOf) => {
      await env.step(`click('${await bidOf('#arm')}')`);
      // Wait on the condition (the tab exists), not on time.
      await env.page!.context().waitForEvent('page', { timeout: LONG });
      const r = await env.step('tab_focus(0)');
      expect(r.observation.tabs.map((t) => t.url)).toEqual([site().url('third-party/timer-tab.html'), site().url('third-party/leave.html')]);
      expect(r.observation.activeTab).toBe(0);
      // popupWaitMs is 30 s: a wait for a tab already open would show here.
      expect(r.info.timings.totalMs).toBeLessThan(LONG / 3);
      const next = await env.step('noop(0)');
      expect(next.info.timings.totalMs).toBeLessThan(LONG / 3);
    });
  });

  it('an alert that opens between steps shows in the next observation; page actions are refused until it is answered', async () => {
    await withEnv('background-alert', async (env, bidOf) => {
      const other = await bidOf('#other');
      await env.step(`click('${await bidOf('#arm')}')`);
      await new Promise<void>((resolve) => env.page!.once('dialog', () => resolve()));
      const seen = await env.step('noop(0)');
      expect(seen.observation.dialog).toEqual({ type: 'alert', message: 'Session expires soon' });
      expect(seen.observation.axtree.split('\n')[0]).toBe('A JavaScript alert is open: "Session expires soon". The page waits until it is answered: close it with accept_dialog().');
      // The page beneath, as last seen, follows the dialog line.
      expect(seen.observation.axtree).toContain('button "Other button"');
      const refused = await env.step(`click('${other}')`);
      expect(refused.observation.lastActionError).toBe('a JavaScript alert is open ("Session expires soon"): answer it with accept_dialog() or dismiss_dialog() first');
      expect((await env.step('dismiss_dialog()')).observation.dialog).toBeUndefined();
      expect((await env.step('accept_dialog()')).observation.lastActionError).toBe('there is no open dialog to accept in this tab');
    });
  });
});

describe('the settle rule', () => {
  it('a page that polls, spins and ticks forever still settles, bounded by the settle window', async () => {
    await withEnv(
      'polling',
      async (env, bidOf) => {
        const r = await env.step(`click('${await bidOf('#go')}')`);
        expect(r.observation.axtree).toContain('clicked');
        expect(r.info.settled).toBe(true);
        // Timers scheduled in the window count, later ones do not: about 2 x 1000 ms at most.
        expect(r.info.timings.settleMs).toBeLessThan(20_000);
      },
      { settleTimeoutMs: LONG },
    );
  });
});
