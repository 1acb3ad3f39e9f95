import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { FolderLock } from '../../core/folder-lock.js';
import type { Command } from 'commander';
import { agentFactory, agentInfo, type LlmSetup } from '../../agents/make-agent.js';
import { localRunner } from '../../rollout/episode-runner.js';
import { DEFAULT_NOISE } from '../../agents/scripted/plan.js';
import { InvalidInputError } from '../../core/errors.js';
import { isQaTask } from '../../core/schemas/task.js';
import { knowledgeOrigins } from '../../knowledge/index.js';
import type { Trajectory } from '../../core/schemas/trajectory.js';
import { fileScreenshotKeeper, parseScreenshotKind, screenshotOption } from '../../rollout/screenshots.js';
import { summarize, type RunSummary } from '../../rollout/summarize.js';
import { writeTrajectory } from '../../rollout/trajectory-file.js';
import { loadTasks } from '../../tasks/task-file.js';
import { llmFlags, resolveLlm, type LlmFlags } from '../llm-flags.js';
import { parseFraction, parseIntOption, printJson, table } from '../output.js';
import { episodeProgress } from '../progress.js';
import { queueFlags, runnerFromFlags, type QueueFlags } from '../queue-flags.js';
import { loadArenaWorld } from '../../sites/registry.js';
import { parseSiteList } from '../../sites/splits.js';
import { RUN_CONFIG, resumeRun, type RunConfigRecord } from '../../rollout/resume-run.js';

export type RunOpts = LlmFlags & {
  agent: string;
  tasks: string;
  limit?: number;
  site?: string;
  sites?: string;
  parallel: number;
  out?: string;
  noise: number;
  maxSteps: number;
  seed: number;
  worldSeed: number;
  mode: string;
  screenshots?: string | boolean;
  overwrite?: boolean;
  resume?: boolean;
  json?: boolean;
} & QueueFlags;

/**
 * An output folder holds one run: trajectories of an earlier run beside this one's would be
 * counted with them. Refused unless `overwrite`, which removes what an earlier run wrote.
 */
function prepareOut(out: string, overwrite: boolean, resume: boolean): void {
  const trajectories = join(out, 'trajectories');
  const earlier = existsSync(join(out, 'summary.json')) || (existsSync(trajectories) && readdirSync(trajectories).some((f) => f.endsWith('.jsonl')));
  if (!earlier || resume) return;
  if (!overwrite) throw new InvalidInputError(`${out} holds the output of an earlier run (trajectories/, summary.json)`, { hint: 'choose another --out, pass --resume to finish it, or --overwrite to replace it' });
  for (const p of [trajectories, join(out, 'screenshots'), join(out, 'summary.json'), join(out, RUN_CONFIG)]) rmSync(p, { recursive: true, force: true });
}


/** What makes this run's episodes these episodes (checked when a run is resumed). */
/** `--temperature` with a student: it samples (seeded per episode) instead of acting greedily. */
function studentTemperature(opts: RunOpts): number | undefined {
  if (!opts.agent.startsWith('student:') || opts.temperature === undefined) return undefined;
  const t = Number(opts.temperature);
  if (!(t > 0) || !Number.isFinite(t)) throw new InvalidInputError(`--temperature must be a positive number for a student, got "${opts.temperature}"`, { hint: 'leave it out for greedy acting' });
  return t;
}

function runConfigOf(opts: RunOpts): RunConfigRecord {
  const temperature = studentTemperature(opts);
  return { schemaVersion: 1, agent: opts.agent, ...(opts.agent === 'scripted' ? { noise: opts.noise } : {}), ...(opts.model ? { model: opts.model } : {}), ...(temperature !== undefined ? { temperature } : {}), tasks: opts.tasks, seed: opts.seed, worldSeed: opts.worldSeed, maxSteps: opts.maxSteps, mode: opts.mode };
}

export function summaryTable(s: RunSummary): string {
  const row = (name: string, x: RunSummary['overall']) => [name, x.episodes, x.sr.toFixed(2), x.csr.toFixed(2), x.meanSteps.toFixed(1), x.errors];
  return table(['site', 'episodes', 'SR', 'CSR', 'steps', 'errored (not scored)'], [...Object.entries(s.bySite).map(([k, v]) => row(k, v)), row('overall', s.overall)]);
}

