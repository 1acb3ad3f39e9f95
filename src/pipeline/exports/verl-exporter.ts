/**
 * verl: Parquet for multi-turn SFT and for RL prompts, read from volcengine/verl
 * (verl/utils/dataset/multiturn_sft_dataset.py, verl/utils/dataset/rl_dataset.py,
 * examples/data_preprocess/gsm8k.py and gsm8k_multiturn_sft.py).
 *
 * - `webfoundry_verl_sft_{per}.parquet`: one `messages` list of `{role, content}` a row, as
 *   `MultiTurnSFTDataset` reads it (`pd.read_parquet`, `messages_key: messages`); every assistant
 *   message is trained. Per step: system, user, assistant; per trajectory: the whole episode with
 *   observations as user turns. Text actions only (see below).
 * - `webfoundry_verl_rl.parquet`: one row per task (the first row of each task id), the columns
 *   `RLHFDataset` and the reward managers read: `data_source` ("webfoundry/<site>"), `prompt`
 *   (system + the opening user turn: objective, date, URL, first observation), `ability`,
 *   `reward_model` `{style: "rule", ground_truth}` and `extra_info` (`index` first, as
 *   `__getitem__` reads it). `ground_truth` is the JSON text of the task's constraints, exactly
 *   `Task.constraints`, so a reward function can `json.loads` it and score an episode's final
 *   state with our evaluator (src/evaluation/evaluate.ts takes the task id, site and constraints;
 *   `extra_info` carries the id and site). An open-web task (explored from a URL, `kind: "web"`)
 *   has no constraints: `{style: "model", ground_truth: {instruction, startUrl}}`, difficulty
 *   "web", world_seed -1.
 *
 * Tool calls are refused: Parquet fixes one struct type per column, so tools with different
 * parameters and calls with different arguments would come back from pandas null-padded into
 * every chat template; verl's tool agent loop takes its tool schemas from a tool config and a
 * Python tool class instead, which WebFoundry does not ship.
 */
import { InvalidInputError } from '../../core/errors.js';
import type { DatasetRow } from '../../core/schemas/dataset.js';
import { isWebTask } from '../../core/schemas/task.js';
import type { ChatMessage, ChatSample } from './chat-sample.js';
import { checkInput, type ResolvedOptions } from './check-input.js';
import { verlFileNames } from './file-names.js';
import { parsedSteps } from './parsed-steps.js';
import { parquetBytes, type ParquetType } from './parquet.js';
import { assistantText, firstTurn, nextTurn, stepPrompt, systemPrompt } from './prompt.js';
import type { Exporter } from './types.js';

type Message = { role: 'system' | 'user' | 'assistant'; content: string };

const MESSAGES: ParquetType = { list: { struct: [['role', 'string'], ['content', 'string']] } };

export const VERL_SFT_COLUMNS: [string, ParquetType][] = [['messages', MESSAGES]];

export const VERL_RL_COLUMNS: [string, ParquetType][] = [
  ['data_source', 'string'],
  ['prompt', MESSAGES],
  ['ability', 'string'],
  ['reward_model', { struct: [['style', 'string'], ['ground_truth', 'string']] }],
  [
    'extra_info',
    {
      struct: [
        ['index', 'int32'],
        ['split', 'string'],
        ['task_id', 'string'],
        ['site', 'string'],
        ['instruction', 'string'],
        ['difficulty', 'string'],
        ['start_url', 'string'],
        ['world_seed', 'int32'],
        /** The task this one was relabeled from, '' for an original task. */
        ['derived_from', 'string'],
      ],
    },
  ],
];

export const VERL_ABILITY = 'web_agent';

function sftMessages(row: DatasetRow, opts: ResolvedOptions, system: string): Message[][] {
  const kept = parsedSteps(row);
  const head: Message = { role: 'system', content: system };
  if (opts.per === 'step') {
    return kept.map(({ index, step }) => [head, { role: 'user', content: stepPrompt(row, index, opts) }, { role: 'assistant', content: assistantText(step) }]);
  }
  if (kept.length === 0) return [];
  const messages: Message[] = [head];
  kept.forEach(({ index, step }, k) => {
    const content = k === 0 ? firstTurn(row, index, opts) : nextTurn(row, index, kept[k - 1]!.step, opts);
    messages.push({ role: 'user', content }, { role: 'assistant', content: assistantText(step) });
  });
  return [messages];
}

function rlRows(rows: readonly DatasetRow[], opts: ResolvedOptions, system: string): Record<string, unknown>[] {
  const seen = new Set<string>();
  const out: Record<string, unknown>[] = [];
  for (const row of rows) {
    const t = row.task;
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    out.push({
      data_source: `webfoundry/${t.site}`,
      prompt: [{ role: 'system', content: system }, { role: 'user', content: firstTurn(row, 0, opts) }],
      ability: VERL_ABILITY,
      // An open-web task has no constraints to score by rule: a model judges the episode against its instruction.
      reward_model: isWebTask(t) ? { style: 'model', ground_truth: JSON.stringify({ instruction: t.instruction, startUrl: t.startUrl }) } : { style: 'rule', ground_truth: JSON.stringify(t.constraints) },
      extra_info: {
        index: out.length,
        split: t.metadata.split,
        task_id: t.id,
        site: t.site,
        instruction: t.instruction,
        difficulty: isWebTask(t) ? 'web' : t.metadata.difficulty,
        start_url: row.steps[0]!.url,
        // -1: an open-web task was made on no world of ours.
        world_seed: isWebTask(t) ? -1 : t.metadata.worldSeed,
        derived_from: t.metadata.derivedFrom ?? '',
      },
    });
  }
  return out;
}

export const verlExporter: Exporter = {
  format: 'verl',
  export(input, options) {
    const { rows, opts } = checkInput(input, options);
    if (opts.toolCalls) {
      throw new InvalidInputError('verl exports text actions only; --tool-calls is refused for verl', {
        hint: 'Parquet gives every row one struct type, so tools and calls with different fields would be null-padded; verl takes tool schemas from a tool config. Drop --tool-calls, or use trl/openai/sharegpt for tool calls.',
      });
    }
    const system = systemPrompt('text', opts.systemPrompt, rows);
    const sft = rows.flatMap((row) => sftMessages(row, opts, system));
    const rl = rlRows(rows, opts, system);
    const names = verlFileNames(opts.per);
    const samples: ChatSample[] = [
      ...sft.map((messages): ChatSample => ({ kind: 'conversation', messages: messages as ChatMessage[], trained: messages.map((m) => m.role === 'assistant') })),
      ...rl.map((r): ChatSample => ({ kind: 'prompt', messages: r.prompt as ChatMessage[] })),
    ];
    return {
      files: [
        { name: names.sft, content: parquetBytes(VERL_SFT_COLUMNS, sft.map((messages) => ({ messages }))) },
        { name: names.rl, content: parquetBytes(VERL_RL_COLUMNS, rl) },
      ],
      examples: sft.length,
      samples,
    };
  },
};
