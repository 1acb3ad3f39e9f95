import { resolve } from 'node:path';
import { parseSiteList } from '../../sites/splits.js';
import { Option, type Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { InvalidInputError } from '../../core/errors.js';
import { ALGOS, algoPreset, REWARDS, rewardPreset, RL_SCHEMA_VERSION, type Algo, type RewardKind, type RlConfig } from '../../rl/config.js';
import { timeSplit, type IterationStats } from '../../rl/iteration-stats.js';
import { readConfig } from '../../rl/rl-store.js';
import { runRl } from '../../rl/run-rl.js';
import { trainingTasks } from '../../rl/training-tasks.js';
import { SITES } from '../../sites/registry.js';
import { parseIntOption, printJson, table } from '../output.js';

type RlOpts = {
  init: string; out: string; algo: string; reward: string; sites?: string; tasks: number; taskSeed: number; worldSeed: number; seed: number;
  iterations: number; batch: number; group: number; temperature: string; maxSteps: number; lr: string; ppoEpochs: number; minibatch: number; maxGradNorm: string;
  kl: string; stdNorm: boolean; clipLow?: string; clipHigh?: string; lossAgg?: string; fill?: string; maxExtraRounds?: number; overlongBuffer?: number; overlongPenalty?: string;
  maskTruncated?: boolean; stepPenalty: string; parallel: number; resume?: boolean; json?: boolean;
};

const num = (name: string, v: string, min = 0): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) throw new InvalidInputError(`${name} must be a number >= ${min}, got "${v}"`);
  return n;
};

/** The flags -> a run configuration: the algorithm's preset, then every explicit switch over it. */
function configFrom(o: RlOpts): RlConfig {
  if (!(ALGOS as readonly string[]).includes(o.algo)) throw new InvalidInputError(`--algo must be one of ${ALGOS.join(', ')}, got "${o.algo}"`);
  if (!(REWARDS as readonly string[]).includes(o.reward)) throw new InvalidInputError(`--reward must be one of ${REWARDS.join(', ')}, got "${o.reward}"`);
  const algo = algoPreset(o.algo as Algo);
  const reward = rewardPreset(o.algo as Algo, o.reward as RewardKind, o.maxSteps);
  if (o.clipLow !== undefined) algo.clipLow = num('--clip-low', o.clipLow);
  algo.clipHigh = o.clipHigh !== undefined ? num('--clip-high', o.clipHigh) : o.clipLow !== undefined && o.algo === 'grpo' ? algo.clipLow : algo.clipHigh;
  if (o.lossAgg !== undefined) algo.lossAgg = o.lossAgg as 'token' | 'trajectory';
  if (o.fill !== undefined) algo.fill = o.fill as RlConfig['algo']['fill'];
  if (o.maxExtraRounds !== undefined) algo.maxExtraRounds = o.maxExtraRounds;
  if (o.maskTruncated) algo.maskTruncated = true;
  algo.stdNorm = o.stdNorm;
  algo.klCoef = num('--kl', o.kl);
  if (o.overlongBuffer !== undefined) reward.overlongBuffer = o.overlongBuffer;
  if (o.overlongPenalty !== undefined) reward.overlongPenalty = num('--overlong-penalty', o.overlongPenalty);
  reward.stepPenalty = num('--step-penalty', o.stepPenalty);
  const sites = o.sites ? parseSiteList(o.sites) : SITES.map((s) => s.id);
  return {
    schemaVersion: RL_SCHEMA_VERSION, init: resolve(o.init),
    tasks: { source: `generated: train split, sites ${sites.join(',')}, ${o.tasks} per site, seed ${o.taskSeed}`, count: sites.length * o.tasks, ids: [] },
    worldSeed: o.worldSeed, seed: o.seed, iterations: o.iterations, batch: o.batch, group: o.group, temperature: num('--temperature', o.temperature, 1e-6),
    maxSteps: o.maxSteps, reward, algo, learningRate: num('--lr', o.lr, 1e-12), ppoEpochs: o.ppoEpochs, minibatch: o.minibatch, maxGradNorm: num('--max-grad-norm', o.maxGradNorm, 1e-12),
  };
}

/** "78/20": the browser's and the learner's share of an iteration's wall time, in percent. */
function splitText(s: IterationStats): string {
  const t = timeSplit(s.seconds);
  return `${Math.round(t.browser * 100)}/${Math.round(t.learner * 100)}`;
}

