import { InvalidInputError } from '../core/errors.js';
import type { World } from '../world/world.js';
import type { Policy } from './policy.js';
import { RandomAgent } from './random-agent.js';
import { ScriptedTeacher } from './scripted/scripted-teacher.js';
import { DEFAULT_NOISE } from './scripted/plan.js';

export const AGENT_NAMES = ['scripted', 'random'] as const;

export type AgentOptions = { world: World; noise?: number };

/** A fresh policy per episode (policies keep per-episode memory). */
export function agentFactory(name: string, o: AgentOptions): () => Policy {
  switch (name) {
    case 'scripted':
      return () => new ScriptedTeacher(o.world, o.noise ?? DEFAULT_NOISE);
    case 'random':
      return () => new RandomAgent();
    default:
      throw new InvalidInputError(`unknown agent "${name}"`, { hint: `agents: ${AGENT_NAMES.join(', ')}` });
  }
}
