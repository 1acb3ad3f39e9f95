import { z } from 'zod';
import type { JudgeVerdict } from './schemas.js';

/** One constraint of one episode as both sides saw it. */
export type VerdictPair = {
  taskId: string;
  constraintId: string;
  kind: string;
  exact: boolean;
  judge: boolean;
  judgeUnknown: boolean;
  reason: string;
};

/**
 * Judge yes/no against exact yes/no. `judgeYesExactNo` is the judge's false positive (it
 * believed a constraint the site state contradicts), `judgeNoExactYes` its false negative.
 */
export const Confusion = z.strictObject({
  bothYes: z.number().int(),
  judgeYesExactNo: z.number().int(),
  judgeNoExactYes: z.number().int(),
  bothNo: z.number().int(),
});
export type Confusion = z.infer<typeof Confusion>;

export const AgreementStats = z.strictObject({
  n: z.number().int(),
  agreed: z.number().int(),
  /** agreed / n; null when n = 0. */
  agreement: z.number().nullable(),
  /** Cohen's kappa; null when chance agreement is 1 (both sides gave one answer to everything). */
  kappa: z.number().nullable(),
  confusion: Confusion,
  /** Constraints the judge did not rule on (counted as judge-no above). */
  unknown: z.number().int(),
});
export type AgreementStats = z.infer<typeof AgreementStats>;

export const AgreementReport = z.strictObject({
  episodes: z.number().int(),
  overall: AgreementStats,
  perKind: z.record(z.string(), AgreementStats),
  disagreements: z.array(z.strictObject({ taskId: z.string(), constraintId: z.string(), kind: z.string(), exact: z.boolean(), judge: z.boolean(), reason: z.string() })),
});
export type AgreementReport = z.infer<typeof AgreementReport>;

/** Pairs the exact evaluator's verdicts of one episode with the judge's, by constraint id. */
export function pairVerdicts(taskId: string, exact: readonly { id: string; kind: string; satisfied: boolean }[], judged: readonly JudgeVerdict[]): VerdictPair[] {
  const byId = new Map(judged.map((v) => [v.id, v]));
  return exact.map((e) => {
    const j = byId.get(e.id);
    return {
      taskId,
      constraintId: e.id,
      kind: e.kind,
      exact: e.satisfied,
      judge: j?.satisfied ?? false,
      judgeUnknown: !j || j.unknown === true,
      reason: j?.reason ?? 'unknown: not judged',
    };
  });
}

export function confusionOf(pairs: readonly Pick<VerdictPair, 'exact' | 'judge'>[]): Confusion {
  const c: Confusion = { bothYes: 0, judgeYesExactNo: 0, judgeNoExactYes: 0, bothNo: 0 };
  for (const p of pairs) {
    if (p.judge && p.exact) c.bothYes++;
    else if (p.judge) c.judgeYesExactNo++;
    else if (p.exact) c.judgeNoExactYes++;
    else c.bothNo++;
  }
  return c;
}

/** Cohen's kappa of a 2x2 table: (po - pe) / (1 - pe). */
export function cohensKappa(c: Confusion): number | null {
  const n = c.bothYes + c.judgeYesExactNo + c.judgeNoExactYes + c.bothNo;
  if (n === 0) return null;
  const po = (c.bothYes + c.bothNo) / n;
  const judgeYes = (c.bothYes + c.judgeYesExactNo) / n;
  const exactYes = (c.bothYes + c.judgeNoExactYes) / n;
  const pe = judgeYes * exactYes + (1 - judgeYes) * (1 - exactYes);
  if (1 - pe <= 1e-12) return null;
  return (po - pe) / (1 - pe);
}

export function agreementStats(pairs: readonly VerdictPair[]): AgreementStats {
  const confusion = confusionOf(pairs);
  const agreed = confusion.bothYes + confusion.bothNo;
  return {
    n: pairs.length,
    agreed,
    agreement: pairs.length ? agreed / pairs.length : null,
    kappa: cohensKappa(confusion),
    confusion,
    unknown: pairs.filter((p) => p.judgeUnknown).length,
  };
}

/** Agreement overall and per constraint kind, with every disagreement and the judge's reason. Pure. */
export function compareVerdicts(pairs: readonly VerdictPair[], episodes: number): AgreementReport {
  const kinds = [...new Set(pairs.map((p) => p.kind))].sort();
  return {
    episodes,
    overall: agreementStats(pairs),
    perKind: Object.fromEntries(kinds.map((k) => [k, agreementStats(pairs.filter((p) => p.kind === k))])),
    disagreements: pairs.filter((p) => p.exact !== p.judge).map(({ taskId, constraintId, kind, exact, judge, reason }) => ({ taskId, constraintId, kind, exact, judge, reason })),
  };
}
