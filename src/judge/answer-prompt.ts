import type { AnswerConstraint, AnswerSpec } from '../core/schemas/answer.js';
import type { ChatMessage } from '../models/provider.js';

/**
 * The judge of an information-seeking question sees what a grader of a QA benchmark sees: the
 * question, the expected answer of each part (its kind, unit, tolerance and accepted names) and
 * the agent's reply. Not the pages: whether the reply is right is the question, not whether the
 * agent read it somewhere.
 */
const SYSTEM = `You grade a research agent's reply to a question with a known answer.
For each part of the answer you see its id, what it is, the expected answer with its kind and the
tolerance allowed, and the agent's whole reply. Decide, as a careful person would, whether the
reply gives that answer:
- case, accents, punctuation, word order of a list and a short lead-in ("The answer is ...") do
  not matter; another name of the same thing (an alias, a well-known short form) is right;
- a number must be within the tolerance, in the unit asked or one that converts exactly to it
  (1.5 km for 1500 m); another unit that is not the same quantity, another currency, or rounding
  past the tolerance is wrong;
- a date must be the same day; a list must hold every expected member and nothing else;
- a hedge between several candidates, or an answer that adds a wrong claim, is wrong; extra words
  that only explain the right answer are fine.`;

const FORMAT = `Reply with one JSON object and nothing else:
{"verdicts": [{"id": "<part id>", "satisfied": true or false, "reason": "<one short sentence>"}]}
Give exactly one verdict for every part id listed above.`;

const quote = (s: string) => JSON.stringify(s);
const names = (value: string, aliases: readonly string[] | undefined) => [value, ...(aliases ?? [])].map(quote).join(' or ');

/** The expected answer as the grader reads it: kind, value, unit, tolerance, accepted names. */
export function describeAnswer(a: AnswerSpec): string {
  switch (a.type) {
    case 'string':
      return `a name: ${names(a.value, a.aliases)}`;
    case 'number': {
      const unit = a.unit ? ` ${a.unit}` : '';
      const tol = a.tolerance ? `, anything within ±${a.tolerance}${unit} is right` : ', exactly';
      return `a number: ${a.value}${unit}${tol}`;
    }
    case 'date':
      return `a date: ${a.value} (year-month-day)`;
    case 'set':
      return `a list of ${a.members.length}, in any order: ${a.members.map((m) => names(m.value, m.aliases)).join('; ')}`;
  }
}

/** System and user messages grading one reply against a question's answer parts. Pure. */
export function buildAnswerJudgeMessages(question: string, constraints: readonly AnswerConstraint[], reply: string | undefined): ChatMessage[] {
  const parts = constraints.map((c) => `- id "${c.id}"${c.label ? ` (labelled "${c.label}" in the reply)` : ''}: ${c.phrase}; expected ${describeAnswer(c.answer)}`);
  const user = [
    `## Question\n${question}`,
    `## Expected answer${constraints.length > 1 ? ` (${constraints.length} parts; the reply gives one per line or per ";")` : ''}\n${parts.join('\n')}`,
    `## The agent's reply\n${reply === undefined || reply.trim() === '' ? '(the agent gave no reply)' : reply}`,
    `## Your answer\n${FORMAT}`,
  ].join('\n\n');
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: user },
  ];
}

export { FORMAT as ANSWER_FORMAT };
