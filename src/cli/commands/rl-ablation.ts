import { resolve } from 'node:path';
import type { Command } from 'commander';
import { parseWholeNumber } from '../../core/numbers.js';
import { InvalidInputError } from '../../core/errors.js';
import { defaultRlAblationConfig, rlAblationMarkdown, runRlAblation, type RlAblationConfig } from '../../experiments/rl-ablation.js';
import { printJson } from '../output.js';
import { episodeProgress } from '../progress.js';

/** The options of `webfoundry ablation` the RL design reads (the others belong to the partial-trajectory design). */
export type RlDesignOpts = { out: string; base?: string; holdout: string; sites?: string; seeds: string; suite: string; worldSeed: number; parallel: number; json?: boolean };

/**
 * `webfoundry ablation --design rl --base DIR`: SFT -> +DAgger -> +RL (GRPO/DAPO/DUPO x reward
 * CSR/SR) and RFT vs SFT at equal rows, from the students of the partial-trajectory ablation in
 * --base (read only). Only flags given on the command line override the design's defaults.
 */
export async function runRlDesign(opts: RlDesignOpts, cmd: Command): Promise<void> {
  if (!opts.base) throw new InvalidInputError('--design rl needs --base <dir>: a partial-trajectory ablation (its teacher data and students are the SFT start)');
  const d = defaultRlAblationConfig(opts.base);
  const given = (name: string) => cmd.getOptionValueSource(name) === 'cli';
  const seeds = opts.seeds.split(',').map((s) => parseWholeNumber(s.trim()) ?? Number.NaN);
  if (seeds.some((s) => !Number.isInteger(s))) throw new InvalidInputError(`--seeds must be integers separated by commas, got "${opts.seeds}"`);
  const config: RlAblationConfig = {
    ...d,
    ...(given('sites') && opts.sites ? { sites: opts.sites.split(',').map((s) => s.trim()) } : {}),
    ...(given('holdout') ? { holdout: opts.holdout } : {}),
    ...(given('suite') ? { suite: opts.suite } : {}),
    ...(given('worldSeed') ? { worldSeed: opts.worldSeed } : {}),
    rl: { ...d.rl, ...(given('seeds') ? { seeds } : {}) },
  };
  const t0 = performance.now();
  let progress: ReturnType<typeof episodeProgress> | undefined;
  const result = await runRlAblation({
    dir: opts.out, config, parallel: opts.parallel,
    onEvent: (e) => {
      if (e.type === 'stage') {
        progress?.stop();
        process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0)} s] ${e.label}\n`);
        progress = episodeProgress(e.total - e.done);
      } else if (e.type === 'episode') progress?.tick(e.trajectory);
      else process.stderr.write(`${e.text}\n`);
    },
  });
  progress?.stop();
  if (opts.json) return printJson({ out: resolve(opts.out), ...result });
  process.stdout.write(`${rlAblationMarkdown(result)}\n\nwritten: ${resolve(opts.out, 'rl-ablation.md')} and rl-ablation.json (${((performance.now() - t0) / 60_000).toFixed(1)} min)\n`);
}
