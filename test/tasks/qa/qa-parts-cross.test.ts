import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QaTask } from '../../../src/core/schemas/task.js';
import { evaluate } from '../../../src/evaluation/evaluate.js';
import { articlePath, buildKnowledgeGraph, knowledgeOrigins, LISTING_ROOM_PREFIX } from '../../../src/knowledge/index.js';
import { SITES } from '../../../src/sites/registry.js';
import { lintQuestion } from '../../../src/tasks/lint-instruction.js';
import { bookingPageOf } from '../../../src/tasks/qa/booking-page-of.js';
import { resolveRef, type Ref } from '../../../src/tasks/qa/description.js';
import { generateQaTasks } from '../../../src/tasks/qa/generate-qa.js';
import { subQuestionShown } from '../../../src/tasks/qa/sub-question.js';
import { answerInGraph, queriesOf, verifyQaTask } from '../../../src/tasks/qa/verify-question.js';
import { loadTasks } from '../../../src/tasks/task-file.js';
import { http, testWorld, useTestServer } from '../../helpers/test-server.js';
import { secondPartWrong, stateWith, unescape } from './two-part-replies.js';

/**
 * Questions of several parts (`--parts N`: one answer constraint per part, partial credit) and
 * cross-site questions (`--method cross`: what only a booking site's listing shows). Each part has
 * exactly one answer in the world, derived again from its stored query (what `tasks check` and
 * `loadTasks` do); the reply the researcher gives ("first; second") is read part by part; a
 * cross-site question's proof starts with a StayWell listing that renders the fact, which the
 * guide's article does not, and which the search engine and the guide's "Book" link reach.
 */
const getServer = useTestServer({ origins: knowledgeOrigins() });
const world = testWorld();
const g = buildKnowledgeGraph(world);
const base = { graph: g, seed: 7, worldVersion: 2, split: 'train' as const };
const multi = [...generateQaTasks({ ...base, method: 'kg', count: 12, parts: 2 }).tasks, ...generateQaTasks({ ...base, method: 'e2h', count: 9, parts: 2 }).tasks, ...generateQaTasks({ ...base, method: 'kg', count: 3, parts: 3 }).tasks] as QaTask[];
const cross = generateQaTasks({ ...base, method: 'cross', count: 12, bookingPageOf: bookingPageOf(world, SITES) }).tasks as QaTask[];

