import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import type { DatasetRow } from '../../core/schemas/dataset.js';
import { TRAJECTORY_SCHEMA_VERSION, TrajectoryEnd, TrajectoryHeader, TrajectoryLine, type Trajectory } from '../../core/schemas/trajectory.js';
import { CSR_BINS } from '../../pipeline/stats.js';
import type { EpisodeQuery, EpisodeSummary, RunInfo } from '../api/schema.js';
import { figuresBySite } from './figures.js';
import type { ReportData, RunSource, StoredImage, TaskOutcome } from './run-source.js';
import { words } from './store-source.js';

type Indexed = EpisodeSummary & { file: string; order: number; curve: number[]; unmet: { kind: string; id: string }[]; usage: { inputTokens: number; outputTokens: number; costUsd: number } | undefined; agent: string };

const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * A `webfoundry run` / `bench --out` directory: trajectories/*.jsonl and summary.json. Its
 * header and end lines are indexed once when opened (a few thousand episodes in a typical
 * benchmark); the steps of an episode are read when it is opened. There is no dataset: an
 * episode is a success or a failure.
 */
export class TrajectorySource implements RunSource {
  private readonly index: Indexed[];
  private readonly summary: Record<string, unknown>;

  constructor(
    private readonly name: string,
    private readonly dir: string,
  ) {
    if (!existsSync(dir)) throw new NotFoundError(`${dir} does not exist`, { hint: 'pass the directory `webfoundry generate --out` or `webfoundry run --out` wrote' });
    const tdir = join(dir, 'trajectories');
    if (!existsSync(tdir) || !statSync(tdir).isDirectory()) throw new NotFoundError(`${dir} holds no run (no run.sqlite, no trajectories/)`, { hint: 'pass a directory made by `webfoundry generate` or `webfoundry run --out`' });
    this.summary = readJson(join(dir, 'summary.json')) ?? {};
    const files = readdirSync(tdir).filter((f) => f.endsWith('.jsonl')).sort();
    this.index = files.map((f, order) => indexFile(join(tdir, f), order));
  }

  info(): RunInfo {
    const agent = typeof this.summary.agent === 'string' ? this.summary.agent : (this.index[0]?.agent ?? '?');
    return {
      name: this.name,
      dir: resolve(this.dir),
      source: 'trajectories',
      runId: this.name,
      createdAt: null,
      config: this.summary,
      versions: { trajectory: TRAJECTORY_SCHEMA_VERSION },
      agent,
      live: false,
      screenshots: existsSync(join(this.dir, 'screenshots')) ? countFiles(join(this.dir, 'screenshots')) : 0,
    };
  }

  overview(): ReturnType<RunSource['overview']> {
    const statuses: Record<string, number> = {};
    for (const e of this.index) statuses[e.status] = (statuses[e.status] ?? 0) + 1;
    const rows = this.index.filter((e) => e.sr).map((e) => ({ site: e.site, kind: 'success', steps: e.steps }));
    return { csrBins: [...CSR_BINS], ...figuresBySite(this.index, rows), statuses };
  }

