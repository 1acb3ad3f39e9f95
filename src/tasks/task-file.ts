import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../core/atomic-write.js';
import { InvalidInputError, NotFoundError } from '../core/errors.js';
import { BookingTask, QaTask, TASK_SCHEMA_VERSION, isBookingTask, type Task } from '../core/schemas/task.js';
import { WORLD_VERSION } from '../core/version.js';
import { sha256 } from '../core/hash.js';
import { SuiteManifest } from '../core/schemas/suite-manifest.js';
import { readJsonFile } from '../core/read-json-file.js';
import { taskSignature } from './task-signature.js';
import type { World } from '../world/world.js';
import { checkFeasible } from './feasibility.js';

/** Named task suites shipped in the repository. */
export const SUITES: Record<string, string> = {
  'bookingarena-v0': fileURLToPath(new URL('../../suites/bookingarena-v0.jsonl', import.meta.url)),
  /** 12 tasks per site (4 per tier) over every site, split test, seed 4021; frozen, with its hash in bookingarena-v1.manifest.json (frozen-suite.ts). */
  'bookingarena-v1': fileURLToPath(new URL('../../suites/bookingarena-v1.jsonl', import.meta.url)),
  /** Held-out questions (split test, seed 9019): kg levels 1-3, e2h rounds 1-3 (4 each) and crawl (3). */
  'infoseek-v0': fileURLToPath(new URL('../../suites/infoseek-v0.jsonl', import.meta.url)),
  /** Held-out questions (split test, seed 9119): kg, e2h, crawl, cross-site (hotels and flights) and two-part questions; frozen, with its hash in infoseek-v1.manifest.json (src/tasks/qa/qa-suite.ts). */
  'infoseek-v1': fileURLToPath(new URL('../../suites/infoseek-v1.jsonl', import.meta.url)),
};

/** The manifest beside a suite file (`NAME.manifest.json` for `NAME.jsonl`), when the suite has one. */
export function manifestPathOf(suitePath: string): string {
  return suitePath.replace(/\.jsonl$/, '.manifest.json');
}

/** A suite's manifest, or undefined when it has none (bookingarena-v0, infoseek-v0). */
export function readSuiteManifest(suitePath: string): SuiteManifest | undefined {
  const path = manifestPathOf(suitePath);
  if (!existsSync(path)) return undefined;
  return readJsonFile(path, SuiteManifest);
}

/**
 * A frozen suite's file must be the bytes its manifest recorded: an edited or half-regenerated
 * file is refused before anything runs, so that a score on it is a score on the suite.
 */
export function checkSuiteHash(suitePath: string, text: string): void {
  const manifest = readSuiteManifest(suitePath);
  if (!manifest) return;
  const actual = sha256(text);
  if (actual !== manifest.sha256) {
    throw new InvalidInputError(`${suitePath} does not match the hash recorded in ${manifestPathOf(suitePath)} (sha256 ${actual.slice(0, 12)}…, recorded ${manifest.sha256.slice(0, 12)}…): the frozen suite was changed`, {
      hint: `restore it (git checkout -- ${suitePath}), or regenerate it with \`${manifest.command}\``,
    });
  }
}

export function resolveTaskSource(nameOrPath: string): string {
  const suite = SUITES[nameOrPath];
  if (suite) return suite;
  const path = resolve(nameOrPath);
  if (!existsSync(path)) {
    throw new NotFoundError(`no task file or suite "${nameOrPath}"`, { hint: `give a JSONL file path or a suite name: ${Object.keys(SUITES).join(', ')}` });
  }
  return path;
}

/**
 * Parses a JSONL task file. Every line must be a Task of this schema version; the first bad
 * line stops the load with its number and the reason, before anything runs.
 */
