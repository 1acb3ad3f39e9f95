import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.js';
import type { AblationConfig } from '../../experiments/ablation.js';
import { defaultExploreAblationConfig, exploreAblationMarkdown, runExploreAblation } from '../../experiments/explore-ablation.js';
import { parseIntOption, printJson } from '../output.js';
import { countProgress, episodeProgress } from '../progress.js';

/** The options every design reads; each design adds its own below. */
export type DesignOpts = { design: string; out: string; parallel: number; force?: boolean; json?: boolean; teacherFrom?: string; exploredPerSite?: number; exploreSeed?: number };

type DesignRun = (opts: DesignOpts, base: AblationConfig) => Promise<void>;

/**
 * Experiments `webfoundry ablation --design NAME` runs besides the partial-trajectory ablation
 * (the default, `partial`). Each takes the partial ablation's design as its base.
 */
const DESIGNS: Record<string, { run: DesignRun; about: string }> = {
  explore: { run: runExploreDesign, about: 'students on explored data vs teacher data vs half of each at the same browser budget' },
};

export function designOptions(cmd: Command): Command {
  return cmd
    .option('--design <name>', `partial (successes vs + salvaged) | rl (SFT -> +DAgger -> +RL with GRPO/DAPO/DUPO x reward CSR/SR, and RFT vs SFT at equal rows, from --base) | ${Object.entries(DESIGNS).map(([k, v]) => `${k} (${v.about})`).join(' | ')}`, 'partial')
    .option('--teacher-from <dir>', 'explore: reuse the teacher run, teacher-only students and baselines of this partial ablation (read only; same design; default: none, they are made in --out)')
    .option('--explored-per-site <n>', 'explore: explorations per site for explored-only (default: --tasks-per-site, the same budget)', parseIntOption('--explored-per-site', 1, 100_000))
    .option('--explore-seed <s>', 'explore: seed of the first half of the explorations, the second uses the next (default: --data-seed)', parseIntOption('--explore-seed'));
}

export async function runDesign(opts: DesignOpts, base: AblationConfig): Promise<void> {
  const design = DESIGNS[opts.design];
  if (!design) throw new InvalidInputError(`unknown --design "${opts.design}"`, { hint: `designs: partial, ${Object.keys(DESIGNS).join(', ')}` });
  await design.run(opts, base);
}

async function runExploreDesign(opts: DesignOpts, base: AblationConfig): Promise<void> {
  const d = defaultExploreAblationConfig(base);
  const config = { ...d, teacherFrom: opts.teacherFrom ? resolve(opts.teacherFrom) : null, exploredPerSite: opts.exploredPerSite ?? d.exploredPerSite, exploreSeed: opts.exploreSeed ?? d.exploreSeed };
  const t0 = performance.now();
  let episodes: ReturnType<typeof episodeProgress> | undefined;
  let explorations: { bar: ReturnType<typeof countProgress>; done: number } | undefined;
  const stop = (): void => {
    episodes?.stop();
    explorations?.bar.stop();
    episodes = explorations = undefined;
  };
  const result = await runExploreAblation({
    dir: opts.out, config, parallel: opts.parallel, force: Boolean(opts.force),
    onEvent: (e) => {
      if (e.type === 'stage') {
        stop();
        process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0)} s] ${e.label}${e.done ? ` (${e.done} of ${e.total} already done)` : ''}\n`);
        if (e.label.startsWith('explore')) explorations = { bar: countProgress('explorations', e.total - e.done), done: 0 };
        else if (!e.label.startsWith('train')) episodes = episodeProgress(e.total - e.done);
      } else if (e.type === 'episode') episodes?.tick(e.trajectory);
      else if (e.type === 'exploration') explorations?.bar.update(++explorations.done, explorations.done);
      else process.stderr.write(`  epoch ${e.report.epoch}/${e.report.epochs}  loss ${e.report.loss.toFixed(4)}  acc ${(e.report.accuracy * 100).toFixed(1)}%\n`);
    },
  });
  stop();
  if (opts.json) return printJson({ out: resolve(opts.out), ...result });
  process.stdout.write(`${exploreAblationMarkdown(result)}\n\nwritten: ${resolve(opts.out, 'explore-ablation.md')} and explore-ablation.json (${((performance.now() - t0) / 60_000).toFixed(1)} min)\n`);
}
