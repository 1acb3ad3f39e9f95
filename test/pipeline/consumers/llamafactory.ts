/**
 * LLaMA-Factory's reading of a ShareGPT function_call turn, reproduced from hiyouga/LLaMA-Factory
 * src/llamafactory/data/formatter.py (`FunctionFormatter.apply`) and data/template.py
 * (`register_template` thought_words / tool_call_words defaults; `Template._encode` passes them,
 * `Llama2Template._encode` does not), at v0.9.3, v0.9.4 and v0.9.5. Returns the thought that
 * is put back in front of the formatted call and the parsed calls, or throws as the Python
 * code does (RuntimeError "Invalid JSON format in function message", KeyError on a missing key).
 */
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Python's json.loads: JSON with surrounding whitespace allowed (same as JSON.parse). */
function jsonLoads(text: string, content: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`RuntimeError: Invalid JSON format in function message: ${JSON.stringify([content])}`);
  }
}

function parseFunctions(json: string, content: string): { name: string; arguments: unknown }[] {
  const parsed = jsonLoads(json, content);
  const calls = Array.isArray(parsed) ? parsed : [parsed];
  return calls.map((c) => {
    const call = c as Record<string, unknown>;
    if (!('name' in call) || !('arguments' in call)) throw new Error('KeyError: name/arguments');
    return { name: String(call.name), arguments: call.arguments };
  });
}

/** v0.9.3: `re.search(r"<think>(.*)</think>", content, re.DOTALL)`, removed with str.replace, then json.loads. */
export function functionFormatterV093(content: string): { thought: string | null; calls: { name: string; arguments: unknown }[] } {
  const m = /<think>([\s\S]*)<\/think>/.exec(content);
  const rest = m ? content.split(m[0]).join('') : content;
  return { thought: m ? m[0] : null, calls: parseFunctions(rest, content) };
}

export const DEFAULT_THOUGHT_WORDS_V094: [string, string] = ['<think>\n', '\n</think>\n\n'];
export const DEFAULT_TOOL_CALL_WORDS_V094: [string, string] = ['<tool_call>', '</tool_call>'];

/** v0.9.4 / v0.9.5: tool_call_words first, then thought_words (None for Llama2Template templates). */
export function functionFormatterV094(
  content: string,
  thoughtWords: [string, string] | null = DEFAULT_THOUGHT_WORDS_V094,
  toolCallWords: [string, string] | null = DEFAULT_TOOL_CALL_WORDS_V094,
): { thought: string | null; calls: { name: string; arguments: unknown }[] } {
  const tc = toolCallWords ? new RegExp(`${escape(toolCallWords[0])}([\\s\\S]*?)${escape(toolCallWords[1])}`).exec(content) : null;
  if (tc) return { thought: content.split(tc[0]).join(''), calls: parseFunctions(tc[1]!, content) };
  const tm = thoughtWords ? new RegExp(`${escape(thoughtWords[0])}([\\s\\S]*?)${escape(thoughtWords[1])}`).exec(content) : null;
  const json = tm ? content.split(tm[0]).join('') : content;
  return { thought: tm ? tm[0] : null, calls: parseFunctions(json, content) };
}

/** `Template.remove_thought` (v0.9.4+), used when enable_thinking is False. */
export function removeThought(content: string, thoughtWords: [string, string] = DEFAULT_THOUGHT_WORDS_V094): string {
  return content.replace(new RegExp(`${escape(thoughtWords[0])}([\\s\\S]*?)${escape(thoughtWords[1])}`, 'g'), '').replace(/^\n+/, '');
}

/** data/converter.py `SharegptDatasetConverter`: alternation and an even turn count, else the example is skipped. */
export function sharegptConverterAccepts(conversations: { from: string }[]): boolean {
  const accept = [['human', 'observation'], ['gpt', 'function_call']];
  return conversations.every((t, i) => accept[i % 2]!.includes(t.from)) && conversations.length % 2 === 0;
}
