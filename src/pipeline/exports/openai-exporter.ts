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
 * - text actions (default): the assistant `content` is "Thought: ...\nAction: click(\"12\")", no
 *   tools; with `toolCalls`, every action is one tool call named after its type, arguments = the
 *   action's other fields as a JSON string (`click` -> `{"bid":"12"}`), the thought is the
 *   assistant `content`, and `tools` lists the export's tools (export-tools.ts);
 * - every assistant message carries `weight` explicitly (1 for trained steps, synthetic stop
 *   steps included: they are the relabeled ending the row was salvaged for);
 * - per step: system, user (objective, URL, observation, previous actions), assistant. No tool
 *   reply: the example ends with the call to learn;
 * - per trajectory: the next observation comes back as the `tool` message answering the call
 *   (a user message in text mode).
 * - an unparseable action (parsed = null) cannot be a tool call. Per step it yields no example;
 *   per trajectory it stays as context (assistant text "Thought...\nAction: <raw>", weight 0, so
 *   it is never learned) and the next observation, with the parse error, is a user message.
 */
import type { DatasetRow } from '../../core/schemas/dataset.js';
import { toolCallOf } from './action-tools.js';
import type { ChatMessage, ChatSample } from './chat-sample.js';
import { checkInput, type ResolvedOptions } from './check-input.js';
import { exportTools, type ExportTool } from './export-tools.js';
import { dataFileName } from './file-names.js';
import { OpenAIChatLine, type OpenAIMessage } from './format-schemas.js';
import { checkLines, toJsonl } from './json-lines.js';
import { assistantText, firstTurn, nextTurn, stepPrompt, systemPrompt } from './prompt.js';
import type { Exporter } from './types.js';

const callId = (index: number): string => `call_${index}`;

function assistantMessage(row: DatasetRow, index: number, tools: boolean): OpenAIMessage {
  const step = row.steps[index]!;
  if (step.parsed === null) return { role: 'assistant', content: assistantText(step), weight: 0 };
  if (!tools) return { role: 'assistant', content: assistantText(step), weight: 1 };
  const call = toolCallOf(step.parsed);
  return {
    role: 'assistant',
    content: step.thought.trim(),
    tool_calls: [{ id: callId(index), type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } }],
    weight: 1,
  };
}

type Build = { opts: ResolvedOptions; system: string; tools: ExportTool[] | undefined };

const withTools = (messages: OpenAIMessage[], b: Build): OpenAIChatLine => (b.tools === undefined ? { messages } : { messages, tools: b.tools });

function perStep(row: DatasetRow, b: Build): OpenAIChatLine[] {
  return row.steps.flatMap((step, i) =>
    step.parsed === null
      ? []
      : [withTools([{ role: 'system', content: b.system }, { role: 'user', content: stepPrompt(row, i, b.opts) }, assistantMessage(row, i, b.tools !== undefined)], b)],
  );
}

function perTrajectory(row: DatasetRow, b: Build): OpenAIChatLine[] {
  if (row.steps.every((s) => s.parsed === null)) return [];
  const tools = b.tools !== undefined;
  const messages: OpenAIMessage[] = [{ role: 'system', content: b.system }, { role: 'user', content: firstTurn(row, 0, b.opts) }];
  row.steps.forEach((_, i) => {
    if (i > 0) {
      const previous = row.steps[i - 1]!;
      const content = nextTurn(row, i, previous, b.opts);
      messages.push(previous.parsed === null || !tools ? { role: 'user', content } : { role: 'tool', tool_call_id: callId(i - 1), content });
    }
    messages.push(assistantMessage(row, i, tools));
  });
  return [withTools(messages, b)];
}

/** The line as Hugging Face chat messages, for the card's token counts. */
function asChat(line: OpenAIChatLine): ChatSample {
  const names = new Map<string, string>();
  const messages: ChatMessage[] = line.messages.map((m): ChatMessage => {
    if (m.role !== 'assistant' && m.role !== 'tool') return m;
    if (m.role === 'tool') return { role: 'tool', name: names.get(m.tool_call_id) ?? '', content: m.content };
    const calls = (m.tool_calls ?? []).map((c) => {
      names.set(c.id, c.function.name);
      return { type: 'function' as const, function: { name: c.function.name, arguments: JSON.parse(c.function.arguments) as Record<string, unknown> } };
    });
    return calls.length === 0 ? { role: 'assistant', content: m.content ?? '' } : { role: 'assistant', content: m.content ?? '', tool_calls: calls };
  });
  const trained = line.messages.map((m) => m.role === 'assistant' && m.weight !== 0);
  return { kind: 'conversation', messages, trained, ...(line.tools ? { tools: line.tools as ExportTool[] } : {}) };
}

export const openaiExporter: Exporter = {
  format: 'openai',
  export(input, options) {
    const { rows, opts } = checkInput(input, options);
    const tools = opts.toolCalls === true;
    const b: Build = { opts, system: systemPrompt(tools ? 'tools' : 'text', opts.systemPrompt, rows), tools: tools ? exportTools(rows) : undefined };
    const lines = rows.flatMap((row) => (opts.per === 'step' ? perStep(row, b) : perTrajectory(row, b)));
    checkLines(OpenAIChatLine, lines, 'openai');
    return { files: [{ name: dataFileName('openai', opts.per), content: toJsonl(lines) }], examples: lines.length, samples: lines.map(asChat) };
  },
};
