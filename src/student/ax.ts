import { parseAxText, type AxNode } from '../browser/observation/read-ax-text.js';

/** The observation's elements, as the browser's reader gives them (text lines left out). */
export type AxElement = AxNode;

export const readAx = (text: string): AxElement[] => parseAxText(text).nodes;

const GROUPS = new Set(['group', 'radiogroup', 'dialog', 'alertdialog', 'form', 'region', 'listbox', 'combobox', 'navigation', 'article', 'listitem', 'row', 'table']);

/** The name of the nearest named grouping ancestor ("Stops", "Passenger 1"), or ''. */
export function groupName(els: readonly AxElement[], i: number): string {
  for (let p = els[i]!.parent; p !== -1; p = els[p]!.parent) if (GROUPS.has(els[p]!.role) && els[p]!.name) return els[p]!.name;
  return '';
}

/** Labels of the option elements directly or indirectly inside element i. */
export function optionLabels(els: readonly AxElement[], i: number): string[] {
  const out: string[] = [...els[i]!.options];
  for (let j = i + 1; j < els.length; j++) {
    let inside = false;
    for (let p = els[j]!.parent; p !== -1; p = els[p]!.parent) if (p === i) { inside = true; break; }
    if (!inside) break;
    if (els[j]!.role === 'option' && els[j]!.name) out.push(els[j]!.name);
  }
  return out;
}
