import type { QaTask } from '../../core/schemas/task.js';
import { normText } from '../../evaluation/answers/normalize-text.js';
import { articlePath, type KnowledgeGraph } from '../../knowledge/index.js';
import { depth, type Ref } from './description.js';
import { answerOfName } from './fact-words.js';
import { toQaTask } from './qa-task.js';
import { makeQuestion } from './question.js';
import { refText } from './render.js';

/** A page the episode showed, in order: the observation of each step, then the page after the last one. */
export type ShownPage = { url: string; observation: string };

/** A shorter question an episode answered on its way, and where it had all it needed. */
export type SubQuestion = {
  task: QaTask;
  /** The reply that answers it (the entity's name as its page heads it). */
  answer: string;
  /** Index in the shown pages of the first one at which every proof page had been shown. */
  shownAt: number;
  /** One sentence that says what was found, for the final step's thought. */
  thought: string;
};

/** Every described reference inside a question's subject (the subject itself first), each an entity a hop of the question finds. */
function describedRefs(r: Ref): Extract<Ref, { kind: 'described' }>[] {
  if (r.kind === 'named') return [];
  return [r, ...r.d.clues.flatMap((c) => (c.kind === 'link' ? describedRefs(c.target) : []))];
}

/** The guide article path a shown page is, or undefined (another site, a search page, a list). */
function guidePath(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.hostname.startsWith('guide.') ? u.pathname : undefined;
  } catch {
    return undefined;
  }
}

const blurred = (r: Ref): boolean => r.kind === 'described' && r.d.clues.some((c) => c.kind === 'range' || c.kind === 'window' || (c.kind === 'link' && blurred(c.target)));

/**
 * The longest sub-question of `task` that a (failed) episode answered on the way: an entity one of
 * the question's hops finds (a described reference inside its subject, or the subject itself when
 * a fact of it was asked), asked by name ("What is the name of the hall that hosts ...?"). It
 * counts only when
 * - the description alone means that one entity in the whole graph (inner hops of a walk need
 *   not: there the rest of the question narrowed them),
 * - the episode showed the guide article of every entity the description describes (each hop of
 *   it), the answer's own with its name on it; an entity it names needs no page of its own: the
 *   link to it is on the article of the entity that links to it, or in that article's backlinks,
 * - the question does not state its answer.
 * Of those, the one with the most hops is kept, then the one shown first. Undefined when none holds.
 */
export function subQuestionShown(g: KnowledgeGraph, task: QaTask, shown: readonly ShownPage[], o: { id: string }): SubQuestion | undefined {
  const subject = task.qa.query.subject as Ref;
  const whole = task.qa.query.ask.kind === 'fact';
  const candidates = describedRefs(subject).filter((r) => r !== subject || whole);
  const firstShown = new Map<string, number>();
  shown.forEach((p, i) => {
    const path = guidePath(p.url);
    if (path !== undefined && !firstShown.has(path)) firstShown.set(path, i);
  });
  let best: SubQuestion | undefined;
  let bestDepth = 0;
  for (const r of candidates) {
    const id = r.d.of;
    const e = g.get(id);
    const own = firstShown.get(articlePath(id));
    if (own === undefined || !normText(shown[own]!.observation).includes(normText(e.name))) continue;
    const at = describedRefs(r).map((x) => firstShown.get(articlePath(x.d.of)));
    if (at.some((i) => i === undefined)) continue;
    const shownAt = Math.max(...(at as number[]));
    const d = depth(r);
    if (best && (d < bestDepth || (d === bestDepth && shownAt >= best.shownAt))) continue;
    const level = blurred(r) ? 3 : d <= 1 ? 1 : 2;
    const q = makeQuestion(g, { method: task.qa.method, level, subject: r, answerId: id, ask: { kind: 'name', answer: answerOfName(e) } });
    if (!q) continue;
    const m = task.metadata;
    const sub = toQaTask(q, { id: o.id, seed: m.seed, worldSeed: m.worldSeed, worldVersion: m.worldVersion, split: m.split });
    best = {
      task: { ...sub, metadata: { ...sub.metadata, derivedFrom: task.id } },
      answer: e.name,
      shownAt,
      thought: `${capitalize(refText(r, (x) => x === r))} is ${e.name}: its page says so.`,
    };
    bestDepth = d;
  }
  return best;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
