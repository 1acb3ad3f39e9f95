import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { judgeAgreement, type AgreementRun } from '../../judge/judge-run.js';
import type { AgreementStats } from '../../judge/agreement.js';
import { createProvider, resolveProviderConfig } from '../../models/config.js';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Trajectory } from '../../core/schemas/trajectory.js';
import { RunStore } from '../../pipeline/run-store.js';
import { readTrajectory } from '../../rollout/trajectory-file.js';
import { parseIntOption, printJson, table } from '../output.js';

type JudgeOpts = {
  run: string;
  json?: boolean;
  limit?: number;
  concurrency: number;
  model?: string;
  baseUrl?: string;
  provider?: string;
  apiKeyEnv?: string;
  maxTokens?: string;
  llmConfig?: string;
};

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null) => (x === null ? '-' : x.toFixed(3));

function agreementTable(r: AgreementRun): string {
  const row = (name: string, s: AgreementStats) => [name, s.n, pct(s.agreement), num(s.kappa), s.confusion.bothYes, s.confusion.bothNo, s.confusion.judgeYesExactNo, s.confusion.judgeNoExactYes, s.unknown];
  return table(
    ['kind', 'constraints', 'agreement', 'kappa', 'both yes', 'both no', 'judge yes / exact no', 'judge no / exact yes', 'unknown'],
    [...Object.entries(r.perKind).map(([k, s]) => row(k, s)), row('overall', r.overall)],
  );
}

/** Judged/total on stderr, only on a terminal (pipes and CI logs stay clean). */
function judgeProgress(total: number) {
  const tty = process.stderr.isTTY === true;
  const bar = new SingleBar({ format: 'judged {bar} {value}/{total} episodes | ETA {eta_formatted}', stream: process.stderr, hideCursor: true });
  if (tty) bar.start(total, 0);
  return {
    tick: (done: number) => tty && bar.update(done),
    stop: () => tty && bar.stop(),
  };
}

/** A generate run's store, or a `run --out` folder of trajectory files (questions are run there). */
function openTrajectories(dir: string): { count: number; trajectories: () => Iterable<Trajectory>; close: () => void } {
  const tdir = join(dir, 'trajectories');
  if (!existsSync(RunStore.path(dir)) && existsSync(tdir)) {
    const files = readdirSync(tdir).filter((f) => f.endsWith('.jsonl')).sort();
    return { count: files.length, trajectories: function* () {
        for (const f of files) yield readTrajectory(join(tdir, f));
      }, close: () => {} };
  }
  const store = RunStore.open(dir, { versions: RunStore.versions() });
  return { count: store.episodeCount(), trajectories: () => store.trajectories(), close: () => store.close() };
}

export function registerJudge(program: Command): void {
  program
    .command('judge-agreement')
    .description("judge a run's trajectories with an LLM and measure its agreement with the exact evaluator, overall and per constraint kind")
    .requiredOption('--run <dir>', 'run directory: from generate (run.sqlite) or from run --out (trajectories/, e.g. questions)')
    .option('--limit <n>', 'judge only the first N episodes', parseIntOption('--limit', 1))
    .option('--concurrency <n>', 'judgements in flight at once', parseIntOption('--concurrency', 1, 64), 4)
    .option('--model <name>', 'judge model name as the server knows it')
    .option('--base-url <url>', 'API base URL, e.g. http://127.0.0.1:8000/v1 for vLLM, http://127.0.0.1:11434/v1 for Ollama')
    .option('--provider <kind>', 'openai (any OpenAI-compatible server) | anthropic (default openai)')
    .option('--api-key-env <VAR>', 'environment variable holding the API key (default OPENAI_API_KEY / ANTHROPIC_API_KEY)')
    .option('--max-tokens <n>', 'most tokens per reply')
    .option('--llm-config <file>', 'JSON file with provider settings (flags win over it)')
    .option('--json', 'print JSON (every disagreement with the judge\'s reason included)')
    .action(async (opts: JudgeOpts) => {
      // Resolve the model before touching the run: a bad flag fails before any work.
      const config = resolveProviderConfig({
        flags: { model: opts.model, baseUrl: opts.baseUrl, provider: opts.provider, apiKeyEnv: opts.apiKeyEnv, maxTokens: opts.maxTokens },
        ...(opts.llmConfig ? { file: opts.llmConfig } : {}),
      });
      const provider = createProvider(config);
      const source = openTrajectories(opts.run);
      let report: AgreementRun;
      try {
        const total = Math.min(source.count, opts.limit ?? Infinity);
        const progress = judgeProgress(total);
        try {
          report = await judgeAgreement(source.trajectories(), provider, {
            concurrency: opts.concurrency,
            ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
            ...(config.maxTokens ? { maxTokens: config.maxTokens } : {}),
            onJudged: (done) => progress.tick(done),
          });
        } finally {
          progress.stop();
        }
      } finally {
        source.close();
      }
      if (opts.json) {
        printJson({ run: opts.run, judge: { provider: config.provider, model: config.model, baseUrl: config.baseUrl }, ...report });
        return;
      }
      process.stdout.write(`${agreementTable(report)}\n`);
      const u = report.usage;
      process.stdout.write(
        `${report.episodes} episodes judged by ${config.model} in ${report.calls} calls: ${u.inputTokens} input + ${u.outputTokens} output tokens, $${u.costUsd.toFixed(4)}` +
          `${report.disagreements.length ? `; ${report.disagreements.length} disagreements (--json lists them with reasons)` : ''}\n`,
      );
    });
}
