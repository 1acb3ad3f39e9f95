import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidInputError } from '../../core/errors.js';
import { DatasetRow } from '../../core/schemas/dataset.js';
import { TrajectoryEnd, TrajectoryHeader, TrajectoryStep, type Trajectory } from '../../core/schemas/trajectory.js';
import { RunStore } from '../../pipeline/run-store.js';
import { CSR_BINS } from '../../pipeline/stats.js';
import type { EpisodeKind, EpisodeQuery, EpisodeSummary, RunInfo } from '../api/schema.js';
import { figuresBySite, type Outcome, type RowFigure } from './figures.js';
import { openStoreReadOnly, type OpenedStore } from './open-store.js';
import type { ReportData, RunSource, StoredImage, TaskOutcome } from './run-source.js';

/**
 * A row's kind from the dataset_rows primary key: salvage names rows `<episode>-success` and
 * `<episode>-salvaged` (src/pipeline/salvage.ts), an exploration `<episode>-explored-<depth>`
 * (src/pipeline/explore/posthoc.ts), so the kind of one episode is index lookups (a range for
 * the explored ones: '.' sorts right after '-'), never a scan of the (large) rows.
 */
const KIND_SQL = `CASE WHEN EXISTS (SELECT 1 FROM dataset_rows d WHERE d.id = e.episode_id || '-success') THEN 'success'
  WHEN EXISTS (SELECT 1 FROM dataset_rows d WHERE d.id = e.episode_id || '-salvaged') THEN 'salvaged'
  WHEN EXISTS (SELECT 1 FROM dataset_rows d WHERE d.id >= e.episode_id || '-explored-' AND d.id < e.episode_id || '-explored.') THEN 'explored' ELSE 'dropped' END`;
const INSTRUCTION_SQL = `json_extract(t.json, '$.instruction')`;
const INJECTED_SQL = `coalesce(json_array_length(e.end_json, '$.injectedErrors'), 0)`;

const SORT: Record<EpisodeQuery['sort'], string> = {
  order: 't.idx',
  site: 'e.site',
  status: 'e.status',
  csr: 'e.csr',
  steps: 'e.steps',
  kind: KIND_SQL,
};

type IndexedEpisode = { episodeId: string; order: number; site: string; status: string; csr: number; sr: boolean; steps: number; kind: EpisodeKind; instruction: string; injected: number };

/** A `generate` run: its SQLite store, read with SQL so that the size of the run barely matters. */
export class StoreSource implements RunSource {
  private opened: OpenedStore;
  private cachedOverview: { count: number; value: ReturnType<RunSource['overview']> } | undefined;
  private facets: { count: number; sites: string[]; statuses: string[] } | undefined;
  private cachedIndex: { count: number; value: IndexedEpisode[] } | undefined;

  constructor(
    private readonly name: string,
    private readonly dir: string,
  ) {
    this.opened = openStoreReadOnly(dir);
  }

  /** A finished run that a new `generate --resume` brought back to life is reopened through its log. */
  private get db(): Database.Database {
    const live = existsSync(`${RunStore.path(this.dir)}-wal`);
    if (live !== this.opened.live) {
      this.opened.db.close();
      this.opened = openStoreReadOnly(this.dir);
      this.cachedOverview = undefined;
      this.cachedIndex = undefined;
    }
    return this.opened.db;
  }

  info(): RunInfo {
    const meta = this.opened.meta;
    const config = parseObject(meta.config);
    const db = this.db;
    const hasShots = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'screenshots'").get() !== undefined;
    return {
      name: this.name,
      dir: resolve(this.dir),
      source: 'store',
      runId: meta.runId ?? this.name,
      createdAt: meta.createdAt ?? null,
      config,
      versions: parseObject(meta.versions),
      agent: `${String(config.teacher ?? '?')}${config.teacher === 'scripted' ? ` (noise ${String(config.noise)})` : ''}${(config.llm as { model?: string } | undefined)?.model ? ` ${(config.llm as { model: string }).model}` : ''}`,
      live: this.opened.live,
      screenshots: hasShots ? (db.prepare('SELECT COUNT(*) FROM screenshots').pluck().get() as number) : 0,
    };
  }

