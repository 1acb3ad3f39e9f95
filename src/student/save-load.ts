import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/atomic-write.js';
import { InvalidInputError } from '../core/errors.js';
import type { ArgHead } from './arguments.js';
import { ARG_EXTRA_NAMES } from './arg-choices.js';
import { EXTRA_NAMES, type FeatureConfig } from './features.js';
import { PARAM_NAMES, paramArrays, paramShapes, type StudentParams } from './model.js';

/**
 * A saved student is a directory:
 * - model.json: { format: "webfoundry-student", version: 3, features: { buckets, extras,
 *   argBuckets, argExtras }, layers: [{ name, shape }] in weights.bin order (w1 [input, hidden],
 *   b1 [hidden], w2 [hidden, 1], b2 [1]: the action scorer; a [argInput]: the argument scorer),
 *   argHead: the count head's matches and offers per key (by element, by action kind), whose
 *   precision and choice are features of the argument scorer, training: free-form metadata }.
 * - weights.bin: the layers' values concatenated, Float32 little-endian, row-major.
 * Version 3 added the learned argument scorer (layer `a`, the `arg*` feature fields); a version 2
 * model chose arguments by counts alone and cannot act as a stochastic policy, so it is refused.
 */
export const STUDENT_FORMAT_VERSION = 3;

const Counts = z.record(z.string(), z.record(z.string(), z.number()));
export const StudentModelJson = z.strictObject({
  format: z.literal('webfoundry-student'),
  version: z.literal(STUDENT_FORMAT_VERSION),
  features: z.strictObject({ buckets: z.number().int().min(1), extras: z.array(z.string()), argBuckets: z.number().int().min(1), argExtras: z.array(z.string()) }),
  layers: z.array(z.strictObject({ name: z.enum(PARAM_NAMES), shape: z.array(z.number().int().min(1)) })).length(PARAM_NAMES.length),
  argHead: z.strictObject({ byElement: Counts, byKind: Counts, presentByElement: Counts, presentByKind: Counts }),
  training: z.record(z.string(), z.unknown()),
});

export type StudentModel = { features: FeatureConfig; params: StudentParams; argHead: ArgHead; training: Record<string, unknown> };

/** model.json's text and weights.bin's bytes (also what a checksum of a model is taken over). */
export function serializeStudent(m: StudentModel): { json: string; weights: Buffer } {
  const p = m.params;
  const shapes = paramShapes(p);
  const json: z.infer<typeof StudentModelJson> = {
    format: 'webfoundry-student',
    version: STUDENT_FORMAT_VERSION,
    features: { buckets: m.features.buckets, extras: [...EXTRA_NAMES], argBuckets: m.features.argBuckets, argExtras: [...ARG_EXTRA_NAMES] },
    layers: PARAM_NAMES.map((name) => ({ name, shape: shapes[name] })),
    argHead: m.argHead,
    training: m.training,
  };
  const parts = paramArrays(p);
  const buf = Buffer.alloc(parts.reduce((n, a) => n + a.length * 4, 0));
  let off = 0;
  for (const a of parts) for (const v of a) off = buf.writeFloatLE(v, off);
  return { json: `${JSON.stringify(json, null, 2)}\n`, weights: buf };
}

/**
 * Writes weights.bin then model.json (which describes them) last, each through a temporary file
 * renamed into place: a kill never leaves half a model, nor a model.json over other weights.
 */
export function saveStudent(dir: string, m: StudentModel): void {
  const { json, weights } = serializeStudent(m);
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, 'model.json'), { force: true });
  writeFileAtomic(join(dir, 'weights.bin'), weights);
  writeFileAtomic(join(dir, 'model.json'), json);
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
    if (typeof version === 'number' && version !== STUDENT_FORMAT_VERSION) {
      const why = version < STUDENT_FORMAT_VERSION ? ' (it chooses fill and select arguments by counts alone, so it can neither sample them nor give their log-probabilities)' : '';
      throw new InvalidInputError(`${dir} is a version ${version} student${why}; this WebFoundry reads version ${STUDENT_FORMAT_VERSION}`, { hint: 'retrain it from its data with `webfoundry train --data RUN --out DIR`' });
    }
    throw new InvalidInputError(`${dir}/model.json is not a student model: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`);
  }
  const j = parsed.data;
  if (j.features.extras.join(',') !== EXTRA_NAMES.join(',') || j.features.argExtras.join(',') !== ARG_EXTRA_NAMES.join(',')) {
    throw new InvalidInputError(`${dir} was trained with other features than this version computes`, { hint: 'retrain it with `webfoundry train`' });
  }
  const byName = new Map(j.layers.map((l) => [l.name, l.shape]));
  const input = byName.get('w1')?.[0] ?? 0;
  const hidden = byName.get('w1')?.[1] ?? 0;
  const argInput = byName.get('a')?.[0] ?? 0;
  const shapes = paramShapes({ input, hidden, argInput });
  for (const name of PARAM_NAMES) {
    if (JSON.stringify(byName.get(name)) !== JSON.stringify(shapes[name])) throw new InvalidInputError(`${dir}: layer ${name} has shape ${JSON.stringify(byName.get(name))}, expected ${JSON.stringify(shapes[name])}`);
  }
  if (input !== j.features.buckets + EXTRA_NAMES.length) throw new InvalidInputError(`${dir}: w1 has ${input} inputs, the features have ${j.features.buckets + EXTRA_NAMES.length}`);
  if (argInput !== j.features.argBuckets + ARG_EXTRA_NAMES.length) throw new InvalidInputError(`${dir}: a has ${argInput} inputs, the argument features have ${j.features.argBuckets + ARG_EXTRA_NAMES.length}`);
  const buf = readFileSync(join(dir, 'weights.bin'));
  // Read in the order of PARAM_NAMES, which is the order save writes and model.json lists.
  if (j.layers.map((l) => l.name).join(',') !== PARAM_NAMES.join(',')) throw new InvalidInputError(`${dir}: layers must be listed as ${PARAM_NAMES.join(', ')}`);
  const sizes = PARAM_NAMES.map((n) => shapes[n].reduce((a, b) => a * b, 1));
  if (buf.length !== sizes.reduce((a, b) => a + b, 0) * 4) throw new InvalidInputError(`${dir}/weights.bin has ${buf.length} bytes, model.json expects ${sizes.reduce((a, b) => a + b, 0) * 4}`);
  let off = 0;
  const arrays = sizes.map((n) => {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++, off += 4) a[i] = buf.readFloatLE(off);
    return a;
  });
  const params: StudentParams = { input, hidden, argInput, w1: arrays[0]!, b1: arrays[1]!, w2: arrays[2]!, b2: arrays[3]!, a: arrays[4]! };
  return { features: { buckets: j.features.buckets, argBuckets: j.features.argBuckets }, params, argHead: j.argHead, training: j.training };
}
