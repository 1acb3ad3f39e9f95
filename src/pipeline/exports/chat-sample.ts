import type { ExportTool } from './export-tools.js';

/** A message as Hugging Face chat templates read it (tool-call arguments as a dict). */
export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string; tool_calls?: { type: 'function'; function: { name: string; arguments: Record<string, unknown> } }[] }
  | { role: 'tool'; name: string; content: string };

/**
 * One exported example in a trainer-neutral form, so the dataset card can count its tokens with
 * a real tokenizer and chat template whatever the file format is.
 * - `conversation`: the whole example is one sequence; `trained[i]` says whether message i is
 *   learned (assistant turns with loss).
 * - `prompt`: an RL prompt; the model generates after it (generation prompt added).
 */
export type ChatSample =
  | { kind: 'conversation'; messages: ChatMessage[]; trained: boolean[]; tools?: ExportTool[] }
  | { kind: 'prompt'; messages: ChatMessage[]; tools?: ExportTool[] };
