/** An element line of the observation text: `[bid] role "name" value="…" states`. */
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
};

export type AxPage = { nodes: AxNode[]; texts: { text: string; depth: number; parent: number }[] };

const NODE = /^(\s*)\[([^\]]+)\] ([A-Za-z]+)(?: ("(?:[^"\\]|\\.)*"))?(?: value=("(?:[^"\\]|\\.)*"))?(.*)$/;

/** Reads the observation's accessibility text back into nodes with bids, roles, names and states. */
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
      if (raw.trim()) texts.push({ text: raw.trim(), depth, parent });
      return;
    }
    const node: AxNode = {
      bid: m[2]!,
      role: m[3]!,
      name: m[4] ? (JSON.parse(m[4]) as string) : '',
      value: m[5] ? (JSON.parse(m[5]) as string) : undefined,
      states: new Set((m[6] ?? '').trim().split(/\s+/).filter(Boolean)),
      depth,
      parent,
      line,
    };
    nodes.push(node);
    stack.push({ depth, index: nodes.length - 1 });
  });
  return { nodes, texts };
}

/** Whether node i lies inside node j. */
export function isInside(page: AxPage, i: number, j: number): boolean {
  for (let p = page.nodes[i]!.parent; p !== -1; p = page.nodes[p]!.parent) if (p === j) return true;
  return false;
}

export function find(page: AxPage, pred: (n: AxNode) => boolean): AxNode | undefined {
  return page.nodes.find(pred);
}

export const byRoleName = (role: string | string[], name: string) => (n: AxNode) =>
  (Array.isArray(role) ? role.includes(n.role) : n.role === role) && n.name === name;
