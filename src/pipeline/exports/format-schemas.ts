/**
 * The trainers' line formats as zod schemas, written from their documentation (not from our
 * exporters), so tests and exporters can check every line we write against what the trainer
 * reads. Sources:
 *
 * - OpenAI supervised fine-tuning, chat format: each line is `FineTuneChatRequestInput`
 *   `{messages, tools?, parallel_tool_calls?}` (OpenAI OpenAPI spec 2.3.0, as generated in
 *   docs.rs/openai-client-base `FineTuneChatCompletionRequestAssistantMessage`: `weight` "Controls
 *   whether the assistant message is trained against (0 or 1)"; `tool_calls`; tools 1-128).
 *   Tool-call `function.arguments` is a JSON *string* (learn.microsoft.com/azure/ai-services/
 *   openai/how-to/fine-tuning-functions, "Constructing a training file"), and a tool reply is
 *   `{"role": "tool", "tool_call_id", "content"}`. The fine-tuning guide: "To skip fine-tuning on
 *   specific assistant messages, a weight key can be added ... allowed values ... 0 or 1".
 * - LLaMA-Factory ShareGPT (hiyouga/LLaMA-Factory data/README.md, "Sharegpt Format"): rows
 *   `{conversations: [{from, value}], system?, tools?}`; "human and observation should appear in
 *   odd positions, while gpt and function should appear in even positions"; the converter
 *   (src/llamafactory/data/converter.py, SharegptDatasetConverter) also drops an example whose
 *   turn count is odd. A function_call value is JSON `{"name", "arguments": {...}}` (or a list),
 *   optionally preceded by a thought in the template's thought words, `<think>...</think>` by
 *   default (data/formatter.py FunctionFormatter; data/template.py register_template).
 *   `tools` is a JSON string of the tool list (data/formatter.py ToolFormatter json.loads it).
 *   dataset_info.json entries: `file_name`, `formatting: "sharegpt"`, `columns` {messages, system,
 *   tools}, `tags` {role_tag, content_tag, user_tag, assistant_tag, observation_tag, function_tag}.
 * - TRL (huggingface/trl docs/source/dataset_formats.md, "Conversational" and "Tool Calling"):
 *   `{"messages": [{"role", "content"}]}`; an assistant tool call is
 *   `{"role": "assistant", "tool_calls": [{"type": "function", "function": {"name", "arguments":
 *   {...}}}]}` with arguments as a dict, the reply `{"role": "tool", "name", "content"}`, and the
 *   tool schemas in a `tools` column.
 */
import { z } from 'zod';

const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A JSON-schema function definition, as OpenAI, LLaMA-Factory and transformers read it. */
export const FunctionToolSchema = z.strictObject({
  type: z.literal('function'),
  function: z.strictObject({
    name: z.string().regex(FUNCTION_NAME),
    description: z.string().optional(),
    parameters: z.looseObject({ type: z.literal('object'), properties: z.record(z.string(), z.unknown()) }),
  }),
});

// ---------------------------------------------------------------- OpenAI chat fine-tuning

export const OpenAIToolCall = z.strictObject({
  id: z.string().min(1),
  type: z.literal('function'),
  function: z.strictObject({
    name: z.string().regex(FUNCTION_NAME),
    arguments: z.string().refine((s) => isObject(parseJson(s)), 'arguments must be a JSON object encoded as a string'),
  }),
});

export const OpenAIMessage = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('system'), content: z.string() }),
  z.strictObject({ role: z.literal('user'), content: z.string() }),
  z
    .strictObject({
      role: z.literal('assistant'),
      content: z.string().nullable().optional(),
      tool_calls: z.array(OpenAIToolCall).min(1).optional(),
      weight: z.union([z.literal(0), z.literal(1)]).optional(),
    })
    .refine((m) => (m.content ?? '') !== '' || m.tool_calls !== undefined, 'an assistant message needs content or tool_calls'),
  z.strictObject({ role: z.literal('tool'), tool_call_id: z.string().min(1), content: z.string() }),
]);
export type OpenAIMessage = z.infer<typeof OpenAIMessage>;

