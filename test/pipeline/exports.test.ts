import { describe, expect, it } from 'vitest';
import { extractAction } from '../../src/browser/actions/extract-action.js';
import { parseAction } from '../../src/browser/actions/parse-action.js';
import { describeActionSpace } from '../../src/browser/actions/signatures.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { Action } from '../../src/core/schemas/action.js';
import { DatasetRow, type DatasetStep } from '../../src/core/schemas/dataset.js';
import type { Constraint, Task } from '../../src/core/schemas/task.js';
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
import { EXPORTERS } from '../../src/pipeline/exports/index.js';
import { systemPrompt } from '../../src/pipeline/exports/prompt.js';
import { estimateTokens, TRUNCATION_MARKER, truncateObservation } from '../../src/pipeline/exports/truncate.js';
import type { ExportFormat, ExportGranularity, ExportOptions, ExportResult } from '../../src/pipeline/exports/types.js';

// ------------------------------------------------------------------ rows built by hand

function task(id: string, site: string, difficulty: 'easy' | 'medium' | 'hard', instruction: string, constraints: Constraint[]): Task {
  return {
    schemaVersion: 1,
    id,
    site,
    instruction,
    constraints,
    target: { params: {}, listingId: 'l-1', choices: {}, attrs: {}, travellers: [], contact: {}, extras: {} },
    metadata: { seed: 1, worldSeed: 1, worldVersion: 1, difficulty, split: 'train', templateIds: [] },
  };
}

/** A step whose `parsed` is what the real parser makes of the text (null when it does not parse). */
function step(action: string, thought: string, observation: string, url = 'http://skyhop.localhost:8080/', synthetic = false): DatasetStep {
  const r = parseAction(action);
  return { url, observation, thought, action, parsed: r.ok ? r.action : null, error: r.ok ? null : r.error, synthetic };
}

function row(id: string, kind: 'success' | 'salvaged', t: Task, steps: DatasetStep[]): DatasetRow {
  const provenance = {
    runId: `run-${id}`,
    episodeId: `ep-${id}`,
    originalTaskId: `task-${id}`,
    originalInstruction: 'Book the original thing',
    agent: 'scripted',
    keptConstraintIds: ['destination'],
    droppedConstraintIds: kind === 'salvaged' ? ['booked'] : [],
    truncationIndex: kind === 'salvaged' ? steps.length - 2 : -1,
    originalCsr: kind === 'salvaged' ? 0.5 : 1,
    originalSteps: steps.length + 3,
  };
  return { schemaVersion: 1, id, kind, task: t, provenance, steps };
}

const dest: Constraint = { id: 'destination', kind: 'exact', stage: 'search', phrase: 'to Lisbon', field: 'destination', value: 'LIS' };
const booked: Constraint = { id: 'booked', kind: 'booked', stage: 'booking', phrase: 'book it' };
const price: Constraint = { id: 'price-max', kind: 'range', stage: 'selection', phrase: 'under €200', field: 'price', max: 200 };

const LONG_OBS = Array.from({ length: 120 }, (_, i) => `  [${i + 10}] link "Option ${i} with a fairly long accessible name"`).join('\n');

const rowSuccess = row('row-success', 'success', task('t1', 'skyhop', 'easy', 'Book a flight to Lisbon.', [dest, booked]), [
  // WebArena's bracket form: exported as the canonical BrowserGym call.
  step('type [5] [Lisbon] [1]', 'I type the destination.', '[5] combobox "To"\n[12] button "Search"'),
  step('click("12")', 'Search for flights.', '[12] button "Search"'),
  step('stop()', 'The booking is done.', 'heading "Booking confirmed"', 'http://skyhop.localhost:8080/confirmation/SKY-1'),
]);

const rowSalvaged = row('row-salvaged', 'salvaged', task('t2', 'staywell', 'medium', 'Find a hotel in Lisbon under €200 a night.', [dest, price]), [
  step("click('3')", 'Open the search form.', '[3] button "Search"', 'http://staywell.localhost:8080/'),
  step("clik('4')", 'Pick the cheapest.', '[4] link "Hotel Azul"', 'http://staywell.localhost:8080/search'),
  step("click('4')", 'Pick the cheapest, again.', '[4] link "Hotel Azul"', 'http://staywell.localhost:8080/search'),
  step('stop("Hotel Azul at €150")', 'The hotel meets the relabeled task.', 'heading "Hotel Azul"', 'http://staywell.localhost:8080/listing/h-1', true),
]);

