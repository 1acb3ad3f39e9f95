import { InvalidInputError } from '../core/errors.js';
import { createProvider, type ProviderConfig } from '../models/config.js';
import type { ModelProvider } from '../models/provider.js';
import type { World } from '../world/world.js';
import { isQaTask, type Task } from '../core/schemas/task.js';
import { LlmAgent } from './llm/llm-agent.js';
import type { LlmAgentOptionsInput } from './llm/options.js';
import type { Policy } from './policy.js';
import { RandomAgent } from './random-agent.js';
import { ScriptedResearcher } from './researcher/scripted-researcher.js';
import { ScriptedTeacher } from './scripted/scripted-teacher.js';
import { DEFAULT_NOISE } from './scripted/plan.js';
import { loadStudent, type StudentModel } from '../student/save-load.js';
import { StudentPolicy } from '../student/student-policy.js';

export const AGENT_NAMES = ['scripted', 'random', 'llm'] as const;

/** What the LLM agent needs: how to reach the model (never the key itself) and its prompt knobs. */
export type LlmSetup = {
  config: ProviderConfig;
  options?: LlmAgentOptionsInput;
  /** An already built provider (tests); otherwise one is created from `config`. */
  provider?: ModelProvider;
};

/**
 * `temperature` makes a student sample its actions (seeded per episode: the task and the episode
 * seed) instead of acting greedily, the default everywhere.
 */
export type AgentOptions = { world: World; noise?: number; llm?: LlmSetup; temperature?: number };

/**
 * The embedded agent with no model: the booking teacher for bookings, the researcher for
 * questions (kind "qa"), chosen per task, with the same noise.
 */
export class ScriptedAgent implements Policy {
  readonly name = 'scripted';
  private inner: ScriptedTeacher | ScriptedResearcher | undefined;

  constructor(
    private readonly world: World,
    private readonly noise = DEFAULT_NOISE,
  ) {}

  begin(task: Task, episodeSeed: number): void {
    this.inner = isQaTask(task) ? new ScriptedResearcher(this.world, this.noise) : new ScriptedTeacher(this.world, this.noise);
    this.inner.begin(task, episodeSeed);
  }

  get errors(): readonly string[] {
    return this.inner?.errors ?? [];
  }

  act(input: Parameters<Policy['act']>[0]): ReturnType<Policy['act']> {
    if (!this.inner) this.begin(input.task, 0);
    return this.inner!.act(input);
  }
}

/**
 * A student sampling at a temperature: its random stream is seeded by the task and the episode
 * seed when the episode begins, so an episode samples the same actions whatever ran beside it.
 */
class SampledStudent implements Policy {
  readonly name = 'student';
  private inner: StudentPolicy;

  constructor(
    private readonly model: StudentModel,
    private readonly temperature: number,
  ) {
    this.inner = new StudentPolicy(model, { temperature });
  }

  begin(task: Task, episodeSeed: number): void {
    this.inner = new StudentPolicy(this.model, { temperature: this.temperature, seed: `${task.id}/${episodeSeed}` });
  }

  act(input: Parameters<Policy['act']>[0]): ReturnType<Policy['act']> {
    return this.inner.act(input);
  }
}

/** A fresh policy per episode (policies keep per-episode memory). */
export function agentFactory(name: string, o: AgentOptions): () => Policy {
  switch (name) {
    case 'scripted':
      return () => new ScriptedAgent(o.world, o.noise ?? DEFAULT_NOISE);
    case 'random':
      return () => new RandomAgent();
    case 'llm': {
      if (!o.llm) throw new InvalidInputError('the llm agent needs a model', { hint: 'pass --model (and --base-url for a local server), or --llm-config FILE' });
      // One provider for every episode: its concurrency bound, rate limit and cache are shared.
      const provider = o.llm.provider ?? createProvider(o.llm.config);
      const options = o.llm.options ?? {};
      return () => new LlmAgent(provider, options);
    }
    default: {
      if (name.startsWith('student:')) {
        const model = loadStudent(name.slice('student:'.length)); // once; the policy keeps no per-episode state
        const temperature = o.temperature;
        if (temperature !== undefined) return (): Policy => new SampledStudent(model, temperature);
        return (): Policy => new StudentPolicy(model);
      }
      throw new InvalidInputError(`unknown agent "${name}"`, { hint: `agents: ${AGENT_NAMES.join(', ')}, student:MODEL_DIR` });
    }
  }
}

/** What a trajectory header records about the agent besides its name: noise, or the model. */
export function agentInfo(name: string, o: Pick<AgentOptions, 'noise' | 'llm' | 'temperature'>): { noise?: number; model?: string; temperature?: number } {
  if (name === 'scripted') return { noise: o.noise ?? DEFAULT_NOISE };
  if (name === 'llm' && o.llm) return { model: o.llm.config.model };
  if (name.startsWith('student:') && o.temperature !== undefined) return { temperature: o.temperature };
  return {};
}
