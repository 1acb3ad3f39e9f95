import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../core/atomic-write.js';
import { InvalidInputError, NotFoundError } from '../core/errors.js';
import { BookingTask, QaTask, TASK_SCHEMA_VERSION, isBookingTask, type Task } from '../core/schemas/task.js';
import { WORLD_VERSION } from '../core/version.js';
import type { World } from '../world/world.js';
import { checkFeasible } from './feasibility.js';

/** Named task suites shipped in the repository. */
export const SUITES: Record<string, string> = {
  'bookingarena-v0': fileURLToPath(new URL('../../suites/bookingarena-v0.jsonl', import.meta.url)),
  /** Held-out questions (split test, seed 9019): kg levels 1-3, e2h rounds 1-3 (4 each) and crawl (3). */
  'infoseek-v0': fileURLToPath(new URL('../../suites/infoseek-v0.jsonl', import.meta.url)),
};

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
  const tasks = parseTaskLines(readFileSync(path, 'utf8'), path);
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
