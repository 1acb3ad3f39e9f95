import { parseAxText, type AxNode } from '../../../src/browser/observation/read-ax-text.js';
import type { Observation } from '../../../src/core/schemas/observation.js';

/**
 * One scripted agent per third-party fixture page (test/fixtures/third-party/). Each reads only
 * the observation (its text, through the runtime's own reader, and lastActionError) and acts
 * only through action strings, as a BrowserGym agent would; nothing here looks at the DOM.
 */
export type Act = (action: string) => Promise<Observation>;
export type PageAgent = (first: Observation, act: Act, notes: string[]) => Promise<void>;

/** The first node that matches, or a failure that shows what the agent saw. */
export function need(obs: Observation, pred: (n: AxNode) => boolean, what: string): AxNode {
  const n = parseAxText(obs.axtree).nodes.find(pred);
  if (!n) throw new Error(`the agent found no ${what} in:\n${obs.axtree}`);
  return n;
}

const has = (obs: Observation, pred: (n: AxNode) => boolean) => parseAxText(obs.axtree).nodes.some(pred);
const q = JSON.stringify;
const named = (name: string) => (n: AxNode) => n.name === name;
/** What the task asks, from the page's own words. */
const ask = (obs: Observation, re: RegExp): string => {
  const m = re.exec(obs.axtree);
  if (!m) throw new Error(`the task text does not match ${re}:\n${obs.axtree}`);
  return m[1]!;
};

