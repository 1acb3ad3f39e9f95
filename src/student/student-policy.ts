import { formatAction } from '../browser/actions/format-action.js';
import { Rng } from '../core/rng.js';
import { decide, StepView, type Chooser, type StudentDecision } from './distribution.js';
import type { StudentModel } from './save-load.js';

/** What the student reads: structurally a subset of agents' PolicyInput (no import of agents). */
export type StudentInput = {
  task: { instruction: string };
  observation: { axtree: string; url: string };
  history: readonly { action: string }[];
};

/** Greedy (the default: `bench`, `run`, evaluations) or sampled at a temperature from a seeded stream. */
export type ActingOptions = { temperature?: number; seed?: string | number };

/**
 * The student policy: scores every candidate action, takes the best allowed one (or samples one
 * at a temperature), chooses its argument the same way, and answers one action in the runtime's
 * syntax (formatAction, so it parses). Every decision, with its log-probabilities, is kept in
 * `decisions` (one per act, in order) for RL. Structurally a `Policy` of src/agents/policy.ts.
 */
export class StudentPolicy {
  readonly name = 'student';
  /** One entry per act(): the decision, or null when nothing was allowed and the policy stopped. */
  readonly decisions: (StudentDecision | null)[] = [];
  private readonly chooser: Chooser;

  constructor(
    private readonly model: StudentModel,
    o: ActingOptions = {},
  ) {
    if (o.temperature === undefined) this.chooser = { mode: 'greedy' };
    else {
      if (!(o.temperature > 0)) throw new RangeError(`temperature must be positive, got ${o.temperature}`);
      const rng = new Rng(`student-sample:${o.seed ?? 0}`);
      this.chooser = { mode: 'sample', temperature: o.temperature, next: () => rng.next() };
    }
  }

  async act(input: StudentInput): Promise<{ action: string; thought: string }> {
    return Promise.resolve(this.decide(input));
  }

  decide(input: StudentInput): { action: string; thought: string } {
    const ctx = { instruction: input.task.instruction, axtree: input.observation.axtree, url: input.observation.url, history: input.history.map((h) => h.action) };
    const view = new StepView(this.model, ctx);
    const d = decide(view, this.chooser);
    if (!d) {
      this.decisions.push(null);
      return { action: formatAction({ type: 'stop' }), thought: 'student: no allowed candidate' };
    }
    this.decisions.push(d.decision);
    const c = view.cands[d.decision.cand]!;
    const p = Math.exp(d.decision.logpAction + (d.decision.logpArg ?? 0));
    return { action: formatAction(d.action), thought: `student: ${c.kind}${c.name ? ` "${c.name}"` : ''} (p ${p.toFixed(2)} of ${view.cands.length} candidates)` };
  }
}