export const OpenAIChatLine = z
  .strictObject({
    messages: z.array(OpenAIMessage).min(1),
    tools: z.array(FunctionToolSchema).min(1).max(128).optional(),
    parallel_tool_calls: z.boolean().optional(),
  })
  .superRefine((line, ctx) => {
    const declared = new Set((line.tools ?? []).map((t) => t.function.name));
    const open = new Set<string>();
    line.messages.forEach((m, i) => {
      if (m.role === 'assistant') {
        for (const call of m.tool_calls ?? []) {
          if (!declared.has(call.function.name)) ctx.addIssue({ code: 'custom', path: ['messages', i], message: `tool ${call.function.name} is not in tools` });
          open.add(call.id);
        }
      }
      if (m.role === 'tool' && !open.has(m.tool_call_id)) {
        ctx.addIssue({ code: 'custom', path: ['messages', i], message: `tool reply to unknown call ${m.tool_call_id}` });
      }
    });
    // openai-cookbook "Chat fine-tuning data prep" rejects lines with a missing assistant message.
    if (!line.messages.some((m) => m.role === 'assistant')) ctx.addIssue({ code: 'custom', path: ['messages'], message: 'no assistant message to train on' });
  });
export type OpenAIChatLine = z.infer<typeof OpenAIChatLine>;

// ---------------------------------------------------------------- LLaMA-Factory ShareGPT

export const SHAREGPT_ODD = ['human', 'observation'] as const;
export const SHAREGPT_EVEN = ['gpt', 'function_call'] as const;

/** `<think>...</think>` (optional), then the JSON call; returns the call or undefined. */
export function parseShareGptFunctionCall(value: string): { thought: string | null; call: { name: string; arguments: Record<string, unknown> } } | undefined {
  const m = /^<think>([\s\S]*?)<\/think>/.exec(value);
  const json = parseJson(m ? value.slice(m[0].length) : value);
  if (!isObject(json) || typeof json.name !== 'string' || !isObject(json.arguments)) return undefined;
  return { thought: m ? m[1]! : null, call: { name: json.name, arguments: json.arguments } };
}

export const ShareGptTurn = z.strictObject({
  from: z.enum([...SHAREGPT_ODD, ...SHAREGPT_EVEN]),
  value: z.string(),
});

export const ShareGptLine = z
  .strictObject({
    conversations: z.array(ShareGptTurn).min(2),
    system: z.string().optional(),
    tools: z.string().optional(),
  })
  .superRefine((line, ctx) => {
    // Positions are 1-based in the docs: odd = human/observation, even = gpt/function_call.
    line.conversations.forEach((t, i) => {
      const allowed: readonly string[] = i % 2 === 0 ? SHAREGPT_ODD : SHAREGPT_EVEN;
      if (!allowed.includes(t.from)) ctx.addIssue({ code: 'custom', path: ['conversations', i], message: `${t.from} at position ${i + 1}; expected ${allowed.join(' or ')}` });
      if (t.from === 'function_call' && parseShareGptFunctionCall(t.value) === undefined) {
        ctx.addIssue({ code: 'custom', path: ['conversations', i], message: 'function_call value must be JSON {"name", "arguments": {...}}' });
      }
    });
    if (line.conversations.length % 2 !== 0) ctx.addIssue({ code: 'custom', path: ['conversations'], message: 'odd number of turns: LLaMA-Factory skips the example' });
    if (line.tools !== undefined) {
      const tools = parseJson(line.tools);
      if (!Array.isArray(tools) || !tools.every((t) => FunctionToolSchema.safeParse(t).success)) {
        ctx.addIssue({ code: 'custom', path: ['tools'], message: 'tools must be a JSON string of function definitions' });
      }
    }
  });
export type ShareGptLine = z.infer<typeof ShareGptLine>;

export const ShareGptDatasetInfoEntry = z.strictObject({
  file_name: z.string().min(1),
  formatting: z.literal('sharegpt'),
  columns: z.strictObject({ messages: z.string(), system: z.string().optional(), tools: z.string().optional() }),
  tags: z
    .strictObject({
      role_tag: z.string(),
      content_tag: z.string(),
      user_tag: z.string(),
      assistant_tag: z.string(),
      observation_tag: z.string(),
      function_tag: z.string(),
    })
    .optional(),
});
export const ShareGptDatasetInfo = z.record(z.string().min(1), ShareGptDatasetInfoEntry);
export type ShareGptDatasetInfo = z.infer<typeof ShareGptDatasetInfo>;

