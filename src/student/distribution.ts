import { formatAction } from '../browser/actions/format-action.js';
import type { Action } from '../core/schemas/action.js';
import { argFeatures, argOptions, type ArgElement, type ArgOption } from './arg-choices.js';
import { buildCandidates, type ActionKind, type Candidate, type StepContext } from './features.js';
import { parseAxText } from '../browser/observation/read-ax-text.js';
import { attnInput, attnLogits, DEFAULT_ATTN, instructionVector } from './attn-model.js';
import { listingFacts, numericFeatures, readGoals } from './listing-facts.js';
import { scoreArgs, scoreCandidates, type Arch, type StudentParams } from './model.js';
import { sparse, type SparseVec, type Token } from './policy-graph.js';
import type { StudentModel } from './save-load.js';

/** An element action already taken this often in the last REPEAT_WINDOW steps is not taken again (it did not help). */
export const REPEAT_WINDOW = 12;
export const REPEAT_LIMIT = 2;

/**
 * One step as the policy sees it: the candidate actions with their logits and which of them are
 * allowed, and, for fill / select_option candidates, the argument choices. The rules that the
 * greedy student always had (no action repeated twice in the last 12 steps, a select takes one of
 * its options, a field needs an argument) are masks of the distribution, so sampled actions obey
 * them too and log-probabilities are over what the policy could actually do.
 */
/** What a step view needs of a model: features and counts; the parameters only for logits. */
export type ViewModel = Pick<StudentModel, 'features' | 'argHead'> & { params?: StudentParams; arch?: Arch };

export class StepView {
  readonly cands: Candidate[];
  readonly valid: boolean[];
  private readonly recent: string[];
  private readonly options = new Map<number, { list: ArgOption[]; valid: boolean[] }>();
  private readonly argLogitCache = new Map<number, number[]>();
  private actionLogits: number[] | undefined;
  private attnCache: { inputs: SparseVec[]; context: SparseVec } | undefined;
  readonly arch: Arch;

  constructor(
    private readonly model: ViewModel,
    readonly ctx: StepContext,
  ) {
    this.arch = model.params?.arch ?? model.arch ?? 'bow';
    this.cands = buildCandidates(ctx, model.features, model.argHead);
    this.recent = ctx.history.slice(-REPEAT_WINDOW);
    this.valid = this.cands.map((c, i) => (isTyped(c) ? this.argOptions(i).valid.some(Boolean) : !this.repeated(c, undefined)));
  }

  private repeated(c: Candidate, text: string | undefined): boolean {
    const action = toAction(c, text);
    if (!action || action.type === 'scroll') return false;
    const s = formatAction(action);
    return this.recent.filter((h) => h === s).length >= REPEAT_LIMIT;
  }

  /** The argument choices of candidate i and which are allowed (empty for untyped kinds). */
  argOptions(i: number): { list: ArgOption[]; valid: boolean[] } {
    let o = this.options.get(i);
    if (!o) {
      const c = this.cands[i]!;
      const list = isTyped(c) ? argOptions(this.model.argHead, this.ctx.instruction, argElement(c), c.used ?? new Set()) : [];
      o = { list, valid: list.map((a) => !this.repeated(c, a.text)) };
      this.options.set(i, o);
    }
    return o;
  }

  /** The argument choices' feature vectors for candidate i. */
  argFeatures(i: number): Float32Array[] {
    const c = this.cands[i]!;
    return argFeatures(this.model.features, this.model.argHead, this.ctx.instruction, argElement(c), c.used ?? new Set(), this.argOptions(i).list);
  }

  /**
   * The attention student's inputs: each candidate's features followed by its listing facts as
   * numbers (placed among the page's comparable candidates and against the instruction's goals),
   * and the instruction's context vector.
   */
  private attnInputs(): { inputs: SparseVec[]; context: SparseVec } {
    if (!this.attnCache) {
      const facts = listingFacts(parseAxText(this.ctx.axtree));
      const numeric = numericFeatures(this.cands.map((c) => ({ kind: c.kind, role: c.role, facts: c.node === undefined ? undefined : facts[c.node] })), readGoals(this.ctx.instruction));
      const ctxBuckets = this.model.features.ctxBuckets ?? DEFAULT_ATTN.ctxBuckets;
      this.attnCache = { inputs: this.cands.map((c, i) => sparse(attnInput(c.features, numeric[i]!))), context: sparse(instructionVector(this.ctx.instruction, ctxBuckets)) };
    }
    return this.attnCache;
  }

  /** The action decision as the training graph sees it, with the given target candidates. */
  actionToken(targets: readonly number[]): Token {
    const valid = Uint8Array.from(this.valid, Number);
    if (this.arch === 'bow') return { options: this.cands.map((c) => sparse(c.features)), valid, targets };
    const a = this.attnInputs();
    return { options: a.inputs, valid, targets, context: a.context };
  }

  /** The action scorer's logit of every candidate. */
  get logits(): number[] {
    if (!this.actionLogits) {
      const p = this.params();
      if (p.arch === 'attn') {
        const a = this.attnInputs();
        this.actionLogits = attnLogits(p, a.inputs, this.valid, a.context);
      } else this.actionLogits = scoreCandidates(p, this.cands.map((c) => c.features));
    }
    return this.actionLogits;
  }

  private params(): StudentParams {
    if (!this.model.params) throw new Error('this step view has no parameters to score with');
    return this.model.params;
  }

