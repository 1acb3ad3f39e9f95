import { timeToMinutes } from '../core/dates.js';
import type { AttrValue } from '../core/schemas/episode-state.js';
import type { AnswerConstraint } from '../core/schemas/answer.js';
import type { AnyConstraint, Constraint } from '../core/schemas/task.js';
import { checkAnswer } from './answers/check-answer.js';
import type { Facts, FactSource } from './facts.js';

export type Verdict = {
  id: string;
  kind: AnyConstraint['kind'];
  satisfied: boolean;
  /** What was compared: the observed value, where it came from, and what was required. */
  evidence: { source: FactSource; field?: string; observed: unknown; expected: unknown };
};

const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const digits = (s: string) => s.replace(/\D/g, '');
/** Typed names are compared without accents: tickets and passports print "Garcia" for "García". */
const bare = (s: string) => norm(s).normalize('NFD').replace(/\p{M}/gu, '');
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

/** Checks one constraint against the facts of an episode; pure and allocation-light. */
export function checkConstraint(c: Constraint, f: Facts): Verdict {
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
      // Met by any of the best options that fit (ties included): the listing booked, with the
      // choices that set the value, at the best value. A cheaper hotel of the wrong stars is not
      // among them; the fastest train booked at the wrong fare is (the fare constraint counts that
      // mistake); the cheapest ticket bought without the railcard is not (it was not the lowest fare).
      const o = f.option;
      const value = at.attrs[c.field];
      const best = typeof value === 'number' && typeof c.best === 'number' ? Math.abs(value - c.best) < 1e-9 : value === c.best;
      const ok = best && o !== undefined && c.winners.some((w) => w.listing === o.listing && Object.entries(w.choices).every(([g, id]) => o.choices[g] === id));
      const observed = o === undefined ? undefined : { listing: o.listing, choices: o.choices, value: at.attrs[c.field] };
      return v(ok, at.source, observed, { [c.objective === 'min' ? 'lowest' : 'highest']: c.best, winners: c.winners.length }, c.field);
    }
    case 'count': {
      const o = at.attrs[c.field];
      return v(typeof o === 'number' ? o === c.value : Number(o) === c.value && o !== undefined, at.source, o, c.value, c.field);
    }
    case 'details': {
      const record = c.traveller === undefined ? f.contact : f.travellers[c.traveller - 1];
      const o = record?.[c.field];
      const phoneLike = /phone|tel|mobile/i.test(c.field);
      const ok = o !== undefined && o !== '' && (phoneLike ? digits(o) === digits(c.value) : bare(o) === bare(c.value));
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

/** Checks an answer constraint against the part of the reply it reads (see `replyParts`). */
export function checkAnswerConstraint(c: AnswerConstraint, part: string | undefined): Verdict {
  const r = checkAnswer(c.answer, part);
  const observed = part === undefined ? undefined : { reply: part, read: r.observed, ...(r.problem ? { problem: r.problem } : {}) };
  return { id: c.id, kind: c.kind, satisfied: r.ok, evidence: { source: part === undefined ? 'none' : 'reply', field: c.label ?? 'answer', observed, expected: c.answer } };
}
