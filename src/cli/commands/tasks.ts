import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.js';
import type { AnswerSpec } from '../../core/schemas/answer.js';
import { Split, isBookingTask, isQaTask, type Task } from '../../core/schemas/task.js';
import { SITES, catalogueFor, loadArenaWorld, siteById } from '../../sites/registry.js';
import { generateTasks } from '../../tasks/generate-batch.js';
import { generateTask } from '../../tasks/generate-task.js';
import { lintQuestion, lintTask } from '../../tasks/lint-instruction.js';
import { loadTasks, writeTasks } from '../../tasks/task-file.js';
import { registerDecompose } from './decompose.js';
import { registerSuiteCommand } from './tasks-suite.js';
import { generateQaCommand } from './tasks-qa.js';
import { parseIntOption, printJson, table } from '../output.js';

function summary(tasks: readonly Task[]): (string | number)[][] {
  const bySite = new Map<string, Task[]>();
  for (const t of tasks) bySite.set(t.site, [...(bySite.get(t.site) ?? []), t]);
  return [...bySite].map(([site, ts]) => [
    site,
    ts.length,
    ts.filter((t) => t.metadata.difficulty === 'easy').length,
    ts.filter((t) => t.metadata.difficulty === 'medium').length,
    ts.filter((t) => t.metadata.difficulty === 'hard').length,
    (ts.reduce((s, t) => s + t.constraints.length, 0) / ts.length).toFixed(1),
  ]);
}

const SUMMARY_HEAD = ['site', 'tasks', 'easy', 'medium', 'hard', 'constraints/task'];

