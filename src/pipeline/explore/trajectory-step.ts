import type { TrajectoryStep } from '../../core/schemas/trajectory.js';
import type { ExploreStep } from './types.js';

/**
 * An exploration step as the run store keeps it in a trajectory: explorations time no phases,
 * and what the state and CSR were is the caller's to say (none on a site we cannot read).
 */
export function trajectoryStepOf(s: ExploreStep, state: TrajectoryStep['state'], csr: number): TrajectoryStep {
  return {
    type: 'step',
    index: s.index,
    url: s.url,
    observation: s.observation,
    observationTokens: Math.ceil(s.observation.length / 4),
    thought: s.thought,
    action: s.action,
    parsed: s.parsed,
    error: s.error,
    timings: { actionMs: 0, settleMs: 0, observeMs: 0, totalMs: 0 },
    state,
    csr,
  };
}
