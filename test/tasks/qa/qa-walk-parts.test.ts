import { describe, expect, it } from 'vitest';
import { QaTask } from '../../../src/core/schemas/task.js';
import { evaluate } from '../../../src/evaluation/evaluate.js';
import { articlePath, buildKnowledgeGraph, factText, knowledgeOrigins } from '../../../src/knowledge/index.js';
import { lintQuestion } from '../../../src/tasks/lint-instruction.js';
import { resolveRef, type Ref } from '../../../src/tasks/qa/description.js';
import { NOUNS } from '../../../src/tasks/qa/fact-words.js';
import { generateQaTasks } from '../../../src/tasks/qa/generate-qa.js';
import { answerInGraph, queriesOf, verifyQaTask } from '../../../src/tasks/qa/verify-question.js';
import { http, testWorld, useTestServer } from '../../helpers/test-server.js';
import { secondPartWrong, stateWith, unescape } from './two-part-replies.js';

/**
 * Questions of several parts about two entities of a walk (`--parts N --walk-parts`): the last
 * part asks about another entity the question's description links to ("..., and what is the
 * city's airport code?"), by its noun, which only that entity of the question has. Each part has
 * one answer in the world (the other entity's query is "the <type> linked so to the question's
 * subject"), its article is among the proof pages and shows the fact, and each part is its own
 * answer constraint (partial credit).
 */
const getServer = useTestServer({ origins: knowledgeOrigins() });
const g = buildKnowledgeGraph(testWorld());
const base = { graph: g, seed: 13, worldVersion: 2, split: 'train' as const, walkParts: true };
const kg = generateQaTasks({ ...base, method: 'kg', count: 9, parts: 2 }).tasks as QaTask[];
const e2h = generateQaTasks({ ...base, method: 'e2h', count: 6, parts: 2 }).tasks as QaTask[];
const kg3 = generateQaTasks({ ...base, method: 'kg', count: 3, parts: 3 }).tasks as QaTask[];
const all = [...kg, ...e2h, ...kg3];
/** The entity the last part asks about. */
const lastOf = (t: QaTask) => resolveRef(g, queriesOf(t).at(-1)!.subject as Ref);

describe('questions of several parts about two entities of a walk', () => {
  it('are made by kg (levels 1-3) and e2h (rounds 1+), the last part about another entity of the question', () => {
    expect(kg).toHaveLength(9);
    expect(e2h).toHaveLength(6);
    expect(kg3).toHaveLength(3);
    expect(new Set(kg.map((t) => t.qa.level))).toEqual(new Set([1, 2, 3]));
    expect(new Set(e2h.map((t) => t.qa.level))).toEqual(new Set([2, 3]));
    for (const t of all) {
      expect(QaTask.parse(t)).toEqual(t);
      const [other] = lastOf(t);
      expect(lastOf(t), t.instruction).toHaveLength(1);
      expect(other).not.toBe(t.qa.entities[0]);
      // The other entity is one the question mentions, named by a noun no other entity of the question has.
      expect(t.qa.entities).toContain(other);
      const noun = NOUNS[g.get(other!).type];
      expect(t.instruction).toContain(`what is the ${noun}'s `);
      expect(t.qa.entities.filter((id) => g.get(id).type === g.get(other!).type)).toEqual([other]);
      // The first parts are about the answer's own entity.
      for (const q of queriesOf(t).slice(0, -1)) expect(resolveRef(g, q.subject as Ref)).toEqual([t.qa.entities[0]]);
      expect(lintQuestion(t), t.instruction).toEqual([]);
    }
  });

  it('have exactly one answer per part in the world, each different, derived again from its stored query', () => {
    for (const t of all) {
      expect(verifyQaTask(g, t), t.id).toBeUndefined();
      for (const [i, q] of queriesOf(t).entries()) expect(answerInGraph(g, t, q)).toEqual(t.constraints[i]!.answer);
      expect(new Set(t.constraints.map((c) => JSON.stringify(c.answer))).size).toBe(t.constraints.length);
    }
  });

  it('the other entity\'s article is a proof page and shows the fact asked', async () => {
    for (const t of all) {
      const other = lastOf(t)[0]!;
      expect(t.qa.proof).toContainEqual({ site: 'guide', path: articlePath(other) });
      const html = unescape((await http(getServer(), { site: 'guide', path: articlePath(other) })).body);
      const ask = queriesOf(t).at(-1)!.ask;
      if (ask.kind === 'fact') expect(html, `${t.id}: ${other} ${ask.key}`).toContain(`<tr data-fact="${ask.key}"><th scope="row">`);
      if (ask.kind === 'fact') expect(html).toContain(`<td>${factText(g.get(other).facts[ask.key]!)}</td>`);
      if (ask.kind === 'name') expect(html).toContain(g.get(other).name);
    }
  }, 300_000);

  it('partial credit: the other entity\'s part wrong (or the answer entity\'s value given for it) is CSR 0.5, no success', () => {
    for (const t of [...kg, ...e2h]) {
      // A near miss: the second part another value of its kind, the first kept.
      const { reply, first, nearMiss } = secondPartWrong(t);
      expect(evaluate(t, stateWith(reply)), reply).toMatchObject({ csr: 1, sr: true });
      expect(evaluate(t, stateWith(nearMiss))).toMatchObject({ csr: 0.5, sr: false });
      // A near miss: the same fact read off the question's own entity instead of the other one.
      const q2 = queriesOf(t)[1]!;
      const a2 = t.constraints[1]!.answer;
      const own = q2.ask.kind === 'fact' ? g.get(t.qa.entities[0]!).facts[q2.ask.key] : undefined;
      if (own !== undefined && !Array.isArray(own) && typeof own !== 'boolean' && JSON.stringify(own) !== JSON.stringify(a2.type === 'set' ? undefined : a2.value)) {
        expect(evaluate(t, stateWith(`${first}; ${own}`)).sr, `${t.id}: ${own}`).toBe(false);
      }
    }
  });

  it('--walk-parts refuses what cannot have another entity: one part, an e2h question of 0 rounds', () => {
    expect(() => generateQaTasks({ ...base, method: 'kg', count: 1 })).toThrow(/2 parts or more/);
    expect(() => generateQaTasks({ ...base, method: 'e2h', count: 1, parts: 2, level: 1 })).toThrow(/1 round or more/);
  });
});
