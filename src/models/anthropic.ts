import { z } from 'zod';
import { ModelApiError } from './errors.js';
import type { ChatMessage, ToolCall } from './provider.js';
import type { WireFormat, WireReply, WireRequest } from './wire-format.js';

/**
 * Anthropic Messages (POST /v1/messages, anthropic-version 2023-06-01). System prompts go in
 * `system`; turns must alternate user/assistant, so consecutive same-role turns are merged and
 * tool results travel as `tool_result` blocks in a user turn. Thinking blocks become
 * `reasoning`. Also spoken by vLLM's Anthropic endpoint and several proxies.
 */
export const ANTHROPIC_VERSION = '2023-06-01';

/** max_tokens is required by this API; used when neither the request nor the config sets it. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

const Block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('thinking'), thinking: z.string() }),
  z.object({ type: z.literal('redacted_thinking') }),
  z.object({ type: z.literal('tool_use'), id: z.string(), name: z.string(), input: z.record(z.string(), z.unknown()).nullish() }),
]);

const MessageReply = z.object({
  model: z.string().nullish(),
  content: z.array(z.union([Block, z.object({ type: z.string() })])),
  stop_reason: z.string().nullish(),
  usage: z
    .object({
      input_tokens: z.number().int().min(0).nullish(),
      output_tokens: z.number().int().min(0).nullish(),
      cache_creation_input_tokens: z.number().int().min(0).nullish(),
      cache_read_input_tokens: z.number().int().min(0).nullish(),
    })
    .nullish(),
});

type WireBlock = Record<string, unknown>;
type WireTurn = { role: 'user' | 'assistant'; content: WireBlock[] };

function blocksOf(m: ChatMessage): WireBlock[] {
  if (m.role === 'tool') return [{ type: 'tool_result', tool_use_id: m.toolCallId ?? '', content: m.content }];
  // The API rejects empty text blocks.
  const text: WireBlock[] = m.content === '' ? [] : [{ type: 'text', text: m.content }];
  if (m.role === 'assistant') {
    return [...text, ...(m.toolCalls ?? []).map((c) => ({ type: 'tool_use', id: c.id, name: c.name, input: c.arguments }))];
  }
  return text;
}

export function toAnthropicMessages(messages: readonly ChatMessage[]): { system?: string; messages: WireTurn[] } {
  const system = messages.filter((m) => m.role === 'system').map((m) => m.content);
  const turns: WireTurn[] = [];
  for (const m of messages) {
    if (m.role === 'system') continue;
    const role = m.role === 'assistant' ? 'assistant' : 'user';
    const blocks = blocksOf(m);
    const last = turns[turns.length - 1];
    if (last && last.role === role) last.content.push(...blocks);
    else turns.push({ role, content: blocks });
  }
  for (const t of turns) if (t.content.length === 0) t.content.push({ type: 'text', text: '(empty)' });
  return { ...(system.length > 0 ? { system: system.join('\n\n') } : {}), messages: turns };
}

export const anthropicWire: WireFormat = {
  endpoint(baseUrl) {
    const base = baseUrl.replace(/\/+$/, '');
    // Accept both https://api.anthropic.com and a base URL already ending in /v1.
    return base.endsWith('/v1') ? `${base}/messages` : `${base}/v1/messages`;
  },

  headers: (apiKey): Record<string, string> => ({
    'anthropic-version': ANTHROPIC_VERSION,
    ...(apiKey ? { 'x-api-key': apiKey } : {}),
  }),

  body(r: WireRequest): unknown {
    const { system, messages } = toAnthropicMessages(r.messages);
    return {
      model: r.model,
      max_tokens: r.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
      ...(system === undefined ? {} : { system }),
      messages,
      ...(r.tools && r.tools.length > 0
        ? { tools: r.tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.parameters })) }
        : {}),
      ...(r.temperature === undefined ? {} : { temperature: r.temperature }),
    };
  },

  parse(json: unknown): WireReply {
    const r = MessageReply.safeParse(json);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new ModelApiError(`the reply is not an Anthropic message (${issue.path.join('.') || 'body'}: ${issue.message})`, {
        retryable: false,
        hint: 'is the base URL an Anthropic Messages endpoint?',
      });
    }
    const text: string[] = [];
    const thinking: string[] = [];
    const toolCalls: ToolCall[] = [];
    for (const raw of r.data.content) {
      const b = Block.safeParse(raw);
      if (!b.success) continue; // block types we do not use (server tool results, images...)
      if (b.data.type === 'text') text.push(b.data.text);
      else if (b.data.type === 'thinking') thinking.push(b.data.thinking);
      else if (b.data.type === 'tool_use') toolCalls.push({ id: b.data.id, name: b.data.name, arguments: b.data.input ?? {} });
    }
    const u = r.data.usage;
    return {
      content: text.join(''),
      reasoning: thinking.length > 0 ? thinking.join('\n\n') : undefined,
      toolCalls,
      // Cache reads and writes are input too; they are priced differently, which the flat
      // per-token prices here do not model.
      inputTokens: (u?.input_tokens ?? 0) + (u?.cache_creation_input_tokens ?? 0) + (u?.cache_read_input_tokens ?? 0),
      outputTokens: u?.output_tokens ?? 0,
      model: r.data.model ?? undefined,
      finishReason: r.data.stop_reason ?? undefined,
    };
  },
};
