import type { BookingTask } from '../../core/schemas/task.js';
import type { ModelProvider } from '../../models/provider.js';
import { siteById } from '../../sites/registry.js';
import type { World } from '../../world/world.js';
import { LlmAgent } from '../llm/llm-agent.js';
import type { LlmAgentOptionsInput } from '../llm/options.js';
import type { Decision } from '../policy.js';
import type { Persona } from './personas.js';
import { explorerIntent, type Explorer, type ExplorerInput } from './scripted-explorer.js';

/**
 * The model explorer (NNetNav's exploration prompt): the LLM web agent with, as its objective,
 * the persona and the standing order to use the site as that person would, and the running
 * summaries of what its steps changed so far. Its replies are read, retried and given up on
 * like the agent's (three unreadable replies end the episode).
 */
/** What a real user does on one of our booking sites. */
export const BOOKING_SITE_USES = 'search with real places and dates, compare and filter results, open options, fill in forms with your own details, and book when something fits';

/** What a real user does on a site we know nothing about (a URL given to `explore --url`). */
export const ANY_SITE_USES = 'search for things this person would look for, browse and filter results, open what looks relevant, fill in and submit forms with your own details when the site asks for them';

export function explorationObjective(siteName: string, persona: Persona, summaries: readonly string[], uses = BOOKING_SITE_USES): string {
  return [
    `You are ${persona.firstName} ${persona.lastName} (${persona.email}), ${persona.description}. You have no fixed task: explore ${siteName} the way this person would, doing the kinds of things a real user does there (${uses}). Do something different from what you already did; stop when you are done.`,
    summaries.length ? `What you have done so far:\n${summaries.map((s, i) => `${i + 1}. ${s}`).join('\n')}` : 'You have not done anything yet.',
  ].join('\n\n');
}

export class LlmExplorer implements Explorer {
  readonly name = 'llm-explorer';
  private agent: LlmAgent;
  private task: BookingTask | undefined;
  private persona: Persona | undefined;
  private siteName = '';

  constructor(
    private readonly world: World,
    private readonly provider: ModelProvider,
    private readonly options: LlmAgentOptionsInput = {},
  ) {
    this.agent = new LlmAgent(provider, options);
  }

  begin(siteId: string, persona: Persona, episodeSeed: number): void {
    // The agent's prompt is built around a task; the exploration's has only its site and objective.
    this.task = explorerIntent(siteId, this.world, episodeSeed);
    this.persona = persona;
    this.siteName = siteById(siteId).name;
    this.agent = new LlmAgent(this.provider, this.options);
    this.agent.begin(this.task, episodeSeed);
  }

  async act({ observation, history, summaries }: ExplorerInput): Promise<Decision> {
    if (!this.task || !this.persona) throw new Error('LlmExplorer.act before begin');
    const task: BookingTask = { ...this.task, instruction: explorationObjective(this.siteName, this.persona, summaries) };
    return this.agent.act({ task, observation, history });
  }
}
