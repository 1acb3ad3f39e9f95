import { describe, expect, it } from 'vitest';
import { agentFactory } from '../../src/agents/make-agent.js';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import { Rng } from '../../src/core/rng.js';
import type { QaTask } from '../../src/core/schemas/task.js';
import { articlePath, articleTitle, buildKnowledgeGraph, knowledgeOrigins } from '../../src/knowledge/index.js';
import { webIndex } from '../../src/knowledge/search/search-index.js';
import { runEpisode } from '../../src/rollout/run-episode.js';
import { siteBackend } from '../../src/rollout/site-backend.js';
import { SITES } from '../../src/sites/registry.js';
import { bookingPageOf } from '../../src/tasks/qa/booking-page-of.js';
import { resultsPages } from '../../src/tasks/qa/day-results.js';
import { generateQaTasks } from '../../src/tasks/qa/generate-qa.js';
import { narrowToOne } from '../../src/tasks/qa/narrow.js';
import { asksOf, makeQuestion } from '../../src/tasks/qa/question.js';
import { toQaTask } from '../../src/tasks/qa/qa-task.js';
import { verifyQaTask } from '../../src/tasks/qa/verify-question.js';
import { sharedBrowser } from '../helpers/browser.js';
import { testWorld, useTestServer } from '../helpers/test-server.js';

/**
 * The scripted researcher on pages of the same title and on SkyHop's results pages, in real
 * Chromium. An event and its show run are both titled "Sunwave Festival Lisbon" on the guide, and
 * the search engine ranks the show run first: the researcher used to open it, see the title, not
 * count it (its address is not the event's), search again and open it again until the step budget
 * ran out. It now picks the result whose cited address is the article's. And it answers a
 * cross-site flight question from the route's results page of the day.
 */
const getServer = useTestServer({ browser: true, origins: knowledgeOrigins() });
const world = testWorld();
const g = buildKnowledgeGraph(world);

/** A question about one event described by its own facts only: its proof is its article alone, reached by a search of its title. */
function eventQuestion(): QaTask {
  const event = g.get('event:ev-lisbon-088');
  const rng = new Rng('same-title-regression');
  const d = narrowToOne(g, rng, { type: 'event', of: event.id, clues: [] }, event, { max: 4 })!;
  const ask = asksOf(event).find((a) => a.kind === 'name')!;
  const q = makeQuestion(g, { method: 'kg', level: 1, subject: { kind: 'described', d }, answerId: event.id, ask })!;
  return toQaTask(q, { id: 'same-title-event', seed: 1, worldSeed: world.seed, worldVersion: 2, split: 'test' }) as QaTask;
}

async function run(task: QaTask) {
  const env = new BrowserEnv({ browser: await sharedBrowser(), backend: siteBackend(getServer()) });
  try {
    return await runEpisode({ env, policy: agentFactory('scripted', { world, noise: 0 })(), task, episodeId: task.id, episodeSeed: 1, maxSteps: 30 });
  } finally {
    await env.close();
  }
}

describe('the researcher on results of the same title', () => {
  it('the regression\'s setting holds: the event and its show run share a title, and the show run ranks first', () => {
    const event = g.get('event:ev-lisbon-088');
    const series = g.get('event-series:lisbon-sunwave-festival-lisbon');
    expect(articleTitle(g, event)).toBe(articleTitle(g, series));
    const hits = webIndex(world, SITES).search(articleTitle(g, event), { page: 1 }).hits.filter((h) => h.doc.siteId === 'guide' && h.doc.title.startsWith(`${articleTitle(g, event)} — `));
    expect(hits.map((h) => h.path).slice(0, 2)).toEqual([articlePath(series.id), articlePath(event.id)]);
  });

  it('opens the event\'s article (the result citing its address), not the show run\'s, and answers', async () => {
    const task = eventQuestion();
    expect(task.qa.proof).toEqual([{ site: 'guide', path: articlePath('event:ev-lisbon-088') }]);
    const t = await run(task);
    expect(t.end).toMatchObject({ status: 'stopped', evaluation: { sr: true } });
    const opened = t.steps.map((s) => new URL(s.url).pathname);
    expect(opened).not.toContain(articlePath('event-series:lisbon-sunwave-festival-lisbon'));
    expect(t.steps.length).toBeLessThanOrEqual(6);
  }, 600_000);
});

describe('the researcher on a cross-site flight question', () => {
  const cross = generateQaTasks({ graph: g, method: 'cross', count: 24, seed: 11, worldVersion: 2, split: 'test', bookingPageOf: bookingPageOf(world, SITES), resultsPages: resultsPages(world, SITES) }).tasks as QaTask[];
  const flights = cross.filter((t) => t.qa.query.ask.kind === 'results-fact');
  const picks = [flights.find((t) => t.qa.level === 1)!, flights.find((t) => t.qa.level === 3)!];

  it('there are flight questions at levels 1 and 3 to answer', () => {
    expect(picks.every(Boolean)).toBe(true);
    for (const t of picks) expect(verifyQaTask(g, t, { results: resultsPages(world, SITES).results })).toBeUndefined();
  });

  for (const level of [1, 3]) {
    it(`answers a level-${level} one at noise 0 after opening SkyHop's results page of the day`, async () => {
      const task = picks[level === 1 ? 0 : 1]!;
      const t = await run(task);
      expect(t.end, task.instruction).toMatchObject({ status: 'stopped', evaluation: { sr: true } });
      const proof = new URLSearchParams(task.qa.proof[0]!.path.split('?')[1]);
      const results = t.steps.map((s) => new URL(s.url)).filter((u) => u.hostname.startsWith('skyhop.') && u.pathname === '/search');
      expect(results.some((u) => ['origin', 'destination', 'date'].every((k) => u.searchParams.get(k) === proof.get(k)))).toBe(true);
    }, 600_000);
  }
});
