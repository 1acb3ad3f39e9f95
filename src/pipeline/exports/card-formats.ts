import { DATASET_SCHEMA_VERSION } from '../../core/schemas/dataset.js';
import type { ExportTool } from './export-tools.js';
import { dataFileName, shareGptDatasetName, verlFileNames } from './file-names.js';
import { impliedLength, type TokenStats } from './card-tokens.js';
import type { ExportFormat, ExportGranularity } from './types.js';

/** What the format section needs to know about this export. */
export interface FormatFacts {
  format: ExportFormat;
  per: ExportGranularity;
  toolCalls: boolean;
  /** The tools the examples declare (tool-call mode). */
  tools: readonly ExportTool[];
  /** Token statistics of the trained examples (verl: the SFT file). */
  tokens?: TokenStats;
  /** verl only: the RL prompts. */
  promptTokens?: TokenStats;
  /** Paths of the lossless rows written as JSON text (jsonl only). */
  jsonTextPaths: readonly string[];
}

const unit = (per: ExportGranularity): string =>
  per === 'step'
    ? 'one example per step (NNetNav style): the user turn holds the objective, today\'s date, the URL, the observation and the previous actions; the assistant turn is the thought and the action'
    : 'one multi-turn conversation per trajectory: the objective, today\'s date and the first observation, then the thought and action of each step, each followed by the next observation';

const DROPPED = 'Steps whose action did not parse are left out (no structured form, and no per-turn loss weight to keep them as untrained context).';

const textActions = 'The assistant turn is `Thought: ...\\nAction: click("12")`, the BrowserGym call an LLM policy is prompted for; the system prompt lists the action space.';

function toolNames(f: FormatFacts): string {
  return f.tools.map((t) => `\`${t.function.name}\``).join(', ');
}

/** The length setting that keeps every example whole, or a placeholder when nothing was counted. */
function lengthSetting(stats: TokenStats | undefined): number {
  return stats === undefined || stats.examples === 0 ? 4096 : impliedLength(stats.max);
}

function openai(f: FormatFacts): string[] {
  const file = dataFileName('openai', f.per);
  return [
    '## Format: OpenAI chat fine-tuning',
    `\`${file}\`: JSON Lines, \`{"messages": [...]${f.toolCalls ? ', "tools": [...]' : ''}}\`, ${unit(f.per)}.`,
    [
      f.toolCalls
        ? `- Each action is one tool call named after the action type; \`function.arguments\` is a JSON string of the action's other fields, e.g. \`click\` with \`"{\\"bid\\":\\"12\\"}"\`. The thought is the assistant \`content\`. \`tools\` declares only the actions the rows use: ${toolNames(f)}.`
        : `- ${textActions} Export with \`--tool-calls\` for structured tool calls instead.`,
      '- Every assistant message has `weight`: 1 is trained (synthetic stop steps of salvaged rows included), 0 is context only.',
      f.per === 'step'
        ? '- Messages: system, user, assistant (the action to learn). Steps whose action did not parse give no example.'
        : `- After each step the next observation is ${f.toolCalls ? 'the `tool` message answering the call' : 'a user message'}. A step whose action did not parse stays as assistant text with \`weight: 0\`, and the next observation (with the parse error) is a user message.`,
    ].join('\n'),
    'OpenAI\'s deprecations page (developers.openai.com/api/docs/deprecations) ends self-serve fine-tuning: no new jobs after 2027-01-06, and the GPT-4.1 and GPT-4o snapshots that could be fine-tuned shut down on 2027-01-14. So this card names no model: set `OPENAI_FT_MODEL` to a snapshot your organization can still fine-tune. The same file is the chat format Azure OpenAI fine-tuning reads.',
    ['```python', 'import os', 'from openai import OpenAI', '', 'client = OpenAI()', `training = client.files.create(file=open("${file}", "rb"), purpose="fine-tune")`, 'job = client.fine_tuning.jobs.create(training_file=training.id, model=os.environ["OPENAI_FT_MODEL"])', 'print(job.id)', '```'].join('\n'),
  ];
}

