/**
 * TRL SFTTrainer JSONL, read from huggingface/trl v1.9.0 (trl/trainer/sft_trainer.py,
 * trl/data_utils.py, trl/chat_template_utils.py; docs/source/dataset_formats.md):
 * - per trajectory: conversational language modeling, `{"messages": [...]}`. Train with
 *   `assistant_only_loss=True`: SFTTrainer then needs `{% generation %}` markers in the chat
 *   template and swaps in its own training template for the families it knows
 *   (`get_training_chat_template`: Qwen2.5, Qwen3, Llama 3, Gemma, Phi-3... not Llama 3.1).
 * - per step: conversational prompt-completion, `{"prompt": [system, user], "completion":
 *   [assistant]}`. SFTTrainer sets `completion_only_loss` for such data and masks the prompt by
 *   tokenizing it alone (add_generation_prompt=True), so no generation markers are needed and
 *   every chat template works.
 * - text actions by default ("Thought: ...\nAction: click(\"12\")", the same text an LLM policy
 *   is prompted for and `extractAction` reads back); `toolCalls` writes the documented tool
 *   shape: the thought as `content`, one call in `tool_calls` with `arguments` as a dict, the
 *   observation as a `{"role": "tool", "name", "content"}` reply.
 * - `tools` is a JSON *string* of the export's tools (export-tools.ts): `tokenize_fn`
 *   json.loads a string, and a string column loads in every `datasets` version, where a list of
 *   tool schemas with different parameters would be unified by Arrow (null-padded) before 4.7.
 *
 * TRL has no per-message loss weight, so an unparseable action (parsed = null) is left out like
 * in ShareGPT (see parsed-steps.ts). Truncation: SFTTrainer cuts at `max_length` (default 1024)
 * and drops examples with no trained token left; the dataset card gives the length that keeps
 * every example whole.
 */
import type { DatasetRow } from '../../core/schemas/dataset.js';
import { toolCallOf } from './action-tools.js';
import type { ChatSample } from './chat-sample.js';
import { checkInput, type ResolvedOptions } from './check-input.js';
import { exportTools, type ExportTool } from './export-tools.js';
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

type Example = { prompt: TrlMessage[]; completion: TrlMessage[] } | { messages: TrlMessage[] };

function examples(row: DatasetRow, opts: ResolvedOptions, tools: boolean, system: string): Example[] {
  const kept = parsedSteps(row);
  const head: TrlMessage = { role: 'system', content: system };
  if (opts.per === 'step') {
    return kept.map(({ index, step }) => ({ prompt: [head, { role: 'user', content: stepPrompt(row, index, opts) }], completion: [assistant(step, tools)] }));
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
  return [{ messages }];
}

function asChat(example: Example, tools: ExportTool[] | undefined): ChatSample {
  const messages = 'messages' in example ? example.messages : [...example.prompt, ...example.completion];
  const firstTrained = 'messages' in example ? 0 : example.prompt.length;
  const trained = messages.map((m, i) => m.role === 'assistant' && i >= firstTrained);
  return { kind: 'conversation', messages: messages.map((m) => ({ ...m, content: m.content ?? '' })) as ChatSample['messages'], trained, ...(tools ? { tools } : {}) };
}

export const trlExporter: Exporter = {
  format: 'trl',
  export(input, options) {
    const { rows, opts } = checkInput(input, options);
    const tools = opts.toolCalls === true;
    const system = systemPrompt(tools ? 'tools' : 'text', opts.systemPrompt, rows);
    const toolList = tools ? exportTools(rows) : undefined;
    const all = rows.flatMap((row) => examples(row, opts, tools, system));
    const lines: TrlLine[] = all.map((e) => (toolList === undefined ? e : { ...e, tools: JSON.stringify(toolList) }));
    checkLines(TrlLine, lines, 'trl');
    return { files: [{ name: dataFileName('trl', opts.per), content: toJsonl(lines) }], examples: lines.length, samples: all.map((e) => asChat(e, toolList)) };
  },
};
