import { logger } from '../../core/logger.js';
import type { Task } from '../../core/schemas/task.js';
import type { ChatMessage, ChatRequest, ModelProvider, ToolSpec, Usage } from '../../models/provider.js';
import type { Decision, Policy } from '../policy.js';
import { LlmAgentOptions, type LlmAgentOptionsInput } from './options.js';
import { buildMessages, correctionPrompt, type PromptInput } from './prompt.js';
import { readReply, toolSpecs, type ReadReply } from './reply.js';
import { sumUsage } from './usage.js';

const log = logger('agents:llm');

/** WebArena and NNetNav end an episode after this many parse failures or identical actions in a row. */
export const GIVE_UP_AFTER = 3;

/**
 * A ReAct web agent over any ModelProvider: each step it prompts with the task, its history and
 * the current observation, reads one action from the reply (text or a function call), and gives
 * one corrective retry when the reply holds no valid action. It keeps per-episode memory (the
 * failure and repeat counters), so use one instance per episode.
 */
export class LlmAgent implements Policy {
  readonly name = 'llm';
  private readonly options: LlmAgentOptions;
  private readonly tools: ToolSpec[] | undefined;
  private parseFailures = 0;
  private recent: string[] = [];

  constructor(
    private readonly provider: ModelProvider,
    options: LlmAgentOptionsInput = {},
  ) {
    this.options = LlmAgentOptions.parse(options);
    this.tools = this.options.toolCalls ? toolSpecs() : undefined;
  }

  get model(): string {
    return this.provider.model;
  }

  begin(_task: Task, _episodeSeed: number): void {
    this.parseFailures = 0;
    this.recent = [];
  }

  async act(input: PromptInput): Promise<Decision> {
    const messages = buildMessages(input, this.options);
    const usages: Usage[] = [];
    let reply = await this.ask(messages, usages);
    if (!reply.read.ok) {
      log.debug('no valid action, retrying once', { error: reply.read.error });
      messages.push({ role: 'assistant', content: replyAsText(reply.content, reply.toolCall) }, { role: 'user', content: correctionPrompt(reply.read.error, this.options) });
      const first = reply.read;
      reply = await this.ask(messages, usages);
      // Keep the first thought when the retry only restated the action.
      if (reply.read.ok && reply.read.thought === '') reply.read.thought = first.thought;
    }
    const usage = sumUsage(usages);
    const withUsage = (d: Decision): Decision => (usage ? { ...d, usage } : d);
    const read = reply.read;

    if (!read.ok) {
      const raw = replyAsText(reply.content, reply.toolCall);
      this.parseFailures++;
      this.recent = [];
      if (this.parseFailures >= GIVE_UP_AFTER) {
        return withUsage({ action: raw, thought: read.thought, giveUp: `${GIVE_UP_AFTER} replies in a row without a valid action (last: ${read.error})` });
      }
      // The raw text goes to the env, which records it as an error step the model then sees.
      return withUsage({ action: raw, thought: read.thought });
    }

    this.parseFailures = 0;
    this.recent = [...this.recent, read.action].slice(-GIVE_UP_AFTER);
    if (this.recent.length === GIVE_UP_AFTER && this.recent.every((a) => a === read.action)) {
      return withUsage({ action: read.action, thought: read.thought, giveUp: `the same action ${read.action} ${GIVE_UP_AFTER} times in a row` });
    }
    return withUsage({ action: read.action, thought: read.thought });
  }

  private async ask(messages: ChatMessage[], usages: Usage[]): Promise<{ read: ReadReply; content: string; toolCall?: { name: string; arguments: unknown } }> {
    const request: ChatRequest = { messages, ...(this.tools ? { tools: this.tools } : {}) };
    const r = await this.provider.chat(request);
    usages.push(r.usage);
    return { read: readReply(r), content: r.content, ...(r.toolCalls[0] ? { toolCall: r.toolCalls[0] } : {}) };
  }
}

/**
 * The failed reply as the assistant turn of the retry. A function call is written out as text:
 * replaying it as a real tool call would oblige a tool result before the correction.
 */
function replyAsText(content: string, call?: { name: string; arguments: unknown }): string {
  const tail = call ? `\n[called ${call.name} with ${JSON.stringify(call.arguments)}]` : '';
  return `${content}${tail}`.trim() || '(empty reply)';
}
