import { join } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../../core/atomic-write.js';
import type { BenchReport, BenchRow } from '../../core/schemas/bench-report.js';
import { benchReport } from '../../rollout/bench-report.js';
import { printJson, table } from '../output.js';
import { common, execute, type RunOpts } from './run.js';

const pct = (x: number) => x.toFixed(2);
const interval = (lo: number, hi: number) => `[${pct(lo)}, ${pct(hi)}]`;

function rows(group: Record<string, BenchRow>): (string | number)[][] {
  return Object.entries(group).map(([name, r]) => [
    name,
    r.episodes,
    pct(r.sr),
    interval(r.srLow, r.srHigh),
    pct(r.csr),
    interval(r.csrLow, r.csrHigh),
    r.meanSteps.toFixed(1),
    r.meanTokens === null ? '-' : Math.round(r.meanTokens),
    r.errors,
  ]);
}

const HEAD = (what: string) => [what, 'episodes', 'SR', '95% CI', 'CSR', '95% CI', 'steps', 'tokens', 'errored'];

/** The standard table: per site, per tier, per constraint kind, and overall. */
export function benchTables(r: BenchReport): string {
  return [
    table(HEAD('site'), [...rows(r.bySite), ...rows({ overall: r.overall })]),
    table(HEAD('tier'), rows(r.byTier)),
    table(HEAD('constraint kind'), rows(r.byKind)),
    'SR: 95% Wilson score interval. CSR: 95% Student t interval over episodes (per kind: the share of its constraints met, over the episodes whose task has one). Errored episodes are not scored.',
  ].join('\n');
}

export function registerBench(program: Command): void {
  common(program.command('bench').description('score an agent on a suite: SR and CSR with 95% intervals, steps and tokens, per site, tier and constraint kind, and overall; resumable with --out and --resume'))
    .option('--suite <name-or-file>', 'suite name (bookingarena-v1, bookingarena-v0, infoseek-v0) or task file', 'bookingarena-v0')
    .option('--out <dir>', 'also write trajectories, summary.json and bench.json (the table) here; with --resume, finish a run there')
    .action(async (opts: RunOpts & { suite: string }) => {
      const r = await execute({ ...opts, tasks: opts.suite });
      const report = benchReport(r.trajectories);
      const head = { agent: opts.agent, suite: opts.suite, ...r.info, ...(opts.sites ? { sites: opts.sites } : {}) };
      if (opts.out) writeFileAtomic(join(opts.out, 'bench.json'), `${JSON.stringify({ ...head, ...report }, null, 2)}\n`);
      const resumed = r.resumed ? `, ${r.resumed} of them finished earlier` : '';
      if (opts.json) printJson({ ...head, ...report, resumed: r.resumed, seconds: Math.round(r.ms / 1000) });
      else process.stdout.write(`${benchTables(report)}\n${opts.agent} on ${opts.suite}: ${r.trajectories.length} episodes${resumed} in ${(r.ms / 1000).toFixed(1)} s\n`);
    });
}
