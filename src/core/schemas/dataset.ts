import { z } from 'zod';
import { Action } from './action.js';
import { AnyTask } from './task.js';

/** 2: rows carry tasks of schema 2. */
export const DATASET_SCHEMA_VERSION = 2;

/** One step kept for training: what the agent saw, and what it thought and did. */
export const DatasetStep = z.strictObject({
  url: z.string(),
  observation: z.string(),
  thought: z.string(),
  action: z.string(),
  parsed: Action.nullable(),
  /** Why the action failed (unparseable, unknown element, timeout), as the next observation said. */
  error: z.string().nullable(),
  /** A stop step appended when a partial trajectory was relabeled. */
  synthetic: z.boolean(),
});
export type DatasetStep = z.infer<typeof DatasetStep>;

/**
 * Where a step's state-change summary comes from: `exact` (the difference of the episode state),
 * `llm` (a model reading the page before and after the step), `unavailable` (no usable reply).
 */
export const SummarySource = z.enum(['exact', 'llm', 'unavailable']);
export type SummarySource = z.infer<typeof SummarySource>;

/** What one step of an exploration changed, as its summarizer said. */
export const ExploreStepSummary = z.strictObject({
  step: z.number().int().min(0),
  source: SummarySource,
  /** Empty when the step changed nothing; ["summary unavailable"] when nobody could say. */
  summary: z.array(z.string()),
  problem: z.string().optional(),
});
export type ExploreStepSummary = z.infer<typeof ExploreStepSummary>;

/**
 * One training example at the trajectory level, in our lossless format. A success is kept
 * whole; a salvaged partial is truncated after the first step that reached its best CSR and
 * its task relabeled from the constraints satisfied there.
 */
export const DatasetRow = z.strictObject({
  schemaVersion: z.literal(DATASET_SCHEMA_VERSION),
  id: z.string(),
  /** `explored`: steps of a task-free exploration, labeled in hindsight with what they did (NNetNav). */
  kind: z.enum(['success', 'salvaged', 'explored']),
  /** The task the steps accomplish: the original for a success, the relabeled one otherwise. */
  task: AnyTask,
  provenance: z.strictObject({
    runId: z.string(),
    episodeId: z.string(),
    originalTaskId: z.string(),
    originalInstruction: z.string(),
    agent: z.string(),
    keptConstraintIds: z.array(z.string()),
    droppedConstraintIds: z.array(z.string()),
    /** Index of the last original step kept; -1 for a success (kept whole). */
    truncationIndex: z.number().int(),
    originalCsr: z.number(),
    originalSteps: z.number().int(),
    /** Set on explored rows: who explored, as whom, where the prefix was cut and how the reward model scored it. */
    exploration: z
      .strictObject({
        explorer: z.string(),
        persona: z.string(),
        /** Steps of the exploration the label covers (a prune point: 4, 8, ..., or the episode's end). */
        pruneDepth: z.number().int().min(1),
        /** The outcome reward model's score of the prefix against its label, 1-5. */
        ormScore: z.number().min(1).max(5),
        /** What the steps of the prefix changed, in order (exact from the state, or a model's reading of the pages: see stepSummaries). */
        summaries: z.array(z.string()),
        /**
         * Per step of the prefix (its index in the exploration, kept or dropped by post-hoc
         * rewriting): the summary and who wrote it. An unavailable one reads "summary
         * unavailable" and says why. Absent on rows made before summaries had a source (all exact).
         */
        stepSummaries: z.array(ExploreStepSummary).optional(),
        /** Set on rows of a URL's exploration (`explore --url`): where it started. */
        startUrl: z.string().url().optional(),
        /**
         * Who wrote each part of the row: the exploring model, the step summaries, the label and
         * its score, the thoughts (`embedded` or a model's name). Absent on rows made before it was
         * recorded (the embedded explorer's rows: the state and the catalogue wrote them).
         */
        writers: z.strictObject({ explorer: z.string(), summaries: z.string(), labeler: z.string(), reasoning: z.string() }).optional(),
      })
      .optional(),
    /**
     * Set on a question's salvaged row: the failed question was relabeled to a shorter one it
     * answered on the way (src/tasks/qa/sub-question.ts): the entity of that hop and the hops of both.
     */
    subQuestion: z.strictObject({ answerEntity: z.string(), hops: z.number().int().min(1), originalHops: z.number().int().min(1) }).optional(),
  }),
  steps: z.array(DatasetStep).min(1),
});
export type DatasetRow = z.infer<typeof DatasetRow>;
