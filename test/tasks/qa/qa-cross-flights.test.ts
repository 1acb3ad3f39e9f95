import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replyOfTask } from '../../../src/agents/researcher/scripted-researcher.js';
import { addDays } from '../../../src/core/dates.js';
import { emptySiteState } from '../../../src/core/schemas/episode-state.js';
import { QaTask } from '../../../src/core/schemas/task.js';
import { evaluate } from '../../../src/evaluation/evaluate.js';
import { buildArenaWorld, SITES } from '../../../src/sites/registry.js';
import { buildKnowledgeGraph, knowledgeOrigins } from '../../../src/knowledge/index.js';
import { lintQuestion } from '../../../src/tasks/lint-instruction.js';
import { bookingPageOf } from '../../../src/tasks/qa/booking-page-of.js';
import { answerOfResults, dayResultsOf, resultsPages } from '../../../src/tasks/qa/day-results.js';
import { resolveRef, type Ref } from '../../../src/tasks/qa/description.js';
import { generateQaTasks } from '../../../src/tasks/qa/generate-qa.js';
import { verifyQaTask } from '../../../src/tasks/qa/verify-question.js';
import { loadTasks } from '../../../src/tasks/task-file.js';
import { http, testWorld, useTestServer } from '../../helpers/test-server.js';

/**
 * Cross-site questions about flights (`--method cross` with the results pages: half of them):
 * what SkyHop's results page for a route on a day shows, the route found through the guide (its
 * cities named or described by a walk). Every answer is derived from exactly the rows that page
 * lists and derives again from the stored query over the world's inventory (`tasks check`,
 * `loadTasks`); the proof's results page, served by the real site, shows what the question relies
 * on at its top; near misses a careful reader would refuse are refused.
 */
const getServer = useTestServer({ origins: knowledgeOrigins() });
const world = testWorld();
const g = buildKnowledgeGraph(world);
const pages = resultsPages(world, SITES);
const results = dayResultsOf(world, SITES);
const make = (seed: number, count = 30, graph = g, w = world) =>
  generateQaTasks({ graph, method: 'cross', count, seed, worldVersion: 2, split: 'train', bookingPageOf: bookingPageOf(w, SITES), resultsPages: resultsPages(w, SITES) }).tasks as QaTask[];
const all = make(3);
const flights = all.filter((t) => t.qa.query.ask.kind === 'results-fact');
const keyOf = (t: QaTask) => (t.qa.query.ask as { key: string }).key;
const dateOf = (t: QaTask) => (t.qa.query.ask as { date: string }).date;
const stateWith = (text: string) => ({ ...emptySiteState('search'), replies: [{ role: 'assistant' as const, text, step: 3 }] });
const text = (html: string) => html.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** The result rows of a SkyHop results page as a reader sees them: title (airline and number), stops text, price or "Sold out". */
function rowsOf(html: string): { title: string; stops: string; price: number | undefined }[] {
  return [...html.matchAll(/<li class="listing[^"]*"[\s\S]*?<\/li>\s*(?=<li class="listing|<\/ol>|<\/ul>)/g)].map((m) => {
    const t = text(m[0]);
    const title = /<h3>(?:<a[^>]*>)?([^<]+)/.exec(m[0])![1]!.trim();
    const stops = /Stops:? ?(Non-stop|\d stops? \([^)]*\))/.exec(t)?.[1] ?? '';
    const price = /Sold out/.test(t) ? undefined : Number(/€([\d,]+(?:\.\d+)?)/.exec(t)?.[1]?.replace(/,/g, ''));
    return { title, stops, price };
  });
}

