import { at, snippet } from './text.js';
import { done, fail, type Step } from './result.js';
import type { Token } from './tokenize.js';

/** A literal argument of a Python call, as written. */
export type PyValue =
  | { kind: 'string'; value: string; start: number }
  | { kind: 'number'; value: number; text: string; integer: boolean; start: number }
  | { kind: 'bool'; value: boolean; start: number }
  | { kind: 'none'; start: number }
  | { kind: 'list'; items: PyValue[]; start: number };

/** `name(positional..., keyword=value...)`: the shape of every BrowserGym action. */
export interface PyCall {
  name: string;
  positional: PyValue[];
  keywords: { name: string; value: PyValue; start: number }[];
}

/** Parses exactly one call made of literals, and nothing after it. */
export function parsePythonCall(tokens: readonly Token[]): Step<PyCall> {
  const p = new Cursor(tokens);
  const head = p.next();
  if (head.kind !== 'name') return fail(`expected an action name ${at(head.start)}`);
  if (!p.isPunct('(')) return fail(`expected "(" after ${head.text} ${at(p.peek().start)}`);
  const open = p.next();
  const call: PyCall = { name: head.text, positional: [], keywords: [] };
  while (!p.isPunct(')')) {
    const t = p.peek();
    if (t.kind === 'end') return fail(`unbalanced parentheses: "(" ${at(open.start)} is never closed`);
    const after = p.peek(1);
    if (t.kind === 'name' && after.kind === 'punct' && after.text === '=') {
      p.next();
      p.next();
      const value = parseValue(p);
      if (!value.ok) return value;
      if (call.keywords.some((k) => k.name === t.text)) {
        return fail(`${head.text} got argument ${t.text} twice ${at(t.start)}`);
      }
      call.keywords.push({ name: t.text, value: value.value, start: t.start });
    } else {
      if (call.keywords.length > 0) return fail(`positional argument follows keyword argument ${at(t.start)}`);
      const value = parseValue(p);
      if (!value.ok) return value;
      call.positional.push(value.value);
    }
    const sep = p.peek();
    if (sep.kind === 'punct' && sep.text === ',') p.next();
    else if (!(sep.kind === 'punct' && sep.text === ')')) {
      if (sep.kind === 'end') return fail(`unbalanced parentheses: "(" ${at(open.start)} is never closed`);
      return fail(`expected "," or ")" ${at(sep.start)}, found ${describe(sep)}`);
    }
  }
  p.next();
  const rest = p.peek();
  if (rest.kind !== 'end') return fail(`unexpected ${describe(rest)} after the action ${at(rest.start)}`);
  return done(call);
}

function parseValue(p: Cursor, inList = false): Step<PyValue> {
  const t = p.next();
  switch (t.kind) {
    case 'string':
      return done({ kind: 'string', value: t.value, start: t.start });
    case 'number':
      return done({ kind: 'number', value: t.value, text: t.text, integer: t.integer, start: t.start });
    case 'name':
      if (t.text === 'True' || t.text === 'False') return done({ kind: 'bool', value: t.text === 'True', start: t.start });
      if (t.text === 'None') return done({ kind: 'none', start: t.start });
      return fail(`unexpected name ${t.text} ${at(t.start)}: only literals are allowed (quote strings, e.g. '${t.text}')`);
    case 'punct':
      if (t.text === '-' || t.text === '+') {
        const n = p.next();
        if (n.kind !== 'number') return fail(`expected a number after "${t.text}" ${at(n.start)}`);
        // Negating keeps -0 distinct from 0, as Python floats do.
        const value = t.text === '-' ? -n.value : n.value;
        return done({ kind: 'number', value, text: t.text + n.text, integer: n.integer, start: t.start });
      }
      if (t.text === '[') {
        // Options are a flat list; refusing nesting also bounds the recursion on hostile input.
        if (inList) return fail(`lists cannot be nested ${at(t.start)}`);
        return parseList(p, t.start);
      }
      if (t.text === '(') return fail(`tuples are not supported ${at(t.start)}: write a list [...]`);
      return fail(`expected a value ${at(t.start)}, found ${describe(t)}`);
    case 'end':
      return fail(`expected a value ${at(t.start)}, found the end of the action`);
  }
}

function parseList(p: Cursor, start: number): Step<PyValue> {
  const items: PyValue[] = [];
  while (!p.isPunct(']')) {
    if (p.peek().kind === 'end') return fail(`unbalanced brackets: "[" ${at(start)} is never closed`);
    const item = parseValue(p, true);
    if (!item.ok) return item;
    items.push(item.value);
    const sep = p.peek();
    if (sep.kind === 'punct' && sep.text === ',') p.next();
    else if (!(sep.kind === 'punct' && sep.text === ']')) {
      if (sep.kind === 'end') return fail(`unbalanced brackets: "[" ${at(start)} is never closed`);
      return fail(`expected "," or "]" ${at(sep.start)}, found ${describe(sep)}`);
    }
  }
  p.next();
  return done({ kind: 'list', items, start });
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'name':
      return `name ${t.text}`;
    case 'string':
      return `string ${snippet(t.value)}`;
    case 'number':
      return `number ${t.text}`;
    case 'punct':
      return `"${t.text}"`;
    case 'end':
      return 'the end of the action';
  }
}

class Cursor {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}
  /** The tokenizer always ends with an `end` token, so reading past it returns that token. */
  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)]!;
  }
  next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }
  isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === text;
  }
}
