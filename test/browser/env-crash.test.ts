import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/browser/chromium.js';
import { BrowserEnv } from '../../src/browser/env/browser-env.js';
import { EnvPool } from '../../src/browser/env/env-pool.js';
import { EnvCrashedError } from '../../src/browser/env/errors.js';

import { useFixtureServers } from '../helpers/fixture-env.js';

const { site } = useFixtureServers();
const playground = () => site().url('pages/playground.html');

/** Chromium processes started by this process (Playwright spawns the browser as a direct child). */
function chromiumChildren(): Set<number> {
  const out = new Set<number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces, so split after the last ')'.
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && /chrom/i.test(comm)) out.add(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** A launcher that remembers the pid of each browser it starts. */
function trackedLaunch() {
  const pids: number[] = [];
  return {
    pids,
    launch: async () => {
      const before = chromiumChildren();
      const browser = await launchChromium();
      const started = [...chromiumChildren()].filter((p) => !before.has(p));
      expect(started).toHaveLength(1);
      pids.push(started[0]!);
      return browser;
    },
  };
}

/** One small episode on the playground: click the counter `clicks` times; returns what the page says. */
async function episode(env: BrowserEnv, clicks: number, midway?: () => Promise<void>): Promise<string> {
  let obs = await env.reset({ url: playground() });
  const button = /\[(\d+)\] button "Click me"/.exec(obs.axtree)![1]!;
  for (let i = 0; i < clicks; i++) {
    if (i === 1 && midway) await midway();
    obs = (await env.step(`click('${button}')`)).observation;
  }
  return /Clicked \d+ times/.exec(obs.axtree)![0];
}

/** Resolves when `open()` is called. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('crash detection and recovery', () => {
  it('a crashed page errors its own episode (EnvCrashedError), the pool retries it, the others run on undisturbed', async () => {
    const { launch } = trackedLaunch();
    const pool = new EnvPool({ size: 3, maxRetries: 2, launch });
    try {
      const errors: unknown[] = [];
      const results = await pool.run(['a', 'victim', 'c'], async (env, job, attempt) => {
        try {
          return await episode(env, 3, async () => {
            if (job !== 'victim' || attempt > 0) return;
            const cdp = await env.page!.context().newCDPSession(env.page!);
            // Chromium's own "kill this renderer": the page emits 'crash'.
            void cdp.send('Page.crash').catch(() => undefined);
          });
        } catch (err) {
          errors.push(err);
          throw err;
        }
      });
      expect(results.map((r) => [r.job, r.ok, r.attempts, r.ok ? r.value : String(r.error)])).toEqual([
        ['a', true, 1, 'Clicked 3 times'],
        ['victim', true, 2, 'Clicked 3 times'],
        ['c', true, 1, 'Clicked 3 times'],
      ]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(EnvCrashedError);
      expect((errors[0] as EnvCrashedError).reason).toBe('page-crashed');
      expect(pool.launches).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('killing Chromium mid-episode: episodes in flight error and are retried in a relaunched browser; finished ones keep their results', async () => {
    const tracked = trackedLaunch();
    const pool = new EnvPool({ size: 3, maxRetries: 2, launch: tracked.launch });
    const earlyDone = gate();
    const errors: { job: string; err: unknown }[] = [];
    try {
      const results = await pool.run(['early', 'victim', 'bystander', 'late'], async (env, job, attempt) => {
        try {
          if (job === 'early') {
            const v = await episode(env, 1);
            earlyDone.open();
            return v;
          }
          if (job === 'victim') {
            const kill = async () => {
              await earlyDone.opened;
              process.kill(tracked.pids[0]!, 'SIGKILL');
            };
            return await episode(env, 3, attempt === 0 ? kill : undefined);
          }
          return await episode(env, 2);
        } catch (err) {
          errors.push({ job, err });
          throw err;
        }
      });
      expect(results.every((r) => r.ok)).toBe(true);
      expect(results.map((r) => (r.ok ? r.value : ''))).toEqual(['Clicked 1 times', 'Clicked 3 times', 'Clicked 2 times', 'Clicked 2 times']);
      expect(results[0]!.attempts).toBe(1);
      expect(results[1]!.attempts).toBe(2);
      expect(errors.find((e) => e.job === 'victim')?.err).toBeInstanceOf(EnvCrashedError);
      expect(errors.every((e) => e.err instanceof EnvCrashedError && e.err.reason === 'browser-disconnected')).toBe(true);
      expect(pool.launches).toBe(2);
      expect(tracked.pids).toHaveLength(2);
    } finally {
      await pool.close();
    }
  });

  it('an env that owns its browser reports the kill, then relaunches on reset()', async () => {
    const before = chromiumChildren();
    const env = new BrowserEnv();
    try {
      await env.reset({ url: playground() });
      const pid = [...chromiumChildren()].find((p) => !before.has(p))!;
      process.kill(pid, 'SIGKILL');
      await expect(env.step('noop(0)')).rejects.toBeInstanceOf(EnvCrashedError);
      // Still errored until reset: no half-working env.
      await expect(env.step('noop(0)')).rejects.toBeInstanceOf(EnvCrashedError);
      const obs = await env.reset({ url: playground() });
      expect(obs.title).toBe('Playground');
      expect((await env.step('noop(0)')).observation.lastActionError).toBeNull();
    } finally {
      await env.close();
    }
  });

  it('a page that hangs is reported as unresponsive instead of blocking forever', async () => {
    const browser = await launchChromium();
    const env = new BrowserEnv({ browser, stepTimeoutMs: 10_000, settleTimeoutMs: 500 });
    try {
      await env.reset({ url: 'data:text/html,<title>Hang</title><button onclick="for(;;){}">Freeze</button>' });
      const err = await env.step(`click('${/\[(\d+)\] button/.exec((await env.observe()).axtree)![1]}')`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EnvCrashedError);
      expect((err as EnvCrashedError).reason).toBe('unresponsive');
    } finally {
      await env.close();
      await browser.close();
    }
  });
});
