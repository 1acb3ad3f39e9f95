/**
 * LLaMA-Factory ShareGPT JSONL plus its dataset_info.json entry.
 *
 * Read from hiyouga/LLaMA-Factory at v0.9.3, v0.9.4 and v0.9.5 (the current release):
 * - data/README.md and src/llamafactory/data/parser.py (`DatasetAttr`): rows
 *   `{conversations: [{from, value}], system, tools}`, registered in dataset_info.json with
 *   `formatting: "sharegpt"`, `columns` and `tags`;
 * - data/converter.py (`SharegptDatasetConverter`): human/observation at odd positions,
 *   gpt/function_call at even ones, an even number of turns, else the example is skipped;
 * - data/formatter.py (`FunctionFormatter.apply`): a function_call value is JSON
 *   `{"name", "arguments": {...}}`, optionally after a thought. v0.9.3 cuts the thought with the
 *   regex `<think>(.*)</think>`; v0.9.4+ first looks for the template's tool_call_words
 *   (`<tool_call>...</tool_call>`), then for its thought_words, which default to `"<think>\n"` and
 *   `"\n</think>\n\n"` since v0.9.4 (data/template.py `register_template`); what is left must
 *   pass `json.loads`, else the whole run stops inside `datasets.map`;
 * - data/processor/supervised.py: every even turn is trained, the odd ones are masked.
 *
 * Layout:
 * - text actions (default): human / gpt turns, the gpt value "Thought: ...\nAction: click(\"12\")";
 *   the next observation is a human turn. No tools, no FunctionFormatter: every template of every
 *   release trains on it.
 * - tool calls (`toolCalls`): each step is ONE function_call turn
 *   `<think>\n{thought}\n</think>\n\n{"name": type, "arguments": {...}}`. Those are v0.9.4+'s
 *   default thought words exactly, and v0.9.3's regex still matches them (leaving whitespace that
 *   json.loads accepts), so the thought is cut out, the call parsed and the thought put back in
 *   front of the formatted call in both; the next observation is an observation turn; the
 *   `tools` column is the JSON string of the export's tools (export-tools.ts).
 * - per step: human (objective, URL, observation, previous actions), then the step;
 *   per trajectory: human (objective, first observation), then step / observation pairs.
 * - an unparseable action (parsed = null) is left out: ShareGPT has no per-turn loss weight, and
 *   it has no function form (see parsed-steps.ts).
 */
import type { DatasetRow } from '../../core/schemas/dataset.js';
import { toolCallOf } from './action-tools.js';
import type { ChatMessage, ChatSample } from './chat-sample.js';
import { checkInput, type ResolvedOptions } from './check-input.js';
import { exportTools } from './export-tools.js';
import { dataFileName, shareGptDatasetName } from './file-names.js';
import { ShareGptDatasetInfo, ShareGptLine } from './format-schemas.js';
import { checkLines, toJsonl } from './json-lines.js';
import { parsedSteps, type ParsedStep } from './parsed-steps.js';
import { assistantText, firstTurn, nextTurn, stepPrompt, systemPrompt } from './prompt.js';
import type { Exporter, ExportGranularity } from './types.js';

type Turn = ShareGptLine['conversations'][number];

/** LLaMA-Factory's default thought words since v0.9.4 (data/template.py `register_template`). */
export const THOUGHT_WORDS = ['<think>\n', '\n</think>\n\n'] as const;

function stepTurn(step: ParsedStep, tools: boolean): Turn {
  if (!tools) return { from: 'gpt', value: assistantText(step) };
  const thought = step.thought.trim();
  const call = JSON.stringify(toolCallOf(step.parsed));
  return { from: 'function_call', value: thought === '' ? call : `${THOUGHT_WORDS[0]}${thought}${THOUGHT_WORDS[1]}${call}` };
}

function conversations(row: DatasetRow, opts: ResolvedOptions, tools: boolean): Turn[][] {
  const kept = parsedSteps(row);
  if (opts.per === 'step') return kept.map(({ index, step }) => [{ from: 'human', value: stepPrompt(row, index, opts) }, stepTurn(step, tools)]);
  if (kept.length === 0) return [];
  const turns: Turn[] = [];
  kept.forEach(({ index, step }, k) => {
    if (k === 0) turns.push({ from: 'human', value: firstTurn(row, index, opts) });
    else turns.push({ from: tools ? 'observation' : 'human', value: nextTurn(row, index, kept[k - 1]!.step, opts) });
    turns.push(stepTurn(step, tools));
  });
  return [turns];
}

/** The same example as Hugging Face chat messages (what LLaMA-Factory's qwen templates render). */
function asChat(line: ShareGptLine, toolList: ChatSample['tools']): ChatSample {
  const messages: ChatMessage[] = [{ role: 'system', content: line.system ?? '' }];
  let lastCall = '';
  for (const t of line.conversations) {
    if (t.from === 'human') messages.push({ role: 'user', content: t.value });
    else if (t.from === 'gpt') messages.push({ role: 'assistant', content: t.value });
    else if (t.from === 'observation') messages.push({ role: 'tool', name: lastCall, content: t.value });
    else {
      const json = t.value.startsWith(THOUGHT_WORDS[0]) ? t.value.slice(t.value.indexOf(THOUGHT_WORDS[1]) + THOUGHT_WORDS[1].length) : t.value;
      const thought = json === t.value ? '' : t.value.slice(THOUGHT_WORDS[0].length, t.value.indexOf(THOUGHT_WORDS[1]));
      const call = JSON.parse(json) as { name: string; arguments: Record<string, unknown> };
      lastCall = call.name;
      messages.push({ role: 'assistant', content: thought, tool_calls: [{ type: 'function', function: call }] });
    }
  }
  return { kind: 'conversation', messages, trained: messages.map((m) => m.role === 'assistant'), ...(toolList ? { tools: toolList } : {}) };
}

/** The dataset_info.json entry that registers the file (every column and tag spelled out). */
export function shareGptDatasetInfo(per: ExportGranularity, tools: boolean): ShareGptDatasetInfo {
  return {
    [shareGptDatasetName(per)]: {
      file_name: dataFileName('sharegpt', per),
      formatting: 'sharegpt',
      columns: tools ? { messages: 'conversations', system: 'system', tools: 'tools' } : { messages: 'conversations', system: 'system' },
      tags: {
        role_tag: 'from',
        content_tag: 'value',
        user_tag: 'human',
        assistant_tag: 'gpt',
        observation_tag: 'observation',
        function_tag: 'function_call',
      },
    },
  };
}

export const sharegptExporter: Exporter = {
  format: 'sharegpt',
  export(input, options) {
    const { rows, opts } = checkInput(input, options);
    const tools = opts.toolCalls === true;
    const system = systemPrompt(tools ? 'tools' : 'text', opts.systemPrompt, rows);
    const toolList = tools ? exportTools(rows) : undefined;
    const toolsText = toolList === undefined ? undefined : JSON.stringify(toolList);
    const lines: ShareGptLine[] = rows
      .flatMap((row) => conversations(row, opts, tools))
      .map((conversations) => (toolsText === undefined ? { conversations, system } : { conversations, system, tools: toolsText }));
    checkLines(ShareGptLine, lines, 'sharegpt');
    return {
      files: [
        { name: dataFileName('sharegpt', opts.per), content: toJsonl(lines) },
        { name: 'dataset_info.json', content: JSON.stringify(shareGptDatasetInfo(opts.per, tools), null, 2) + '\n' },
      ],
      examples: lines.length,
      samples: lines.map((l) => asChat(l, toolList)),
    };
  },
};
