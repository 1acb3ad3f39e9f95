import { formatAction } from '../../browser/actions/format-action.js';
import { Rng } from '../../core/rng.js';
import type { Action } from '../../core/schemas/action.js';
import type { BookingTask } from '../../core/schemas/task.js';
import { catalogueFor, siteById } from '../../sites/registry.js';
import { generateTask } from '../../tasks/generate-task.js';
import type { World } from '../../world/world.js';
import { parseAxText } from '../ax-lines.js';
import type { Decision, PastStep } from '../policy.js';
import type { Observation } from '../../core/schemas/observation.js';
import { ScriptedTeacher } from '../scripted/scripted-teacher.js';
import type { Persona } from './personas.js';

/** What an explorer sees at each step: the page, its own past steps, and what each changed. */
export type ExplorerInput = { observation: Observation; history: readonly PastStep[]; summaries: readonly string[] };

/** An agent with no task: it acts on a site as its persona might, and is labeled afterwards. */
export type Explorer = {
  readonly name: string;
  begin(siteId: string, persona: Persona, episodeSeed: number): void;
  act(input: ExplorerInput): Promise<Decision>;
};

/** NNetNav's bounds on an exploration. */
export const MIN_STEPS = 4;
export const MAX_STEPS = 40;

const CLICKABLE = new Set(['link', 'button', 'checkbox', 'radio', 'tab']);

/**
 * The embedded explorer, no model needed. Each episode it forms a private intent (a task the
 * generator draws, with the persona's name and email) and pursues it with the scripted
 * teacher's moves and mistakes (wrong dates, filters, options), wanders now and then (a
 * random link or button), and, unless the persona goes all the way, abandons at a random step.
 * The intent is never its label: what it did is read back from the state afterwards.
 */
export class ScriptedExplorer implements Explorer {
  readonly name = 'scripted-explorer';
  private teacher: ScriptedTeacher;
  private intent: BookingTask | undefined;
  private rng = new Rng('explorer');
  private abandonAt = MAX_STEPS;
  private steps = 0;

  constructor(
    private readonly world: World,
    private readonly noise = 0.5,
    /** Chance of a wandering action at each step. */
    private readonly wander = 0.1,
    /** The intent to pursue (else one is drawn from the episode seed with `explorerIntent`). */
    private readonly givenIntent?: BookingTask,
  ) {
    this.teacher = new ScriptedTeacher(world, noise);
  }

  /** The private intent of the current episode (tests and provenance; never the label). */
  get currentIntent(): BookingTask | undefined {
    return this.intent;
  }

  begin(siteId: string, persona: Persona, episodeSeed: number): void {
    const site = siteById(siteId);
    this.rng = new Rng(`explorer/${siteId}/${persona.id}/${episodeSeed}`);
    this.steps = 0;
    this.intent = withPersona(this.givenIntent ?? explorerIntent(site.id, this.world, episodeSeed), persona);
    this.abandonAt = this.rng.chance(persona.books) ? MAX_STEPS : this.rng.int(MIN_STEPS, 24);
    this.teacher = new ScriptedTeacher(this.world, this.noise);
    this.teacher.begin(this.intent, episodeSeed);
  }

  async act({ observation, history }: ExplorerInput): Promise<Decision> {
    if (!this.intent) throw new Error('ScriptedExplorer.act before begin');
    this.steps++;
    if (this.steps > this.abandonAt) return { action: formatAction({ type: 'stop', answer: 'abandoned' }), thought: 'That is enough looking for now.' };
    if (this.steps > 1 && this.rng.chance(this.wander)) {
      const page = parseAxText(observation.axtree);
      const nodes = page.nodes.filter((n) => CLICKABLE.has(n.role) && !n.states.has('disabled'));
      if (nodes.length > 0) {
        const node = this.rng.pick(nodes);
        const action: Action = { type: 'click', bid: node.bid };
        return { action: formatAction(action), thought: `Curious what "${node.name}" does.` };
      }
    }
    return this.teacher.act({ task: this.intent, observation, history });
  }
}

/** The private intent of an exploration: a task the generator draws from the seed. */
export function explorerIntent(siteId: string, world: World, seed: number): BookingTask {
  const site = siteById(siteId);
  const rng = new Rng(`intent/${siteId}/${seed}`);
  for (let index = 0; index < 50; index++) {
    const difficulty = rng.pick(['easy', 'medium', 'hard'] as const);
    const t = generateTask({ site, catalogue: catalogueFor(siteId), world, seed, index, difficulty, split: 'train' });
    if (t) return t;
  }
  throw new Error(`${siteId}: the explorer could not form an intent for seed ${seed}`);
}

/** The intent with the persona's name and email wherever the booker's own details go. */
function withPersona(task: BookingTask, p: Persona): BookingTask {
  const travellers = task.target.travellers.map((t, i) => (i === 0 ? { ...t, ...('firstName' in t ? { firstName: p.firstName } : {}), ...('lastName' in t ? { lastName: p.lastName } : {}) } : t));
  const contact = 'email' in task.target.contact ? { ...task.target.contact, email: p.email } : task.target.contact;
  const constraints = task.constraints.map((c) => {
    if (c.kind !== 'details') return c;
    if (c.traveller === 1 && c.field === 'firstName') return { ...c, value: p.firstName };
    if (c.traveller === 1 && c.field === 'lastName') return { ...c, value: p.lastName };
    if (c.traveller === undefined && c.field === 'email') return { ...c, value: p.email };
    return c;
  });
  const account = task.target.account ? { ...task.target.account, name: `${p.firstName} ${p.lastName}`, email: p.email } : undefined;
  return { ...task, constraints, target: { ...task.target, travellers, contact, ...(account ? { account } : {}) } };
}
