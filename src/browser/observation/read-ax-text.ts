/**
 * Reads the observation's accessibility text (render-tree.ts writes it) back into nodes:
 * `[bid] role "name" value="…" states`, two spaces of indent per depth, other lines being text.
 * Every agent that reasons over the page text (the scripted teacher, the random floor, the
 * student) reads it through this one parser.
 */
export type AxNode = {
  bid: string;
  role: string;
  name: string;
  value: string | undefined;
  states: Set<string>;
  depth: number;
  /** Index of the enclosing node in the list, or -1. */
  parent: number;
  line: number;
  /** A select's choices from its `options: "a", "b", …` line (a cut list loses its tail). */
  options: string[];
};

export type AxPage = { nodes: AxNode[]; texts: { text: string; depth: number; parent: number }[] };

const NODE = /^(\s*)\[([^\]]+)\] ([A-Za-z]+)(?: ("(?:[^"\\]|\\.)*"))?(?: value=("(?:[^"\\]|\\.)*"))?(.*)$/;
const OPTIONS = /^\s*options: (.*)$/;
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

/** A JSON string literal's value; a malformed one loses only its quotes. */
function unquote(s: string): string {
  try {
    return JSON.parse(s) as string;
  } catch {
    return s.slice(1, -1);
  }
}

export function parseAxText(text: string): AxPage {
  const nodes: AxNode[] = [];
  const texts: AxPage['texts'] = [];
  const stack: { depth: number; index: number }[] = [];
  text.split('\n').forEach((raw, line) => {
    const depth = (raw.length - raw.trimStart().length) / 2;
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack.length ? stack[stack.length - 1]!.index : -1;
    const m = NODE.exec(raw);
    if (!m) {
      if (!raw.trim()) return;
      texts.push({ text: raw.trim(), depth, parent });
      // Only complete quoted labels: the last one of a cut list ends in "…" without a quote.
      const opts = OPTIONS.exec(raw);
      if (opts && nodes.length) nodes[nodes.length - 1]!.options.push(...[...opts[1]!.matchAll(QUOTED)].map((x) => unquote(`"${x[1]}"`)));
      return;
    }
    nodes.push({
      bid: m[2]!,
      role: m[3]!,
      name: m[4] ? unquote(m[4]) : '',
      value: m[5] ? unquote(m[5]) : undefined,
      states: new Set((m[6] ?? '').trim().split(/\s+/).filter(Boolean)),
      depth,
      parent,
      line,
      options: [],
    });
    stack.push({ depth, index: nodes.length - 1 });
  });
  return { nodes, texts };
}