  argLogits(i: number): number[] {
    let l = this.argLogitCache.get(i);
    if (!l) {
      l = scoreArgs(this.params(), this.argFeatures(i));
      this.argLogitCache.set(i, l);
    }
    return l;
  }
}

const isTyped = (c: Candidate): c is Candidate & { kind: 'fill' | 'select_option' } => c.kind === 'fill' || c.kind === 'select_option';

function argElement(c: Candidate): ArgElement {
  return { kind: c.kind as 'fill' | 'select_option', role: c.role, name: c.name, value: c.value, options: c.options };
}

/** The action a candidate stands for, with its argument for fill / select_option. */
export function toAction(c: Candidate, text: string | undefined): Action | undefined {
  if (c.kind === 'stop' || c.kind === 'go_back') return { type: c.kind };
  // The teacher scrolls by 80% of the 720 px viewport; up goes back to the top.
  if (c.kind === 'scroll_down') return { type: 'scroll', dx: 0, dy: 576 };
  if (c.kind === 'scroll_up') return { type: 'scroll', dx: 0, dy: -10_000 };
  const bid = c.bid!;
  if (c.kind === 'click' || c.kind === 'check') return { type: c.kind, bid };
  if (text === undefined) return undefined;
  if (c.kind === 'fill') return { type: 'fill', bid, text };
  return { type: 'select_option', bid, options: [text] };
}

/** log-softmax of logits / temperature over the allowed entries (-Infinity elsewhere). */
export function logSoftmax(logits: readonly number[], valid: readonly boolean[], temperature: number): number[] {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (valid[i]) max = Math.max(max, logits[i]! / temperature);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) if (valid[i]) sum += Math.exp(logits[i]! / temperature - max);
  const lse = max + Math.log(sum);
  return logits.map((l, i) => (valid[i] ? l / temperature - lse : -Infinity));
}

export function entropyOf(logp: readonly number[]): number {
  let h = 0;
  for (const l of logp) if (l > -Infinity) h -= Math.exp(l) * l;
  return h;
}

/**
 * What the policy decided at one step: the candidate (index among the step's candidates), the
 * argument (index among that candidate's choices) and their log-probabilities at the temperature
 * acted with. Stored with every RL rollout: the update recomputes the same candidates from the
 * trajectory and checks their count.
 */
export type StudentDecision = {
  kind: ActionKind;
  cand: number;
  nCands: number;
  arg: number | null;
  nArgs: number | null;
  logpAction: number;
  logpArg: number | null;
  /** Entropy of the action distribution (nats): how undecided the policy was. */
  entropy: number;
};

export type Chooser = { mode: 'greedy' } | { mode: 'sample'; temperature: number; next: () => number };

/** Index drawn from log-probabilities with a uniform number u in [0, 1). */
export function drawIndex(logp: readonly number[], u: number): number {
  let acc = 0;
  let last = -1;
  for (let i = 0; i < logp.length; i++) {
    if (logp[i] === -Infinity) continue;
    acc += Math.exp(logp[i]!);
    last = i;
    if (u < acc) return i;
  }
  return last;
}

const pickFrom = (logits: readonly number[], valid: readonly boolean[], logp: readonly number[], ch: Chooser): number => {
  if (ch.mode === 'sample') return drawIndex(logp, ch.next());
  // Greedy: the best allowed logit, ties to the first.
  let best = -1;
  for (let i = 0; i < logits.length; i++) if (valid[i] && (best === -1 || logits[i]! > logits[best]!)) best = i;
  return best;
};

/** Chooses an action at one step (greedy or sampled), with its log-probabilities; undefined when nothing is allowed. */
export function decide(view: StepView, ch: Chooser): { action: Action; decision: StudentDecision } | undefined {
  const t = ch.mode === 'sample' ? ch.temperature : 1;
  if (!view.valid.some(Boolean)) return undefined;
  const lp = logSoftmax(view.logits, view.valid, t);
  const i = pickFrom(view.logits, view.valid, lp, ch);
  const c = view.cands[i]!;
  let arg: number | null = null;
  let logpArg: number | null = null;
  let nArgs: number | null = null;
  let text: string | undefined;
  if (isTyped(c)) {
    const { list, valid } = view.argOptions(i);
    const logits = view.argLogits(i);
    const alp = logSoftmax(logits, valid, t);
    arg = pickFrom(logits, valid, alp, ch);
    logpArg = alp[arg]!;
    nArgs = list.length;
    text = list[arg]!.text;
  }
  const action = toAction(c, text)!;
  return { action, decision: { kind: c.kind, cand: i, nCands: view.cands.length, arg, nArgs, logpAction: lp[i]!, logpArg, entropy: entropyOf(lp) } };
}

/** The log-probability of a stored decision under the model, recomputed from the step's context. */
export function decisionLogProb(view: StepView, d: Pick<StudentDecision, 'cand' | 'nCands' | 'arg'>, temperature: number): { logpAction: number; logpArg: number | null } {
  if (view.cands.length !== d.nCands) throw new RangeError(`the step has ${view.cands.length} candidates, the decision was made among ${d.nCands}`);
  const logpAction = logSoftmax(view.logits, view.valid, temperature)[d.cand]!;
  if (d.arg === null) return { logpAction, logpArg: null };
  const { valid } = view.argOptions(d.cand);
  return { logpAction, logpArg: logSoftmax(view.argLogits(d.cand), valid, temperature)[d.arg]! };
}
