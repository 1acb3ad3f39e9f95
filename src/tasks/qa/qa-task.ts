import { TASK_SCHEMA_VERSION, type QaTask, type Split } from '../../core/schemas/task.js';
import { replyHint, type Question } from './question.js';

/** Where a question's episode starts: the search engine, as a person with a question would. */
export const QA_START_SITE = 'search';

const DIFFICULTY = { 1: 'easy', 2: 'medium', 3: 'hard' } as const;

/** A question as a task: one answer constraint read from the reply, its proof pages and how it was made. */
export function toQaTask(q: Question, o: { id: string; seed: number; worldSeed: number; worldVersion: number; split: Split }): QaTask {
  return {
    schemaVersion: TASK_SCHEMA_VERSION,
    kind: 'qa',
    id: o.id,
    site: QA_START_SITE,
    instruction: `${q.text} ${replyHint(q.answer, q.phrase.replace(/^the /, ''))}`,
    constraints: [{ id: 'answer', kind: 'answer', phrase: q.phrase, stage: 'answer', answer: q.answer, templateId: q.templateId }],
    qa: { method: q.method, hops: q.hops, level: q.level, proof: q.proof, entities: q.entities, shape: q.shape, query: q.query },
    metadata: { seed: o.seed, worldSeed: o.worldSeed, worldVersion: o.worldVersion, difficulty: DIFFICULTY[q.level], split: o.split, templateIds: [q.templateId] },
  };
}
