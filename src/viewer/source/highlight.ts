import type { Task } from '../../core/schemas/task.js';
import type { TextSpan } from '../api/schema.js';

/**
 * Splits the instruction into runs of text, each tied to the constraint whose phrase it is.
 * Longer phrases are placed first so that "under €200 a night" wins over a shorter phrase
 * inside it; a phrase the instruction does not contain word for word is left unplaced.
 */
export function highlightInstruction(task: Pick<Task, 'instruction' | 'constraints'>): { spans: TextSpan[]; placed: Set<string> } {
  const text = task.instruction;
  const lower = text.toLowerCase();
  const taken: { start: number; end: number; id: string }[] = [];
  const byLength = [...task.constraints].sort((a, b) => b.phrase.length - a.phrase.length);
  for (const c of byLength) {
    const needle = c.phrase.toLowerCase().replace(/[.]$/, '');
    if (!needle) continue;
    let from = 0;
    for (;;) {
      const at = lower.indexOf(needle, from);
      if (at < 0) break;
      const end = at + needle.length;
      if (!taken.some((t) => at < t.end && end > t.start)) {
        taken.push({ start: at, end, id: c.id });
        break;
      }
      from = at + 1;
    }
  }
  taken.sort((a, b) => a.start - b.start);
  const spans: TextSpan[] = [];
  let pos = 0;
  for (const t of taken) {
    if (t.start > pos) spans.push({ text: text.slice(pos, t.start), constraintId: null });
    spans.push({ text: text.slice(t.start, t.end), constraintId: t.id });
    pos = t.end;
  }
  if (pos < text.length) spans.push({ text: text.slice(pos), constraintId: null });
  return { spans, placed: new Set(taken.map((t) => t.id)) };
}
