import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../core/errors.js';
import type { FolderLock } from '../core/folder-lock.js';
import { canonicalJson, sha256 } from '../core/hash.js';
import { DatasetRow } from '../core/schemas/dataset.js';
import { AnyTask, isWebTask, schemaTask, type Task } from '../core/schemas/task.js';
import { TrajectoryEnd, TrajectoryHeader, TrajectoryStep, type Trajectory } from '../core/schemas/trajectory.js';
import { WEBFOUNDRY_VERSION, WORLD_VERSION } from '../core/version.js';
import type { SalvageOptions } from './salvage.js';

/** 2: tasks of schema 2 (constraints on what is booked and paid); runs of version 1 are refused. */
export const RUN_STORE_VERSION = 2;
const KIND = 'webfoundry-run';

/** What identifies a run: two runs with different configs must not share a directory. */
export type RunConfig = {
  sites: string[];
  tasksPerSite: number;
  teacher: string;
  noise: number;
  seed: number;
  worldSeed: number;
  maxSteps: number;
  mode: 'viewport' | 'full';
  salvage: SalvageOptions;
  /**
   * With `teacher: "llm"`: which model, how it samples and how the agent prompts it. Only what
   * changes the data: never the key, nor its variable, timeouts, limits or the cache directory.
   */
  llm?: LlmTeacherIdentity;
  /** Recorded a screenshot per step (absent when off, so older runs keep their identity). */
  screenshots?: 'marks' | 'plain';
  /**
   * Tasks read from this file (e.g. questions from `tasks generate --kind qa`) instead of
   * proposed per site; `sites` and `tasksPerSite` then say nothing. Absent for proposed tasks.
   */
  taskFile?: string;
};

export type LlmTeacherIdentity = {
  provider: string;
  model: string;
  baseUrl: string;
  temperature?: number;
  maxTokens?: number;
  historySteps: number;
  obsBudgetTokens: number;
  toolCalls: boolean;
};

export type RunVersions = { store: number; webfoundry: string; world: number };

