/** Exporters: lossless dataset rows in, trainer files and a dataset card out (pure); writeExport puts them on disk, card last. */
export { EXPORTERS } from './exporters.js';
export { exportWithCard, type CardInfo } from './export-with-card.js';
export { datasetCard, type DatasetCardOptions } from './dataset-card.js';
export { actionFromToolCall, actionTools } from './action-tools.js';
export { systemPrompt } from './prompt.js';
export { CARD_FILE, writeExport } from './write-export.js';
export { ExportFormat, ExportGranularity, ExportOptions, TOOL_CALL_FORMATS, type Exporter, type ExportFile, type ExportResult } from './types.js';