  private count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM episodes').pluck().get() as number;
  }

  overview(): ReturnType<RunSource['overview']> {
    const count = this.count();
    if (this.cachedOverview?.count === count) return this.cachedOverview.value;
    const db = this.db;
    // Model usage sits inside the end record: read it only when an LLM made the run.
    const llm = (parseObject(this.opened.meta.config).teacher ?? '') === 'llm';
    const rows = db
      .prepare(`SELECT e.site, e.status, e.csr, e.sr, e.steps${llm ? ", json_extract(e.end_json, '$.usage') AS usage" : ''} FROM episodes e JOIN tasks t ON t.id = e.task_id ORDER BY t.idx`)
      .raw()
      .all() as [string, string, number, number, number, string | null][];
    const outcomes: Outcome[] = rows.map(([site, status, csr, sr, steps, usage]) => ({ site, status, csr, sr: sr === 1, steps, usage: usage ? (JSON.parse(usage) as Outcome['usage']) : undefined }));
    const dataset = (db.prepare('SELECT site, kind, steps FROM dataset_rows').raw().all() as [string, string, number][]).map(([site, kind, steps]): RowFigure => ({ site, kind, steps }));
    const statuses: Record<string, number> = {};
    for (const o of outcomes) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
    const value = { csrBins: [...CSR_BINS], ...figuresBySite(outcomes, dataset), statuses };
    this.cachedOverview = { count, value };
    return value;
  }

  episodes(q: EpisodeQuery): ReturnType<RunSource['episodes']> {
    const filtered = Boolean(q.site || q.status || q.sr || q.csrMin !== undefined || q.csrMax !== undefined || q.kind || q.injected || words(q.q).length);
    // The plain table in task order is two index reads; anything filtered or sorted otherwise
    // is answered from the in-memory index, built by one scan on first use.
    if (!filtered && q.sort === 'order') return this.episodesBySql(q);
    const ws = words(q.q);
    const kind = q.kind === 'failed' ? 'dropped' : q.kind;
    const kept = this.index().filter(
      (e) =>
        (!q.site || e.site === q.site) &&
        (!q.status || e.status === q.status) &&
        (!q.sr || e.sr === (q.sr === 'yes')) &&
        (q.csrMin === undefined || e.csr >= q.csrMin) &&
        (q.csrMax === undefined || e.csr <= q.csrMax) &&
        (!kind || e.kind === kind) &&
        (!q.injected || e.injected > 0 === (q.injected === 'yes')) &&
        ws.every((w) => e.instruction.includes(w)),
    );
    const key = (e: IndexedEpisode): string | number => (q.sort === 'order' ? e.order : q.sort === 'csr' ? e.csr : q.sort === 'steps' ? e.steps : e[q.sort]);
    const sign = q.dir === 'desc' ? -1 : 1;
    kept.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return (ka < kb ? -1 : ka > kb ? 1 : a.order - b.order) * sign;
    });
    const total = kept.length;
    const pages = Math.max(1, Math.ceil(total / q.pageSize));
    const ids = kept.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((e) => e.episodeId);
    return { query: q, total, pages, episodes: this.summaries(ids), facets: this.facetValues() };
  }

  /** What the table filters and sorts on, per episode, read in one scan and kept until the run grows. */
  private index(): IndexedEpisode[] {
    const count = this.count();
    if (this.cachedIndex?.count === count) return this.cachedIndex.value;
    const value = (
      this.db
        .prepare(`SELECT e.episode_id, t.idx, e.site, e.status, e.csr, e.sr, e.steps, ${KIND_SQL} AS kind, ${INSTRUCTION_SQL}, ${INJECTED_SQL} FROM episodes e JOIN tasks t ON t.id = e.task_id`)
        .raw()
        .all() as [string, number, string, string, number, number, number, EpisodeKind, string, number][]
    ).map(([episodeId, order, site, status, csr, sr, steps, kind, instruction, injected]) => ({ episodeId, order, site, status, csr, sr: sr === 1, steps, kind, instruction: instruction.toLowerCase(), injected }));
    this.cachedIndex = { count, value };
    return value;
  }

  /** The same answer as `episodes`, from SQL (the store's indexes). */
  private episodesBySql(q: EpisodeQuery): ReturnType<RunSource['episodes']> {
    const db = this.db;
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (q.site) (where.push('e.site = ?'), args.push(q.site));
    if (q.status) (where.push('e.status = ?'), args.push(q.status));
    if (q.sr) where.push(`e.sr = ${q.sr === 'yes' ? 1 : 0}`);
    if (q.csrMin !== undefined) (where.push('e.csr >= ?'), args.push(q.csrMin));
    if (q.csrMax !== undefined) (where.push('e.csr <= ?'), args.push(q.csrMax));
    if (q.kind) (where.push(`(${KIND_SQL}) = ?`), args.push(q.kind === 'failed' ? 'dropped' : q.kind));
    if (q.injected) where.push(`${INJECTED_SQL} ${q.injected === 'yes' ? '> 0' : '= 0'}`);
    for (const word of words(q.q)) (where.push(`instr(lower(${INSTRUCTION_SQL}), ?) > 0`), args.push(word));
    const from = `FROM episodes e JOIN tasks t ON t.id = e.task_id${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    const total = where.length ? (db.prepare(`SELECT COUNT(*) ${from}`).pluck().get(...args) as number) : this.count();
    const pages = Math.max(1, Math.ceil(total / q.pageSize));
    const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
    // Two passes: pick the page's episodes by the sort keys alone, then read what the table
    // shows for those few (a sort carries its selected columns through every row).
    const ids = db
      .prepare(`SELECT e.episode_id ${from} ORDER BY ${SORT[q.sort]} ${dir}, t.idx ${dir} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...args, q.pageSize, (q.page - 1) * q.pageSize) as string[];
    const episodes = this.summaries(ids);
    return { query: q, total, pages, episodes, facets: this.facetValues() };
  }

  private summaries(ids: readonly string[]): EpisodeSummary[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT e.episode_id, e.task_id, e.site, e.status, e.sr, e.csr, e.steps, ${KIND_SQL} AS kind, ${INSTRUCTION_SQL} AS instruction, json_extract(e.end_json, '$.injectedErrors') AS injected
         FROM episodes e JOIN tasks t ON t.id = e.task_id WHERE e.episode_id IN (${ids.map(() => '?').join(',')})`,
      )
      .all(...ids) as { episode_id: string; task_id: string; site: string; status: string; sr: number; csr: number; steps: number; kind: EpisodeKind; instruction: string; injected: string | null }[];
    const byId = new Map(rows.map((r) => [r.episode_id, r]));
    return ids.map((id) => {
      const r = byId.get(id)!;
      return { episodeId: r.episode_id, taskId: r.task_id, site: r.site, status: r.status, sr: r.sr === 1, csr: r.csr, steps: r.steps, kind: r.kind, instruction: r.instruction, injectedErrors: r.injected ? (JSON.parse(r.injected) as string[]) : [] };
    });
  }

  private facetValues(): { sites: string[]; statuses: string[] } {
    const count = this.count();
    if (this.facets?.count !== count) {
      const config = parseObject(this.opened.meta.config);
      const sites = Array.isArray(config.sites) ? (config.sites as string[]) : (this.db.prepare('SELECT DISTINCT site FROM tasks').pluck().all() as string[]);
      this.facets = { count, sites, statuses: Object.keys(this.overview().statuses).sort() };
    }
    return { sites: this.facets.sites, statuses: this.facets.statuses };
  }

  trajectory(episodeId: string): { trajectory: Trajectory; row: DatasetRow | undefined } | undefined {
    const db = this.db;
    const e = db.prepare('SELECT header, end_json FROM episodes WHERE episode_id = ?').get(episodeId) as { header: string; end_json: string } | undefined;
    if (!e) return undefined;
    const where = `${this.dir} (episode ${episodeId})`;
    const trajectory: Trajectory = {
      header: parseWith(TrajectoryHeader, e.header, where),
      steps: (db.prepare('SELECT json FROM steps WHERE episode_id = ? ORDER BY idx').pluck().all(episodeId) as string[]).map((j) => parseWith(TrajectoryStep, j, where)),
      end: parseWith(TrajectoryEnd, e.end_json, where),
    };
    const json = db.prepare('SELECT json FROM dataset_rows WHERE id IN (?, ?)').pluck().get(`${episodeId}-success`, `${episodeId}-salvaged`) as string | undefined;
    if (json) return { trajectory, row: parseWith(DatasetRow, json, where) };
    // An exploration has a row per surviving prefix: the deepest covers the most steps.
    const explored = (db.prepare('SELECT json FROM dataset_rows WHERE id >= ? AND id < ?').pluck().all(`${episodeId}-explored-`, `${episodeId}-explored.`) as string[]).map((j) => parseWith(DatasetRow, j, where));
    const deepest = explored.reduce<DatasetRow | undefined>((a, r) => (!a || (r.provenance.exploration?.pruneDepth ?? 0) > (a.provenance.exploration?.pruneDepth ?? 0) ? r : a), undefined);
    return { trajectory, row: deepest };
  }

  outcomes(): TaskOutcome[] {
    return (
      this.db
        .prepare(`SELECT e.task_id, e.site, ${INSTRUCTION_SQL} AS instruction, e.episode_id, e.sr, e.csr, e.steps, e.status FROM episodes e JOIN tasks t ON t.id = e.task_id ORDER BY t.idx`)
        .all() as { task_id: string; site: string; instruction: string; episode_id: string; sr: number; csr: number; steps: number; status: string }[]
    ).map((r) => ({ taskId: r.task_id, site: r.site, instruction: r.instruction, episodeId: r.episode_id, sr: r.sr === 1, csr: r.csr, steps: r.steps, status: r.status }));
  }

  screenshot(episodeId: string, index: number): StoredImage | undefined {
    const db = this.db;
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'screenshots'").get() === undefined) return undefined;
    const r = db.prepare('SELECT mime, data FROM screenshots WHERE episode_id = ? AND idx = ?').get(episodeId, index) as { mime: string; data: Buffer } | undefined;
    return r ? { mime: r.mime, data: r.data } : undefined;
  }

  reportData(maxCurves: number): ReportData {
    const db = this.db;
    const n = this.count();
    const every = Math.max(1, Math.ceil(n / maxCurves));
    const curves = (db.prepare(`SELECT json_extract(e.end_json, '$.evaluation.curve') FROM episodes e JOIN tasks t ON t.id = e.task_id WHERE t.idx % ? = 0 ORDER BY t.idx`).pluck().all(every) as string[]).map((c) => JSON.parse(c) as number[]);
    const unmet = (
      db
        .prepare(
          `SELECT e.site, ${KIND_SQL} AS kind, json_extract(v.value, '$.kind') AS ckind, json_extract(v.value, '$.id') AS cid
           FROM evaluations ev JOIN episodes e ON e.episode_id = ev.episode_id, json_each(ev.verdicts) v WHERE json_extract(v.value, '$.satisfied') = 0`,
        )
        .raw()
        .all() as [string, string, string, string][]
    ).map(([site, kind, constraintKind, constraintId]) => ({ site, kind, constraintKind, constraintId }));
    const steps = db.prepare('SELECT steps FROM episodes').pluck().all() as number[];
    const usage = db.prepare("SELECT json_extract(end_json, '$.usage.inputTokens') + json_extract(end_json, '$.usage.outputTokens') FROM episodes WHERE json_extract(end_json, '$.usage') IS NOT NULL").pluck().all() as number[];
    if (usage.length > 0) return { curves, unmet, steps, tokens: { what: 'model tokens per episode', values: usage } };
    const stepCount = db.prepare('SELECT COUNT(*) FROM steps').pluck().get() as number;
    const sample = db.prepare("SELECT json_extract(json, '$.observationTokens') FROM steps WHERE rowid % ? = 0 LIMIT 20000").pluck().all(Math.max(1, Math.ceil(stepCount / 20000))) as number[];
    return { curves, unmet, steps, tokens: { what: 'observation tokens per step', values: sample } };
  }

  salvageThresholds() {
    const s = parseObject(this.opened.meta.config).salvage as { minCsr: number; minKept: number; requireBooking: boolean } | undefined;
    return s;
  }

  close(): void {
    this.opened.db.close();
  }
}

function parseObject(json: string | undefined): Record<string, unknown> {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function parseWith<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, json: string, where: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new InvalidInputError(`${where}: a stored record is not JSON`, { hint: 'the store is corrupt; regenerate the run' });
  }
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new InvalidInputError(`${where}: a stored record does not fit this version's schema (${issue.path.map(String).join('.')}: ${issue.message})`, { hint: 'the run was made by another version of WebFoundry: open it with that version, or regenerate it' });
}

/** The search words of a query, lower-cased. */
export function words(q: string | undefined): string[] {
  return (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}
