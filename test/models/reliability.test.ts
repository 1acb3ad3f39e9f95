import { afterEach, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/core/errors.js';
import { createProvider } from '../../src/models/create-provider.js';
import { ModelApiError } from '../../src/models/errors.js';
import { RateLimiter } from '../../src/models/limiter.js';
import { backoffDelay, parseRetryAfter } from '../../src/models/retry.js';
import { FAST, localConfig } from './helpers.js';
import { closedPort, completion, startScriptedServer, type ScriptedServer } from './scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ask = { messages: [{ role: 'user' as const, content: 'x' }] };
const ok = { body: completion({ content: 'fine' }) };

/** A sleep that records what it was asked and returns at once. */
function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: (ms: number) => (delays.push(ms), Promise.resolve()) };
}

describe('retries', () => {
  it('retries a 429 and honours Retry-After', async () => {
    server = await startScriptedServer([{ status: 429, headers: { 'retry-after': '0' }, body: { error: { message: 'slow down' } } }, ok]);
    const rec = recordingSleep();
    // The drawn backoff would be 500 ms; Retry-After: 0 must replace it.
    const res = await createProvider(localConfig(server.url), { env: {}, sleep: rec.sleep, random: () => 0.5, backoff: { baseDelayMs: 1000, maxDelayMs: 10_000 } }).chat(ask);
    expect(res.content).toBe('fine');
    expect(server.requests).toHaveLength(2);
    expect(rec.delays).toEqual([0]);
  });

  it('retries a 500 with exponential backoff and full jitter', async () => {
    server = await startScriptedServer([{ status: 500, body: 'oops' }, { status: 503, body: 'busy' }, ok]);
    const rec = recordingSleep();
    const res = await createProvider(localConfig(server.url), { env: {}, sleep: rec.sleep, random: () => 0.5, backoff: { baseDelayMs: 1000, maxDelayMs: 10_000 } }).chat(ask);
    expect(res.content).toBe('fine');
    expect(server.requests).toHaveLength(3);
    expect(rec.delays).toEqual([500, 1000]);
  });

  it('draws delays in [0, min(cap, base * 2^attempt)]', () => {
    const opts = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(0, opts, () => 0.999)).toBe(99);
    expect(backoffDelay(3, opts, () => 0.999)).toBe(799);
    expect(backoffDelay(10, opts, () => 0.999)).toBe(999);
    expect(backoffDelay(10, opts, () => 0)).toBe(0);
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString(), Date.now())).toBeGreaterThan(3000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('times out a request that gets no answer, then succeeds on the retry', async () => {
    server = await startScriptedServer([{ hang: true }, ok]);
    const res = await createProvider(localConfig(server.url, { timeoutMs: 150 }), { env: {}, ...FAST }).chat(ask);
    expect(res.content).toBe('fine');
    expect(server.requests).toHaveLength(2);
  });

  it('reports a timeout clearly when every attempt times out', async () => {
    server = await startScriptedServer([{ hang: true }, { hang: true }]);
    const p = createProvider(localConfig(server.url, { timeoutMs: 100, maxRetries: 1 }), { env: {}, ...FAST }).chat(ask);
    await expect(p).rejects.toThrow(/timed out after 100 ms \(gave up after 2 attempts\)/);
  });

  it('gives a clear EnvironmentError when the server is down, after retrying', async () => {
    const port = await closedPort();
    const rec = recordingSleep();
    const p = createProvider(localConfig(`http://127.0.0.1:${port}/v1`, { maxRetries: 2 }), { env: {}, sleep: rec.sleep });
    const err = await p.chat(ask).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err).toBeInstanceOf(ModelApiError);
    expect((err as Error).message).toMatch(/could not reach the model server at http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions: .*ECONNREFUSED/);
    expect((err as Error).message).toContain('gave up after 3 attempts');
    expect((err as EnvironmentError).hint).toMatch(/is the server running/);
    expect(rec.delays).toHaveLength(2);
  });

  it('fails at once on a 400 with the status and the server message', async () => {
    server = await startScriptedServer([{ status: 400, body: { error: { message: 'model "nope" not found', type: 'invalid_request_error' } } }, ok]);
    const err = await createProvider(localConfig(server.url), { env: {}, ...FAST }).chat(ask).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelApiError);
    expect((err as ModelApiError).status).toBe(400);
    expect((err as Error).message).toMatch(/answered 400: model "nope" not found$/);
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry when the caller aborts', async () => {
    server = await startScriptedServer([{ hang: true }, ok]);
    const ac = new AbortController();
    const p = createProvider(localConfig(server.url), { env: {}, ...FAST }).chat(ask, ac.signal);
    await server.arrived(1);
    ac.abort(new Error('stopped by the user'));
    await expect(p).rejects.toThrow('stopped by the user');
    expect(server.requests).toHaveLength(1);
  });
});

describe('limits', () => {
  it('keeps at most `concurrency` requests in flight', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    server = await startScriptedServer(Array.from({ length: 6 }, () => ({ ...ok, waitFor: gate })));
    let started = 0;
    const countingFetch: typeof fetch = (...args) => {
      started++;
      return fetch(...args);
    };
    const provider = createProvider(localConfig(server.url, { concurrency: 2 }), { env: {}, fetch: countingFetch });
    const all = Promise.all(Array.from({ length: 6 }, () => provider.chat(ask)));

    await server.arrived(2);
    // All six calls were made before the first request arrived; unbounded, all six would have started.
    expect(started).toBe(2);
    expect(provider.inFlight).toBe(2);
    release();
    const results = await all;
    expect(results).toHaveLength(6);
    expect(server.requests).toHaveLength(6);
    expect(server.maxInFlight).toBe(2);
  });

  it('starts at most `requestsPerMinute` requests in any minute', async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = new RateLimiter(2, {
      now: () => now,
      sleep: (ms) => {
        waits.push(ms);
        now += ms;
        return Promise.resolve();
      },
    });
    await limiter.take();
    now = 10_000;
    await limiter.take();
    now = 20_000;
    await limiter.take(); // third in the window: waits until the first leaves it at 60 s
    expect(waits).toEqual([40_000]);
    expect(now).toBe(60_000);
  });
});
