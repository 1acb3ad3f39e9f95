import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../core/errors.js';
import { adamState, type AdamState } from '../student/adam.js';
import { paramArrays } from '../student/model.js';
import { loadStudent, saveStudent, type StudentModel } from '../student/save-load.js';
import { RlConfig } from './config.js';
import { IterationStats } from './iteration-stats.js';
import { RolloutRecord } from './rollout-record.js';

/**
 * The layout of an RL run directory (`--out`):
 *   model.json, weights.bin   the latest policy (a student model: `--agent student:DIR`)
 *   rl.json                   the run's configuration
 *   tasks.jsonl               the training tasks
 *   init/                     the initial policy (the KL reference)
 *   iterations/NNNN/rollouts/<key>.json, model/, adam.bin, iteration.json (written last)
 * Every file is written through a temporary file and a rename: a kill leaves whole files only.
 */
export const RL_CONFIG_FILE = 'rl.json';

export function writeAtomic(path: string, data: string | Buffer): void {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

export const iterationDir = (dir: string, it: number): string => join(dir, 'iterations', String(it).padStart(4, '0'));

export function readConfig(dir: string): RlConfig | undefined {
  const path = join(dir, RL_CONFIG_FILE);
  if (!existsSync(path)) return undefined;
  const r = RlConfig.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!r.success) throw new InvalidInputError(`${path} is not an RL configuration of this version: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
  return r.data;
}

/** The last iteration whose iteration.json exists, and everything needed to go on from it. */
export function lastComplete(dir: string): { iteration: number; stats: IterationStats | undefined } {
  const root = join(dir, 'iterations');
  if (!existsSync(root)) return { iteration: 0, stats: undefined };
  const done = readdirSync(root).filter((d) => /^\d{4}$/.test(d) && existsSync(join(root, d, 'iteration.json'))).map(Number).sort((a, b) => a - b);
  // Iterations are made in order; a gap would mean a foreign file.
  let k = 0;
  while (done[k] === k + 1) k++;
  if (k === 0) return { iteration: 0, stats: undefined };
  return { iteration: k, stats: readIterationStats(dir, k) };
}

export function readIterationStats(dir: string, k: number): IterationStats {
  return IterationStats.parse(JSON.parse(readFileSync(join(iterationDir(dir, k), 'iteration.json'), 'utf8')));
}

export function saveIteration(dir: string, stats: IterationStats, model: StudentModel, adam: AdamState): void {
  const it = iterationDir(dir, stats.iteration);
  saveStudent(join(it, 'model'), model);
  writeAtomic(join(it, 'adam.bin'), adamBytes(adam));
  writeAtomic(join(it, 'iteration.json'), `${JSON.stringify(stats, null, 2)}\n`);
  // The top of --out is always the latest complete policy.
  saveStudent(dir, model);
}

export function loadIterationState(dir: string, iteration: number): { model: StudentModel; adam: AdamState } {
  if (iteration === 0) {
    const model = loadStudent(join(dir, 'init'));
    return { model, adam: adamState(paramArrays(model.params)) };
  }
  const it = iterationDir(dir, iteration);
  const model = loadStudent(join(it, 'model'));
  return { model, adam: readAdam(readFileSync(join(it, 'adam.bin')), paramArrays(model.params)) };
}

/** Adam's state: the step count (uint32), then m and v of every parameter array, Float32 little-endian. */
function adamBytes(a: AdamState): Buffer {
  const n = a.m.reduce((s, m) => s + m.length, 0) * 2;
  const buf = Buffer.alloc(4 + n * 4);
  buf.writeUInt32LE(a.step, 0);
  let off = 4;
  for (const arr of [...a.m, ...a.v]) for (const x of arr) off = buf.writeFloatLE(x, off);
  return buf;
}

function readAdam(buf: Buffer, params: readonly Float32Array[]): AdamState {
  const s = adamState(params);
  const expected = 4 + params.reduce((n, p) => n + p.length, 0) * 8;
  if (buf.length !== expected) throw new InvalidInputError(`adam.bin has ${buf.length} bytes, the model needs ${expected}`);
  s.step = buf.readUInt32LE(0);
  let off = 4;
  for (const arr of [...s.m, ...s.v]) for (let i = 0; i < arr.length; i++, off += 4) arr[i] = buf.readFloatLE(off);
  return s;
}

export function rolloutPath(dir: string, iteration: number, key: string): string {
  return join(iterationDir(dir, iteration), 'rollouts', `${key}.json`);
}

export function writeRollout(dir: string, r: RolloutRecord): void {
  const path = rolloutPath(dir, r.iteration, r.key);
  mkdirSync(join(iterationDir(dir, r.iteration), 'rollouts'), { recursive: true });
  writeAtomic(path, JSON.stringify(r));
}

/** A stored rollout, or undefined when it was not finished (or its file is unreadable: it is run again). */
export function readRollout(dir: string, iteration: number, key: string): RolloutRecord | undefined {
  const path = rolloutPath(dir, iteration, key);
  if (!existsSync(path)) return undefined;
  try {
    const r = RolloutRecord.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}
