import type { DatasetRow } from '../core/schemas/dataset.js';
import { InvalidInputError } from '../core/errors.js';
import { argFeatureSize } from './arg-choices.js';
import { examplesFromStates, learnArgHead, splitRows, statesFromRows, type LabeledState } from './dataset.js';
import { DEFAULT_FEATURES, featureSize, type FeatureConfig } from './features.js';
import { attnInputSize, ctxInputSize, DEFAULT_ATTN, initAttnParams } from './attn-model.js';
import { initParams, type Arch, type StudentParams } from './model.js';
import type { StudentModel } from './save-load.js';
import { actionAccuracy, argAccuracy, fitSupervised, type EpochReport } from './sft.js';

/** arch: the action scorer (model.ts); bow unless given. */
export type TrainStudentOptions = { epochs: number; seed: number; valFraction?: number; hidden?: number; arch?: Arch; features?: FeatureConfig; learningRate?: number; onEpoch?: (r: EpochReport) => void };

export type TrainSummary = {
  rows: { train: number; val: number };
  steps: number;
  examples: { train: number; val: number };
  skipped: Record<string, number>;
  args: { seen: number; matched: number };
  trainAccuracy: number;
  valAccuracy: number | null;
  /** The argument scorer's accuracy on the validation states' fill / select_option decisions. */
  valArgAccuracy: number | null;
};

/** Rows -> split -> labelled states -> student (counts, then both scorers). */
export async function trainStudent(rows: readonly DatasetRow[], o: TrainStudentOptions): Promise<{ model: StudentModel; summary: TrainSummary }> {
  const split = splitRows(rows, o.valFraction ?? 0.1, o.seed);
  const tr = statesFromRows(split.train);
  const va = statesFromRows(split.val);
  const r = await trainOnStates(tr.states, va.states, o);
  const skipped: Record<string, number> = { ...r.summary.skipped };
  for (const [k, n] of [...Object.entries(tr.skipped), ...Object.entries(va.skipped)]) skipped[k] = (skipped[k] ?? 0) + n;
  return { model: r.model, summary: { ...r.summary, rows: { train: split.train.length, val: split.val.length }, steps: tr.steps + va.steps, skipped } };
}

/**
 * Labelled states -> student: the argument counts first (the scorers' features include what they
 * say), then both scorers by behaviour cloning. DAgger trains on its aggregate of states this way.
 */
export async function trainOnStates(train: readonly LabeledState[], val: readonly LabeledState[], o: TrainStudentOptions): Promise<{ model: StudentModel; summary: TrainSummary }> {
  const arch = o.arch ?? 'bow';
  const features: FeatureConfig = arch === 'attn' ? { ctxBuckets: DEFAULT_ATTN.ctxBuckets, ...(o.features ?? DEFAULT_FEATURES) } : (o.features ?? DEFAULT_FEATURES);
  const args = learnArgHead(train);
  const base = { features, argHead: args.head, arch };
  const tr = examplesFromStates(train, base);
  const va = examplesFromStates(val, base);
  if (!tr.examples.length) throw new InvalidInputError('no training step has an action the student can take (click, fill, select_option, check, stop, go_back, scroll)');
  const hidden = o.hidden ?? 64;
  const params: StudentParams = arch === 'attn'
    ? initAttnParams(attnInputSize(features), ctxInputSize(features.ctxBuckets ?? DEFAULT_ATTN.ctxBuckets), argFeatureSize(features), { hidden, attn: DEFAULT_ATTN.attn, gate: DEFAULT_ATTN.gate }, o.seed)
    : initParams(featureSize(features), hidden, argFeatureSize(features), o.seed);
  await fitSupervised(params, tr.examples, va.examples, { epochs: o.epochs, seed: o.seed, ...(o.learningRate ? { learningRate: o.learningRate } : {}), ...(o.onEpoch ? { onEpoch: o.onEpoch } : {}) });
  const skipped: Record<string, number> = { ...tr.skipped };
  for (const [k, n] of Object.entries(va.skipped)) skipped[k] = (skipped[k] ?? 0) + n;
  const summary: TrainSummary = {
    rows: { train: 0, val: 0 },
    steps: train.length + val.length,
    examples: { train: tr.examples.length, val: va.examples.length },
    skipped,
    args: { seen: args.seen, matched: args.matched },
    trainAccuracy: actionAccuracy(params, tr.examples),
    valAccuracy: va.examples.length ? actionAccuracy(params, va.examples) : null,
    valArgAccuracy: va.examples.some((e) => e.arg) ? argAccuracy(params, va.examples) : null,
  };
  return { model: { features, params, argHead: args.head, training: { epochs: o.epochs, seed: o.seed, arch, ...summary } }, summary };
}
