import type { ChatMessage, ModelProvider } from '../../models/provider.js';

/** The JSON object in a model's reply: fenced, or the outermost braces; undefined when there is none. */
export function jsonOf(text: string): Record<string, unknown> | undefined {
  const fenced = /```[a-zA-Z]*\s*\n?([\s\S]*?)```/.exec(text)?.[1];
  const a = text.indexOf('{');
  const b = text.lastIndexOf('}');
  const raw = fenced ?? (a >= 0 && b > a ? text.slice(a, b + 1) : undefined);
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Asks, reads one JSON field; one corrective retry, then undefined. */
export async function askFor<T>(provider: ModelProvider, messages: ChatMessage[], read: (v: Record<string, unknown>) => T | undefined): Promise<T | undefined> {
  let r = await provider.chat({ messages, temperature: 0 });
  let v = jsonOf(r.content);
  let out = v ? read(v) : undefined;
  if (out === undefined) {
    r = await provider.chat({ messages: [...messages, { role: 'assistant', content: r.content }, { role: 'user', content: 'Your reply could not be used. Reply with the JSON object asked for and nothing else.' }], temperature: 0 });
    v = jsonOf(r.content);
    out = v ? read(v) : undefined;
  }
  return out;
}
