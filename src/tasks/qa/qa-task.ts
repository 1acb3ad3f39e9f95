import { TASK_SCHEMA_VERSION, type QaTask, type Split } from '../../core/schemas/task.js';
import type { AnswerConstraint } from '../../core/schemas/answer.js';
import { replyHint, replyHintOfParts, type Question } from './question.js';

/** Where a question's episode starts: the search engine, as a person with a question would. */
export const QA_START_SITE = 'search';

const DIFFICULTY = { 1: 'easy', 2: 'medium', 3: 'hard' } as const;

/**
 * A question as a task: one answer constraint per part read from the reply (a question of several
 * parts labels each with its phrase and stores every part's query), its proof pages and how it
 * was made.
 */
export function toQaTask(q: Question, o: { id: string; seed: number; worldSeed: number; worldVersion: number; split: Split }): QaTask {
  const parts = [{ answer: q.answer, phrase: q.phrase, templateId: q.templateId, query: q.query }, ...(q.more ?? [])];
  const multi = parts.length > 1;
  const constraints: AnswerConstraint[] = parts.map((p, i) => ({
    id: i === 0 ? 'answer' : `answer-${i + 1}`,
    kind: 'answer',
    phrase: p.phrase,
    stage: 'answer',
    ...(multi ? { label: p.phrase } : {}),
    answer: p.answer,
    templateId: p.templateId,
  }));
  return {
    schemaVersion: TASK_SCHEMA_VERSION,
    kind: 'qa',
    id: o.id,
    site: QA_START_SITE,
    instruction: `${q.text} ${multi ? replyHintOfParts(parts) : replyHint(q.answer, q.phrase.replace(/^the /, ''))}`,
    constraints,
    qa: { method: q.method, hops: q.hops, level: q.level, proof: q.proof, entities: q.entities, shape: q.shape, query: q.query, ...(multi ? { parts: parts.map((p) => p.query) } : {}) },
    metadata: { seed: o.seed, worldSeed: o.worldSeed, worldVersion: o.worldVersion, difficulty: DIFFICULTY[q.level], split: o.split, templateIds: [...new Set(parts.map((p) => p.templateId))] },
  };
}
