import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { schemaTask } from '../../src/core/schemas/task.js';
import { Rng } from '../../src/core/rng.js';
import { emptySiteState, type SiteEpisodeState } from '../../src/core/schemas/episode-state.js';
import { createProvider } from '../../src/models/create-provider.js';
import { llmLabeler } from '../../src/pipeline/explore/llm-labeler.js';
import { summarizeChange } from '../../src/pipeline/explore/state-changes.js';
import type { ExploreStep } from '../../src/pipeline/explore/types.js';
import { buildArenaWorld, siteById } from '../../src/sites/registry.js';
import { siteSchema } from '../../src/tasks/decompose/site-schema.js';
import { bookedState, buildTarget } from '../../src/tasks/target.js';
import type { World } from '../../src/world/world.js';
import { completion, startScriptedServer, type ScriptedServer } from '../models/scripted-server.js';

const site = siteById('skyhop');
let world: World;
let server: ScriptedServer | undefined;
beforeAll(() => {
  world = buildArenaWorld(1);
  siteSchema(site, world);
}, 600_000);
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Four steps: nothing, nothing, a search, a booking. */
function steps(): ExploreStep[] {
  let t;
  for (let k = 0; !t; k++) {
    const rng = new Rng(`llm-label/${k}`);
    t = buildTarget(site, world, site.exampleSearch(world, rng.fork('s')), rng.fork('t'));
  }
  const booked = bookedState(t);
  const e = emptySiteState('skyhop');
  const searched: SiteEpisodeState = { ...e, search: booked.search, requests: 1 };
  const states = [e, e, searched, booked];
  return states.map((s, i) => ({ index: i, url: 'http://x/', observation: '', thought: '', action: 'click("1")', parsed: { type: 'click', bid: '1' }, error: null, state: s, summary: summarizeChange(i ? states[i - 1]! : null, s), summarySource: 'exact' as const }));
}

async function provider(contents: string[]) {
  server = await startScriptedServer(contents.map((content) => ({ body: completion({ content }) })));
  process.env.WF_LABEL_TEST_KEY = 'sk-test';
  return createProvider({ provider: 'openai', model: 'm', baseUrl: `${server.url}/v1`, apiKeyEnv: 'WF_LABEL_TEST_KEY', timeoutMs: 30_000, concurrency: 1, maxRetries: 0, cacheDir: false });
}

describe('the model labeler and reward model', () => {
  it('relabels the state changes, decomposes the instruction into grounded constraints, and scores on 1-5', async () => {
    const s = steps();
    const origin = String(s[3]!.state!.search!.params.origin);
    const p = await provider([
      JSON.stringify({ instruction: `Book a flight from ${origin}. Complete the booking.` }),
      JSON.stringify({ constraints: [{ kind: 'exact', field: 'origin', value: origin, phrase: `from ${origin}` }, { kind: 'booked' }, { kind: 'exact', field: 'planet', value: 'Mars' }] }),
      'Score: ```json\n{"score": 5, "reason": "booked as asked"}\n```',
    ]);
    const c = await llmLabeler(site, world, 'ep', p)(s, 4);
    expect(c).toMatchObject({ depth: 4, ormScore: 5, passed: true });
    expect(c.task!.instruction).toBe(`Book a flight from ${origin}. Complete the booking.`);
    expect(schemaTask(c.task!, 'test').constraints.map((x) => x.kind)).toEqual(['exact', 'booked']);
    // The prompts carry the exact state changes.
    const relabel = JSON.stringify(server!.requests[0]!.body);
    expect(relabel).toContain('Searched with');
    expect(relabel).toContain('Booked');
  });

  it('a low score stops the exploration; an unreadable score, after one retry, counts as 1', async () => {
    const s = steps();
    const origin = String(s[3]!.state!.search!.params.origin);
    const instruction = JSON.stringify({ instruction: `Book a flight from ${origin}. Complete the booking.` });
    const constraints = JSON.stringify({ constraints: [{ kind: 'exact', field: 'origin', value: origin }, { kind: 'booked' }] });
    const low = await llmLabeler(site, world, 'ep', await provider([instruction, constraints, '{"score": 2}']))(s, 4);
    expect(low).toMatchObject({ ormScore: 2, passed: false });
    await server!.close();
    server = undefined;
    const garbled = await llmLabeler(site, world, 'ep', await provider([instruction, constraints, 'five!', '{"score": "great"}']))(s, 4);
    expect(garbled).toMatchObject({ ormScore: 1, passed: false, problem: 'the reward model gave no score twice' });
  });
});

describe('the model explorer', () => {
  it('asks with the persona and the running summaries, and acts as the model says', async () => {
    const { LlmExplorer } = await import('../../src/agents/explorer/llm-explorer.js');
    const { allPersonas } = await import('../../src/agents/explorer/personas.js');
    const { fakeObservation } = await import('../helpers/fake-observation.js');
    const p = await provider(['Thought: I want to see what flights there are.\nAction: click("12")']);
    const explorer = new LlmExplorer(world, p);
    const persona = allPersonas().skyhop![0]!;
    explorer.begin('skyhop', persona, 7);
    const d = await explorer.act({ observation: fakeObservation(), history: [], summaries: ['Searched with origin=LIS (4 results).'] });
    expect(d.action).toBe('click("12")');
    const prompt = JSON.stringify(server!.requests[0]!.body);
    expect(prompt).toContain(persona.description);
    expect(prompt).toContain('Searched with origin=LIS (4 results).');
    expect(prompt).toContain('You have no fixed task');
  });
});
