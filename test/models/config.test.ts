import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvironmentError, InvalidInputError } from '../../src/core/errors.js';
import { createProvider, resolveProviderConfig } from '../../src/models/config.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wf-llm-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function configFile(value: unknown): string {
  const path = join(dir, 'model.json');
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('resolveProviderConfig', () => {
  it('fills the defaults for OpenAI', () => {
    const c = resolveProviderConfig({ flags: { model: 'gpt-x' }, env: {}, cwd: '/work/x' });
    expect(c).toEqual({
      provider: 'openai',
      model: 'gpt-x',
      baseUrl: 'https://api.openai.com/v1',
      apiKeyEnv: 'OPENAI_API_KEY',
      timeoutMs: 60_000,
      concurrency: 4,
      maxRetries: 5,
      cacheDir: '/work/x/.cache/webfoundry/llm',
    });
  });

  it('defaults follow the final provider', () => {
    const c = resolveProviderConfig({ flags: { provider: 'anthropic', model: 'claude-x' }, env: {} });
    expect(c.baseUrl).toBe('https://api.anthropic.com');
    expect(c.apiKeyEnv).toBe('ANTHROPIC_API_KEY');
  });

  it('layers file < environment < flags', () => {
    const file = configFile({
      provider: 'openai',
      model: 'from-file',
      baseUrl: 'http://file.local/v1',
      temperature: 0.1,
      maxTokens: 100,
      concurrency: 8,
      prices: { inputPerMTok: 1, outputPerMTok: 2 },
    });
    const env = { WEBFOUNDRY_MODEL: 'from-env', WEBFOUNDRY_BASE_URL: 'http://env.local/v1' };
    const c = resolveProviderConfig({ file, env, flags: { model: 'from-flags', temperature: '0.5', cacheDir: 'false', unrelated: 3 } });
    expect(c.model).toBe('from-flags');
    expect(c.baseUrl).toBe('http://env.local/v1');
    expect(c.temperature).toBe(0.5);
    expect(c.maxTokens).toBe(100);
    expect(c.concurrency).toBe(8);
    expect(c.prices).toEqual({ inputPerMTok: 1, outputPerMTok: 2 });
    expect(c.cacheDir).toBe(false);

    const envOnly = resolveProviderConfig({ file, env });
    expect(envOnly.model).toBe('from-env');
    expect(resolveProviderConfig({ file, env: {} }).model).toBe('from-file');
    expect(resolveProviderConfig({ file, env: { WEBFOUNDRY_PROVIDER: 'anthropic' } }).provider).toBe('anthropic');
  });

  it('ignores flags left undefined (options the user did not give)', () => {
    const c = resolveProviderConfig({ env: { WEBFOUNDRY_MODEL: 'm' }, flags: { model: undefined, timeoutMs: undefined } });
    expect(c.model).toBe('m');
    expect(c.timeoutMs).toBe(60_000);
  });

  it.each([
    [{ flags: { model: 'm', temperature: 'hot' } }, /flags: temperature: /],
    [{ flags: { model: 'm', concurrency: 0 } }, /flags: concurrency: /],
    [{ flags: { model: 'm', baseUrl: 'not a url' } }, /flags: baseUrl: /],
    [{ flags: { model: 'm', provider: 'gemini' } }, /flags: provider: /],
    [{ env: { WEBFOUNDRY_PROVIDER: 'gemini', WEBFOUNDRY_MODEL: 'm' } }, /environment: provider \(WEBFOUNDRY_PROVIDER\): /],
    [{ flags: {} }, /^model: no model given/],
  ])('names the bad field: %j', (opts, message) => {
    const err = (() => {
      try {
        resolveProviderConfig({ env: {}, ...opts });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as Error).message).toMatch(message);
  });

  it('rejects a config file with unknown fields, bad JSON or that is missing', () => {
    expect(() => resolveProviderConfig({ env: {}, file: configFile({ model: 'm', temprature: 1 }) })).toThrow(/config file .*model\.json: .*temprature/);
    expect(() => resolveProviderConfig({ env: {}, file: configFile('{ nope') })).toThrow(/not valid JSON/);
    expect(() => resolveProviderConfig({ env: {}, file: join(dir, 'missing.json') })).toThrow(/cannot read it \(ENOENT\)/);
  });
});

describe('createProvider', () => {
  it('refuses a hosted API without its key, naming the variable', () => {
    const config = resolveProviderConfig({ flags: { model: 'gpt-x' }, env: {} });
    expect(() => createProvider(config, { env: {} })).toThrow(EnvironmentError);
    expect(() => createProvider(config, { env: {} })).toThrow(/OPENAI_API_KEY is not set/);
    expect(createProvider(config, { env: { OPENAI_API_KEY: 'sk-1234' } }).name).toBe('openai');
  });

  it('accepts a local server without a key', () => {
    const config = resolveProviderConfig({ flags: { model: 'qwen', baseUrl: 'http://127.0.0.1:8000/v1' }, env: {} });
    const p = createProvider(config, { env: {} });
    expect([p.name, p.model]).toEqual(['openai', 'qwen']);
  });
});
