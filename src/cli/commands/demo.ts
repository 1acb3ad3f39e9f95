import type { Command } from 'commander';
import { launchChromium } from '../../browser/chromium.js';
import { bookThroughUi } from '../../demo/walkthrough.js';
import { startServer } from '../../sites/engine/server.js';
import { parseIntOption, table } from '../output.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('start the sites, book one trip on every site with headless Chromium, and print the URLs')
    .option('--port <n>', 'port (0 = any free port; 8080 falls back to a free one when taken)', parseIntOption('--port', 0, 65535), 8080)
    .option('--seed <s>', 'world seed', parseIntOption('--seed'), 1)
    .option('--keep-serving', 'keep the sites up afterwards (default when run in a terminal)')
    .action(async (opts: { port: number; seed: number; keepServing?: boolean }) => {
      const t0 = performance.now();
      const server = await startServer({ port: opts.port, seed: opts.seed }).catch((err: unknown) => {
        if (opts.port !== 8080) throw err;
        return startServer({ port: 0, seed: opts.seed });
      });
      process.stdout.write(`sites up in ${Math.round(performance.now() - t0)} ms (world seed ${opts.seed}, ${server.world.size()} inventory rows)\n`);
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
            await page.goto(`${server.origin(site.id)}/?wf_episode=${episode}`);
            const r = await bookThroughUi(page, site, server.world, server.origin(site.id), opts.seed);
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
      process.stdout.write(`${table(['site', 'domain', 'booked', 'reference', 'result', 'time'], rows)}\n`);
      process.stdout.write(`\nOpen the sites by hand:\n${server.sites.map((s) => `  ${s.name.padEnd(12)} ${server.origin(s.id)}/`).join('\n')}\n`);
      const keep = opts.keepServing ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
      if (keep) {
        process.stdout.write('Serving until Ctrl+C.\n');
        process.once('SIGINT', () => void server.close().then(() => process.exit(failures ? 1 : 0)));
        return;
      }
      await server.close();
      process.stdout.write('(run `npx webfoundry serve` to keep them up)\n');
      if (failures) process.exitCode = 1;
    });
}
