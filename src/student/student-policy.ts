import type { Action } from '../core/schemas/action.js';
import { formatAction } from '../browser/actions/format-action.js';
import { argCandidates, chooseArg, elementKey } from './arguments.js';
import { buildCandidates, type Candidate } from './features.js';
import { scoreCandidates } from './model.js';
import type { StudentModel } from './save-load.js';

/** What the student reads: structurally a subset of agents' PolicyInput (no import of agents). */
export type StudentInput = {
  task: { instruction: string };
  observation: { axtree: string; url: string };
  history: readonly { action: string }[];
};

/**
 * The student policy: scores every candidate with the MLP, takes the best one whose argument
 * can be filled, and answers one action in the runtime's syntax (formatAction, so it parses).
 * Structurally a `Policy` of src/agents/policy.ts.
 */
export class StudentPolicy {
  readonly name = 'student';
  constructor(private readonly model: StudentModel) {}

  async act(input: StudentInput): Promise<{ action: string; thought: string }> {
    return Promise.resolve(this.decide(input));
  }

  decide(input: StudentInput): { action: string; thought: string } {
    const ctx = { instruction: input.task.instruction, axtree: input.observation.axtree, url: input.observation.url, history: input.history.map((h) => h.action) };
    const cands = buildCandidates(ctx, this.model.features);
    const scores = scoreCandidates(this.model.weights, cands.map((c) => c.features));
    const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [score, i] of order) {
      const action = this.toAction(cands[i]!, ctx.instruction);
      if (action) return { action: formatAction(action), thought: `student: ${cands[i]!.kind} ${cands[i]!.name ? `"${cands[i]!.name}"` : ''} (score ${score.toFixed(2)} of ${cands.length} candidates)` };
    }
    return { action: formatAction({ type: 'stop' }), thought: 'student: no candidate' };
  }

  private toAction(c: Candidate, instruction: string): Action | undefined {
    if (c.kind === 'stop') return { type: 'stop' };
    const bid = c.bid!;
    if (c.kind === 'click' || c.kind === 'check') return { type: c.kind, bid };
    const text = chooseArg(this.model.argHead, c.kind, elementKey(c.kind, c.role, c.name), c.name, argCandidates(instruction, c.options));
    if (text === undefined) return undefined;
    return c.kind === 'fill' ? { type: 'fill', bid, text } : { type: 'select_option', bid, options: [text] };
  }
}
