import { resolve } from 'node:path';
import { parseSiteList } from '../../sites/splits.js';
import type { Command } from 'commander';
import { DEFAULT_NOISE } from '../../agents/scripted/plan.js';
import { InvalidInputError } from '../../core/errors.js';
import { DEFAULT_SALVAGE } from '../../pipeline/salvage.js';
import { runDagger } from '../../rl/dagger.js';
import { runRft, type DataQuality } from '../../rl/rft.js';
import { trainingTasks } from '../../rl/training-tasks.js';
import { SITES } from '../../sites/registry.js';
import { parseFraction, parseIntOption, printJson, table } from '../output.js';
import { episodeProgress } from '../progress.js';
import { loadRows } from './train.js';

type TaskFlags = { sites?: string; tasks: number; taskSeed: number; worldSeed: number };

function tasksFrom(o: TaskFlags) {
  const sites = o.sites ? parseSiteList(o.sites) : SITES.map((s) => s.id);
  return trainingTasks({ sites, perSite: o.tasks, seed: o.taskSeed, worldSeed: o.worldSeed });
}

function taskFlags(c: Command): Command {
  return c
    .option('--sites <ids>', 'training sites, comma-separated (default: all); leave a held-out site out here')
    .option('--tasks <n>', 'training tasks per site (train split, generated; never a test suite task)', parseIntOption('--tasks', 1, 100_000), 8)
    .option('--task-seed <s>', 'seed of the generated training tasks', parseIntOption('--task-seed'), 1)
    .option('--world-seed <s>', 'world (inventory) seed', parseIntOption('--world-seed'), 1);
}

const q = (name: string, d: DataQuality): (string | number)[] => [name, d.tasks, d.sr.toFixed(2), d.csr.toFixed(2), `${d.rows.success} / ${d.rows.salvaged}`, d.steps];

