import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.js';
import type { BookingTask as Task } from '../../core/schemas/task.js';
import { createProvider } from '../../models/config.js';
import type { ModelProvider } from '../../models/provider.js';
import { decomposeWithModel } from '../../pipeline/decompose/llm-decompose.js';
import { loadArenaWorld, siteById } from '../../sites/registry.js';
import { agreementKey, type Decomposed, type Decomposition } from '../../tasks/decompose/decompose.js';
import { decomposeWithPhraseBook } from '../../tasks/decompose/phrase-book.js';
import { siteSchema } from '../../tasks/decompose/site-schema.js';
import { taskFromDecomposition } from '../../tasks/decompose/to-task.js';
import { loadBookingTasks, writeTasks } from '../../tasks/task-file.js';
import type { World } from '../../world/world.js';
import { llmFlags, resolveLlm, type LlmFlags } from '../llm-flags.js';
import { parseIntOption, printJson, table } from '../output.js';

type Opts = LlmFlags & { site?: string; file?: string; out?: string; measure?: string; limit: number; worldSeed: number; json?: boolean };

/** One line of the progress file next to --out: what each instruction became. */
type Done = { line: number; site: string; instruction: string; decomposition: Decomposition; taskId?: string; problem?: string; task?: Task };

/** Instructions of a plain text file (one a line) or JSONL ({"instruction": ..., "site"?: ...}). */
function readInstructions(path: string, site: string | undefined): { line: number; site: string; instruction: string }[] {
  if (!existsSync(path)) throw new InvalidInputError(`${path} does not exist`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((raw, i) => ({ raw: raw.trim(), line: i + 1 }))
    .filter((x) => x.raw.length > 0 && !x.raw.startsWith('#'))
    .map(({ raw, line }) => {
      let instruction = raw;
      let lineSite = site;
      if (raw.startsWith('{')) {
        let v: { instruction?: unknown; site?: unknown };
        try {
          v = JSON.parse(raw) as typeof v;
        } catch (err) {
          throw new InvalidInputError(`${path}:${line}: not valid JSON (${(err as Error).message})`);
        }
        if (typeof v.instruction !== 'string' || !v.instruction.trim()) throw new InvalidInputError(`${path}:${line}: a JSON line needs an "instruction" string`);
        instruction = v.instruction;
        if (typeof v.site === 'string') lineSite = v.site;
      }
      if (!lineSite) throw new InvalidInputError(`${path}:${line}: no site`, { hint: 'pass --site ID, or give "site" on each JSON line' });
      return { line, site: siteById(lineSite).id, instruction };
    });
}

export function registerDecompose(tasks: Command): void {
  const cmd = tasks
    .command('decompose [instruction]')
    .description("split free-text instructions into the site's typed constraints (embedded phrase book, or a model with --model); with --file and --out, a task file that run, bench and generate accept; --measure scores agreement on a task file")
    .option('--site <id>', 'the site the instructions are for')
    .option('--file <path>', 'instructions, one per line, or JSONL with "instruction" (and "site")')
    .option('--out <tasks.jsonl>', 'with --file: write the tasks made (resumable: a progress file sits next to it)')
    .option('--measure <file-or-suite>', 'decompose the instructions of a task file and report agreement with its constraints per kind')
    .option('--limit <n>', 'with --measure: at most N tasks', parseIntOption('--limit', 1), 60)
    .option('--world-seed <s>', 'world (inventory) seed', parseIntOption('--world-seed'), 1)
    .option('--json', 'print JSON');
  llmFlags(cmd).action(async (instruction: string | undefined, opts: Opts) => {
    const given = [instruction !== undefined, opts.file !== undefined, opts.measure !== undefined].filter(Boolean).length;
    if (given !== 1) throw new InvalidInputError('give exactly one of an instruction, --file PATH or --measure FILE');
    const { world } = loadArenaWorld(opts.worldSeed);
    const provider: ModelProvider | undefined = opts.model || opts.llmConfig ? createProvider(resolveLlm(opts).config) : undefined;
    const decompose = (site: string, text: string) => decomposeOne(site, text, world, provider);

    if (instruction !== undefined) {
      if (!opts.site) throw new InvalidInputError('--site ID is needed with an instruction');
      const d = await decompose(opts.site, instruction);
      if (opts.json) return printJson(d);
      return print(d);
    }
    if (opts.measure !== undefined) return measure(loadBookingTasks(opts.measure).filter((t) => !opts.site || t.site === opts.site).slice(0, opts.limit), decompose, Boolean(opts.json));

    const items = readInstructions(opts.file!, opts.site);
    const progressFile = opts.out ? `${opts.out}.progress.jsonl` : undefined;
    const done = new Map<number, Done>();
    if (progressFile && existsSync(progressFile)) {
      for (const l of readFileSync(progressFile, 'utf8').split('\n').filter(Boolean)) {
        try {
          const d = JSON.parse(l) as Done;
          done.set(d.line, d);
        } catch {
          // a line cut by a kill: that instruction is done again
        }
      }
    }
    const pending = items.filter((x) => !done.has(x.line));
    if (done.size && !opts.json) process.stderr.write(`resuming: ${done.size} of ${items.length} instructions already done\n`);
    const bar = new SingleBar({ format: 'instructions {bar} {value}/{total} | tasks {tasks}', stream: process.stderr, hideCursor: true });
    if (process.stderr.isTTY) bar.start(pending.length, 0, { tasks: 0 });
    let made = 0;
    for (const [k, x] of pending.entries()) {
      const d = await decompose(x.site, x.instruction);
      const entry: Done = { line: x.line, site: x.site, instruction: x.instruction, decomposition: d };
      if (opts.out) {
        const r = taskFromDecomposition(d, { site: siteById(x.site), world, id: `user-${x.site}-${x.line}` });
        if ('task' in r) {
          entry.task = r.task;
          entry.taskId = r.task.id;
          made++;
        } else entry.problem = r.problem;
      }
      done.set(x.line, entry);
      if (progressFile) appendFileSync(progressFile, `${JSON.stringify(entry)}\n`);
      if (process.stderr.isTTY) bar.update(k + 1, { tasks: made });
    }
    if (process.stderr.isTTY) bar.stop();
    const all = items.map((x) => done.get(x.line)!);
    const taskList = all.flatMap((e) => (e.task ? [e.task] : []));
    if (opts.out) writeTasks(opts.out, taskList);
    const rejected = all.filter((e) => opts.out && !e.task).map((e) => ({ line: e.line, instruction: e.instruction, problem: e.problem ?? 'not made' }));
    if (opts.json) return printJson({ instructions: all.length, tasks: taskList.length, out: opts.out ?? null, rejected, decompositions: opts.out ? undefined : all.map((e) => e.decomposition) });
    if (!opts.out) for (const e of all) print(e.decomposition);
    else {
      for (const r of rejected) process.stdout.write(`line ${r.line}: not a task: ${r.problem}\n  ${r.instruction}\n`);
      process.stdout.write(`${taskList.length} of ${all.length} instructions became tasks in ${opts.out}; run them with: webfoundry run --tasks ${opts.out} --agent llm ...\n`);
    }
  });
}

async function decomposeOne(siteId: string, text: string, world: World, provider: ModelProvider | undefined): Promise<Decomposition> {
  const site = siteById(siteId);
  const schema = siteSchema(site, world);
  return provider ? decomposeWithModel(text, { site, world, schema, provider }) : decomposeWithPhraseBook(text, schema, site);
}

function print(d: Decomposition): void {
  process.stdout.write(`\n${d.instruction}\n`);
  for (const c of d.constraints) process.stdout.write(`  - ${agreementKey(c)}  <- "${c.phrase}"\n`);
  for (const u of d.unmapped) process.stdout.write(`  ? unmapped: "${u}"\n`);
  for (const p of d.problems) process.stdout.write(`  ! refused ${JSON.stringify(p.proposed)}: ${p.reason}\n`);
}

const keyOf = (c: Task['constraints'][number]): string => agreementKey(c.kind === 'superlative' ? ({ kind: 'superlative', field: c.field, objective: c.objective, phrase: c.phrase } satisfies Decomposed) : c);

/** Agreement per constraint kind: a true constraint counts when the decomposition holds one with the same kind, field and value. */
async function measure(list: readonly Task[], decompose: (site: string, text: string) => Promise<Decomposition>, json: boolean): Promise<void> {
  const byKind = new Map<string, { total: number; agreed: number }>();
  let extra = 0;
  let unmapped = 0;
  for (const t of list) {
    const d = await decompose(t.site, t.instruction);
    const got = new Set(d.constraints.map(agreementKey));
    const want = new Set(t.constraints.map(keyOf));
    for (const c of t.constraints) {
      const k = byKind.get(c.kind) ?? { total: 0, agreed: 0 };
      k.total++;
      if (got.has(keyOf(c))) k.agreed++;
      byKind.set(c.kind, k);
    }
    extra += [...got].filter((k) => !want.has(k)).length;
    unmapped += d.unmapped.length;
  }
  const rows = [...byKind].sort().map(([kind, k]) => ({ kind, total: k.total, agreed: k.agreed, agreement: k.total ? k.agreed / k.total : 0 }));
  const total = rows.reduce((n, r) => n + r.total, 0);
  const agreed = rows.reduce((n, r) => n + r.agreed, 0);
  const summary = { tasks: list.length, constraints: total, agreement: total ? agreed / total : 0, extraConstraints: extra, unmappedParts: unmapped, byKind: rows };
  if (json) return printJson(summary);
  process.stdout.write(`${table(['kind', 'constraints', 'agreed', 'agreement'], rows.map((r) => [r.kind, r.total, r.agreed, r.agreement.toFixed(2)]))}\n${list.length} tasks: ${agreed}/${total} constraints agree (${(summary.agreement * 100).toFixed(1)}%); ${extra} constraints not in the task; ${unmapped} unmapped parts\n`);
}