describe('cross-site questions about flights', () => {
  it('are half of the cross questions, every kind of results fact, levels 1-3, each valid with one answer', () => {
    expect(all).toHaveLength(30);
    expect(flights.length).toBeGreaterThanOrEqual(8);
    expect(all.filter((t) => t.qa.query.ask.kind === 'listing-fact').length).toBeGreaterThanOrEqual(8);
    expect(new Set(flights.map((t) => t.qa.level))).toEqual(new Set([1, 2, 3]));
    expect(new Set(flights.map(keyOf)).size).toBeGreaterThanOrEqual(4);
    for (const t of flights) {
      expect(QaTask.parse(t)).toEqual(t);
      expect(verifyQaTask(g, t, { results }), t.id).toBeUndefined();
      // The route the question describes is one route in the whole graph, its cities found on the guide.
      expect(resolveRef(g, t.qa.query.subject as Ref), t.instruction).toEqual([t.qa.entities[0]]);
      expect(t.qa.proof[0]).toMatchObject({ site: 'skyhop', path: expect.stringMatching(/^\/search\?origin=[A-Z]{3}&destination=[A-Z]{3}&trip=oneway&date=\d{4}-\d{2}-\d{2}&adults=1/) });
      expect(t.qa.proof.slice(1).every((p) => p.site === 'guide')).toBe(true);
      expect(lintQuestion(t), t.instruction).toEqual([]);
      expect(t.instruction).toContain('SkyHop');
    }
  });

  it('without the world\'s inventory a flight question is refused, not passed (the graph has no day\'s flights)', () => {
    expect(verifyQaTask(g, flights[0]!)).toMatch(/needs the world/);
  });

  it('the results page of the proof shows the answer at its top, exactly as the question asks', async () => {
    for (const t of flights) {
      const res = await http(getServer(), { site: 'skyhop', path: t.qa.proof[0]!.path });
      expect(res.status, t.qa.proof[0]!.path).toBe(200);
      const rows = rowsOf(res.body);
      expect(rows.length, t.qa.proof[0]!.path).toBeGreaterThan(0);
      const a = t.constraints[0]!.answer;
      const heading = /<h1[^>]*>([^<]*)<\/h1>/.exec(res.body)?.[1] ?? '';
      switch (keyOf(t)) {
        case 'nonstop-airlines': {
          // Every row shown is non-stop, every non-stop flight is shown, and their airlines are the answer.
          expect(rows.every((r) => r.stops === 'Non-stop'), t.id).toBe(true);
          expect(heading).toContain(`${rows.length} flights`);
          const airlines = [...new Set(rows.map((r) => r.title.replace(/ [A-Z]{2} \d+$/, '')))].sort();
          expect(a.type === 'set' && a.members.map((m) => m.value).sort()).toEqual(airlines);
          break;
        }
        case 'nonstop-count':
          expect(a.type === 'number' && heading).toContain(`${a.type === 'number' ? a.value : ''} flights from`);
          break;
        case 'cheapest-fare': {
          const prices = rows.map((r) => r.price).filter((p): p is number => p !== undefined);
          expect(a.type === 'number' && a.value).toBe(prices[0]);
          expect(Math.min(...prices)).toBe(prices[0]);
          break;
        }
        case 'cheapest-airline':
          expect(rows[0]!.title.startsWith(`${a.type === 'string' ? a.value : ''} `), t.id).toBe(true);
          expect(rows.filter((r) => r.price === rows[0]!.price)).toHaveLength(1);
          break;
        case 'earliest-airline':
          expect(rows[0]!.title.startsWith(`${a.type === 'string' ? a.value : ''} `), t.id).toBe(true);
          break;
      }
    }
  }, 300_000);

  it('a careful reader\'s near misses are refused: a one-stop airline added, another airline, the day before\'s answer', () => {
    let checked = 0;
    for (const t of flights) {
      const a = t.constraints[0]!.answer;
      const right = replyOfTask(t);
      expect(evaluate(t, stateWith(right)), right).toMatchObject({ sr: true });
      const route = g.get(t.qa.entities[0]!);
      const rows = results('skyhop', route, dateOf(t))!;
      if (a.type === 'set') {
        // An airline that flies the route that day only with a stop is not one that flies it non-stop.
        const viaStop = [...new Set(rows.filter((l) => Number(l.attrs.stops) > 0).map((l) => String(l.attrs.airline)))].filter((x) => !a.members.some((m) => m.value === x));
        if (viaStop[0]) {
          expect(evaluate(t, stateWith(`${right}, ${viaStop[0]}`)).sr).toBe(false);
          checked++;
        }
        if (a.members.length > 1) expect(evaluate(t, stateWith(a.members.slice(1).map((m) => m.value).join(', '))).sr).toBe(false);
      }
      if (a.type === 'string') {
        const other = (route.facts.airlines as string[]).find((x) => x !== a.value)!;
        expect(evaluate(t, stateWith(other)).sr).toBe(false);
        checked++;
      }
      // The day before's flights give another answer (when they do): that reply is wrong for this day.
      const before = answerOfResults(keyOf(t), results('skyhop', route, addDays(dateOf(t), -1)) ?? []);
      if (!('problem' in before) && JSON.stringify(before) !== JSON.stringify(a)) {
        const reply = before.type === 'set' ? before.members.map((m) => m.value).join(', ') : before.type === 'number' ? `${before.value}${before.unit ? ` ${before.unit}` : ''}` : before.type === 'string' ? before.value : before.value;
        expect(evaluate(t, stateWith(reply)).sr, `${t.id}: ${reply}`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(flights.length);
  });

  it('tasks check and loadTasks derive the answer again from the world and refuse a changed one', () => {
    const t = flights.find((x) => x.constraints[0]!.answer.type === 'number')!;
    const a = t.constraints[0]!.answer as { type: 'number'; value: number };
    const bad: QaTask = { ...t, constraints: [{ ...t.constraints[0]!, answer: { ...a, value: a.value + 1 } }] };
    expect(verifyQaTask(g, bad, { results })).toMatch(/the world's answer is/);
    const noPage: QaTask = { ...t, qa: { ...t.qa, proof: t.qa.proof.slice(1).length ? t.qa.proof.slice(1) : [{ site: 'guide', path: '/' }] } };
    expect(verifyQaTask(g, noPage, { results })).toMatch(/no results page on skyhop/);
    const dir = mkdtempSync(join(tmpdir(), 'wf-flights-'));
    writeFileSync(join(dir, 'ok.jsonl'), flights.map((x) => JSON.stringify(x)).join('\n'));
    writeFileSync(join(dir, 'bad.jsonl'), `${JSON.stringify(bad)}\n`);
    expect(loadTasks(join(dir, 'ok.jsonl'), { world })).toHaveLength(flights.length);
    expect(() => loadTasks(join(dir, 'bad.jsonl'), { world })).toThrow(/infeasible: the world's answer/);
  });

  it('another generation seed, and another world seed, change the questions', () => {
    const texts = new Set(flights.map((t) => t.instruction));
    expect(make(4, 10).filter((t) => t.qa.query.ask.kind === 'results-fact').some((t) => !texts.has(t.instruction))).toBe(true);
    const w2 = buildArenaWorld(2);
    const other = make(3, 10, buildKnowledgeGraph(w2), w2).filter((t) => t.qa.query.ask.kind === 'results-fact');
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((t) => !texts.has(t.instruction))).toBe(true);
  }, 300_000);
});
