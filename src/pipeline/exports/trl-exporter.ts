/**
 * TRL SFTTrainer conversational JSONL: `{"messages": [{"role", "content"}, ...]}` a line.
 *
 * Read from huggingface/trl docs/source/dataset_formats.md: "Conversational" (messages with
 * `role` and `content`; SFTTrainer's language-modeling type is a `messages` column) and "Tool
 * Calling" ("Some chat templates support tool calling"; an assistant call is
 * `{"role": "assistant", "tool_calls": [{"type": "function", "function": {"name", "arguments":
 * {...}}}]}` with arguments as a dict, the reply `{"role": "tool", "name", "content"}`, and the
 * schemas in a `tools` column). Shapes in format-schemas.ts.
 *
 * Default: text actions. The assistant content is "Thought: ...\nAction: click(\"12\")", the
 * same text an LLM policy is prompted for and `extractAction` reads back, so:
 * - it trains with every chat template, including those without tool support (the docs make
 *   tool calling template-dependent);
 * - it avoids dict-valued `arguments` and `tools` columns, which `datasets` loads through Arrow
 *   by unifying struct fields across rows: actions with different fields then come back with
 *   extra null fields, or fail to load (huggingface/trl#5307 adds `Json()` typing for exactly this,
 *   datasets >= 4.8; axolotl-ai-cloud/axolotl#3136 shows the PyArrow errors).
 * `toolCalls: true` writes the documented tool-calling shape instead (thought in `content`, one
 * call per step, observations as `tool` messages, `tools` column).
 *
 * Per step: system, user (objective, URL, observation, previous actions), assistant.
 * Per trajectory: system, user (objective, first observation), assistant, then user (or `tool`)
 * observation turns and assistant turns. TRL has no per-message loss weight, so an unparseable
 * action (parsed = null) is left out like in ShareGPT (see parsed-steps.ts).
 */
import type { DatasetRow } from '../../core/schemas/dataset.js';
import { actionTools, toolCallOf } from './action-tools.js';
import { checkInput, type ResolvedOptions } from './check-input.js';
import { dataFileName } from './file-names.js';
import { TrlLine, type TrlMessage } from './format-schemas.js';
import { checkLines, toJsonl } from './json-lines.js';
import { parsedSteps, type ParsedStep } from './parsed-steps.js';
import { assistantText, firstTurn, nextTurn, stepPrompt, systemPrompt } from './prompt.js';
import type { Exporter } from './types.js';

function assistant(step: ParsedStep, tools: boolean): TrlMessage {
  if (!tools) return { role: 'assistant', content: assistantText(step) };
  const call = toolCallOf(step.parsed);
  return { role: 'assistant', content: step.thought.trim(), tool_calls: [{ type: 'function', function: call }] };
}

/** The turn that shows an observation after a previous step: a tool reply in tool mode. */
function observation(content: string, previous: ParsedStep, tools: boolean): TrlMessage {
  return tools ? { role: 'tool', name: previous.parsed.type, content } : { role: 'user', content };
}

function conversations(row: DatasetRow, opts: ResolvedOptions, tools: boolean, system: string): TrlMessage[][] {
  const kept = parsedSteps(row);
  const head: TrlMessage = { role: 'system', content: system };
  if (opts.per === 'step') {
    return kept.map(({ index, step }) => [head, { role: 'user', content: stepPrompt(row, index, opts) }, assistant(step, tools)]);
  }
  if (kept.length === 0) return [];
  const messages: TrlMessage[] = [head];
  kept.forEach(({ index, step }, k) => {
    const previous = kept[k - 1]?.step;
    messages.push(
      previous === undefined ? { role: 'user', content: firstTurn(row, index, opts) } : observation(nextTurn(row, index, previous, opts), previous, tools),
      assistant(step, tools),
    );
  });
  return [messages];
}

export const trlExporter: Exporter = {
  format: 'trl',
  export(input, options) {
    const { rows, opts } = checkInput(input, options);
    const tools = opts.toolCalls === true;
    const system = systemPrompt(tools ? 'tools' : 'text', opts.systemPrompt);
    const lines: TrlLine[] = rows
      .flatMap((row) => conversations(row, opts, tools, system))
      .map((messages) => (tools ? { messages, tools: actionTools() } : { messages }));
    checkLines(TrlLine, lines, 'trl');
    return { files: [{ name: dataFileName('trl', opts.per), content: toJsonl(lines) }], examples: lines.length };
  },
};
