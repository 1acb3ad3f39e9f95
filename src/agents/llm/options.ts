import { z } from 'zod';

/**
 * How the LLM agent builds its prompt and reads replies. Model identity, sampling and keys are
 * the provider's (src/models/config.ts); these are only the agent's own knobs.
 */
export const LlmAgentOptions = z.strictObject({
  /** The last K steps are shown in full (thought, action, error); earlier ones as one line each. */
  historySteps: z.number().int().min(0).max(100).default(3),
  /** Token budget of the accessibility tree in the prompt (estimated as chars/3.2, like the observation). */
  obsBudgetTokens: z.number().int().min(100).max(1_000_000).default(6000),
  /** Ask for the action as a function call (one tool per action type) instead of text. */
  toolCalls: z.boolean().default(false),
});
export type LlmAgentOptions = z.infer<typeof LlmAgentOptions>;
export type LlmAgentOptionsInput = z.input<typeof LlmAgentOptions>;
