import { afterEach, describe, expect, it } from 'vitest';
import { createProvider } from '../../src/models/create-provider.js';
import { localConfig } from './helpers.js';
import { completion, startScriptedServer, type ScriptedServer } from './scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('OpenAI-compatible provider', () => {
  it('sends a chat completion request and reads a normal reply', async () => {
    server = await startScriptedServer([{ body: completion({ content: 'click("12")' }, { prompt_tokens: 100, completion_tokens: 20 }) }]);
    const provider = createProvider(
      localConfig(`${server.url}/v1`, { temperature: 0.2, maxTokens: 256, prices: { inputPerMTok: 1, outputPerMTok: 10 } }),
      { env: { TEST_MODEL_KEY: 'sk-local-abcdef' } },
    );
    const res = await provider.chat({ messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'go' }] });

    expect(res.content).toBe('click("12")');
    expect(res.reasoning).toBeUndefined();
    expect(res.toolCalls).toEqual([]);
    expect(res.usage).toEqual({ inputTokens: 100, outputTokens: 20, costUsd: (100 * 1 + 20 * 10) / 1e6, cached: false });
    expect(res.model).toBe('test-model');
    expect(res.finishReason).toBe('stop');

    const req = server.requests[0]!;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer sk-local-abcdef');
    expect(req.body).toEqual({
      model: 'test-model',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'go' },
      ],
      temperature: 0.2,
      max_tokens: 256,
    });
  });

  it('sends no Authorization header when the key variable is unset (local servers)', async () => {
    server = await startScriptedServer([{ body: completion({ content: 'ok' }) }]);
    const provider = createProvider(localConfig(server.url), { env: {} });
    await provider.chat({ messages: [{ role: 'user', content: 'hi' }] });
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it.each([
    ['reasoning_content (vLLM, DeepSeek, SGLang)', { reasoning_content: 'The button is 12.', content: 'click("12")' }],
    ['reasoning (OpenRouter, Ollama, newer vLLM)', { reasoning: 'The button is 12.', content: 'click("12")' }],
    ['inline <think> tags', { content: '<think>\nThe button is 12.\n</think>\n\nclick("12")' }],
  ])('keeps reasoning given as %s', async (_label, message) => {
    server = await startScriptedServer([{ body: completion(message) }]);
    const res = await createProvider(localConfig(server.url), { env: {} }).chat({ messages: [{ role: 'user', content: 'x' }] });
    expect(res.reasoning).toBe('The button is 12.');
    expect(res.content).toBe('click("12")');
  });

  it('sends tool calls and tool results, and parses tool calls from the reply', async () => {
    server = await startScriptedServer([
      {
        body: completion({
          content: null,
          tool_calls: [{ id: 'call_2', type: 'function', function: { name: 'fill', arguments: '{"bid":"5","value":"Lisbon"}' } }],
        }),
      },
    ]);
    const provider = createProvider(localConfig(server.url), { env: {} });
    const tools = [{ name: 'click', description: 'Click an element', parameters: { type: 'object', properties: { bid: { type: 'string' } } } }];
    const res = await provider.chat({
      tools,
      messages: [
        { role: 'user', content: 'book it' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'click', arguments: { bid: '12' } }] },
        { role: 'tool', content: 'clicked', toolCallId: 'call_1' },
      ],
    });

    expect(res.toolCalls).toEqual([{ id: 'call_2', name: 'fill', arguments: { bid: '5', value: 'Lisbon' } }]);
    expect(res.content).toBe('');
    const body = server.requests[0]!.body as { messages: unknown[]; tools: unknown[] };
    expect(body.messages[1]).toEqual({
      role: 'assistant',
      content: '',
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'click', arguments: '{"bid":"12"}' } }],
    });
    expect(body.messages[2]).toEqual({ role: 'tool', tool_call_id: 'call_1', content: 'clicked' });
    expect(body.tools).toEqual([{ type: 'function', function: tools[0] }]);
  });

  it('turns garbled tool arguments into a visible note in the content, not a tool call', async () => {
    server = await startScriptedServer([
      {
        body: completion({
          content: 'I will click.',
          tool_calls: [
            { id: 'call_bad', type: 'function', function: { name: 'click', arguments: '{"bid": "12"' } },
            { id: 'call_ok', type: 'function', function: { name: 'scroll', arguments: '{"dy":300}' } },
          ],
        }),
      },
    ]);
    const res = await createProvider(localConfig(server.url), { env: {} }).chat({ messages: [{ role: 'user', content: 'x' }] });
    expect(res.toolCalls).toEqual([{ id: 'call_ok', name: 'scroll', arguments: { dy: 300 } }]);
    expect(res.content).toMatch(/^I will click\.\n\[invalid tool call: click \(call_bad\) has arguments that are not a JSON object/);
    expect(res.content).toContain('{"bid": "12"');
  });

  it('rejects a reply that is not a chat completion with a clear error', async () => {
    server = await startScriptedServer([{ body: { hello: 'world' } }]);
    const p = createProvider(localConfig(server.url), { env: {} }).chat({ messages: [{ role: 'user', content: 'x' }] });
    await expect(p).rejects.toThrow(/not a chat completion \(choices/);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects an invalid request before sending it', async () => {
    server = await startScriptedServer([]);
    const p = createProvider(localConfig(server.url), { env: {} }).chat({ messages: [] });
    await expect(p).rejects.toMatchObject({ name: 'InvalidInputError', message: expect.stringContaining('messages') });
    expect(server.requests).toHaveLength(0);
  });
});
