import { resolve } from 'node:path';
import { parseSiteList } from '../../sites/splits.js';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { MAX_STEPS } from '../../agents/explorer/scripted-explorer.js';
import { InvalidInputError } from '../../core/errors.js';
import { isBookingTask } from '../../core/schemas/task.js';
import { NO_SUMMARY_MODEL, exploreRun } from '../../pipeline/explore/explore-run.js';
import { DEFAULT_SUMMARY_BUDGET } from '../../pipeline/explore/llm-summaries.js';
import { SUMMARY_MODES, type SummaryMode } from '../../pipeline/explore/summarizers.js';
import { DEFAULT_ORM_THRESHOLD } from '../../pipeline/explore/prune.js';
import { RunStore } from '../../pipeline/run-store.js';
import { SITES } from '../../sites/registry.js';
import { parseFraction, parseIntOption, printJson, table } from '../output.js';
import { llmFlags, resolveLlm, type LlmFlags } from '../llm-flags.js';
import { createProvider } from '../../models/config.js';
import { exploreUrls } from './explore-urls.js';

export type ExploreOpts = LlmFlags & { labeler?: string; summaries: string; reasoning?: string; sites?: string; url?: string[]; urls?: string; allowOrigins?: string; explorer?: string; episodes: number; out: string; seed: number; worldSeed: number; noise: number; maxSteps: number; parallel: number; threshold: string; resume?: boolean; json?: boolean };

type SiteTally = { episodes: number; steps: number; demonstrations: number; demoSteps: number; booked: number; ends: Record<string, number> };

/** The model of the run; with --summaries llm a missing one is named for what needs it. */
export function modelFor(opts: ExploreOpts, summaries: SummaryMode) {
  try {
    return createProvider(resolveLlm(opts).config);
  } catch (err) {
    if (summaries === 'llm' && err instanceof InvalidInputError) throw new InvalidInputError(`${NO_SUMMARY_MODEL} (${err.message})`, { hint: err.hint ?? 'pass --model (and --base-url for a local server), or --summaries exact' });
    throw err;
  }
}

