import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../core/errors.js';
import { TrajectoryLine, type Trajectory } from '../core/schemas/trajectory.js';

/** One JSONL file per episode: header, steps, end. Written whole, atomically. */
export function writeTrajectory(dir: string, t: Trajectory): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${t.header.episodeId}.jsonl`);
  const lines = [t.header, ...t.steps, t.end].map((l) => JSON.stringify(l));
  writeFileSync(`${path}.tmp`, `${lines.join('\n')}\n`);
  renameSync(`${path}.tmp`, path);
  return path;
}

export function readTrajectory(path: string): Trajectory {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const parsed = lines.map((l, i) => {
    const r = TrajectoryLine.safeParse(JSON.parse(l));
    if (!r.success) throw new InvalidInputError(`${path}:${i + 1}: ${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`);
    return r.data;
  });
  const header = parsed[0];
  const end = parsed[parsed.length - 1];
  if (header?.type !== 'header' || end?.type !== 'end') throw new InvalidInputError(`${path}: a trajectory starts with a header line and ends with an end line`);
  return { header, steps: parsed.filter((l) => l.type === 'step'), end };
}