export function registerRft(program: Command): void {
  const rft = program
    .command('rft')
    .description('rejection-sampling fine-tuning: N teacher rollouts per training task, the best kept by the exact evaluator (success, then CSR, then fewer steps), SFT on the kept rows; resumable');
  taskFlags(rft)
    .requiredOption('--out <dir>', 'run directory: every rollout under samples/, rows.jsonl (kept rows), model/ (the student), report.json')
    .option('--n <n>', 'rollouts per task (best of N); may be raised on --resume', parseIntOption('--n', 1, 256), 4)
    .option('--teacher <name>', 'the teacher rolled out; only the scripted teacher for now', 'scripted')
    .option('--noise <x>', 'teacher error level, 0..1', parseFraction('--noise'), DEFAULT_NOISE)
    .option('--seed <s>', 'episode seeds of the samples (sample k uses seed*1000+k)', parseIntOption('--seed'), 1)
    .option('--max-steps <n>', 'step limit per episode', parseIntOption('--max-steps', 1, 1000), 60)
    .option('--min-csr <x>', 'salvage: least best-CSR of a kept partial', parseFraction('--min-csr'), DEFAULT_SALVAGE.minCsr)
    .option('--min-kept <n>', 'salvage: least satisfied constraints besides the booking', parseIntOption('--min-kept', 0, 20), DEFAULT_SALVAGE.minKept)
    .option('--epochs <n>', 'epochs of SFT on the kept rows', parseIntOption('--epochs', 1, 10_000), 12)
    .option('--hidden <n>', 'hidden units of the student', parseIntOption('--hidden', 1, 4096), 64)
    .option('--train-seed <s>', 'SFT seed (initial weights, shuffling)', parseIntOption('--train-seed'), 1)
    .option('--parallel <k>', 'episodes at once', parseIntOption('--parallel', 1, 64), 2)
    .option('--resume', 'continue the run in --out')
    .option('--json', 'print the report as JSON instead of the table')
    .action(async (opts: TaskFlags & { out: string; n: number; teacher: string; noise: number; seed: number; maxSteps: number; minCsr: number; minKept: number; epochs: number; hidden: number; trainSeed: number; parallel: number; resume?: boolean; json?: boolean }) => {
      if (opts.teacher !== 'scripted') throw new InvalidInputError(`RFT rolls out the scripted teacher; got "${opts.teacher}"`, { hint: 'an LLM teacher is not wired into rft yet: use `generate --teacher llm` several times with different seeds' });
      let progress: ReturnType<typeof episodeProgress> | undefined;
      const report = await runRft({
        dir: opts.out, parallel: opts.parallel, resume: Boolean(opts.resume), tasks: opts.resume ? [] : tasksFrom(opts),
        config: {
          schemaVersion: 1, n: opts.n, teacher: opts.teacher, noise: opts.noise, seed: opts.seed, worldSeed: opts.worldSeed, maxSteps: opts.maxSteps,
          salvage: { minCsr: opts.minCsr, minKept: opts.minKept, requireBooking: false }, epochs: opts.epochs, hidden: opts.hidden, trainSeed: opts.trainSeed,
        },
        onEvent: (e) => {
          if (e.type === 'sample') {
            progress?.stop();
            process.stderr.write(`sample ${e.k + 1}/${e.n}: ${e.done} of ${e.total} tasks already done\n`);
            progress = episodeProgress(e.total - e.done);
          } else if (e.type === 'episode') progress?.tick(e.trajectory);
          else {
            progress?.stop();
            progress = undefined;
            process.stderr.write(`epoch ${e.report.epoch}/${e.report.epochs}  loss ${e.report.loss.toFixed(4)}  acc ${(e.report.accuracy * 100).toFixed(1)}%\n`);
          }
        },
      });
      progress?.stop();
      if (opts.json) return printJson({ out: resolve(opts.out), ...report });
      process.stdout.write(
        `${table(['data', 'tasks', 'SR', 'CSR', 'rows success/salvaged', 'steps'], [q('one rollout per task', report.single), q(`best of ${report.config.n}`, report.best)])}\n` +
          `${report.episodes} teacher episodes in ${report.seconds.rollouts.toFixed(0)} s; SFT ${report.seconds.train.toFixed(0)} s, train accuracy ${(report.training.trainAccuracy * 100).toFixed(1)}%\n` +
          `model: ${resolve(opts.out, 'model')}\n`,
      );
    });

  const dagger = program
    .command('dagger')
    .description('DAgger: roll out the student on training tasks, the scripted teacher (noise 0) labels every page the student reached, aggregate with the SFT data, retrain; K rounds, resumable');
  taskFlags(dagger)
    .requiredOption('--init <dir>', 'the student to start from (from `train`)')
    .requiredOption('--data <path>', 'the rows it was trained on (run directory or rows .jsonl): the start of the aggregate')
    .requiredOption('--out <dir>', 'run directory: rounds/<k>/states.jsonl and model/, the final student in model/, report.json')
    .option('--rounds <k>', 'DAgger rounds (each: roll the student out, label, aggregate, retrain)', parseIntOption('--rounds', 1, 100), 2)
    .option('--beta <x>', 'probability that the teacher\'s action is executed instead of the student\'s (0: pure student rollouts)', parseFraction('--beta'), 0)
    .option('--seed <s>', 'seed (episodes, β draws, retraining)', parseIntOption('--seed'), 1)
    .option('--max-steps <n>', 'step limit per episode', parseIntOption('--max-steps', 1, 1000), 40)
    .option('--epochs <n>', 'retraining epochs per round', parseIntOption('--epochs', 1, 10_000), 8)
    .option('--hidden <n>', 'hidden units of the student', parseIntOption('--hidden', 1, 4096), 64)
    .option('--exclude-sites <ids>', 'leave the rows of these sites out of the aggregate, e.g. the held-out site (default: none)')
    .option('--parallel <k>', 'episodes at once', parseIntOption('--parallel', 1, 64), 2)
    .option('--resume', 'continue the run in --out')
    .option('--json', 'print the rounds as JSON instead of the table')
    .action(async (opts: TaskFlags & { init: string; data: string; out: string; rounds: number; beta: number; seed: number; maxSteps: number; epochs: number; hidden: number; excludeSites?: string; parallel: number; resume?: boolean; json?: boolean }) => {
      const excluded = new Set(opts.excludeSites ? parseSiteList(opts.excludeSites) : []);
      const rows = loadRows(opts.data).filter((r) => !excluded.has(r.task.site));
      let progress: ReturnType<typeof episodeProgress> | undefined;
      const tasks = tasksFrom(opts);
      const r = await runDagger({
        dir: opts.out, init: opts.init, rows, tasks, parallel: opts.parallel, resume: Boolean(opts.resume),
        config: { schemaVersion: 1, rounds: opts.rounds, beta: opts.beta, seed: opts.seed, worldSeed: opts.worldSeed, maxSteps: opts.maxSteps, epochs: opts.epochs, hidden: opts.hidden },
        onEvent: (e) => {
          if (e.type === 'round') {
            process.stderr.write(`round ${e.round}/${e.rounds}: student rollouts\n`);
            progress = episodeProgress(tasks.length);
          } else if (e.type === 'episode') progress?.tick(e.trajectory);
          else {
            progress?.stop();
            process.stderr.write(`epoch ${e.report.epoch}/${e.report.epochs}  loss ${e.report.loss.toFixed(4)}  acc ${(e.report.accuracy * 100).toFixed(1)}%\n`);
          }
        },
      });
      progress?.stop();
      if (opts.json) return printJson({ out: resolve(opts.out), ...r });
      process.stdout.write(
        `${table(['round', 'episodes', 'student SR', 'student CSR', 'teacher disagrees', 'new states', 'aggregate', 'browser s', 'train s'], r.rounds.map((x) => [x.round, x.episodes, x.sr.toFixed(2), x.csr.toFixed(2), `${(x.disagreement * 100).toFixed(0)}%`, x.newStates, x.aggregate, x.seconds.rollouts.toFixed(0), x.seconds.train.toFixed(0)]))}\n` +
          `model: ${resolve(r.model)}\n`,
      );
    });
}
