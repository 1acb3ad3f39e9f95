import { z } from 'zod';

/**
 * The one interface every model backend implements (OpenAI-compatible chat completions,
 * Anthropic Messages, a test double). Agents and judges depend on this, never on a backend.
 */
export const ChatRole = z.enum(['system', 'user', 'assistant', 'tool']);
export type ChatRole = z.infer<typeof ChatRole>;

export const ToolCall = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** Parsed arguments (providers send a JSON string or an object; both end up here). */
  arguments: z.record(z.string(), z.unknown()),
});
export type ToolCall = z.infer<typeof ToolCall>;

export const ChatMessage = z.strictObject({
  role: ChatRole,
  content: z.string(),
  /** Assistant turns that called tools. */
  toolCalls: z.array(ToolCall).optional(),
  /** Tool turns answer this call. */
  toolCallId: z.string().optional(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ToolSpec = z.strictObject({
  name: z.string(),
  description: z.string(),
  /** JSON Schema of the arguments object. */
  parameters: z.record(z.string(), z.unknown()),
});
export type ToolSpec = z.infer<typeof ToolSpec>;

export const ChatRequest = z.strictObject({
  messages: z.array(ChatMessage).min(1),
  tools: z.array(ToolSpec).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().min(1).optional(),
});
export type ChatRequest = z.infer<typeof ChatRequest>;

export const Usage = z.strictObject({
  inputTokens: z.number().int().min(0),
  outputTokens: z.number().int().min(0),
  /** In US dollars, from the configured prices; 0 when none are configured. */
  costUsd: z.number().min(0),
  /** Served from the response cache (costs nothing). */
  cached: z.boolean(),
});
export type Usage = z.infer<typeof Usage>;

export const ChatResponse = z.strictObject({
  content: z.string(),
  /** A reasoning model's separate reasoning (reasoning_content, thinking blocks), when given. */
  reasoning: z.string().optional(),
  toolCalls: z.array(ToolCall),
  usage: Usage,
  model: z.string(),
  finishReason: z.string().optional(),
});
export type ChatResponse = z.infer<typeof ChatResponse>;

export type ModelProvider = {
  readonly name: string;
  readonly model: string;
  chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse>;
};
