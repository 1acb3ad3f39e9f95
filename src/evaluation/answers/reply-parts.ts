import type { AnswerConstraint } from '../../core/schemas/answer.js';
import type { Reply } from '../../core/schemas/episode-state.js';
import { normText, unwrapReply } from './normalize-text.js';

/** The reply of an episode: its last message to the user, unless that says the task is infeasible (BrowserGym's WebArena rule). */
export function finalReply(replies: readonly Reply[] | undefined): string | undefined {
  const last = replies?.[replies.length - 1];
  return last?.role === 'assistant' ? last.text : undefined;
}

/**
 * The part of the reply each answer constraint reads. One constraint reads the whole reply. With
 * several, the reply gives one part per line or ";": a part that starts with a constraint's label
 * ("airline: TAP") is that constraint's, the others are taken in order.
 */
export function replyParts(constraints: readonly AnswerConstraint[], reply: string | undefined): (string | undefined)[] {
  if (reply === undefined) return constraints.map(() => undefined);
  if (constraints.length <= 1) return constraints.map(() => reply);
  const parts = unwrapReply(reply)
    .split(/\n|;/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const out: (string | undefined)[] = constraints.map(() => undefined);
  const unlabelled: string[] = [];
  for (const p of parts) {
    const colon = p.indexOf(':');
    const label = colon > 0 ? normText(p.slice(0, colon)) : '';
    const i = label === '' ? -1 : constraints.findIndex((c, j) => out[j] === undefined && c.label !== undefined && normText(c.label) === label);
    if (i >= 0) out[i] = p.slice(colon + 1).trim();
    else unlabelled.push(p);
  }
  for (let j = 0; j < out.length && unlabelled.length > 0; j++) if (out[j] === undefined) out[j] = unlabelled.shift();
  return out;
}
