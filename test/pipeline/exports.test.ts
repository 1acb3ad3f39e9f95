import { describe, expect, it } from 'vitest';
import { extractAction } from '../../src/browser/actions/extract-action.js';
import { describeActionSpace } from '../../src/browser/actions/signatures.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { Action } from '../../src/core/schemas/action.js';
import { DatasetRow } from '../../src/core/schemas/dataset.js';
import { actionFromToolCall, actionTools } from '../../src/pipeline/exports/action-tools.js';
import { datasetCard } from '../../src/pipeline/exports/dataset-card.js';
import {
  FunctionToolSchema,
  OpenAIChatLine,
  parseShareGptFunctionCall,
  ShareGptDatasetInfo,
  ShareGptLine,
  TrlLine,
} from '../../src/pipeline/exports/format-schemas.js';
import { exportTools } from '../../src/pipeline/exports/export-tools.js';
import { systemPrompt } from '../../src/pipeline/exports/prompt.js';
import { estimateTokens, TRUNCATION_MARKER, truncateObservation } from '../../src/pipeline/exports/truncate.js';
import type { ExportFormat, ExportOptions, ExportResult } from '../../src/pipeline/exports/types.js';
import { readColumnar } from '../../src/core/json-columns.js';
import { ALL_STEPS, LONG_OBS, PARSED_STEPS, PERS, ROWS, lines, parsedActions, rowLong, rowSalvaged, rowSuccess, run } from './export-fixtures.js';

// ------------------------------------------------------------------ fixtures are what we think

describe('fixtures', () => {
  it('are valid DatasetRows with one unparseable step and one synthetic stop', () => {
    for (const r of ROWS) expect(DatasetRow.safeParse(r).success).toBe(true);
    expect(ROWS.flatMap((r) => r.steps).filter((s) => s.parsed === null)).toHaveLength(1);
    expect(rowSalvaged.steps.at(-1)!.synthetic).toBe(true);
    expect(PARSED_STEPS).toBe(ALL_STEPS - 1);
  });
});

// ------------------------------------------------------------------ shared pieces

describe('truncateObservation', () => {
  it('leaves an observation within budget alone', () => {
    expect(truncateObservation('[1] button "OK"', 100)).toBe('[1] button "OK"');
    expect(truncateObservation(LONG_OBS, undefined)).toBe(LONG_OBS);
  });

  it('cuts at a line boundary, marks the cut and stays within the token budget', () => {
    const cut = truncateObservation(LONG_OBS, 100);
    expect(estimateTokens(LONG_OBS)).toBeGreaterThan(100);
    expect(estimateTokens(cut)).toBeLessThanOrEqual(100);
    const kept = cut.split('\n');
    expect(kept.at(-1)).toBe(TRUNCATION_MARKER);
    expect(kept.slice(0, -1)).toEqual(LONG_OBS.split('\n').slice(0, kept.length - 1));
    expect(kept.length).toBeGreaterThan(2);
  });
});

describe('action tools', () => {
  it('has one function per action type, parameters from the zod union without `type`', () => {
    const tools = actionTools();
    expect(tools.map((t) => t.function.name)).toEqual(Action.options.map((o) => o.shape.type.value));
    for (const t of tools) {
      expect(FunctionToolSchema.safeParse(t).success).toBe(true);
      expect(t.function.parameters.properties).not.toHaveProperty('type');
      expect(t.function.parameters.required).not.toContain('type');
    }
    const fill = tools.find((t) => t.function.name === 'fill')!.function.parameters;
    expect(Object.keys(fill.properties)).toEqual(['bid', 'text', 'enableAutocompleteMenu', 'pressEnter']);
    expect(fill.required).toEqual(['bid', 'text']);
  });

  it('reads a call back into the action and refuses one that is not an action', () => {
    expect(actionFromToolCall('click', '{"bid":"12"}')).toEqual({ type: 'click', bid: '12' });
    expect(() => actionFromToolCall('click', '{}')).toThrow();
  });
});

