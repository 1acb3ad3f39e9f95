import { replyOfTask } from '../../../src/agents/researcher/scripted-researcher.js';
import { emptySiteState } from '../../../src/core/schemas/episode-state.js';
import type { QaTask } from '../../../src/core/schemas/task.js';

/** A site state whose only reply is `text` (what the agent sent), for evaluating an answer alone. */
export const stateWith = (text: string) => ({ ...emptySiteState('search'), replies: [{ role: 'assistant' as const, text, step: 3 }] });

/** The page text of an HTML fragment, entities decoded. */
export const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/**
 * A two-part question's right reply ("first; second"), and a near miss of it: the first part
 * kept, the second another value of its kind (a number off by 7, another date, another name).
 */
export function secondPartWrong(t: QaTask): { reply: string; first: string; nearMiss: string } {
  const reply = replyOfTask(t);
  const [first] = reply.split('; ');
  const a2 = t.constraints[1]!.answer;
  const wrong = a2.type === 'number' ? String(a2.value + 7) : a2.type === 'date' ? '1 January 2001' : 'Nowhere Else';
  return { reply, first: first!, nearMiss: `${first}; ${wrong}` };
}
