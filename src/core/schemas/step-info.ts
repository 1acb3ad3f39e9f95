import { z } from 'zod';
import { Action } from './action.js';
import { EpisodeState } from './episode-state.js';
import { Observation } from './observation.js';

/** Wall-clock milliseconds of one step, by phase. */
export const StepTimings = z.strictObject({
  /** Executing the action itself (Playwright input, navigation commit). */
  actionMs: z.number().min(0),
  /** Waiting for navigation, network and DOM to settle. */
  settleMs: z.number().min(0),
  /** Building the observation (bids, accessibility tree, text, screenshot). */
  observeMs: z.number().min(0),
  totalMs: z.number().min(0),
});
export type StepTimings = z.infer<typeof StepTimings>;

/** A request the env refused because the sandbox does not allow its URL in the episode. */
export const BlockedRequest = z.strictObject({
  url: z.string(),
  method: z.string(),
  resourceType: z.string(),
  /** Why, in words (the origin is not allowed, file: is refused, ...). */
  reason: z.string().optional(),
  /** Set when the request was a redirect hop: the URL that redirected to it. */
  redirectedFrom: z.string().optional(),
});
export type BlockedRequest = z.infer<typeof BlockedRequest>;

export const StepInfo = z.strictObject({
  /** The action as executed; null when the input could not be parsed. */
  action: Action.nullable(),
  /** Same text as observation.lastActionError, when the action failed. */
  error: z.string().optional(),
  /** False when the page was still busy (network or DOM) when the settle timeout ran out. */
  settled: z.boolean(),
  timings: StepTimings,
  /** The episode's state after the step, when the env has a backend and runs a site episode. */
  state: EpisodeState.optional(),
  /** Requests blocked since the previous step returned; the first step also reports reset()'s. */
  blockedRequests: z.array(BlockedRequest),
  /** The final answer of `stop`, the reason of `report_infeasible`, or a `send_msg_to_user` text. */
  message: z.string().optional(),
});
export type StepInfo = z.infer<typeof StepInfo>;

export const StepResult = z.strictObject({
  observation: Observation,
  /** True after `stop` or `report_infeasible`. */
  done: z.boolean(),
  info: StepInfo,
});
export type StepResult = z.infer<typeof StepResult>;
