/** Exporters: lossless dataset rows in, trainer files and a dataset card out. Pure; the CLI writes the files. */
export { EXPORTERS } from './exporters.js';
export { exportWithCard, type CardInfo } from './export-with-card.js';
export { datasetCard, type DatasetCardOptions } from './dataset-card.js';
export { actionFromToolCall, actionTools } from './action-tools.js';
export { systemPrompt } from './prompt.js';
export { ExportFormat, ExportGranularity, ExportOptions, TOOL_CALL_FORMATS, type Exporter, type ExportFile, type ExportResult } from './types.js';
