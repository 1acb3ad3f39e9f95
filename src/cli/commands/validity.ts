import type { Command } from 'commander';
import { startServer } from '../../sites/engine/server.js';
import { loadValiditySet, runCase, summarize, type CaseOutcome } from '../../validity/run-validity.js';
import { parseIntOption, printJson, table } from '../output.js';
import { InvalidInputError } from '../../core/errors.js';
import { Difficulty } from '../../core/schemas/task.js';
import { catalogueFor, loadArenaWorld, siteById } from '../../sites/registry.js';
import { generateTask } from '../../tasks/generate-task.js';
import { generateManageTask } from '../../tasks/manage-task.js';
import { draftCase } from '../../validity/draft-case.js';

const pct = (a: number, n: number) => (n === 0 ? '-' : `${((100 * a) / n).toFixed(1)}%`);

export function registerValidity(program: Command): void {
  const validity = program.command('validity').description("the evaluator against the project's hand-labelled near misses (run, the default), and drafting new cases (draft)");
  validity
    .command('run', { isDefault: true })
    .description("drive every case on the real sites and compare the evaluator's verdict on each constraint with its hand label")
    .option('--dir <dir>', "a folder of <site>.json case files instead of the sites' own (src/sites/<id>/validity.json)")
    .option('--site <id>', 'only the cases of this site')
    .option('--pages', 'print the review and confirmation pages each case reached (what the labels were written from)')
    .option('--json', 'print JSON')
    .action(async (opts: { dir: string; site?: string; pages?: boolean; json?: boolean }) => {
      const { world } = loadArenaWorld(1);
      const cases = loadValiditySet(opts.dir, world.seed, opts.site);
      const server = await startServer({ port: 0, world });
      const results: CaseOutcome[] = [];
      try {
        for (const c of cases) results.push(await runCase(server, c));
      } finally {
        await server.close();
      }
      const report = summarize(results);
      if (opts.json) {
        printJson(opts.pages ? { ...report, pages: results.map((r) => ({ case: r.caseId, ...r.pages })) } : report);
      } else {
        const sites = Object.entries(report.perSite).map(([site, s]) => [site, s.cases, s.constraints, s.agreed, pct(s.agreed, s.constraints)]);
        process.stdout.write(`${table(['site', 'cases', 'constraints', 'agreed', 'agreement'], sites)}\n`);
        const kinds = Object.entries(report.perKind).map(([kind, k]) => [kind, k.constraints, k.agreed, pct(k.agreed, k.constraints)]);
        process.stdout.write(`${table(['constraint kind', 'constraints', 'agreed', 'agreement'], kinds)}\n`);
        if (opts.pages) {
          for (const r of results) {
            const seen = [['REVIEW', r.pages.review], ['CART', r.pages.cart], ['PAYMENT', r.pages.payment], ['CONFIRMATION', r.pages.confirmation], ['MY BOOKINGS', r.pages.bookings], ['BOOKING', r.pages.manage]] as const;
            const lines = seen.filter(([name, text]) => text !== undefined || name === 'REVIEW' || name === 'CONFIRMATION').map(([name, text]) => `${name}: ${text ?? '-'}`);
            process.stdout.write(`\n## ${r.caseId}: ${r.about}\n${lines.join('\n')}\n`);
          }
        }
        for (const d of report.disagreements) process.stdout.write(`DISAGREE ${d.caseId} / ${d.constraintId} (${d.kind}): label ${d.label} (${d.why}), evaluator ${d.evaluator} ${JSON.stringify(d.evidence)}\n`);
        process.stdout.write(`${report.cases} cases, ${report.constraints} constraints: agreement ${pct(report.agreed, report.constraints)}\n`);
      }
      if (report.disagreements.length > 0) process.exitCode = 1;
    });

  validity
    .command('draft')
    .description('print a starting point for a new case: a generated task, the episode that books its target, and every other option of its search; write the labels yourself from the pages')
    .requiredOption('--site <id>', 'site')
    .option('--seed <s>', 'generation seed', parseIntOption('--seed'), 7)
    .option('--index <i>', 'task index', parseIntOption('--index'), 0)
    .option('--tier <tier>', 'easy | medium | hard', 'hard')
    .option('--manage', 'draft a task about a booking the user already has (cancel it, rename or move it) on a site with a manage policy')
    .action((opts: { site: string; seed: number; index: number; tier: string; manage?: boolean }) => {
      const { world } = loadArenaWorld(1);
      const difficulty = Difficulty.safeParse(opts.tier);
      if (!difficulty.success) throw new InvalidInputError(`--tier must be easy, medium or hard, got "${opts.tier}"`);
      const site = siteById(opts.site);
      if (opts.manage && !site.manage) throw new InvalidInputError(`${site.id} has no manage policy: its bookings cannot be changed or cancelled`);
      const generate = opts.manage ? generateManageTask : generateTask;
      const task = generate({ site, catalogue: catalogueFor(site.id), world, seed: opts.seed, index: opts.index, difficulty: difficulty.data, split: 'dev' });
      if (!task) throw new InvalidInputError(`no ${opts.manage ? 'manage ' : ''}${opts.tier} task for index ${opts.index} of seed ${opts.seed} on ${site.id}; try another index`);
      printJson(draftCase(task, site, world));
    });
}
