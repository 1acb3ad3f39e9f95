import { describe, expect, it } from 'vitest';
import type { BrowserEnvOptions } from '../../src/browser/env/options.js';
import type { Observation } from '../../src/core/schemas/observation.js';
import { useFixtureServers, withEnv } from '../helpers/fixture-env.js';
import { AGENTS } from './third-party/agents.js';

/**
 * The third-party page suite: small pages written here that reproduce what real sites (and
 * MiniWoB++'s tasks, miniwob/html/miniwob/*.html) do that our own sites do not, each solved by a
 * scripted agent that reads only the observation (third-party/agents.ts). A page reports its
 * reward in window.__result, as MiniWoB's core.endEpisode does; only the test reads it.
 */
const { site, partner } = useFixtureServers();
const finished: Record<string, { reward: number; reason: string } | null> = {};

type Run = { obs: Observation[]; notes: string[]; result: { reward: number; reason: string } | null };

async function solve(page: string, options: BrowserEnvOptions = {}, hash = ''): Promise<Run> {
  return withEnv(options, async (env) => {
    const first = await env.reset({ url: `${site().url(`third-party/${page}.html`)}${hash}` });
    const seen: Observation[] = [first];
    const notes: string[] = [];
    const act = async (action: string) => {
      const r = await env.step(action);
      seen.push(r.observation);
      return r.observation;
    };
    await AGENTS[page]!(first, act, notes);
    // A page whose success is a state rather than a click (dialogs) checks itself when asked.
    await env.page!.evaluate('window.__check && window.__check()');
    const result = (await env.page!.evaluate('window.__result')) as Run['result'];
    finished[page] = result;
    return { obs: seen, notes, result };
  });
}

