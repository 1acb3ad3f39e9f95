import { admissible, argCandidates, chooseArg, countScore, countScorer, elementKey, shapeOf, type ArgHead } from './arguments.js';
import { fnv1a, words } from './text.js';

/**
 * The learned argument head's choices for one fill / select_option candidate: the count head's
 * candidate strings (instruction spans, dates, numbers, party counts, option labels) plus the
 * element's literals (the teacher's traveller profile), each with a feature vector. A linear
 * scorer over these features gives the logits of a softmax over the choices, so the argument is
 * a differentiable, sampled decision like the action. The count head's own precision and its
 * greedy choice are features: a freshly trained head starts from what the counts say.
 */
export type ArgFeatureConfig = { argBuckets: number };

export const ARG_EXTRA_NAMES = [
  'count_precision', 'count_choice', 'literal', 'literal_score', 'equals_value', 'is_option', 'grounded', 'shape_date', 'shape_number', 'time', 'long_text',
] as const;
export const argFeatureSize = (c: ArgFeatureConfig): number => c.argBuckets + ARG_EXTRA_NAMES.length;

/** The element an argument is for (what the action candidate knows of it). */
export type ArgElement = { kind: 'fill' | 'select_option'; role: string; name: string; value: string | undefined; options: readonly string[] };

/** "span:prev=from:len=2" -> "span:prev=from": the key without its length, shared across lengths. */
const family = (k: string): string => k.replace(/:len=\d+$/, '');

const TIME = /^\d{2}:\d{2}$/;

/** An argument the element admits, before its features. */
export type ArgOption = { text: string; keys: string[] };

/**
 * The choices the element admits, in a fixed order: a select takes one of its options (or a clock
 * time, which may sit in the cut tail of a long list); a field takes no place already typed into
 * another field, and only dates (numbers) when it always took one.
 */
export function argOptions(head: ArgHead, instruction: string, el: ArgElement, used: ReadonlySet<string>): ArgOption[] {
  const scorer = countScorer(head, el.kind, elementKey(el.kind, el.role, el.name));
  const byText = new Map<string, ArgOption>(argCandidates(instruction, el.options).map((c) => [c.text, { text: c.text, keys: [...c.keys] }]));
  for (const l of scorer.literals) {
    const c = byText.get(l.text);
    if (c) c.keys.push('const');
    else byText.set(l.text, { text: l.text, keys: ['const'] });
  }
  let cands = admissible(scorer, [...byText.values()], used);
  if (el.kind === 'select_option') {
    const opts = new Set(el.options.map((o) => o.toLowerCase()));
    cands = cands.filter((c) => opts.has(c.text.toLowerCase()) || TIME.test(c.text));
  }
  return cands;
}

/** Each option's feature vector (hashed key crosses with the element's kind, role and name words, and the count head's view). */
export function argFeatures(cfg: ArgFeatureConfig, head: ArgHead, instruction: string, el: ArgElement, used: ReadonlySet<string>, options: readonly ArgOption[]): Float32Array[] {
  const ek = elementKey(el.kind, el.role, el.name);
  const scorer = countScorer(head, el.kind, ek);
  const greedy = chooseArg(head, el.kind, ek, el.name, argCandidates(instruction, el.options), used);
  const literalScore = new Map(scorer.literals.map((l) => [l.text, l.score]));
  const instructionTexts = new Set(argCandidates(instruction, []).map((c) => c.text));
  const optionSet = new Set(el.options.map((o) => o.toLowerCase()));
  const nameWords = words(el.name).filter((w) => !/\d/.test(w));
  const value = (el.value ?? '').toLowerCase();
  return options.map((c) => {
    const v = new Float32Array(argFeatureSize(cfg));
    const put = (t: string) => (v[fnv1a(t) % cfg.argBuckets] = 1);
    for (const k of c.keys) {
      const f = family(k);
      put(`k:${k}`);
      put(`f:${f}`);
      put(`kf:${el.kind}|${f}`);
      put(`rf:${el.kind}|${el.role}|${f}`);
      for (const w of nameWords) put(`wf:${w}|${f}`);
    }
    const x = (name: (typeof ARG_EXTRA_NAMES)[number], val: number) => (v[cfg.argBuckets + ARG_EXTRA_NAMES.indexOf(name)] = val);
    x('count_precision', Math.min(1, countScore(scorer, c.keys.filter((k) => k !== 'const'))));
    x('count_choice', c.text === greedy ? 1 : 0);
    x('literal', c.keys.includes('const') ? 1 : 0);
    x('literal_score', Math.min(1, literalScore.get(c.text) ?? 0));
    x('equals_value', value !== '' && value === c.text.toLowerCase() ? 1 : 0);
    x('is_option', optionSet.has(c.text.toLowerCase()) ? 1 : 0);
    x('grounded', instructionTexts.has(c.text) ? 1 : 0);
    x('shape_date', shapeOf(c.text) === 'date' ? 1 : 0);
    x('shape_number', shapeOf(c.text) === 'number' ? 1 : 0);
    x('time', TIME.test(c.text) ? 1 : 0);
    x('long_text', Math.min(c.text.length, 40) / 40);
    return v;
  });
}
