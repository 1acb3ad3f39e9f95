import { resolve } from 'node:path';
import type { Command } from 'commander';
import { writeReport } from '../../viewer/report/write-report.js';
import { printJson } from '../output.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write one self-contained HTML report of a run (overview, plots, tables); opens with no server or network')
    .requiredOption('--run <dir>', 'run directory (from generate, or run/bench --out)')
    .option('--compare <dir>', 'a second run: SR/CSR per site on the shared tasks and where they differ')
    .option('--ablation <file>', 'an ablation.json from `webfoundry ablation`, shown as a table and a plot')
    .requiredOption('--out <file>', 'the HTML file to write, e.g. report.html')
    .option('--json', 'print JSON')
    .action((opts: { run: string; compare?: string; ablation?: string; out: string; json?: boolean }) => {
      const t0 = performance.now();
      const r = writeReport(opts);
      const seconds = (performance.now() - t0) / 1000;
      if (opts.json) return printJson({ out: resolve(opts.out), ...r, seconds });
      process.stdout.write(`report: ${resolve(opts.out)} (${r.episodes} episodes, ${(r.bytes / 1024).toFixed(0)} KB, ${seconds.toFixed(1)} s)\n`);
    });
}
