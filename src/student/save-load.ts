import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/atomic-write.js';
import { InvalidInputError } from '../core/errors.js';
import type { ArgHead } from './arguments.js';
import { ARG_EXTRA_NAMES } from './arg-choices.js';
import { attnInputSize } from './attn-model.js';
import { EXTRA_NAMES, type FeatureConfig } from './features.js';
import { GOAL_NAMES, NUMERIC_NAMES } from './listing-facts.js';
import { ARCHS, ATTN_PARAM_NAMES, paramArrays, paramNames, paramShapes, type ParamDims, type ParamName, type StudentParams } from './model.js';

/**
 * A saved student is a directory:
 * - model.json: { format: "webfoundry-student", version: 4, arch: "bow" | "attn", features: {
 *   buckets, extras, argBuckets, argExtras, and for attn: ctxBuckets, numeric, goals }, dims (attn:
 *   { attn, gate }), layers: [{ name, shape }] in weights.bin order (bow: w1 [input, hidden], b1
 *   [hidden], w2 [hidden, 1], b2 [1]: the action scorer; attn: ATTN_PARAM_NAMES, see model.ts; both
 *   end with a [argInput]: the argument scorer), argHead: the count head's matches and offers per
 *   key (by element, by action kind), whose precision and choice are features of the argument
 *   scorer, training: free-form metadata }.
 * - weights.bin: the layers' values concatenated, Float32 little-endian, row-major.
 * Version 4 added the architecture (`arch`, the attention student); a version 3 model has none and
 * is read as bow (its layout is bow's). Version 3 added the learned argument scorer (layer `a`,
 * the `arg*` feature fields); a version 2 model chose arguments by counts alone and cannot act as
 * a stochastic policy, so it is refused; a newer version or an unknown architecture too.
 */
export const STUDENT_FORMAT_VERSION = 4;

const Counts = z.record(z.string(), z.record(z.string(), z.number()));
const Layer = z.strictObject({ name: z.enum(ATTN_PARAM_NAMES), shape: z.array(z.number().int().min(1)) });
const ArgHeadJson = z.strictObject({ byElement: Counts, byKind: Counts, presentByElement: Counts, presentByKind: Counts });
const BaseFeatures = { buckets: z.number().int().min(1), extras: z.array(z.string()), argBuckets: z.number().int().min(1), argExtras: z.array(z.string()) };
export const StudentModelJson = z.strictObject({
  format: z.literal('webfoundry-student'),
  version: z.literal(STUDENT_FORMAT_VERSION),
  arch: z.enum(ARCHS),
  features: z.strictObject({ ...BaseFeatures, ctxBuckets: z.number().int().min(1).optional(), numeric: z.array(z.string()).optional(), goals: z.array(z.string()).optional() }),
  dims: z.strictObject({ attn: z.number().int().min(1), gate: z.number().int().min(1) }).optional(),
  layers: z.array(Layer),
  argHead: ArgHeadJson,
  training: z.record(z.string(), z.unknown()),
});
/** Version 3 (before architectures): a bow student. */
const StudentModelJsonV3 = z.strictObject({
  format: z.literal('webfoundry-student'),
  version: z.literal(3),
  features: z.strictObject(BaseFeatures),
  layers: z.array(Layer),
  argHead: ArgHeadJson,
  training: z.record(z.string(), z.unknown()),
});

export type StudentModel = { features: FeatureConfig; params: StudentParams; argHead: ArgHead; training: Record<string, unknown> };