/** Shared by `run` and `bench`: start the sites, run the tasks with the agent, write what was asked. */
export async function execute(opts: RunOpts): Promise<{ trajectories: Trajectory[]; summary: RunSummary; ms: number; info: { noise?: number; model?: string }; resumed: number }> {
  if (!['viewport', 'full'].includes(opts.mode)) throw new InvalidInputError(`--mode must be viewport or full, got "${opts.mode}"`);
  if (opts.resume && !opts.out) throw new InvalidInputError('--resume needs --out: the finished episodes are read from there');
  if (opts.resume && opts.overwrite) throw new InvalidInputError('--resume and --overwrite contradict each other', { hint: 'keep one' });
  const { world } = loadArenaWorld(opts.worldSeed);
  let tasks = loadTasks(opts.tasks, { world });
  if (opts.site) tasks = tasks.filter((t) => t.site === opts.site);
  if (opts.sites) {
    const wanted = new Set(parseSiteList(opts.sites));
    tasks = tasks.filter((t) => wanted.has(t.site));
  }
  if (opts.limit !== undefined) tasks = tasks.slice(0, opts.limit);
  if (tasks.length === 0) throw new InvalidInputError('no tasks to run', { hint: 'check --tasks, --site, --sites and --limit' });
  if (opts.queue && tasks.some(isQaTask)) throw new InvalidInputError('questions do not run on --queue yet: its workers serve the booking sites only', { hint: 'run questions without --queue' });
  const llm: LlmSetup | undefined = opts.agent === 'llm' ? resolveLlm(opts) : undefined;
  const temperature = studentTemperature(opts);
  const agent = { world, noise: opts.noise, ...(llm ? { llm } : {}), ...(temperature !== undefined ? { temperature } : {}) };
  agentFactory(opts.agent, agent); // an unknown agent or a missing model fails here, before anything starts
  const screenshots = opts.out ? parseScreenshotKind(opts.screenshots) : undefined;
  if (opts.screenshots && !opts.out) throw new InvalidInputError('--screenshots needs --out: they are stored in the output directory');
  if (opts.queue && opts.screenshots) throw new InvalidInputError('--screenshots is not available with --queue', { hint: 'screenshots stay on the machine that took them: run without --queue' });
  // One process at a time in an output folder, and one run's files in it.
  const lock = opts.out ? FolderLock.acquire(opts.out, 'run') : undefined;
  const runId = `${opts.agent.replace(/[^\w.-]+/g, '_')}-${opts.seed}`;
  // Finished episodes of an earlier, interrupted run of the same configuration (--resume).
  let finished = new Map<string, Trajectory>();
  try {
    if (opts.out) {
      prepareOut(opts.out, Boolean(opts.overwrite), Boolean(opts.resume));
      finished = resumeRun(opts.out, runConfigOf(opts), tasks, runId, Boolean(opts.resume));
    }
  } catch (err) {
    lock?.release();
    throw err;
  }
  const pending = tasks.filter((t) => !finished.has(t.id));
  let progress: ReturnType<typeof episodeProgress> | undefined;
  let queued: Awaited<ReturnType<typeof runnerFromFlags>>;
  try {
    queued = await runnerFromFlags(opts, (line) => progress?.note(line));
  } catch (err) {
    lock?.release();
    throw err;
  }
  const runner =
    queued ??
    // Questions start on the search engine and are researched on the guide: serve the knowledge web with them.
    localRunner({ parallel: opts.parallel, world, ...(tasks.some(isQaTask) ? { origins: knowledgeOrigins() } : {}), ...(screenshots ? { env: { screenshot: screenshotOption(screenshots) } } : {}), ...(screenshots && opts.out ? { keepScreenshot: fileScreenshotKeeper(opts.out) } : {}) });
  progress = episodeProgress(pending.length);
  const trajDir = opts.out ? join(opts.out, 'trajectories') : undefined;
  const t0 = performance.now();
  try {
    const ran = pending.length === 0 ? [] : await runner.run({
      tasks: pending,
      agent: { name: opts.agent, noise: opts.noise, ...(llm ? { llm } : {}), ...(temperature !== undefined ? { temperature } : {}) },
      worldSeed: opts.worldSeed,
      maxSteps: opts.maxSteps,
      runId,
      seed: opts.seed,
      mode: opts.mode as 'viewport' | 'full',
      onEpisode: (t) => {
        // Each trajectory is on disk as soon as its episode ends: a killed run keeps them.
        // Written whole under its episode id, so an episode delivered twice is written once.
        if (trajDir) writeTrajectory(trajDir, t);
        progress?.tick(t);
      },
    });
    const byTask = new Map([...finished, ...ran.map((t) => [t.header.task.id, t] as const)]);
    const trajectories = tasks.map((t) => byTask.get(t.id)!);
    const summary = summarize(trajectories);
    // Written only when every episode ran to its end: a run that stopped has no summary.
    if (opts.out) writeFileAtomic(join(opts.out, 'summary.json'), `${JSON.stringify({ agent: opts.agent, ...agentInfo(opts.agent, agent), tasks: opts.tasks, ...(screenshots ? { screenshots } : {}), ...summary }, null, 2)}\n`);
    if (summary.overall.errors > 0) {
      const first = trajectories.find((t) => t.end.status === 'error');
      process.stderr.write(`warning: ${summary.overall.errors} episodes errored and are not scored (first: ${first?.header.episodeId}: ${first?.end.error?.split('\n')[0]})\n`);
    }
    return { trajectories, summary, ms: performance.now() - t0, info: agentInfo(opts.agent, agent), resumed: finished.size };
  } finally {
    progress.stop();
    await queued?.close();
    lock?.release();
  }
}

