import { formatAction } from '../browser/actions/format-action.js';
import { Rng } from '../core/rng.js';
import type { Action } from '../core/schemas/action.js';
import type { Task } from '../core/schemas/task.js';
import { parseAxText } from './ax-lines.js';
import type { Decision, Policy, PolicyInput } from './policy.js';

const CLICKABLE = new Set(['link', 'button', 'checkbox', 'radio', 'option', 'tab', 'menuitem']);
const TYPEABLE = new Set(['textbox', 'searchbox', 'spinbutton', 'combobox']);
const WORDS = ['Lisbon', 'Paris', '2026-06-12', '2', 'London', 'test', 'Ana Silva', 'ana@example.com', '19:30'];

/**
 * The floor: acts at random on what the page shows (click something clickable, type a word
 * into a field, pick an option, scroll, go back), seeded per episode. Never reads the task.
 */
export class RandomAgent implements Policy {
  readonly name = 'random';
  private rng = new Rng('random');

  begin(task: Task, episodeSeed: number): void {
    this.rng = new Rng(`random/${task.id}/${episodeSeed}`);
  }

  async act({ observation }: PolicyInput): Promise<Decision> {
    const page = parseAxText(observation.axtree);
    const clickable = page.nodes.filter((n) => CLICKABLE.has(n.role) && !n.states.has('disabled'));
    const typeable = page.nodes.filter((n) => TYPEABLE.has(n.role) && !n.states.has('disabled'));
    const r = this.rng.next();
    let action: Action;
    if (r < 0.6 && clickable.length > 0) action = { type: 'click', bid: this.rng.pick(clickable).bid };
    else if (r < 0.85 && typeable.length > 0) action = { type: 'fill', bid: this.rng.pick(typeable).bid, text: this.rng.pick(WORDS) };
    else if (r < 0.95) action = { type: 'scroll', dx: 0, dy: this.rng.pick([-400, 400, 800]) };
    else action = { type: 'go_back' };
    return { action: formatAction(action), thought: 'Try something at random.' };
  }
}