function sharegpt(f: FormatFacts): string[] {
  const file = dataFileName('sharegpt', f.per);
  const cutoff = lengthSetting(f.tokens);
  return [
    '## Format: LLaMA-Factory ShareGPT',
    `\`${file}\`: JSON Lines, \`{"conversations": [{"from", "value"}], "system": "..."${f.toolCalls ? ', "tools": "<JSON string>"' : ''}}\`, ${unit(f.per)}. \`dataset_info.json\` registers it as \`${shareGptDatasetName(f.per)}\` with \`formatting: "sharegpt"\`, its columns and tags.`,
    [
      '- Turns alternate human/observation (odd positions) and gpt/function_call (even positions), with an even count, as `SharegptDatasetConverter` requires.',
      f.toolCalls
        ? `- Each step is one \`function_call\` turn: \`<think>\\n{thought}\\n</think>\\n\\n{"name": "click", "arguments": {"bid": "12"}}\`, the next observation an \`observation\` turn; \`tools\` declares only the actions the rows use: ${toolNames(f)}. These are the default thought words of LLaMA-Factory since v0.9.4, and v0.9.3's \`<think>(.*)</think>\` still finds them: \`FunctionFormatter\` cuts the thought out, parses the call and puts the thought back in front of it, so the thought is trained in both. Templates: those built on \`Template\` or \`ReasoningTemplate\` whose thought words are \`<think>\`...\`</think>\` (\`qwen3\`, \`qwen3_nothink\`, \`qwen\`, \`llama3\`, \`glm4_7\`, ...). Not with v0.9.4+ templates built on \`Llama2Template\` (\`mistral\`, \`ministral\`, \`ministral3\`, \`llama2\`, \`gemma\`, \`gemma2\`, \`gemma3\`, \`gemma3n\`, \`pixtral\`, \`paligemma\`), which parse calls without thought words, nor with \`gpt_oss\`, \`kimi_vl\`, \`seed_oss\`, \`gemma4\`: export without \`--tool-calls\` for those.`
        : `- ${textActions} Text turns go through LLaMA-Factory's plain string formatters, so every template of every release trains on them. Export with \`--tool-calls\` for \`function_call\` turns and a \`tools\` column instead.`,
      `- ${DROPPED}`,
      `- Length: LLaMA-Factory cuts each turn pair to fit \`cutoff_len\` (default 2048) and stops adding turns once it is reached (\`data/processor/supervised.py\`); \`cutoff_len: ${cutoff}\` keeps every example whole (see Token lengths).`,
    ].join('\n'),
    `Copy \`${file}\` and \`dataset_info.json\` into \`LLaMA-Factory/data/\` (merge the entry into the existing \`dataset_info.json\`), save this as \`webfoundry_sft.yaml\` and run \`llamafactory-cli train webfoundry_sft.yaml\`:`,
    [
      '```yaml',
      'model_name_or_path: Qwen/Qwen3-0.6B',
      'stage: sft',
      'do_train: true',
      'finetuning_type: lora',
      `dataset: ${shareGptDatasetName(f.per)}`,
      'dataset_dir: data',
      'template: qwen3',
      `cutoff_len: ${cutoff}`,
      'output_dir: saves/webfoundry-sft',
      '```',
    ].join('\n'),
  ];
}

function trl(f: FormatFacts): string[] {
  const file = dataFileName('trl', f.per);
  const maxLength = lengthSetting(f.tokens);
  const step = f.per === 'step';
  return [
    '## Format: TRL SFTTrainer',
    step
      ? `\`${file}\`: JSON Lines, conversational prompt-completion \`{"prompt": [system, user], "completion": [assistant]${f.toolCalls ? ', "tools": "<JSON string>"' : ''}}\`, ${unit(f.per)}. SFTTrainer trains on the completion only (\`completion_only_loss\` is on for prompt-completion data), masking the prompt by tokenizing it alone, so no \`{% generation %}\` markers are needed and every chat model works.`
      : `\`${file}\`: JSON Lines, conversational \`{"messages": [...]${f.toolCalls ? ', "tools": "<JSON string>"' : ''}}\`, ${unit(f.per)}. Train with \`assistant_only_loss=True\` so the observations are not learned; SFTTrainer (trl>=1.1) then swaps in its training chat template with \`{% generation %}\` markers for Qwen2.5, Qwen3 (and Instruct-2507), Qwen3.5/3.6, Llama 3, Gemma 1-3, Phi-3/3.5, GPT-OSS, GLM-4-MoE, DeepSeek-V3, Cohere and LFM2, and raises for other templates.`,
    [
      f.toolCalls
        ? `- Each step is an assistant message with the thought as \`content\` and one \`tool_calls\` entry (\`arguments\` as a dict); the next observation is a \`{"role": "tool", "name", "content"}\` reply. \`tools\` is a JSON string (SFTTrainer json.loads it) declaring only the actions the rows use: ${toolNames(f)}. The messages differ in keys (tool calls, tool names), which \`datasets\` loads through its \`Json\` type since 4.7 (TRL 1.x requires datasets>=4.7).`
        : `- ${textActions} Text actions train with every chat template and load in every \`datasets\` version (one type per column). Export with \`--tool-calls\` for structured tool calls.`,
      `- ${DROPPED}`,
      `- Length: SFTTrainer truncates at \`max_length\` (default 1024) and then drops every example left with no trained token; \`max_length=${maxLength}\` keeps every example whole (see Token lengths).`,
      '- Llama 3.1: its chat template has no `{% generation %}` markers and TRL has no training template for it, so `assistant_only_loss=True` raises; use the per-step export (prompt-completion). With `--tool-calls` its template writes a call as `{"name", "parameters"}` and drops the assistant `content`, so the thought is not trained; and it puts "Today Date: 26 Jul 2024" in the system turn unless `date_string` is passed, while our prompts state the world\'s date on their `TODAY:` line.',
      '- Checked against TRL 1.9.0 (`trl/trainer/sft_trainer.py`, `trl/data_utils.py`, `trl/chat_template_utils.py`).',
    ].join('\n'),
    [
      '```python',
      'from datasets import load_dataset',
      'from trl import SFTConfig, SFTTrainer',
      '',
      `dataset = load_dataset("json", data_files="${file}", split="train")`,
      step
        ? `args = SFTConfig(output_dir="webfoundry-sft", max_length=${maxLength})`
        : `args = SFTConfig(output_dir="webfoundry-sft", max_length=${maxLength}, assistant_only_loss=True)`,
      'trainer = SFTTrainer(model="Qwen/Qwen3-0.6B", train_dataset=dataset, args=args)',
      'trainer.train()',
      '```',
    ].join('\n'),
  ];
}

