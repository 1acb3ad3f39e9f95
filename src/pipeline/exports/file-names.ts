import type { ExportFormat, ExportGranularity } from './types.js';

/** The main file of an export, e.g. `webfoundry_openai_step.jsonl`; distinct per format and mode. */
export function dataFileName(format: Exclude<ExportFormat, 'verl'>, per: ExportGranularity): string {
  return format === 'jsonl' ? 'webfoundry_rows.jsonl' : `webfoundry_${format}_${per}.jsonl`;
}

/** verl's two files: multi-turn SFT (per step or trajectory) and RL prompts (one row per task). */
export function verlFileNames(per: ExportGranularity): { sft: string; rl: string } {
  return { sft: `webfoundry_verl_sft_${per}.parquet`, rl: 'webfoundry_verl_rl.parquet' };
}

/** The LLaMA-Factory dataset name registered in dataset_info.json. */
export function shareGptDatasetName(per: ExportGranularity): string {
  return `webfoundry_${per}`;
}