export const STORE_FILE = 'run.sqlite';

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE tasks (idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, site TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE episodes (
  task_id TEXT PRIMARY KEY REFERENCES tasks(id),
  episode_id TEXT NOT NULL UNIQUE,
  site TEXT NOT NULL,
  status TEXT NOT NULL,
  csr REAL NOT NULL,
  sr INTEGER NOT NULL,
  steps INTEGER NOT NULL,
  header TEXT NOT NULL,
  end_json TEXT NOT NULL
);
CREATE TABLE steps (episode_id TEXT NOT NULL REFERENCES episodes(episode_id), idx INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (episode_id, idx));
CREATE TABLE evaluations (episode_id TEXT PRIMARY KEY REFERENCES episodes(episode_id), csr REAL NOT NULL, sr INTEGER NOT NULL, best_csr REAL NOT NULL, first_best_index INTEGER NOT NULL, verdicts TEXT NOT NULL);
CREATE TABLE dataset_rows (id TEXT PRIMARY KEY, episode_id TEXT NOT NULL REFERENCES episodes(episode_id), site TEXT NOT NULL, kind TEXT NOT NULL, steps INTEGER NOT NULL, json TEXT NOT NULL);
`;

/**
 * Screenshots per step, made only by a run that records them (`generate --screenshots`): the
 * store's version stays, and readers look for the table before they read it.
 */
const SCREENSHOTS_SCHEMA = `CREATE TABLE IF NOT EXISTS screenshots (episode_id TEXT NOT NULL REFERENCES episodes(episode_id), idx INTEGER NOT NULL, mime TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (episode_id, idx))`;

/** The config without what may change between a run and its resume (nothing, today). */
const identity = (c: RunConfig) => canonicalJson(c);

/**
 * A run's SQLite store (WAL), inside the run directory: config and versions, tasks, episodes,
 * steps, evaluations and dataset rows. One transaction per finished episode, so a run killed
 * at any moment (kill -9 included) has every finished episode whole and none half-written.
 *
 * An episode stored with status "error" (something inside it failed that was not the agent) is
 * kept for diagnosis but does not count as done: a resume runs its task again and replaces it.
 * Failures of the infrastructure are never stored (see runTasks).
 *
 * The store lives in WAL mode: a copy of `run.sqlite` alone can miss the latest episodes, which
 * are in `run.sqlite-wal` until a checkpoint. close() checkpoints, so a folder whose process
 * ended normally holds everything in `run.sqlite`; copy `run.sqlite-wal` too otherwise.
 */
export class RunStore {
  private lock: FolderLock | undefined;
  private constructor(
    private readonly db: Database.Database,
    readonly dir: string,
    readonly config: RunConfig,
    readonly runId: string,
  ) {}

  static path(dir: string): string {
    return join(dir, STORE_FILE);
  }

  static exists(dir: string): boolean {
    return existsSync(RunStore.path(dir));
  }

  static create(dir: string, runId: string, config: RunConfig, versions: RunVersions): RunStore {
    if (RunStore.exists(dir)) throw new InvalidInputError(`${dir} already holds a run`, { hint: 'continue it with --resume, or choose another --out' });
    mkdirSync(dir, { recursive: true });
    const db = new Database(RunStore.path(dir));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA);
    const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      put.run('kind', KIND);
      put.run('runId', runId);
      put.run('config', identity(config));
      put.run('versions', canonicalJson(versions));
      put.run('createdAt', new Date().toISOString());
    })();
    return new RunStore(db, dir, config, runId);
  }

  /**
   * Opens an existing run. A store of another kind, version or config is refused with what
   * differs, unless `force` (then the stored config is replaced by `expected`).
   */
  static open(dir: string, expected: { config?: RunConfig; versions: RunVersions; force?: boolean }): RunStore {
    const path = RunStore.path(dir);
    if (!existsSync(path)) throw new InvalidInputError(`${dir} holds no run (no ${STORE_FILE})`, { hint: 'start one without --resume' });
    let db: Database.Database;
    let meta: Record<string, string>;
    try {
      db = new Database(path, { fileMustExist: true });
      meta = Object.fromEntries((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
    } catch (cause) {
      throw new InvalidInputError(`${path} is not a WebFoundry run store (${(cause as Error).message})`, { cause, hint: 'it is corrupt or foreign: move it away and start a new run' });
    }
    if (meta.kind !== KIND || !meta.config || !meta.versions || !meta.runId) {
      db.close();
      throw new InvalidInputError(`${path} is not a WebFoundry run store`, { hint: 'move it away and start a new run' });
    }
    const stored = JSON.parse(meta.config) as RunConfig;
    const storedVersions = JSON.parse(meta.versions) as RunVersions;
    const problems: string[] = [];
    if (canonicalJson(storedVersions) !== canonicalJson(expected.versions)) problems.push(`made by versions ${meta.versions}, this is ${canonicalJson(expected.versions)}`);
    if (expected.config && identity(expected.config) !== meta.config) problems.push(`made with config ${meta.config}, asked for ${identity(expected.config)}`);
    if (problems.length && !expected.force) {
      db.close();
      throw new InvalidInputError(`refusing to resume ${dir}: ${problems.join('; ')}`, { hint: 'resume with the same options, use another --out, or pass --force to continue anyway' });
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    let config = stored;
    if (problems.length && expected.force) {
      const upd = db.prepare('UPDATE meta SET value = ? WHERE key = ?');
      if (expected.config) {
        upd.run(identity(expected.config), 'config');
        config = expected.config;
      }
      upd.run(canonicalJson(expected.versions), 'versions');
    }
    return new RunStore(db, dir, config, meta.runId);
  }

  /**
   * Reads a run without writing anything to its folder (no lock, no pragma, no checkpoint): another
   * process may own it, as when an experiment reuses a teacher run that is still being evaluated.
   */
  static openReadOnly(dir: string): RunStore {
    const path = RunStore.path(dir);
    if (!existsSync(path)) throw new InvalidInputError(`${dir} holds no run (no ${STORE_FILE})`);
    const db = new Database(path, { readonly: true, fileMustExist: true });
    const meta = Object.fromEntries((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
    if (meta.kind !== KIND || !meta.config || !meta.runId) {
      db.close();
      throw new InvalidInputError(`${path} is not a WebFoundry run store`);
    }
    return new RunStore(db, dir, JSON.parse(meta.config) as RunConfig, meta.runId);
  }

  static versions(): RunVersions {
    return { store: RUN_STORE_VERSION, webfoundry: WEBFOUNDRY_VERSION, world: WORLD_VERSION };
  }

  insertTasks(tasks: readonly AnyTask[]): void {
    const ins = this.db.prepare('INSERT INTO tasks (idx, id, site, json) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => tasks.forEach((t, i) => ins.run(i, t.id, t.site, JSON.stringify(t))))();
  }

  /** The run's tasks, of our sites' schemas (a run of explorations of URLs is refused: see allTasks). */
  tasks(): Task[] {
    return this.allTasks().map((t) => schemaTask(t, `${RunStore.path(this.dir)}: re-running or scoring its tasks`));
  }

  /** Every task of the run, open-web ones (`explore --url`) included. */
  allTasks(): AnyTask[] {
    return (this.db.prepare('SELECT json FROM tasks ORDER BY idx').pluck().all() as string[]).map((j) => this.parse(AnyTask, j, 'a task'));
  }

  /** A stored JSON value read with its schema; a value that does not fit names the store. */
  private parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, json: string, what: string): T {
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch (err) {
      throw new InvalidInputError(`${RunStore.path(this.dir)}: ${what} is not valid JSON (${(err as Error).message})`, { hint: 'the store is damaged: regenerate the run' });
    }
    const r = schema.safeParse(raw);
    if (r.success) return r.data;
    const issue = r.error.issues[0]!;
    throw new InvalidInputError(`${RunStore.path(this.dir)}: ${what} does not fit this version's schema (${issue.path.join('.')}: ${issue.message})`, {
      hint: 'the run was made by another version of WebFoundry: regenerate it',
    });
  }

  /** Tasks whose episode finished: stored, and not with status "error". */
  doneTaskIds(): Set<string> {
    return new Set(this.db.prepare("SELECT task_id FROM episodes WHERE status != 'error'").pluck().all() as string[]);
  }

  /**
   * Stores a finished episode, its steps, its evaluation, its dataset rows (one, or an
   * exploration's several) and its screenshots in one transaction. Idempotent: when the task
   * already has its episode, nothing is written and false comes back (a queue may deliver an
   * episode twice).
   */
  recordEpisode(t: Trajectory, row: DatasetRow | readonly DatasetRow[] | undefined, screenshots: readonly { index: number; mime: string; data: Uint8Array }[] = []): boolean {
    const rows = row === undefined ? [] : Array.isArray(row) ? (row as readonly DatasetRow[]) : [row as DatasetRow];
    const e = t.end.evaluation;
    const site = t.header.task.site;
    return this.db.transaction(() => {
      // A finished episode of this task is kept (a queue may deliver one twice); an errored one
      // stored before is replaced by this one.
      const old = this.db.prepare('SELECT episode_id, status FROM episodes WHERE task_id = ?').get(t.header.task.id) as { episode_id: string; status: string } | undefined;
      if (old !== undefined && old.status !== 'error') return false;
      if (old !== undefined) {
        for (const table of ['dataset_rows', 'evaluations', 'steps']) this.db.prepare(`DELETE FROM ${table} WHERE episode_id = ?`).run(old.episode_id);
        this.db.prepare('DELETE FROM episodes WHERE task_id = ?').run(t.header.task.id);
      }
      this.db
        .prepare('INSERT INTO episodes (task_id, episode_id, site, status, csr, sr, steps, header, end_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(t.header.task.id, t.header.episodeId, site, t.end.status, e.csr, e.sr ? 1 : 0, t.steps.length, JSON.stringify(t.header), JSON.stringify(t.end));
      const step = this.db.prepare('INSERT INTO steps (episode_id, idx, json) VALUES (?, ?, ?)');
      for (const s of t.steps) step.run(t.header.episodeId, s.index, JSON.stringify(s));
      this.db
        .prepare('INSERT INTO evaluations (episode_id, csr, sr, best_csr, first_best_index, verdicts) VALUES (?, ?, ?, ?, ?, ?)')
        .run(t.header.episodeId, e.csr, e.sr ? 1 : 0, e.bestCsr, e.firstBestIndex, JSON.stringify(e.verdicts));
      const insert = this.db.prepare('INSERT INTO dataset_rows (id, episode_id, site, kind, steps, json) VALUES (?, ?, ?, ?, ?, ?)');
      for (const r of rows) insert.run(r.id, t.header.episodeId, site, r.kind, r.steps.length, JSON.stringify(r));
      if (screenshots.length) {
        this.db.exec(SCREENSHOTS_SCHEMA);
        const shot = this.db.prepare('INSERT INTO screenshots (episode_id, idx, mime, data) VALUES (?, ?, ?, ?)');
        for (const s of screenshots) shot.run(t.header.episodeId, s.index, s.mime, Buffer.from(s.data.buffer, s.data.byteOffset, s.data.byteLength));
      }
      return true;
    })();
  }

  /**
   * A key naming this run wherever it is resumed from (its id, creation time and config): a
   * queue finds the episodes of an interrupted coordinator by it. Two runs never share one.
   */
  key(): string {
    const createdAt = this.db.prepare("SELECT value FROM meta WHERE key = 'createdAt'").pluck().get() as string | undefined;
    return sha256(canonicalJson({ runId: this.runId, createdAt, config: this.config })).slice(0, 24);
  }

  episodeCount(): number {
    return this.db.prepare('SELECT COUNT(*) FROM episodes').pluck().get() as number;
  }

  /** Every stored trajectory, in task order. */
  *trajectories(): Generator<Trajectory> {
    const eps = this.db.prepare('SELECT e.episode_id, e.header, e.end_json FROM episodes e JOIN tasks t ON t.id = e.task_id ORDER BY t.idx').all() as { episode_id: string; header: string; end_json: string }[];
    const steps = this.db.prepare('SELECT json FROM steps WHERE episode_id = ? ORDER BY idx').pluck();
    for (const e of eps) {
      yield {
        header: this.parse(TrajectoryHeader, e.header, `episode ${e.episode_id}'s header`),
        steps: (steps.all(e.episode_id) as string[]).map((j) => this.parse(TrajectoryStep, j, `a step of episode ${e.episode_id}`)),
        end: this.parse(TrajectoryEnd, e.end_json, `episode ${e.episode_id}'s end`),
      };
    }
  }

  /** Episode outcomes without their steps (stats). */
  outcomes(): { taskId: string; site: string; status: string; csr: number; sr: boolean; steps: number; bestCsr: number; difficulty: string; usage: { inputTokens: number; outputTokens: number; costUsd: number } | undefined }[] {
    return (this.db.prepare('SELECT e.task_id, e.site, e.status, e.csr, e.sr, e.steps, v.best_csr, t.json, e.end_json FROM episodes e JOIN evaluations v ON v.episode_id = e.episode_id JOIN tasks t ON t.id = e.task_id ORDER BY t.idx').all() as {
      task_id: string; site: string; status: string; csr: number; sr: number; steps: number; best_csr: number; json: string; end_json: string;
    }[]).map((r) => ({
      taskId: r.task_id,
      site: r.site,
      status: r.status,
      csr: r.csr,
      sr: r.sr === 1,
      steps: r.steps,
      bestCsr: r.best_csr,
      difficulty: ((t: AnyTask) => (isWebTask(t) ? 'web' : t.metadata.difficulty))(JSON.parse(r.json) as AnyTask),
      usage: (JSON.parse(r.end_json) as { usage?: { inputTokens: number; outputTokens: number; costUsd: number } }).usage,
    }));
  }

  /** Replaces every dataset row at once (re-salvaging stored episodes with this version's rules). */
  replaceRows(rows: readonly DatasetRow[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM dataset_rows').run();
      const insert = this.db.prepare('INSERT INTO dataset_rows (id, episode_id, site, kind, steps, json) VALUES (?, ?, ?, ?, ?, ?)');
      for (const row of rows) insert.run(row.id, row.provenance.episodeId, row.task.site, row.kind, row.steps.length, JSON.stringify(row));
    })();
  }

  rows(): DatasetRow[] {
    return (this.db.prepare('SELECT d.json FROM dataset_rows d JOIN episodes e ON e.episode_id = d.episode_id JOIN tasks t ON t.id = e.task_id ORDER BY t.idx').pluck().all() as string[]).map((j) => this.parse(DatasetRow, j, 'a dataset row'));
  }

  /** Keeps the run folder's lock until close(): the process writing a run holds it (see FolderLock). */
  holdLock(lock: FolderLock): void {
    this.lock = lock;
  }

  /** Closes the store after moving everything from the WAL into run.sqlite (a copy of that file alone is then whole), and lets go of the folder's lock. */
  close(): void {
    if (!this.db.open) {
      this.lock?.release();
      return;
    }
    try {
      if (!this.db.readonly) this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // A reader holding the WAL (stats in another process) only delays the checkpoint to a later close.
    }
    this.db.close();
    this.lock?.release();
  }
}

/** Moved to core/version.ts; kept here for the modules that import it from the run store. */
export { WEBFOUNDRY_VERSION };
