/**
 * WebDancer / WebSailor ReAct JSONL, read from Alibaba-NLP/WebAgent:
 * - WebAgent/WebSailor/src/react_agent.py (`MultiTurnReactAgent._run`): the conversation is
 *   `messages`, a system turn, then the user's question, then assistant turns. An assistant turn
 *   that holds `<tool_call>` and `</tool_call>` is a call: the text between them is `json.loads`ed
 *   and its `name` and `arguments` are read; the tool's reply is the next user turn,
 *   "<tool_response>\n" + result + "\n</tool_response>". The run ends at the first assistant turn
 *   holding `<answer>` and `</answer>`; the prediction is the text between them. A run that ends
 *   without one has no answer ("exceed available llm calls"). Its result line holds `question`,
 *   `answer`, `messages`, `prediction` and `termination`.
 * - inference/prompt.py (`build_system_prompt`): the tools are listed in the system turn, one
 *   `{"type": "function", "function": {name, description, parameters}}` a line, inside
 *   `<tools></tools>`, and a call is `<tool_call>\n{"name": ..., "arguments": ...}\n</tool_call>`.
 * The thought is a `<think>` block before the call or the answer, as WebDancer's trajectories have.
 *
 * Layout: per trajectory, one line per row; per step, the system turn, a user turn with the
 * objective, the page and the previous actions (as the other formats' per-step prompt), and the
 * step's assistant turn. The final `stop(answer)` / `send_msg_to_user(text)` /
 * `report_infeasible(reason)` of an episode is its `<answer>`; a booking that stops without an
 * answer ends with an empty one. `answer` is the expected answer when the task states one (else
 * null). Unparseable actions are left out (no structured call to write).
 */
import { InvalidInputError } from '../../core/errors.js';
import type { Action } from '../../core/schemas/action.js';
import type { DatasetRow } from '../../core/schemas/dataset.js';
import { isWebTask } from '../../core/schemas/task.js';
import { toolCallOf } from './action-tools.js';
import type { ChatMessage, ChatSample } from './chat-sample.js';
import { checkInput, type ResolvedOptions } from './check-input.js';
import { exportTools, type ExportTool } from './export-tools.js';
import { dataFileName } from './file-names.js';
import { ReactLine } from './format-schemas.js';
import { checkLines, toJsonl } from './json-lines.js';
import { parsedSteps, type ParsedStep } from './parsed-steps.js';
import { firstTurn, nextTurn, stepPrompt } from './prompt.js';
import type { Exporter } from './types.js';

const ROLE = [
  'You are a web agent. You operate a web browser to complete a task for a user on a website: book what is asked, or find the answer to a question.',
  'Each observation shows the current page URL and its accessibility tree: one element a line, indented by depth, with a bid in [brackets] for every element you can act on.',
  'Think first inside <think></think>, then either call one function, or, when the task is done, give the final answer inside <answer></answer> (empty when there is nothing to report).',
].join('\n');

/** The system turn of inference/prompt.py: role, then the tools inside <tools></tools>, then the call convention. */
export function reactSystemPrompt(tools: readonly ExportTool[], custom?: string): string {
  if (custom !== undefined) return custom;
  return [
    ROLE,
    '',
    '# Tools',
    '',
    'You may call one function per turn to act on the page.',
    '',
    'You are provided with function signatures within <tools></tools> XML tags:',
    '<tools>',
    ...tools.map((t) => JSON.stringify(t)),
    '</tools>',
    '',
    'For each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:',
    '<tool_call>',
    '{"name": <function-name>, "arguments": <args-json-object>}',
    '</tool_call>',
  ].join('\n');
}

/** What ends an episode with a reply to the user: its text is the answer. */
function answerOf(action: Action): string | undefined {
  if (action.type === 'stop') return action.answer ?? '';
  if (action.type === 'send_msg_to_user') return action.text;
  if (action.type === 'report_infeasible') return action.reason;
  return undefined;
}

const think = (thought: string) => `<think>\n${thought.trim()}\n</think>\n`;

