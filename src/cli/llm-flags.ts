import type { Command } from 'commander';
import type { LlmSetup } from '../agents/make-agent.js';
import { LlmAgentOptions } from '../agents/llm/options.js';
import { resolveProviderConfig } from '../models/config.js';
import { parseDecimal } from '../core/numbers.js';
import { InvalidInputError } from '../core/errors.js';
import { parseIntOption } from './output.js';

/** The model flags as commander hands them over (camelCase). */
export type LlmFlags = {
  model?: string;
  baseUrl?: string;
  provider?: string;
  apiKeyEnv?: string;
  temperature?: string;
  maxTokens?: string;
  llmConfig?: string;
  timeoutMs?: string;
  llmConcurrency?: string;
  rpm?: string;
  maxRetries?: string;
  priceIn?: string;
  priceOut?: string;
  cache?: boolean;
  toolCalls?: boolean;
  history?: number;
  obsBudget?: number;
};

const DEFAULTS = LlmAgentOptions.parse({});

/** The flags of the LLM agent, shared by `run`, `bench` (--agent llm) and `generate` (--teacher llm). */
export function llmFlags(cmd: Command): Command {
  return cmd
    .option('--model <name>', 'llm: model name as the server knows it')
    .option('--base-url <url>', 'llm: API base URL, e.g. http://127.0.0.1:8000/v1 for vLLM, http://127.0.0.1:11434/v1 for Ollama')
    .option('--provider <kind>', 'llm: openai (any OpenAI-compatible server) | anthropic (default openai)')
    .option('--api-key-env <VAR>', 'llm: environment variable holding the API key (default OPENAI_API_KEY / ANTHROPIC_API_KEY)')
    .option('--temperature <t>', 'llm: sampling temperature, 0..2; student:DIR: sample at this temperature (seeded by task and episode) instead of acting greedily')
    .option('--max-tokens <n>', 'llm: most tokens per reply')
    .option('--llm-config <file>', 'llm: JSON file with provider settings (flags win over it)')
    .option('--timeout-ms <ms>', 'llm: per-request timeout (default 60000)')
    .option('--llm-concurrency <n>', 'llm: requests in flight at once (default 4)')
    .option('--rpm <n>', 'llm: at most this many requests per minute')
    .option('--max-retries <n>', 'llm: retries on 429, 5xx and timeouts (default 5)')
    .option('--price-in <usd>', 'llm: USD per million input tokens, for cost accounting')
    .option('--price-out <usd>', 'llm: USD per million output tokens')
    .option('--no-cache', 'llm: do not read or write the response cache')
    .option('--tool-calls', 'llm: ask for the action as a function call instead of text')
    .option('--history <k>', `llm: steps shown in full in the prompt (default ${DEFAULTS.historySteps})`, parseIntOption('--history', 0, 100))
    .option('--obs-budget <tokens>', `llm: token budget of the page in the prompt (default ${DEFAULTS.obsBudgetTokens})`, parseIntOption('--obs-budget', 100, 1_000_000));
}

/** A USD price flag: plain decimal notation, 0 when left out. */
function price(flag: string, value: string | undefined): number {
  if (value === undefined) return 0;
  const n = parseDecimal(value);
  if (n === undefined || n < 0) throw new InvalidInputError(`${flag} must be a decimal number of USD, 0 or more, got "${value}"`);
  return n;
}

/**
 * The provider config (flags > environment > --llm-config file) and the agent's options. The
 * config names the key's variable; the key itself is read by the provider and never leaves it.
 */
export function resolveLlm(f: LlmFlags): LlmSetup {
  const config = resolveProviderConfig({
    flags: {
      model: f.model,
      baseUrl: f.baseUrl,
      provider: f.provider,
      apiKeyEnv: f.apiKeyEnv,
      temperature: f.temperature,
      maxTokens: f.maxTokens,
      timeoutMs: f.timeoutMs,
      concurrency: f.llmConcurrency,
      requestsPerMinute: f.rpm,
      maxRetries: f.maxRetries,
      ...(f.priceIn !== undefined || f.priceOut !== undefined ? { prices: { inputPerMTok: price('--price-in', f.priceIn), outputPerMTok: price('--price-out', f.priceOut) } } : {}),
      ...(f.cache === false ? { cacheDir: false } : {}),
    },
    ...(f.llmConfig ? { file: f.llmConfig } : {}),
  });
  const options = LlmAgentOptions.parse({
    ...(f.history !== undefined ? { historySteps: f.history } : {}),
    ...(f.obsBudget !== undefined ? { obsBudgetTokens: f.obsBudget } : {}),
    ...(f.toolCalls ? { toolCalls: true } : {}),
  });
  return { config, options };
}