export function registerTasks(program: Command): void {
  const tasks = program.command('tasks').description('generate, check and show tasks (typed constraints + instruction)');

  tasks
    .command('generate')
    .description('generate N feasible tasks per site (--kind booking), or N questions over the world (--kind qa --method crawl|e2h|kg|cross); deterministic by seed')
    .option('--kind <kind>', 'booking | qa', 'booking')
    .option('--site <id>', 'booking: one site')
    .option('--all', 'booking: every site')
    .option('--method <m>', 'qa: crawl (questions from a crawl of the guide), e2h (easy-to-hard rewrites), kg (knowledge-graph walks with obfuscation), cross (a kg walk to a hotel, asking what only its booking page shows, or to a route, asking what SkyHop\'s results of a day show)')
    .option('--level <l>', 'qa: WebSailor level 1, 2 or 3 for every question (default: 1, 2, 3 in turn)')
    .option('--rounds <n>', 'qa e2h: replacement rounds (difficulty) for every question', parseIntOption('--rounds', 0, 8))
    .option('--parts <n>', 'qa kg, e2h: parts per question (each its own answer constraint: partial credit)', parseIntOption('--parts', 1, 4), 1)
    .option('--walk-parts', 'qa with --parts: the last part asks about another entity of the walk (the venue, the city), not the answer\'s own')
    .option('--max-pages <n>', 'qa crawl: pages crawled at most', parseIntOption('--max-pages', 1, 100_000), 400)
    .option('--origin <url>', 'qa crawl: crawl this running guide instead of starting a server')
    .requiredOption('--count <n>', 'tasks per site (booking) or questions (qa)', parseIntOption('--count', 1, 100_000))
    .option('--seed <s>', 'generation seed', parseIntOption('--seed'), 1)
    .option('--world-seed <s>', 'world (inventory) seed', parseIntOption('--world-seed'), 1)
    .option('--split <split>', 'train | dev | test', 'train')
    .requiredOption('--out <file>', 'output JSONL file')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { kind: string; site?: string; all?: boolean; method?: string; level?: string; rounds?: number; parts: number; walkParts?: boolean; maxPages: number; origin?: string; count: number; seed: number; worldSeed: number; split: string; out: string; json?: boolean }) => {
      const split = Split.safeParse(opts.split);
      if (!split.success) throw new InvalidInputError(`--split must be train, dev or test, got "${opts.split}"`);
      if (opts.kind === 'qa') {
        if (opts.site || opts.all) throw new InvalidInputError('--site and --all are for booking tasks: a question may span every site', { hint: 'drop them with --kind qa' });
        return generateQaCommand({ ...opts, split: split.data });
      }
      if (opts.kind !== 'booking') throw new InvalidInputError(`--kind must be booking or qa, got "${opts.kind}"`);
      if (opts.method !== undefined) throw new InvalidInputError('--method is for --kind qa');
      if (!opts.site === !opts.all) throw new InvalidInputError('give exactly one of --site ID or --all');
      const sites = opts.all ? SITES : [siteById(opts.site!)];
      const { world } = loadArenaWorld(opts.worldSeed);
      // Train and dev tasks never coincide with a held-out test task (generateTasks excludes the shipped suites).
      const t0 = performance.now();
      const made = generateTasks({ sites, count: opts.count, seed: opts.seed, split: split.data, world });
      writeTasks(opts.out, made);
      const ms = performance.now() - t0;
      if (opts.json) printJson({ out: opts.out, tasks: made.length, ms: Math.round(ms), sites: summary(made).map(([site, n]) => ({ site, tasks: n })) });
      else process.stdout.write(`${table(SUMMARY_HEAD, summary(made))}\nwrote ${made.length} tasks to ${opts.out} in ${Math.round(ms)} ms\n`);
    });

  tasks
    .command('check <file-or-suite>')
    .description('validate a task file: schema, versions and feasibility against the world')
    .option('--world-seed <s>', 'world (inventory) seed', parseIntOption('--world-seed'), 1)
    .option('--json', 'print JSON')
    .action((source: string, opts: { worldSeed: number; json?: boolean }) => {
      const { world } = loadArenaWorld(opts.worldSeed);
      const loaded = loadTasks(source, { world });
      if (opts.json) printJson({ source, tasks: loaded.length, feasible: true });
      else process.stdout.write(`${table(SUMMARY_HEAD, summary(loaded))}\n${loaded.length} tasks: valid and feasible\n`);
    });

  tasks
    .command('lint [file-or-suite]')
    .description('lint instructions as a careful reader would: a task file, or a fresh sample of every site (--sample N per tier and site)')
    .option('--sample <n>', 'generate N tasks per tier and site and lint them (when no file is given)', parseIntOption('--sample', 1, 10_000), 50)
    .option('--seed <s>', 'generation seed of the sample', parseIntOption('--seed'), 1)
    .option('--world-seed <s>', 'world (inventory) seed', parseIntOption('--world-seed'), 1)
    .option('--json', 'print JSON')
    .action((source: string | undefined, opts: { sample: number; seed: number; worldSeed: number; json?: boolean }) => {
      let linted: Task[];
      if (source !== undefined) linted = loadTasks(source);
      else {
        const { world } = loadArenaWorld(opts.worldSeed);
        linted = [];
        for (const site of SITES) {
          for (const difficulty of ['easy', 'medium', 'hard'] as const) {
            for (let index = 0; index < opts.sample; index++) {
              const t = generateTask({ site, catalogue: catalogueFor(site.id), world, seed: opts.seed, index, difficulty, split: 'train' });
              if (t) linted.push(t);
            }
          }
        }
      }
      const findings = linted.flatMap((t) => (isBookingTask(t) ? lintTask(t) : lintQuestion(t)).map((f) => ({ task: t.id, site: t.site, ...f, instruction: t.instruction })));
      if (opts.json) printJson({ tasks: linted.length, findings });
      else {
        const bySite = SITES.map((s) => [s.id, linted.filter((t) => t.site === s.id).length, findings.filter((f) => f.site === s.id).length]).filter((r) => Number(r[1]) > 0);
        process.stdout.write(`${table(['site', 'tasks', 'findings'], bySite)}
`);
        for (const f of findings.slice(0, 50)) process.stdout.write(`${f.task} ${f.rule}: ${f.message}\n  ${f.instruction}\n`);
        process.stdout.write(`${linted.length} tasks linted, ${findings.length} findings\n`);
      }
      if (findings.length > 0) process.exitCode = 1;
    });

  registerDecompose(tasks);
  registerSuiteCommand(tasks);

  tasks
    .command('show <file-or-suite>')
    .description('print tasks: id, difficulty, instruction and constraints')
    .option('--limit <n>', 'at most N tasks', parseIntOption('--limit', 1), 20)
    .option('--site <id>', 'only this site')
    .option('--json', 'print JSON')
    .action((source: string, opts: { limit: number; site?: string; json?: boolean }) => {
      const shown = loadTasks(source).filter((t) => !opts.site || t.site === opts.site).slice(0, opts.limit);
      if (opts.json) return printJson(shown);
      for (const t of shown) {
        const qa = isQaTask(t) ? ` ${t.qa.method}, level ${t.qa.level}, ${t.qa.hops} hops` : '';
        process.stdout.write(`\n${t.id} [${t.metadata.difficulty}${qa}]\n  ${t.instruction}\n`);
        for (const c of t.constraints) process.stdout.write(`    - ${c.id} (${c.kind}, ${c.stage}): ${c.phrase}${c.kind === 'answer' ? ` = ${answerText(c.answer)}` : ''}\n`);
        if (isQaTask(t)) process.stdout.write(`    proof: ${t.qa.proof.map((p) => `${p.site}${p.path}`).join(' ')}\n`);
      }
    });
}

/** An answer as a person would read it in a listing. */
function answerText(a: AnswerSpec): string {
  if (a.type === 'set') return `{${a.members.map((m) => m.value).join(', ')}}`;
  if (a.type === 'number') return `${a.value}${a.unit ? ` ${a.unit}` : ''}${a.tolerance ? ` ± ${a.tolerance}` : ''}`;
  if (a.type === 'string' && a.aliases?.length) return `${a.value} (or ${a.aliases.join(', ')})`;
  return String(a.value);
}
