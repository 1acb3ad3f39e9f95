import type { ExportFormat, ExportGranularity } from './types.js';

/** The main file of an export, e.g. `webfoundry_openai_step.jsonl`; distinct per format and mode. */
export function dataFileName(format: ExportFormat, per: ExportGranularity): string {
  return format === 'jsonl' ? 'webfoundry_rows.jsonl' : `webfoundry_${format}_${per}.jsonl`;
}

/** The LLaMA-Factory dataset name registered in dataset_info.json. */
export function shareGptDatasetName(per: ExportGranularity): string {
  return `webfoundry_${per}`;
}
