import type { ModelProvider } from '../../models/provider.js';
import { askFor } from './ask-json.js';
import { SUMMARY_UNAVAILABLE } from './llm-summaries.js';
import type { ExploreStep } from './types.js';

/**
 * NNetNav's relabel and outcome-reward prompts, shared by the labeler of our sites
 * (llm-labeler.ts, which then decomposes the instruction into the site's constraints) and the
 * labeler of sites we know nothing about (web-labeler.ts, which keeps the instruction as it is).
 * The booking wording is the one the labeler of our sites always sent (its cached replies stay valid).
 */

const relabel = (site: string, stop: string) =>
  `You are given the state changes of a web agent that explored ${site} with no instruction. Write the instruction a user could have given that this sequence of changes accomplishes: one or two sentences, concrete (places, dates, people, options), asking for nothing the changes did not do. ${stop} Reply with JSON only: {"instruction": "..."}`;

/** The relabel prompt for one of our booking sites, or for any web site. */
export const RELABEL = { booking: relabel('a booking website', 'If the agent did not book, say where to stop.'), web: relabel('a website', 'If the agent stopped before submitting something, say where to stop.') } as const;

export const REWARD = `You are judging a web agent. Given a user instruction and the state changes the agent made, rate how well the changes accomplish the instruction on a scale of 1 to 5:
5: everything asked was done, nothing contradicts it; 4: done with a harmless extra step; 3: partly done; 2: little of it done; 1: not done or contradicted.
Reply with JSON only: {"score": N, "reason": "..."}`;

/** The summaries so far, numbered by step, whoever wrote them (the state or a model); a step nobody could summarize says so. */
export const changesOf = (prefix: readonly ExploreStep[]) =>
  prefix.flatMap((s, i) => (s.summarySource === 'unavailable' ? [`${i + 1}. (unknown: ${SUMMARY_UNAVAILABLE})`] : s.summary.map((x) => `${i + 1}. ${x}`))).join('\n') || '(no change yet)';

/** The relabel prompt's messages and how its reply is read. */
export const instructionAsk = (kind: keyof typeof RELABEL, siteName: string, changes: string) => ({
  messages: [{ role: 'system' as const, content: RELABEL[kind] }, { role: 'user' as const, content: `Website: ${siteName}\nState changes:\n${changes}` }],
  read: (v: Record<string, unknown>) => (typeof v.instruction === 'string' && v.instruction.trim() ? v.instruction.trim() : undefined),
});

/** The reward prompt's messages and how its reply is read (an integer 1-5). */
export const scoreAsk = (instruction: string, changes: string) => ({
  messages: [{ role: 'system' as const, content: REWARD }, { role: 'user' as const, content: `Instruction: ${instruction}\nState changes:\n${changes}` }],
  read: (v: Record<string, unknown>) => {
    const n = Number(v.score);
    return Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
  },
});

/** The instruction the changes accomplish (one corrective retry; undefined when the model gave none twice). */
export function askInstruction(provider: ModelProvider, kind: keyof typeof RELABEL, siteName: string, changes: string): Promise<string | undefined> {
  const a = instructionAsk(kind, siteName, changes);
  return askFor(provider, a.messages, a.read);
}

/** The 1-5 score of the changes against the instruction (one corrective retry; undefined when the model gave none twice). */
export function askScore(provider: ModelProvider, instruction: string, changes: string): Promise<number | undefined> {
  const a = scoreAsk(instruction, changes);
  return askFor(provider, a.messages, a.read);
}
