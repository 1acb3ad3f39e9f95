/**
 * LLaMA-Factory ShareGPT JSONL plus its dataset_info.json entry.
 *
 * Read from hiyouga/LLaMA-Factory: data/README.md ("Sharegpt Format": rows
 * `{conversations: [{from, value}], system, tools}`, "human and observation should appear in odd
 * positions, while gpt and function should appear in even positions", the dataset_info entry with
 * `formatting: "sharegpt"`, `columns` and `tags`); src/llamafactory/data/converter.py
 * (SharegptDatasetConverter skips an example whose roles break that alternation or whose turn
 * count is odd); data/formatter.py (FunctionFormatter: a function_call value is JSON
 * `{"name", "arguments": {...}}`; a leading thought wrapped in the template's thought words is cut
 * out before json.loads and put back in front of the formatted call; ToolFormatter json.loads the
 * `tools` string); data/template.py (thought words default to `<think>`, `</think>`);
 * extras/constants.py (FILEEXT2TYPE reads `.jsonl` with the json loader, so JSON Lines is fine).
 *
 * Layout (the brief's "gpt turn with the thought, then a function_call turn" would put two
 * assistant-side turns in a row, which the converter rejects):
 * - each step is ONE function_call turn: `<think>{thought}</think>{"name": type, "arguments": {...}}`,
 *   so the thought is kept and trained without breaking the alternation;
 * - per step: human (objective, URL, observation, previous actions), function_call;
 * - per trajectory: human (objective, first observation), function_call, then observation (next
 *   URL and observation) / function_call pairs; the row ends on its stop call;
 * - `system` column: the tool-style system prompt; `tools` column: JSON string of the action tools;
 * - an unparseable action (parsed = null) has no function form and ShareGPT has no per-turn loss
 *   weight, so the step is left out: per step no example, per trajectory the next kept step's
 *   observation follows the previous call (the page did not change on a failed parse).
 */
import type { DatasetRow } from '../../core/schemas/dataset.js';
import { actionTools, toolCallOf } from './action-tools.js';
import { checkInput, type ResolvedOptions } from './check-input.js';
import { dataFileName, shareGptDatasetName } from './file-names.js';
import { ShareGptDatasetInfo, ShareGptLine } from './format-schemas.js';
import { checkLines, toJsonl } from './json-lines.js';
import { parsedSteps, type ParsedStep } from './parsed-steps.js';
import { firstTurn, nextTurn, stepPrompt, systemPrompt } from './prompt.js';
import type { Exporter, ExportGranularity } from './types.js';

type Turn = ShareGptLine['conversations'][number];

function functionCall(step: ParsedStep): Turn {
  const thought = step.thought.trim();
  const call = JSON.stringify(toolCallOf(step.parsed));
  return { from: 'function_call', value: thought === '' ? call : `<think>${thought}</think>${call}` };
}

function perStep(row: DatasetRow, opts: ResolvedOptions): Turn[][] {
  return parsedSteps(row).map(({ index, step }) => [{ from: 'human', value: stepPrompt(row, index, opts) }, functionCall(step)]);
}

function perTrajectory(row: DatasetRow, opts: ResolvedOptions): Turn[][] {
  const kept = parsedSteps(row);
  if (kept.length === 0) return [];
  const turns: Turn[] = [];
  kept.forEach(({ index, step }, k) => {
    const value = k === 0 ? firstTurn(row, index, opts) : nextTurn(row, index, kept[k - 1]!.step, opts);
    turns.push({ from: k === 0 ? 'human' : 'observation', value }, functionCall(step));
  });
  return [turns];
}

/** The dataset_info.json entry that registers the file (columns and tags spelled out). */
export function shareGptDatasetInfo(per: ExportGranularity): ShareGptDatasetInfo {
  return {
    [shareGptDatasetName(per)]: {
      file_name: dataFileName('sharegpt', per),
      formatting: 'sharegpt',
      columns: { messages: 'conversations', system: 'system', tools: 'tools' },
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
    const system = systemPrompt('tools', opts.systemPrompt);
    const tools = JSON.stringify(actionTools());
    const lines: ShareGptLine[] = rows
      .flatMap((row) => (opts.per === 'step' ? perStep(row, opts) : perTrajectory(row, opts)))
      .map((conversations) => ({ conversations, system, tools }));
    checkLines(ShareGptLine, lines, 'sharegpt');
    return {
      files: [
        { name: dataFileName('sharegpt', opts.per), content: toJsonl(lines) },
        { name: 'dataset_info.json', content: JSON.stringify(shareGptDatasetInfo(opts.per), null, 2) + '\n' },
      ],
      examples: lines.length,
    };
  },
};