describe('third-party pages, solved through the observation alone', () => {
  it('enter-text: inline runs read as written ("Jerald", not " Jerald "), and a <div> Submit is clickable', async () => {
    const run = await solve('enter-text');
    expect(run.obs[0]!.axtree).toContain('Enter "Jerald" into the text field and press Submit. Reference: 10/16/2016.');
    expect(run.obs[0]!.axtree).toMatch(/\[\d+\] generic "Submit" clickable/);
    expect(run.result).toEqual({ reward: 1, reason: 'Jerald' });
  });

  it('click-link: links drawn as <span>s with script listeners get bids', async () => {
    const run = await solve('click-link');
    expect(run.obs[0]!.axtree).toMatch(/\[\d+\] generic "tortor" clickable/);
    expect(run.result).toEqual({ reward: 1, reason: 'tortor' });
  });

  it('email-inbox: rows handled by a document listener (pointer cursor) and icon-only actions named by their class', async () => {
    const run = await solve('email-inbox');
    expect(run.obs[1]!.axtree).toMatch(/\[\d+\] generic "trash" clickable name-from=class/);
    expect(run.result).toEqual({ reward: 1, reason: 'deleted Jerald' });
  });

  it('navigate-tree: folder and file <span>s open and are clicked', async () => {
    expect((await solve('navigate-tree')).result).toEqual({ reward: 1, reason: 'budget.xls' });
  });

  it("use-spinner: the spinner shows the value typed into it, not its stale aria-valuenow", async () => {
    const run = await solve('use-spinner');
    expect(run.notes).toContain('spinner value 7');
    expect(run.result).toEqual({ reward: 1, reason: '7' });
  });

  it('enter-date: a value in the wrong format is an error that says the format; the right one is kept', async () => {
    const run = await solve('enter-date');
    expect(run.notes[0]).toMatch(/^fill on element \d+ failed: "10\/16\/2016" is not a valid value for a date input; it takes YYYY-MM-DD/);
    expect(run.result).toEqual({ reward: 1, reason: '2016-10-16' });
  });

  it('copy-letters: letters in separate inline-block tiles read as one word', async () => {
    const run = await solve('copy-letters');
    expect(run.obs[0]!.axtree).toContain('Type the code aIG7 into the box, then "press" the button.');
    expect(run.result).toEqual({ reward: 1, reason: 'aIG7' });
  });

  it('long-textarea: a cut value is read whole by focusing the field', async () => {
    const run = await solve('long-textarea');
    expect(run.notes[0]).toBe('cut at 160');
    expect(Number(run.notes[1]!.split(' ')[1])).toBeGreaterThanOrEqual(600);
    expect(run.result?.reward).toBe(1);
  });

  it('unnamed-icons: icon fonts, an alt-less image and an SVG get names, flagged as fallbacks; a canvas the page names is shown', async () => {
    const run = await solve('unnamed-icons');
    const tree = run.obs[0]!.axtree;
    expect(tree).toMatch(/\[\d+\] button "trash" name-from=class/);
    expect(tree).toMatch(/\[\d+\] button "star" name-from=class/);
    expect(tree).toMatch(/\[\d+\] generic "pencil" clickable name-from=class/);
    expect(tree).toMatch(/\[\d+\] image "gear" clickable name-from=src/);
    expect(tree).toMatch(/\[\d+\] image "Heart"/);
    expect(tree).toMatch(/\[\d+\] Canvas "Sales chart"/);
    expect(tree.match(/Canvas/g)).toHaveLength(1);
    expect(run.result).toEqual({ reward: 1, reason: 'star,heart' });
  });

  it('delayed-menu: a 300 ms debounced suggestion list and a 250 ms hover submenu are in the next observation', async () => {
    const run = await solve('delayed-menu');
    expect(run.notes).toEqual(['suggestions shown: true', 'submenu shown: true']);
    expect(run.result).toEqual({ reward: 1, reason: 'Lisbon' });
  });

  it('drag-items: drag_and_drop works for mouse-event dragging and for HTML5 drag and drop', async () => {
    expect((await solve('drag-items')).result).toEqual({ reward: 1, reason: 'both' });
  });

  it('dialogs: prompt, confirm, alert and "Leave site?" appear in the observation and are answered by actions', async () => {
    const run = await solve('dialogs');
    expect(run.notes).toEqual([
      'A JavaScript prompt is open: "New project name?"; default answer "Untitled". The page waits until it is answered: answer with accept_dialog("text") or dismiss_dialog().',
      'A JavaScript confirm is open: "Really reset everything?". The page waits until it is answered: answer with accept_dialog() (OK) or dismiss_dialog() (Cancel).',
      'A JavaScript alert is open: "Saved.". The page waits until it is answered: close it with accept_dialog().',
      'The page asks "Leave site?": "". The page waits until it is answered: accept_dialog() leaves, dismiss_dialog() stays.',
      'after: Dialogs Task',
    ]);
    expect(run.obs.at(-1)!.axtree).toContain('Project: Apollo');
    expect(run.obs.at(-1)!.axtree).toContain('renamed Apollo, kept, saved');
  });

  it('scripted-reward: javascript:, chrome:, devtools:, file:, foreign view-source: and data: are refused; the reward comes only through the page', async () => {
    const run = await solve('scripted-reward');
    expect(run.notes).toEqual([
      'goto javascript:core.endEpisode(1, "script") refused: javascript: URLs are refused: an action cannot run script in the page',
      'goto JavaScript:void(core.endEpisode(1, "script")) refused: javascript: URLs are refused: an action cannot run script in the page',
      "goto chrome://version refused: the browser's own pages (chrome:) are refused",
      'goto devtools://devtools/bundled/inspector.html refused: devtools: pages are refused',
      'goto file:///etc/passwd refused: file: URLs are refused: local files are outside the sandbox (serve pages over http instead)',
      'goto view-source:http://127.0.0.1:9/ refused: view-source: of http://127.0.0.1:9/ is refused: the origin http://127.0.0.1:9 is not allowed in this episode',
      expect.stringMatching(/^goto data:text\/html,.* refused: data: URLs are not allowed in this episode$/),
    ]);
    // No refusal left a browser error page or an escape sequence behind.
    for (const o of run.obs) expect(o.lastActionError ?? '').not.toMatch(/\x1b\[/);
    expect(run.result).toEqual({ reward: 1, reason: 'through the page' });
  });

  it('iframes: a same-origin frame and an out-of-process frame of another allowed origin are observed and acted in', async () => {
    const run = await solve('iframes', { allowOrigins: [partner().origin] }, `#${partner().origin}`);
    expect(run.obs[0]!.axtree).toMatch(/\[a\] Iframe "Order form"\n {2}\[a\d+\] textbox "Name"/);
    expect(run.obs[0]!.axtree).toMatch(/\[b\] Iframe "Partner"\n.*\n {2}\[b\d+\] button "Confirm"/);
    expect(run.result).toEqual({ reward: 1, reason: 'Ada' });
  });

  it('contenteditable: an editor <div> is a textbox with its text as value, and fill writes into it', async () => {
    const run = await solve('contenteditable');
    expect(run.obs[0]!.axtree).toMatch(/\[\d+\] textbox "Message" value="Draft"/);
    expect(run.result).toEqual({ reward: 1, reason: 'Hello there' });
  });

  it('hidden-controls: a checkbox hidden behind its label is checked through the label; tabindex chips are clickable', async () => {
    const run = await solve('hidden-controls');
    expect(run.obs[0]!.axtree).toMatch(/\[\d+\] checkbox "Newsletter" unchecked/);
    expect(run.result).toEqual({ reward: 1, reason: 'true,Weekly' });
  });

  it('every page above was solved', () => {
    expect(Object.keys(finished).sort()).toEqual(Object.keys(AGENTS).sort());
    for (const [page, r] of Object.entries(finished)) expect(r?.reward, page).toBe(1);
  });
});