const rowLong = row('row-long', 'success', task('t3', 'forkful', 'hard', 'Reserve a table for 4 at a Thai place.', [dest, price, booked]), [
  step("select_option('7', ['19:00', '19:30'])", 'Choose a time.', LONG_OBS, 'http://forkful.localhost:8080/'),
  step('scroll(0, 300)', 'Look further down.', LONG_OBS, 'http://forkful.localhost:8080/search'),
  step("keyboard_press('Enter')", 'Submit.', LONG_OBS, 'http://forkful.localhost:8080/search'),
  step('go_back()', 'Back to the list.', LONG_OBS, 'http://forkful.localhost:8080/listing/r-2'),
  step("fill('9', 'Ana \"Nana\" Silva')", 'Type the name.', LONG_OBS, 'http://forkful.localhost:8080/details'),
  step('stop()', 'Booked.', 'heading "Reserved"', 'http://forkful.localhost:8080/confirmation/FRK-1'),
]);

const ROWS = [rowSuccess, rowSalvaged, rowLong];
const ALL_STEPS = ROWS.reduce((n, r) => n + r.steps.length, 0);
const PARSED_STEPS = ROWS.reduce((n, r) => n + r.steps.filter((s) => s.parsed !== null).length, 0);
const parsedActions = ROWS.flatMap((r) => r.steps.flatMap((s) => (s.parsed === null ? [] : [s.parsed])));

function run(format: ExportFormat, opts: ExportOptions, rows: readonly DatasetRow[] = ROWS): ExportResult {
  return EXPORTERS[format].export(rows, opts);
}

function lines(result: ExportResult, name?: string): unknown[] {
  const file = name === undefined ? result.files[0]! : result.files.find((f) => f.name === name)!;
  expect(file.content.endsWith('\n')).toBe(true);
  return file.content.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
}

const PERS: ExportGranularity[] = ['step', 'trajectory'];

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
    expect((lines(run('trl', { per: 'step', systemPrompt: custom }))[0] as TrlLine).messages[0]).toEqual({ role: 'system', content: custom });
  });
});

// ------------------------------------------------------------------ openai

