import { resolve } from 'node:path';
import { parseSiteList } from '../../sites/splits.js';
import type { Command } from 'commander';
import { DEFAULT_NOISE } from '../../agents/scripted/plan.js';
import { InvalidInputError } from '../../core/errors.js';
import { FolderLock } from '../../core/folder-lock.js';
import { generateRun, llmTeacherIdentity } from '../../pipeline/generate.js';
import { RunStore, type RunConfig } from '../../pipeline/run-store.js';
import { DEFAULT_SALVAGE, resalvageRun } from '../../pipeline/salvage.js';
import { CSR_BINS, runStats, type RunStats, type Stats } from '../../pipeline/stats.js';
import { knowledgeOrigins } from '../../knowledge/index.js';
import { SITES, loadArenaWorld } from '../../sites/registry.js';
import { llmFlags, resolveLlm, type LlmFlags } from '../llm-flags.js';
import { parseFraction, parseIntOption, printJson, table } from '../output.js';
import { episodeProgress } from '../progress.js';
import { parseScreenshotKind } from '../../rollout/screenshots.js';
import { queueFlags, runnerFromFlags, type QueueFlags } from '../queue-flags.js';


export function statsTable(s: RunStats): string {
  const row = (name: string, x: Stats) => [
    name,
    x.episodes,
    x.errors,
    x.sr.toFixed(2),
    x.meanCsr.toFixed(2),
    x.csrHistogram.join(' '),
    `${x.rows.success} / ${x.rows.salvaged}`,
    `${x.examples.success} / ${x.examples.salvaged}`,
    x.expansion === null ? '-' : `${x.expansion.toFixed(2)}x`,
    `${x.meanSteps.toFixed(1)} / ${x.medianSteps}`,
    x.usage.inputTokens + x.usage.outputTokens === 0 ? '-' : `${x.usage.inputTokens + x.usage.outputTokens} / $${x.usage.costUsd.toFixed(4)}`,
  ];
  return table(
    ['site', 'episodes', 'errored (not scored)', 'SR', 'CSR', `CSR histogram ${CSR_BINS.join(' ')}`, 'rows success/salvaged', 'examples success/salvaged', 'expansion', 'steps mean/median', 'tokens / cost'],
    [...Object.entries(s.bySite).map(([k, v]) => row(k, v)), row('overall', s.overall)],
  );
}

type GenerateOpts = LlmFlags & {
  sites?: string;
  tasks?: number;
  taskFile?: string;
  teacher: string;
  noise: number;
  parallel: number;
  seed: number;
  worldSeed: number;
  maxSteps: number;
  mode: string;
  out: string;
  resume?: boolean;
  force?: boolean;
  minCsr: number;
  minKept: number;
  requireBooking?: boolean;
  screenshots?: string | boolean;
  json?: boolean;
} & QueueFlags;

