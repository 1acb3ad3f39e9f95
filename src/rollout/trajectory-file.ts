import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { InvalidInputError } from '../core/errors.js';
import { TrajectoryLine, type Trajectory } from '../core/schemas/trajectory.js';

/**
 * One JSONL file per episode (header, steps, end), named by its episode id, which is the same
 * on every attempt (runTasks): a task has one file. Written whole, atomically.
 */
export function writeTrajectory(dir: string, t: Trajectory): string {
  const path = join(dir, `${t.header.episodeId}.jsonl`);
  const lines = [t.header, ...t.steps, t.end].map((l) => JSON.stringify(l));
  writeFileAtomic(path, `${lines.join('\n')}\n`);
  return path;
}

export function readTrajectory(path: string): Trajectory {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const parsed = lines.map((l, i) => {
    let raw: unknown;
    try {
      raw = JSON.parse(l);
    } catch (err) {
      throw new InvalidInputError(`${path}:${i + 1}: not valid JSON (${(err as Error).message})`);
    }
    const r = TrajectoryLine.safeParse(raw);
    if (!r.success) throw new InvalidInputError(`${path}:${i + 1}: ${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`);
    return r.data;
  });
  const header = parsed[0];
  const end = parsed[parsed.length - 1];
  if (header?.type !== 'header' || end?.type !== 'end') throw new InvalidInputError(`${path}: a trajectory starts with a header line and ends with an end line`);
  return { header, steps: parsed.filter((l) => l.type === 'step'), end };
}
