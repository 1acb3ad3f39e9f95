import type { DatasetRow, DatasetStep } from '../../core/schemas/dataset.js';
import { isWebTask, type BookingTask, type WebTask } from '../../core/schemas/task.js';
import type { ModelProvider } from '../../models/provider.js';
import { reasonWithModel } from './llm-posthoc.js';
import type { DemonstrationInfo } from './posthoc.js';
import { exploredRow } from './posthoc.js';
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
  const thought = r.final ?? `This is what was asked: ${task.instruction.replace(/[.]$/, '')}. The task is complete.`;
  return exploredRow(task, prefix, info, steps, { thought, answer: 'done' }, {
    originalTaskId: task.metadata.derivedFrom ?? task.id,
    keptConstraintIds: isWebTask(task) ? [] : task.constraints.map((c) => c.id),
    exploration: { ...(isWebTask(task) ? { startUrl: task.startUrl } : {}), writers },
  });
}
