import { canonicalJson } from '../../core/hash.js';
import type { AnswerSpec } from '../../core/schemas/answer.js';
import type { QaTask } from '../../core/schemas/task.js';
import { articlePath, type KnowledgeGraph } from '../../knowledge/index.js';
import { entitiesOf, resolveRef, type Ref } from './description.js';
import { answerOfFact, answerOfName } from './fact-words.js';

/**
 * The answer a question's query has in this graph, or why it has none: a fact or a name needs the
 * subject to mean exactly one entity; a count or a list of names takes every entity it means.
 */
export function answerInGraph(g: KnowledgeGraph, task: QaTask): AnswerSpec | { problem: string } {
  const { subject, ask } = task.qa.query;
  const ids = resolveRef(g, subject as Ref);
  if (ask.kind === 'count') return { type: 'number', value: ids.length };
  if (ask.kind === 'names') {
    if (ids.length === 0) return { problem: 'the question means no entity' };
    const es = ids.map((id) => g.get(id));
    return es.length === 1 ? { type: 'string', value: es[0]!.name } : { type: 'set', members: es.map((e) => ({ value: e.name })) };
  }
  if (ids.length !== 1) return { problem: `the question means ${ids.length} entities, not one` };
  const e = g.get(ids[0]!);
  if (ask.kind === 'name') return answerOfName(e);
  const v = e.facts[ask.key];
  const a = v === undefined ? undefined : answerOfFact(ask.key, v);
  return a ?? { problem: `${e.id} has no fact "${ask.key}" to answer with` };
}

/**
 * Checks a question against the world's graph: its answer derives again from its query and is
 * the one its constraint holds (a set in any order), and every entity it names or describes has
 * its article among the proof pages. Returns the problem, or undefined when it holds.
 */
export function verifyQaTask(g: KnowledgeGraph, task: QaTask): string | undefined {
  const derived = answerInGraph(g, task);
  if ('problem' in derived) return derived.problem;
  const held = task.constraints[0]?.answer;
  const norm = (a: AnswerSpec | undefined) => (a?.type === 'set' ? { ...a, members: [...a.members].sort((x, y) => x.value.localeCompare(y.value)) } : a);
  if (canonicalJson(norm(derived)) !== canonicalJson(norm(held))) return `the world's answer is ${JSON.stringify(derived)}, the task holds ${JSON.stringify(held)}`;
  const proof = new Set(task.qa.proof.filter((p) => p.site === 'guide').map((p) => p.path));
  const missing = entitiesOf(task.qa.query.subject as Ref).filter((id) => !proof.has(articlePath(id)));
  if (missing.length) return `no proof page for ${missing.join(', ')}`;
  return undefined;
}
