import type { AnswerSpec } from '../../core/schemas/answer.js';
import { normText, stripLeadIn } from './normalize-text.js';
import { datesIn } from './parse-date.js';
import { convertTo, quantitiesIn } from './parse-quantity.js';

/** A reply part judged against an answer: what was read from it, and why it fails when it does. */
export type AnswerCheck = { ok: boolean; observed: unknown; problem?: string };

const forms = (value: string, aliases: readonly string[] | undefined) => [value, ...(aliases ?? [])].map((f) => normText(f)).filter((f) => f !== '');

/**
 * Judges one reply (or one part of a multi-part reply) against an answer. Strict on purpose: the
 * reply must be the answer (a lead-in such as "The answer is" and a closing full stop aside), not a
 * sentence that also contains it; a hedge ("Lisbon or Porto") or a list where one thing is asked
 * fails. Free-form replies are the LLM judge's to grade.
 */
export function checkAnswer(spec: AnswerSpec, reply: string | undefined): AnswerCheck {
  if (reply === undefined || reply.trim() === '') return { ok: false, observed: undefined, problem: 'no reply' };
  const body = stripLeadIn(reply);
  switch (spec.type) {
    case 'string': {
      const said = normText(body);
      return forms(spec.value, spec.aliases).includes(said) ? { ok: true, observed: said } : { ok: false, observed: said, problem: 'not the answer or one of its names' };
    }
    case 'number': {
      const qs = quantitiesIn(body);
      const distinct = [...new Map(qs.map((q) => [`${q.value}|${q.unit ?? ''}`, q])).values()];
      if (distinct.length === 0) return { ok: false, observed: body, problem: 'no number in the reply' };
      if (distinct.length > 1) return { ok: false, observed: distinct, problem: 'the reply gives several numbers' };
      const q = distinct[0]!;
      const c = convertTo(q, spec.unit);
      if ('problem' in c) return { ok: false, observed: q, problem: c.problem };
      const tol = spec.tolerance ?? 0;
      const ok = Math.abs(c.value - spec.value) <= tol + 1e-9 * Math.max(1, Math.abs(spec.value));
      return ok ? { ok, observed: q } : { ok, observed: q, problem: `${c.value} is not within ${tol} of ${spec.value}` };
    }
    case 'date': {
      const year = Number(spec.value.slice(0, 4));
      const days = datesIn(body, year);
      if (days.length === 0) return { ok: false, observed: body, problem: 'no date in the reply' };
      if (days.length > 1) return { ok: false, observed: days, problem: 'the reply gives several dates' };
      return days[0] === spec.value ? { ok: true, observed: days[0] } : { ok: false, observed: days[0], problem: `${days[0]} is not ${spec.value}` };
    }
    case 'set':
      return checkSet(spec.members, body);
  }
}

/**
 * Every member, found as whole words (a name may itself contain "and"), and nothing else: what
 * is left once the members are taken out may only be separators (",", ";", lines, "and").
 */
function checkSet(members: readonly { value: string; aliases?: string[] }[], body: string): AnswerCheck {
  let text = ` ${normText(body, true)} `;
  const missing: string[] = [];
  const found: string[] = [];
  // Longest names first, so that "Porto Santo" is not taken as "Porto".
  const order = members.map((m) => ({ m, fs: forms(m.value, m.aliases).sort((a, b) => b.length - a.length) })).sort((a, b) => (b.fs[0]?.length ?? 0) - (a.fs[0]?.length ?? 0));
  for (const { m, fs } of order) {
    const hit = fs.find((f) => text.includes(` ${f} `));
    if (hit === undefined) {
      missing.push(m.value);
      continue;
    }
    found.push(m.value);
    text = text.replace(` ${hit} `, ' , ');
  }
  const extra = text
    .split(',')
    .map((s) => s.replace(/\b(and|plus|both)\b/g, ' ').trim())
    .filter((s) => s !== '');
  const ok = missing.length === 0 && extra.length === 0;
  const problem = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `not in the answer: ${extra.join(', ')}` : ''].filter(Boolean).join('; ');
  return ok ? { ok, observed: found } : { ok, observed: { found, extra }, problem };
}
