import type { Logger } from '../../src/core/logger.js';
import { ProviderConfig } from '../../src/models/config.js';

/** A config for a local scripted server: no cache, no waiting between retries. */
export function localConfig(baseUrl: string, overrides: Partial<ProviderConfig> = {}): ProviderConfig {
  return ProviderConfig.parse({
    provider: 'openai',
    model: 'test-model',
    baseUrl,
    apiKeyEnv: 'TEST_MODEL_KEY',
    timeoutMs: 5_000,
    concurrency: 4,
    maxRetries: 3,
    cacheDir: false,
    ...overrides,
  });
}

/** Retries without waiting, so tests stay fast; real timing is covered in reliability tests. */
export const FAST = { backoff: { baseDelayMs: 1, maxDelayMs: 2 } };

/** A logger that keeps every line, to check what would have been written. */
export function capturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (msg: string, data?: unknown) => lines.push(`${level} ${msg} ${JSON.stringify(data ?? null)}`);
  return { lines, debug: push('debug'), warn: push('warn') };
}
