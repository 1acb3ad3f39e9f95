import { Constraint, type Constraint as ConstraintT } from '../../core/schemas/task.js';
import type { SiteDefinition } from '../../sites/engine/site-definition.js';
import { factKey, stageOf } from '../generate-task.js';
import type { SiteSchema } from './site-schema.js';

/**
 * Constraint decomposition: a free-text instruction -> the site's typed constraints. The
 * result keeps what could not be mapped (`unmapped` phrases, `problems` with a constraint a
 * decomposer proposed that names an unknown field or value): nothing is silently dropped and
 * nothing is invented. Superlatives are kept as what is asked (field and objective); the best
 * value is proven when a task is made from them.
 */
export type Superlative = { kind: 'superlative'; field: string; objective: 'min' | 'max'; phrase: string };
export type Decomposed = ConstraintT | Superlative;

export type Decomposition = {
  site: string;
  instruction: string;
  constraints: Decomposed[];
  /** Parts of the instruction no constraint covers. */
  unmapped: string[];
  /** Constraints proposed but refused, and why (unknown field, unknown value, wrong shape). */
  problems: { proposed: unknown; reason: string }[];
};

/** What agreement compares: kind, field and value after normalization (ids and wording aside). */
export function agreementKey(c: Decomposed): string {
  switch (c.kind) {
    case 'exact':
      return `exact/${c.field}/${String(c.value).toLowerCase()}`;
    case 'range':
      return `range/${c.field}/${c.min ?? ''}/${c.max ?? ''}`;
    case 'set':
      return `set/${c.field}/${c.mode}/${[...c.values].sort().join(',')}`;
    case 'time_window':
      return `time/${c.field}/${c.after ?? ''}/${c.before ?? ''}`;
    case 'date_window':
      return `date/${c.field}/${c.from ?? ''}/${c.to ?? ''}`;
    case 'superlative':
      return `superlative/${c.field}/${c.objective}`;
    case 'count':
      return `count/${c.field}/${c.value}`;
    case 'details':
      return `details/${c.traveller ?? 'contact'}/${c.field}/${c.value.toLowerCase().replace(/\s+/g, ' ').trim()}`;
    case 'addon':
      return `addon/${c.field}/${c.chosen}/${c.quantity ?? 1}`;
    case 'booked':
      return 'booked';
  }
}

const norm = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ').trim();

/** A value as the site records it: a code given as its code or as the words for it ("Lisbon" -> "LIS"). */
function codeOf(schema: SiteSchema, field: string, value: string, site: SiteDefinition, world: Parameters<SiteDefinition['suggest']>[0] | undefined): string | undefined {
  const f = schema.fields.get(field);
  if (!f) return undefined;
  const n = norm(value);
  for (const [code, words] of f.values) {
    if (norm(code) === n) return code;
    for (const w of words) if (norm(w) === n) return code;
  }
  // An autocomplete field knows every place, not only those the sample saw.
  const sf = site.searchFields.find((x) => x.name === field);
  if (sf?.kind === 'autocomplete' && world) {
    const hit = site.suggest(world, sf.source, value).find((o) => norm(o.value) === n || norm(o.label) === n || norm(o.label).startsWith(`${n} (`) || norm(o.label).startsWith(`${n},`));
    return hit?.value;
  }
  if (f.values.size === 0 || f.kind === 'date' || f.kind === 'text' || f.kind === 'time') return value;
  return undefined;
}

/**
 * Checks and normalizes one proposed constraint against the site: the shape (the task schema),
 * the field (a fact of the site, an add-on, a traveller or contact field), and an exact value
 * (one of the field's values, given as code or words). Returns the constraint or why not.
 */
export function groundConstraint(proposed: unknown, schema: SiteSchema, site: SiteDefinition, world?: Parameters<SiteDefinition['suggest']>[0]): { ok: Decomposed } | { reason: string } {
  if (typeof proposed !== 'object' || proposed === null) return { reason: 'not an object' };
  const p = { ...(proposed as Record<string, unknown>) };
  const kind = p.kind;
  const field = typeof p.field === 'string' ? p.field : undefined;
  if (kind === 'superlative') {
    if (!field || !schema.fields.has(field)) return { reason: `unknown field "${String(p.field)}"` };
    if (p.objective !== 'min' && p.objective !== 'max') return { reason: 'a superlative needs objective "min" or "max"' };
    return { ok: { kind, field, objective: p.objective, phrase: typeof p.phrase === 'string' && p.phrase ? p.phrase : `${p.objective} ${field}` } };
  }
  if (kind === 'details') {
    if (!field || !schema.detailFields.has(field)) return { reason: `unknown traveller or contact field "${String(p.field)}"` };
  } else if (kind === 'addon') {
    if (!field || !schema.addons.has(field)) return { reason: `unknown add-on "${String(p.field)}"` };
  } else if (kind !== 'booked') {
    if (!field || !schema.fields.has(field)) return { reason: `unknown field "${String(p.field)}"` };
  }
  if (kind === 'exact' && field) {
    const code = codeOf(schema, field, String(p.value), site, world);
    if (code === undefined) return { reason: `unknown value "${String(p.value)}" for ${field}` };
    p.value = typeof p.value === 'number' ? p.value : code;
  }
  if (kind === 'set' && field && Array.isArray(p.values)) {
    const codes = p.values.map((v) => codeOf(schema, field, String(v), site, world));
    const bad = p.values.filter((_, i) => codes[i] === undefined);
    if (bad.length) return { reason: `unknown value${bad.length > 1 ? 's' : ''} ${bad.map((b) => `"${String(b)}"`).join(', ')} for ${field}` };
    p.values = codes;
  }
  p.id ??= factKey({ kind: kind as ConstraintT['kind'], ...(field ? { field } : {}), ...(typeof p.traveller === 'number' ? { traveller: p.traveller } : {}) }).replace(/^fact\//, '').replace(/\//g, '-');
  p.phrase = typeof p.phrase === 'string' && p.phrase ? p.phrase : String(p.id);
  try {
    p.stage = stageOf(site, { kind: kind as ConstraintT['kind'], stage: 'search', ...(field ? { field } : {}) });
  } catch {
    return { reason: `unknown field "${String(field)}"` };
  }
  const parsed = Constraint.safeParse(p);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { reason: `not a valid ${String(kind)} constraint (${issue.path.join('.') || 'shape'}: ${issue.message})` };
  }
  return { ok: parsed.data };
}