// ---------------------------------------------------------------- TRL conversational

export const TrlToolCall = z.strictObject({
  type: z.literal('function'),
  function: z.strictObject({ name: z.string().regex(FUNCTION_NAME), arguments: z.record(z.string(), z.unknown()) }),
});

export const TrlMessage = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('system'), content: z.string() }),
  z.strictObject({ role: z.literal('user'), content: z.string() }),
  z
    .strictObject({ role: z.literal('assistant'), content: z.string().optional(), tool_calls: z.array(TrlToolCall).min(1).optional() })
    .refine((m) => (m.content ?? '') !== '' || m.tool_calls !== undefined, 'an assistant message needs content or tool_calls'),
  z.strictObject({ role: z.literal('tool'), name: z.string().regex(FUNCTION_NAME), content: z.string() }),
]);
export type TrlMessage = z.infer<typeof TrlMessage>;

/** A JSON string holding a list of function tools (how TRL and LLaMA-Factory take a `tools` column). */
const ToolsJson = z.string().refine((s) => {
  const tools = parseJson(s);
  return Array.isArray(tools) && tools.length > 0 && tools.every((t) => FunctionToolSchema.safeParse(t).success);
}, 'tools must be a JSON string of function definitions');

const usesTools = (messages: readonly TrlMessage[]): boolean => messages.some((m) => m.role === 'tool' || (m.role === 'assistant' && m.tool_calls !== undefined));

/**
 * TRL conversational language modeling `{messages}` or conversational prompt-completion
 * `{prompt, completion}` (docs/source/dataset_formats.md), with an optional `tools` column.
 */
export const TrlLine = z
  .union([
    z.strictObject({ messages: z.array(TrlMessage).min(2), tools: ToolsJson.optional() }),
    z.strictObject({ prompt: z.array(TrlMessage).min(1), completion: z.array(TrlMessage).min(1), tools: ToolsJson.optional() }),
  ])
  .superRefine((line, ctx) => {
    const messages = 'messages' in line ? line.messages : [...line.prompt, ...line.completion];
    if (usesTools(messages) && line.tools === undefined) ctx.addIssue({ code: 'custom', path: ['tools'], message: 'tool calls need a tools column' });
    if ('completion' in line && !line.completion.every((m) => m.role === 'assistant')) ctx.addIssue({ code: 'custom', path: ['completion'], message: 'a completion holds assistant messages' });
  });
export type TrlLine = z.infer<typeof TrlLine>;

// ---------------------------------------------------------------- WebDancer / WebSailor ReAct

const ReactMessage = z.strictObject({ role: z.enum(['system', 'user', 'assistant']), content: z.string() });

/**
 * One line of the ReAct export: the fields WebSailor's `MultiTurnReactAgent._run` writes for a
 * run (question, answer, messages, prediction, termination) plus the row id. The messages
 * alternate user and assistant after the system turn, every assistant turn holding a
 * `<tool_call>` or the final `<answer>` (WebAgent/WebSailor/src/react_agent.py).
 */
export const ReactLine = z
  .strictObject({
    id: z.string().min(1),
    question: z.string(),
    answer: z.string().nullable(),
    messages: z.array(ReactMessage).min(3),
    prediction: z.string().nullable(),
    termination: z.enum(['answer', 'exceed available llm calls']),
  })
  .superRefine((line, ctx) => {
    const m = line.messages;
    if (m[0]!.role !== 'system') ctx.addIssue({ code: 'custom', message: 'the first message is the system turn' });
    m.slice(1).forEach((x, i) => {
      if (x.role !== (i % 2 === 0 ? 'user' : 'assistant')) ctx.addIssue({ code: 'custom', message: `message ${i + 1} should be ${i % 2 === 0 ? 'user' : 'assistant'}` });
    });
    if (m[m.length - 1]!.role !== 'assistant') ctx.addIssue({ code: 'custom', message: 'the last message is an assistant turn' });
  });
export type ReactLine = z.infer<typeof ReactLine>;
