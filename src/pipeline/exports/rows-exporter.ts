import { DatasetRow } from '../../core/schemas/dataset.js';
import { checkInput } from './check-input.js';
import { dataFileName } from './file-names.js';
import { checkLines, toJsonl } from './json-lines.js';
import type { Exporter } from './types.js';

/**
 * Our lossless format: one DatasetRow a line, exactly as the schema parses it. `per` has no
 * effect (a row is a trajectory); every other format can be regenerated from this file.
 */
export const rowsExporter: Exporter = {
  format: 'jsonl',
  export(input, options) {
    const { rows, opts } = checkInput(input, options);
    checkLines(DatasetRow, rows, 'jsonl');
    return { files: [{ name: dataFileName('jsonl', opts.per), content: toJsonl(rows) }], examples: rows.length };
  },
};
