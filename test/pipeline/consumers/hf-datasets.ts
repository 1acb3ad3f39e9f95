/**
 * What Hugging Face `datasets` needs from a JSON Lines file, reproduced from huggingface/datasets:
 * - src/datasets/packaged_modules/json/json.py: the file is read in `chunksize = 10 << 20` byte
 *   chunks, each by `pyarrow.json.read_json`, which infers one Arrow type per column (a column
 *   that changes JSON type raises "Column(...) changed from X to Y");
 * - src/datasets/arrow_writer.py (`ArrowWriter.write_table`, 2.16.0 onwards): every later chunk
 *   is cast to the schema of the first, so a struct with other keys, a list that was empty (null
 *   items) or an int column that later holds 199.5 fails to load before 4.7;
 * - src/datasets/utils/json.py (`find_mixed_struct_types_field_paths`, 4.7+): lists of dicts
 *   whose key sets differ become the `Json` type.
 * A file is safe for every version when every line has the same Arrow type.
 */
export type ArrowType = string;

/** A number whose JSON text has a fraction or an exponent: pyarrow types it double even when it is whole ("1.0"). */
class DoubleText {
  constructor(readonly value: number) {}
}

/**
 * JSON.parse that keeps what pyarrow sees in the text: numbers written with "." or an exponent
 * come back as DoubleText (JSON.parse alone turns "1.0" into 1).
 */
export function parseKeepingNumberText(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i]!;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (/[-0-9]/.test(c)) {
      const m = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i))![0];
      out += /[.eE]/.test(m) ? `{"__double__":${m}}` : m;
      i += m.length - 1;
    } else out += c;
  }
  return JSON.parse(out, (_k, v: unknown) => (typeof v === 'object' && v !== null && '__double__' in v ? new DoubleText((v as { __double__: number }).__double__) : v));
}

/** The Arrow type pyarrow infers for one JSON value (struct fields sorted: key order does not matter). */
export function arrowType(v: unknown): ArrowType {
  if (v === null) return 'null';
  if (v instanceof DoubleText) return 'double';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'double';
  if (Array.isArray(v)) {
    const items = [...new Set(v.map(arrowType))];
    return `list<${items.length === 0 ? 'null' : items.length === 1 ? items[0] : `MIXED(${items.join('|')})`}>`;
  }
  const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `struct<${entries.map(([k, x]) => `${k}:${arrowType(x)}`).join(',')}>`;
}

/** Lines whose Arrow type differs from the first line's (empty: one type per column in every chunk). */
export function linesOfAnotherType(jsonl: string): number[] {
  const types = jsonl.trimEnd().split('\n').map((l) => arrowType(parseKeepingNumberText(l)));
  return types.flatMap((t, i) => (t === types[0] && !t.includes('MIXED') ? [] : [i]));
}

/** A port of datasets' `find_mixed_struct_types_field_paths` (src/datasets/utils/json.py, 4.7+). */
export function findMixedStructTypesFieldPaths(examples: unknown[]): (string | number)[][] {
  const out: (string | number)[][] = [];
  const queue: [(string | number)[], unknown[]][] = [[[], examples.filter((x) => x !== null)]];
  const isDict = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  while (queue.length > 0) {
    const [path, content] = queue.shift()!;
    if (content.every(isDict)) {
      const keys = (x: Record<string, unknown>) => JSON.stringify(Object.keys(x).sort());
      const first = content[0] as Record<string, unknown> | undefined;
      if (path.length > 0 && first !== undefined && (content.some((x) => keys(x as Record<string, unknown>) !== keys(first)) || Object.keys(first).length === 0)) out.push(path);
      else {
        const fields = new Set(content.flatMap((x) => Object.keys(x as Record<string, unknown>)));
        for (const f of fields) {
          const sub = content.map((x) => (x as Record<string, unknown>)[f]).filter((x) => x !== undefined && x !== null);
          if (sub.length > 0) queue.push([[...path, f], sub]);
        }
      }
    } else if (content.every(Array.isArray)) {
      const sub = (content as unknown[][]).flat().filter((x) => x !== null);
      if (sub.length > 0) queue.push([[...path, 0], sub]);
    } else if (content.some((x) => typeof x === 'object' && x !== null)) out.push(path);
  }
  return out;
}
