import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.js';
import { datasetCard } from '../../pipeline/exports/dataset-card.js';
import { EXPORTERS } from '../../pipeline/exports/index.js';
import { ExportFormat, ExportGranularity } from '../../pipeline/exports/types.js';
import { RunStore } from '../../pipeline/run-store.js';
import { parseIntOption, printJson } from '../output.js';

type ExportOpts = { run: string; format: string; out: string; per: string; maxObsTokens?: number; history: number; toolCalls?: boolean; json?: boolean };

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a run\'s dataset in a trainer\'s format (openai | sharegpt | trl | jsonl) with a dataset card')
    .requiredOption('--run <dir>', 'run directory (from generate)')
    .requiredOption('--format <format>', 'openai | sharegpt | trl | jsonl')
    .requiredOption('--out <dir>', 'output directory')
    .option('--per <unit>', 'step (one example per step, NNetNav style) | trajectory (one conversation per row)', 'trajectory')
    .option('--max-obs-tokens <n>', 'cut each observation to about N tokens', parseIntOption('--max-obs-tokens', 1))
    .option('--history <k>', 'previous actions shown per step (per step mode)', parseIntOption('--history', 0, 100), 5)
    .option('--tool-calls', 'trl: structured tool calls instead of text actions')
    .option('--json', 'print JSON')
    .action((opts: ExportOpts) => {
      const format = ExportFormat.safeParse(opts.format);
      if (!format.success) throw new InvalidInputError(`--format must be one of ${ExportFormat.options.join(', ')}, got "${opts.format}"`);
      const per = ExportGranularity.safeParse(opts.per);
      if (!per.success) throw new InvalidInputError(`--per must be step or trajectory, got "${opts.per}"`);
      const store = RunStore.open(opts.run, { versions: RunStore.versions() });
      const rows = store.rows();
      const runId = store.runId;
      const config = store.config;
      store.close();
      if (rows.length === 0) throw new InvalidInputError(`${opts.run} has no dataset rows yet`, { hint: 'run `webfoundry generate` first, or lower the salvage thresholds' });
      const result = EXPORTERS[format.data].export(rows, {
        per: per.data,
        historyLength: opts.history,
        ...(opts.maxObsTokens ? { maxObsTokens: opts.maxObsTokens } : {}),
        ...(opts.toolCalls ? { toolCalls: true } : {}),
      });
      mkdirSync(opts.out, { recursive: true });
      for (const f of result.files) writeFileSync(join(opts.out, f.name), f.content);
      const card = datasetCard(rows, {
        format: format.data,
        per: per.data,
        examples: result.examples,
        ...(opts.toolCalls ? { toolCalls: true } : {}),
        runInfo: { run: runId, teacher: config.teacher, noise: config.noise, seed: config.seed, worldSeed: config.worldSeed, sites: config.sites.join(', ') },
      });
      writeFileSync(join(opts.out, 'README.md'), card);
      const files = [...result.files.map((f) => f.name), 'README.md'];
      if (opts.json) printJson({ out: resolve(opts.out), format: format.data, per: per.data, rows: rows.length, examples: result.examples, files });
      else process.stdout.write(`${rows.length} rows -> ${result.examples} ${format.data} examples (${per.data}) in ${resolve(opts.out)}: ${files.join(', ')}\n`);
    });
}
