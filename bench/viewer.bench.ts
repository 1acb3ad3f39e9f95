/**
 * The viewer and the report on a run of 100,000 episodes: time to first render (server answer
 * plus the browser drawing the page and its plots) of the overview, of an episode page and of
 * an episodes table page filtered and sorted; and report generation time.
 *
 * The run: a real `generate` run of the scripted teacher (6 episodes), each episode cloned
 * under new task and episode ids up to N; the clones keep their evaluation, dataset row and
 * their last 2 steps (1 in a row) with the observation text left out, to keep the store small.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../src/browser/chromium.js';
import type { DatasetRow } from '../src/core/schemas/dataset.js';
import type { Trajectory } from '../src/core/schemas/trajectory.js';
import { generateRun } from '../src/pipeline/generate.js';
import { RunStore } from '../src/pipeline/run-store.js';
import { DEFAULT_SALVAGE } from '../src/pipeline/salvage.js';
import { writeReport } from '../src/viewer/report/write-report.js';
import { startViewer } from '../src/viewer/start-viewer.js';
import { median } from './stats.js';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const N = quick ? 10_000 : 100_000;
const say = (s: string) => !json && process.stdout.write(`${s}\n`);
const root = mkdtempSync(join(tmpdir(), 'wf-bench-viewer-'));

try {
  const config = { sites: ['staywell', 'forkful', 'wheelo'], tasksPerSite: 2, teacher: 'scripted', noise: 0.4, seed: 1, worldSeed: 1, maxSteps: 60, mode: 'viewport' as const, salvage: DEFAULT_SALVAGE };
  const seed = await generateRun({ dir: join(root, 'seed'), config, parallel: 2, resume: false, force: false });
  const real = [...seed.trajectories()];
  const rows = new Map(seed.rows().map((r) => [r.provenance.episodeId, r]));
  seed.close();

  const t0 = performance.now();
  const dir = join(root, 'big');
  const big = RunStore.create(dir, 'big', { ...config, tasksPerSite: Math.ceil(N / config.sites.length) }, RunStore.versions());
  const clone = (i: number): { t: Trajectory; row: DatasetRow | undefined } => {
    const src = real[i % real.length]!;
    const taskId = `${src.header.task.id}-c${i}`;
    const episodeId = `big-${taskId}`;
    const steps = i < real.length ? src.steps : src.steps.slice(-2).map((s) => ({ ...s, observation: '' }));
    const t: Trajectory = { header: { ...src.header, episodeId, task: { ...src.header.task, id: taskId } }, steps, end: i < real.length ? src.end : { ...src.end, finalObservation: undefined } };
    const r = rows.get(src.header.episodeId);
    const row = r ? { ...r, id: `${episodeId}-${r.kind}`, steps: i < real.length ? r.steps : r.steps.slice(-1).map((s) => ({ ...s, observation: '' })), provenance: { ...r.provenance, episodeId, originalTaskId: taskId } } : undefined;
    return { t, row };
  };
  big.insertTasks(Array.from({ length: N }, (_, i) => clone(i).t.header.task));
  for (let i = 0; i < N; i++) {
    const c = clone(i);
    big.recordEpisode(c.t, c.row);
  }
  big.close();
  const build = (performance.now() - t0) / 1000;
  const mb = statSync(RunStore.path(dir)).size / 1e6;
  say(`synthetic run: ${N.toLocaleString('en-US')} episodes, ${mb.toFixed(0)} MB, built in ${build.toFixed(0)} s`);

  const viewer = await startViewer({ runs: [dir] });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const time = async (path: string, ready: string) => {
    const start = performance.now();
    await page.goto(`${viewer.url}${path}`);
    await page.waitForSelector(ready, { state: 'attached' });
    return performance.now() - start;
  };
  const measures: Record<string, number[]> = { overview: [], episode: [], table: [], filtered: [] };
  for (let rep = 0; rep < 3; rep++) {
    // The first overview of a run computes its figures; later ones are cached until the run grows.
    measures.overview!.push(await time('/runs/big', 'canvas#chart-kinds[data-rendered="true"]'));
    // An episode with all its steps, and one deep in the run.
    measures.episode!.push(await time(`/runs/big/episodes/big-${real[0]!.header.task.id}-c0`, 'canvas#chart-curve[data-rendered="true"]'));
    measures.episode!.push(await time(`/runs/big/episodes/big-${real[(N - 1) % real.length]!.header.task.id}-c${N - 1}`, 'canvas#chart-curve[data-rendered="true"]'));
    measures.table!.push(await time('/runs/big/episodes?page=1000', 'table tbody tr'));
    // The first filtered query reads what the filters need from every episode; later ones use it.
    measures.filtered!.push(await time(`/runs/big/episodes?kind=salvaged&sort=csr&dir=desc&page=10&q=book&site=${rep === 2 ? 'forkful' : 'staywell'}`, 'table tbody tr'));
  }
  await browser.close();
  await viewer.close();

  const r0 = performance.now();
  const report = writeReport({ run: dir, out: join(root, 'report.html') });
  const reportS = (performance.now() - r0) / 1000;

  const out = {
    episodes: N,
    storeMb: Math.round(mb),
    firstRenderMs: {
      overviewFirst: Math.round(measures.overview![0]!),
      overview: Math.round(median(measures.overview!.slice(1))),
      episode: Math.round(median(measures.episode!)),
      table: Math.round(median(measures.table!)),
      filteredFirst: Math.round(measures.filtered![0]!),
      filtered: Math.round(median(measures.filtered!.slice(1))),
    },
    reportSeconds: Number(reportS.toFixed(1)),
    reportKb: Math.round(report.bytes / 1024),
  };
  const r = out.firstRenderMs;
  say(`first render: overview ${r.overviewFirst} ms first, ${r.overview} ms after; episode page ${r.episode} ms; table page 1000 ${r.table} ms; filtered and sorted table ${r.filteredFirst} ms first, ${r.filtered} ms after`);
  say(`report: ${out.reportSeconds} s, ${out.reportKb} KB`);
  if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
