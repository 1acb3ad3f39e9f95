import { afterEach, describe, expect, it } from 'vitest';
import { toAnthropicMessages } from '../../src/models/anthropic.js';
import { createProvider } from '../../src/models/create-provider.js';
import { localConfig } from './helpers.js';
import { anthropicMessage, startScriptedServer, type ScriptedServer } from './scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const anthropicConfig = (url: string, extra = {}) => localConfig(url, { provider: 'anthropic', model: 'claude-test', ...extra });

describe('Anthropic provider', () => {
  it('sends a Messages request with the system prompt apart and reads a normal reply', async () => {
    server = await startScriptedServer([{ body: anthropicMessage([{ type: 'text', text: 'click("12")' }]) }]);
    const provider = createProvider(anthropicConfig(server.url, { temperature: 0, prices: { inputPerMTok: 3, outputPerMTok: 15 } }), {
      env: { TEST_MODEL_KEY: 'sk-ant-local-123456' },
    });
    const res = await provider.chat({ messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'go' }] });

    expect(res).toEqual({
      content: 'click("12")',
      toolCalls: [],
      usage: { inputTokens: 12, outputTokens: 7, costUsd: (12 * 3 + 7 * 15) / 1e6, cached: false },
      model: 'claude-test',
      finishReason: 'end_turn',
    });
    const req = server.requests[0]!;
    expect(req.path).toBe('/v1/messages');
    expect(req.headers['x-api-key']).toBe('sk-ant-local-123456');
    expect(req.headers['anthropic-version']).toBe('2023-06-01');
    expect(req.headers.authorization).toBeUndefined();
    expect(req.body).toEqual({
      model: 'claude-test',
      max_tokens: 4096,
      system: 'be brief',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'go' }] }],
      temperature: 0,
    });
  });

  it('accepts a base URL that already ends in /v1', async () => {
    server = await startScriptedServer([{ body: anthropicMessage([{ type: 'text', text: 'ok' }]) }]);
    await createProvider(anthropicConfig(`${server.url}/v1/`), { env: {} }).chat({ messages: [{ role: 'user', content: 'x' }] });
    expect(server.requests[0]!.path).toBe('/v1/messages');
  });

  it('keeps thinking blocks as reasoning', async () => {
    server = await startScriptedServer([
      {
        body: anthropicMessage([
          { type: 'thinking', thinking: 'The search button is 12.', signature: 'sig' },
          { type: 'text', text: 'click("12")' },
        ]),
      },
    ]);
    const res = await createProvider(anthropicConfig(server.url), { env: {} }).chat({ messages: [{ role: 'user', content: 'x' }] });
    expect(res.reasoning).toBe('The search button is 12.');
    expect(res.content).toBe('click("12")');
  });

  it('sends tool_use / tool_result blocks and tools with input_schema, and reads tool_use replies', async () => {
    server = await startScriptedServer([
      {
        body: anthropicMessage(
          [
            { type: 'text', text: 'Filling in the city.' },
            { type: 'tool_use', id: 'toolu_2', name: 'fill', input: { bid: '5', value: 'Lisbon' } },
          ],
          { input_tokens: 50, output_tokens: 9 },
          'tool_use',
        ),
      },
    ]);
    const schema = { type: 'object', properties: { bid: { type: 'string' } }, required: ['bid'] };
    const res = await createProvider(anthropicConfig(server.url, { maxTokens: 300 }), { env: {} }).chat({
      tools: [{ name: 'click', description: 'Click an element', parameters: schema }],
      messages: [
        { role: 'system', content: 'You book trips.' },
        { role: 'user', content: 'book it' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'toolu_1', name: 'click', arguments: { bid: '12' } }] },
        { role: 'tool', content: 'clicked', toolCallId: 'toolu_1' },
        { role: 'user', content: 'now the city' },
      ],
    });

    expect(res.toolCalls).toEqual([{ id: 'toolu_2', name: 'fill', arguments: { bid: '5', value: 'Lisbon' } }]);
    expect(res.content).toBe('Filling in the city.');
    expect(res.finishReason).toBe('tool_use');
    expect(server.requests[0]!.body).toEqual({
      model: 'claude-test',
      max_tokens: 300,
      system: 'You book trips.',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'book it' }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'click', input: { bid: '12' } }] },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: 'clicked' },
            { type: 'text', text: 'now the city' },
          ],
        },
      ],
      tools: [{ name: 'click', description: 'Click an element', input_schema: schema }],
    });
  });

  it('merges consecutive turns of one role so turns alternate', () => {
    const { system, messages } = toAnthropicMessages([
      { role: 'system', content: 'a' },
      { role: 'system', content: 'b' },
      { role: 'user', content: 'one' },
      { role: 'user', content: 'two' },
      { role: 'assistant', content: 'three' },
    ]);
    expect(system).toBe('a\n\nb');
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(messages[0]!.content).toEqual([
      { type: 'text', text: 'one' },
      { type: 'text', text: 'two' },
    ]);
  });

  it('reports an Anthropic error body with its message and no retry on 400', async () => {
    server = await startScriptedServer([
      { status: 400, body: { type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: too large' } } },
    ]);
    const p = createProvider(anthropicConfig(server.url), { env: {} }).chat({ messages: [{ role: 'user', content: 'x' }] });
    await expect(p).rejects.toMatchObject({ name: 'ModelApiError', status: 400, message: expect.stringContaining('400: max_tokens: too large') });
    expect(server.requests).toHaveLength(1);
  });
});