/** The step as the model writes it: a thought, then a call, or the final answer when it is the episode's last step. */
function assistantTurn(step: ParsedStep, last: boolean): { content: string; answer: string | undefined } {
  const answer = last ? answerOf(step.parsed) : undefined;
  if (answer !== undefined) return { content: `${think(step.thought)}<answer>${answer}</answer>`, answer };
  return { content: `${think(step.thought)}<tool_call>\n${JSON.stringify(toolCallOf(step.parsed))}\n</tool_call>`, answer: undefined };
}

const toolResponse = (observation: string) => `<tool_response>\n${observation}\n</tool_response>`;

/**
 * The expected answer when the task states one (its `answer` constraints, src/core/schemas/answer.ts),
 * written as a person would give it: a set's members joined by commas, a number with its unit,
 * the parts of a several-part question as "label: value" joined by "; ". Else null (a booking).
 */
function expectedAnswer(row: DatasetRow): string | null {
  type Spec = { type: string; value?: unknown; unit?: string; members?: { value: string }[] };
  const parts = ((isWebTask(row.task) ? [] : row.task.constraints) as readonly { kind: string; label?: string; answer?: Spec }[]).flatMap((c) => {
    if (c.kind !== 'answer' || c.answer === undefined) return [];
    const a = c.answer;
    const text = a.type === 'set' ? (a.members ?? []).map((m) => m.value).join(', ') : a.type === 'number' && a.unit ? `${String(a.value)} ${a.unit}` : String(a.value);
    return [c.label ? `${c.label}: ${text}` : text];
  });
  return parts.length > 0 ? parts.join('; ') : null;
}

type Line = ReactLine;

function lineOf(row: DatasetRow, messages: ChatMessage[], prediction: string | null): Line {
  return {
    id: row.id,
    question: row.task.instruction,
    answer: expectedAnswer(row),
    messages: messages as Line['messages'],
    prediction,
    termination: prediction === null ? 'exceed available llm calls' : 'answer',
  };
}

function examples(row: DatasetRow, opts: ResolvedOptions, system: string): Line[] {
  const kept = parsedSteps(row);
  const head: ChatMessage = { role: 'system', content: system };
  const lastIndex = row.steps.length - 1;
  if (opts.per === 'step') {
    return kept.map(({ index, step }) => {
      const turn = assistantTurn(step, index === lastIndex);
      return lineOf(row, [head, { role: 'user', content: stepPrompt(row, index, opts) }, { role: 'assistant', content: turn.content }], turn.answer ?? null);
    });
  }
  if (kept.length === 0) return [];
  const messages: ChatMessage[] = [head];
  let prediction: string | null = null;
  kept.forEach(({ index, step }, k) => {
    const previous = kept[k - 1]?.step;
    messages.push({ role: 'user', content: previous === undefined ? firstTurn(row, index, opts) : toolResponse(nextTurn(row, index, previous, opts)) });
    const turn = assistantTurn(step, index === lastIndex);
    messages.push({ role: 'assistant', content: turn.content });
    if (turn.answer !== undefined) prediction = turn.answer;
  });
  return [lineOf(row, messages, prediction)];
}

function asChat(line: Line): ChatSample {
  const messages = line.messages as ChatMessage[];
  return { kind: 'conversation', messages, trained: messages.map((m) => m.role === 'assistant') };
}

export const reactExporter: Exporter = {
  format: 'react',
  export(input, options) {
    const { rows, opts } = checkInput(input, options);
    if (opts.toolCalls) {
      throw new InvalidInputError('the react export always writes its calls as <tool_call> text; --tool-calls is refused for react', {
        hint: 'drop --tool-calls: every step is already a {"name", "arguments"} call inside <tool_call></tool_call>',
      });
    }
    const system = reactSystemPrompt(exportTools(rows), opts.systemPrompt);
    const lines = rows.flatMap((row) => examples(row, opts, system));
    checkLines(ReactLine, lines, 'react');
    return { files: [{ name: dataFileName('react', opts.per), content: toJsonl(lines) }], examples: lines.length, samples: lines.map(asChat) };
  },
};
