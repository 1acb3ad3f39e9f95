import type { z } from 'zod';

/**
 * JSON Lines that columnar readers load with one type per column, derived from a zod schema.
 *
 * Hugging Face `datasets` (packaged_modules/json/json.py) reads JSON Lines with pyarrow in
 * 10 MiB chunks and casts every chunk to the Arrow schema inferred from the first
 * (arrow_writer.py `write_table`). A path whose JSON type varies between lines (a constraint
 * `value` that is a string here and a number there, a struct whose keys depend on its kind, a
 * record keyed by site-specific names, an optional field, a list that is empty in one chunk,
 * 200 in one line and 199.5 in another) fails to load before datasets 4.7, and later versions
 * only cope by turning the path into their `Json` type.
 *
 * So the shape comes from the schema, not from a hand list of fields: a node whose JSON type is
 * fixed by its schema (required fields of strict objects, strings, enums, booleans, integers,
 * non-integer numbers written with a fraction, non-empty arrays of such) is written natively;
 * every other node (optional, nullable, unions of different shapes, records, arrays that may be
 * empty, anything else) is written as JSON text: a string holding its JSON. A schema change
 * (a new constraint kind, a new optional field) changes the columns with it.
 */
export type Column =
  | { kind: 'string' }
  | { kind: 'int' }
  | { kind: 'float' }
  | { kind: 'bool' }
  | { kind: 'struct'; fields: [string, Column][] }
  | { kind: 'list'; item: Column }
  | { kind: 'json' };

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
  checks?: { _zod: { def: { check?: string; format?: string; minimum?: number } } }[];
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const JSON_TEXT: Column = { kind: 'json' };

function scalarColumn(values: readonly unknown[]): Column {
  if (values.length > 0 && values.every((v) => typeof v === 'string')) return { kind: 'string' };
  if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return { kind: 'bool' };
  if (values.length > 0 && values.every((v) => typeof v === 'number' && Number.isInteger(v))) return { kind: 'int' };
  return JSON_TEXT;
}

const sameColumn = (a: Column, b: Column): boolean => JSON.stringify(a) === JSON.stringify(b);

const cache = new WeakMap<z.ZodType, Column>();

/** The column a schema's values are written as. */
export function columnOf(schema: z.ZodType): Column {
  const hit = cache.get(schema);
  if (hit !== undefined) return hit;
  const column = computeColumn(schema);
  cache.set(schema, column);
  return column;
}

function computeColumn(schema: z.ZodType): Column {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return { kind: 'string' };
    case 'boolean':
      return { kind: 'bool' };
    case 'number':
      return (def.checks ?? []).some((c) => c._zod.def.format === 'safeint' || c._zod.def.format === 'int32') ? { kind: 'int' } : { kind: 'float' };
    case 'enum':
      return scalarColumn(Object.values(def.entries ?? {}));
    case 'literal':
      return scalarColumn(def.values ?? []);
    case 'object':
      return { kind: 'struct', fields: Object.entries(def.shape ?? {}).map(([k, v]) => [k, columnOf(v)]) };
    case 'array': {
      const nonEmpty = (def.checks ?? []).some((c) => c._zod.def.check === 'min_length' && (c._zod.def.minimum ?? 0) >= 1);
      return nonEmpty && def.element !== undefined ? { kind: 'list', item: columnOf(def.element) } : JSON_TEXT;
    }
    case 'union': {
      // Options that are all written alike (e.g. literals of one type) keep that column.
      const columns = (def.options ?? []).map(columnOf);
      const first = columns[0];
      return first !== undefined && first.kind !== 'struct' && columns.every((c) => sameColumn(c, first)) ? first : JSON_TEXT;
    }
    case 'default':
    case 'readonly':
      return def.innerType === undefined ? JSON_TEXT : columnOf(def.innerType);
    default:
      // optional, nullable, record, tuple, pipe, unknown...: the JSON type may vary.
      return JSON_TEXT;
  }
}

function floatText(v: number): string {
  const text = JSON.stringify(v);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** One value as JSON text in its column's shape (no trailing newline). */
export function writeColumnar(schema: z.ZodType, value: unknown): string {
  return write(columnOf(schema), schema, value);
}

function write(column: Column, schema: z.ZodType, value: unknown): string {
  switch (column.kind) {
    case 'json':
      return JSON.stringify(JSON.stringify(value === undefined ? null : value));
    case 'float':
      return floatText(value as number);
    case 'string':
    case 'int':
    case 'bool':
      return JSON.stringify(value);
    case 'list': {
      const element = innerSchema(schema, 'element');
      return `[${(value as unknown[]).map((v) => write(column.item, element, v)).join(',')}]`;
    }
    case 'struct': {
      const shape = structShape(schema);
      const record = value as Record<string, unknown>;
      return `{${column.fields.map(([k, c]) => `${JSON.stringify(k)}:${write(c, shape[k]!, record[k])}`).join(',')}}`;
    }
  }
}

/** Reads a value written by writeColumnar back into what the schema accepts. */
export function readColumnar(schema: z.ZodType, value: unknown): unknown {
  return read(columnOf(schema), schema, value);
}

function read(column: Column, schema: z.ZodType, value: unknown): unknown {
  switch (column.kind) {
    case 'json':
      return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
    case 'list': {
      const element = innerSchema(schema, 'element');
      return Array.isArray(value) ? value.map((v) => read(column.item, element, v)) : value;
    }
    case 'struct': {
      if (typeof value !== 'object' || value === null) return value;
      const shape = structShape(schema);
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, c] of column.fields) {
        const field = shape[k]!;
        const v = read(c, field, record[k]);
        // JSON text "null" of a field that may be absent but not null: the field was absent.
        if (v === null && !field.safeParse(null).success && field.safeParse(undefined).success) continue;
        out[k] = v;
      }
      return out;
    }
    default:
      return value;
  }
}

/** The paths written as JSON text, e.g. `task.constraints[]`, for the dataset card. */
export function jsonTextPaths(schema: z.ZodType): string[] {
  const paths: string[] = [];
  const walk = (column: Column, path: string): void => {
    if (column.kind === 'json') paths.push(path);
    else if (column.kind === 'list') walk(column.item, `${path}[]`);
    else if (column.kind === 'struct') for (const [k, c] of column.fields) walk(c, path === '' ? k : `${path}.${k}`);
  };
  walk(columnOf(schema), '');
  return paths;
}

function structShape(schema: z.ZodType): Record<string, z.ZodType> {
  const def = defOf(schema);
  if (def.type === 'object') return def.shape ?? {};
  if (def.innerType !== undefined) return structShape(def.innerType);
  return {};
}

function innerSchema(schema: z.ZodType, key: 'element'): z.ZodType {
  const def = defOf(schema);
  if (def[key] !== undefined) return def[key];
  if (def.innerType !== undefined) return innerSchema(def.innerType, key);
  throw new TypeError(`schema of type ${def.type} has no ${key}`);
}
