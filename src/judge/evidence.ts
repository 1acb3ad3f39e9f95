import type { Trajectory } from '../core/schemas/trajectory.js';
import { finalReply } from '../evaluation/answers/reply-parts.js';
import type { JudgeEvidence } from './schemas.js';

/**
 * The judge's view of a stored trajectory: the page after the last action (the end line keeps
 * it; older runs fall back to what the last step saw) and one line per action. Thoughts are
 * left out on purpose: an agent that claims success must not talk the judge into agreeing.
 */
export function evidenceFromTrajectory(t: Trajectory): JudgeEvidence {
  const last = t.steps.at(-1);
  const final = t.end.finalObservation ?? (last ? { url: last.url, observation: last.observation } : { url: '', observation: '' });
  const screenshot = [...t.steps].reverse().find((s) => s.screenshot)?.screenshot;
  return {
    finalUrl: final.url,
    finalObservation: final.observation,
    ...(screenshot ? { screenshot } : {}),
    actions: t.steps.map((s) => `${s.index + 1}. ${s.action}${s.error ? `  -> error: ${s.error}` : ''}  (on ${s.url})`),
    status: t.end.status,
    answer: t.end.answer,
    ...(reply(t) !== undefined ? { reply: reply(t)! } : {}),
  };
}

/**
 * The episode's reply as the exact evaluator read it: from the last recorded state's replies, or
 * (a trajectory stored without states) from the last reply action.
 */
function reply(t: Trajectory): string | undefined {
  const state = [...t.steps].reverse().find((s) => s.state)?.state;
  if (state?.replies) return finalReply(state.replies);
  for (const s of [...t.steps].reverse()) {
    const a = s.parsed;
    if (a?.type === 'send_msg_to_user') return a.text;
    if (a?.type === 'stop') return a.answer;
    if (a?.type === 'report_infeasible') return undefined;
  }
  return undefined;
}