describe('system prompt', () => {
  it('lists the action space and the reply format in text style', () => {
    const p = systemPrompt('text');
    expect(p).toContain(describeActionSpace());
    expect(p).toContain('Thought:');
    expect(p).toContain('Action:');
  });

  it('is replaced by a custom prompt in every format', () => {
    const custom = 'You are a test agent.';
    expect((lines(run('openai', { per: 'step', systemPrompt: custom }))[0] as OpenAIChatLine).messages[0]).toEqual({ role: 'system', content: custom });
    expect((lines(run('sharegpt', { per: 'step', systemPrompt: custom }))[0] as ShareGptLine).system).toBe(custom);
    expect((lines(run('trl', { per: 'step', systemPrompt: custom }))[0] as { prompt: unknown[] }).prompt[0]).toEqual({ role: 'system', content: custom });
    expect((lines(run('trl', { per: 'trajectory', systemPrompt: custom }))[0] as { messages: unknown[] }).messages[0]).toEqual({ role: 'system', content: custom });
  });
});

describe('export tools', () => {
  it('declare only the action types the rows call, with bare parameters, in the action space order', () => {
    const tools = exportTools(ROWS);
    const used = new Set(parsedActions.map((a) => a.type));
    expect(tools.map((t) => t.function.name)).toEqual(actionTools().map((t) => t.function.name).filter((n) => used.has(n)));
    for (const t of tools) expect(FunctionToolSchema.safeParse(t).success).toBe(true);
    expect(JSON.stringify(tools).length).toBeLessThan(JSON.stringify(actionTools()).length / 2);
    const fill = tools.find((t) => t.function.name === 'fill')!.function.parameters;
    expect(fill).toEqual({ type: 'object', properties: { bid: { type: 'string', description: 'Element id shown in [brackets].' }, text: { type: 'string' }, pressEnter: { type: 'boolean' }, enableAutocompleteMenu: { type: 'boolean' } }, required: ['bid', 'text'] });
  });
});

// ------------------------------------------------------------------ openai