describe('questions of several parts', () => {
  it('are made by kg and e2h, one labelled answer constraint and one stored query per part', () => {
    expect(multi.length).toBe(24);
    for (const t of multi) {
      expect(QaTask.parse(t)).toEqual(t);
      const n = t.id.includes('-p3-') ? 3 : 2;
      expect(t.constraints.map((c) => c.id)).toEqual(['answer', 'answer-2', 'answer-3'].slice(0, n));
      expect(t.qa.parts).toHaveLength(n);
      expect(t.qa.parts![0]).toEqual(t.qa.query);
      for (const c of t.constraints) expect(c.label).toBe(c.phrase);
      expect(t.instruction).toMatch(/, and what (is|are) (its|the [a-z -]+'s) .*\? Reply with .*, then .*, separated by semicolons\.$/);
    }
  });

  it('have exactly one answer per part in the world, none stated by the question, all different', () => {
    for (const t of multi) {
      expect(verifyQaTask(g, t), t.id).toBeUndefined();
      for (const [i, q] of queriesOf(t).entries()) {
        expect(resolveRef(g, q.subject as Ref), t.id).toEqual([t.qa.entities[0]]);
        expect(answerInGraph(g, t, q)).toEqual(t.constraints[i]!.answer);
      }
      expect(new Set(t.constraints.map((c) => JSON.stringify(c.answer))).size).toBe(t.constraints.length);
    }
  });

  it('read cleanly: the instruction linter finds nothing', () => {
    for (const t of [...multi, ...cross]) expect(lintQuestion(t), t.instruction).toEqual([]);
  });

  it('the researcher\'s reply ("first; second") is right in full; one part wrong is CSR 0.5 and no success', () => {
    for (const t of multi.filter((x) => x.constraints.length === 2)) {
      // A near miss: the second part another value of its kind, the first kept.
      const { reply, first, nearMiss } = secondPartWrong(t);
      expect(evaluate(t, stateWith(reply)), reply).toMatchObject({ csr: 1, sr: true });
      expect(evaluate(t, stateWith(nearMiss))).toMatchObject({ csr: 0.5, sr: false });
      // Labelled parts in another order are read by their labels; a reply of one part only is half right at most.
      expect(evaluate(t, stateWith(`${t.constraints[1]!.label}: ${reply.split('; ')[1]}\n${t.constraints[0]!.label}: ${first}`)).csr).toBe(1);
      expect(evaluate(t, stateWith(first!)).sr).toBe(false);
    }
  });

  it('tasks check and loadTasks refuse a part whose answer the world does not give', () => {
    const t = multi[0]!;
    const a2 = t.constraints[1]!.answer;
    const bad: QaTask = { ...t, constraints: [t.constraints[0]!, { ...t.constraints[1]!, answer: a2.type === 'number' ? { ...a2, value: a2.value + 1 } : { type: 'string', value: 'Nowhere Else' } }] };
    expect(verifyQaTask(g, bad)).toMatch(/^part 2: the world's answer is/);
    const dir = mkdtempSync(join(tmpdir(), 'wf-parts-'));
    writeFileSync(join(dir, 'ok.jsonl'), `${JSON.stringify(t)}\n`);
    writeFileSync(join(dir, 'bad.jsonl'), `${JSON.stringify(bad)}\n`);
    expect(loadTasks(join(dir, 'ok.jsonl'), { world })).toHaveLength(1);
    expect(() => loadTasks(join(dir, 'bad.jsonl'), { world })).toThrow(/infeasible: part 2/);
    const dropped: QaTask = { ...t, qa: { ...t.qa, parts: undefined } as QaTask['qa'] };
    expect(verifyQaTask(g, dropped)).toMatch(/1 parts but 2 answer constraints/);
  });

  it('are made only by kg and e2h', () => {
    expect(() => generateQaTasks({ ...base, method: 'cross', count: 1, parts: 2, bookingPageOf: bookingPageOf(world, SITES) })).toThrow(/kg and e2h/);
  });
});

describe('questions across sites', () => {
  it('ask a hotel\'s listing fact, with one answer in the world and the StayWell listing first in the proof', () => {
    expect(cross.length).toBe(12);
    expect(new Set(cross.map((t) => t.qa.level))).toEqual(new Set([1, 2, 3]));
    for (const t of cross) {
      expect(QaTask.parse(t)).toEqual(t);
      expect(verifyQaTask(g, t), t.id).toBeUndefined();
      expect(t.qa.query.ask.kind).toBe('listing-fact');
      expect(resolveRef(g, t.qa.query.subject as Ref)).toEqual([t.qa.entities[0]]);
      expect(t.qa.proof[0]).toMatchObject({ site: 'staywell', path: expect.stringMatching(/^\/listing\/ht-/) });
      expect(t.qa.proof.slice(1).every((p) => p.site === 'guide')).toBe(true);
    }
    // Both kinds of listing fact are asked.
    expect(cross.some((t) => t.qa.query.ask.kind === 'listing-fact' && t.qa.query.ask.key === 'cityTaxEur')).toBe(true);
    expect(cross.some((t) => t.qa.query.ask.kind === 'listing-fact' && t.qa.query.ask.key.startsWith(LISTING_ROOM_PREFIX))).toBe(true);
  });

  it('the listing page renders the fact relied on; the guide article does not', async () => {
    for (const t of cross) {
      const e = g.get(t.qa.entities[0]!);
      const ask = t.qa.query.ask as { kind: 'listing-fact'; key: string };
      const value = e.listing!.facts[ask.key] as number;
      const listing = await http(getServer(), { site: 'staywell', path: t.qa.proof[0]!.path });
      expect(listing.status, t.qa.proof[0]!.path).toBe(200);
      const page = unescape(listing.body).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      expect(page).toContain(e.name);
      const article = unescape((await http(getServer(), { site: 'guide', path: articlePath(e.id) })).body).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      if (ask.key === 'cityTaxEur') {
        expect(page).toContain(`City tax €${value.toFixed(2)} per adult per night`);
        expect(article).not.toMatch(/city tax/i);
      } else {
        const room = ask.key.slice(LISTING_ROOM_PREFIX.length);
        expect(page).toMatch(new RegExp(`${room}[^·]*?· ${value} m²`));
        expect(article).not.toContain(`${value} m²`);
      }
    }
  }, 300_000);

  it('the search engine and the guide article both link to that listing page', async () => {
    for (const t of cross.slice(0, 4)) {
      const e = g.get(t.qa.entities[0]!);
      const href = `staywell.localhost:${getServer().port}${t.qa.proof[0]!.path}`;
      const results = unescape((await http(getServer(), { site: 'search', path: `/search?q=${encodeURIComponent(e.name)}` })).body);
      expect(results).toContain(href);
      const article = unescape((await http(getServer(), { site: 'guide', path: articlePath(e.id) })).body);
      expect(article).toContain(href);
      expect(article).toContain(`Book ${e.name} on Staywell`);
    }
  }, 300_000);

  it('salvage keeps a failed one of either kind as a one-part question it answered on the way', () => {
    let salvaged = 0;
    for (const t of [...multi, ...cross]) {
      // Every guide page of the proof shown, each with its entity's name on it (what a reader saw before failing).
      const shown = t.qa.proof.filter((p) => p.site === 'guide').map((p) => {
        const id = t.qa.entities.find((x) => articlePath(x) === p.path)!;
        return { url: `http://guide.localhost:1${p.path}`, observation: `heading "${g.get(id).name}"` };
      });
      const sub = subQuestionShown(g, t, shown, { id: `${t.id}-sub` });
      if (!sub) continue;
      salvaged++;
      expect(sub.task.constraints).toHaveLength(1);
      expect(sub.task.qa.parts).toBeUndefined();
      expect(sub.task.qa.proof.every((p) => p.site === 'guide')).toBe(true);
      expect(verifyQaTask(g, sub.task), sub.task.instruction).toBeUndefined();
    }
    expect(salvaged).toBeGreaterThan(0);
  });
});
