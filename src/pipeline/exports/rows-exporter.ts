import { InvalidInputError } from '../../core/errors.js';
import { writeColumnar } from '../../core/json-columns.js';
import { DatasetRow } from '../../core/schemas/dataset.js';
import { checkInput } from './check-input.js';
import { dataFileName } from './file-names.js';
import { checkLines } from './json-lines.js';
import type { Exporter } from './types.js';

/**
 * Our lossless format: one DatasetRow a line, every other format can be regenerated from it.
 * Lines are written in the schema's columnar shape (core/json-columns.ts): the fields whose
 * JSON type varies from row to row (constraints, records, optional and nullable fields) are JSON
 * text, so `datasets` of any version loads the file with one type per column;
 * `readColumnar(DatasetRow, line)` (or `json.loads` on those fields) gives the row back.
 * `per` has no effect (a row is a trajectory).
 */
export const rowsExporter: Exporter = {
  format: 'jsonl',
  export(input, options) {
    const { rows, opts } = checkInput(input, options);
    if (opts.toolCalls) {
      throw new InvalidInputError('--tool-calls has no meaning for jsonl: every row keeps both the action text and the parsed action', {
        hint: 'drop --tool-calls, or export openai, sharegpt or trl with it',
      });
    }
    checkLines(DatasetRow, rows, 'jsonl');
    const content = rows.map((r) => writeColumnar(DatasetRow, r) + '\n').join('');
    return { files: [{ name: dataFileName('jsonl', opts.per), content }], examples: rows.length, samples: [] };
  },
};
