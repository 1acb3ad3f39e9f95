import { readFileSync } from 'node:fs';
import { DatasetRow } from '../core/schemas/dataset.js';
import { InvalidInputError } from '../core/errors.js';
import { readColumnar } from '../core/json-columns.js';
import { argCandidates, elementKey, emptyArgHead, learnArg, type ArgHead } from './arguments.js';
import { buildCandidates, candidateMatches, type FeatureConfig } from './features.js';
import type { StepExample } from './model.js';
import { fnv1a } from './text.js';

export type Examples = {
  examples: StepExample[];
  /** Steps whose action has no candidate (scroll, press, goto, unknown bid, unparsed, ...), by action type. */
  skipped: Record<string, number>;
  steps: number;
};

/** One example per step whose teacher action is among the step's candidates. */
export function examplesFromRows(rows: readonly DatasetRow[], cfg: FeatureConfig, argHead?: ArgHead): Examples {
  const examples: StepExample[] = [];
  const skipped: Record<string, number> = {};
  let steps = 0;
  for (const row of rows) {
    row.steps.forEach((step, i) => {
      steps++;
      // A step the next one undoes with go_back was a detour (a teacher's mistake): not a target.
      if (row.steps[i + 1]?.parsed?.type === 'go_back') {
        skipped.detour = (skipped.detour ?? 0) + 1;
        return;
      }
      const history = row.steps.slice(0, i).map((s) => s.action);
      const cands = buildCandidates({ instruction: row.task.instruction, axtree: step.observation, url: step.url, history }, cfg, argHead);
      const a = step.parsed;
      const target = a ? cands.findIndex((c) => candidateMatches(c, a)) : -1;
      if (target === -1) {
        const why = a ? a.type : 'unparsed';
        skipped[why] = (skipped[why] ?? 0) + 1;
        return;
      }
      examples.push({ features: cands.map((c) => c.features), target });
    });
  }
  return { examples, skipped, steps };
}

/** The argument head's counts from every fill / select_option step. */
export function learnArgHead(rows: readonly DatasetRow[]): { head: ArgHead; seen: number; matched: number } {
  const head = emptyArgHead();
  let seen = 0;
  let matched = 0;
  for (const row of rows) {
    row.steps.forEach((step, i) => {
      const a = step.parsed;
      if (!a || (a.type !== 'fill' && a.type !== 'select_option')) return;
      const history = row.steps.slice(0, i).map((s) => s.action);
      const cand = buildCandidates({ instruction: row.task.instruction, axtree: step.observation, url: step.url, history }).find((c) => c.kind === a.type && c.bid === a.bid);
      if (!cand) return;
      seen++;
      const text = a.type === 'fill' ? a.text : a.options[0]!;
      if (learnArg(head, a.type, elementKey(a.type, cand.role, cand.name), argCandidates(row.task.instruction, cand.options), text)) matched++;
    });
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
