import type { ModelProvider } from '../../models/provider.js';
import { askOrThrow } from './ask-json.js';
import { SUMMARY_UNAVAILABLE } from './llm-summaries.js';
import { mayHaveChanged, type ExploreStep } from './types.js';

/**
 * Post-hoc reasoning with a model (NNetNav's retroactive reasoning): given the labeled
 * instruction and the steps of the prefix (where each was, the action, the element it acted on,
 * what it changed), the model writes for every step the thought an agent pursuing the
 * instruction would have had before that action, and says whether the step was needed. Actions
 * are never changed. Only a step that changed nothing (or failed) may be dropped, and only when
 * the model says it was not needed: a step that changed the page stays, whatever the model says,
 * since what follows was seen after it. One call per demonstration; a reply unusable twice is an
 * error for that demonstration.
 */

export const REASON = `You are given a user instruction and the steps a web agent took on a website, in order: the page it was on, the action, the element it acted on, and what the action changed. The agent was exploring with no instruction; the instruction was written afterwards from what it did. For every step, write the reasoning the agent would have had just before the action if it had been pursuing this instruction: what it sees, what is left to do, and why this action advances the instruction (one to three sentences, first person, present tense, concrete: the values it types or picks). Say whether the step was needed for the instruction: a failed action, a scroll or a step that changed nothing and led nowhere was not. Also write the closing thought of the agent once the instruction is done.
Reply with JSON only: {"steps": [{"step": 1, "thought": "...", "needed": true}, ...], "final": "..."}`;

/** The line of the page an action acts on (`[12] button "Search"`), when it names an element. */
export function targetLine(step: Pick<ExploreStep, 'observation' | 'parsed'>): string | undefined {
  const bid = step.parsed && 'bid' in step.parsed ? String(step.parsed.bid) : undefined;
  if (bid === undefined) return undefined;
  const needle = `[${bid}]`;
  return step.observation.split('\n').find((l) => l.trimStart().startsWith(needle))?.trim();
}

export function reasoningPrompt(instruction: string, prefix: readonly ExploreStep[]): string {
  const lines = prefix.map((s, i) => {
    const target = targetLine(s);
    const change = s.summarySource === 'unavailable' ? `(unknown: ${SUMMARY_UNAVAILABLE})` : s.summary.join(' ') || '(nothing changed)';
    return [`Step ${i + 1}: on ${s.url}`, `  action: ${s.action}`, ...(target ? [`  element: ${target}`] : []), ...(s.error ? [`  the action failed: ${s.error.split('\n')[0]}`] : []), `  changed: ${change}`].join('\n');
  });
  return `Instruction: ${instruction}\n\nSteps:\n${lines.join('\n')}`;
}

export type Reasoning = { thoughts: string[]; needed: boolean[]; final: string | undefined };

const MAX_THOUGHT_CHARS = 600;

/** The model's reply read for `n` steps: one entry per step, numbered 1..n, each with a thought; undefined otherwise. */
export function readReasoning(v: Record<string, unknown>, n: number): Reasoning | undefined {
  if (!Array.isArray(v.steps)) return undefined;
  const thoughts: string[] = new Array(n);
  const needed: boolean[] = new Array(n);
  for (const e of v.steps as unknown[]) {
    if (typeof e !== 'object' || e === null) return undefined;
    const { step, thought, needed: nd } = e as Record<string, unknown>;
    const i = Number(step) - 1;
    if (!Number.isInteger(i) || i < 0 || i >= n || thoughts[i] !== undefined) return undefined;
    if (typeof thought !== 'string' || !thought.trim()) return undefined;
    const t = thought.replace(/\s+/g, ' ').trim();
    thoughts[i] = t.length > MAX_THOUGHT_CHARS ? `${t.slice(0, MAX_THOUGHT_CHARS - 3).trimEnd()}...` : t;
    needed[i] = nd === false || nd === 'false' ? false : true;
  }
  for (let i = 0; i < n; i++) if (thoughts[i] === undefined) return undefined;
  const final = typeof v.final === 'string' && v.final.trim() ? v.final.replace(/\s+/g, ' ').trim() : undefined;
  return { thoughts, needed, final };
}

/** Whether the model may drop a step: it changed nothing the summaries saw, or failed. */
export const droppable = (s: ExploreStep) => s.error !== null || s.parsed === null || !mayHaveChanged(s);

/** Thoughts for every step of the prefix, and which steps stay (needed, or not droppable). */
export async function reasonWithModel(provider: ModelProvider, task: { instruction: string }, prefix: readonly ExploreStep[]): Promise<Reasoning & { keep: boolean[] }> {
  const r = await askOrThrow(
    provider,
    [{ role: 'system', content: REASON }, { role: 'user', content: reasoningPrompt(task.instruction, prefix) }],
    (v) => readReasoning(v, prefix.length),
    `rewriting the reasoning of steps 1-${prefix.length} for "${task.instruction.slice(0, 80)}"`,
  );
  return { ...r, keep: prefix.map((s, i) => r.needed[i]! || !droppable(s)) };
}
