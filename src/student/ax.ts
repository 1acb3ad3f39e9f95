/**
 * A minimal reader of the observation's accessibility text (`[bid] role "name" value="…" states`,
 * indented two spaces per depth). The student keeps its own copy so it depends only on core and
 * the browser's action syntax.
 */
export type AxElement = {
  bid: string;
  role: string;
  name: string;
  value: string | undefined;
  states: string[];
  /** Index of the enclosing element, or -1. */
  parent: number;
  /** A select's choices from the observation's `options: "a", "b", …` line (cut lists lose their tail). */
  options: string[];
};

const OPTIONS = /^\s*options: (.*)$/;

const NODE = /^(\s*)\[([^\]]+)\] ([A-Za-z]+)(?: ("(?:[^"\\]|\\.)*"))?(?: value=("(?:[^"\\]|\\.)*"))?(.*)$/;

function unquote(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  try {
    return JSON.parse(s) as string;
  } catch {
    return s.slice(1, -1);
  }
}

export function readAx(text: string): AxElement[] {
  const out: AxElement[] = [];
  const stack: { depth: number; index: number }[] = [];
  for (const raw of text.split('\n')) {
    const depth = raw.length - raw.trimStart().length;
    const opts = OPTIONS.exec(raw);
    if (opts && out.length) {
      // Only complete quoted labels: the last one of a cut list ends in "…" without a quote.
      out[out.length - 1]!.options.push(...[...opts[1]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => unquote(`"${x[1]}"`) ?? ''));
      continue;
    }
    const m = NODE.exec(raw);
    if (!m) continue;
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
    out.push({
      bid: m[2]!,
      role: m[3]!,
      name: unquote(m[4]) ?? '',
      value: unquote(m[5]),
      states: (m[6] ?? '').trim().split(/\s+/).filter(Boolean),
      parent: stack.length ? stack[stack.length - 1]!.index : -1,
      options: [],
    });
    stack.push({ depth, index: out.length - 1 });
  }
  return out;
}

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
