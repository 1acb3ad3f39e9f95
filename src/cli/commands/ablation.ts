import { parseWholeNumber } from '../../core/numbers.js';
import { parseSiteList } from '../../sites/splits.js';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_NOISE } from '../../agents/scripted/plan.js';
import { InvalidInputError } from '../../core/errors.js';
import { ablationMarkdown, CONDITIONS, defaultAblationConfig, runAblation, type AblationConfig, type Condition } from '../../experiments/ablation.js';
import { parseArch } from './train.js';
import { SITES } from '../../sites/registry.js';
import { parseFraction, parseIntOption, printJson } from '../output.js';
import { episodeProgress } from '../progress.js';
import { designOptions, runDesign, type DesignOpts } from './ablation-designs.js';
import { rlDesignOptions, runRlDesign, type RlDesignOpts } from './rl-ablation.js';

type AblationOpts = {
  out: string; holdout: string; sites?: string; tasksPerSite: number; noise: number; seeds: string; epochs: number; hidden: number;
  dataSeed: number; worldSeed: number; suite: string; maxSteps: number; parallel: number; force?: boolean; json?: boolean; base?: string; arch?: string; conditions?: string;
} & DesignOpts & RlDesignOpts;

function parseConditions(s: string): Condition[] {
  const list = s.split(',').map((x) => x.trim());
  for (const c of list) if (!(CONDITIONS as readonly string[]).includes(c)) throw new InvalidInputError(`--conditions takes ${CONDITIONS.join(', ')}, got "${c}"`);
  return list as Condition[];
}

export function registerAblation(program: Command): void {
  const d = defaultAblationConfig();
  const cmd = program
    .command('ablation')
    .description('students on successes only vs successes + salvaged partials from one teacher budget, over several seeds, scored in-domain and on a held-out site beside the teacher and the random agent (--design partial, the default); --design rl and --design explore run the other studies (see --design); resumable. A flag marked "partial/explore" is ignored by --design rl, whose other settings come from its design (defaultRlAblationConfig: RL site wheelo, 8 training tasks, 2 iterations x batch 2 x G 4, ...) or its own rl: flags')
    .option('--out <dir>', 'ablation directory (partial: data/, models/, evals/, ablation.json, ablation.md; rl: its stages, rl-ablation.json, rl-ablation.md; use a new one per design)', 'runs/ablation')
    .option('--holdout <site>', 'site kept out of training entirely and scored as the held-out column (every design)', d.holdout)
    .option('--sites <ids>', 'training sites, comma-separated (partial/explore default: every site but the held-out one; rl: the sites DAgger and RL train and are scored in-domain on, default wheelo)')
    .option('--tasks-per-site <n>', 'partial/explore: teacher tasks per training site (the budget)', parseIntOption('--tasks-per-site', 1, 100_000), d.tasksPerSite)
    .option('--noise <x>', 'partial/explore: teacher error level, 0..1', parseFraction('--noise'), DEFAULT_NOISE)
    .option('--seeds <list>', 'training seeds, comma-separated (rl: the RL seeds, default 1)', d.seeds.join(','))
    .option('--epochs <n>', 'partial/explore: training epochs per student (rl: fixed at 12)', parseIntOption('--epochs', 1, 10_000), d.epochs)
    .option('--hidden <n>', 'partial/explore: hidden units of each student (rl: fixed at 64)', parseIntOption('--hidden', 1, 4096), d.hidden)
    .option('--data-seed <s>', 'partial/explore: seed of the teacher tasks and noise', parseIntOption('--data-seed'), d.dataSeed)
    .option('--world-seed <s>', 'world (inventory) seed (every design)', parseIntOption('--world-seed'), d.worldSeed)
    .option('--suite <name-or-file>', 'evaluation tasks: a suite name or a task file (every design)', d.suite)
    .option('--max-steps <n>', 'partial/explore: step budget per episode (rl: 60 for evaluation, fixed; RL rollouts use --rl-max-steps)', parseIntOption('--max-steps', 1, 1000), d.maxSteps)
    .option('--parallel <k>', 'browser contexts at once (every design)', parseIntOption('--parallel', 1, 64), 2)
    .option('--force', 'partial/explore: continue in --out even if its configuration differs (rl: ignored, an --out holding another rl configuration is refused; stages already stored are reused)')
    .option('--json', 'print the result as JSON instead of the markdown table')
    .option('--arch <name>', 'partial: the students\' action scorer, bow (default) or attn (attention over the step\'s candidates and the instruction, listing facts as numbers)')
    .option('--conditions <list>', 'partial: which students to train and score, comma-separated among successes, successes+salvaged (default both)')
    .option('--base <dir>', 'rl: the partial-trajectory ablation to start from, required by --design rl (no default; read only: its teacher data, SFT students and evaluations are reused)');
  rlDesignOptions(designOptions(cmd)).action(async (opts: AblationOpts, command: Command) => {
    // The RL design reads which flags were given on the command line, so it takes the command.
    if (opts.design === 'rl') return runRlDesign(opts, command);
      const seeds = opts.seeds.split(',').map((s) => parseWholeNumber(s.trim()) ?? Number.NaN);
      if (!seeds.length || seeds.some((s) => !Number.isInteger(s))) throw new InvalidInputError(`--seeds must be integers separated by commas, got "${opts.seeds}"`);
      const config: AblationConfig = {
        ...d, holdout: opts.holdout,
        trainingSites: opts.sites ? parseSiteList(opts.sites) : SITES.map((s) => s.id).filter((s) => s !== opts.holdout), tasksPerSite: opts.tasksPerSite, noise: opts.noise, seeds, epochs: opts.epochs, hidden: opts.hidden,
        dataSeed: opts.dataSeed, worldSeed: opts.worldSeed, suite: opts.suite, maxSteps: opts.maxSteps,
        // Absent unless given: an ablation directory made before these flags keeps its configuration.
        ...(opts.arch ? { arch: parseArch(opts.arch) } : {}),
        ...(opts.conditions ? { conditions: parseConditions(opts.conditions) } : {}),
      };
      if (opts.design !== 'partial') return runDesign(opts, config);
      let progress: ReturnType<typeof episodeProgress> | undefined;
      const t0 = performance.now();
      const result = await runAblation({
        dir: opts.out, config, parallel: opts.parallel, force: Boolean(opts.force),
        onEvent: (e) => {
          if (e.type === 'stage') {
            progress?.stop();
            progress = undefined;
            process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0)} s] ${e.label}${e.done ? ` (${e.done} of ${e.total} already done)` : ''}\n`);
            if (!e.label.startsWith('train')) progress = episodeProgress(e.total - e.done);
          } else if (e.type === 'episode') progress?.tick(e.trajectory);
          else {
            const r = e.report;
            process.stderr.write(`  epoch ${r.epoch}/${r.epochs}  loss ${r.loss.toFixed(4)}  acc ${(r.accuracy * 100).toFixed(1)}%  ${Math.round(r.examplesPerSecond)} ex/s  ETA ${Math.ceil(r.etaSeconds)}s\n`);
          }
        },
      });
      progress?.stop();
      if (opts.json) return printJson({ out: resolve(opts.out), ...result });
      process.stdout.write(`${ablationMarkdown(result)}\n\nwritten: ${resolve(opts.out, 'ablation.md')} and ablation.json (${((performance.now() - t0) / 60_000).toFixed(1)} min)\n`);
    });
}
