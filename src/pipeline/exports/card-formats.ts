import { dataFileName, shareGptDatasetName } from './file-names.js';
import type { ExportFormat, ExportGranularity } from './types.js';

/** The part of the dataset card that says what a line is and how a trainer loads the file. */
export function formatSection(format: ExportFormat, per: ExportGranularity, toolCalls = false): string {
  const file = dataFileName(format, per);
  const unit =
    per === 'step'
      ? 'one example per step (NNetNav style): the user turn holds the objective, the URL, the observation and the previous actions; the assistant turn is the thought and the action'
      : 'one multi-turn conversation per trajectory: the objective and first observation, then the thought and action of each step, each followed by the next observation';
  const dropped = 'Steps whose action did not parse are left out (no structured form, and no per-turn loss weight to keep them as untrained context).';
  switch (format) {
    case 'openai':
      return [
        '## Format: OpenAI chat fine-tuning',
        '',
        `\`${file}\`: JSON Lines, \`{"messages": [...], "tools": [...]}\`, ${unit}.`,
        '',
        '- Each action is one tool call named after the action type; `function.arguments` is a JSON string of the action\'s other fields, e.g. `click` with `"{\\"bid\\":\\"12\\"}"`. The thought is the assistant `content`.',
        '- Every assistant message has `weight`: 1 is trained (synthetic stop steps of salvaged rows included), 0 is context only.',
        per === 'step'
          ? '- Messages: system, user, assistant (the call to learn; no tool reply). Steps whose action did not parse give no example.'
          : '- After each call, the next observation is the `tool` message answering it. A step whose action did not parse stays as an assistant text message with `weight: 0`, and the next observation (with the parse error) is a user message.',
        '- `tools`: one function per action type, parameters generated from the action schema.',
        '',
        '```python',
        'from openai import OpenAI',
        'client = OpenAI()',
        `f = client.files.create(file=open("${file}", "rb"), purpose="fine-tune")`,
        'client.fine_tuning.jobs.create(training_file=f.id, model="gpt-4.1-mini-2025-04-14")',
        '```',
      ].join('\n');
    case 'sharegpt':
      return [
        '## Format: LLaMA-Factory ShareGPT',
        '',
        `\`${file}\`: JSON Lines, \`{"conversations": [{"from", "value"}], "system": "...", "tools": "<JSON string>"}\`, ${unit}.`,
        '',
        '- Turns alternate human/observation (odd positions) and function_call (even positions), as LLaMA-Factory requires.',
        '- Each step is one `function_call` turn: `<think>thought</think>{"name": "click", "arguments": {"bid": "12"}}`. LLaMA-Factory strips the `<think>` block before parsing the call and puts it back in front of the formatted call, so the thought is trained too.',
        `- ${dropped}`,
        '- `dataset_info.json` registers the file with `formatting: "sharegpt"`, its columns and tags.',
        '',
        `Copy both files into \`LLaMA-Factory/data/\` (merge the entry into the existing \`dataset_info.json\`), then in the training YAML:`,
        '',
        '```yaml',
        `dataset: ${shareGptDatasetName(per)}`,
        'template: qwen  # the template of your model',
        '```',
      ].join('\n');
    case 'trl':
      return [
        '## Format: TRL SFTTrainer (conversational)',
        '',
        toolCalls
          ? `\`${file}\`: JSON Lines, \`{"messages": [...], "tools": [...]}\` with assistant \`tool_calls\` (\`arguments\` as a dict) and \`tool\` replies, ${unit}.`
          : `\`${file}\`: JSON Lines, \`{"messages": [{"role", "content"}]}\`, ${unit}. The assistant content is \`Thought: ...\\nAction: click("12")\`.`,
        '',
        `- ${dropped}`,
        '',
        '```python',
        'from datasets import load_dataset',
        'from trl import SFTConfig, SFTTrainer',
        `dataset = load_dataset("json", data_files="${file}", split="train")`,
        '# assistant_only_loss needs {% generation %} markers in the chat template (huggingface/trl#5471); drop it otherwise',
        'trainer = SFTTrainer(model="Qwen/Qwen3-0.6B", train_dataset=dataset, args=SFTConfig(assistant_only_loss=True))',
        'trainer.train()',
        '```',
      ].join('\n');
    case 'jsonl':
      return [
        '## Format: WebFoundry rows (lossless)',
        '',
        `\`${file}\`: JSON Lines, one \`DatasetRow\` (src/core/schemas/dataset.ts, schemaVersion 1) a line: the task with its constraints, provenance (run, episode, original task, kept and dropped constraints, truncation), and every step with URL, observation, thought, action text, parsed action and the synthetic flag. Every other format is generated from it.`,
        '',
        '```python',
        'from datasets import load_dataset',
        `rows = load_dataset("json", data_files="${file}", split="train")`,
        '```',
      ].join('\n');
  }
}
