import type { WebTask } from '../../core/schemas/task.js';
import type { ModelProvider } from '../../models/provider.js';
import { LlmAgent } from '../llm/llm-agent.js';
import type { LlmAgentOptionsInput } from '../llm/options.js';
import type { Decision } from '../policy.js';
import { ANY_SITE_USES, explorationObjective } from './llm-explorer.js';
import type { Persona } from './personas.js';
import type { Explorer, ExplorerInput } from './scripted-explorer.js';

/**
 * The model explorer on a site we know nothing about (`explore --url`): NNetNav's exploration
 * prompt as on our sites (the persona, the standing order to use the site as that person would,
 * the running summaries), around an open-web task whose only content is that objective. No
 * intent is drawn: there is no generator for a site whose schema we did not write.
 */
export class WebExplorer implements Explorer {
  readonly name = 'llm-explorer';
  private agent: LlmAgent;
  private persona: Persona | undefined;

  constructor(
    /** The exploration's own frame (start URL, id); its instruction is replaced by the objective each step. */
    private readonly frame: WebTask,
    private readonly provider: ModelProvider,
    private readonly options: LlmAgentOptionsInput = {},
  ) {
    this.agent = new LlmAgent(provider, options);
  }

  begin(_siteId: string, persona: Persona, _episodeSeed: number): void {
    this.persona = persona;
    this.agent = new LlmAgent(this.provider, this.options);
  }

  async act({ observation, history, summaries }: ExplorerInput): Promise<Decision> {
    if (!this.persona) throw new Error('WebExplorer.act before begin');
    const site = new URL(this.frame.startUrl).host;
    const task: WebTask = { ...this.frame, instruction: explorationObjective(site, this.persona, summaries, ANY_SITE_USES) };
    return this.agent.act({ task, observation, history });
  }
}
