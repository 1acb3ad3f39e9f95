import type { AnswerConstraint } from '../core/schemas/answer.js';
import type { AnyConstraint, Task } from '../core/schemas/task.js';
import { logger } from '../core/logger.js';
import { addUsage } from '../models/cost.js';
import type { ChatMessage, ChatResponse, ModelProvider } from '../models/provider.js';
import { parseVerdicts } from './parse-verdicts.js';
import { ANSWER_FORMAT, buildAnswerJudgeMessages } from './answer-prompt.js';
import { buildJudgeMessages, correctionMessage, type PromptOptions } from './prompt.js';
import type { JudgeEvidence, JudgeResult, JudgeVerdict } from './schemas.js';

const log = logger('judge');

export type JudgeOptions = PromptOptions & {
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
};

/** The reply text to read verdicts from: the content, or a reasoning model's reasoning when the content is empty. */
const replyText = (r: ChatResponse) => (r.content.trim() ? r.content : (r.reasoning ?? ''));

/**
 * Asks the model for a verdict per constraint of `task` on what `evidence` shows. A reply
 * with no usable verdict gets one corrective retry; after that every constraint is unknown.
 * Constraints the reply leaves out are unknown too. Unknown counts as unsatisfied.
 */
const isAnswer = (c: AnyConstraint): c is AnswerConstraint => c.kind === 'answer';

/**
 * A question (every constraint an answer) is graded on its reply against the expected answer
 * (answer-prompt.ts); a booking task on the final page and the actions (prompt.ts).
 */
export async function judge(task: Pick<Task, 'id' | 'instruction' | 'constraints'>, evidence: JudgeEvidence, provider: ModelProvider, options: JudgeOptions = {}): Promise<JudgeResult> {
  const ids = task.constraints.map((c) => c.id);
  const answers = task.constraints.filter(isAnswer);
  const asQuestion = answers.length > 0 && answers.length === task.constraints.length;
  const messages: ChatMessage[] = asQuestion ? buildAnswerJudgeMessages(task.instruction, answers, evidence.reply) : buildJudgeMessages(task, evidence, options);
  const ask = (msgs: ChatMessage[]) =>
    provider.chat(
      {
        messages: msgs,
        // Verdicts should not depend on sampling luck, and 0 makes reruns hit the response cache.
        temperature: options.temperature ?? 0,
        ...(options.maxTokens ? { maxTokens: options.maxTokens } : {}),
      },
      options.signal,
    );

  let response = await ask(messages);
  const usages = [response.usage];
  let calls = 1;
  let parsed = parseVerdicts(replyText(response), ids);
  if (!parsed.ok) {
    log.debug('unreadable judge reply, retrying once', { task: task.id, problem: parsed.problem });
    response = await ask([...messages, { role: 'assistant', content: response.content }, correctionMessage(parsed.problem, asQuestion ? ANSWER_FORMAT : undefined)]);
    usages.push(response.usage);
    calls++;
    parsed = parseVerdicts(replyText(response), ids);
  }

  const verdicts: JudgeVerdict[] = ids.map((id) => {
    if (!parsed.ok) return { id, satisfied: false, reason: `unknown: the judge's reply was unreadable twice (${parsed.problem})`, unknown: true };
    const v = parsed.verdicts.get(id);
    return v ? { id, satisfied: v.satisfied, reason: v.reason } : { id, satisfied: false, reason: 'unknown: the judge gave no verdict for this constraint', unknown: true };
  });
  return { verdicts, usage: addUsage(usages), calls };
}