describe('openai exporter', () => {
  for (const per of PERS) {
    for (const toolCalls of [false, true]) {
      it(`per ${per}, ${toolCalls ? 'tool calls' : 'text actions'}: valid chat fine-tuning lines with weights whose actions read back`, () => {
        const result = run('openai', { per, toolCalls });
        const out = lines(result).map((l) => OpenAIChatLine.parse(l));
        expect(result.examples).toBe(per === 'step' ? PARSED_STEPS : ROWS.length);
        expect(out).toHaveLength(result.examples);
        const actions: Action[] = [];
        for (const line of out) {
          if (toolCalls) expect(line.tools).toEqual(exportTools(ROWS));
          else expect(line).not.toHaveProperty('tools');
          for (const m of line.messages) {
            expect(m.role).not.toBe(toolCalls ? '' : 'tool');
            if (m.role !== 'assistant') continue;
            expect(m.weight === 0 || m.weight === 1).toBe(true);
            if (m.weight === 0) continue;
            if (toolCalls) for (const call of m.tool_calls ?? []) actions.push(actionFromToolCall(call.function.name, call.function.arguments));
            else {
              const r = extractAction(m.content ?? '');
              if (r.ok) actions.push(r.action);
            }
          }
        }
        expect(actions).toEqual(parsedActions);
      });
    }
  }

  it('per step with tool calls: system, user, assistant call; the user turn has objective, date, URL, observation and history', () => {
    const out = lines(run('openai', { per: 'step', toolCalls: true })).map((l) => OpenAIChatLine.parse(l));
    for (const line of out) expect(line.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    const second = out[1]!.messages;
    expect(second[1]!.content).toBe(
      'OBJECTIVE: Book a flight to Lisbon.\nTODAY: Monday, June 1, 2026\n\nURL: http://skyhop.localhost:8080/\n\nOBSERVATION:\n[12] button "Search"\n\nPREVIOUS ACTIONS:\n1. fill("5", "Lisbon", press_enter=True)',
    );
    expect(second[2]).toEqual({
      role: 'assistant',
      content: 'Search for flights.',
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'click', arguments: '{"bid":"12"}' } }],
      weight: 1,
    });
  });

  it('per trajectory with tool calls: tool replies carry the next observation; the unparseable step is context with weight 0', () => {
    const out = lines(run('openai', { per: 'trajectory', toolCalls: true })).map((l) => OpenAIChatLine.parse(l));
    const salvaged = out[1]!.messages;
    expect(salvaged.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'assistant', 'user', 'assistant', 'tool', 'assistant']);
    expect(salvaged[4]!).toMatchObject({ role: 'assistant', weight: 0, content: "Thought: Pick the cheapest.\nAction: clik('4')" });
    expect(salvaged[5]!.content).toMatch(/^LAST ACTION ERROR: .*clik/);
    expect(salvaged[3]).toMatchObject({ role: 'tool', tool_call_id: 'call_0' });
    expect(salvaged.at(-1)).toMatchObject({ role: 'assistant', weight: 1, tool_calls: [{ function: { name: 'stop', arguments: '{"answer":"Hotel Azul at €150"}' } }] });
    const trained = out.flatMap((l) => l.messages).filter((m) => m.role === 'assistant' && m.weight === 1);
    expect(trained).toHaveLength(PARSED_STEPS);
  });

  it('per trajectory with text actions: observations are user turns and the assistant content is the text action', () => {
    const out = lines(run('openai', { per: 'trajectory' })).map((l) => OpenAIChatLine.parse(l));
    expect(out[0]!.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
    expect(out[0]!.messages[2]).toEqual({ role: 'assistant', content: 'Thought: I type the destination.\nAction: fill("5", "Lisbon", press_enter=True)', weight: 1 });
  });
});

// ------------------------------------------------------------------ sharegpt