export function parseTaskLines(text: string, source: string): Task[] {
  const tasks: Task[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((line, i) => {
    const n = i + 1;
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      throw new InvalidInputError(`${source}:${n}: not valid JSON (${(err as Error).message})`);
    }
    const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (version === 1) {
      throw new InvalidInputError(
        `${source}:${n}: task schema version 1 is no longer read: in version 2 price bounds check what is paid (not a listing's "from" price), date windows check the date booked (not the search form), superlatives accept any option reaching the best value, and "booked" means exactly one booking, so scores from version-1 tasks are not comparable`,
        { hint: 'regenerate the tasks with `webfoundry tasks generate`, or use the bookingarena-v0 suite (revision 2)' },
      );
    }
    if (version !== TASK_SCHEMA_VERSION) {
      throw new InvalidInputError(`${source}:${n}: unknown task schema version ${JSON.stringify(version)}; this WebFoundry reads version ${TASK_SCHEMA_VERSION}`, {
        hint: 'regenerate the file with `webfoundry tasks generate`',
      });
    }
    // Parsed against the one kind the line claims, so that an error names the field, not the union.
    const kind = (raw as { kind?: unknown }).kind;
    if (kind === 'web')
      throw new InvalidInputError(`${source}:${n}: task kind "web" (an open-web instruction explored from a URL) has no typed constraints: it cannot be run, benchmarked or evaluated exactly`, {
        hint: 'web tasks are the tasks of explored rows: export the run (`webfoundry export --run DIR`) to train on them',
      });
    if (kind !== undefined && kind !== 'qa') throw new InvalidInputError(`${source}:${n}: unknown task kind ${JSON.stringify(kind)} (a booking task has no "kind"; a question has "qa")`);
    const parsed = (kind === 'qa' ? QaTask : BookingTask).safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InvalidInputError(`${source}:${n}: ${issue.path.join('.') || 'task'}: ${issue.message}`);
    }
    if (ids.has(parsed.data.id)) throw new InvalidInputError(`${source}:${n}: duplicate task id "${parsed.data.id}"`);
    ids.add(parsed.data.id);
    tasks.push(parsed.data);
  });
  return tasks;
}

export type LoadOptions = {
  /** When given, every task is checked feasible against this world; infeasible ones are rejected. */
  world?: World;
};

/** Loads tasks from a suite name or a JSONL path, validated and (with a world) proven feasible. */
export function loadTasks(nameOrPath: string, options: LoadOptions = {}): Task[] {
  const path = resolveTaskSource(nameOrPath);
  const text = readFileSync(path, 'utf8');
  checkSuiteHash(path, text);
  const tasks = parseTaskLines(text, path);
  if (tasks.length === 0) throw new InvalidInputError(`${path} holds no tasks (it is empty or only blank lines)`, { hint: 'make tasks with `webfoundry tasks generate`' });
  if (options.world) {
    tasks.forEach((t, i) => {
      if (t.metadata.worldSeed !== options.world!.seed || t.metadata.worldVersion !== WORLD_VERSION) {
        throw new InvalidInputError(`${path}: task ${t.id} was made for world seed ${t.metadata.worldSeed} v${t.metadata.worldVersion}, not seed ${options.world!.seed} v${WORLD_VERSION}`, {
          hint: 'serve the sites with the seed the tasks were made for (--seed)',
        });
      }
      const why = checkFeasible(t, options.world!);
      if (why) throw new InvalidInputError(`${path}: task ${t.id} (task ${i + 1}) is infeasible: ${why}`);
    });
  }
  return tasks;
}

/** Loads a file of booking tasks (what the booking teacher, the catalogue checks and decomposition read); a question in it is refused. */
export function loadBookingTasks(nameOrPath: string, options: LoadOptions = {}): BookingTask[] {
  const tasks = loadTasks(nameOrPath, options);
  const qa = tasks.find((t) => !isBookingTask(t));
  if (qa) throw new InvalidInputError(`${resolveTaskSource(nameOrPath)}: task ${qa.id} is a question (kind "qa"), and this needs booking tasks`, { hint: 'give a file of booking tasks, or split questions into their own file' });
  return tasks as BookingTask[];
}

/** Writes tasks as JSONL atomically (temp file then rename). */
export function writeTasks(path: string, tasks: readonly Task[]): void {
  writeFileAtomic(path, tasks.map((t) => JSON.stringify(t)).join('\n') + (tasks.length ? '\n' : ''));
}

let heldOutCache: { key: string; signatures: ReadonlySet<string> } | undefined;

/**
 * The signatures of every held-out task shipped in `suites/` (every named suite): what train and
 * dev generation must never produce (`generateTasks` refuses them itself, whoever calls it).
 * Read once per process, and again if a suite file changed.
 */
export function heldOutSignatures(): ReadonlySet<string> {
  const paths = Object.values(SUITES).filter((p) => existsSync(p));
  const key = paths.map((p) => `${p}:${statSync(p).mtimeMs}:${statSync(p).size}`).join('|');
  if (heldOutCache?.key !== key) {
    const signatures = new Set<string>();
    for (const p of paths) for (const t of parseTaskLines(readFileSync(p, 'utf8'), p)) signatures.add(taskSignature(t));
    heldOutCache = { key, signatures };
  }
  return heldOutCache.signatures;
}
