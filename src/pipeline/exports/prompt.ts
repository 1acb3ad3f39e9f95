import { todayText } from '../../core/dates.js';
import { isWebTask } from '../../core/schemas/task.js';
import type { DatasetRow, DatasetStep } from '../../core/schemas/dataset.js';
import { formatAction } from '../../browser/actions/format-action.js';
import { parseAction } from '../../browser/actions/parse-action.js';
import { describeActionSpace } from '../../browser/actions/signatures.js';
import type { ResolvedOptions } from './check-input.js';
import { truncateObservation } from './truncate.js';

/**
 * The one prompt every exporter shares, so a model trained from any format sees the same
 * words. Two reply styles: `text` (the action written as a BrowserGym call after "Action:",
 * which `extractAction` reads back) and `tools` (the action is a function call; the tools list
 * carries the action space).
 */
export type ReplyStyle = 'text' | 'tools';

const role = (task: string) => [
  `You are a web agent. You operate a web browser to complete ${task} for a user on a website.`,
  'Each turn shows the current page URL and its accessibility tree: one element a line, indented by depth,',
  'with a bid in [brackets] for every element you can act on.',
].join('\n');

const ENDING = 'When the task is complete, stop (with the answer if the task asks for one); if it cannot be done, report it infeasible with the reason.';

/**
 * `rows`: an export whose every row is an open-web task (explored from a URL) says "a task", not
 * "a booking task"; any other export keeps the words every export had.
 */
export function systemPrompt(style: ReplyStyle, custom?: string, rows?: readonly DatasetRow[]): string {
  if (custom !== undefined) return custom;
  const ROLE = role(rows?.length && rows.every((r) => isWebTask(r.task)) ? 'a task' : 'a booking task');
  if (style === 'tools') {
    return [ROLE, '', 'Reply with a short thought, then call exactly one of the functions: one action per turn.', ENDING].join('\n');
  }
  return [
    ROLE,
    '',
    'Actions (write them as the calls shown, with the bid as a string):',
    describeActionSpace(),
    '',
    'Reply with a short thought, then exactly one action, in this format:',
    'Thought: <one or two sentences>',
    'Action: <one action, e.g. click("12")>',
    ENDING,
  ].join('\n');
}

/** The action as a canonical BrowserGym call when it parsed, else as the agent wrote it. */
export function actionText(step: DatasetStep): string {
  return step.parsed === null ? step.action.trim() : formatAction(step.parsed);
}

/** The assistant turn of the text style: "Thought: ...\nAction: click(\"12\")". */
export function assistantText(step: DatasetStep): string {
  return `Thought: ${step.thought.trim()}\nAction: ${actionText(step)}`;
}

/**
 * Why a step's action failed, when the row can tell. DatasetStep keeps no execution error (an
 * unknown bid, a timeout), so only a parse failure can be reported; it is recomputed with the
 * same parser the environment uses, so the words match what the agent saw.
 */
export function actionError(step: DatasetStep): string | null {
  if (step.error) return step.error;
  if (step.parsed !== null) return null;
  const r = parseAction(step.action);
  return r.ok ? null : r.error;
}

function observationBlock(step: DatasetStep, opts: ResolvedOptions): string {
  return pageBlock(step.url, step.observation, opts.maxObsTokens);
}

function pageBlock(url: string, observation: string, maxObsTokens: number | undefined): string {
  return `URL: ${url}\n\nOBSERVATION:\n${truncateObservation(observation, maxObsTokens)}`;
}

/**
 * The task and the date its relative phrases ("next Friday") are read against. An open-web task
 * (explored from a URL) was not made in our world: its date is not the world's, and none is stated.
 */
function objective(row: DatasetRow): string {
  return isWebTask(row.task) ? `OBJECTIVE: ${row.task.instruction}` : objectiveText(row.task.instruction);
}

function objectiveText(instruction: string): string {
  return `OBJECTIVE: ${instruction}\nTODAY: ${todayText()}`;
}

/**
 * The same turns for a live episode (the env server's `turn`): the opening one after a reset
 * (objective, date, URL, observation; no objective for a bare URL), then one per step (the last
 * action's error when it failed, URL, observation). A model served these sees what it was
 * trained on from the exports.
 */
export function liveTurn(p: { instruction: string | null; url: string; observation: string; error: string | null; opening: boolean; maxObsTokens?: number | undefined }): string {
  const block = pageBlock(p.url, p.observation, p.maxObsTokens);
  if (p.opening) return p.instruction === null ? block : `${objectiveText(p.instruction)}\n\n${block}`;
  return p.error === null ? block : `LAST ACTION ERROR: ${p.error}\n\n${block}`;
}

/** Per-step (NNetNav style) user turn: objective, URL, observation, the last k actions numbered. */
export function stepPrompt(row: DatasetRow, index: number, opts: ResolvedOptions): string {
  const step = row.steps[index]!;
  const parts = [objective(row), observationBlock(step, opts)];
  if (opts.historyLength > 0) {
    const from = Math.max(0, index - opts.historyLength);
    const previous = row.steps.slice(from, index).map((s, i) => `${from + i + 1}. ${actionText(s)}`);
    parts.push(`PREVIOUS ACTIONS:\n${previous.length === 0 ? 'none' : previous.join('\n')}`);
  }
  return parts.join('\n\n');
}

/**
 * Per-trajectory opening user turn: objective, URL and observation of the first step shown
 * (step 0, unless an exporter skips it).
 */
export function firstTurn(row: DatasetRow, index: number, opts: ResolvedOptions): string {
  return `${objective(row)}\n\n${observationBlock(row.steps[index]!, opts)}`;
}

/**
 * Per-trajectory turn before step `index` (> 0): what the previous action led to, and its error
 * when it failed. `previous` is the step shown just before (skipped steps are not shown).
 */
export function nextTurn(row: DatasetRow, index: number, previous: DatasetStep, opts: ResolvedOptions): string {
  const error = actionError(previous);
  const block = observationBlock(row.steps[index]!, opts);
  return error === null ? block : `LAST ACTION ERROR: ${error}\n\n${block}`;
}
