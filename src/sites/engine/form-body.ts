import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** The largest request body a site reads (64 KiB): its biggest form is a few KiB. */
export const MAX_BODY_BYTES = 64 * 1024;
/** The longest value a form field may carry; a longer one refuses the whole form. */
export const MAX_FIELD_CHARS = 2_000;
/** The most fields a form may carry. */
export const MAX_FIELDS = 300;

export type FormRead = { ok: true; fields: Record<string, string> } | { ok: false; status: 400 | 413; message: string };
export type FormReadAll = { ok: true; fields: Record<string, string[]> } | { ok: false; status: 400 | 413; message: string };

/** A form the site refused to read: the step changes nothing and the visitor gets a 4xx page. */
export class FormRefusedError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'FormRefusedError';
  }
}

/**
 * Refuses a request body over MAX_BODY_BYTES with 413 before any of it is kept: by its
 * Content-Length when it has one, else while it streams in.
 */
export function limitBody(tooLarge: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
}

/**
 * A form body, every value of each field (seats, several ticket types; files are ignored). A
 * body that cannot be parsed is a 400, a field or a field count over the limits a 413: either way
 * the caller changes nothing, so a refused value never reaches the episode's state.
 */
export async function readFormAll(c: Context): Promise<FormReadAll> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch (err) {
    return { ok: false, status: 400, message: `The form could not be read (${err instanceof Error ? err.message : String(err)}).` };
  }
  const entries = Object.entries(body);
  if (entries.length > MAX_FIELDS) return { ok: false, status: 413, message: `The form has ${entries.length} fields; at most ${MAX_FIELDS} are accepted.` };
  const fields: Record<string, string[]> = {};
  let values = 0;
  for (const [k, v] of entries) {
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    values += list.length;
    if (values > MAX_FIELDS) return { ok: false, status: 413, message: `The form has more than ${MAX_FIELDS} values; at most ${MAX_FIELDS} are accepted.` };
    const long = list.find((x) => x.length > MAX_FIELD_CHARS);
    if (long !== undefined) return { ok: false, status: 413, message: `The field "${k.slice(0, 60)}" is ${long.length} characters long; at most ${MAX_FIELD_CHARS} are accepted.` };
    fields[k] = list;
  }
  return { ok: true, fields };
}

/** A form body as plain strings (repeated names keep the last value), under readFormAll's limits. */
export async function readForm(c: Context): Promise<FormRead> {
  const all = await readFormAll(c);
  if (!all.ok) return all;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(all.fields)) if (v.length > 0) fields[k] = v[v.length - 1]!;
  return { ok: true, fields };
}
