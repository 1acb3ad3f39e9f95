/**
 * Parquet files from rows, with a fixed Arrow schema: apache-arrow builds the columns and
 * parquet-wasm (the Rust `parquet` crate of arrow-rs, compiled to WebAssembly, no native build and
 * no download at install or run time) writes them. Its files carry the Arrow schema in their
 * metadata, so pyarrow, pandas and `datasets` read back exactly these types.
 */
import { Field, List, Schema, Struct, Table, Utf8, Int32, tableToIPC, vectorFromArray, type DataType } from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/node';

/** The column types the exports need; every field is required (never null). */
export type ParquetType = 'string' | 'int32' | { list: ParquetType } | { struct: [string, ParquetType][] };

function arrowType(t: ParquetType): DataType {
  if (t === 'string') return new Utf8();
  if (t === 'int32') return new Int32();
  if ('list' in t) return new List(new Field('element', arrowType(t.list), false));
  return new Struct(t.struct.map(([name, type]) => new Field(name, arrowType(type), false)));
}

/** Rows per record batch: keeps each string buffer far below Arrow's 2 GiB offset limit. */
const BATCH_ROWS = 1024;

/** Writes `rows` (objects with exactly the schema's fields) as one Parquet file, Snappy-compressed. */
export function parquetBytes(columns: readonly [string, ParquetType][], rows: readonly Record<string, unknown>[]): Uint8Array {
  const schema = new Schema(columns.map(([name, type]) => new Field(name, arrowType(type), false)));
  const batches: Table['batches'] = [];
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const slice = rows.slice(start, start + BATCH_ROWS);
    const vectors = Object.fromEntries(schema.fields.map((f) => [f.name, vectorFromArray(slice.map((r) => r[f.name]), f.type)]));
    batches.push(...new Table(schema, vectors).batches);
  }
  const ipc = tableToIPC(batches.length === 0 ? new Table(schema) : new Table(schema, batches), 'stream');
  const props = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
  return writeParquet(WasmTable.fromIPCStream(ipc), props);
}
