import { z } from 'zod';
import type { DatasetRow } from '../../core/schemas/dataset.js';

export const ExportFormat = z.enum(['openai', 'sharegpt', 'trl', 'jsonl']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** One example per step (NNetNav style), or one multi-turn conversation per row. */
export const ExportGranularity = z.enum(['step', 'trajectory']);
export type ExportGranularity = z.infer<typeof ExportGranularity>;

export const ExportOptions = z.strictObject({
  per: ExportGranularity,
  /** Cut each observation to about this many tokens (ceil(chars / 4)), at a line boundary. */
  maxObsTokens: z.number().int().min(1).optional(),
  /** Previous actions shown in a per-step prompt (default 5; 0 hides the section). */
  historyLength: z.number().int().min(0).optional(),
  /** Replaces the built-in system prompt. */
  systemPrompt: z.string().min(1).optional(),
  /** trl only: structured `tool_calls` instead of text actions (default false, see trl.ts). */
  toolCalls: z.boolean().optional(),
});
export type ExportOptions = z.infer<typeof ExportOptions>;

export interface ExportFile {
  readonly name: string;
  readonly content: string;
}

export interface ExportResult {
  /** Files to write side by side; the CLI owns the disk. */
  readonly files: ExportFile[];
  /** Training examples written: lines of the main file. */
  readonly examples: number;
}

/** Turns lossless dataset rows into one trainer's format. Pure: same rows, same bytes. */
export interface Exporter {
  readonly format: ExportFormat;
  export(rows: readonly DatasetRow[], opts: ExportOptions): ExportResult;
}
