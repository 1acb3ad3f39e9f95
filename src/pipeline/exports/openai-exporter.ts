/**
 * OpenAI chat fine-tuning JSONL: `{"messages": [...], "tools": [...]}` a line.
 *
 * Read from: the OpenAI OpenAPI spec 2.3.0 (`FineTuneChatRequestInput`,
 * `FineTuneChatCompletionRequestAssistantMessage` with `weight` 0|1 and `tool_calls`, via
 * docs.rs/openai-client-base), the fine-tuning guide's "Multi-turn chat examples" (weight 0 skips
 * training on an assistant message; default trains all of them) and Azure OpenAI "Fine-tuning and
 * tool calling" (tool_calls `{id, type: "function", function: {name, arguments: "<JSON string>"}}`,
 * then a `{"role": "tool", "tool_call_id", "content"}` reply). Shapes in format-schemas.ts.
 *
 * Layout:
 * - every action is one tool call named after its type, arguments = the action's other fields
 *   as a JSON string (`click` -> `{"bid":"12"}`); the thought is the assistant `content`;
 * - every assistant message carries `weight` explicitly (1 for trained steps, synthetic stop
 *   steps included: they are the relabeled ending the row was salvaged for);
 * - per step: system, user (objective, URL, observation, previous actions), assistant. No tool
 *   reply: the example ends with the call to learn;
 * - per trajectory: the next observation comes back as the `tool` message answering the call.
 * - an unparseable action (parsed = null) cannot be a tool call. Per step it yields no example;
 *   per trajectory it stays as context (assistant text "Thought...\nAction: <raw>", weight 0, so
 *   it is never learned) and the next observation, with the parse error, is a user message.
 */
import type { DatasetRow } from '../../core/schemas/dataset.js';
import { actionTools, toolCallOf } from './action-tools.js';
import { checkInput, type ResolvedOptions } from './check-input.js';
import { dataFileName } from './file-names.js';
import { OpenAIChatLine, type OpenAIMessage } from './format-schemas.js';
import { checkLines, toJsonl } from './json-lines.js';
import { assistantText, firstTurn, nextTurn, stepPrompt, systemPrompt } from './prompt.js';
import type { Exporter } from './types.js';

const callId = (index: number): string => `call_${index}`;

function assistantMessage(row: DatasetRow, index: number): OpenAIMessage {
  const step = row.steps[index]!;
  if (step.parsed === null) return { role: 'assistant', content: assistantText(step), weight: 0 };
  const call = toolCallOf(step.parsed);
  return {
    role: 'assistant',
    content: step.thought.trim(),
    tool_calls: [{ id: callId(index), type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } }],
    weight: 1,
  };
}

function perStep(row: DatasetRow, opts: ResolvedOptions, system: string): OpenAIChatLine[] {
  return row.steps.flatMap((step, i) =>
    step.parsed === null
      ? []
      : [{ messages: [{ role: 'system', content: system }, { role: 'user', content: stepPrompt(row, i, opts) }, assistantMessage(row, i)], tools: actionTools() }],
  );
}

function perTrajectory(row: DatasetRow, opts: ResolvedOptions, system: string): OpenAIChatLine[] {
  if (row.steps.every((s) => s.parsed === null)) return [];
  const messages: OpenAIMessage[] = [{ role: 'system', content: system }, { role: 'user', content: firstTurn(row, 0, opts) }];
  row.steps.forEach((_, i) => {
    if (i > 0) {
      const previous = row.steps[i - 1]!;
      const content = nextTurn(row, i, previous, opts);
      messages.push(previous.parsed === null ? { role: 'user', content } : { role: 'tool', tool_call_id: callId(i - 1), content });
    }
    messages.push(assistantMessage(row, i));
  });
  return [{ messages, tools: actionTools() }];
}

export const openaiExporter: Exporter = {
  format: 'openai',
  export(input, options) {
    const { rows, opts } = checkInput(input, options);
    const system = systemPrompt('tools', opts.systemPrompt);
    const lines = rows.flatMap((row) => (opts.per === 'step' ? perStep(row, opts, system) : perTrajectory(row, opts, system)));
    checkLines(OpenAIChatLine, lines, 'openai');
    return { files: [{ name: dataFileName('openai', opts.per), content: toJsonl(lines) }], examples: lines.length };
  },
};
