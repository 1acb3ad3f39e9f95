import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProvider } from '../../src/models/create-provider.js';
import { decomposeWithModel } from '../../src/pipeline/decompose/llm-decompose.js';
import { agreementKey } from '../../src/tasks/decompose/decompose.js';
import { siteSchema, type SiteSchema } from '../../src/tasks/decompose/site-schema.js';
import { generateTask } from '../../src/tasks/generate-task.js';
import { buildArenaWorld, catalogueFor, siteById } from '../../src/sites/registry.js';
import type { World } from '../../src/world/world.js';
import { completion, startScriptedServer, type ScriptedReply, type ScriptedServer } from '../models/scripted-server.js';

const site = siteById('skyhop');
let world: World;
let schema: SiteSchema;
let server: ScriptedServer | undefined;
beforeAll(() => {
  world = buildArenaWorld(1);
  schema = siteSchema(site, world);
}, 600_000);
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const reply = (content: string): ScriptedReply => ({ body: completion({ content }) });

async function withScript(script: ScriptedReply[]) {
  server = await startScriptedServer(script);
  process.env.WF_DECOMPOSE_TEST_KEY = 'sk-test';
  return createProvider({ provider: 'openai', model: 'test-model', baseUrl: `${server.url}/v1`, apiKeyEnv: 'WF_DECOMPOSE_TEST_KEY', timeoutMs: 30_000, concurrency: 1, maxRetries: 0, cacheDir: false });
}

describe('decomposition by a model over the OpenAI-compatible API', () => {
  it('grounds a valid reply: words become the site\'s codes; the prompt holds the schema', async () => {
    const provider = await withScript([
      reply('```json\n' + JSON.stringify({ constraints: [
        { kind: 'exact', field: 'origin', value: 'Lisbon', phrase: 'from Lisbon' },
        { kind: 'exact', field: 'destination', value: 'CDG', phrase: 'to Paris' },
        { kind: 'count', field: 'adults', value: 2, phrase: 'for 2 adults' },
        { kind: 'range', field: 'farePrice', max: 150, phrase: 'under €150' },
        { kind: 'booked' },
      ], unmapped: [] }) + '\n```'),
    ]);
    const d = await decomposeWithModel('Book a flight from Lisbon to Paris for 2 adults under €150. Complete the booking.', { site, world, schema, provider });
    expect(d.constraints.map(agreementKey)).toEqual(['exact/origin/lis', 'exact/destination/cdg', 'count/adults/2', 'range/farePrice//150', 'booked']);
    expect(d.problems).toEqual([]);
    expect(d.calls).toBe(1);
    const prompt = JSON.stringify(server!.requests[0]!.body);
    for (const f of ['farePrice', 'departTime', 'destination', 'cabin']) expect(prompt).toContain(f);
  });

  it('reports replies that name unknown fields or values, never keeping them', async () => {
    const provider = await withScript([
      reply(JSON.stringify({ constraints: [
        { kind: 'exact', field: 'destination', value: 'Atlantis' },
        { kind: 'range', field: 'price', max: 100 },
        { kind: 'exact', field: 'origin', value: 'LIS' },
      ], unmapped: ['with a view of the sea'] })),
    ]);
    const d = await decomposeWithModel('Fly me from Lisbon to Atlantis for under 100 with a view of the sea.', { site, world, schema, provider });
    expect(d.constraints.map(agreementKey)).toEqual(['exact/origin/lis']);
    expect(d.problems.map((p) => p.reason)).toEqual(['unknown value "Atlantis" for destination', 'unknown field "price"']);
    expect(d.unmapped).toEqual(['with a view of the sea']);
  });

  it('garbled JSON gets one corrective retry, then a clear error', async () => {
    const good = JSON.stringify({ constraints: [{ kind: 'exact', field: 'origin', value: 'LIS' }, { kind: 'booked' }] });
    const fixed = await decomposeWithModel('Book a flight from Lisbon.', { site, world, schema, provider: await withScript([reply('{"constraints": [ {"kind": "exact", '), reply(good)]) });
    expect(fixed.calls).toBe(2);
    expect(fixed.constraints.map(agreementKey)).toEqual(['exact/origin/lis', 'booked']);
    const retry = JSON.stringify(server!.requests[1]!.body);
    expect(retry).toContain('Your reply could not be used');
    await server!.close();
    server = undefined;
    const provider = await withScript([reply('sure! origin is Lisbon'), reply('{"constraints": "none"}')]);
    await expect(decomposeWithModel('Book a flight from Lisbon.', { site, world, schema, provider })).rejects.toThrow(/unreadable twice: the object has no "constraints" array/);
  });

  it('round trip: generated task -> instruction -> decomposition -> the same constraints', async () => {
    const tasks = Array.from({ length: 6 }, (_, i) => generateTask({ site, catalogue: catalogueFor('skyhop'), world, seed: 41, index: i, difficulty: 'medium', split: 'test' })).filter((t) => t !== undefined);
    // A model that reads perfectly, answering in the words of the instruction where the site has codes.
    const words = (field: string, code: string) => [...(schema.fields.get(field)?.values.get(code) ?? [])][0] ?? code;
    const provider = await withScript(tasks.map((t) => reply(JSON.stringify({ constraints: t.constraints.map((c) => {
      const { id: _id, stage: _stage, templateId: _t, ...rest } = c as typeof c & { templateId?: string };
      if (c.kind === 'superlative') return { kind: 'superlative', field: c.field, objective: c.objective, phrase: c.phrase };
      if (c.kind === 'exact' && typeof c.value === 'string') return { ...rest, value: words(c.field, c.value) };
      return rest;
    }) }))));
    for (const t of tasks) {
      const d = await decomposeWithModel(t.instruction, { site, world, schema, provider });
      expect(d.problems).toEqual([]);
      const want = t.constraints.map((c) => agreementKey(c.kind === 'superlative' ? { kind: 'superlative', field: c.field, objective: c.objective, phrase: '' } : c));
      expect(d.constraints.map(agreementKey)).toEqual(want);
    }
  });
});