export function registerExplore(program: Command): void {
  const cmd = program
    .command('explore')
    .description('NNetNav-style data without a task generator: explore our sites (--sites) or any web site (--url) with no task, label each surviving prefix in hindsight, prune with a reward model; resumable, exported by `export`')
    .option('--sites <ids>', 'comma-separated site ids or split:train / split:heldout (default: all)')
    .option('--url <url>', 'explore this web site instead of ours (repeatable): a model does everything our state did (explores, summarizes, labels, scores, rewrites the reasoning); needs --model', (v: string, all: string[] | undefined) => [...(all ?? []), v])
    .option('--urls <file>', 'start URLs, one a line (# comments), as many --url')
    .option('--allow-origins <list>', 'with --url: comma-separated origins the explorer may also load (default: only each start URL\'s own origin)')
    .option('--explorer <name>', 'scripted (embedded, no model; our sites only) | llm (NNetNav exploration prompt with the running summaries; needs --model). Default: scripted for --sites, llm for --url')
    .requiredOption('--episodes <n>', 'explorations per site or URL', parseIntOption('--episodes', 1, 100_000))
    .requiredOption('--out <dir>', 'run directory (a run store that `export --run` reads)')
    .option('--seed <s>', 'exploration seed (personas, intents, wandering)', parseIntOption('--seed'), 1)
    .option('--world-seed <s>', 'world (inventory) seed', parseIntOption('--world-seed'), 1)
    .option('--noise <x>', 'scripted explorer: mistake level of its moves, 0..1', parseFraction('--noise'), 0.5)
    .option('--max-steps <n>', `steps per exploration (at most ${MAX_STEPS})`, parseIntOption('--max-steps', 4, MAX_STEPS), MAX_STEPS)
    .option('--parallel <k>', 'explorations at once', parseIntOption('--parallel', 1, 64), 2)
    .option('--threshold <score>', 'reward-model score (1-5) a prefix needs for the exploration to go on', String(DEFAULT_ORM_THRESHOLD))
    .option('--labeler <name>', 'embedded (the state, phrased by the catalogue; exact reward; our sites only) | llm (NNetNav relabel and 1-5 reward prompts; on our sites then decomposition into constraints; needs --model). Default: embedded for --sites, llm for --url')
    .option('--summaries <mode>', 'who writes what each step changed: exact (the state\'s difference; our sites only) | llm (a model reads the page before and after; needs --model; --obs-budget caps its prompt) | auto (exact where the state is readable, the model where not: always the model for --url)', 'auto')
    .option('--reasoning <mode>', 'who rewrites each kept step\'s thought: embedded (from the constraints the step met; our sites only) | llm (NNetNav\'s retroactive-reasoning prompt; needs --model). Default: embedded for --sites, llm for --url')
    .option('--resume', 'continue the run in --out')
    .option('--json', 'print the summary as JSON');
  llmFlags(cmd).action(async (opts: ExploreOpts) => {
      if (opts.url !== undefined || opts.urls !== undefined) return exploreUrls(opts);
      const labeler = opts.labeler ?? 'embedded';
      const explorerName = opts.explorer ?? 'scripted';
      const reasoning = opts.reasoning ?? 'embedded';
      if (opts.allowOrigins !== undefined) throw new InvalidInputError('--allow-origins is for --url: our sites are served on their own origins');
      if (reasoning !== 'embedded' && reasoning !== 'llm') throw new InvalidInputError(`--reasoning must be embedded or llm, got "${reasoning}"`);
      if (labeler !== 'embedded' && labeler !== 'llm') throw new InvalidInputError(`--labeler must be embedded or llm, got "${labeler}"`);
      if (!(SUMMARY_MODES as readonly string[]).includes(opts.summaries)) throw new InvalidInputError(`--summaries must be ${SUMMARY_MODES.join(', ')}, got "${opts.summaries}"`);
      const summaries = opts.summaries as SummaryMode;
      const model = labeler === 'llm' || explorerName === 'llm' || summaries === 'llm' || reasoning === 'llm' ? modelFor(opts, summaries) : undefined;
      const labelModel = labeler === 'llm' ? model : undefined;
      if (explorerName !== 'scripted' && explorerName !== 'llm') throw new InvalidInputError(`unknown explorer "${explorerName}"`, { hint: 'explorers: scripted (embedded), llm (needs --model)' });
      const threshold = Number(opts.threshold);
      if (!Number.isFinite(threshold) || threshold < 1 || threshold > 5) throw new InvalidInputError(`--threshold must be a score from 1 to 5, got "${opts.threshold}"`);
      const sites = opts.sites ? parseSiteList(opts.sites) : SITES.map((s) => s.id);
      if (!opts.resume && RunStore.exists(opts.out)) throw new InvalidInputError(`${opts.out} already holds a run`, { hint: 'continue it with --resume, or choose another --out' });
      const tally = new Map<string, SiteTally>(sites.map((s) => [s, { episodes: 0, steps: 0, demonstrations: 0, demoSteps: 0, booked: 0, ends: {} }]));
      const bar = new SingleBar({ format: 'explorations {bar} {value}/{total} | demonstrations {demos}', stream: process.stderr, hideCursor: true });
      const bySource = { exact: 0, llm: 0, unavailable: 0 };
      let demos = 0;
      let done = 0;
      const t0 = performance.now();
      const store = await exploreRun({
        dir: opts.out,
        sites,
        episodes: opts.episodes,
        explorer: explorerName,
        ...(explorerName === 'llm' && model ? { exploreModel: model } : {}),
        ...(reasoning === 'llm' && model ? { reasoningModel: model } : {}),
        seed: opts.seed,
        worldSeed: opts.worldSeed,
        noise: opts.noise,
        maxSteps: opts.maxSteps,
        parallel: opts.parallel,
        resume: Boolean(opts.resume),
        threshold,
        ...(labelModel ? { labelModel } : {}),
        summaries,
        ...(model && summaries !== 'exact' ? { summaryModel: model } : {}),
        summaryBudgetTokens: opts.obsBudget ?? DEFAULT_SUMMARY_BUDGET,
        onStart: (total, already) => {
          if (already > 0) process.stderr.write(`resuming: ${already} of ${total} explorations already done\n`);
          if (process.stderr.isTTY) bar.start(total - already, 0, { demos: 0 });
        },
        onEpisode: (r) => {
          const t = tally.get(r.site)!;
          t.episodes++;
          t.steps += r.steps.length;
          t.demonstrations += r.rows.length;
          t.demoSteps += r.rows.reduce((n, x) => n + x.steps.length, 0);
          t.booked += r.rows.some((x) => isBookingTask(x.task) && x.task.constraints.some((c) => c.kind === 'booked')) ? 1 : 0;
          t.ends[r.end] = (t.ends[r.end] ?? 0) + 1;
          for (const x of r.steps) bySource[x.summarySource]++;
          demos += r.rows.length;
          done++;
          if (process.stderr.isTTY) bar.update(done, { demos });
        },
      });
      if (process.stderr.isTTY) bar.stop();
      const rows = store.rows();
      store.close();
      const bySite = Object.fromEntries(sites.map((s) => [s, { rows: rows.filter((r) => r.task.site === s).length, steps: rows.filter((r) => r.task.site === s).reduce((n, r) => n + r.steps.length, 0), thisRun: tally.get(s)! }]));
      const seconds = (performance.now() - t0) / 1000;
      if (opts.json) return printJson({ run: resolve(opts.out), explorer: explorerName, rows: rows.length, seconds: Math.round(seconds * 10) / 10, summaries: bySource, bySite });
      process.stdout.write(
        `${table(
          ['site', 'explorations', 'steps', 'demonstrations', 'booked', 'ends', 'rows in run'],
          sites.map((s) => {
            const t = tally.get(s)!;
            return [s, t.episodes, t.steps, t.demonstrations, t.booked, Object.entries(t.ends).map(([k, v]) => `${k} ${v}`).join(', ') || '-', bySite[s]!.rows];
          }),
        )}\nstep summaries this run: ${Object.entries(bySource).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}${bySource.unavailable ? ' (unavailable: the summarizer gave no usable reply; the steps are kept)' : ''}\nrun: ${resolve(opts.out)} in ${seconds.toFixed(1)} s; export with: webfoundry export --run ${opts.out} --format openai --per step --out DIR\n`,
      );
    });
}
