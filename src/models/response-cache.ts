import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { canonicalJson, sha256 } from '../core/hash.js';
import { ChatResponse } from './provider.js';
import type { ChatMessage, ToolSpec } from './provider.js';

/**
 * Responses on disk, one JSON file per request, keyed by the SHA-256 of the canonical request.
 * The key covers everything that changes the answer (provider, base URL, model, messages,
 * tools, temperature, max tokens) and never the API key, so a rerun with another key (or none)
 * still hits. Files make concurrent writers from parallel workers safe without a lock: each
 * write goes to a temp file and is renamed into place.
 */
export type CacheKeyInput = {
  provider: string;
  baseUrl: string;
  model: string;
  messages: readonly ChatMessage[];
  tools?: readonly ToolSpec[] | undefined;
  temperature?: number | undefined;
  maxTokens?: number | undefined;
};

/** Bumped when the stored shape or the key's meaning changes, so old entries stop matching. */
const CACHE_FORMAT = 1;

export function cacheKey(input: CacheKeyInput): string {
  return sha256(
    canonicalJson({
      v: CACHE_FORMAT,
      provider: input.provider,
      baseUrl: input.baseUrl.replace(/\/+$/, ''),
      model: input.model,
      messages: input.messages,
      tools: input.tools ?? null,
      temperature: input.temperature ?? null,
      maxTokens: input.maxTokens ?? null,
    }),
  );
}

export class ResponseCache {
  constructor(readonly dir: string) {}

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The stored response, or undefined (a missing, unreadable or outdated entry is a miss). */
  get(key: string): ChatResponse | undefined {
    let text: string;
    try {
      text = readFileSync(this.path(key), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const parsed = ChatResponse.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, response: ChatResponse): void {
    const file = this.path(key);
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify(response));
    renameSync(tmp, file);
  }
}