describe('sharegpt exporter', () => {
  for (const per of PERS) {
    for (const toolCalls of [false, true]) {
      it(`per ${per}, ${toolCalls ? 'tool calls' : 'text actions'}: valid lines, actions that read back, and dataset_info`, () => {
        const result = run('sharegpt', { per, toolCalls });
        const out = lines(result, `webfoundry_sharegpt_${per}.jsonl`).map((l) => ShareGptLine.parse(l));
        expect(result.examples).toBe(per === 'step' ? PARSED_STEPS : ROWS.length);
        const actions = out.flatMap((l) =>
          l.conversations.filter((t) => t.from === (toolCalls ? 'function_call' : 'gpt')).map((t) => {
            if (!toolCalls) {
              const r = extractAction(t.value);
              if (!r.ok) throw new Error(r.error);
              return r.action;
            }
            const fc = parseShareGptFunctionCall(t.value)!;
            expect(fc.thought).not.toBeNull();
            return actionFromToolCall(fc.call.name, fc.call.arguments);
          }),
        );
        expect(actions).toEqual(parsedActions);
        if (toolCalls) expect(JSON.parse(out[0]!.tools!)).toEqual(exportTools(ROWS));
        else expect(out[0]).not.toHaveProperty('tools');
        const info = ShareGptDatasetInfo.parse(JSON.parse(result.files.find((f) => f.name === 'dataset_info.json')!.content as string));
        expect(info).toEqual({
          [`webfoundry_${per}`]: {
            file_name: `webfoundry_sharegpt_${per}.jsonl`,
            formatting: 'sharegpt',
            columns: toolCalls ? { messages: 'conversations', system: 'system', tools: 'tools' } : { messages: 'conversations', system: 'system' },
            tags: { role_tag: 'from', content_tag: 'value', user_tag: 'human', assistant_tag: 'gpt', observation_tag: 'observation', function_tag: 'function_call' },
          },
        });
      });
    }
  }

  it('per trajectory with tool calls: human, then function_call / observation pairs with the thought in the thought words; the unparseable step is left out', () => {
    const out = lines(run('sharegpt', { per: 'trajectory', toolCalls: true })).map((l) => ShareGptLine.parse(l));
    const salvaged = out[1]!.conversations;
    expect(salvaged.map((t) => t.from)).toEqual(['human', 'function_call', 'observation', 'function_call', 'observation', 'function_call']);
    expect(salvaged[1]!.value).toBe('<think>\nOpen the search form.\n</think>\n\n{"name":"click","arguments":{"bid":"3"}}');
    expect(salvaged.map((t) => t.value).join('\n')).not.toContain('clik');
  });

  it('per trajectory with text actions: human / gpt turns only', () => {
    const out = lines(run('sharegpt', { per: 'trajectory' })).map((l) => ShareGptLine.parse(l));
    expect(out[1]!.conversations.map((t) => t.from)).toEqual(['human', 'gpt', 'human', 'gpt', 'human', 'gpt']);
  });

  it('the schema rejects what LLaMA-Factory would skip', () => {
    const base = { system: 's' };
    expect(ShareGptLine.safeParse({ ...base, conversations: [{ from: 'human', value: 'q' }, { from: 'gpt', value: 'a' }] }).success).toBe(true);
    const pair = [{ from: 'human', value: 'q' }, { from: 'gpt', value: 'thinking' }, { from: 'function_call', value: '{"name":"click","arguments":{"bid":"1"}}' }];
    expect(ShareGptLine.safeParse({ ...base, conversations: pair }).success).toBe(false);
    const badCall = [{ from: 'human', value: 'q' }, { from: 'function_call', value: 'click("1")' }];
    expect(ShareGptLine.safeParse({ ...base, conversations: badCall }).success).toBe(false);
  });
});

// ------------------------------------------------------------------ trl

