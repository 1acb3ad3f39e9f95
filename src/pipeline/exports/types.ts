import { z } from 'zod';
import type { DatasetRow } from '../../core/schemas/dataset.js';
import type { ChatSample } from './chat-sample.js';

export const ExportFormat = z.enum(['openai', 'sharegpt', 'trl', 'verl', 'react', 'jsonl']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** One example per step (NNetNav style), or one multi-turn conversation per row. */
export const ExportGranularity = z.enum(['step', 'trajectory']);
export type ExportGranularity = z.infer<typeof ExportGranularity>;

/** The formats whose examples can carry structured tool calls (`toolCalls`); the others refuse it. */
export const TOOL_CALL_FORMATS: readonly ExportFormat[] = ['openai', 'sharegpt', 'trl'];

export const ExportOptions = z.strictObject({
  per: ExportGranularity,
  /** Cut each observation to about this many tokens (ceil(chars / 4)), at a line boundary. */
  maxObsTokens: z.number().int().min(1).optional(),
  /** Previous actions shown in a per-step prompt (default 5; 0 hides the section). */
  historyLength: z.number().int().min(0).optional(),
  /** Replaces the built-in system prompt. */
  systemPrompt: z.string().min(1).optional(),
  /**
   * Actions as structured tool calls with a `tools` list (openai, sharegpt, trl) instead of the
   * default text actions ("Thought: ...\nAction: click(\"12\")"). Refused by jsonl (the rows keep
   * both the text and the parsed action) and verl (see verl-exporter.ts).
   */
  toolCalls: z.boolean().optional(),
});
export type ExportOptions = z.infer<typeof ExportOptions>;

export interface ExportFile {
  readonly name: string;
  /** Text files as strings, binary ones (parquet) as bytes. */
  readonly content: string | Uint8Array;
}

export interface ExportResult {
  /** Files to write side by side; the CLI owns the disk. */
  readonly files: ExportFile[];
  /** Training examples written: lines (or rows) of the main file. */
  readonly examples: number;
  /**
   * The examples as chat messages, for the dataset card's token counts (card-tokens.ts); empty
   * for the lossless rows, which are not trained on as written.
   */
  readonly samples: ChatSample[];
}

/** Turns lossless dataset rows into one trainer's format. Pure: same rows, same bytes. */
export interface Exporter {
  readonly format: ExportFormat;
  export(rows: readonly DatasetRow[], opts: ExportOptions): ExportResult;
}
