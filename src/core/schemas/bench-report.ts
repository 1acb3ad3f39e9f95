import { z } from 'zod';

export const BENCH_REPORT_SCHEMA_VERSION = 1;

/**
 * One row of the benchmark table: a group of episodes (all of them, a site, a tier, or the
 * episodes whose task has a constraint of one kind). Errored episodes (the infrastructure
 * failed, not the agent) are counted in `errors` and left out of every figure.
 */
export const BenchRow = z.strictObject({
  /** Every episode of the group, errored ones included. */
  episodes: z.number().int(),
  /** Episodes that errored: not scored. */
  errors: z.number().int(),
  sr: z.number(),
  /** Wilson score interval, 95%. */
  srLow: z.number(),
  srHigh: z.number(),
  /** Mean CSR over episodes (per kind: the share of that kind's constraints met, per episode, averaged). */
  csr: z.number(),
  /** Student's t interval over episodes, 95%, clipped to [0, 1]. */
  csrLow: z.number(),
  csrHigh: z.number(),
  meanSteps: z.number(),
  /** Mean model tokens (input + output) per episode; null when no episode used a model (scripted, random, student). */
  meanTokens: z.number().nullable(),
});
export type BenchRow = z.infer<typeof BenchRow>;

/** What `webfoundry bench` prints (`--json`) and writes (`summary.json` under --out). */
export const BenchReport = z.strictObject({
  schemaVersion: z.literal(BENCH_REPORT_SCHEMA_VERSION),
  intervals: z.literal('SR: Wilson score 95%; CSR: Student t 95% over episodes'),
  overall: BenchRow,
  bySite: z.record(z.string(), BenchRow),
  byTier: z.record(z.string(), BenchRow),
  byKind: z.record(z.string(), BenchRow),
});
export type BenchReport = z.infer<typeof BenchReport>;
