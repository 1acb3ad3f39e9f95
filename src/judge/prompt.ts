import { todayText } from '../core/dates.js';
import type { ChatMessage } from '../models/provider.js';
import type { Task } from '../core/schemas/task.js';
import type { JudgeEvidence } from './schemas.js';

/** The judge sees a constraint's id (to answer by) and its phrase, never its structured check. */
export type JudgedConstraint = { id: string; phrase: string };

export type PromptOptions = {
  /** Cap on the final observation, in characters (the head is kept: it holds the page's main content first). */
  maxObservationChars?: number;
  /** Cap on the action history: the last N actions are shown. */
  maxActions?: number;
};

const SYSTEM = `You judge whether a web agent fulfilled a user's booking request.
You see the request, its constraints (each with an id and the words of the request it comes from),
the page the agent ended on (URL and accessibility tree as text) and the actions it took.
Judge each constraint independently, only from this evidence. A constraint is satisfied only if
the evidence shows it holds for what the agent searched, selected, entered or booked; if the
evidence does not show it, it is not satisfied.`;

const FORMAT = `Reply with one JSON object and nothing else:
{"verdicts": [{"id": "<constraint id>", "satisfied": true or false, "reason": "<one short sentence>"}]}
Give exactly one verdict for every constraint id listed above.`;

export function judgedConstraints(task: Pick<Task, 'constraints'>): JudgedConstraint[] {
  return task.constraints.map((c) => ({ id: c.id, phrase: c.phrase }));
}

/** System and user messages for one judgement. Pure: the same inputs give the same prompt (and cache key). */
export function buildJudgeMessages(task: Pick<Task, 'instruction' | 'constraints'>, evidence: JudgeEvidence, options: PromptOptions = {}): ChatMessage[] {
  const maxObs = options.maxObservationChars ?? 24_000;
  const maxActions = options.maxActions ?? 60;
  const obs = evidence.finalObservation.length > maxObs ? `${evidence.finalObservation.slice(0, maxObs)}\n[... observation cut at ${maxObs} characters]` : evidence.finalObservation;
  const shown = evidence.actions.slice(-maxActions);
  const omitted = evidence.actions.length - shown.length;
  const constraints = judgedConstraints(task).map((c) => `- id "${c.id}": ${c.phrase}`);
  const ending = [evidence.status ? `The episode ended with status: ${evidence.status}.` : '', evidence.answer ? `The agent's final answer: ${evidence.answer}` : ''].filter(Boolean);
  const user = [
    `## Request\n${task.instruction}\n\nToday is ${todayText()}.`,
    `## Constraints\n${constraints.join('\n')}`,
    `## Actions taken (${evidence.actions.length})\n${omitted > 0 ? `[${omitted} earlier actions omitted]\n` : ''}${shown.join('\n') || '(none)'}`,
    ...(ending.length ? [`## Outcome\n${ending.join('\n')}`] : []),
    `## Final page\nURL: ${evidence.finalUrl}\n${obs}`,
    `## Your answer\n${FORMAT}`,
  ].join('\n\n');
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: user },
  ];
}

/** The corrective turn after an unreadable reply: say what was wrong and ask for the format again. */
export function correctionMessage(problem: string, format = FORMAT): ChatMessage {
  return { role: 'user', content: `Your reply could not be used: ${problem}.\n${format}` };
}