describe('trl exporter', () => {
  for (const toolCalls of [false, true]) {
    it(`per step, ${toolCalls ? 'tool calls' : 'text actions'}: prompt-completion lines, system + user prompt, one assistant completion`, () => {
      const result = run('trl', { per: 'step', toolCalls });
      const out = lines(result).map((l) => TrlLine.parse(l));
      expect(out).toHaveLength(PARSED_STEPS);
      const actions: Action[] = [];
      for (const line of out) {
        if (!('prompt' in line)) throw new Error('per step must be prompt-completion');
        expect(line.prompt.map((m) => m.role)).toEqual(['system', 'user']);
        expect(line.completion).toHaveLength(1);
        const m = line.completion[0]!;
        if (m.role !== 'assistant') throw new Error('completion must be an assistant turn');
        if (toolCalls) actions.push(actionFromToolCall(m.tool_calls![0]!.function.name, m.tool_calls![0]!.function.arguments));
        else {
          const r = extractAction(m.content!);
          if (r.ok) actions.push(r.action);
        }
        if (toolCalls) expect(JSON.parse(line.tools!)).toEqual(exportTools(ROWS));
        else expect(line).not.toHaveProperty('tools');
      }
      expect(actions).toEqual(parsedActions);
    });

    it(`per trajectory, ${toolCalls ? 'tool calls' : 'text actions'}: messages with ${toolCalls ? 'tool replies' : 'user observation turns'}`, () => {
      const out = lines(run('trl', { per: 'trajectory', toolCalls })).map((l) => TrlLine.parse(l));
      expect(out).toHaveLength(ROWS.length);
      const first = out[0]!;
      if (!('messages' in first)) throw new Error('per trajectory must be messages');
      expect(first.messages.map((m) => m.role)).toEqual(toolCalls ? ['system', 'user', 'assistant', 'tool', 'assistant', 'tool', 'assistant'] : ['system', 'user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
      if (toolCalls) expect(first.messages[3]).toMatchObject({ role: 'tool', name: 'fill' });
      else {
        expect(first.messages[1]!.content).toBe('OBJECTIVE: Book a flight to Lisbon.\nTODAY: Monday, June 1, 2026\n\nURL: http://skyhop.localhost:8080/\n\nOBSERVATION:\n[5] combobox "To"\n[12] button "Search"');
        expect(first.messages[2]!.content).toBe('Thought: I type the destination.\nAction: fill("5", "Lisbon", press_enter=True)');
      }
    });
  }
});

// ------------------------------------------------------------------ jsonl (lossless)

describe('jsonl exporter', () => {
  it('writes one row a line that reads back into the input, and refuses --tool-calls', () => {
    const result = run('jsonl', { per: 'trajectory' });
    expect(result.examples).toBe(ROWS.length);
    expect(lines(result).map((l) => DatasetRow.parse(readColumnar(DatasetRow, l)))).toEqual(ROWS);
    expect(() => run('jsonl', { per: 'trajectory', toolCalls: true })).toThrow(InvalidInputError);
  });
});

// ------------------------------------------------------------------ options, determinism, bad input

describe('options', () => {
  const userTurns = (result: ExportResult): string[] =>
    lines(result)
      .map((l) => TrlLine.parse(l))
      .flatMap((l) => ('messages' in l ? l.messages : l.prompt).filter((m) => m.role === 'user').map((m) => m.content ?? ''));

  it('maxObsTokens truncates every observation to the budget, with the marker', () => {
    for (const per of PERS) {
      const turns = userTurns(run('trl', { per, maxObsTokens: 60 }));
      const long = turns.filter((t) => t.includes('Option 0 with'));
      expect(long.length).toBeGreaterThan(0);
      for (const t of long) {
        const obs = t.split('OBSERVATION:\n')[1]!.split('\n\nPREVIOUS ACTIONS:')[0]!;
        expect(obs.endsWith(TRUNCATION_MARKER)).toBe(true);
        expect(estimateTokens(obs)).toBeLessThanOrEqual(60);
        expect(t).not.toContain('Option 119');
      }
      expect(userTurns(run('trl', { per })).some((t) => t.includes('Option 119'))).toBe(true);
    }
  });

  it('historyLength shows the last k actions, numbered by step, defaulting to 5', () => {
    const prompt = (opts: ExportOptions, i: number) => userTurns(run('trl', opts, [rowLong]))[i]!;
    expect(prompt({ per: 'step', historyLength: 2 }, 4)).toMatch(/PREVIOUS ACTIONS:\n3\. keyboard_press\("Enter"\)\n4\. go_back\(\)$/);
    expect(prompt({ per: 'step' }, 0)).toMatch(/PREVIOUS ACTIONS:\nnone$/);
    expect(prompt({ per: 'step' }, 5).split('PREVIOUS ACTIONS:\n')[1]!.split('\n')).toHaveLength(5);
    expect(prompt({ per: 'step', historyLength: 0 }, 3)).not.toContain('PREVIOUS ACTIONS');
  });

  it('the same rows give the same bytes, in every format, mode and tool setting', () => {
    for (const format of ['openai', 'sharegpt', 'trl', 'verl', 'react', 'jsonl'] as const) {
      for (const per of PERS) {
        for (const toolCalls of format === 'verl' || format === 'jsonl' || format === 'react' ? [false] : [false, true]) {
          const a = run(format, { per, maxObsTokens: 80, toolCalls });
          const b = run(format, { per, maxObsTokens: 80, toolCalls }, structuredClone(ROWS));
          expect(b).toEqual(a);
        }
      }
    }
  });

  it('--tool-calls changes every format that has tool calls', () => {
    for (const format of ['openai', 'sharegpt', 'trl'] as const) {
      for (const per of PERS) expect(run(format, { per, toolCalls: true }).files[0]!.content).not.toEqual(run(format, { per }).files[0]!.content);
    }
  });

  it('refuses a bad row or bad options before producing anything', () => {
    const broken = { ...rowSuccess, id: 'row-broken', steps: [] };
    expect(() => run('openai', { per: 'step' }, [rowSuccess, broken as DatasetRow])).toThrow(InvalidInputError);
    expect(() => run('openai', { per: 'step' }, [broken as DatasetRow])).toThrow(/row-broken/);
    expect(() => run('trl', { per: 'episode' } as unknown as ExportOptions)).toThrow(InvalidInputError);
    expect(() => run('trl', { per: 'step', maxObsTokens: 0 })).toThrow(InvalidInputError);
    expect(() => run('verl', { per: 'step', toolCalls: true })).toThrow(InvalidInputError);
  });
});

// ------------------------------------------------------------------ dataset card

describe('datasetCard', () => {
  it('reports counts, distributions, steps per row and constraint kinds, byte-stable', () => {
    const opts = { format: 'trl', per: 'step', examples: PARSED_STEPS, runInfo: { runId: 'r1', seed: 1 } } as const;
    const card = datasetCard(ROWS, opts);
    expect(card).toContain('| rows (trajectories) | 3 |');
    expect(card).toContain('| successes | 2 (66.7%) |');
    expect(card).toContain('| salvaged | 1 (33.3%) |');
    expect(card).toContain(`| examples in this export | ${PARSED_STEPS} |`);
    expect(card).toContain('| steps per row (min / median / max) | 3 / 4 / 6 |');
    expect(card).toContain('| synthetic stop steps | 1 |');
    expect(card).toContain('| `forkful` | 1 (33.3%) |');
    expect(card).toContain('| `medium` | 1 (33.3%) |');
    expect(card).toContain('| runId | r1 |');
    expect(card).toContain('load_dataset("json", data_files="webfoundry_trl_step.jsonl", split="train")');
    expect(datasetCard(ROWS, opts)).toBe(card);
    expect(ALL_STEPS).toBe(PARSED_STEPS + 1);
  });

  it('starts with a Hugging Face YAML header with a license and the data files', () => {
    const card = datasetCard(ROWS, { format: 'verl', per: 'trajectory', examples: 3 });
    const header = card.split('\n---\n')[0]!;
    expect(header.startsWith('---\nlicense: apache-2.0\n')).toBe(true);
    expect(header).toContain('  - split: train\n    path: webfoundry_verl_sft_trajectory.parquet');
    expect(header).toContain('    path: webfoundry_verl_rl.parquet');
    expect(datasetCard(ROWS, { format: 'jsonl', per: 'trajectory', examples: 3, license: 'cc-by-4.0' })).toMatch(/^---\nlicense: cc-by-4.0\n/);
  });

  it('describes each format with its loading recipe and names no retiring OpenAI model', () => {
    const card = (format: ExportFormat) => datasetCard(ROWS, { format, per: 'trajectory', examples: 3 });
    expect(card('openai')).toContain('purpose="fine-tune"');
    expect(card('openai')).toContain('os.environ["OPENAI_FT_MODEL"]');
    expect(card('openai')).not.toMatch(/gpt-4\.1-mini-2025|gpt-4o-mini-2024/);
    expect(card('sharegpt')).toContain('dataset: webfoundry_trajectory');
    expect(card('sharegpt')).toContain('cutoff_len:');
    expect(card('trl')).toContain('assistant_only_loss=True');
    expect(card('verl')).toContain('data.max_prompt_length=');
    expect(card('jsonl')).toContain('DatasetRow');
    expect(card('react')).toContain('<tool_response>');
    for (const f of ['openai', 'sharegpt', 'trl', 'verl', 'react', 'jsonl'] as const) expect(card(f)).toContain('--max-obs-tokens');
  });
});