/** model.json's text and weights.bin's bytes (also what a checksum of a model is taken over). */
export function serializeStudent(m: StudentModel): { json: string; weights: Buffer } {
  const p = m.params;
  const shapes = paramShapes(p);
  const attn = p.arch === 'attn';
  const json: z.infer<typeof StudentModelJson> = {
    format: 'webfoundry-student',
    version: STUDENT_FORMAT_VERSION,
    arch: p.arch,
    features: {
      buckets: m.features.buckets, extras: [...EXTRA_NAMES], argBuckets: m.features.argBuckets, argExtras: [...ARG_EXTRA_NAMES],
      ...(attn ? { ctxBuckets: p.ctxInput - GOAL_NAMES.length, numeric: [...NUMERIC_NAMES], goals: [...GOAL_NAMES] } : {}),
    },
    ...(attn ? { dims: { attn: p.attn, gate: p.gate } } : {}),
    layers: paramNames(p.arch).map((name) => ({ name, shape: shapes[name]! })),
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

const RETRAIN = 'retrain it from its data with `webfoundry train --data RUN --out DIR` (add --arch attn for the attention student)';

/** model.json as this version reads it (a version 3 file becomes a bow model of version 4), or a clear refusal. */
function readModelJson(dir: string, raw: unknown): z.infer<typeof StudentModelJson> {
  const version = (raw as { version?: unknown } | null)?.version;
  if (version === 3) {
    const v3 = StudentModelJsonV3.safeParse(raw);
    if (v3.success) return { ...v3.data, version: STUDENT_FORMAT_VERSION, arch: 'bow' };
  }
  const parsed = StudentModelJson.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (typeof version === 'number' && version > STUDENT_FORMAT_VERSION) {
    throw new InvalidInputError(`${dir} is a version ${version} student, made by a newer WebFoundry; this one reads versions 3 and ${STUDENT_FORMAT_VERSION}`, { hint: `upgrade WebFoundry to use it, or ${RETRAIN}` });
  }
  if (typeof version === 'number' && version < 3) {
    throw new InvalidInputError(`${dir} is a version ${version} student (it chooses fill and select arguments by counts alone, so it can neither sample them nor give their log-probabilities); this WebFoundry reads versions 3 and ${STUDENT_FORMAT_VERSION}`, { hint: RETRAIN });
  }
  const arch = (raw as { arch?: unknown } | null)?.arch;
  if (version === STUDENT_FORMAT_VERSION && !(ARCHS as readonly unknown[]).includes(arch)) {
    throw new InvalidInputError(`${dir} is a student of architecture ${JSON.stringify(arch)}, which this WebFoundry does not know (it knows ${ARCHS.join(', ')})`, { hint: `upgrade WebFoundry to use it, or ${RETRAIN}` });
  }
  const issue = parsed.error.issues[0];
  throw new InvalidInputError(`${dir}/model.json is not a student model: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
}

export function loadStudent(dir: string): StudentModel {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  } catch (err) {
    throw new InvalidInputError(`${dir} holds no readable model.json (${(err as Error).message})`, { hint: 'train one with `webfoundry train --data RUN --out models/NAME`' });
  }
  const j = readModelJson(dir, raw);
  const attn = j.arch === 'attn';
  const sameList = (a: readonly string[] | undefined, b: readonly string[]): boolean => (a ?? []).join(',') === b.join(',');
  if (!sameList(j.features.extras, EXTRA_NAMES) || !sameList(j.features.argExtras, ARG_EXTRA_NAMES) || (attn && (!sameList(j.features.numeric, NUMERIC_NAMES) || !sameList(j.features.goals, GOAL_NAMES)))) {
    throw new InvalidInputError(`${dir} was trained with other features than this version computes`, { hint: RETRAIN });
  }
  if (attn && (!j.dims || j.features.ctxBuckets === undefined)) throw new InvalidInputError(`${dir}: an attn student needs dims and features.ctxBuckets in model.json`);
  const byName = new Map(j.layers.map((l) => [l.name, l.shape]));
  const input = byName.get('w1')?.[0] ?? 0;
  const hidden = byName.get('w1')?.[1] ?? 0;
  const argInput = byName.get('a')?.[0] ?? 0;
  const ctxInput = attn ? j.features.ctxBuckets! + GOAL_NAMES.length : 0;
  const dims: ParamDims = attn ? { arch: 'attn', input, hidden, argInput, ctxInput, attn: j.dims!.attn, gate: j.dims!.gate } : { arch: 'bow', input, hidden, argInput };
  const names = paramNames(j.arch);
  const shapes = paramShapes(dims);
  // Read in the order of paramNames, which is the order save writes and model.json lists.
  if (j.layers.map((l) => l.name).join(',') !== names.join(',')) throw new InvalidInputError(`${dir}: layers must be listed as ${names.join(', ')}`);
  for (const name of names) {
    if (JSON.stringify(byName.get(name)) !== JSON.stringify(shapes[name])) throw new InvalidInputError(`${dir}: layer ${name} has shape ${JSON.stringify(byName.get(name))}, expected ${JSON.stringify(shapes[name])}`);
  }
  const features: FeatureConfig = { buckets: j.features.buckets, argBuckets: j.features.argBuckets, ...(attn ? { ctxBuckets: j.features.ctxBuckets! } : {}) };
  const expectedInput = attn ? attnInputSize(features) : j.features.buckets + EXTRA_NAMES.length;
  if (input !== expectedInput) throw new InvalidInputError(`${dir}: w1 has ${input} inputs, the features have ${expectedInput}`);
  if (argInput !== j.features.argBuckets + ARG_EXTRA_NAMES.length) throw new InvalidInputError(`${dir}: a has ${argInput} inputs, the argument features have ${j.features.argBuckets + ARG_EXTRA_NAMES.length}`);
  const buf = readFileSync(join(dir, 'weights.bin'));
  const sizes = names.map((n) => shapes[n]!.reduce((a, b) => a * b, 1));
  if (buf.length !== sizes.reduce((a, b) => a + b, 0) * 4) throw new InvalidInputError(`${dir}/weights.bin has ${buf.length} bytes, model.json expects ${sizes.reduce((a, b) => a + b, 0) * 4}`);
  let off = 0;
  const arrays = new Map(names.map((n, k) => {
    const a = new Float32Array(sizes[k]!);
    for (let i = 0; i < a.length; i++, off += 4) a[i] = buf.readFloatLE(off);
    return [n, a] as const;
  }));
  const get = (n: ParamName): Float32Array => arrays.get(n)!;
  const common = { input, hidden, argInput, w1: get('w1'), b1: get('b1'), w2: get('w2'), b2: get('b2'), a: get('a') };
  const params: StudentParams = attn
    ? { ...common, arch: 'attn', ctxInput, attn: j.dims!.attn, gate: j.dims!.gate, wc: get('wc'), bc: get('bc'), wq: get('wq'), wk: get('wk'), wv: get('wv'), wgh: get('wgh'), wgc: get('wgc'), bg: get('bg') }
    : { ...common, arch: 'bow' };
  return { features, params, argHead: j.argHead, training: j.training };
}
