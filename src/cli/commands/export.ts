import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.js';
import { exportWithCard, writeExport } from '../../pipeline/exports/index.js';
import { ExportFormat, ExportGranularity, TOOL_CALL_FORMATS } from '../../pipeline/exports/types.js';
import { RunStore } from '../../pipeline/run-store.js';
import { parseIntOption, printJson } from '../output.js';

type ExportOpts = { run: string; format: string; out: string; per: string; maxObsTokens?: number; history: number; toolCalls?: boolean; license: string; json?: boolean };

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a run\'s dataset in a trainer\'s format (openai | sharegpt | trl | verl | jsonl) with a dataset card (README.md)')
    .requiredOption('--run <dir>', 'run directory (from generate)')
    .requiredOption('--format <format>', 'openai | sharegpt | trl | verl | react | jsonl')
    .requiredOption('--out <dir>', 'output directory')
    .option('--per <unit>', 'step (one example per step, NNetNav style) | trajectory (one conversation per row)', 'trajectory')
    .option('--max-obs-tokens <n>', 'cut each observation to about N tokens (characters / 4), at a line boundary', parseIntOption('--max-obs-tokens', 1))
    .option('--history <k>', 'previous actions shown per step (per step mode)', parseIntOption('--history', 0, 100), 5)
    .option('--tool-calls', 'actions as structured tool calls with a tools list (openai, sharegpt, trl) instead of text actions; refused for jsonl and verl')
    .option('--license <spdx>', 'license field of the dataset card', 'apache-2.0')
    .option('--json', 'print JSON')
    .action(async (opts: ExportOpts) => {
      const format = ExportFormat.safeParse(opts.format);
      if (!format.success) throw new InvalidInputError(`--format must be one of ${ExportFormat.options.join(', ')}, got "${opts.format}"`);
      const per = ExportGranularity.safeParse(opts.per);
      if (!per.success) throw new InvalidInputError(`--per must be step or trajectory, got "${opts.per}"`);
      if (opts.toolCalls && !TOOL_CALL_FORMATS.includes(format.data)) {
        throw new InvalidInputError(`--tool-calls has no meaning for ${format.data}`, {
          hint: format.data === 'jsonl' ? 'the lossless rows keep both the action text and the parsed action; drop --tool-calls' : 'verl exports text actions only (see its dataset card); drop --tool-calls',
        });
      }
      const store = RunStore.open(opts.run, { versions: RunStore.versions() });
      const rows = store.rows();
      const runId = store.runId;
      const config = store.config;
      store.close();
      if (rows.length === 0) throw new InvalidInputError(`${opts.run} has no dataset rows yet`, { hint: 'run `webfoundry generate` first, or lower the salvage thresholds' });
      const result = await exportWithCard(
        rows,
        format.data,
        {
          per: per.data,
          historyLength: opts.history,
          ...(opts.maxObsTokens ? { maxObsTokens: opts.maxObsTokens } : {}),
          ...(opts.toolCalls ? { toolCalls: true } : {}),
        },
        { license: opts.license, runInfo: { run: runId, teacher: config.teacher, noise: config.noise, seed: config.seed, worldSeed: config.worldSeed, sites: config.sites.join(', ') } },
      );
      writeExport(opts.out, result.files);
      const files = result.files.map((f) => f.name);
      if (opts.json) printJson({ out: resolve(opts.out), format: format.data, per: per.data, rows: rows.length, examples: result.examples, files });
      else process.stdout.write(`${rows.length} rows -> ${result.examples} ${format.data} examples (${per.data}) in ${resolve(opts.out)}: ${files.join(', ')}\n`);
    });
}
