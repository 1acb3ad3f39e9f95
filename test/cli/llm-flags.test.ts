import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { llmFlags, resolveLlm, type LlmFlags } from '../../src/cli/llm-flags.js';

describe('LLM flags', () => {
  it('every provider setting can come from a flag', () => {
    const cmd = llmFlags(new Command().exitOverride());
    cmd.parse(['--model', 'm1', '--base-url', 'http://127.0.0.1:9/v1', '--temperature', '0.3', '--max-tokens', '256', '--timeout-ms', '1234', '--llm-concurrency', '2', '--rpm', '30', '--max-retries', '1', '--price-in', '0.5', '--price-out', '1.5', '--no-cache', '--history', '4'], { from: 'user' });
    const { config, options } = resolveLlm(cmd.opts<LlmFlags>());
    expect(config).toMatchObject({
      model: 'm1',
      baseUrl: 'http://127.0.0.1:9/v1',
      temperature: 0.3,
      maxTokens: 256,
      timeoutMs: 1234,
      concurrency: 2,
      requestsPerMinute: 30,
      maxRetries: 1,
      prices: { inputPerMTok: 0.5, outputPerMTok: 1.5 },
      cacheDir: false,
    });
    expect(options?.historySteps).toBe(4);
  });

  it('a bad value names its field', () => {
    expect(() => resolveLlm({ model: 'm', temperature: '7' })).toThrow(/temperature/);
  });
});
