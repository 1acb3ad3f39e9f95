import { WebFoundryError } from '../../core/errors.js';
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

/** The corrective turn after a reply that could not be used. */
export const CORRECTION = 'Your reply could not be used. Reply with the JSON object asked for and nothing else.';

/** Asks, reads the reply; one corrective retry. The value (undefined when neither reply could be used) and the last reply. */
async function ask<T>(provider: ModelProvider, messages: ChatMessage[], read: (v: Record<string, unknown>) => T | undefined): Promise<{ value: T | undefined; last: string }> {
  let r = await provider.chat({ messages, temperature: 0 });
  let v = jsonOf(r.content);
  let out = v ? read(v) : undefined;
  if (out === undefined) {
    r = await provider.chat({ messages: [...messages, { role: 'assistant', content: r.content }, { role: 'user', content: CORRECTION }], temperature: 0 });
    v = jsonOf(r.content);
    out = v ? read(v) : undefined;
  }
  return { value: out, last: r.content };
}

/** Asks, reads one JSON field; one corrective retry, then undefined. */
export async function askFor<T>(provider: ModelProvider, messages: ChatMessage[], read: (v: Record<string, unknown>) => T | undefined): Promise<T | undefined> {
  return (await ask(provider, messages, read)).value;
}

/** A model's reply that was not what was asked, twice (the ask and its corrective retry). */
export class UnusableReplyError extends WebFoundryError {
  override name = 'UnusableReplyError';
}

/** As askFor, but a reply unusable twice is a clear error naming who asked (`what`) and quoting the last reply. */
export async function askOrThrow<T>(provider: ModelProvider, messages: ChatMessage[], read: (v: Record<string, unknown>) => T | undefined, what: string): Promise<T> {
  const r = await ask(provider, messages, read);
  if (r.value !== undefined) return r.value;
  const quoted = r.last.replace(/\s+/g, ' ').trim().slice(0, 200);
  throw new UnusableReplyError(`${what}: the model's reply was not the JSON asked for, twice (after one corrective retry); last reply: ${JSON.stringify(quoted)}`, { hint: 'check that --model follows instructions to reply with JSON, or try another model' });
}
