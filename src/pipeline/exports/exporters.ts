import { openaiExporter } from './openai-exporter.js';
import { reactExporter } from './react-exporter.js';
import { rowsExporter } from './rows-exporter.js';
import { sharegptExporter } from './sharegpt-exporter.js';
import { trlExporter } from './trl-exporter.js';
import type { Exporter, ExportFormat } from './types.js';
import { verlExporter } from './verl-exporter.js';

/** Every exporter by format. */
export const EXPORTERS: Readonly<Record<ExportFormat, Exporter>> = {
  openai: openaiExporter,
  sharegpt: sharegptExporter,
  trl: trlExporter,
  verl: verlExporter,
  react: reactExporter,
  jsonl: rowsExporter,
};