export function registerGenerate(program: Command): void {
  const generate = program
    .command('generate')
    .description('propose tasks, roll out the teacher, evaluate every step, keep successes, salvage partials; resumable')
    .option('--sites <ids>', 'comma-separated site ids or split:train / split:heldout (default: all)')
    .option('--tasks <n>', 'tasks per site (required unless --task-file)', parseIntOption('--tasks', 1, 100_000))
    .option('--task-file <file>', 'run the tasks of this file instead of proposing them (e.g. questions from `tasks generate --kind qa`: failed ones are salvaged as the sub-question they answered)')
    .option('--teacher <name>', 'scripted | llm', 'scripted')
    .option('--noise <x>', 'teacher error level, 0..1', parseFraction('--noise'), DEFAULT_NOISE)
    .option('--parallel <k>', 'episodes at once', parseIntOption('--parallel', 1, 64), 2)
    .option('--seed <s>', 'task and teacher seed', parseIntOption('--seed'), 1)
    .option('--world-seed <s>', 'world (inventory) seed', parseIntOption('--world-seed'), 1)
    .option('--max-steps <n>', 'step budget per episode', parseIntOption('--max-steps', 1, 1000), 60)
    .option('--mode <mode>', 'observation: viewport | full', 'viewport')
    .requiredOption('--out <dir>', 'run directory, e.g. runs/NAME')
    .option('--resume', 'continue the run in --out (after a crash or a kill)')
    .option('--force', 'with --resume: continue even if versions or config differ')
    .option('--min-csr <x>', 'salvage: least best-CSR of a partial', parseFraction('--min-csr'), DEFAULT_SALVAGE.minCsr)
    .option('--min-kept <n>', 'salvage: least satisfied constraints besides the booking', parseIntOption('--min-kept', 0, 20), DEFAULT_SALVAGE.minKept)
    .option('--require-booking', 'salvage: keep only partials that submitted a booking')
    .option('--screenshots [kind]', 'record a screenshot per step in the run store (JPEG; marks = with set-of-marks, the default, or plain), for `webfoundry view`')
    .option('--json', 'print the stats as JSON at the end');
  queueFlags(generate);
  llmFlags(generate).action(async (opts: GenerateOpts) => {
    if (!['viewport', 'full'].includes(opts.mode)) throw new InvalidInputError(`--mode must be viewport or full, got "${opts.mode}"`);
    if (opts.teacher !== 'scripted' && opts.teacher !== 'llm') throw new InvalidInputError(`unknown teacher "${opts.teacher}"`, { hint: 'teachers: scripted, llm' });
    const llm = opts.teacher === 'llm' ? resolveLlm(opts) : undefined;
    const screenshots = parseScreenshotKind(opts.screenshots);
    if (opts.tasks === undefined && !opts.taskFile) throw new InvalidInputError('give --tasks N (tasks proposed per site) or --task-file FILE');
    const sites = opts.sites ? parseSiteList(opts.sites) : SITES.map((s) => s.id);
    const config: RunConfig = {
      sites: opts.taskFile ? [] : sites,
      tasksPerSite: opts.tasks ?? 0,
      teacher: opts.teacher,
      noise: opts.noise,
      seed: opts.seed,
      worldSeed: opts.worldSeed,
      maxSteps: opts.maxSteps,
      mode: opts.mode as RunConfig['mode'],
      salvage: { minCsr: opts.minCsr, minKept: opts.minKept, requireBooking: Boolean(opts.requireBooking) },
      ...(llm ? { llm: llmTeacherIdentity(llm) } : {}),
      ...(screenshots ? { screenshots } : {}),
      ...(opts.taskFile ? { taskFile: resolve(opts.taskFile) } : {}),
    };
    if (!opts.resume && RunStore.exists(opts.out)) throw new InvalidInputError(`${opts.out} already holds a run`, { hint: 'continue it with --resume, or choose another --out' });
    let progress: ReturnType<typeof episodeProgress> | undefined;
    const t0 = performance.now();
    const runner = await runnerFromFlags(opts, (line) => progress?.note(line));
    let store: RunStore;
    try {
      store = await generateRun({
        dir: opts.out,
        config,
        ...(llm ? { llm } : {}),
        parallel: opts.parallel,
        ...(runner ? { runner } : {}),
        // A task file may hold questions: they start on the search engine.
        ...(opts.taskFile ? { origins: knowledgeOrigins() } : {}),
        resume: Boolean(opts.resume),
        force: Boolean(opts.force),
        onStart: (total, done) => {
          if (done > 0) process.stderr.write(`resuming: ${done} of ${total} episodes already done\n`);
          progress = episodeProgress(total - done);
        },
        onEpisode: (t) => progress?.tick(t),
      });
    } finally {
      progress?.stop();
      await runner?.close();
    }
    const s = runStats(store);
    store.close();
    if (opts.json) return printJson({ run: resolve(opts.out), ...s });
    process.stdout.write(`${statsTable(s)}\nrun: ${resolve(opts.out)} (${RunStore.path(opts.out)}) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  });

  program
    .command('resalvage')
    .description("re-derive a run's dataset rows from its stored episodes with this version's salvage rules (the teacher is not run again)")
    .requiredOption('--run <dir>', 'run directory')
    .option('--json', 'print JSON')
    .action((opts: { run: string; json?: boolean }) => {
      // Says what is wrong with a folder that holds no run, before any lock file is made in it.
      if (!RunStore.exists(opts.run)) RunStore.open(opts.run, { versions: RunStore.versions() });
      const lock = FolderLock.acquire(opts.run, 'resalvage');
      let store: RunStore;
      try {
        store = RunStore.open(opts.run, { versions: RunStore.versions() });
      } catch (err) {
        lock.release();
        throw err;
      }
      store.holdLock(lock);
      try {
        const before = store.rows().length;
        const after = resalvageRun(store, { world: loadArenaWorld(store.config.worldSeed).world });
        if (opts.json) printJson({ run: resolve(opts.run), before, ...after });
        else process.stdout.write(`${resolve(opts.run)}: ${before} rows replaced by ${after.success} successes and ${after.salvaged} salvaged partials\n`);
      } finally {
        store.close();
      }
    });

  program
    .command('stats')
    .description('episodes, SR, CSR histogram, examples from successes vs salvaged partials, steps; per site and overall')
    .requiredOption('--run <dir>', 'run directory')
    .option('--json', 'print JSON')
    .action((opts: { run: string; json?: boolean }) => {
      const store = RunStore.open(opts.run, { versions: RunStore.versions() });
      const s = runStats(store);
      store.close();
      if (opts.json) printJson(s);
      else process.stdout.write(`${statsTable(s)}\n`);
    });
}
