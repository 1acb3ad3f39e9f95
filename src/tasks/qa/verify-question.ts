import { canonicalJson } from '../../core/hash.js';
import type { AnswerSpec } from '../../core/schemas/answer.js';
import type { QaQuery } from '../../core/schemas/answer.js';
import type { QaTask } from '../../core/schemas/task.js';
import { articlePath, type KnowledgeGraph } from '../../knowledge/index.js';
import { entitiesOf, resolveRef, type Ref } from './description.js';
import { answerOfFact, answerOfListingFact, answerOfName } from './fact-words.js';
import { answerOfResults, type DayResults } from './day-results.js';
import { cityRefsOfRoute } from './flight-questions.js';

/** Every part's query of a question, in the order of its answer constraints. */
export const queriesOf = (task: QaTask): QaQuery[] => task.qa.parts ?? [task.qa.query];

/**
 * The answer a question's query (its first part's, or `query`'s) has in this graph, or why it has
 * none: a fact or a name needs the subject to mean exactly one entity; a count or a list of names
 * takes every entity it means.
 */
export function answerInGraph(g: KnowledgeGraph, task: QaTask, query: QaQuery = task.qa.query, results?: DayResults): AnswerSpec | { problem: string } {
  const { subject, ask } = query;
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
  if (ask.kind === 'results-fact') {
    // What a results page lists on a day is in the world's inventory, not the graph.
    if (!results) return { problem: `the answer is on ${ask.site}'s results of ${ask.date}: checking it needs the world` };
    const rows = results(ask.site, e, ask.date);
    return rows ? answerOfResults(ask.key, rows) : { problem: `${ask.site} has no results page for ${e.id}` };
  }
  if (ask.kind === 'listing-fact') {
    const v = e.listing?.facts[ask.key];
    const a = v === undefined ? undefined : answerOfListingFact(ask.key, v);
    return a ?? { problem: `${e.id} has no listing fact "${ask.key}" to answer with` };
  }
  const v = e.facts[ask.key];
  const a = v === undefined ? undefined : answerOfFact(ask.key, v);
  return a ?? { problem: `${e.id} has no fact "${ask.key}" to answer with` };
}

/**
 * Checks a question against the world's graph: each part's answer derives again from its query
 * and is the one its constraint holds (a set in any order), every entity it names or describes
 * has its article among the proof pages, and a listing fact asked has a page of its booking site
 * among them. A results fact (a route's flights on a day) derives again from `results`, the
 * world's inventory (`dayResultsOf`; without it such a question is refused), and needs that
 * site's results page of that day among the proof pages. Returns the problem, or undefined when it holds.
 */
export function verifyQaTask(g: KnowledgeGraph, task: QaTask, o: { results?: DayResults } = {}): string | undefined {
  const queries = queriesOf(task);
  if (queries.length !== task.constraints.length) return `the question has ${queries.length} parts but ${task.constraints.length} answer constraints`;
  if (task.qa.parts && canonicalJson(task.qa.parts[0]) !== canonicalJson(task.qa.query)) return 'the first part is not the question\'s query';
  const norm = (a: AnswerSpec | undefined) => (a?.type === 'set' ? { ...a, members: [...a.members].sort((x, y) => x.value.localeCompare(y.value)) } : a);
  const proof = new Set(task.qa.proof.filter((p) => p.site === 'guide').map((p) => p.path));
  for (const [i, query] of queries.entries()) {
    const derived = answerInGraph(g, task, query, o.results);
    const part = queries.length > 1 ? `part ${i + 1}: ` : '';
    if ('problem' in derived) return `${part}${derived.problem}`;
    const held = task.constraints[i]?.answer;
    if (canonicalJson(norm(derived)) !== canonicalJson(norm(held))) return `${part}the world's answer is ${JSON.stringify(derived)}, the task holds ${JSON.stringify(held)}`;
    // A route asked on a results page is found by its cities: their articles (and their walks') prove it.
    const read = query.ask.kind === 'results-fact' ? cityRefsOfRoute(query.subject as Ref).flatMap(entitiesOf) : entitiesOf(query.subject as Ref);
    const missing = read.filter((id) => !proof.has(articlePath(id)));
    if (missing.length) return `${part}no proof page for ${missing.join(', ')}`;
    if (query.ask.kind === 'listing-fact') {
      const site = g.get(resolveRef(g, query.subject as Ref)[0]!).listing?.site;
      if (!task.qa.proof.some((p) => p.site === site && p.path.startsWith('/listing/'))) return `${part}no proof page on ${site ?? 'a booking site'} for the listing fact "${query.ask.key}"`;
    }
    if (query.ask.kind === 'results-fact') {
      const date = query.ask.date;
      const site = query.ask.site;
      const page = task.qa.proof.find((p) => p.site === site && p.path.startsWith('/search?'));
      if (!page || new URLSearchParams(page.path.slice('/search?'.length)).get('date') !== date) return `${part}no results page on ${site} for ${date} among the proof pages`;
    }
  }
  return undefined;
}
