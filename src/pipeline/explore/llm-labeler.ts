import type { BookingTask as Task, Constraint } from '../../core/schemas/task.js';
import type { ModelProvider } from '../../models/provider.js';
import type { SiteDefinition } from '../../sites/engine/site-definition.js';
import { labelState } from '../../tasks/hindsight-label.js';
import { siteSchema } from '../../tasks/decompose/site-schema.js';
import type { World } from '../../world/world.js';
import { decomposeWithModel } from '../decompose/llm-decompose.js';
import { DEFAULT_ORM_THRESHOLD, IDLE_LIMIT, idleSteps, type Labeler } from './prune.js';
import { askInstruction, askScore, changesOf } from './nnetnav-prompts.js';

/**
 * The model's labeler and outcome reward model (NNetNav): the state changes so far become an
 * instruction (the relabel prompt), the instruction is decomposed into the site's typed
 * constraints, and the model scores the changes against the instruction on NNetNav's 1-5 scale.
 * The task keeps the booking the state holds as its witness (the embedded labeler's target).
 * The prompts are NNetNav's (nnetnav-prompts.ts), shared with the labeler of sites we know nothing about.
 */
export function llmLabeler(site: SiteDefinition, world: World, episodeId: string, provider: ModelProvider, threshold = DEFAULT_ORM_THRESHOLD): Labeler {
  return async (prefix, depth) => {
    const steps = prefix.slice(0, depth);
    const state = steps[depth - 1]?.state ?? undefined;
    const base = labelState({ site, world, state, id: `${episodeId}-${depth}`, seed: `${episodeId}/${depth}` });
    if ('problem' in base) return { depth, task: undefined, problem: base.problem, ormScore: 1, passed: idleSteps(steps) < IDLE_LIMIT };
    const changes = changesOf(steps);
    const instruction = await askInstruction(provider, 'booking', site.name, changes);
    if (!instruction) return { depth, task: undefined, problem: 'the model gave no instruction twice', ormScore: 1, passed: false };
    const d = await decomposeWithModel(instruction, { site, world, schema: siteSchema(site, world), provider });
    const constraints = d.constraints.filter((c): c is Constraint => c.kind !== 'superlative');
    if (constraints.length < 2) return { depth, task: undefined, problem: `the instruction decomposes into ${constraints.length} usable constraint(s)`, ormScore: 1, passed: false };
    const score = await askScore(provider, instruction, changes);
    const task: Task = { ...base.task, instruction, constraints: constraints.slice(0, 12), metadata: { ...base.task.metadata, templateIds: constraints.map((c) => c.id) } };
    const ormScore = score ?? 1;
    return { depth, task, ormScore, passed: ormScore >= threshold, ...(score === undefined ? { problem: 'the reward model gave no score twice' } : {}) };
  };
}