export function iterationTable(its: readonly IterationStats[]): string {
  return table(
    ['iter', 'rollouts', 'reward', 'SR', 'CSR', 'steps', 'groups kept/sampled', 'dup', 'entropy', 'clip', 'KL', 'browser s', 'update s', 'browser/learner %'],
    its.map((s) => [
      s.iteration, s.rollouts, `${s.reward.mean.toFixed(3)} ± ${s.reward.sd.toFixed(3)}`, s.sr.toFixed(2), s.csr.toFixed(2), s.meanSteps.toFixed(1),
      `${s.groups.inBatch - s.groups.duplicated}/${s.groups.sampled}`, s.groups.duplicated, s.entropy.toFixed(2), s.update.clipFraction.toFixed(2), s.update.kl.toFixed(4),
      s.seconds.rollouts.toFixed(0), s.seconds.update.toFixed(1), splitText(s),
    ]),
  );
}

export function registerRl(program: Command): void {
  program
    .command('rl')
    .description('on-policy RL of a trained student on generated training tasks (never the test suite): groups of sampled rollouts in real Chromium, rewards from the exact evaluator, GRPO / DAPO / DUPO updates; resumable')
    .requiredOption('--init <dir>', 'the student to start from (from `train`); also the KL reference')
    .requiredOption('--out <dir>', 'run directory: the latest policy at its top (usable as --agent student:DIR), every iteration\'s rollouts, weights and optimizer state under iterations/')
    .addOption(new Option('--algo <name>', 'grpo: group-normalized advantages, symmetric clip, per-trajectory loss, every group kept; dapo: clip-higher, dynamic sampling, token-level loss, overlong shaping; dupo: dapo but dropped groups are filled by duplicating informative ones (no extra rollouts)').choices([...ALGOS]).default('grpo'))
    .addOption(new Option('--reward <kind>', 'trajectory reward: csr = final constraint satisfaction rate (dense), sr = 1 for a success else 0, csr+sr = their mean').choices([...REWARDS]).default('csr'))
    .option('--sites <ids>', 'training sites, comma-separated (default: all); leave a held-out site out here', undefined)
    .option('--tasks <n>', 'training tasks per site (train split, generated)', parseIntOption('--tasks', 1, 100_000), 8)
    .option('--task-seed <s>', 'seed of the generated training tasks', parseIntOption('--task-seed'), 1)
    .option('--world-seed <s>', 'world (inventory) seed', parseIntOption('--world-seed'), 1)
    .option('--seed <s>', 'run seed: task order, sampling, minibatches, DUPO duplication', parseIntOption('--seed'), 1)
    .option('--iterations <n>', 'policy updates (each samples a fresh batch); may be raised on --resume', parseIntOption('--iterations', 1, 100_000), 10)
    .option('--batch <n>', 'groups (tasks) per iteration', parseIntOption('--batch', 1, 10_000), 4)
    .option('--group <n>', 'G: rollouts per task', parseIntOption('--group', 1, 256), 8)
    .option('--temperature <t>', 'sampling temperature of the rollouts (and of the log-probs trained on)', '1')
    .option('--max-steps <n>', 'step limit per episode', parseIntOption('--max-steps', 1, 1000), 40)
    .option('--lr <x>', 'learning rate of Adam', '0.001')
    .option('--ppo-epochs <n>', 'PPO epochs: passes over each iteration\'s batch, the old log-probs staying those of sampling', parseIntOption('--ppo-epochs', 1, 100), 2)
    .option('--minibatch <n>', 'trajectories per optimizer step', parseIntOption('--minibatch', 1, 100_000), 16)
    .option('--max-grad-norm <x>', 'clip the gradient of each optimizer step to this global L2 norm', '1')
    .option('--kl <beta>', 'weight of the k3 KL estimate to the initial policy (0: no KL term)', '0')
    .option('--no-std-norm', 'Dr. GRPO: advantages are reward minus the group mean, not divided by the group standard deviation (default: divided)')
    .option('--clip-low <eps>', 'ε_low of the clipped ratio: the ratio of a decision with a negative advantage is not pushed below 1 - ε_low (default 0.2)')
    .option('--clip-high <eps>', 'ε_high: the ratio of a decision with a positive advantage is not pushed above 1 + ε_high (default: 0.28 for dapo/dupo, clip-higher; for grpo equal to --clip-low, 0.2); set it equal to --clip-low to turn clip-higher off')
    .addOption(new Option('--loss-agg <mode>', 'token: every decision of the minibatch weighs the same; trajectory: each trajectory weighs the same, its decisions share its weight (default: token for dapo/dupo, trajectory for grpo)').choices(['token', 'trajectory']))
    .addOption(new Option('--fill <how>', 'groups whose rewards all agree (no learning signal): none = keep them with zero advantage, resample = dynamic sampling (drop them and sample new groups until the batch is full), duplicate = drop them and copy informative groups of the same batch into their slots (default: none for grpo, resample for dapo, duplicate for dupo)').choices(['none', 'resample', 'duplicate']))
    .option('--max-extra-rounds <n>', 'dynamic sampling (--fill resample): extra generation rounds of --batch groups allowed per iteration before training on a short batch (default 3)', parseIntOption('--max-extra-rounds', 0, 100))
    .option('--overlong-buffer <n>', 'soft overlong punishment: the penalty grows linearly over the last n steps before --max-steps (0: off; default: a quarter of --max-steps for dapo/dupo, 0 for grpo)', parseIntOption('--overlong-buffer', 0, 1000))
    .option('--overlong-penalty <x>', 'the overlong penalty reached at the step limit, and given to an episode cut there (default: 0.5 for dapo/dupo, 0 for grpo)')
    .option('--mask-truncated', 'leave episodes cut at the step limit out of the loss (DAPO\'s overlong filtering; default off)')
    .option('--step-penalty <x>', 'a length penalty: the reward loses x * steps / --max-steps', '0')
    .option('--parallel <k>', 'browser contexts at once', parseIntOption('--parallel', 1, 64), 2)
    .option('--resume', 'continue the run in --out (after a kill: the same result as an uninterrupted run)')
    .option('--json', 'print the configuration and every iteration\'s statistics as JSON at the end instead of the table')
    .action(async (opts: RlOpts) => {
      const prev = readConfig(opts.out);
      let config = configFrom(opts);
      let tasks: ReturnType<typeof trainingTasks> = [];
      if (prev && opts.resume) config = { ...prev, iterations: opts.iterations };
      else {
        const sites = opts.sites ? parseSiteList(opts.sites) : SITES.map((s) => s.id);
        tasks = trainingTasks({ sites, perSite: opts.tasks, seed: opts.taskSeed, worldSeed: opts.worldSeed });
        config = { ...config, tasks: { ...config.tasks, count: tasks.length, ids: tasks.map((t) => t.id) } };
      }
      const bar = new SingleBar({ format: 'iter {iter}/{iters} rollouts {bar} {value}/{total} | reward {reward} | SR {sr} CSR {csr} | kept {kept} | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, etaBuffer: 50 });
      const tty = process.stderr.isTTY;
      let total = 0;
      let last = { reward: '-', sr: '-', csr: '-', kept: '-' };
      const result = await runRl({
        dir: opts.out, config, tasks, parallel: opts.parallel, resume: Boolean(opts.resume),
        onEvent: (e) => {
          if (e.type === 'start') {
            if (e.done) process.stderr.write(`resuming: ${e.done} of ${e.iterations} iterations done\n`);
            total = e.iterations;
          } else if (e.type === 'round') {
            if (tty) {
              bar.stop();
              bar.start(e.rollouts, e.stored, { iter: e.iteration, iters: total, ...last });
            }
          } else if (e.type === 'rollout') {
            if (tty) bar.increment(1, { iter: e.iteration, iters: total, ...last });
          } else {
            const s = e.stats;
            last = { reward: s.reward.mean.toFixed(3), sr: s.sr.toFixed(2), csr: s.csr.toFixed(2), kept: `${s.groups.inBatch - s.groups.duplicated}/${s.groups.sampled}` };
            if (tty) bar.stop();
            process.stderr.write(`iteration ${s.iteration}/${total}: reward ${last.reward}, SR ${last.sr}, CSR ${last.csr}, groups kept ${last.kept}${s.groups.duplicated ? ` (+${s.groups.duplicated} duplicated)` : ''}, entropy ${s.entropy.toFixed(2)}, ${s.seconds.total.toFixed(0)} s (browser/learner ${splitText(s)} %)\n`);
          }
        },
      });
      if (opts.json) return printJson({ out: resolve(opts.out), config: result.config, iterations: result.iterations });
      process.stdout.write(`${iterationTable(result.iterations)}\npolicy: ${resolve(opts.out)} (use --agent student:${opts.out})\n`);
    });
}
