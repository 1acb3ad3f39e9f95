// Must precede the first database this process opens: better-sqlite3 reads it once, when its
// addon loads, and only URI filenames can ask SQLite for an immutable (lock-free, file-free) open.
process.env.SQLITE_USE_URI ??= '1';

import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { RUN_STORE_VERSION, RunStore } from '../../pipeline/run-store.js';

export type OpenedStore = {
  db: Database.Database;
  meta: Record<string, string>;
  /** A write-ahead log sits beside the store: a run in progress, or killed before it closed. */
  live: boolean;
};

/**
 * Opens a run store for reading without touching the run directory. A finished run (no -wal
 * file) is opened immutable: SQLite takes no locks and creates no -wal or -shm file. A live one
 * must be read through its write-ahead log, which SQLite shares through the -shm file its writer
 * already made. A missing, foreign, corrupt or other-version store is refused with what to do.
 */
export function openStoreReadOnly(dir: string): OpenedStore {
  const path = resolve(RunStore.path(dir));
  if (!existsSync(dir)) throw new NotFoundError(`${dir} does not exist`, { hint: 'pass the directory `webfoundry generate --out` wrote, e.g. runs/demo' });
  if (!statSync(dir).isDirectory()) throw new InvalidInputError(`${dir} is not a directory`, { hint: 'pass a run directory, not a file in it' });
  if (!existsSync(path)) throw new NotFoundError(`${dir} holds no run (no run.sqlite)`, { hint: 'pass a directory made by `webfoundry generate` (run.sqlite) or by `webfoundry run --out` (trajectories/)' });
  const live = existsSync(`${path}-wal`);
  let db: Database.Database;
  let meta: Record<string, string>;
  try {
    db = live ? new Database(path, { readonly: true, fileMustExist: true }) : openImmutable(path);
    meta = Object.fromEntries((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  } catch (cause) {
    throw new InvalidInputError(`${path} is not a readable WebFoundry run store (${(cause as Error).message})`, { cause, hint: 'the file is corrupt or of another program; regenerate the run' });
  }
  const fail = (message: string, hint: string) => {
    db.close();
    return new InvalidInputError(message, { hint });
  };
  if (meta.kind !== 'webfoundry-run' || !meta.versions) throw fail(`${path} is not a WebFoundry run store`, 'pass a directory made by `webfoundry generate`');
  let store: unknown;
  try {
    store = (JSON.parse(meta.versions) as { store?: unknown }).store;
  } catch {
    throw fail(`${path}: its versions record is not JSON`, 'the store is corrupt; regenerate the run');
  }
  if (store !== RUN_STORE_VERSION) {
    throw fail(`${path} is a run store of version ${String(store)}; this viewer reads version ${RUN_STORE_VERSION}`, 'open it with the WebFoundry version that made it, or regenerate the run with this one');
  }
  return { db, meta, live };
}

function openImmutable(path: string): Database.Database {
  try {
    return new Database(`${pathToFileURL(path).href}?immutable=1`, { readonly: true, fileMustExist: true });
  } catch {
    // URIs were turned off before this module loaded (another database opened first in this
    // process): a plain read-only open, which leaves an empty -wal and a -shm beside the store.
    return new Database(path, { readonly: true, fileMustExist: true });
  }
}
