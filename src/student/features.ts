import { parseAction } from '../browser/actions/parse-action.js';
import { readAx, groupName, optionLabels, type AxElement } from './ax.js';
import { fnv1a, normalizedDates, numbers, words } from './text.js';

export const ACTION_KINDS = ['click', 'fill', 'select_option', 'check', 'stop'] as const;
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

export type FeatureConfig = { buckets: number };
export const DEFAULT_FEATURES: FeatureConfig = { buckets: 256 };

/** Extra dense features after the hashed bag, in order (see extras() below). */
export const EXTRA_NAMES = [
  ...ACTION_KINDS.map((k) => `kind=${k}`),
  'name_overlap', 'name_any_overlap', 'value_overlap', 'group_overlap', 'value_empty', 'date_match', 'number_match',
  ...PATHS.map((p) => `path=/${p}`), 'path=other',
  'acted_any', 'acted_same_kind', 'acted_last', 'history_len',
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
  features: Float32Array;
};

type Parsed = { instruction: Set<string>; dates: Set<string>; nums: Set<string>; path: number; past: { bid: string | undefined; type: string }[] };

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
    return r.ok ? { bid: 'bid' in r.action ? r.action.bid : undefined, type: r.action.type } : { bid: undefined, type: 'invalid' };
  });
  return { instruction: new Set(words(ctx.instruction)), dates: new Set(normalizedDates(ctx.instruction)), nums: new Set(numbers(ctx.instruction)), path: pathBucket(ctx.url), past };
}

/** One candidate per (element with a bid, compatible action kind), plus one stop candidate. */
export function buildCandidates(ctx: StepContext, cfg: FeatureConfig = DEFAULT_FEATURES): Candidate[] {
  const els = readAx(ctx.axtree);
  const p = context(ctx);
  const out: Candidate[] = [];
  els.forEach((el, i) => {
    const group = groupName(els, i);
    for (const kind of ['click', 'fill', 'select_option', 'check'] as const) {
      if (kind !== 'click' && !KIND_ROLES[kind].has(el.role)) continue;
      const options = kind === 'select_option' ? optionLabels(els, i) : [];
      out.push({ kind, bid: el.bid, role: el.role, name: el.name, options, features: elementFeatures(cfg, p, kind, el, group, ctx.history.length) });
    }
  });
  const headings = els.filter((e) => e.role === 'heading').map((e) => e.name).join(' ');
  out.push({ kind: 'stop', bid: null, role: '', name: '', options: [], features: stopFeatures(cfg, p, headings, ctx.history.length) });
  return out;
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
  for (const s of STATES) if (el.states.includes(s)) setExtra(cfg, v, `state=${s}`, 1);
  return v;
}

function stopFeatures(cfg: FeatureConfig, p: Parsed, headings: string, historyLen: number): Float32Array {
  const toks = ['t:stop', `tp:stop|${p.path}`, ...words(headings).map((w) => `h:${w}`)];
  if (p.past.length) toks.push(`last:${p.past[p.past.length - 1]!.type}`);
  const v = vector(cfg, toks);
  common(cfg, v, p, 'stop', historyLen);
  return v;
}
