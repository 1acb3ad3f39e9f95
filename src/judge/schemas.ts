import { z } from 'zod';
import { Usage } from '../models/provider.js';

/**
 * One constraint as the judge rules on it. `unknown` marks a constraint the model never ruled
 * on (missing from its reply, or the reply was unreadable twice): it counts as unsatisfied, so
 * a silent judge never looks like a lenient one.
 */
export const JudgeVerdict = z.strictObject({
  id: z.string(),
  satisfied: z.boolean(),
  reason: z.string(),
  unknown: z.boolean().optional(),
});
export type JudgeVerdict = z.infer<typeof JudgeVerdict>;

export const JudgeResult = z.strictObject({
  verdicts: z.array(JudgeVerdict),
  /** Tokens and cost of every call the verdicts took (the corrective retry included). */
  usage: Usage,
  /** Model calls made: 1, or 2 after a corrective retry. */
  calls: z.number().int().min(1),
});
export type JudgeResult = z.infer<typeof JudgeResult>;

/**
 * What the judge sees of an episode: what the page showed at the end and what the agent did.
 * Never the privileged state and never the structured constraint values: a judge of the open
 * web has neither, and measuring it against the exact evaluator is the point.
 */
export const JudgeEvidence = z.strictObject({
  finalUrl: z.string(),
  finalObservation: z.string(),
  /** Path of a final screenshot. Not attached yet: ModelProvider messages are text only. */
  screenshot: z.string().optional(),
  /** One line per action, in order. */
  actions: z.array(z.string()),
  /** How the episode ended (stopped, max_steps, ...) and the agent's answer, when it gave one. */
  status: z.string().optional(),
  answer: z.string().nullable().optional(),
  /**
   * The reply to the user an answer constraint reads (the last `send_msg_to_user` or `stop` text,
   * none after a `report_infeasible`): what the exact check of a question reads too.
   */
  reply: z.string().optional(),
});
export type JudgeEvidence = z.infer<typeof JudgeEvidence>;

/** The reply shape the prompt asks for; `satisfied` also accepts "yes"/"no"/"true"/"false". */
const lenientBoolean = z.union([
  z.boolean(),
  z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.enum(['true', 'false', 'yes', 'no']))
    .transform((s) => s === 'true' || s === 'yes'),
]);

export const ReplyVerdict = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  satisfied: lenientBoolean,
  reason: z.string().optional(),
});
export type ReplyVerdict = z.infer<typeof ReplyVerdict>;
