import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ScriptedTeacher } from '../agents/scripted/scripted-teacher.js';
import type { Policy } from '../agents/policy.js';
import { formatAction } from '../browser/actions/format-action.js';
import { parseAction } from '../browser/actions/parse-action.js';
import { InvalidInputError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import type { DatasetRow } from '../core/schemas/dataset.js';
import type { Task } from '../core/schemas/task.js';
import type { Trajectory } from '../core/schemas/trajectory.js';
import { canonicalOrigins } from '../rollout/canonical-origins.js';
import { runTasks } from '../rollout/run-tasks.js';
import { startServer } from '../sites/engine/server.js';
import { loadArenaWorld } from '../sites/registry.js';
import { statesFromRows, type LabeledState } from '../student/dataset.js';
import { loadStudent, saveStudent, type StudentModel } from '../student/save-load.js';
import type { EpochReport } from '../student/sft.js';
import { StudentPolicy } from '../student/student-policy.js';
import { trainOnStates, type TrainSummary } from '../student/train.js';
import { loadTasks, writeTasks } from '../tasks/task-file.js';
import { writeAtomic } from './rl-store.js';

/**
 * DAgger (Ross et al. 2011): roll out the student on the training tasks, let the scripted
 * teacher (noise 0) say what it would do on every page the student actually reached, add those
 * labelled states to the aggregate (which starts with the SFT rows' states), retrain from it;
 * K rounds. With β > 0 the executed action is the teacher's with probability β (seeded), so the
 * first rounds stay nearer the teacher's states.
 *
 * Layout of `dir`: dagger.json, tasks.jsonl, rounds/<k>/states.jsonl (written when the round's
 * rollouts are done), rounds/<k>/model/ (the student after round k), report.json. A killed run
 * resumes at the first round without a model.
 */
export const DaggerConfig = z.strictObject({
  schemaVersion: z.literal(1),
  rounds: z.number().int().min(1),
  beta: z.number().min(0).max(1),
  seed: z.number().int(),
  worldSeed: z.number().int(),
  maxSteps: z.number().int().min(1),
  epochs: z.number().int().min(1),
  hidden: z.number().int().min(1),
});
export type DaggerConfig = z.infer<typeof DaggerConfig>;

export type DaggerRound = { round: number; episodes: number; sr: number; csr: number; newStates: number; aggregate: number; disagreement: number; seconds: { rollouts: number; train: number }; training: TrainSummary };
export type DaggerEvent = { type: 'round'; round: number; rounds: number } | { type: 'episode'; trajectory: Trajectory } | { type: 'epoch'; report: EpochReport };

const StoredState = z.strictObject({ instruction: z.string(), axtree: z.string(), url: z.string(), history: z.array(z.string()), action: z.string() });

/**
 * A policy that acts as the student (or, with probability β, as the teacher) and records, at
 * every step, the state and the teacher's action there. The teacher sees every page in order,
 * so its own bookkeeping (fields typed, forms sent) follows the episode as far as a page shows it.
 */
class LabellingPolicy implements Policy {
  readonly name = 'dagger';
  private teacher: ScriptedTeacher;
  private rng = new Rng('dagger');
  constructor(
    private readonly student: StudentPolicy,
    private readonly world: ReturnType<typeof loadArenaWorld>['world'],
    private readonly beta: number,
    private readonly seed: string,
    private readonly out: { states: LabeledState[]; disagreements: number; decisions: number },
  ) {
    this.teacher = new ScriptedTeacher(world, 0);
  }

  begin(task: Task, episodeSeed: number): void {
    this.teacher = new ScriptedTeacher(this.world, 0);
    this.teacher.begin(task, episodeSeed);
    this.rng = new Rng(`dagger:${this.seed}:${task.id}`);
  }

  async act(input: Parameters<Policy['act']>[0]): Promise<Awaited<ReturnType<Policy['act']>>> {
    const label = await this.teacher.act(input);
    const own = await this.student.act(input);
    const parsed = parseAction(label.action);
    if (parsed.ok) {
      this.out.states.push({ instruction: input.task.instruction, axtree: input.observation.axtree, url: input.observation.url, history: input.history.map((h) => h.action), action: parsed.action });
    }
    this.out.decisions++;
    if (own.action !== label.action) this.out.disagreements++;
    return this.beta > 0 && this.rng.next() < this.beta ? label : own;
  }
}

export type DaggerOptions = { dir: string; config: DaggerConfig; init: string; rows: readonly DatasetRow[]; tasks: readonly Task[]; parallel: number; resume: boolean; onEvent?: (e: DaggerEvent) => void };

export async function runDagger(o: DaggerOptions): Promise<{ rounds: DaggerRound[]; model: string }> {
  const cfg = DaggerConfig.parse(o.config);
  const emit = o.onEvent ?? (() => {});
  const cfgPath = join(o.dir, 'dagger.json');
  if (existsSync(cfgPath)) {
    if (!o.resume) throw new InvalidInputError(`${o.dir} already holds a DAgger run`, { hint: 'pass --resume to continue it, or choose another --out' });
    const prev = DaggerConfig.parse(JSON.parse(readFileSync(cfgPath, 'utf8')));
    if (JSON.stringify({ ...prev, rounds: 0 }) !== JSON.stringify({ ...cfg, rounds: 0 })) throw new InvalidInputError(`${o.dir} holds a DAgger run with another configuration`, { hint: `compare with ${cfgPath}` });
  } else {
    if (!o.tasks.length) throw new InvalidInputError('DAgger needs training tasks');
    mkdirSync(o.dir, { recursive: true });
    saveStudent(join(o.dir, 'init'), loadStudent(o.init));
    writeTasks(join(o.dir, 'tasks.jsonl'), o.tasks);
  }
  writeAtomic(cfgPath, `${JSON.stringify(cfg, null, 2)}\n`);
  const tasks = loadTasks(join(o.dir, 'tasks.jsonl'));
  const aggregate: LabeledState[] = statesFromRows(o.rows).states;
  const { world } = loadArenaWorld(cfg.worldSeed);
  const rounds: DaggerRound[] = [];
  let model: StudentModel = loadStudent(join(o.dir, 'init'));
  const server = await startServer({ port: 0, world });
  try {
    for (let k = 1; k <= cfg.rounds; k++) {
      emit({ type: 'round', round: k, rounds: cfg.rounds });
      const rdir = join(o.dir, 'rounds', String(k));
      const statesPath = join(rdir, 'states.jsonl');
      const reportPath = join(rdir, 'round.json');
      if (existsSync(join(rdir, 'model', 'model.json')) && existsSync(reportPath) && existsSync(statesPath)) {
        aggregate.push(...readStates(statesPath));
        model = loadStudent(join(rdir, 'model'));
        rounds.push(JSON.parse(readFileSync(reportPath, 'utf8')) as DaggerRound);
        continue;
      }
      const t0 = performance.now();
      const out = { states: [] as LabeledState[], disagreements: 0, decisions: 0 };
      const current = model;
      const trajectories = await runTasks({
        tasks, server, parallel: o.parallel, maxSteps: cfg.maxSteps, runId: `dagger-r${k}`, seed: cfg.seed * 1000 + k, env: { mode: 'viewport' },
        makePolicy: () => new LabellingPolicy(new StudentPolicy(current), world, cfg.beta, `${cfg.seed}:${k}`, out),
        onEpisode: (t) => emit({ type: 'episode', trajectory: t }),
      });
      mkdirSync(rdir, { recursive: true });
      // Episodes run in parallel: the states are sorted so a round's file (and the retrained model)
      // does not depend on timing; the sites are named at their canonical origins, as in every
      // trajectory and SFT row, so it does not depend on the port the server found either.
      const ordered = canonicalOrigins(out.states, server.port).sort((a, b) => (a.instruction + a.url + a.history.length + a.axtree < b.instruction + b.url + b.history.length + b.axtree ? -1 : 1));
      writeAtomic(statesPath, ordered.map((s) => JSON.stringify({ ...s, action: formatAction(s.action) })).join('\n') + (ordered.length ? '\n' : ''));
      aggregate.push(...ordered);
      const rollouts = (performance.now() - t0) / 1000;
      const t1 = performance.now();
      // Retrained in the architecture of the model DAgger started from (bow or attn).
      const r = await trainOnStates(aggregate, [], { epochs: cfg.epochs, seed: cfg.seed, hidden: cfg.hidden, arch: model.params.arch, onEpoch: (report) => emit({ type: 'epoch', report }) });
      model = { ...r.model, training: { ...r.model.training, dagger: { round: k, beta: cfg.beta, aggregate: aggregate.length } } };
      saveStudent(join(rdir, 'model'), model);
      const n = Math.max(1, trajectories.length);
      const round: DaggerRound = {
        round: k, episodes: trajectories.length, sr: trajectories.filter((t) => t.end.evaluation.sr).length / n, csr: trajectories.reduce((a, t) => a + t.end.evaluation.csr, 0) / n,
        newStates: ordered.length, aggregate: aggregate.length, disagreement: out.decisions ? out.disagreements / out.decisions : 0,
        seconds: { rollouts, train: (performance.now() - t1) / 1000 }, training: r.summary,
      };
      writeAtomic(reportPath, `${JSON.stringify(round, null, 2)}\n`);
      rounds.push(round);
    }
  } finally {
    await server.close();
  }
  saveStudent(join(o.dir, 'model'), model);
  writeAtomic(join(o.dir, 'report.json'), `${JSON.stringify({ config: cfg, rounds }, null, 2)}\n`);
  return { rounds, model: join(o.dir, 'model') };
}

function readStates(path: string): LabeledState[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => {
    const s = StoredState.parse(JSON.parse(l));
    const a = parseAction(s.action);
    if (!a.ok) throw new InvalidInputError(`${path}: a stored state's action does not parse: ${s.action}`);
    return { ...s, action: a.action };
  });
}
