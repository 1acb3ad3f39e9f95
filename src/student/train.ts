import type { DatasetRow } from '../core/schemas/dataset.js';
import { InvalidInputError } from '../core/errors.js';
import { examplesFromRows, learnArgHead, splitRows } from './dataset.js';
import { DEFAULT_FEATURES, type FeatureConfig } from './features.js';
import { accuracy, trainMlp, type EpochReport } from './model.js';
import type { StudentModel } from './save-load.js';

export type TrainStudentOptions = { epochs: number; seed: number; valFraction?: number; hidden?: number; features?: FeatureConfig; onEpoch?: (r: EpochReport) => void };

export type TrainSummary = {
  rows: { train: number; val: number };
  steps: number;
  examples: { train: number; val: number };
  skipped: Record<string, number>;
  args: { seen: number; matched: number };
  trainAccuracy: number;
  valAccuracy: number | null;
};

/** Rows -> split -> examples -> MLP + argument head. */
export async function trainStudent(rows: readonly DatasetRow[], o: TrainStudentOptions): Promise<{ model: StudentModel; summary: TrainSummary }> {
  const features = o.features ?? DEFAULT_FEATURES;
  const split = splitRows(rows, o.valFraction ?? 0.1, o.seed);
  // The argument head first: the scorer's features include what it would type.
  const args = learnArgHead(split.train);
  const tr = examplesFromRows(split.train, features, args.head);
  const va = examplesFromRows(split.val, features, args.head);
  if (!tr.examples.length) throw new InvalidInputError('no training step has an action the student can take (click, fill, select_option, check, stop)');
  const weights = await trainMlp(tr.examples, va.examples, { epochs: o.epochs, seed: o.seed, ...(o.hidden ? { hidden: o.hidden } : {}), ...(o.onEpoch ? { onEpoch: o.onEpoch } : {}) });
  const skipped: Record<string, number> = { ...tr.skipped };
  for (const [k, n] of Object.entries(va.skipped)) skipped[k] = (skipped[k] ?? 0) + n;
  const summary: TrainSummary = {
    rows: { train: split.train.length, val: split.val.length },
    steps: tr.steps + va.steps,
    examples: { train: tr.examples.length, val: va.examples.length },
    skipped,
    args: { seen: args.seen, matched: args.matched },
    trainAccuracy: accuracy(weights, tr.examples),
    valAccuracy: va.examples.length ? accuracy(weights, va.examples) : null,
  };
  return { model: { features, weights, argHead: args.head, training: { epochs: o.epochs, seed: o.seed, ...summary } }, summary };
}
