import type { AxNode, AxPage } from '../browser/observation/read-ax-text.js';

export { parseAxText, type AxNode, type AxPage } from '../browser/observation/read-ax-text.js';

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
