/** Exporters: lossless dataset rows in, trainer files out. Pure; the CLI writes the files. */
import { openaiExporter } from './openai-exporter.js';
import { rowsExporter } from './rows-exporter.js';
import { sharegptExporter } from './sharegpt-exporter.js';
import { trlExporter } from './trl-exporter.js';
import type { Exporter, ExportFormat } from './types.js';

export const EXPORTERS: Readonly<Record<ExportFormat, Exporter>> = {
  openai: openaiExporter,
  sharegpt: sharegptExporter,
  trl: trlExporter,
  jsonl: rowsExporter,
};

export { datasetCard, type DatasetCardOptions } from './dataset-card.js';
export { actionFromToolCall, actionTools } from './action-tools.js';
export { systemPrompt } from './prompt.js';
export { ExportFormat, ExportGranularity, ExportOptions, type Exporter, type ExportFile, type ExportResult } from './types.js';
