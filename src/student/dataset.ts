import { readFileSync } from 'node:fs';
import { DatasetRow } from '../core/schemas/dataset.js';
import type { Action } from '../core/schemas/action.js';
import { InvalidInputError } from '../core/errors.js';
import { readColumnar } from '../core/json-columns.js';
import { argCandidates, elementKey, emptyArgHead, learnArg, matchingCandidates, type ArgHead } from './arguments.js';
import { StepView } from './distribution.js';
import { buildCandidates, candidateMatches, type FeatureConfig } from './features.js';
import { sparse, type Token } from './policy-graph.js';
import type { Arch } from './model.js';
import { fnv1a } from './text.js';

/**
 * A state labelled with the action to take there: a teacher's step of a dataset row (the history
 * is the row's own earlier actions), or a state the student reached and the teacher labelled
 * (DAgger: the history is what the student did).
 */
export type LabeledState = { instruction: string; axtree: string; url: string; history: readonly string[]; action: Action };

/** One training example: the action decision and, for fill / select_option, the argument decision. */
export type DecisionExample = { action: Token; arg?: Token };

export type Examples = {
  examples: DecisionExample[];
  /** States whose action has no candidate (scroll, press, goto, unknown bid, unparsed, ...), by action type; detours; unmatched arguments. */
  skipped: Record<string, number>;
  steps: number;
};

const bump = (o: Record<string, number>, k: string): void => void (o[k] = (o[k] ?? 0) + 1);

/** The labelled states of dataset rows; a step the next one undoes with go_back was a detour (a teacher's mistake): not a target. */
export function statesFromRows(rows: readonly DatasetRow[]): { states: LabeledState[]; skipped: Record<string, number>; steps: number } {
  const states: LabeledState[] = [];
  const skipped: Record<string, number> = {};
  let steps = 0;
  for (const row of rows) {
    row.steps.forEach((step, i) => {
      steps++;
      if (row.steps[i + 1]?.parsed?.type === 'go_back') return bump(skipped, 'detour');
      if (!step.parsed) return bump(skipped, 'unparsed');
      states.push({ instruction: row.task.instruction, axtree: step.observation, url: step.url, history: row.steps.slice(0, i).map((s) => s.action), action: step.parsed });
    });
  }
  return { states, skipped, steps };
}

/** One example per state whose action is among the state's candidates (with its argument when a choice spells it). */
export function examplesFromStates(states: readonly LabeledState[], model: { features: FeatureConfig; argHead: ArgHead; arch?: Arch }): { examples: DecisionExample[]; skipped: Record<string, number> } {
  const examples: DecisionExample[] = [];
  const skipped: Record<string, number> = {};
  for (const s of states) {
    const view = new StepView(model, { instruction: s.instruction, axtree: s.axtree, url: s.url, history: s.history });
    const target = view.cands.findIndex((c) => candidateMatches(c, s.action));
    if (target === -1) {
      bump(skipped, s.action.type);
      continue;
    }
    const action: Token = view.actionToken([target]);
    const text = s.action.type === 'fill' ? s.action.text : s.action.type === 'select_option' ? s.action.options[0] : undefined;
    if (text === undefined) {
      examples.push({ action });
      continue;
    }
    const { list, valid: argValid } = view.argOptions(target);
    const hits = new Set(matchingCandidates(list, text).map((h) => h.text));
    const targets = list.flatMap((o, i) => (hits.has(o.text) ? [i] : []));
    if (!targets.length) {
      bump(skipped, 'argument without a choice');
      examples.push({ action });
      continue;
    }
    examples.push({ action, arg: { options: view.argFeatures(target).map(sparse), valid: Uint8Array.from(argValid, Number), targets } });
  }
  return { examples, skipped };
}

/** Rows -> labelled states -> examples, with the counts given (none: the argument scorer's features see no counts). */
export function examplesFromRows(rows: readonly DatasetRow[], features: FeatureConfig, argHead: ArgHead = emptyArgHead(), arch: Arch = 'bow'): Examples {
  const st = statesFromRows(rows);
  const ex = examplesFromStates(st.states, { features, argHead, arch });
  const skipped = { ...st.skipped };
  for (const [k, n] of Object.entries(ex.skipped)) skipped[k] = (skipped[k] ?? 0) + n;
  return { examples: ex.examples, skipped, steps: st.steps };
}

/** The argument head's counts from every fill / select_option state. */
export function learnArgHead(states: readonly LabeledState[]): { head: ArgHead; seen: number; matched: number } {
  const head = emptyArgHead();
  let seen = 0;
  let matched = 0;
  for (const s of states) {
    const a = s.action;
    if (a.type !== 'fill' && a.type !== 'select_option') continue;
    const cand = buildCandidates({ instruction: s.instruction, axtree: s.axtree, url: s.url, history: s.history }).find((c) => c.kind === a.type && c.bid === a.bid);
    if (!cand) continue;
    seen++;
    const text = a.type === 'fill' ? a.text : a.options[0]!;
    if (learnArg(head, a.type, elementKey(a.type, cand.role, cand.name), argCandidates(s.instruction, cand.options), text)) matched++;
  }
  return { head, seen, matched };
}

/** Deterministic split by row id: about `fraction` of the rows go to validation. */
export function splitRows(rows: readonly DatasetRow[], fraction: number, seed: number): { train: DatasetRow[]; val: DatasetRow[] } {
  const val = rows.filter((r) => (fnv1a(`${seed}:${r.id}`) % 10_000) / 10_000 < fraction);
  const train = rows.filter((r) => !val.includes(r));
  return train.length ? { train, val } : { train: [...rows], val: [] };
}

/**
 * Rows from an exported webfoundry_rows.jsonl: one DatasetRow a line, in the columnar shape the
 * export writes (core/json-columns.ts) or, from older exports, as plain JSON.
 */
export function readRowsJsonl(path: string): DatasetRow[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((line, i) => {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      throw new InvalidInputError(`${path}:${i + 1}: not valid JSON (${(err as Error).message})`);
    }
    const plain = DatasetRow.safeParse(raw);
    const r = plain.success ? plain : DatasetRow.safeParse(readColumnar(DatasetRow, raw));
    const issue = r.success ? undefined : r.error.issues[0];
    if (!r.success) throw new InvalidInputError(`${path}:${i + 1} is not a dataset row: ${issue ? `${issue.path.join('.') || '(row)'}: ${issue.message}` : ''}`);
    return r.data;
  });
}
