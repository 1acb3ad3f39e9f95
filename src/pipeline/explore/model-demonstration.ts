import { DATASET_SCHEMA_VERSION, type DatasetRow, type DatasetStep } from '../../core/schemas/dataset.js';
import { isWebTask, type BookingTask, type WebTask } from '../../core/schemas/task.js';
import type { ModelProvider } from '../../models/provider.js';
import { reasonWithModel } from './llm-posthoc.js';
import type { DemonstrationInfo } from './posthoc.js';
import { stepSummary } from './posthoc.js';
import type { ExploreStep } from './types.js';

/** Who wrote the parts of a URL's exploration rows (model names, or `embedded`). */
export type Writers = { explorer: string; summaries: string; labeler: string; reasoning: string };

/**
 * A labeled prefix as a training row with a model's post-hoc thoughts (llm-posthoc.ts) on the
 * steps it keeps, the actions as they were, a closing stop step. On a URL's exploration the task
 * is the open-web instruction the labeler wrote, and the row says where it started; on our sites
 * (`--reasoning llm`) it is the labeled booking task. The row says who wrote what.
 */
export async function modelDemonstration(task: BookingTask | WebTask, prefix: readonly ExploreStep[], info: DemonstrationInfo, reasoner: ModelProvider, writers: Writers): Promise<DatasetRow> {
  const r = await reasonWithModel(reasoner, task, prefix);
  const steps: DatasetStep[] = [];
  prefix.forEach((s, i) => {
    if (!r.keep[i]) return;
    steps.push({ url: s.url, observation: s.observation, thought: r.thoughts[i]!, action: s.action, parsed: s.parsed, error: s.error, synthetic: false });
  });
  steps.push({
    url: info.after.url,
    observation: info.after.observation,
    thought: r.final ?? `This is what was asked: ${task.instruction.replace(/[.]$/, '')}. The task is complete.`,
    action: 'stop("done")',
    parsed: { type: 'stop', answer: 'done' },
    error: null,
    synthetic: true,
  });
  const depth = prefix.length;
  return {
    schemaVersion: DATASET_SCHEMA_VERSION,
    id: `${info.episodeId}-explored-${depth}`,
    kind: 'explored',
    task,
    provenance: {
      runId: info.runId,
      episodeId: info.episodeId,
      originalTaskId: task.metadata.derivedFrom ?? task.id,
      originalInstruction: task.instruction,
      agent: info.explorer,
      keptConstraintIds: isWebTask(task) ? [] : task.constraints.map((c) => c.id),
      droppedConstraintIds: [],
      truncationIndex: depth - 1,
      originalCsr: (info.ormScore - 1) / 4,
      originalSteps: info.totalSteps,
      exploration: {
        explorer: info.explorer,
        persona: info.persona,
        pruneDepth: depth,
        ormScore: info.ormScore,
        summaries: prefix.flatMap((s) => s.summary),
        stepSummaries: prefix.map(stepSummary),
        ...(isWebTask(task) ? { startUrl: task.startUrl } : {}),
        writers,
      },
    },
    steps,
  };
}
