import type { ChatMessage, ToolCall, ToolSpec } from './provider.js';

/**
 * What differs between model APIs: the endpoint, the headers, the request body and how a reply
 * reads. Everything else (retries, limits, cache, cost, redaction) is shared in chat-provider.ts.
 */
export type WireRequest = {
  model: string;
  messages: readonly ChatMessage[];
  tools?: readonly ToolSpec[] | undefined;
  temperature?: number | undefined;
  maxTokens?: number | undefined;
};

export type WireReply = {
  content: string;
  reasoning?: string | undefined;
  toolCalls: ToolCall[];
  inputTokens: number;
  outputTokens: number;
  model?: string | undefined;
  finishReason?: string | undefined;
};

export type WireFormat = {
  endpoint(baseUrl: string): string;
  headers(apiKey: string | undefined): Record<string, string>;
  body(request: WireRequest): unknown;
  /** Throws ModelApiError (not retryable) when the body is not a reply of this API. */
  parse(json: unknown): WireReply;
};

/**
 * Tool arguments that are not a JSON object. We do not guess: the call is left out of
 * toolCalls and described in the content instead, so a caller that expects a tool call sees
 * none, and the text says why (an agent can feed it back in its corrective retry).
 */
export function describeBadArguments(name: string, id: string, raw: string, reason: string): string {
  const shown = raw.length > 300 ? `${raw.slice(0, 300)}...` : raw;
  return `[invalid tool call: ${name} (${id}) has arguments that are not a JSON object (${reason}): ${shown}]`;
}

/** Parses a tool call's arguments string; returns the object or why it is not one. */
export function parseArguments(raw: unknown): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string; raw: string } {
  if (raw === undefined || raw === null || raw === '') return { ok: true, value: {} };
  if (typeof raw === 'object' && !Array.isArray(raw)) return { ok: true, value: raw as Record<string, unknown> };
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return { ok: true, value: v as Record<string, unknown> };
    return { ok: false, reason: 'not an object', raw: text };
  } catch (err) {
    return { ok: false, reason: (err as Error).message, raw: text };
  }
}

/**
 * Models served without a reasoning parser put their thinking inline as <think>...</think>
 * before the answer; we split it off so it lands in `reasoning` like a parsed one would.
 */
export function splitInlineThinking(content: string): { content: string; reasoning?: string } {
  const m = /^\s*<think>([\s\S]*?)<\/think>\s*/.exec(content);
  if (!m) return { content };
  return { content: content.slice(m[0].length), reasoning: m[1]!.trim() };
}
