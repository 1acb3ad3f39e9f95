import { jsonTextPaths } from '../../core/json-columns.js';
import { DatasetRow } from '../../core/schemas/dataset.js';
import type { ChatSample } from './chat-sample.js';
import { openaiCounter, qwen3Counter, tokenStats, type TokenCounter, type TokenStats } from './card-tokens.js';
import { datasetCard } from './dataset-card.js';
import { exportTools } from './export-tools.js';
import { EXPORTERS } from './exporters.js';
import type { ExportFile, ExportFormat, ExportGranularity, ExportOptions } from './types.js';

export interface CardInfo {
  runInfo?: Record<string, string | number | boolean>;
  license?: string;
}

const conversations = (samples: readonly ChatSample[]): ChatSample[] => samples.filter((s) => s.kind === 'conversation');

/**
 * One export with its dataset card (README.md): the trainer's files, plus token statistics of
 * this mode and of the other one (so the card can say what each would need), counted with the
 * tokenizer that fits the trainer (card-tokens.ts).
 */
export async function exportWithCard(
  rows: readonly DatasetRow[],
  format: ExportFormat,
  options: ExportOptions,
  info: CardInfo = {},
): Promise<{ files: ExportFile[]; examples: number }> {
  const result = EXPORTERS[format].export(rows, options);
  const tokens: Partial<Record<ExportGranularity, TokenStats>> = {};
  let promptTokens: TokenStats | undefined;
  if (format !== 'jsonl') {
    const counter: TokenCounter = format === 'openai' ? await openaiCounter() : await qwen3Counter();
    const other: ExportGranularity = options.per === 'step' ? 'trajectory' : 'step';
    tokens[options.per] = tokenStats(conversations(result.samples), counter);
    tokens[other] = tokenStats(conversations(EXPORTERS[format].export(rows, { ...options, per: other }).samples), counter);
    if (format === 'verl') promptTokens = tokenStats(result.samples.filter((s) => s.kind === 'prompt'), counter);
  }
  const toolCalls = options.toolCalls === true;
  const card = datasetCard(rows, {
    format,
    per: options.per,
    examples: result.examples,
    toolCalls,
    ...(toolCalls ? { tools: exportTools(rows) } : {}),
    ...(options.maxObsTokens !== undefined ? { maxObsTokens: options.maxObsTokens } : {}),
    tokens,
    ...(promptTokens ? { promptTokens } : {}),
    ...(format === 'jsonl' ? { jsonTextPaths: jsonTextPaths(DatasetRow) } : {}),
    ...(info.license ? { license: info.license } : {}),
    ...(info.runInfo ? { runInfo: info.runInfo } : {}),
  });
  return { files: [...result.files, { name: 'README.md', content: card }], examples: result.examples };
}
