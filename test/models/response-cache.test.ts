import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProvider } from '../../src/models/create-provider.js';
import { cacheKey } from '../../src/models/response-cache.js';
import { localConfig } from './helpers.js';
import { anthropicMessage, completion, startScriptedServer, type ScriptedServer } from './scripted-server.js';

let server: ScriptedServer | undefined;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wf-llm-cache-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const ask = { messages: [{ role: 'user' as const, content: 'which button?' }] };
const prices = { inputPerMTok: 2, outputPerMTok: 8 };

describe('response cache', () => {
  it('answers a repeated request from disk: no request, usage.cached true, cost 0', async () => {
    server = await startScriptedServer([
      { body: completion({ content: 'click("3")', reasoning_content: 'it is 3' }, { prompt_tokens: 1000, completion_tokens: 100 }) },
    ]);
    const config = localConfig(server.url, { cacheDir: dir, prices, temperature: 0.7 });
    const first = await createProvider(config, { env: {} }).chat(ask);
    expect(first.usage).toEqual({ inputTokens: 1000, outputTokens: 100, costUsd: (1000 * 2 + 100 * 8) / 1e6, cached: false });

    // A new provider (a rerun), with a different key: still a hit, the key is not part of it.
    const second = await createProvider(config, { env: { TEST_MODEL_KEY: 'another-key-999' } }).chat(ask);
    expect(server.requests).toHaveLength(1);
    expect(second).toEqual({ ...first, usage: { ...first.usage, costUsd: 0, cached: true } });
    expect(second.reasoning).toBe('it is 3');
  });

  it('misses when anything that changes the answer changes', async () => {
    server = await startScriptedServer([
      { body: completion({ content: 'a' }) },
      { body: completion({ content: 'b' }) },
      { body: completion({ content: 'c' }) },
      { body: completion({ content: 'd' }) },
    ]);
    const provider = createProvider(localConfig(server.url, { cacheDir: dir }), { env: {} });
    expect((await provider.chat(ask)).content).toBe('a');
    expect((await provider.chat({ ...ask, temperature: 1 })).content).toBe('b');
    expect((await provider.chat({ ...ask, maxTokens: 10 })).content).toBe('c');
    expect((await provider.chat({ messages: [{ role: 'user', content: 'other' }] })).content).toBe('d');
    expect((await provider.chat(ask)).usage.cached).toBe(true);
    expect(server.requests).toHaveLength(4);
  });

  it('caches Anthropic replies under their own provider key', async () => {
    server = await startScriptedServer([{ body: anthropicMessage([{ type: 'text', text: 'hi' }]) }]);
    const config = localConfig(server.url, { provider: 'anthropic', cacheDir: dir });
    await createProvider(config, { env: {} }).chat(ask);
    const again = await createProvider(config, { env: {} }).chat(ask);
    expect(again.usage.cached).toBe(true);
    expect(server.requests).toHaveLength(1);
    const base = { baseUrl: server.url, model: 'test-model', messages: ask.messages };
    expect(cacheKey({ provider: 'anthropic', ...base })).not.toBe(cacheKey({ provider: 'openai', ...base }));
  });

  it('does not cache errors, and stores nothing when disabled', async () => {
    server = await startScriptedServer([{ status: 400, body: { error: { message: 'bad' } } }, { body: completion({ content: 'ok' }) }, { body: completion({ content: 'ok2' }) }]);
    const cached = createProvider(localConfig(server.url, { cacheDir: dir }), { env: {} });
    await expect(cached.chat(ask)).rejects.toThrow(/400/);
    expect((await cached.chat(ask)).content).toBe('ok');
    const uncached = createProvider(localConfig(server.url, { cacheDir: false }), { env: {} });
    expect((await uncached.chat(ask)).usage.cached).toBe(false);
    expect(server.requests).toHaveLength(3);
    expect(readdirSync(dir).length).toBe(1); // one shard directory, from the one success
  });
});
