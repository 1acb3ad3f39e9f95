import { timeToMinutes } from '../core/dates.js';
import type { AttrValue } from '../core/schemas/episode-state.js';
import type { Constraint } from '../core/schemas/task.js';
import type { Facts, FactSource } from './facts.js';

export type Verdict = {
  id: string;
  kind: Constraint['kind'];
  satisfied: boolean;
  /** What was compared: the observed value, where it came from, and what was required. */
  evidence: { source: FactSource; field?: string; observed: unknown; expected: unknown };
};

const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const digits = (s: string) => s.replace(/\D/g, '');
const asList = (v: AttrValue | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

function equal(observed: AttrValue | undefined, expected: string | number | boolean): boolean {
  if (observed === undefined) return false;
  if (Array.isArray(observed)) return observed.some((o) => norm(o) === norm(String(expected)));
  if (typeof expected === 'string' || typeof observed === 'string') return norm(String(observed)) === norm(String(expected));
  return observed === expected;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function minutes(v: AttrValue | undefined): number | undefined {
  if (typeof v !== 'string' || !/^\d{1,2}:\d{2}$/.test(v)) return undefined;
  return timeToMinutes(v);
}

const sameValue = (a: AttrValue | undefined, b: number | string) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a !== undefined && !Array.isArray(a) && typeof a !== 'boolean' && String(a) === String(b);

/**
 * Checks one constraint against the facts of an episode; pure and allocation-light. `siblings`
 * are the verdicts of the task's other constraints, for a superlative's scope.
 */
export function checkConstraint(c: Constraint, f: Facts, siblings?: ReadonlyMap<string, boolean>): Verdict {
  const at = f.byStage[c.stage];
  const v = (satisfied: boolean, source: FactSource, observed: unknown, expected: unknown, field?: string): Verdict => ({
    id: c.id,
    kind: c.kind,
    satisfied,
    evidence: field === undefined ? { source, observed, expected } : { source, field, observed, expected },
  });
  switch (c.kind) {
    case 'exact': {
      const o = at.attrs[c.field];
      return v(equal(o, c.value), at.source, o, c.value, c.field);
    }
    case 'range': {
      const o = at.attrs[c.field];
      const ok = typeof o === 'number' && (c.min === undefined || o >= c.min) && (c.max === undefined || o <= c.max);
      return v(ok, at.source, o, { min: c.min, max: c.max }, c.field);
    }
    case 'set': {
      const o = at.attrs[c.field];
      const have = asList(o).map(norm);
      const want = c.values.map(norm);
      const ok =
        o !== undefined &&
        (c.mode === 'includes_all' ? want.every((w) => have.includes(w)) : c.mode === 'one_of' ? want.some((w) => have.includes(w)) : !want.some((w) => have.includes(w)));
      return v(ok, at.source, o, { [c.mode]: c.values }, c.field);
    }
    case 'time_window': {
      const o = at.attrs[c.field];
      const t = minutes(o);
      const ok = t !== undefined && (c.after === undefined || t >= timeToMinutes(c.after)) && (c.before === undefined || t <= timeToMinutes(c.before));
      return v(ok, at.source, o, { after: c.after, before: c.before }, c.field);
    }
    case 'date_window': {
      const o = at.attrs[c.field];
      const d = typeof o === 'string' && ISO_DATE.test(o) ? o : undefined;
      const ok = d !== undefined && (c.from === undefined || d >= c.from) && (c.to === undefined || d <= c.to);
      return v(ok, at.source, o, { from: c.from, to: c.to }, c.field);
    }
    case 'superlative': {
      // Any option reaching the best value counts, as long as it is one of the options the
      // superlative ranks (it meets every constraint of the scope): a cheaper hotel of the wrong
      // star rating is not "the cheapest 4-star hotel".
      const o = at.attrs[c.field];
      const outOfScope = c.scope.filter((id) => siblings?.get(id) === false);
      const ok = sameValue(o, c.best) && outOfScope.length === 0;
      return v(ok, at.source, outOfScope.length ? { value: o, outOfScope } : o, { [c.objective === 'min' ? 'lowest' : 'highest']: c.best }, c.field);
    }
    case 'count': {
      const o = at.attrs[c.field];
      return v(typeof o === 'number' ? o === c.value : Number(o) === c.value && o !== undefined, at.source, o, c.value, c.field);
    }
    case 'details': {
      const record = c.traveller === undefined ? f.contact : f.travellers[c.traveller - 1];
      const o = record?.[c.field];
      const phoneLike = /phone|tel|mobile/i.test(c.field);
      const ok = o !== undefined && o !== '' && (phoneLike ? digits(o) === digits(c.value) : norm(o) === norm(c.value));
      return v(ok, f.detailsSource, o, c.value, c.traveller === undefined ? `contact.${c.field}` : `traveller${c.traveller}.${c.field}`);
    }
    case 'addon': {
      const qty = f.extras[c.field] ?? 0;
      const reached = f.detailsSource !== 'none';
      const ok = reached && (c.chosen ? qty >= (c.quantity ?? 1) : qty === 0);
      return v(ok, f.detailsSource, reached ? qty : undefined, c.chosen ? { atLeast: c.quantity ?? 1 } : 0, `extras.${c.field}`);
    }
    case 'booked':
      return v(f.bookings === 1, f.bookings > 0 ? 'booking' : 'none', f.bookings, 1, 'bookings');
  }
}