function verl(f: FormatFacts): string[] {
  const files = verlFileNames(f.per);
  const maxLength = lengthSetting(f.tokens);
  const maxPrompt = lengthSetting(f.promptTokens);
  return [
    '## Format: verl (Parquet)',
    [
      `- \`${files.sft}\`: multi-turn SFT, one \`messages\` list of \`{role, content}\` a row, ${unit(f.per)}; every assistant message is trained (\`MultiTurnSFTDataset\`). ${textActions}`,
      `- \`${files.rl}\`: RL prompts, one row per task: \`data_source\` (\`webfoundry/<site>\`), \`prompt\` (system + the opening user turn: objective, today's date, URL, first observation), \`ability\` (\`web_agent\`), \`reward_model\` \`{style: "rule", ground_truth}\` and \`extra_info\` (\`index\`, \`split\`, \`task_id\`, \`site\`, \`instruction\`, \`difficulty\`, \`start_url\`, \`world_seed\`, \`derived_from\`). \`ground_truth\` is the JSON text of the task's constraints (\`Task.constraints\`, src/core/schemas/task.ts): a reward function \`json.loads\` it and scores the final state of the episode with WebFoundry's evaluator (\`evaluate({id: task_id, site, constraints}, state)\` in src/evaluation/evaluate.ts; the state is the site server's episode snapshot). WebFoundry ships no verl agent loop yet: the rollout that drives the browser is yours.`,
      '- Text actions only: `--tool-calls` is refused for verl (Parquet gives each column one struct type, so tools and calls with different fields would be null-padded; verl takes tool schemas from a tool config).',
      `- Lengths: \`MultiTurnSFTDataset\` raises on a conversation longer than \`data.max_length\` (default 1024, \`truncation: error\`): set \`data.max_length=${maxLength}\`. \`RLHFDataset\` filters (or, with \`truncation: error\`, fails on) prompts longer than \`data.max_prompt_length\` (default 1024 in the code, 512 in legacy_data.yaml): set \`data.max_prompt_length=${maxPrompt}\`.`,
      '- Model: `MultiTurnSFTDataset` renders each message alone and checks that the pieces join into the whole conversation; Qwen3\'s template adds a `<think>` block to the last assistant turn only, so that check fails for Qwen3 (add `+data.ignore_input_ids_mismatch=true` to train anyway). The command below is verl\'s own multi-turn example, with Qwen2.5-0.5B-Instruct.',
    ].join('\n'),
    'Multi-turn SFT (from examples/sft/multiturn/run_qwen_05_sp2.sh):',
    [
      '```bash',
      'torchrun --nnodes=1 --nproc_per_node=1 -m verl.trainer.fsdp_sft_trainer \\',
      `  data.train_files=$PWD/${files.sft} \\`,
      `  data.val_files=$PWD/${files.sft} \\`,
      '  data.multiturn.enable=true \\',
      '  data.multiturn.messages_key=messages \\',
      `  data.max_length=${maxLength} \\`,
      '  model.partial_pretrain=Qwen/Qwen2.5-0.5B-Instruct \\',
      '  trainer.default_local_dir=$PWD/checkpoints/webfoundry-sft \\',
      '  trainer.project_name=webfoundry \\',
      '  trainer.experiment_name=sft \\',
      '  trainer.logger=console \\',
      '  trainer.total_epochs=1',
      '```',
    ].join('\n'),
    'RL prompts and their ground truth:',
    [
      '```python',
      'import json',
      'import pandas as pd',
      '',
      `rl = pd.read_parquet("${files.rl}")`,
      'row = rl.iloc[0]',
      'constraints = json.loads(row["reward_model"]["ground_truth"])',
      'print(row["extra_info"]["task_id"], row["data_source"], [c["id"] for c in constraints])',
      '```',
    ].join('\n'),
  ];
}