  episodes(q: EpisodeQuery): ReturnType<RunSource['episodes']> {
    const ws = words(q.q);
    const kept = this.index.filter(
      (e) =>
        (!q.site || e.site === q.site) &&
        (!q.status || e.status === q.status) &&
        (!q.sr || e.sr === (q.sr === 'yes')) &&
        (q.csrMin === undefined || e.csr >= q.csrMin) &&
        (q.csrMax === undefined || e.csr <= q.csrMax) &&
        (!q.kind || e.kind === q.kind || (q.kind === 'dropped' && e.kind === 'failed')) &&
        (!q.injected || (e.injectedErrors.length > 0) === (q.injected === 'yes')) &&
        ws.every((w) => e.instruction.toLowerCase().includes(w)),
    );
    const key = (e: Indexed): string | number => (q.sort === 'order' ? e.order : q.sort === 'csr' ? e.csr : q.sort === 'steps' ? e.steps : e[q.sort]);
    const sign = q.dir === 'desc' ? -1 : 1;
    kept.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return (ka < kb ? -1 : ka > kb ? 1 : a.order - b.order) * sign;
    });
    const start = (q.page - 1) * q.pageSize;
    return {
      query: q,
      total: kept.length,
      pages: Math.max(1, Math.ceil(kept.length / q.pageSize)),
      episodes: kept.slice(start, start + q.pageSize).map(summaryOf),
      facets: { sites: [...new Set(this.index.map((e) => e.site))], statuses: [...new Set(this.index.map((e) => e.status))].sort() },
    };
  }

  trajectory(episodeId: string): { trajectory: Trajectory; row: DatasetRow | undefined } | undefined {
    const e = this.index.find((x) => x.episodeId === episodeId);
    if (!e) return undefined;
    const parsed = readLines(e.file).map((line, i) => {
      const r = TrajectoryLine.safeParse(line);
      if (!r.success) throw new InvalidInputError(`${e.file}:${i + 1}: ${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`, { hint: 'the file was made by another version of WebFoundry, or edited' });
      return r.data;
    });
    const header = parsed[0];
    const end = parsed[parsed.length - 1];
    if (header?.type !== 'header' || end?.type !== 'end') throw new InvalidInputError(`${e.file}: a trajectory starts with a header line and ends with an end line`);
    return { trajectory: { header, steps: parsed.filter((l) => l.type === 'step'), end }, row: undefined };
  }

  outcomes(): TaskOutcome[] {
    return this.index.map((e) => ({ taskId: e.taskId, site: e.site, instruction: e.instruction, episodeId: e.episodeId, sr: e.sr, csr: e.csr, steps: e.steps, status: e.status }));
  }

  screenshot(episodeId: string, index: number): StoredImage | undefined {
    const t = this.trajectory(episodeId)?.trajectory;
    const ref = t?.steps[index]?.screenshot;
    if (!ref) return undefined;
    const path = resolve(this.dir, ref);
    // Only files inside the run directory: a trajectory's path is data, not a permission.
    if (!path.startsWith(`${resolve(this.dir)}/`) || !existsSync(path)) return undefined;
    return { mime: IMAGE_TYPES[path.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream', data: readFileSync(path) };
  }

  reportData(maxCurves: number): ReportData {
    const every = Math.max(1, Math.ceil(this.index.length / maxCurves));
    const usage = this.index.filter((e) => e.usage).map((e) => e.usage!.inputTokens + e.usage!.outputTokens);
    return {
      curves: this.index.filter((_, i) => i % every === 0).map((e) => e.curve),
      unmet: this.index.flatMap((e) => e.unmet.map((u) => ({ site: e.site, kind: e.kind, constraintKind: u.kind, constraintId: u.id }))),
      steps: this.index.map((e) => e.steps),
      tokens: usage.length ? { what: 'model tokens per episode', values: usage } : { what: 'observation tokens per step', values: this.observationTokens() },
    };
  }

  /** Observation tokens per step, from up to 200 episodes spread over the run. */
  private observationTokens(): number[] {
    const every = Math.max(1, Math.ceil(this.index.length / 200));
    return this.index.filter((_, i) => i % every === 0).flatMap((e) => readLines(e.file).filter((l) => (l as { type?: string }).type === 'step').map((l) => (l as { observationTokens: number }).observationTokens));
  }

  salvageThresholds() {
    return undefined;
  }

  close(): void {}
}

function summaryOf(e: Indexed): EpisodeSummary {
  return { episodeId: e.episodeId, taskId: e.taskId, site: e.site, status: e.status, sr: e.sr, csr: e.csr, steps: e.steps, kind: e.kind, instruction: e.instruction, injectedErrors: e.injectedErrors };
}

function readLines(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        throw new InvalidInputError(`${file}:${i + 1} is not JSON`, { hint: 'the file is truncated or corrupt' });
      }
    });
}

function indexFile(file: string, order: number): Indexed {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const first = lines[0] ?? '';
  const last = lines[lines.length - 1] ?? '';
  let header: TrajectoryHeader;
  let end: TrajectoryEnd;
  try {
    const h = JSON.parse(first) as { schemaVersion?: unknown };
    if (h.schemaVersion !== TRAJECTORY_SCHEMA_VERSION) throw new InvalidInputError(`${file} is a trajectory of schema version ${String(h.schemaVersion)}; this viewer reads version ${TRAJECTORY_SCHEMA_VERSION}`, { hint: 'open it with the WebFoundry version that made it, or run the agent again' });
    header = TrajectoryHeader.parse(h);
    end = TrajectoryEnd.parse(JSON.parse(last));
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
    throw new InvalidInputError(`${file} is not a readable trajectory (${(err as Error).message.split('\n')[0]})`, { hint: 'it is truncated or corrupt; run the agent again or move the file away' });
  }
  const ev = end.evaluation;
  return {
    episodeId: header.episodeId,
    taskId: header.task.id,
    site: header.task.site,
    status: end.status,
    sr: ev.sr,
    csr: ev.csr,
    steps: end.steps,
    kind: ev.sr ? 'success' : 'failed',
    instruction: header.task.instruction,
    injectedErrors: end.injectedErrors ?? [],
    file,
    order,
    curve: ev.curve,
    unmet: ev.verdicts.filter((v) => !v.satisfied).map((v) => ({ kind: v.kind, id: v.id })),
    usage: end.usage,
    agent: header.agent.name,
  };
}

function readJson(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((f) => /\.(jpe?g|png|webp)$/i.test(String(f))).length;
}
