import { z } from 'zod';
import { TRAJECTORY_SCHEMA_VERSION } from '../core/schemas/trajectory.js';
import { WEBFOUNDRY_VERSION } from '../core/version.js';
import type { World } from '../world/world.js';

/**
 * What a coordinator and a worker must share for an episode run on the worker to be the episode
 * the coordinator asked for: the project version (agents, evaluation, pages), the trajectory
 * schema, and the world (seed, generator version and the hash of every inventory row).
 */
export const PeerIdentity = z.strictObject({
  webfoundry: z.string(),
  trajectorySchema: z.number().int(),
  world: z.strictObject({ seed: z.number().int(), version: z.number().int(), hash: z.string() }),
});
export type PeerIdentity = z.infer<typeof PeerIdentity>;

export function identityOf(world: World): PeerIdentity {
  return { webfoundry: WEBFOUNDRY_VERSION, trajectorySchema: TRAJECTORY_SCHEMA_VERSION, world: { seed: world.seed, version: world.version, hash: world.hash } };
}

/** Only what can be checked before the world is loaded (a worker refuses these without loading it). */
export function codeIdentityProblems(wanted: PeerIdentity): string[] {
  const problems: string[] = [];
  if (wanted.webfoundry !== WEBFOUNDRY_VERSION) problems.push(`the coordinator runs webfoundry ${wanted.webfoundry}, this worker ${WEBFOUNDRY_VERSION}`);
  if (wanted.trajectorySchema !== TRAJECTORY_SCHEMA_VERSION) problems.push(`the coordinator writes trajectory schema ${wanted.trajectorySchema}, this worker ${TRAJECTORY_SCHEMA_VERSION}`);
  return problems;
}

/** Every way the worker's identity differs from the one the job asks for, in words; empty when they match. */
export function identityProblems(wanted: PeerIdentity, mine: PeerIdentity): string[] {
  const problems = codeIdentityProblems(wanted);
  if (wanted.world.seed !== mine.world.seed) problems.push(`the job is for world seed ${wanted.world.seed}, this worker loaded seed ${mine.world.seed}`);
  if (wanted.world.version !== mine.world.version) problems.push(`the coordinator's world is version ${wanted.world.version}, this worker's ${mine.world.version}`);
  else if (wanted.world.hash !== mine.world.hash) {
    problems.push(`the world of seed ${wanted.world.seed} differs: the coordinator's hash is ${wanted.world.hash.slice(0, 16)}, this worker's ${mine.world.hash.slice(0, 16)}`);
  }
  return problems;
}
