import { describeActionSpace } from '../../browser/actions/index.js';
import { todayText } from '../../core/dates.js';
import { isQaTask, isWebTask, type AnyTask } from '../../core/schemas/task.js';
import type { ChatMessage } from '../../models/provider.js';
import type { PolicyInput } from '../policy.js';
import { historyText } from './history.js';
import type { LlmAgentOptions } from './options.js';
import { observationText } from './observation-text.js';

const TEXT_FORMAT = `Reply in exactly this format:
Thought: <what you see, what is left to do, and why the next action helps>
Action: <exactly one action, e.g. click("12")>`;

const TOOL_FORMAT = `Reply with a short thought about what you see and what is left to do, then call exactly one function: the action to take.`;

/** The reply format, in the mode the agent runs in (repeated at the end of every prompt). */
export const replyFormat = (o: Pick<LlmAgentOptions, 'toolCalls'>): string => (o.toolCalls ? TOOL_FORMAT : TEXT_FORMAT);

/**
 * Said of a question (a task of kind "qa") after its text: nothing is booked, the reply is the
 * answer. Booking tasks' prompts are unchanged (their cached replies stay valid).
 */
const QUESTION_NOTE = 'This task is a question, not a booking: find the answer by searching and reading pages (follow links between sites as needed), then give it with stop("<the answer>"). Your last message is graded against the one right answer.';

/** What the agent is, what it can do, and how to answer. */
export function systemPrompt(o: Pick<LlmAgentOptions, 'toolCalls'>): string {
  return [
    'You are a web agent. You complete a booking task on a website by acting in a real browser, one action at a time.',
    'Each turn you see the task, your earlier steps and the current page as an accessibility tree: one element a line, `[bid] role "name" value states`. Refer to elements by their bid (the id in brackets).',
    'Book exactly what the task asks for: every constraint counts. Dismiss cookie banners and pop-ups when they are in the way. When the task is done (the booking is confirmed), send stop(); if it cannot be done, report_infeasible("why").',
    '',
    o.toolCalls ? 'Actions (each is also a function you can call):' : 'Actions:',
    describeActionSpace(),
    '',
    replyFormat(o),
  ].join('\n');
}

/** What one turn is prompted with: a policy's input, where the task may also be an open-web instruction (the URL explorer's). */
export type PromptInput = Omit<PolicyInput, 'task'> & { task: AnyTask };

/** One turn's user message: task, history, current observation, then the format reminder. */
export function userPrompt(input: PromptInput, o: LlmAgentOptions): string {
  return [
    // The world's fixed today is ours; a site given by URL lives on the real calendar, which the page shows.
    `# Task\n${input.task.instruction}${isQaTask(input.task) ? `\n\n${QUESTION_NOTE}` : ''}${isWebTask(input.task) ? '' : `\n\nToday is ${todayText()}.`}`,
    `# Previous steps\n${historyText(input.history, o.historySteps, input.observation.url)}`,
    `# Current page\n${observationText(input.observation, o.obsBudgetTokens)}`,
    `# Your reply\n${replyFormat(o)}`,
  ].join('\n\n');
}

/** The prompt of one decision, before any corrective retry. */
export function buildMessages(input: PromptInput, o: LlmAgentOptions): ChatMessage[] {
  return [
    { role: 'system', content: systemPrompt(o) },
    { role: 'user', content: userPrompt(input, o) },
  ];
}

/** The correction after a reply without a valid action: quotes the parse error and the format. */
export function correctionPrompt(error: string, o: Pick<LlmAgentOptions, 'toolCalls'>): string {
  return `Your reply did not contain a valid action: ${error}\n\n${replyFormat(o)}`;
}
