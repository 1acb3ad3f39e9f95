import { resolve } from 'node:path';
import type { Command } from 'commander';
import { parseWholeNumber } from '../../core/numbers.js';
import { InvalidInputError } from '../../core/errors.js';
import { defaultRlAblationConfig, rlAblationMarkdown, runRlAblation, type RlAblationConfig } from '../../experiments/rl-ablation.js';
import { parseIntOption, printJson } from '../output.js';
import { episodeProgress } from '../progress.js';

/** The options of `webfoundry ablation` the RL design reads (the others belong to the partial-trajectory design). */
export type RlDesignOpts = {
  out: string; base?: string; holdout: string; sites?: string; seeds: string; suite: string; worldSeed: number; parallel: number; json?: boolean;
  algos?: string; rewards?: string; rlMaxSteps?: number; rlIterations?: number; rlBatch?: number; rlGroup?: number;
};

const ALGOS = ['grpo', 'dapo', 'dupo'] as const;
const REWARDS = ['csr', 'sr', 'csr+sr'] as const;

/** The RL design's own flags on `webfoundry ablation` (read only with --design rl). */
export function rlDesignOptions(cmd: Command): Command {
  const d = defaultRlAblationConfig('.').rl;
  return cmd
    .option('--algos <list>', `rl: RL algorithms of the RL arms, comma-separated (${ALGOS.join(', ')}) (default: "${d.algos.join(',')}")`)
    .option('--rewards <list>', `rl: rewards of the RL arms, comma-separated (${REWARDS.join(', ')}) (default: "${d.rewards.join(',')}")`)
    .option('--rl-max-steps <n>', `rl: step limit of an RL rollout (evaluation uses --max-steps) (default: ${d.maxSteps})`, parseIntOption('--rl-max-steps', 1, 1000))
    .option('--rl-iterations <n>', `rl: RL iterations per arm (default: ${d.iterations})`, parseIntOption('--rl-iterations', 1, 10_000))
    .option('--rl-batch <n>', `rl: tasks per RL iteration (default: ${d.batch})`, parseIntOption('--rl-batch', 1, 10_000))
    .option('--rl-group <n>', `rl: rollouts per task in a group, G (default: ${d.group})`, parseIntOption('--rl-group', 1, 1000));
}

function parseList<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (!items.length || bad.length) throw new InvalidInputError(`${flag} takes ${allowed.join(', ')} separated by commas, got "${value}"`);
  return items as T[];
}

/** The RL design's configuration: the defaults, with what the command line gave (`given` says which flags it did). */
export function rlDesignConfig(opts: RlDesignOpts & { base: string }, given: (name: string) => boolean): RlAblationConfig {
  const d = defaultRlAblationConfig(opts.base);
  const seeds = opts.seeds.split(',').map((s) => parseWholeNumber(s.trim()) ?? Number.NaN);
  if (seeds.some((s) => !Number.isInteger(s))) throw new InvalidInputError(`--seeds must be integers separated by commas, got "${opts.seeds}"`);
  const config: RlAblationConfig = {
    ...d,
    ...(given('sites') && opts.sites ? { sites: opts.sites.split(',').map((s) => s.trim()) } : {}),
    ...(given('holdout') ? { holdout: opts.holdout } : {}),
    ...(given('suite') ? { suite: opts.suite } : {}),
    ...(given('worldSeed') ? { worldSeed: opts.worldSeed } : {}),
    rl: {
      ...d.rl,
      ...(given('seeds') ? { seeds } : {}),
      ...(opts.algos !== undefined ? { algos: parseList('--algos', opts.algos, ALGOS) } : {}),
      ...(opts.rewards !== undefined ? { rewards: parseList('--rewards', opts.rewards, REWARDS) } : {}),
      ...(opts.rlIterations !== undefined ? { iterations: opts.rlIterations } : {}),
      ...(opts.rlBatch !== undefined ? { batch: opts.rlBatch } : {}),
      ...(opts.rlGroup !== undefined ? { group: opts.rlGroup } : {}),
      ...(opts.rlMaxSteps !== undefined ? { maxSteps: opts.rlMaxSteps } : {}),
    },
  };
  return config;
}

/**
 * `webfoundry ablation --design rl --base DIR`: SFT -> +DAgger -> +RL (GRPO/DAPO/DUPO x reward
 * CSR/SR) and RFT vs SFT at equal rows, from the students of the partial-trajectory ablation in
 * --base (read only). Only flags given on the command line override the design's defaults.
 */
export async function runRlDesign(opts: RlDesignOpts, cmd: Command): Promise<void> {
  if (!opts.base) throw new InvalidInputError('--design rl needs --base <dir>: a partial-trajectory ablation (its teacher data and students are the SFT start)');
  const config = rlDesignConfig({ ...opts, base: opts.base }, (name) => cmd.getOptionValueSource(name) === 'cli');
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
