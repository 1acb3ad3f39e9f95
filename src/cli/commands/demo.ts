import { existsSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_NOISE } from '../../agents/scripted/plan.js';
import { launchChromium } from '../../browser/chromium.js';
import { bookThroughUi } from '../../demo/walkthrough.js';
import { exportWithCard, writeExport } from '../../pipeline/exports/index.js';
import { generateRun } from '../../pipeline/generate.js';
import { RunStore } from '../../pipeline/run-store.js';
import { DEFAULT_SALVAGE } from '../../pipeline/salvage.js';
import { runStats } from '../../pipeline/stats.js';
import { startServer, type SiteServer } from '../../sites/engine/server.js';
import { SITES } from '../../sites/registry.js';
import { InvalidInputError } from '../../core/errors.js';
import { parseIntOption, table } from '../output.js';
import { episodeProgress } from '../progress.js';
import { statsTable } from './generate.js';
import { writeReport } from '../../viewer/report/write-report.js';

const say = (s: string) => process.stdout.write(`${s}\n`);

/** Books once on every site through the UI and checks the state API saw exactly that booking. */
async function walkthrough(server: SiteServer, seed: number): Promise<number> {
  const browser = await launchChromium();
  const rows: (string | number)[][] = [];
  let failures = 0;
  try {
    for (const site of server.sites) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const episode = `demo-${site.id}`;
      const started = performance.now();
      try {
        await page.goto(server.startUrl(site.id, server.episodes.create(episode, { replace: true })));
        const r = await bookThroughUi(page, site, server.world, server.origin(site.id), seed);
        const booked = server.episodes.snapshot(episode).sites[site.id]?.bookings ?? [];
        const ok = booked.length === 1 && booked[0]!.reference === r.reference;
        if (!ok) failures++;
        rows.push([site.name, site.domain, r.listingTitle, r.reference, ok ? 'booked' : 'STATE MISMATCH', `${Math.round(performance.now() - started)} ms`]);
      } catch (err) {
        failures++;
        rows.push([site.name, site.domain, '', '', `FAILED: ${(err as Error).message.split('\n')[0]}`, `${Math.round(performance.now() - started)} ms`]);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  say(table(['site', 'domain', 'booked', 'reference', 'result', 'time'], rows));
  return failures;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('book once on every site in headless Chromium, then run the data pipeline end to end on a small budget')
    .option('--port <n>', 'port for the sites (0 = any free port; 8080 falls back to a free one when taken)', parseIntOption('--port', 0, 65535), 8080)
    .option('--seed <s>', 'seed', parseIntOption('--seed'), 1)
    .option('--tasks <n>', 'tasks per site for the pipeline', parseIntOption('--tasks', 1, 1000), 2)
    .option('--parallel <k>', 'episodes at once', parseIntOption('--parallel', 1, 64), 2)
    .option('--out <dir>', 'run directory (resumed when it exists)', 'runs/demo')
    .option('--keep-serving', 'keep the sites up afterwards (default when run in a terminal)')
    .action(async (opts: { port: number; seed: number; tasks: number; parallel: number; out: string; keepServing?: boolean }) => {
      const t0 = performance.now();
      const server = await startServer({ port: opts.port, seed: opts.seed }).catch((err: unknown) => {
        if (opts.port !== 8080) throw err;
        return startServer({ port: 0, seed: opts.seed });
      });
      say(`1. Sites up in ${Math.round(performance.now() - t0)} ms (world seed ${opts.seed}, ${server.world.size()} inventory rows). Booking once on every site:`);
      const failures = await walkthrough(server, opts.seed);

      say(`\n2. Data pipeline: ${opts.tasks} tasks per site, scripted teacher at noise ${DEFAULT_NOISE}, ${opts.parallel} in parallel.`);
      let progress: ReturnType<typeof episodeProgress> | undefined;
      const run = () =>
        generateRun({
          dir: opts.out,
          config: { sites: SITES.map((s) => s.id), tasksPerSite: opts.tasks, teacher: 'scripted', noise: DEFAULT_NOISE, seed: opts.seed, worldSeed: opts.seed, maxSteps: 60, mode: 'viewport', salvage: DEFAULT_SALVAGE },
          parallel: opts.parallel,
          resume: existsSync(RunStore.path(opts.out)),
          force: false,
          onStart: (total, done) => (progress = episodeProgress(total - done)),
          onEpisode: (t) => progress?.tick(t),
        });
      // A demo left by another version (other sites, other options) is kept aside, not resumed into and not lost.
      const store = await run().catch((err: unknown) => {
        if (!(err instanceof InvalidInputError) || !err.message.startsWith('refusing to resume')) throw err;
        const aside = `${opts.out.replace(/\/+$/, '')}-previous-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        renameSync(opts.out, aside);
        say(`   ${opts.out} was made with other options or another version: kept as ${aside}, starting afresh.`);
        return run();
      });
      progress?.stop();
      const stats = runStats(store);
      const rows = store.rows();
      store.close();
      say(statsTable(stats));

      const exportsDir = join(opts.out, 'exports');
      const written: string[] = [];
      for (const format of ['openai', 'sharegpt', 'trl', 'verl', 'react', 'jsonl'] as const) {
        const dir = join(exportsDir, format);
        const r = await exportWithCard(rows, format, { per: 'trajectory' });
        writeExport(dir, r.files);
        written.push(`   ${format.padEnd(8)} ${resolve(dir)}/ (${r.examples} examples)`);
      }
      const report = join(opts.out, 'report.html');
      writeReport({ run: opts.out, out: report });
      say(`\n3. Where things are:`);
      say(`   run store  ${resolve(RunStore.path(opts.out))}`);
      say(`   stats      npx webfoundry stats --run ${opts.out}`);
      say(written.join('\n'));
      say(`   report     ${resolve(report)} (one HTML file with the plots; opens offline)`);
      say(`\nOpen the sites by hand:\n${server.sites.map((s) => `   ${s.name.padEnd(12)} ${server.origin(s.id)}/`).join('\n')}`);
      say(`\nSee every episode step by step, and what salvage kept and why:\n   npx webfoundry view --run ${opts.out} --open`);
      const keep = opts.keepServing ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
      if (keep) {
        say('Serving until Ctrl+C.');
        process.once('SIGINT', () => void server.close().then(() => process.exit(failures ? 1 : 0)));
        return;
      }
      await server.close();
      say(`(run \`npx webfoundry serve\` to keep them up) · demo took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      if (failures) process.exitCode = 1;
    });
}
