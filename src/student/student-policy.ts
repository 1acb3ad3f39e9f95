import type { Action } from '../core/schemas/action.js';
import { formatAction } from '../browser/actions/format-action.js';
import { buildCandidates, type Candidate } from './features.js';
import { scoreCandidates } from './model.js';
import type { StudentModel } from './save-load.js';

const REPEAT_WINDOW = 12;

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
    const cands = buildCandidates(ctx, this.model.features, this.model.argHead);
    const scores = scoreCandidates(this.model.weights, cands.map((c) => c.features));
    const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    const recent = ctx.history.slice(-REPEAT_WINDOW);
    for (const [score, i] of order) {
      const action = this.toAction(cands[i]!);
      if (!action) continue;
      const text = formatAction(action);
      // Loop guard: an element action already taken twice in the last few steps did not help.
      if (action.type !== 'scroll' && recent.filter((h) => h === text).length >= 2) continue;
      return { action: text, thought: `student: ${cands[i]!.kind} ${cands[i]!.name ? `"${cands[i]!.name}"` : ''} (score ${score.toFixed(2)} of ${cands.length} candidates)` };
    }
    return { action: formatAction({ type: 'stop' }), thought: 'student: no candidate' };
  }

  private toAction(c: Candidate): Action | undefined {
    if (c.kind === 'stop' || c.kind === 'go_back') return { type: c.kind };
    // The teacher scrolls by 80% of the 720 px viewport; up goes back to the top.
    if (c.kind === 'scroll_down') return { type: 'scroll', dx: 0, dy: 576 };
    if (c.kind === 'scroll_up') return { type: 'scroll', dx: 0, dy: -10_000 };
    const bid = c.bid!;
    if (c.kind === 'click' || c.kind === 'check') return { type: c.kind, bid };
    // Chosen once, with the features (buildCandidates with the model's argument head).
    const text = c.arg;
    if (text === undefined) return undefined;
    if (c.kind === 'fill') return { type: 'fill', bid, text };
    // A select takes one of its options; a clock time may sit in the cut tail of a long list.
    if (c.options.length && !c.options.some((o) => o.toLowerCase() === text.toLowerCase()) && !/^\d{2}:\d{2}$/.test(text)) return undefined;
    return { type: 'select_option', bid, options: [text] };
  }
}
