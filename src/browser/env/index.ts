/** The browser runtime: a BrowserGym-style env over Playwright and Chromium, and a pool of them. */
export { BrowserEnv, type ResetTarget, type StepRecord } from './browser-env.js';
export { EnvPool, type EnvPoolOptions, type PoolResult } from './env-pool.js';
export { EnvCrashedError } from './errors.js';
export type { EpisodeBackend } from './episode-backend.js';
export type { BrowserEnvOptions, BrowserProvider } from './options.js';
