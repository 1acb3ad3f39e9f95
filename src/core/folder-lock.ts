import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { ConflictError } from './errors.js';

export const LOCK_FILE = 'webfoundry.lock';
const HOLDER_FILE = 'webfoundry.lock.json';

/**
 * A folder held by one process at a time (a run folder, an output folder). The lock is an
 * operating-system lock on `webfoundry.lock` (SQLite's exclusive lock, held by an open
 * connection), so it is released when the process ends in any way, kill -9 included: there is
 * no stale lock to clean up. `webfoundry.lock.json` says who holds it, for the refusal message.
 */
export class FolderLock {
  private constructor(
    private readonly db: Database.Database,
    readonly dir: string,
  ) {}

  /** Takes the folder's lock, or refuses at once (ConflictError) when another process holds it. `what` names the work in the message. */
  static acquire(dir: string, what: string): FolderLock {
    mkdirSync(dir, { recursive: true });
    const db = new Database(join(dir, LOCK_FILE), { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      // The exclusive lock taken here is kept until the connection closes (locking_mode EXCLUSIVE).
      db.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch (err) {
      db.close();
      if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
      throw new ConflictError(`${dir} is in use by another process${holder(dir)}`, {
        hint: `wait for it to finish (or stop it), then run again; two processes must not ${what} in one folder`,
      });
    }
    writeFileAtomic(join(dir, HOLDER_FILE), `${JSON.stringify({ pid: process.pid, what, since: new Date().toISOString(), argv: process.argv.slice(1) })}\n`);
    return new FolderLock(db, dir);
  }

  release(): void {
    if (!this.db.open) return;
    rmSync(join(this.dir, HOLDER_FILE), { force: true });
    this.db.close();
  }
}

function holder(dir: string): string {
  try {
    const h = JSON.parse(readFileSync(join(dir, HOLDER_FILE), 'utf8')) as { pid?: number; what?: string; since?: string };
    return ` (pid ${h.pid}, ${h.what ?? 'working'} since ${h.since})`;
  } catch {
    return '';
  }
}
