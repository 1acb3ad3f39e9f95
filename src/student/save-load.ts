import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/atomic-write.js';
import { InvalidInputError } from '../core/errors.js';
import type { ArgHead } from './arguments.js';
import { EXTRA_NAMES, type FeatureConfig } from './features.js';
import type { MlpWeights } from './model.js';

/**
 * A saved student is a directory:
 * - model.json: { format: "webfoundry-student", version: 2, features: { buckets, extras },
 *   layers: [{ name, shape }] in weights.bin order (w1 [input, hidden], b1 [hidden],
 *   w2 [hidden], b2 [1]), argHead: the argument head's counts (matches and offers per key, by
 *   element and by action kind), training: free-form metadata }.
 * - weights.bin: the layers' values concatenated, Float32 little-endian, row-major.
 */
export const STUDENT_FORMAT_VERSION = 2;

const Counts = z.record(z.string(), z.record(z.string(), z.number()));
export const StudentModelJson = z.strictObject({
  format: z.literal('webfoundry-student'),
  version: z.literal(STUDENT_FORMAT_VERSION),
  features: z.strictObject({ buckets: z.number().int().min(1), extras: z.array(z.string()) }),
  layers: z.array(z.strictObject({ name: z.enum(['w1', 'b1', 'w2', 'b2']), shape: z.array(z.number().int().min(1)) })).length(4),
  argHead: z.strictObject({ byElement: Counts, byKind: Counts, presentByElement: Counts, presentByKind: Counts }),
  training: z.record(z.string(), z.unknown()),
});

export type StudentModel = { features: FeatureConfig; weights: MlpWeights; argHead: ArgHead; training: Record<string, unknown> };

export function saveStudent(dir: string, m: StudentModel): void {
  const w = m.weights;
  const json: z.infer<typeof StudentModelJson> = {
    format: 'webfoundry-student',
    version: STUDENT_FORMAT_VERSION,
    features: { buckets: m.features.buckets, extras: [...EXTRA_NAMES] },
    layers: [{ name: 'w1', shape: [w.input, w.hidden] }, { name: 'b1', shape: [w.hidden] }, { name: 'w2', shape: [w.hidden, 1] }, { name: 'b2', shape: [1] }],
    argHead: m.argHead,
    training: m.training,
  };
  const parts = [w.w1, w.b1, w.w2, w.b2];
  const buf = Buffer.alloc(parts.reduce((n, p) => n + p.length * 4, 0));
  let off = 0;
  for (const p of parts) for (const v of p) off = buf.writeFloatLE(v, off);
  // The weights first, model.json (which describes them) last: a kill never leaves a model.json over other weights.
  rmSync(join(dir, 'model.json'), { force: true });
  writeFileAtomic(join(dir, 'weights.bin'), buf);
  writeFileAtomic(join(dir, 'model.json'), `${JSON.stringify(json, null, 2)}\n`);
}

export function loadStudent(dir: string): StudentModel {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  } catch (err) {
    throw new InvalidInputError(`${dir} holds no readable model.json (${(err as Error).message})`, { hint: 'train one with `webfoundry train --data RUN --out models/NAME`' });
  }
  const parsed = StudentModelJson.safeParse(raw);
  if (!parsed.success) {
    const version = (raw as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version !== STUDENT_FORMAT_VERSION) throw new InvalidInputError(`${dir} is a version ${version} student; this WebFoundry reads version ${STUDENT_FORMAT_VERSION}`, { hint: 'retrain it with `webfoundry train`' });
    throw new InvalidInputError(`${dir}/model.json is not a student model: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  const j = parsed.data;
  if (j.features.extras.join(',') !== EXTRA_NAMES.join(',')) throw new InvalidInputError(`${dir} was trained with other features than this version computes`, { hint: 'retrain it' });
  const buf = readFileSync(join(dir, 'weights.bin'));
  const sizes = j.layers.map((l) => l.shape.reduce((a, b) => a * b, 1));
  if (buf.length !== sizes.reduce((a, b) => a + b, 0) * 4) throw new InvalidInputError(`${dir}/weights.bin has ${buf.length} bytes, model.json expects ${sizes.reduce((a, b) => a + b, 0) * 4}`);
  let off = 0;
  const [w1, b1, w2, b2] = sizes.map((n) => {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++, off += 4) a[i] = buf.readFloatLE(off);
    return a;
  }) as [Float32Array, Float32Array, Float32Array, Float32Array];
  const [input, hidden] = j.layers[0]!.shape as [number, number];
  if (input !== j.features.buckets + EXTRA_NAMES.length) throw new InvalidInputError(`${dir}: w1 has ${input} inputs, the features have ${j.features.buckets + EXTRA_NAMES.length}`);
  return { features: { buckets: j.features.buckets }, weights: { input, hidden, w1, b1, w2, b2 }, argHead: j.argHead, training: j.training };
}
