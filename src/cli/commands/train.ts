import { parseDecimal } from '../../core/numbers.js';
import { parseSiteList } from '../../sites/splits.js';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { DatasetRow } from '../../core/schemas/dataset.js';
import { InvalidInputError } from '../../core/errors.js';
import { RunStore } from '../../pipeline/run-store.js';
import { readRowsJsonl } from '../../student/dataset.js';
import { ARCHS, type Arch } from '../../student/model.js';
import { saveStudent } from '../../student/save-load.js';
import { trainStudent } from '../../student/train.js';
import { parseIntOption, printJson } from '../output.js';

type TrainOpts = { data: string; out: string; epochs: number; seed: number; val: string; hidden: number; arch: string; successesOnly?: boolean; excludeSites?: string; json?: boolean };

/** A run directory (run.sqlite), an export directory holding a .jsonl of rows, or the rows .jsonl itself. */
export function loadRows(data: string): DatasetRow[] {
  if (!existsSync(data)) throw new InvalidInputError(`${data} does not exist`);
  if (statSync(data).isFile()) return readRowsJsonl(data);
  if (RunStore.exists(data)) {
    const store = RunStore.open(data, { versions: RunStore.versions() });
    try {
      return store.rows();
    } finally {
      store.close();
    }
  }
  const jsonl = join(data, 'webfoundry_rows.jsonl');
  if (existsSync(jsonl)) return readRowsJsonl(jsonl);
  throw new InvalidInputError(`${data} is neither a run directory nor a rows .jsonl`, { hint: 'pass runs/NAME (from generate) or an `export --format jsonl` file' });
}

/** --arch's value, checked. */
export function parseArch(s: string): Arch {
  if (!(ARCHS as readonly string[]).includes(s)) throw new InvalidInputError(`--arch must be one of ${ARCHS.join(', ')}, got "${s}"`);
  return s as Arch;
}

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('train the student policy (MLP over candidate actions, tfjs wasm) on a run\'s dataset rows')
    .requiredOption('--data <path>', 'run directory (from generate) or exported rows .jsonl')
    .requiredOption('--out <dir>', 'model directory, e.g. models/NAME (model.json + weights.bin)')
    .option('--epochs <n>', 'training epochs', parseIntOption('--epochs', 1, 10_000), 20)
    .option('--seed <n>', 'seed (initial weights, shuffling, validation split)', parseIntOption('--seed', 0), 1)
    .option('--val <fraction>', 'share of rows held out for validation', '0.1')
    .option('--hidden <n>', 'hidden units', parseIntOption('--hidden', 1, 4096), 64)
    .option('--arch <name>', 'action scorer: bow (an MLP scoring each candidate on its own bag of words) or attn (candidates attend to each other and to the instruction, with listing facts as numbers)', 'bow')
    .option('--successes-only', 'train on the successful trajectories only, not the salvaged partials')
    .option('--exclude-sites <ids>', 'leave out the rows of these sites (comma-separated), e.g. to hold one out')
    .option('--json', 'print JSON')
    .action(async (opts: TrainOpts) => {
      const arch = parseArch(opts.arch);
      const valFraction = parseDecimal(opts.val) ?? Number.NaN;
      if (!(valFraction >= 0 && valFraction < 1)) throw new InvalidInputError(`--val must be in [0, 1), got "${opts.val}"`);
      const excluded = new Set(opts.excludeSites ? parseSiteList(opts.excludeSites) : []);
      const rows = loadRows(opts.data).filter((r) => (!opts.successesOnly || r.kind === 'success') && !excluded.has(r.task.site));
      if (!rows.length) throw new InvalidInputError(`${opts.data} has no dataset rows${opts.successesOnly || excluded.size ? ' left after the filters' : ''}`);
      const { model, summary } = await trainStudent(rows, {
        epochs: opts.epochs, seed: opts.seed, valFraction, hidden: opts.hidden, arch,
        onEpoch: (r) => process.stderr.write(`epoch ${r.epoch}/${r.epochs}  loss ${r.loss.toFixed(4)}  acc ${(r.accuracy * 100).toFixed(1)}%  val ${r.valAccuracy === null ? '-' : `${(r.valAccuracy * 100).toFixed(1)}%`}  ${Math.round(r.examplesPerSecond)} ex/s  ETA ${Math.ceil(r.etaSeconds)}s\n`),
      });
      saveStudent(opts.out, { ...model, training: { ...model.training, data: resolve(opts.data), successesOnly: Boolean(opts.successesOnly), excludedSites: [...excluded] } });
      if (opts.json) printJson({ out: resolve(opts.out), ...summary });
      else {
        const skipped = Object.entries(summary.skipped).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
        process.stdout.write(
          `${summary.rows.train} train / ${summary.rows.val} val rows, ${summary.examples.train} / ${summary.examples.val} step examples (skipped steps without a candidate: ${skipped})\n` +
            `arguments matched by a candidate: ${summary.args.matched}/${summary.args.seen}\n` +
            `train accuracy ${(summary.trainAccuracy * 100).toFixed(1)}%, validation ${summary.valAccuracy === null ? '-' : `${(summary.valAccuracy * 100).toFixed(1)}%`} (arguments ${summary.valArgAccuracy === null ? '-' : `${(summary.valArgAccuracy * 100).toFixed(1)}%`})\n` +
            `saved ${resolve(opts.out)}\n`,
        );
      }
    });
}
