import type { WebTask } from '../../core/schemas/task.js';
import type { ModelProvider } from '../../models/provider.js';
import { askOrThrow } from './ask-json.js';
import { changesOf, instructionAsk, scoreAsk } from './nnetnav-prompts.js';
import { DEFAULT_ORM_THRESHOLD, IDLE_LIMIT, idleSteps, type Labeler } from './prune.js';
import { mayHaveChanged } from './types.js';

/**
 * The labeler and outcome reward model of a site we know nothing about (`explore --url`): no
 * state and no schema, only what the model summarized of each step. NNetNav's relabel prompt
 * turns the summaries so far into an instruction, kept as it is (an open-web task: no
 * constraints to decompose into), and its 1-5 reward prompt scores the summaries against it.
 * A prefix that changed nothing yet has nothing to label: judged again at the next prune point,
 * unless nothing changed for IDLE_LIMIT steps. A reply unusable twice (after one corrective
 * retry) is an error: the exploration ends there, and the prefixes labeled before it are kept.
 */
export function webLabeler(frame: WebTask, provider: ModelProvider, threshold = DEFAULT_ORM_THRESHOLD): Labeler {
  const site = new URL(frame.startUrl).host;
  return async (prefix, depth) => {
    const steps = prefix.slice(0, depth);
    if (!steps.some(mayHaveChanged)) return { depth, task: undefined, problem: 'no step changed anything yet', ormScore: 1, passed: idleSteps(steps) < IDLE_LIMIT };
    const changes = changesOf(steps);
    const a = instructionAsk('web', site, changes);
    const instruction = await askOrThrow(provider, a.messages, a.read, `labeling steps 1-${depth}`);
    const s = scoreAsk(instruction, changes);
    const ormScore = await askOrThrow(provider, s.messages, s.read, `scoring steps 1-${depth} against "${instruction.slice(0, 80)}"`);
    const task: WebTask = { ...frame, id: `${frame.id}-${depth}`, instruction, metadata: { ...frame.metadata, derivedFrom: frame.id } };
    return { depth, task, ormScore, passed: ormScore >= threshold };
  };
}
