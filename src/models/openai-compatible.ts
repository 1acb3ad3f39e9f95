import { z } from 'zod';
import { ModelApiError } from './errors.js';
import type { ChatMessage, ToolCall } from './provider.js';
import { describeBadArguments, parseArguments, splitInlineThinking, type WireFormat, type WireReply, type WireRequest } from './wire-format.js';

/**
 * OpenAI chat completions, as spoken by OpenAI, vLLM, SGLang, Ollama (/v1), llama.cpp server,
 * OpenRouter and most hosted APIs. Reasoning arrives as `reasoning_content` (vLLM before 0.10,
 * DeepSeek, SGLang), `reasoning` (newer vLLM, OpenRouter, Ollama) or inline <think> tags.
 */
const WireToolCall = z.object({
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.object({
    name: z.string(),
    // A JSON string per the spec; a few servers send the object itself.
    arguments: z.unknown().optional(),
  }),
});

const ChatCompletion = z.object({
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          reasoning_content: z.string().nullish(),
          reasoning: z.string().nullish(),
          tool_calls: z.array(WireToolCall).nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number().int().min(0).nullish(), completion_tokens: z.number().int().min(0).nullish() })
    .nullish(),
});

function toWireMessage(m: ChatMessage): Record<string, unknown> {
  if (m.role === 'tool') return { role: 'tool', tool_call_id: m.toolCallId ?? '', content: m.content };
  if (m.role === 'assistant' && m.toolCalls && m.toolCalls.length > 0) {
    return {
      role: 'assistant',
      content: m.content,
      tool_calls: m.toolCalls.map((c) => ({
        id: c.id,
        type: 'function',
        function: { name: c.name, arguments: JSON.stringify(c.arguments) },
      })),
    };
  }
  return { role: m.role, content: m.content };
}

export const openAIWire: WireFormat = {
  endpoint: (baseUrl) => `${baseUrl.replace(/\/+$/, '')}/chat/completions`,

  headers: (apiKey): Record<string, string> => (apiKey ? { authorization: `Bearer ${apiKey}` } : {}),

  body(r: WireRequest): unknown {
    return {
      model: r.model,
      messages: r.messages.map(toWireMessage),
      ...(r.tools && r.tools.length > 0
        ? { tools: r.tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } })) }
        : {}),
      ...(r.temperature === undefined ? {} : { temperature: r.temperature }),
      ...(r.maxTokens === undefined ? {} : { max_tokens: r.maxTokens }),
    };
  },

  parse(json: unknown): WireReply {
    const r = ChatCompletion.safeParse(json);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new ModelApiError(
        `the reply is not a chat completion (${issue.path.join('.') || 'body'}: ${issue.message})`,
        { retryable: false, hint: 'is the base URL an OpenAI-compatible /v1 endpoint?' },
      );
    }
    const choice = r.data.choices[0]!;
    const msg = choice.message;
    let content = msg.content ?? '';
    let reasoning = msg.reasoning_content ?? msg.reasoning ?? undefined;
    if (reasoning === undefined || reasoning === '') {
      const split = splitInlineThinking(content);
      content = split.content;
      reasoning = split.reasoning;
    }
    const toolCalls: ToolCall[] = [];
    const problems: string[] = [];
    (msg.tool_calls ?? []).forEach((c, i) => {
      const id = c.id ?? `call_${i}`;
      const args = parseArguments(c.function.arguments);
      if (args.ok) toolCalls.push({ id, name: c.function.name, arguments: args.value });
      else problems.push(describeBadArguments(c.function.name, id, args.raw, args.reason));
    });
    if (problems.length > 0) content = [content, ...problems].filter(Boolean).join('\n');
    return {
      content,
      reasoning: reasoning || undefined,
      toolCalls,
      inputTokens: r.data.usage?.prompt_tokens ?? 0,
      outputTokens: r.data.usage?.completion_tokens ?? 0,
      model: r.data.model ?? undefined,
      finishReason: choice.finish_reason ?? undefined,
    };
  },
};
