import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeError } from '../../src/core/errors.js';
import { createProvider } from '../../src/models/create-provider.js';
import { redact, REDACTED } from '../../src/models/redact.js';
import { capturingLogger, FAST, localConfig } from './helpers.js';
import { closedPort, completion, startScriptedServer, type ScriptedServer } from './scripted-server.js';

const KEY = 'sk-proj-SECRET-9f8e7d6c5b4a';
let server: ScriptedServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const ask = { messages: [{ role: 'user' as const, content: 'x' }] };

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('API keys never leak', () => {
  it('redacts a key the server echoes in an error, and says which variable to check', async () => {
    // Real APIs do this: "Incorrect API key provided: sk-...".
    server = await startScriptedServer([{ status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } }]);
    const log = capturingLogger();
    const p = createProvider(localConfig(server.url), { env: { TEST_MODEL_KEY: KEY }, logger: log, ...FAST });
    const err = await p.chat(ask).catch((e: unknown) => e);

    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`); // the key was really used
    const shown = describeError(err);
    expect(shown).toContain(`401: Incorrect API key provided: ${REDACTED}`);
    expect(shown).toContain('TEST_MODEL_KEY');
    expect(shown).not.toContain(KEY);
    expect(JSON.stringify(err)).not.toContain(KEY);
    expect(String((err as Error).stack)).not.toContain(KEY);
    expect(log.lines.join('\n')).not.toContain(KEY);
  });

  it('keeps the key out of retry logs, final errors and the cache', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wf-llm-redact-'));
    server = await startScriptedServer([
      { status: 503, body: { error: { message: `overloaded for key ${KEY}` } } },
      { body: completion({ content: `echo ${KEY.slice(0, 6)}` }) },
    ]);
    const log = capturingLogger();
    const p = createProvider(localConfig(server.url, { cacheDir: dir }), { env: { TEST_MODEL_KEY: KEY }, logger: log, ...FAST });
    await p.chat(ask);
    expect(log.lines.some((l) => l.includes('retrying model request') && l.includes(REDACTED))).toBe(true);
    expect(log.lines.join('\n')).not.toContain(KEY);
    const files = filesUnder(dir);
    expect(files).toHaveLength(1);
    for (const f of files) expect(readFileSync(f, 'utf8')).not.toContain(KEY);
  });

  it('keeps a key in the base URL out of connection errors', async () => {
    const port = await closedPort();
    const log = capturingLogger();
    const p = createProvider(localConfig(`http://127.0.0.1:${port}/${KEY}/v1`, { maxRetries: 1 }), { env: { TEST_MODEL_KEY: KEY }, logger: log, ...FAST });
    const err = await p.chat(ask).catch((e: unknown) => e);
    expect(describeError(err)).toContain(`/${REDACTED}/v1`);
    expect(describeError(err)).not.toContain(KEY);
    expect(log.lines.join('\n')).not.toContain(KEY);
  });

  it('redact replaces every occurrence and ignores trivially short secrets', () => {
    expect(redact(`a ${KEY} b ${KEY}`, [KEY])).toBe(`a ${REDACTED} b ${REDACTED}`);
    expect(redact('a x b', ['x', undefined, ''])).toBe('a x b');
  });
});
