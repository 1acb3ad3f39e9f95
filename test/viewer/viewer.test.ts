// The viewer and the report against real runs: a `generate` run of the scripted teacher (with
// screenshots) and a `run --out` directory of the same teacher without noise on some of its
// tasks, both made here; real Chromium reads the pages through their accessibility tree.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startViewer, type Viewer } from '../../src/viewer/start-viewer.js';
import { writeReport } from '../../src/viewer/report/write-report.js';
import { ApiError, Comparison, EpisodeDetail, EpisodePage, Overview } from '../../src/viewer/api/schema.js';
import { generateRun } from '../../src/pipeline/generate.js';
import { DEFAULT_SALVAGE } from '../../src/pipeline/salvage.js';
import type { RunStats } from '../../src/pipeline/stats.js';
import type { DatasetRow } from '../../src/core/schemas/dataset.js';
import type { Trajectory } from '../../src/core/schemas/trajectory.js';
import { closeBrowser, sharedBrowser } from '../helpers/browser.js';

const BIN = join(import.meta.dirname, '../../bin/webfoundry.mjs');
const root = mkdtempSync(join(tmpdir(), 'wf-viewer-'));
const teacherDir = join(root, 'teacher');
const cleanDir = join(root, 'clean');

/** Runs the CLI; resolves with its stdout, rejects with its output when it fails. */
function cli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`webfoundry ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

/** Every file under a directory with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }).map(String)) {
    const p = join(dir, f);
    if (statSync(p).isFile()) out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
  }
  return out;
}

/** The value of a figure card: the definition that follows its term. */
const figure = (page: Page, term: string) => page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd');

/** Pixels of a canvas that are not transparent: a chart that drew something has many. */
async function inkedPixels(page: Page, selector: string): Promise<number[]> {
  return page.$$eval(selector, (canvases) =>
    (canvases as HTMLCanvasElement[]).map((c) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
      return n;
    }),
  );
}

let teacher: Trajectory[] = [];
let rows: DatasetRow[] = [];
let clean: Trajectory[] = [];
let stats: RunStats;
let before: Record<string, Record<string, string>> = {};
let viewer: Viewer;
let context: BrowserContext;
const consoleErrors: string[] = [];

beforeAll(async () => {
  const store = await generateRun({
    dir: teacherDir,
    config: { sites: ['staywell', 'forkful'], tasksPerSite: 2, teacher: 'scripted', noise: 0.4, seed: 1, worldSeed: 1, maxSteps: 60, mode: 'viewport', salvage: DEFAULT_SALVAGE, screenshots: 'marks' },
    parallel: 2,
    resume: false,
    force: false,
  });
  teacher = [...store.trajectories()];
  rows = store.rows();
  const staywell = store.tasks().filter((t) => t.site === 'staywell');
  store.close();
  writeFileSync(join(root, 'tasks.jsonl'), staywell.map((t) => JSON.stringify(t)).join('\n') + '\n');
  // What a user runs: stats of the first, and the teacher without noise on two of its tasks.
  const [statsJson] = await Promise.all([
    cli(['stats', '--run', teacherDir, '--json']),
    cli(['run', '--tasks', join(root, 'tasks.jsonl'), '--out', cleanDir, '--noise', '0', '--parallel', '2', '--screenshots', 'plain']),
  ]);
  stats = JSON.parse(statsJson) as RunStats;
  clean = readdirSync(join(cleanDir, 'trajectories')).map((f) => {
    const lines = readFileSync(join(cleanDir, 'trajectories', f), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    return { header: lines[0], steps: lines.slice(1, -1), end: lines[lines.length - 1] } as Trajectory;
  });

  // Runs that cannot be shown: missing, corrupt, and a store of another version.
  mkdirSync(join(root, 'corrupt'));
  writeFileSync(join(root, 'corrupt', 'run.sqlite'), 'this is not a database, only text that ends up here by mistake\n'.repeat(100));
  mkdirSync(join(root, 'old'));
  copyFileSync(join(teacherDir, 'run.sqlite'), join(root, 'old', 'run.sqlite'));
  const old = new Database(join(root, 'old', 'run.sqlite'));
  old.prepare("UPDATE meta SET value = ? WHERE key = 'versions'").run(JSON.stringify({ store: 1, webfoundry: '0.0.1', world: 1 }));
  old.pragma('journal_mode = DELETE');
  old.close();

  before = { teacher: snapshot(teacherDir), clean: snapshot(cleanDir), old: snapshot(join(root, 'old')) };
  viewer = await startViewer({ runs: [teacherDir, cleanDir, join(root, 'missing'), join(root, 'corrupt'), join(root, 'old')] });
  context = await (await sharedBrowser()).newContext({ viewport: { width: 1280, height: 900 } });
  context.on('page', (p) => {
    p.on('console', (m) => m.type() === 'error' && consoleErrors.push(`${p.url()}: ${m.text()}`));
    p.on('pageerror', (e) => consoleErrors.push(`${p.url()}: ${String(e)}`));
  });
}, 600_000);

afterAll(async () => {
  await context?.close();
  await viewer?.close();
  await closeBrowser();
  rmSync(root, { recursive: true, force: true });
});

const fix = (x: number) => x.toFixed(2);
const salvagedRow = () => {
  const row = rows.find((r) => r.kind === 'salvaged' && r.provenance.truncationIndex < r.provenance.originalSteps - 1);
  if (!row) throw new Error(`the teacher run made no salvaged row with a cut (rows: ${rows.map((r) => r.kind).join(', ')}); choose another seed`);
  return row;
};

describe('webfoundry view', () => {
  it('the overview shows the figures of `stats --json` and draws its plots', async () => {
    const page = await context.newPage();
    await page.goto(`${viewer.url}/runs/teacher`);
    const o = stats.overall;
    await expect.poll(() => figure(page, 'Episodes').textContent()).toBe(String(o.episodes));
    expect(await figure(page, 'SR').textContent()).toBe(fix(o.sr));
    expect(await figure(page, 'Mean CSR').textContent()).toBe(fix(o.meanCsr));
    expect(await figure(page, 'Success rows').textContent()).toBe(String(o.rows.success));
    expect(await figure(page, 'Salvaged rows').textContent()).toBe(String(o.rows.salvaged));
    expect(await figure(page, 'Dropped').textContent()).toBe(String(o.episodes - o.rows.success - o.rows.salvaged));
    expect(await figure(page, 'Examples success / salvaged').textContent()).toBe(`${o.examples.success} / ${o.examples.salvaged}`);
    expect(await figure(page, 'Salvage expansion').textContent()).toBe(o.expansion === null ? '-' : `${fix(o.expansion)}x`);
    const perSite = page.getByRole('table', { name: 'Per site' });
    for (const [site, s] of Object.entries(stats.bySite)) {
      const cells = await perSite.getByRole('row', { name: new RegExp(`^${site} `) }).getByRole('cell').allTextContents();
      expect(cells.slice(0, 4), site).toEqual([String(s.episodes), fix(s.sr), fix(s.meanCsr), s.csrHistogram.join(' ')]);
    }
    await page.waitForSelector('canvas[data-rendered="true"]');
    const canvases = page.locator('canvas');
    expect(await canvases.count()).toBe(3);
    await expect.poll(() => inkedPixels(page, 'canvas').then((n) => n.filter((x) => x > 500).length)).toBe(3);
    // The overview is also served as JSON, with the same figures.
    const api = (await (await fetch(`${viewer.url}/api/v1/runs/teacher/overview`)).json()) as { apiVersion: number; overall: { episodes: number; sr: number } };
    expect(api).toMatchObject({ apiVersion: 1, overall: { episodes: o.episodes, sr: o.sr } });
    await page.close();
  });

  it('the episodes table filters by kind and by words of the instruction, and links to each episode', async () => {
    const page = await context.newPage();
    await page.goto(`${viewer.url}/runs/teacher/episodes`);
    const table = page.getByRole('table').last();
    const bodyRows = () => table.locator('tbody tr');
    expect(await bodyRows().count()).toBe(teacher.length);

    await page.getByLabel('Kind').selectOption('salvaged');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/kind=salvaged/);
    expect(await bodyRows().count()).toBe(rows.filter((r) => r.kind === 'salvaged').length);

    // A word found in exactly the instructions that contain it (the table's text search).
    const target = teacher.find((t) => t.header.task.site === 'forkful')!;
    const word = target.header.task.instruction.split(/\W+/).find((w) => w.length > 5 && /^[A-Z]/.test(w))!;
    const expected = teacher.filter((t) => t.header.task.instruction.toLowerCase().includes(word.toLowerCase())).length;
    await page.getByRole('link', { name: 'Clear' }).click();
    await page.getByLabel('Instruction contains').fill(word);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(new RegExp(`q=${word}`));
    expect(await bodyRows().count()).toBe(expected);

    await page.getByRole('link', { name: target.header.task.id }).click();
    await page.waitForURL(new RegExp(`/runs/teacher/episodes/${target.header.episodeId}$`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Episode ${target.header.episodeId}`);
    await page.close();
  });

  it('a salvaged episode shows every step, the CSR curve, the cut, the relabeled instruction and the screenshots with marks', async () => {
    const row = salvagedRow();
    const t = teacher.find((x) => x.header.episodeId === row.provenance.episodeId)!;
    const cut = row.provenance.truncationIndex;
    const page = await context.newPage();
    await page.goto(`${viewer.url}/runs/teacher/episodes/${t.header.episodeId}`);
    const steps = page.getByRole('list', { name: 'Steps' }).getByRole('listitem', { name: /^Step \d+$/ });
    expect(await steps.count()).toBe(t.steps.length);
    for (const [i, s] of t.steps.entries()) expect(await steps.nth(i).locator('.step-head code').textContent()).toBe(s.action);

    const curve = page.getByRole('img', { name: /^CSR curve: / });
    expect(await curve.getAttribute('aria-label')).toBe(`CSR curve: ${t.end.evaluation.curve.map(fix).join(', ')}`);
    await expect.poll(() => inkedPixels(page, '#chart-curve').then((n) => n[0]!)).toBeGreaterThan(500);

    const salvage = page.getByRole('region', { name: 'Salvage: cut and relabeled' });
    expect(await salvage.getByRole('link', { name: `step ${cut}` }).count()).toBe(1);
    expect(await salvage.getByLabel('Relabeled instruction').textContent()).toBe(row.task.instruction);
    expect(await salvage.getByLabel('Original instruction').textContent()).toBe(t.header.task.instruction);
    for (const id of row.provenance.droppedConstraintIds) expect(await salvage.getByText(new RegExp(`^${id}$`)).count(), id).toBeGreaterThan(0);
    // The cut sits on the timeline right after the last kept step.
    const marker = page.getByRole('note').filter({ hasText: 'Salvage cut here' });
    expect(await marker.evaluate((el) => el.previousElementSibling?.getAttribute('aria-label'))).toBe(`Step ${cut}`);

    // Screenshots: one per step, what the agent saw, with set-of-marks.
    const shot = steps.nth(1).getByRole('img', { name: 'Screenshot before step 1' });
    await shot.scrollIntoViewIfNeeded();
    await expect.poll(() => shot.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    expect(await steps.nth(1).getByText(/with set-of-marks/).count()).toBe(1);
    const served = await fetch(`${viewer.url}/runs/teacher/episodes/${t.header.episodeId}/steps/1/screenshot`);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    await page.close();
  });

  it('a step has its own link, and the constraint grid says when each constraint was first met', async () => {
    const t = teacher.find((x) => x.end.evaluation.sr)!;
    const page = await context.newPage();
    await page.goto(`${viewer.url}/runs/teacher/episodes/${t.header.episodeId}/steps/3`);
    await page.waitForURL(/#step-3$/);
    await expect.poll(() => page.getByRole('listitem', { name: 'Step 3', exact: true }).isVisible()).toBe(true);
    expect(await page.locator('#step-3').evaluate((el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })).toBe(true);
    // Each constraint's row names the step after which it first held (the last step of a success at the latest).
    const grid = page.getByRole('table', { name: 'Constraints by step' });
    for (const v of t.end.evaluation.verdicts) expect(await grid.getByRole('rowheader', { name: new RegExp(`^${v.id} met at \\d+`) }).count(), v.id).toBe(1);
    await page.close();
  });

  it('a `run --out` directory opens too, with its plain screenshots, and compares with the generate run on the shared tasks', async () => {
    const page = await context.newPage();
    await page.goto(`${viewer.url}/runs/clean`);
    expect(await figure(page, 'Episodes').textContent()).toBe(String(clean.length));
    const e = clean[0]!;
    await page.goto(`${viewer.url}/runs/clean/episodes/${e.header.episodeId}`);
    const shot = page.getByRole('img', { name: 'Screenshot before step 0' });
    await expect.poll(() => shot.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    expect(await page.getByText(/with set-of-marks/).count()).toBe(0);

    await page.goto(`${viewer.url}/compare/teacher/clean`);
    const shared = teacher.filter((t) => clean.some((c) => c.header.task.id === t.header.task.id));
    expect(shared).toHaveLength(clean.length);
    const differ = shared.filter((t) => {
      const c = clean.find((x) => x.header.task.id === t.header.task.id)!;
      return c.end.evaluation.sr !== t.end.evaluation.sr || c.end.evaluation.csr !== t.end.evaluation.csr;
    });
    const table = page.getByRole('table', { name: 'Tasks where the runs differ' });
    expect(await table.locator('tbody tr').count()).toBe(differ.length);
    for (const t of differ) {
      const c = clean.find((x) => x.header.task.id === t.header.task.id)!;
      const row = table.getByRole('row', { name: new RegExp(t.header.task.id) });
      expect(await row.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([`/runs/teacher/episodes/${t.header.episodeId}`, `/runs/clean/episodes/${c.header.episodeId}`]);
    }
    await expect.poll(() => inkedPixels(page, '#chart-compare').then((n) => n[0]!)).toBeGreaterThan(500);
    await page.close();
  });

  it('a missing, corrupt or other-version run gets an error page that says what to do, and the viewer keeps serving', async () => {
    const page = await context.newPage();
    const cases: [string, number, RegExp][] = [
      ['missing', 404, /does not exist/],
      ['corrupt', 422, /not a readable WebFoundry run store/],
      ['old', 422, /version 1; this viewer reads version 2/],
    ];
    for (const [name, status, message] of cases) {
      const r = await page.goto(`${viewer.url}/runs/${name}`);
      expect(r!.status(), name).toBe(status);
      expect(await page.getByRole('main').textContent(), name).toMatch(message);
      const api = await fetch(`${viewer.url}/api/v1/runs/${name}/overview`);
      expect(api.status).toBe(status);
      expect(((await api.json()) as { error: string }).error).toMatch(message);
    }
    const r = await page.goto(`${viewer.url}/runs/teacher/episodes/no-such-episode`);
    expect(r!.status()).toBe(404);
    expect((await page.goto(`${viewer.url}/runs/teacher`))!.status()).toBe(200);
    await page.close();
  });

  it('the API answers what its schemas say, and a bad filter is refused by name', async () => {
    const get = async (path: string) => (await fetch(`${viewer.url}${path}`)).json();
    const t = teacher[0]!;
    Overview.parse(await get('/api/v1/runs/clean/overview'));
    const page = EpisodePage.parse(await get('/api/v1/runs/teacher/episodes?sort=csr&dir=desc&pageSize=2&page=2'));
    expect(page.episodes.map((e) => e.csr)).toEqual(teacher.map((x) => x.end.evaluation.csr).sort((a, b) => b - a).slice(2, 4));
    expect(page.pages).toBe(Math.ceil(teacher.length / 2));
    EpisodeDetail.parse(await get(`/api/v1/runs/teacher/episodes/${t.header.episodeId}`));
    EpisodeDetail.parse(await get(`/api/v1/runs/clean/episodes/${clean[0]!.header.episodeId}`));
    Comparison.parse(await get('/api/v1/compare/teacher/clean'));
    const bad = await fetch(`${viewer.url}/api/v1/runs/teacher/episodes?csrMin=2`);
    expect(bad.status).toBe(422);
    expect(ApiError.parse(await bad.json()).error).toMatch(/csrMin/);
  });

  it('wrote nothing to the runs, and no page logged an error', async () => {
    // The bytes of each run as they were before the viewer opened it.
    expect(snapshot(teacherDir)).toEqual(before.teacher);
    expect(snapshot(cleanDir)).toEqual(before.clean);
    expect(snapshot(join(root, 'old'))).toEqual(before.old);
    expect(consoleErrors.filter((e) => !/status of (404|422)/.test(e))).toEqual([]);
  });
});

describe('the commands', () => {
  it('`view` prints the URLs of the run and of the comparison, and serves them until stopped', async () => {
    const child = spawn(process.execPath, [BIN, 'view', '--run', teacherDir, '--compare', cleanDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      await expect.poll(() => out, { timeout: 120_000, interval: 200 }).toMatch(/API: /);
      const viewerUrl = /Viewer: (\S+)/.exec(out)![1]!;
      const compareUrl = /Compare: (\S+)/.exec(out)![1]!;
      expect(viewerUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/runs\/teacher$/);
      expect(compareUrl).toMatch(/\/compare\/teacher\/clean$/);
      expect((await fetch(viewerUrl)).status).toBe(200);
      expect((await fetch(compareUrl)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('`report --json` says where it wrote and how much', async () => {
    const out = join(root, 'cli-report.html');
    const r = JSON.parse(await cli(['report', '--run', teacherDir, '--out', out, '--json'])) as { out: string; episodes: number; bytes: number };
    expect(r).toMatchObject({ out, episodes: teacher.length });
    expect(statSync(out).size).toBe(r.bytes);
  });
});

describe('webfoundry report', () => {
  it('writes one HTML file that opens with no network and draws every plot', async () => {
    const out = join(root, 'report', 'report.html');
    const r = writeReport({ run: teacherDir, compare: cleanDir, out });
    expect(r.episodes).toBe(teacher.length);
    const offline = await (await sharedBrowser()).newContext({ offline: true });
    const requests: string[] = [];
    const errors: string[] = [];
    await offline.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const page = await offline.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`file://${out}`);
    await page.waitForSelector('body[data-report-ready="true"]');
    const ids = await page.$$eval('canvas', (cs) => cs.map((c) => c.id));
    expect(ids.sort()).toEqual(['chart-compare', 'chart-csr-hist', 'chart-curve', 'chart-kinds', 'chart-sites', 'chart-steps', 'chart-tokens', 'chart-unmet']);
    const inked = await inkedPixels(page, 'canvas');
    expect(inked.every((n) => n > 500), `pixels drawn per plot: ${inked.join(', ')}`).toBe(true);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    // The figures it prints are those of `stats --json`.
    expect(await figure(page, 'SR').textContent()).toBe(fix(stats.overall.sr));
    await offline.close();
  });
});
