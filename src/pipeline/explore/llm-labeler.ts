import type { BookingTask as Task, Constraint } from '../../core/schemas/task.js';
import type { ModelProvider } from '../../models/provider.js';
import type { SiteDefinition } from '../../sites/engine/site-definition.js';
import { labelState } from '../../tasks/hindsight-label.js';
import { siteSchema } from '../../tasks/decompose/site-schema.js';
import type { World } from '../../world/world.js';
import { decomposeWithModel } from '../decompose/llm-decompose.js';
import { DEFAULT_ORM_THRESHOLD, IDLE_LIMIT, idleSteps, type Labeler } from './prune.js';
import { askFor } from './ask-json.js';
import { SUMMARY_UNAVAILABLE } from './llm-summaries.js';
import type { ExploreStep } from './types.js';

/**
 * The model's labeler and outcome reward model (NNetNav): the state changes so far become an
 * instruction (the relabel prompt), the instruction is decomposed into the site's typed
 * constraints, and the model scores the changes against the instruction on NNetNav's 1-5 scale.
 * The task keeps the booking the state holds as its witness (the embedded labeler's target).
 */

const RELABEL = `You are given the state changes of a web agent that explored a booking website with no instruction. Write the instruction a user could have given that this sequence of changes accomplishes: one or two sentences, concrete (places, dates, people, options), asking for nothing the changes did not do. If the agent did not book, say where to stop. Reply with JSON only: {"instruction": "..."}`;

const REWARD = `You are judging a web agent. Given a user instruction and the state changes the agent made, rate how well the changes accomplish the instruction on a scale of 1 to 5:
5: everything asked was done, nothing contradicts it; 4: done with a harmless extra step; 3: partly done; 2: little of it done; 1: not done or contradicted.
Reply with JSON only: {"score": N, "reason": "..."}`;

/** The summaries so far, numbered by step, whoever wrote them (the state or a model); a step nobody could summarize says so. */
const changesOf = (prefix: readonly ExploreStep[]) =>
  prefix.flatMap((s, i) => (s.summarySource === 'unavailable' ? [`${i + 1}. (unknown: ${SUMMARY_UNAVAILABLE})`] : s.summary.map((x) => `${i + 1}. ${x}`))).join('\n') || '(no change yet)';

export function llmLabeler(site: SiteDefinition, world: World, episodeId: string, provider: ModelProvider, threshold = DEFAULT_ORM_THRESHOLD): Labeler {
  return async (prefix, depth) => {
    const steps = prefix.slice(0, depth);
    const state = steps[depth - 1]?.state ?? undefined;
    const base = labelState({ site, world, state, id: `${episodeId}-${depth}`, seed: `${episodeId}/${depth}` });
    if ('problem' in base) return { depth, task: undefined, problem: base.problem, ormScore: 1, passed: idleSteps(steps) < IDLE_LIMIT };
    const changes = changesOf(steps);
    const instruction = await askFor(provider, [{ role: 'system', content: RELABEL }, { role: 'user', content: `Website: ${site.name}\nState changes:\n${changes}` }], (v) => (typeof v.instruction === 'string' && v.instruction.trim() ? v.instruction.trim() : undefined));
    if (!instruction) return { depth, task: undefined, problem: 'the model gave no instruction twice', ormScore: 1, passed: false };
    const d = await decomposeWithModel(instruction, { site, world, schema: siteSchema(site, world), provider });
    const constraints = d.constraints.filter((c): c is Constraint => c.kind !== 'superlative');
    if (constraints.length < 2) return { depth, task: undefined, problem: `the instruction decomposes into ${constraints.length} usable constraint(s)`, ormScore: 1, passed: false };
    const score = await askFor(provider, [{ role: 'system', content: REWARD }, { role: 'user', content: `Instruction: ${instruction}\nState changes:\n${changes}` }], (v) => {
      const n = Number(v.score);
      return Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
    });
    const task: Task = { ...base.task, instruction, constraints: constraints.slice(0, 12), metadata: { ...base.task.metadata, templateIds: constraints.map((c) => c.id) } };
    const ormScore = score ?? 1;
    return { depth, task, ormScore, passed: ormScore >= threshold, ...(score === undefined ? { problem: 'the reward model gave no score twice' } : {}) };
  };
}
