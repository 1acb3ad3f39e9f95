import type { Action } from '../../core/schemas/action.js';
import { done, fail, type Step } from './result.js';
import { at, plural, snippet } from './text.js';

/**
 * WebArena's bracket syntax (`click [12]`, `type [12] [text] [1]`, `scroll [down]`, ...), mapped
 * onto the same `Action` objects as BrowserGym's calls. A group runs from `[` to its matching `]`,
 * so text may hold balanced brackets (`type [3] [a [b] c]`); an unmatched one is an error.
 */

/**
 * Pixels one `scroll [down]` / `scroll [up]` moves. WebArena scrolls by one viewport height; the
 * action space has fixed deltas, and 500 px is most of a 720 px-high viewport, so no content is
 * skipped between two scrolls.
 */
export const WEBARENA_SCROLL_PX = 500;

interface Group {
  text: string;
  start: number;
}

export interface WebArenaSpec {
  readonly name: string;
  /** How the action is written, for messages and prompts: `type [bid] [text] [0|1]`. */
  readonly usage: string;
  readonly minGroups: number;
  readonly maxGroups: number;
  readonly build: (groups: readonly Group[]) => Step<Action>;
}

/** A bid in brackets, without surrounding spaces: `[ 12 ]` is bid "12". */
function bidOf(g: Group): Step<string> {
  const bid = g.text.trim();
  if (bid === '') return fail(`the bid ${at(g.start)} is empty`);
  return done(bid);
}

const onBid = (name: string, type: 'click' | 'hover'): WebArenaSpec => ({
  name,
  usage: `${name} [bid]`,
  minGroups: 1,
  maxGroups: 1,
  build: ([g]) => {
    const b = bidOf(g!);
    return b.ok ? done({ type, bid: b.value }) : b;
  },
});

const bare = (name: string, type: 'new_tab' | 'tab_close' | 'go_back' | 'go_forward'): WebArenaSpec => ({
  name,
  usage: name,
  minGroups: 0,
  maxGroups: 0,
  build: () => done({ type }),
});

export const WEBARENA_ACTIONS: readonly WebArenaSpec[] = [
  onBid('click', 'click'),
  onBid('hover', 'hover'),
  {
    name: 'type',
    usage: 'type [bid] [text] [0|1]',
    minGroups: 2,
    maxGroups: 3,
    build: ([id, text, flag]) => {
      const b = bidOf(id!);
      if (!b.ok) return b;
      // WebArena's third group says whether Enter follows the text; absent means no Enter here.
      const f = flag?.text.trim() ?? '0';
      if (f !== '0' && f !== '1') return fail(`the last group of type must be [0] or [1], got [${f}] ${at(flag!.start)}`);
      return done({ type: 'fill', bid: b.value, text: text!.text, pressEnter: f === '1' });
    },
  },
  {
    name: 'press',
    usage: 'press [key_comb]',
    minGroups: 1,
    maxGroups: 1,
    build: ([g]) => {
      const key = g!.text.trim();
      return key === '' ? fail(`the key ${at(g!.start)} is empty`) : done({ type: 'press', key });
    },
  },
  {
    name: 'scroll',
    usage: 'scroll [down|up]',
    minGroups: 1,
    maxGroups: 1,
    build: ([g]) => {
      // WebArena's prompt writes `scroll [direction=down|up]`; both spellings are accepted.
      const dir = g!.text.trim().toLowerCase().replace(/^direction\s*=\s*/, '');
      if (dir === 'down') return done({ type: 'scroll', dx: 0, dy: WEBARENA_SCROLL_PX });
      if (dir === 'up') return done({ type: 'scroll', dx: 0, dy: -WEBARENA_SCROLL_PX });
      return fail(`scroll direction must be down or up, got ${snippet(g!.text)} ${at(g!.start)}`);
    },
  },
  bare('new_tab', 'new_tab'),
  {
    name: 'tab_focus',
    usage: 'tab_focus [index]',
    minGroups: 1,
    maxGroups: 1,
    build: ([g]) => {
      const text = g!.text.trim();
      const index = Number(text);
      if (!/^\d+$/.test(text) || !Number.isSafeInteger(index)) {
        return fail(`tab_focus index must be a whole number from 0, got ${snippet(g!.text)} ${at(g!.start)}`);
      }
      return done({ type: 'tab_focus', index });
    },
  },
  bare('close_tab', 'tab_close'),
  {
    name: 'goto',
    usage: 'goto [url]',
    minGroups: 1,
    maxGroups: 1,
    build: ([g]) => {
      const url = g!.text.trim();
      return url === '' ? fail(`the url ${at(g!.start)} is empty`) : done({ type: 'goto', url });
    },
  },
  bare('go_back', 'go_back'),
  bare('go_forward', 'go_forward'),
  {
    name: 'stop',
    usage: 'stop [answer]',
    minGroups: 0,
    maxGroups: 1,
    build: ([g]) => done(g === undefined ? { type: 'stop' } : { type: 'stop', answer: g.text }),
  },
];

const BY_NAME = new Map(WEBARENA_ACTIONS.map((s) => [s.name, s]));

export const webArenaSpec = (name: string): WebArenaSpec | undefined => BY_NAME.get(name);

/** Parses the bracket groups after the action name (`rest` starts right after the name). */
export function parseWebArena(spec: WebArenaSpec, src: string, from: number): Step<Action> {
  const groups: Group[] = [];
  let i = from;
  for (;;) {
    while (i < src.length && isSpace(src[i]!)) i++;
    if (i >= src.length) break;
    const c = src[i]!;
    if (c === ']') return fail(`unbalanced brackets: "]" ${at(i)} has no matching "["`);
    if (c !== '[') return fail(`unexpected text ${snippet(src.slice(i))} ${at(i)}; expected ${spec.usage}`);
    let depth = 1;
    let j = i + 1;
    for (; j < src.length; j++) {
      const d = src[j];
      if (d === '[') depth++;
      else if (d === ']' && --depth === 0) break;
    }
    if (depth !== 0) return fail(`unbalanced brackets: "[" ${at(i)} is never closed`);
    groups.push({ text: src.slice(i + 1, j), start: i + 1 });
    i = j + 1;
  }
  if (groups.length < spec.minGroups || groups.length > spec.maxGroups) {
    return fail(`${spec.name} expects ${spec.usage}, got ${plural(groups.length, 'bracket group')}`);
  }
  return spec.build(groups);
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