export const AGENTS: Record<string, PageAgent> = {
  'enter-text': async (obs, act) => {
    const word = ask(obs, /Enter "([^"]*)" into the text field/);
    const box = need(obs, (n) => n.role === 'textbox', 'text field');
    obs = await act(`fill(${q(box.bid)}, ${q(word)})`);
    await act(`click(${q(need(obs, named('Submit'), 'Submit').bid)})`);
  },

  'click-link': async (obs, act) => {
    const target = ask(obs, /Click on the link "([^"]+)"/);
    await act(`click(${q(need(obs, (n) => n.name === target && n.states.has('clickable'), `link ${target}`).bid)})`);
  },

  'email-inbox': async (obs, act) => {
    const sender = ask(obs, /the email by (\w+)/);
    obs = await act(`click(${q(need(obs, (n) => n.name.startsWith(sender) && n.states.has('clickable'), `row from ${sender}`).bid)})`);
    await act(`click(${q(need(obs, named('trash'), 'trash icon').bid)})`);
  },

  'navigate-tree': async (obs, act) => {
    const file = ask(obs, /click on the file "([^"]+)"/);
    const opened = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const hit = parseAxText(obs.axtree).nodes.find(named(file));
      if (hit) {
        await act(`click(${q(hit.bid)})`);
        return;
      }
      // Open the next folder not opened yet (folders have no extension).
      const folder = need(obs, (n) => n.states.has('clickable') && !n.name.includes('.') && !opened.has(n.name), 'folder to open');
      opened.add(folder.name);
      obs = await act(`click(${q(folder.bid)})`);
    }
    throw new Error(`no ${file} after opening ${[...opened].join(', ')}`);
  },

  'use-spinner': async (obs, act, notes) => {
    const n = ask(obs, /Select (-?\d+) with the spinner/);
    const spin = need(obs, (x) => x.role === 'spinbutton', 'spinner');
    obs = await act(`fill(${q(spin.bid)}, ${q(n)})`);
    // The agent trusts what it reads: the spinner must now say it holds n.
    const now = need(obs, (x) => x.bid === spin.bid, 'spinner');
    notes.push(`spinner value ${now.value}`);
    if (now.value !== n) throw new Error(`the spinner shows ${now.value}, not ${n}`);
    await act(`click(${q(need(obs, named('Submit'), 'Submit').bid)})`);
  },

  'enter-date': async (obs, act, notes) => {
    const asked = ask(obs, /Enter (\S+) as the date/);
    const field = need(obs, (n) => n.role === 'Date', 'date field');
    obs = await act(`fill(${q(field.bid)}, ${q(asked)})`);
    notes.push(obs.lastActionError ?? 'no error');
    let value = asked;
    if (obs.lastActionError?.includes('YYYY-MM-DD')) {
      const [m, d, y] = asked.split('/');
      value = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
      obs = await act(`fill(${q(field.bid)}, ${q(value)})`);
    }
    if (need(obs, (n) => n.bid === field.bid, 'date field').value !== value) throw new Error(`the date field does not show ${value}:\n${obs.axtree}`);
    await act(`click(${q(need(obs, named('Submit'), 'Submit').bid)})`);
  },

  'copy-letters': async (obs, act) => {
    const code = ask(obs, /Type the code (\S+) into the box/);
    obs = await act(`fill(${q(need(obs, named('Code'), 'code box').bid)}, ${q(code)})`);
    await act(`click(${q(need(obs, named('Check'), 'Check').bid)})`);
  },

  'long-textarea': async (obs, act, notes) => {
    let source = need(obs, named('Source text'), 'source text');
    if (source.value?.endsWith('…')) {
      // Cut: a focused field shows its whole value.
      notes.push(`cut at ${source.value.length}`);
      obs = await act(`focus(${q(source.bid)})`);
      source = need(obs, named('Source text'), 'source text');
    }
    notes.push(`read ${source.value?.length ?? 0}`);
    obs = await act(`fill(${q(need(obs, named('Answer'), 'answer box').bid)}, ${q(source.value ?? '')})`);
    await act(`click(${q(need(obs, named('Submit'), 'Submit').bid)})`);
  },

  'unnamed-icons': async (obs, act) => {
    obs = await act(`click(${q(need(obs, named('star'), 'star icon').bid)})`);
    await act(`click(${q(need(obs, named('Heart'), 'heart icon').bid)})`);
  },

  'delayed-menu': async (obs, act, notes) => {
    const city = ask(obs, /Pick "([^"]+)"/);
    const typed = ask(obs, /suggestions for "([^"]+)"/);
    // BrowserGym's fill(..., enable_autocomplete_menu=True) types the last letter as a key.
    obs = await act(`fill(${q(need(obs, named('City'), 'city box').bid)}, ${q(typed)}, enable_autocomplete_menu=True)`);
    notes.push(`suggestions shown: ${has(obs, named(city))}`);
    obs = await act(`click(${q(need(obs, named(city), `suggestion ${city}`).bid)})`);
    obs = await act(`hover(${q(need(obs, named('File'), 'File menu').bid)})`);
    notes.push(`submenu shown: ${has(obs, named('Export'))}`);
    await act(`click(${q(need(obs, named('Export'), 'Export').bid)})`);
  },

  'drag-items': async (obs, act) => {
    obs = await act(`drag_and_drop(${q(need(obs, named('Apple'), 'Apple').bid)}, ${q(need(obs, named('Basket'), 'basket').bid)})`);
    await act(`drag_and_drop(${q(need(obs, named('Pear'), 'Pear').bid)}, ${q(need(obs, named('Crate'), 'crate').bid)})`);
  },

  dialogs: async (obs, act, notes) => {
    const seen = (o: Observation) => o.axtree.split('\n')[0] ?? '';
    obs = await act(`click(${q(need(obs, named('Rename'), 'Rename').bid)})`);
    notes.push(seen(obs));
    if (!seen(obs).startsWith('A JavaScript prompt is open')) throw new Error(`no prompt:\n${obs.axtree}`);
    obs = await act(`accept_dialog("Apollo")`);
    obs = await act(`click(${q(need(obs, named('Reset'), 'Reset').bid)})`);
    notes.push(seen(obs));
    obs = await act('dismiss_dialog()');
    obs = await act(`click(${q(need(obs, named('Save'), 'Save').bid)})`);
    notes.push(seen(obs));
    obs = await act('accept_dialog()');
    obs = await act(`click(${q(need(obs, named('Leave this page'), 'Leave').bid)})`);
    notes.push(seen(obs));
    obs = await act('dismiss_dialog()');
    notes.push(`after: ${obs.title}`);
  },

  'scripted-reward': async (obs, act, notes) => {
    // Every way to script the page or leave the sandbox must be refused; then the honest way.
    for (const url of [
      'javascript:core.endEpisode(1, "script")',
      'JavaScript:void(core.endEpisode(1, "script"))',
      'chrome://version',
      'devtools://devtools/bundled/inspector.html',
      'file:///etc/passwd',
      'view-source:http://127.0.0.1:9/',
      'data:text/html,<script>opener && opener.core.endEpisode(1, "data")</script>',
    ]) {
      obs = await act(`goto(${q(url)})`);
      notes.push(obs.lastActionError ?? `no error for ${url}`);
    }
    obs = await act(`check(${q(need(obs, (n) => n.role === 'checkbox', 'terms box').bid)})`);
    await act(`click(${q(need(obs, named('Continue'), 'Continue').bid)})`);
  },

  iframes: async (obs, act) => {
    const name = ask(obs, /Type (\w+) into the name field/);
    obs = await act(`fill(${q(need(obs, named('Name'), 'framed name field').bid)}, ${q(name)})`);
    obs = await act(`click(${q(need(obs, named('Send'), 'Send').bid)})`);
    await act(`click(${q(need(obs, named('Confirm'), 'partner Confirm').bid)})`);
  },

  contenteditable: async (obs, act) => {
    const text = ask(obs, /Write "([^"]+)" in the editor/);
    obs = await act(`fill(${q(need(obs, (n) => n.role === 'textbox', 'editor').bid)}, ${q(text)})`);
    await act(`click(${q(need(obs, named('Save'), 'Save').bid)})`);
  },

  'hidden-controls': async (obs, act) => {
    obs = await act(`check(${q(need(obs, (n) => n.role === 'checkbox' && n.name === 'Newsletter', 'Newsletter switch').bid)})`);
    if (!need(obs, named('Newsletter'), 'Newsletter switch').states.has('checked')) throw new Error(`Newsletter did not turn on:\n${obs.axtree}`);
    obs = await act(`click(${q(need(obs, named('Weekly'), 'Weekly chip').bid)})`);
    await act(`click(${q(need(obs, named('Apply'), 'Apply').bid)})`);
  },
};
