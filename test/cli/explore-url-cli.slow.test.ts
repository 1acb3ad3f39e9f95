import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../src/pipeline/run-store.js';
import { startForeignLibrary, type ForeignLibrary } from '../helpers/foreign-library.js';
import { startExploreModel, type ExploreModelServer } from '../helpers/scripted-explore-model.js';

/**
 * `webfoundry explore --url` as a user runs it, against the foreign library and the scripted
 * model server (test/helpers): killed with SIGKILL between two explorations, then resumed.
 */

const BIN = join(import.meta.dirname, '../../bin/webfoundry.mjs');
const root = mkdtempSync(join(tmpdir(), 'wf-explore-url-cli-'));
let library: ForeignLibrary;
let model: ExploreModelServer;
let release: () => void = () => undefined;

beforeAll(async () => {
  library = await startForeignLibrary();
  // The second exploration's first request waits: the run is killed there, with the first one stored.
  model = await startExploreModel({ hold: { episode: 2, until: new Promise<void>((resolve) => (release = resolve)) } });
});
afterAll(async () => {
  release();
  await model.close();
  await library.close();
  rmSync(root, { recursive: true, force: true });
});

function cli(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WF_EXPLORE_CLI_KEY: 'sk-test' } });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  return { child, done, output: () => out };
}

describe('explore --url from the CLI', () => {
  it('a run killed between explorations loses nothing; --resume finishes it', async () => {
    const dir = join(root, 'run');
    const args = ['explore', '--url', `${library.origin}/`, '--episodes', '2', '--parallel', '1', '--max-steps', '8', '--model', 'scripted-model', '--base-url', model.baseUrl, '--api-key-env', 'WF_EXPLORE_CLI_KEY', '--no-cache', '--out', dir, '--json'];
    const first = cli(args);
    await expect.poll(() => model.firstSteps, { timeout: 240_000, interval: 50 }).toBe(2);
    first.child.kill('SIGKILL');
    await first.done;
    const killed = RunStore.openReadOnly(dir);
    const before = killed.rows().map((r) => JSON.stringify(r)).sort();
    expect(killed.episodeCount()).toBe(1);
    killed.close();
    expect(before).toHaveLength(2);

    release();
    const second = cli([...args, '--resume']);
    const code = await second.done;
    expect(code, second.output()).toBe(0);
    expect(second.output()).toContain('resuming: 1 of 2 explorations already done');
    const summary = JSON.parse(second.output().slice(second.output().indexOf('{'))) as { rows: number; failed: number };
    expect(summary).toMatchObject({ rows: 4, failed: 0 });
    const after = RunStore.openReadOnly(dir);
    const rows = after.rows().map((r) => JSON.stringify(r));
    expect(after.episodeCount()).toBe(2);
    after.close();
    // The first exploration's rows are there as they were.
    for (const r of before) expect(rows).toContain(r);
  }, 600_000);

  it('an unreachable URL: a clear message, exit 1, the run kept for a resume', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const down = `http://127.0.0.1:${port}/`;
    const r = cli(['explore', '--url', down, '--episodes', '1', '--model', 'scripted-model', '--base-url', model.baseUrl, '--api-key-env', 'WF_EXPLORE_CLI_KEY', '--out', join(root, 'down')]);
    expect(await r.done, r.output()).toBe(1);
    expect(r.output()).toContain(`${down}: the start page could not be loaded: ${down} is unreachable: ECONNREFUSED`);
    expect(r.output()).toContain('1 exploration(s) could not start (continue with --resume once the site is up)');
  }, 120_000);
});
