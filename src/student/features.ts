import type { Action } from '../core/schemas/action.js';
import { parseAction } from '../browser/actions/parse-action.js';
import { argCandidates, chooseArg, elementKey, type ArgHead } from './arguments.js';
import { readAx, groupName, optionLabels, type AxElement } from './ax.js';
import { fnv1a, normalizedDates, numbers, words } from './text.js';

export const ACTION_KINDS = ['click', 'fill', 'select_option', 'check', 'stop', 'scroll_down', 'scroll_up', 'go_back'] as const;
/** Page-level kinds: one candidate each per step, not tied to an element. */
export const PAGE_KINDS = ['stop', 'scroll_down', 'scroll_up', 'go_back'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Which elements each kind is offered on (click: every element with a bid). */
const KIND_ROLES: Record<'fill' | 'select_option' | 'check', ReadonlySet<string>> = {
  fill: new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']),
  select_option: new Set(['combobox', 'listbox']),
  check: new Set(['checkbox', 'radio', 'switch', 'menuitemcheckbox', 'menuitemradio']),
};

/** URL path buckets: the booking flow's pages, then "other". */
const PATHS = ['', 'search', 'listing', 'details', 'review', 'confirmation', 'book'] as const;
const STATES = ['checked', 'disabled', 'required', 'invalid', 'focused', 'expanded'] as const;
export const HISTORY = 3;

/** Hash buckets of the action candidates' bag of words, and of the argument choices' keys. */
/** ctxBuckets: the attention student's hashed instruction words (absent: attn-model's default). */
export type FeatureConfig = { buckets: number; argBuckets: number; ctxBuckets?: number };
export const DEFAULT_FEATURES: FeatureConfig = { buckets: 512, argBuckets: 256 };

/** Extra dense features after the hashed bag, in order (see extras() below). */
export const EXTRA_NAMES = [
  ...ACTION_KINDS.map((k) => `kind=${k}`),
  'name_overlap', 'name_any_overlap', 'value_overlap', 'group_overlap', 'value_empty', 'date_match', 'number_match',
  ...PATHS.map((p) => `path=/${p}`), 'path=other',
  'acted_any', 'acted_same_kind', 'acted_last', 'history_len',
  'arg_differs', 'arg_grounded',
  'more_below', 'more_above', 'empty_required', 'invalid_fields', 'recent_scrolls', 'last_scroll_down',
  ...STATES.map((s) => `state=${s}`),
];
export const featureSize = (c: FeatureConfig): number => c.buckets + EXTRA_NAMES.length;

export type StepContext = { instruction: string; axtree: string; url: string; history: readonly string[] };

export type Candidate = {
  kind: ActionKind;
  /** null for stop. */
  bid: string | null;
  role: string;
  name: string;
  /** Option labels under a select (select_option only). */
  options: string[];
  /** The element's index among the observation's nodes (none for page-level kinds). */
  node?: number;
  /** The text fill / select_option would use, as the argument head chooses it (with a head only). */
  arg?: string;
  /** The element's current value (what a fill would replace). */
  value?: string;
  /** Texts the history typed or selected into other elements (fill / select_option only). */
  used?: ReadonlySet<string>;
  features: Float32Array;
};

type Parsed = {
  instruction: Set<string>;
  dates: Set<string>;
  nums: Set<string>;
  path: number;
  past: { bid: string | undefined; type: string; dy: number }[];
  /** Every text the whole history typed or selected, by element (lower-cased). */
  fills: { bid: string; text: string }[];
  /** From the observation's last line "(N nodes above and M below the viewport; ...)". */
  above: number;
  below: number;
};

const MORE = /\((\d+) nodes above and (\d+) below the viewport/;

function pathBucket(url: string): number {
  let seg = '';
  try {
    seg = new URL(url).pathname.split('/')[1] ?? '';
  } catch {
    seg = '';
  }
  const i = (PATHS as readonly string[]).indexOf(seg);
  return i === -1 ? PATHS.length : i;
}

function context(ctx: StepContext): Parsed {
  const past = ctx.history.slice(-HISTORY).map((a) => {
    const r = parseAction(a);
    if (!r.ok) return { bid: undefined, type: 'invalid', dy: 0 };
    return { bid: 'bid' in r.action ? r.action.bid : undefined, type: r.action.type, dy: r.action.type === 'scroll' ? r.action.dy : 0 };
  });
  const more = MORE.exec(ctx.axtree);
  const fills: { bid: string; text: string }[] = [];
  for (const h of ctx.history) {
    const r = parseAction(h);
    if (r.ok && r.action.type === 'fill') fills.push({ bid: r.action.bid, text: r.action.text.toLowerCase() });
    if (r.ok && r.action.type === 'select_option') for (const o of r.action.options) fills.push({ bid: r.action.bid, text: o.toLowerCase() });
  }
  return {
    fills,
    instruction: new Set(words(ctx.instruction)), dates: new Set(normalizedDates(ctx.instruction)), nums: new Set(numbers(ctx.instruction)), path: pathBucket(ctx.url), past,
    above: more ? Number(more[1]) : 0, below: more ? Number(more[2]) : 0,
  };
}

/**
 * One candidate per (element with a bid, compatible action kind), plus the page-level ones:
 * stop and go_back always, scroll_down / scroll_up when the observation says nodes lie below /
 * above the viewport.
 */
export function buildCandidates(ctx: StepContext, cfg: FeatureConfig = DEFAULT_FEATURES, argHead?: ArgHead): Candidate[] {
  const els = readAx(ctx.axtree);
  const p = context(ctx);
  const out: Candidate[] = [];
  els.forEach((el, i) => {
    const group = groupName(els, i);
    for (const kind of ['click', 'fill', 'select_option', 'check'] as const) {
      if (kind !== 'click' && !KIND_ROLES[kind].has(el.role)) continue;
      const options = kind === 'select_option' ? optionLabels(els, i) : [];
      const features = elementFeatures(cfg, p, kind, el, group, ctx.history.length);
      const typed = kind === 'fill' || kind === 'select_option';
      const used = typed ? filledElsewhere(p.fills, el.bid) : undefined;
      const arg = argHead && typed ? argFeatures(cfg, features, argHead, ctx.instruction, kind, el, options, used!) : undefined;
      out.push({ kind, bid: el.bid, role: el.role, name: el.name, options, node: i, ...(arg === undefined ? {} : { arg }), ...(el.value === undefined ? {} : { value: el.value }), ...(used ? { used } : {}), features });
    }
  });
  const page = pageSummary(els);
  for (const kind of PAGE_KINDS) {
    if ((kind === 'scroll_down' && p.below === 0) || (kind === 'scroll_up' && p.above === 0)) continue;
    out.push({ kind, bid: null, role: '', name: '', options: [], features: pageFeatures(cfg, p, kind, page, ctx.history.length) });
  }
  return out;
}

/**
 * What filling this element would do, as the argument head sees it: whether its choice differs
 * from the current value (a field already right needs no action), and whether the choice comes
 * from the instruction rather than the teacher's habit.
 */
function argFeatures(cfg: FeatureConfig, v: Float32Array, head: ArgHead, instruction: string, kind: 'fill' | 'select_option', el: AxElement, options: string[], used: ReadonlySet<string>): string | undefined {
  const cands = argCandidates(instruction, options);
  const arg = chooseArg(head, kind, elementKey(kind, el.role, el.name), el.name, cands, used);
  if (arg === undefined) return undefined;
  const value = (el.value ?? '').toLowerCase();
  const same = value === arg.toLowerCase() || (value !== '' && value.startsWith(arg.toLowerCase()));
  setExtra(cfg, v, 'arg_differs', same ? 0 : 1);
  setExtra(cfg, v, 'arg_grounded', cands.some((c) => c.text === arg) ? 1 : 0);
  return arg;
}

/** Texts the history typed or selected into elements other than `bid`. */
function filledElsewhere(fills: readonly { bid: string; text: string }[], bid: string): Set<string> {
  return new Set(fills.filter((f) => f.bid !== bid).map((f) => f.text));
}

/** Whether candidate c stands for the action (how a teacher step becomes a training target). */
export function candidateMatches(c: Candidate, a: Action): boolean {
  switch (a.type) {
    case 'click':
    case 'fill':
    case 'select_option':
    case 'check':
      return c.kind === a.type && c.bid === a.bid;
    case 'stop':
    case 'go_back':
      return c.kind === a.type;
    case 'scroll':
      return a.dy > 0 ? c.kind === 'scroll_down' : a.dy < 0 ? c.kind === 'scroll_up' : false;
    default:
      return false;
  }
}

function vector(cfg: FeatureConfig, tokens: string[]): Float32Array {
  const v = new Float32Array(featureSize(cfg));
  for (const t of tokens) v[fnv1a(t) % cfg.buckets] = 1;
  return v;
}

function setExtra(cfg: FeatureConfig, v: Float32Array, name: string, value: number): void {
  const i = EXTRA_NAMES.indexOf(name);
  if (i === -1) throw new RangeError(`unknown feature ${name}`);
  v[cfg.buckets + i] = value;
}

function common(cfg: FeatureConfig, v: Float32Array, p: Parsed, kind: ActionKind, historyLen: number): void {
  setExtra(cfg, v, `kind=${kind}`, 1);
  setExtra(cfg, v, p.path < PATHS.length ? `path=/${PATHS[p.path]}` : 'path=other', 1);
  setExtra(cfg, v, 'history_len', Math.min(historyLen, 40) / 40);
  setExtra(cfg, v, 'more_below', p.below > 0 ? 1 : 0);
  setExtra(cfg, v, 'more_above', p.above > 0 ? 1 : 0);
}

function overlap(ws: string[], set: Set<string>): number {
  return ws.length ? ws.filter((w) => set.has(w)).length / ws.length : 0;
}

function elementFeatures(cfg: FeatureConfig, p: Parsed, kind: ActionKind, el: AxElement, group: string, historyLen: number): Float32Array {
  const name = words(el.name);
  const value = words(el.value ?? '');
  const toks = [`r:${el.role}`, `t:${kind}`, `tr:${kind}|${el.role}`, `tp:${kind}|${p.path}`];
  for (const w of name) toks.push(`n:${w}`, `tn:${kind}|${w}`);
  for (const w of value) toks.push(`v:${w}`);
  for (const s of el.states) toks.push(`s:${s}`, `ts:${kind}|${s}`);
  for (const w of words(group)) toks.push(`g:${w}`, `tg:${kind}|${w}`);
  const v = vector(cfg, toks);
  common(cfg, v, p, kind, historyLen);
  const text = `${el.name} ${el.value ?? ''}`;
  setExtra(cfg, v, 'name_overlap', overlap(name, p.instruction));
  setExtra(cfg, v, 'name_any_overlap', name.some((w) => p.instruction.has(w)) ? 1 : 0);
  setExtra(cfg, v, 'value_overlap', overlap(value, p.instruction));
  setExtra(cfg, v, 'group_overlap', overlap(words(group), p.instruction));
  setExtra(cfg, v, 'value_empty', value.length === 0 ? 1 : 0);
  setExtra(cfg, v, 'date_match', normalizedDates(text).some((d) => p.dates.has(d)) ? 1 : 0);
  setExtra(cfg, v, 'number_match', numbers(text).some((n) => p.nums.has(n)) ? 1 : 0);
  const mine = p.past.filter((a) => a.bid === el.bid);
  setExtra(cfg, v, 'acted_any', mine.length ? 1 : 0);
  setExtra(cfg, v, 'acted_same_kind', mine.some((a) => a.type === kind) ? 1 : 0);
  setExtra(cfg, v, 'acted_last', p.past.length && p.past[p.past.length - 1]!.bid === el.bid ? 1 : 0);
  for (const s of STATES) if (el.states.has(s)) setExtra(cfg, v, `state=${s}`, 1);
  return v;
}

type PageSummary = { headings: string; emptyRequired: number; invalid: number };

function pageSummary(els: readonly AxElement[]): PageSummary {
  return {
    headings: els.filter((e) => e.role === 'heading').map((e) => e.name).join(' '),
    emptyRequired: els.filter((e) => e.states.has('required') && !e.value && KIND_ROLES.fill.has(e.role)).length,
    invalid: els.filter((e) => e.states.has('invalid')).length,
  };
}

/** A page-level candidate sees the page (headings, path, what is out of view) and the recent actions. */
function pageFeatures(cfg: FeatureConfig, p: Parsed, kind: PageKind, page: PageSummary, historyLen: number): Float32Array {
  const toks = [`t:${kind}`, `tp:${kind}|${p.path}`, ...words(page.headings).map((w) => `h:${kind}|${w}`)];
  // Whether to stop depends on what was asked (a relabeled task may end before paying).
  if (kind === 'stop') for (const w of p.instruction) toks.push(`i:stop|${w}`);
  const last = p.past[p.past.length - 1];
  if (last) toks.push(`last:${kind}|${last.type}`);
  const v = vector(cfg, toks);
  common(cfg, v, p, kind, historyLen);
  setExtra(cfg, v, 'empty_required', Math.min(page.emptyRequired, 5) / 5);
  setExtra(cfg, v, 'invalid_fields', Math.min(page.invalid, 5) / 5);
  setExtra(cfg, v, 'recent_scrolls', p.past.filter((a) => a.type === 'scroll').length / HISTORY);
  setExtra(cfg, v, 'last_scroll_down', last?.type === 'scroll' && last.dy > 0 ? 1 : 0);
  return v;
}
