import type { Browser } from 'playwright-core';
import { BrowserEnv } from '../browser/env/browser-env.js';
import { EnvPool } from '../browser/env/env-pool.js';
import type { BrowserEnvOptions } from '../browser/env/options.js';

/**
 * At most `size` browser envs over one shared Chromium, lent one at a time to whoever asks (a
 * queue worker's jobs, an env server's episodes), rather than handed a fixed list of jobs as
 * EnvPool.run is. Envs are kept by the options they were made with (`key`), so an episode on
 * the same site server and observation mode reuses a warm context. The shared browser is
 * EnvPool's: started on first use, relaunched once for all when it dies.
 */
export class EnvLeases {
  private readonly pool: EnvPool;
  private readonly idle = new Map<string, BrowserEnv[]>();
  private busy = 0;

  constructor(
    readonly size: number,
    launch?: () => Promise<Browser>,
  ) {
    this.pool = new EnvPool({ size, ...(launch ? { launch } : {}) });
  }

  get inUse(): number {
    return this.busy;
  }

  /** An env made with `options` (reused when one is idle), or undefined when all `size` are lent. */
  async acquire(key: string, options: Omit<BrowserEnvOptions, 'browser'>): Promise<BrowserEnv | undefined> {
    if (this.busy >= this.size) return undefined;
    this.busy++;
    const reuse = this.idle.get(key)?.pop();
    if (reuse) return reuse;
    // Room for a new one: close an idle env made for other options if all slots hold one.
    if (this.busy + this.idleCount() > this.size) {
      for (const list of this.idle.values()) {
        const old = list.pop();
        if (old) {
          await old.close().catch(() => undefined);
          break;
        }
      }
    }
    return new BrowserEnv({ ...options, browser: this.pool.liveBrowser });
  }

  /** Gives an env back; a broken one (its episode crashed or was abandoned mid-step) is closed instead. */
  async release(key: string, env: BrowserEnv, broken = false): Promise<void> {
    this.busy--;
    if (broken) {
      await env.close().catch(() => undefined);
      return;
    }
    const list = this.idle.get(key) ?? [];
    list.push(env);
    this.idle.set(key, list);
  }

  async close(): Promise<void> {
    const all = [...this.idle.values()].flat();
    this.idle.clear();
    await Promise.all(all.map((e) => e.close().catch(() => undefined)));
    await this.pool.close();
  }

  private idleCount(): number {
    let n = 0;
    for (const l of this.idle.values()) n += l.length;
    return n;
  }
}
