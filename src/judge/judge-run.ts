import { schemaTask } from '../core/schemas/task.js';
import type { Trajectory } from '../core/schemas/trajectory.js';
import { addUsage } from '../models/cost.js';
import type { ModelProvider, Usage } from '../models/provider.js';
import { compareVerdicts, pairVerdicts, type AgreementReport, type VerdictPair } from './agreement.js';
import { evidenceFromTrajectory } from './evidence.js';
import { judge, type JudgeOptions } from './judge.js';
import type { JudgeResult } from './schemas.js';

/** Judges one stored trajectory on its own task. */
export function judgeTrajectory(t: Trajectory, provider: ModelProvider, options: JudgeOptions = {}): Promise<JudgeResult> {
  return judge(schemaTask(t.header.task, 'the judge'), evidenceFromTrajectory(t), provider, options);
}

export type AgreementRunOptions = JudgeOptions & {
  /** Judge at most this many trajectories (in store order). */
  limit?: number;
  /** Judgements in flight at once; the provider bounds its own concurrency too. */
  concurrency?: number;
  onJudged?: (done: number, t: Trajectory, result: JudgeResult) => void;
};

/** The kind agreement is reported under: a constraint's kind, an answer's per kind of answer ("answer:number"). */
function agreementKind(t: Trajectory, v: { id: string; kind: string }): string {
  const c = schemaTask(t.header.task, 'the judge').constraints.find((x) => x.id === v.id);
  return c?.kind === 'answer' ? `answer:${c.answer.type}` : v.kind;
}

export type AgreementRun = AgreementReport & { usage: Usage; calls: number };

/**
 * Judges every trajectory (the run store's, passed in: the judge knows no pipeline) and
 * compares the judge with the exact evaluator's verdicts stored with each episode.
 */
export async function judgeAgreement(trajectories: Iterable<Trajectory>, provider: ModelProvider, options: AgreementRunOptions = {}): Promise<AgreementRun> {
  const todo: Trajectory[] = [];
  for (const t of trajectories) {
    if (options.limit !== undefined && todo.length >= options.limit) break;
    todo.push(t);
  }
  const results: JudgeResult[] = new Array(todo.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < todo.length) {
      const i = next++;
      results[i] = await judgeTrajectory(todo[i]!, provider, options);
      options.onJudged?.(++done, todo[i]!, results[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, todo.length)) }, worker));

  const pairs: VerdictPair[] = todo.flatMap((t, i) => pairVerdicts(t.header.task.id, t.end.evaluation.verdicts.map((v) => ({ ...v, kind: agreementKind(t, v) })), results[i]!.verdicts));
  return {
    ...compareVerdicts(pairs, todo.length),
    usage: addUsage(results.map((r) => r.usage)),
    calls: results.reduce((n, r) => n + r.calls, 0),
  };
}