describe('openai exporter', () => {
  for (const per of PERS) {
    it(`per ${per}: every line is a valid chat fine-tuning line with weights and parseable calls`, () => {
      const result = run('openai', { per });
      const out = lines(result).map((l) => OpenAIChatLine.parse(l));
      expect(result.examples).toBe(per === 'step' ? PARSED_STEPS : ROWS.length);
      expect(out).toHaveLength(result.examples);
      const calls: Action[] = [];
      for (const line of out) {
        expect(line.tools).toEqual(actionTools());
        for (const m of line.messages) {
          if (m.role !== 'assistant') continue;
          expect(m.weight === 0 || m.weight === 1).toBe(true);
          for (const call of m.tool_calls ?? []) {
            expect(typeof call.function.arguments).toBe('string');
            calls.push(actionFromToolCall(call.function.name, call.function.arguments));
          }
        }
      }
      expect(calls).toEqual(parsedActions);
    });
  }

  it('per step: system, user, assistant call; the user turn has objective, URL, observation and history', () => {
    const out = lines(run('openai', { per: 'step' })).map((l) => OpenAIChatLine.parse(l));
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

  it('per trajectory: tool replies carry the next observation; the unparseable step is context with weight 0', () => {
    const out = lines(run('openai', { per: 'trajectory' })).map((l) => OpenAIChatLine.parse(l));
    const salvaged = out[1]!.messages;
    expect(salvaged.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'assistant', 'user', 'assistant', 'tool', 'assistant']);
    const bad = salvaged[4]!;
    expect(bad).toMatchObject({ role: 'assistant', weight: 0, content: "Thought: Pick the cheapest.\nAction: clik('4')" });
    expect(salvaged[5]!.content).toMatch(/^LAST ACTION ERROR: .*clik/);
    expect(salvaged[3]).toMatchObject({ role: 'tool', tool_call_id: 'call_0' });
    // The synthetic stop is trained: it is the relabeled ending.
    expect(salvaged.at(-1)).toMatchObject({ role: 'assistant', weight: 1, tool_calls: [{ function: { name: 'stop', arguments: '{"answer":"Hotel Azul at €150"}' } }] });
    const trained = out.flatMap((l) => l.messages).filter((m) => m.role === 'assistant' && m.weight === 1);
    expect(trained).toHaveLength(PARSED_STEPS);
  });
});

// ------------------------------------------------------------------ sharegpt

describe('sharegpt exporter', () => {
  for (const per of PERS) {
    it(`per ${per}: valid lines that keep LLaMA-Factory's alternation, calls that round-trip, and dataset_info`, () => {
      const result = run('sharegpt', { per });
      const out = lines(result, `webfoundry_sharegpt_${per}.jsonl`).map((l) => ShareGptLine.parse(l));
      expect(result.examples).toBe(per === 'step' ? PARSED_STEPS : ROWS.length);
      expect(out).toHaveLength(result.examples);
      const calls = out.flatMap((l) =>
        l.conversations.filter((t) => t.from === 'function_call').map((t) => {
          const fc = parseShareGptFunctionCall(t.value)!;
          expect(fc.thought).not.toBeNull();
          return actionFromToolCall(fc.call.name, fc.call.arguments);
        }),
      );
      expect(calls).toEqual(parsedActions);
      expect(JSON.parse(out[0]!.tools!)).toEqual(actionTools());

      const info = ShareGptDatasetInfo.parse(JSON.parse(result.files.find((f) => f.name === 'dataset_info.json')!.content));
      expect(info).toEqual({
        [`webfoundry_${per}`]: {
          file_name: `webfoundry_sharegpt_${per}.jsonl`,
          formatting: 'sharegpt',
          columns: { messages: 'conversations', system: 'system', tools: 'tools' },
          tags: { role_tag: 'from', content_tag: 'value', user_tag: 'human', assistant_tag: 'gpt', observation_tag: 'observation', function_tag: 'function_call' },
        },
      });
    });
  }

  it('per trajectory: human, then function_call / observation pairs; the unparseable step is left out', () => {
    const out = lines(run('sharegpt', { per: 'trajectory' })).map((l) => ShareGptLine.parse(l));
    const salvaged = out[1]!.conversations;
    expect(salvaged.map((t) => t.from)).toEqual(['human', 'function_call', 'observation', 'function_call', 'observation', 'function_call']);
    expect(salvaged[1]!.value).toBe('<think>Open the search form.</think>{"name":"click","arguments":{"bid":"3"}}');
    expect(salvaged.map((t) => t.value).join('\n')).not.toContain('clik');
  });

  it('the schema rejects what LLaMA-Factory would skip', () => {
    const base = { system: 's', tools: '[]' };
    const ok = ShareGptLine.safeParse({ ...base, conversations: [{ from: 'human', value: 'q' }, { from: 'gpt', value: 'a' }] });
    expect(ok.success).toBe(true);
    const pair = [{ from: 'human', value: 'q' }, { from: 'gpt', value: 'thinking' }, { from: 'function_call', value: '{"name":"click","arguments":{"bid":"1"}}' }];
    expect(ShareGptLine.safeParse({ ...base, conversations: pair }).success).toBe(false);
    const badCall = [{ from: 'human', value: 'q' }, { from: 'function_call', value: 'click("1")' }];
    expect(ShareGptLine.safeParse({ ...base, conversations: badCall }).success).toBe(false);
  });
});

// ------------------------------------------------------------------ trl

describe('trl exporter', () => {
  for (const per of PERS) {
    it(`per ${per}: text actions by default, which the action extractor reads back`, () => {
      const result = run('trl', { per });
      const out = lines(result).map((l) => TrlLine.parse(l));
      expect(result.examples).toBe(per === 'step' ? PARSED_STEPS : ROWS.length);
      expect(out).toHaveLength(result.examples);
      const actions: Action[] = [];
      for (const line of out) {
        expect(line).not.toHaveProperty('tools');
        expect(line.messages[0]!.role).toBe('system');
        expect(line.messages.at(-1)!.role).toBe('assistant');
        for (const m of line.messages) {
          expect(m.role).not.toBe('tool');
          if (m.role !== 'assistant') continue;
          expect(m.content).toMatch(/^Thought: .+\nAction: .+$/);
          const r = extractAction(m.content!);
          expect(r.ok).toBe(true);
          if (r.ok) actions.push(r.action);
        }
      }
      expect(actions).toEqual(parsedActions);
    });

    it(`per ${per}: toolCalls writes dict arguments, tool replies and the tools column`, () => {
      const out = lines(run('trl', { per, toolCalls: true })).map((l) => TrlLine.parse(l));
      const calls = out.flatMap((l) =>
        l.messages.flatMap((m) => (m.role === 'assistant' ? (m.tool_calls ?? []) : [])).map((c) => {
          expect(typeof c.function.arguments).toBe('object');
          return actionFromToolCall(c.function.name, c.function.arguments);
        }),
      );
      expect(calls).toEqual(parsedActions);
      for (const l of out) expect(l.tools).toEqual(actionTools());
      if (per === 'trajectory') {
        expect(out[0]!.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'assistant', 'tool', 'assistant']);
        expect(out[0]!.messages[3]).toMatchObject({ role: 'tool', name: 'fill' });
      }
    });
  }

  it('per trajectory: observation turns are user turns with URL and observation', () => {
    const out = lines(run('trl', { per: 'trajectory' })).map((l) => TrlLine.parse(l));
    const first = out[0]!.messages;
    expect(first.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
    expect(first[1]!.content).toBe('OBJECTIVE: Book a flight to Lisbon.\nTODAY: Monday, June 1, 2026\n\nURL: http://skyhop.localhost:8080/\n\nOBSERVATION:\n[5] combobox "To"\n[12] button "Search"');
    expect(first[2]!.content).toBe('Thought: I type the destination.\nAction: fill("5", "Lisbon", press_enter=True)');
    expect(first[3]!.content).toBe('URL: http://skyhop.localhost:8080/\n\nOBSERVATION:\n[12] button "Search"');
  });
});

// ------------------------------------------------------------------ jsonl (lossless)

describe('jsonl exporter', () => {
  it('writes one DatasetRow a line, identical to the input', () => {
    const result = run('jsonl', { per: 'trajectory' });
    expect(result.examples).toBe(ROWS.length);
    expect(lines(result).map((l) => DatasetRow.parse(l))).toEqual(ROWS);
  });
});

// ------------------------------------------------------------------ options, determinism, bad input

describe('options', () => {
  const userTurns = (result: ExportResult) =>
    lines(result)
      .map((l) => TrlLine.parse(l))
      .flatMap((l) => l.messages.filter((m) => m.role === 'user').map((m) => m.content));

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

  it('the same rows give the same bytes, in every format and mode', () => {
    for (const format of ['openai', 'sharegpt', 'trl', 'jsonl'] as const) {
      for (const per of PERS) {
        const a = run(format, { per, maxObsTokens: 80 });
        const b = run(format, { per, maxObsTokens: 80 }, structuredClone(ROWS));
        expect(b).toEqual(a);
      }
    }
  });

  it('refuses a bad row or bad options before producing anything', () => {
    const broken = { ...rowSuccess, id: 'row-broken', steps: [] };
    expect(() => run('openai', { per: 'step' }, [rowSuccess, broken as DatasetRow])).toThrow(InvalidInputError);
    expect(() => run('openai', { per: 'step' }, [broken as DatasetRow])).toThrow(/row-broken/);
    expect(() => run('trl', { per: 'episode' } as unknown as ExportOptions)).toThrow(InvalidInputError);
    expect(() => run('trl', { per: 'step', maxObsTokens: 0 })).toThrow(InvalidInputError);
  });
});

// ------------------------------------------------------------------ dataset card

describe('datasetCard', () => {
  it('reports counts, distributions, steps per row and constraint kinds', () => {
    const card = datasetCard(ROWS, { format: 'trl', per: 'step', examples: PARSED_STEPS, runInfo: { runId: 'r1', seed: 1 } });
    expect(card).toContain('| rows (trajectories) | 3 |');
    expect(card).toContain('| successes | 2 (66.7%) |');
    expect(card).toContain('| salvaged | 1 (33.3%) |');
    expect(card).toContain(`| examples in this export | ${PARSED_STEPS} |`);
    expect(card).toContain('| steps per row (min / median / max) | 3 / 4 / 6 |');
    expect(card).toContain('| synthetic stop steps | 1 |');
    expect(card).toContain('| `forkful` | 1 (33.3%) |');
    expect(card).toContain('| `medium` | 1 (33.3%) |');
    expect(card).toContain('| `exact` | 3 (42.9%) |');
    expect(card).toContain('| runId | r1 |');
    expect(card).toContain('load_dataset("json", data_files="webfoundry_trl_step.jsonl", split="train")');
    expect(datasetCard(ROWS, { format: 'trl', per: 'step', examples: PARSED_STEPS, runInfo: { runId: 'r1', seed: 1 } })).toBe(card);
  });

  it('describes each format with its loading recipe', () => {
    const card = (format: ExportFormat) => datasetCard(ROWS, { format, per: 'trajectory', examples: 3 });
    expect(card('openai')).toContain('purpose="fine-tune"');
    expect(card('openai')).toContain('weight');
    expect(card('sharegpt')).toContain('dataset: webfoundry_trajectory');
    expect(card('sharegpt')).toContain('dataset_info.json');
    expect(card('jsonl')).toContain('DatasetRow');
  });
});
