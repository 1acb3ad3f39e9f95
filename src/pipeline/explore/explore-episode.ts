import type { Explorer } from '../../agents/explorer/scripted-explorer.js';
import { MAX_STEPS } from '../../agents/explorer/scripted-explorer.js';
import type { Persona } from '../../agents/explorer/personas.js';
import type { PastStep } from '../../agents/policy.js';
import type { BrowserEnv } from '../../browser/env/browser-env.js';
import { describeError } from '../../core/errors.js';
import type { DatasetRow } from '../../core/schemas/dataset.js';
import type { SiteEpisodeState } from '../../core/schemas/episode-state.js';
import type { Labeler } from './prune.js';
import { isPrunePoint, survivors } from './prune.js';
import { demonstration, type DemonstrationInfo } from './posthoc.js';
import { isWebTask } from '../../core/schemas/task.js';
import type { ResetTarget } from '../../browser/env/browser-env.js';
import { stepSummarizer, type StepSummarizer } from './summarizers.js';
import type { Checkpoint, ExploreStep } from './types.js';

export type ExploreEpisodeOptions = {
  env: BrowserEnv;
  explorer: Explorer;
  labeler: Labeler;
  siteId: string;
  persona: Persona;
  episodeId: string;
  episodeSeed: number;
  runId: string;
  maxSteps?: number;
  /** Writes each step's state change (default: exact, from the state). */
  summarize?: StepSummarizer;
  /** Where the episode starts (default: a new episode of `siteId` on the env's backend; a URL for a site we know nothing about). */
  target?: ResetTarget;
  /**
   * Turns a surviving checkpoint into a row (default: the embedded post-hoc rewriting, which needs
   * a booking task). A failure (a model's unusable reply) loses that row only: it is reported in
   * `problems`, the other rows are kept.
   */
  demonstrate?: (task: NonNullable<Checkpoint['task']>, prefix: readonly ExploreStep[], info: DemonstrationInfo) => Promise<DatasetRow>;
};

/** Why an exploration ended. */
export type ExploreEnd = 'pruned' | 'stopped' | 'max_steps' | 'unparsable' | 'repeated' | 'gave_up' | 'error';

export type ExploreResult = {
  steps: ExploreStep[];
  checkpoints: Checkpoint[];
  rows: DatasetRow[];
  end: ExploreEnd;
  error: string | null;
  finalObservation: { url: string; observation: string };
  /** Rows that could not be made, and why (the others are kept). */
  problems: string[];
};

/** NNetNav's early stops: three unparsable replies, or the same action three times running. */
const STRIKES = 3;

/**
 * One exploration: reset on the site, then explorer and env in turn. After every step its
 * state change is summarized (exactly from the state, or by a model from the pages); at every prune point (4, 8, ...) the prefix is labeled and
 * scored, and the exploration stops at the first prefix that scores below the threshold. The
 * end of the episode is a last checkpoint. Every surviving prefix with a new label becomes a
 * demonstration.
 */
export async function exploreEpisode(o: ExploreEpisodeOptions): Promise<ExploreResult> {
  const maxSteps = Math.min(o.maxSteps ?? MAX_STEPS, MAX_STEPS);
  const summarize = o.summarize ?? stepSummarizer('exact');
  o.explorer.begin(o.siteId, o.persona, o.episodeSeed);
  let observation = await o.env.reset(o.target ?? { siteId: o.siteId, episodeId: o.episodeId });
  const steps: ExploreStep[] = [];
  const history: PastStep[] = [];
  const checkpoints: Checkpoint[] = [];
  let previous: SiteEpisodeState | null = null;
  let end: ExploreEnd = 'max_steps';
  let error: string | null = null;
  let unparsable = 0;
  try {
    for (let i = 0; i < maxSteps; i++) {
      const decision = await o.explorer.act({ observation, history, summaries: steps.flatMap((s) => s.summary) });
      if (decision.giveUp !== undefined) {
        end = 'gave_up';
        error = decision.giveUp;
        break;
      }
      const result = await o.env.step(decision.action);
      const state = result.info.state?.sites[o.siteId] ?? null;
      const isStop = result.done;
      const actionError = result.info.error ?? null;
      // The stop itself is not summarized: it is not kept (below).
      const change = isStop
        ? { summary: [], source: 'exact' as const }
        : await summarize({ before: observation, after: result.observation, action: decision.action, error: actionError, stateBefore: previous, stateAfter: state });
      const step: ExploreStep = {
        index: i,
        url: observation.url,
        observation: observation.axtree,
        thought: decision.thought,
        action: decision.action,
        parsed: result.info.action,
        error: actionError,
        state,
        summary: change.summary,
        summarySource: change.source,
        ...(change.problem ? { summaryProblem: change.problem } : {}),
      };
      previous = state;
      observation = result.observation;
      // The stop itself is not a step of the demonstration: posthoc adds its own.
      if (!isStop) {
        steps.push(step);
        history.push({ action: step.action, thought: step.thought, url: step.url, error: step.error });
      }
      unparsable = step.parsed === null ? unparsable + 1 : 0;
      if (unparsable >= STRIKES) {
        end = 'unparsable';
        break;
      }
      const last = steps.slice(-STRIKES);
      if (last.length === STRIKES && last.every((s) => s.action === step.action) && !isStop) {
        end = 'repeated';
        break;
      }
      if (isStop) {
        end = 'stopped';
        break;
      }
      if (isPrunePoint(steps.length)) {
        const c = await o.labeler(steps, steps.length);
        checkpoints.push(c);
        if (!c.passed) {
          end = 'pruned';
          break;
        }
      }
    }
  } catch (err) {
    if ((err as Error).name === 'EnvCrashedError') throw err;
    end = 'error';
    error = describeError(err);
  }
  // The end of the episode is a checkpoint of its own (a booking made at step 23 is labeled).
  if (end !== 'pruned' && end !== 'error' && steps.length > 0 && !isPrunePoint(steps.length)) {
    try {
      checkpoints.push(await o.labeler(steps, steps.length));
    } catch (err) {
      end = 'error';
      error = describeError(err);
    }
  }
  const finalObservation = { url: observation.url, observation: observation.axtree };
  const demonstrate = o.demonstrate ?? embeddedDemonstration;
  const rows: DatasetRow[] = [];
  const problems: string[] = [];
  for (const c of survivors(checkpoints)) {
    const prefix = steps.slice(0, c.depth);
    const next = steps[c.depth];
    const info: DemonstrationInfo = {
      runId: o.runId,
      episodeId: o.episodeId,
      explorer: o.explorer.name,
      persona: o.persona.id,
      ormScore: c.ormScore,
      totalSteps: steps.length,
      after: next ? { url: next.url, observation: next.observation } : finalObservation,
    };
    try {
      rows.push(await demonstrate(c.task!, prefix, info));
    } catch (err) {
      if ((err as Error).name === 'EnvCrashedError') throw err;
      problems.push(`the row of steps 1-${c.depth}: ${describeError(err).split('\n')[0]}`);
    }
  }
  return { steps, checkpoints, rows, end, error, finalObservation, problems };
}

/** The embedded post-hoc rewriting: from the constraints of a booking task. */
async function embeddedDemonstration(task: NonNullable<Checkpoint['task']>, prefix: readonly ExploreStep[], info: DemonstrationInfo): Promise<DatasetRow> {
  if (isWebTask(task)) throw new Error(`the embedded post-hoc rewriting needs a booking task; ${task.id} is an open-web instruction`);
  return demonstration(task, prefix, info);
}
