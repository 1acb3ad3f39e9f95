/**
 * Task figures: tasks generated per second (per site) and evaluations per second of a
 * 6-constraint task against a state snapshot, on one core. Median of 5 runs each.
 */
import { Rng } from '../src/core/rng.js';
import type { BookingTask as Task } from '../src/core/schemas/task.js';
import { evaluate } from '../src/evaluation/evaluate.js';
import { SITES, loadArenaWorld } from '../src/sites/registry.js';
import { generateTask } from '../src/tasks/generate-task.js';
import { bookedState, buildTarget } from '../src/tasks/target.js';
import { fmt, median } from './stats.js';

const json = process.argv.includes('--json');
const { world } = loadArenaWorld(1);
const out: Record<string, unknown> = {};
const lines: string[] = [];

const TIERS = ['easy', 'medium', 'hard'] as const;
const perSite: Record<string, number> = {};
let sixConstraint: { task: Task; state: ReturnType<typeof bookedState> } | undefined;
for (const catalogue of SITES.map((x) => x.tasks)) {
  const site = SITES.find((s) => s.id === catalogue.siteId)!;
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) {
    const n = 60;
    const t0 = performance.now();
    let made = 0;
    for (let i = 0; i < n; i++) {
      const task = generateTask({ site, catalogue, world, seed: run, index: i, difficulty: TIERS[i % 3]!, split: 'train' });
      if (!task) continue;
      made++;
      if (!sixConstraint && task.constraints.length === 6) {
        const target = buildTarget(site, world, task.target.params, new Rng('b'), task.target.listingId)!;
        sixConstraint = { task, state: bookedState(target) };
      }
    }
    rates.push(made / ((performance.now() - t0) / 1000));
  }
  perSite[site.id] = Math.round(median(rates));
  lines.push(`tasks generated/s  ${site.id.padEnd(11)} ${Math.round(median(rates))}`);
}
out.tasksPerSecond = perSite;

if (sixConstraint) {
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) {
    const n = 200_000;
    const t0 = performance.now();
    let sink = 0;
    for (let i = 0; i < n; i++) sink += evaluate(sixConstraint.task, sixConstraint.state).satisfied;
    rates.push(n / ((performance.now() - t0) / 1000));
    if (sink < 0) throw new Error('unreachable');
  }
  out.evaluationsPerSecond = Math.round(median(rates));
  lines.push(`evaluations/s (6-constraint task vs a snapshot, one core): ${fmt(median(rates), 0)} (target >= 50,000)`);
}
if (json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
else process.stdout.write(`${lines.join('\n')}\n`);
