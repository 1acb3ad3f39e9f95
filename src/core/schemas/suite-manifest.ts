import { z } from 'zod';

export const SUITE_MANIFEST_SCHEMA_VERSION = 1;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in hex');

/**
 * What a frozen suite was made from and the hash it must match (`suites/<name>.manifest.json`
 * beside `suites/<name>.jsonl`). Loading the suite by name checks the file against `sha256`;
 * `sites` holds each site's lines' hash, so a regeneration that adds a site shows the others
 * unchanged.
 */
/** What every suite's recipe names: the seeds, the world and task versions it was drawn for, the split. */
const RECIPE_BASE = {
  seed: z.number().int(),
  worldSeed: z.number().int(),
  worldVersion: z.number().int(),
  taskSchemaVersion: z.number().int(),
  split: z.literal('test'),
};

export const SuiteManifest = z.strictObject({
  schemaVersion: z.literal(SUITE_MANIFEST_SCHEMA_VERSION),
  name: z.string().min(1),
  /** Bumped whenever an existing task changes (scores across revisions are not comparable); adding a site's tasks is not a new revision. */
  revision: z.number().int().min(1),
  /** sha256 of the JSONL file's bytes. */
  sha256: Sha256,
  tasks: z.number().int().min(1),
  /** A booking suite's draws per site and tier; or a question suite's groups (method, level, ... and how many questions each). */
  recipe: z.union([
    z.strictObject({ ...RECIPE_BASE, perTier: z.number().int().min(1), poolPerTier: z.number().int().min(1) }),
    z.strictObject({ ...RECIPE_BASE, groups: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))) }),
  ]),
  /**
   * Per site: its tasks, the sha256 of its lines (each ending in a newline), and the features its
   * tasks cover (task-coverage.ts). A question suite has one entry per group of questions instead
   * (its method, level, ... as features).
   */
  sites: z.record(z.string(), z.strictObject({ tasks: z.number().int(), sha256: Sha256, covered: z.array(z.string()), missing: z.array(z.string()) })),
  /** The command that regenerates the file. */
  command: z.string(),
});
export type SuiteManifest = z.infer<typeof SuiteManifest>;