function react(f: FormatFacts): string[] {
  const file = dataFileName('react', f.per);
  const maxLength = lengthSetting(f.tokens);
  return [
    '## Format: WebDancer / WebSailor ReAct',
    `\`${file}\`: JSON Lines, \`{"id", "question", "answer", "messages": [...], "prediction", "termination"}\`, ${unit(f.per)}; the fields WebSailor's agent writes for a run (\`MultiTurnReactAgent._run\` in Alibaba-NLP/WebAgent, WebAgent/WebSailor/src/react_agent.py).`,
    [
      '- `messages`: the system turn lists the tools inside `<tools></tools>`, one `{"type": "function", "function": {...}}` a line, as inference/prompt.py `build_system_prompt` writes them; then the question and first page as the user turn.',
      '- Each assistant turn is `<think>\\n{thought}\\n</think>\\n` followed by `<tool_call>\\n{"name": "click", "arguments": {"bid": "12"}}\\n</tool_call>`; the page that follows is the next user turn, `<tool_response>\\n...\\n</tool_response>`, which is how the agent feeds a tool result back.',
      '- The last step of an episode that replies (`stop(answer)`, `send_msg_to_user`, `report_infeasible`) is `<answer>...</answer>` instead of a call; `prediction` is its text, `termination` is `answer`. A booking that stops without an answer ends with `<answer></answer>`. An episode cut before replying has `prediction: null` and `termination: "exceed available llm calls"`, as the agent marks a run out of calls.',
      '- `answer` is the expected answer when the task states one (information-seeking tasks), else null.',
      `- ${DROPPED}`,
      `- Length: the longest example is ${maxLength === 4096 ? 'not counted here' : `${maxLength} tokens with the Qwen3 template (see Token lengths)`}; train with a maximum sequence length at least that long so no trajectory is cut.`,
    ].join('\n'),
    'Read a line back the way the agent parses its own turns:',
    [
      '```python',
      'import json',
      '',
      `with open("${file}") as f:`,
      '    line = json.loads(f.readline())',
      'for m in line["messages"]:',
      '    if m["role"] == "assistant" and "<tool_call>" in m["content"] and "</tool_call>" in m["content"]:',
      '        call = json.loads(m["content"].split("<tool_call>")[1].split("</tool_call>")[0])',
      '        print(call["name"], call["arguments"])',
      'print(line["termination"], line["prediction"])',
      '```',
    ].join('\n'),
  ];
}

function jsonl(f: FormatFacts): string[] {
  const file = dataFileName('jsonl', f.per);
  return [
    '## Format: WebFoundry rows (lossless)',
    `\`${file}\`: JSON Lines, one \`DatasetRow\` (src/core/schemas/dataset.ts, schemaVersion ${DATASET_SCHEMA_VERSION}) a line: the task with its constraints, provenance (run, episode, original task, kept and dropped constraint ids, truncation), and every step with URL, observation, thought, action text, parsed action and the synthetic flag. Every other format is generated from it (\`webfoundry train --data\` reads it back).`,
    `- One type per column, for \`datasets\` of any version: the fields whose JSON type varies from row to row (derived from the zod schema, src/core/json-columns.ts) are written as JSON text, so \`json.loads\` them: ${f.jsonTextPaths.map((p) => `\`${p}\``).join(', ')}. Non-integer numbers always carry a fraction (\`1.0\`).`,
    '- `--tool-calls` is refused here: every row keeps both the action as written and the parsed action.',
    [
      '```python',
      'import json',
      'from datasets import load_dataset',
      '',
      `rows = load_dataset("json", data_files="${file}", split="train")`,
      'constraints = [json.loads(c) for c in rows[0]["task"]["constraints"]]',
      'print(rows[0]["id"], [c["kind"] for c in constraints])',
      '```',
    ].join('\n'),
  ];
}

/** The part of the dataset card that says what a line is and how its trainer loads the file. */
export function formatSection(f: FormatFacts): string {
  const parts = { openai, sharegpt, trl, verl, react, jsonl }[f.format](f);
  return parts.join('\n\n');
}
