import type { Observation } from '../core/schemas/observation.js';
import type { Task } from '../core/schemas/task.js';
import type { Usage } from '../models/provider.js';

/** One earlier step, as a policy may remember it. */
export type PastStep = { action: string; thought: string; url: string; error: string | null };

export type PolicyInput = {
  task: Task;
  observation: Observation;
  history: readonly PastStep[];
};

/** A policy's reply: one action in the runtime's action syntax, and why. */
export type Decision = {
  action: string;
  thought: string;
  /** Model tokens and cost spent on this decision (LLM policies). */
  usage?: Usage;
  /** Set when the policy ends the episode itself (e.g. three parse failures in a row). */
  giveUp?: string;
};

/**
 * What every agent implements: the scripted teacher, the random floor, LLM agents and the
 * student. A policy sees the task and what the page shows; it never reads site state.
 */
export type Policy = {
  readonly name: string;
  /** Called once per episode before the first act(). */
  begin?(task: Task, episodeSeed: number): void;
  act(input: PolicyInput): Promise<Decision>;
};