export function common(cmd: Command): Command {
  cmd
    .option('--agent <name>', 'scripted | random | llm | student:MODEL_DIR (trained by `webfoundry train`)', 'scripted')
    .option('--limit <n>', 'at most N tasks', parseIntOption('--limit', 1))
    .option('--site <id>', 'only tasks of this site')
    .option('--sites <list>', 'only tasks of these sites: ids and parts of the standard split, comma-separated (split:train, split:heldout)')
    .option('--parallel <k>', 'episodes at once', parseIntOption('--parallel', 1, 64), 2)
    .option('--noise <x>', 'scripted teacher error level, 0..1', parseFraction('--noise'), DEFAULT_NOISE)
    .option('--max-steps <n>', 'step budget per episode', parseIntOption('--max-steps', 1, 1000), 60)
    .option('--seed <s>', 'seed of the agents’ randomness', parseIntOption('--seed'), 1)
    .option('--world-seed <s>', 'world (inventory) seed the tasks were made for', parseIntOption('--world-seed'), 1)
    .option('--mode <mode>', 'observation: viewport | full', 'viewport')
    .option('--screenshots [kind]', 'save a screenshot per step under --out/screenshots (JPEG; marks = with set-of-marks, the default, or plain), for `webfoundry view`')
    .option('--overwrite', 'replace what an earlier run wrote in --out (otherwise such a folder is refused)')
    .option('--resume', 'finish an interrupted run in --out: episodes already finished there are kept, not run again')
    .option('--json', 'print JSON');
  return llmFlags(queueFlags(cmd));
}

export function registerRun(program: Command): void {
  common(program.command('run').description('run an agent on tasks and write one trajectory file per episode'))
    .requiredOption('--tasks <file-or-suite>', 'task JSONL file or suite name (bookingarena-v0)')
    .requiredOption('--out <dir>', 'output directory')
    .action(async (opts: RunOpts) => {
      const r = await execute(opts);
      if (opts.json) printJson({ out: opts.out, ...r.summary, seconds: Math.round(r.ms / 1000) });
      else process.stdout.write(`${summaryTable(r.summary)}\n${r.trajectories.length} trajectories in ${join(opts.out!, 'trajectories')} (${(r.ms / 1000).toFixed(1)} s)\n`);
    });
}
