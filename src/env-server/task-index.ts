import { InvalidInputError, NotFoundError } from '../core/errors.js';
import type { Task } from '../core/schemas/task.js';
import { loadTasks } from '../tasks/task-file.js';
import type { World } from '../world/world.js';

/** One loaded source of tasks: a named suite or a JSONL task file. */
export type TaskSource = { name: string; tasks: readonly Task[] };

/**
 * The tasks an env server can start episodes on by id: the sources named at start-up (suites or
 * task files), each checked feasible against the server's world when loaded, so that a task
 * made for another world is refused at start, not in the middle of training.
 */
export class TaskIndex {
  readonly sources: readonly TaskSource[];
  private readonly byId = new Map<string, { task: Task; source: string }[]>();

  constructor(sources: readonly TaskSource[]) {
    this.sources = sources;
    for (const s of sources) {
      for (const task of s.tasks) {
        const list = this.byId.get(task.id) ?? [];
        list.push({ task, source: s.name });
        this.byId.set(task.id, list);
      }
    }
  }

  /**
   * Loads each source, refusing one whose tasks were made for another world (seed or version).
   * Feasibility is not re-proven here (`webfoundry tasks check` does): a server must start on
   * the suite it is given, and an episode on an infeasible task scores what it scores.
   */
  static load(names: readonly string[], world: World): TaskIndex {
    return new TaskIndex(
      names.map((name) => {
        const tasks = loadTasks(name);
        const other = tasks.find((t) => t.metadata.worldSeed !== world.seed || t.metadata.worldVersion !== world.version);
        if (other) {
          throw new InvalidInputError(`${name}: task ${other.id} was made for world seed ${other.metadata.worldSeed} v${other.metadata.worldVersion}, not seed ${world.seed} v${world.version}`, {
            hint: 'start the server with the seed the tasks were made for (--seed)',
          });
        }
        return { name, tasks };
      }),
    );
  }

  /** The task with this id, from `suite` when given; an unknown id or an ambiguous one is a clear error. */
  get(taskId: string, suite?: string): Task {
    if (suite !== undefined && !this.sources.some((s) => s.name === suite)) {
      throw new NotFoundError(`no task source "${suite}" is loaded`, { hint: `loaded: ${this.sources.map((s) => s.name).join(', ') || 'none'} (GET /v1/suites)` });
    }
    const found = (this.byId.get(taskId) ?? []).filter((f) => suite === undefined || f.source === suite);
    if (found.length === 0) throw new NotFoundError(`no task "${taskId}"${suite ? ` in ${suite}` : ''}`, { hint: 'list them with GET /v1/tasks, or send the whole task' });
    const distinct = new Set(found.map((f) => JSON.stringify(f.task)));
    if (distinct.size > 1) throw new InvalidInputError(`task "${taskId}" differs between ${found.map((f) => f.source).join(' and ')}`, { hint: 'name the source with "suite"' });
    return found[0]!.task;
  }

  list(q: { suite?: string | undefined; site?: string | undefined; split?: string | undefined; offset: number; limit: number }): { total: number; tasks: Task[] } {
    if (q.suite !== undefined && !this.sources.some((s) => s.name === q.suite)) throw new NotFoundError(`no task source "${q.suite}" is loaded`);
    const all = this.sources
      .filter((s) => q.suite === undefined || s.name === q.suite)
      .flatMap((s) => s.tasks)
      .filter((t) => (q.site === undefined || t.site === q.site) && (q.split === undefined || t.metadata.split === q.split));
    return { total: all.length, tasks: all.slice(q.offset, q.offset + q.limit) };
  }
}
