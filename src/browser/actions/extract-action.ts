import { parseAction } from './parse-action.js';
import { fail, type ParseResult } from './result.js';

/**
 * Finds the action in a model's free-text reply, in this order of trust:
 *   1. a fenced code block (```...```): the last block holding an action wins; inside a block the
 *      whole content is tried, then its lines from the last (so a comment line does not spoil it);
 *   2. a line starting with "Action:" (markdown emphasis allowed, the action on the same line or
 *      the next one, optionally in backticks): the last such line that parses;
 *   3. otherwise the last line that parses, whole or as an inline `code` span.
 * When nothing parses, the error of the most explicit candidate is returned, so a model that wrote
 * "Action: clik('3')" is told about `clik`, not that no action was found.
 */
export function extractAction(reply: string): ParseResult {
  if (typeof reply !== 'string') return fail(`a reply must be a string, got ${typeof reply}`);
  const lines = reply.split(/\r\n|\r|\n/);
  const { blocks, outside } = splitFences(lines);

  let fenceError: string | undefined;
  for (const block of blocks.reverse()) {
    const r = firstParsing([block.join('\n'), ...block.slice().reverse()]);
    if (r.ok) return r;
    fenceError ??= r.error;
  }

  let actionError: string | undefined;
  for (const candidate of actionLines(outside).reverse()) {
    const r = parseAction(unquote(candidate));
    if (r.ok) return r;
    actionError ??= r.error;
  }

  for (const line of outside.slice().reverse()) {
    const r = firstParsing([unquote(line), ...inlineSpans(line).reverse()]);
    if (r.ok) return r;
  }

  if (actionError !== undefined) return fail(`the "Action:" line does not parse: ${actionError}`);
  if (fenceError !== undefined) return fail(`the code block does not parse: ${fenceError}`);
  return fail('no action found in the reply: expected a ``` code block, a line starting with "Action:", or a line that is an action');
}

/** The first candidate that parses; else the error of the first non-empty one. */
function firstParsing(candidates: readonly string[]): ParseResult {
  let first: ParseResult | undefined;
  for (const c of candidates) {
    if (c.trim() === '') continue;
    const r = parseAction(c);
    if (r.ok) return r;
    first ??= r;
  }
  return first ?? fail('empty code block');
}

/** Fenced blocks' contents, and the lines outside any block. An unclosed fence runs to the end. */
function splitFences(lines: readonly string[]): { blocks: string[][]; outside: string[] } {
  const blocks: string[][] = [];
  const outside: string[] = [];
  let open: string[] | undefined;
  for (const line of lines) {
    const t = line.trim();
    if (open) {
      if (t.startsWith('```')) {
        blocks.push(open);
        open = undefined;
      } else open.push(line);
      continue;
    }
    if (!t.startsWith('```')) {
      outside.push(line);
      continue;
    }
    const rest = t.slice(3);
    const close = rest.indexOf('```');
    if (close >= 0) {
      // ```click('1')``` on one line.
      blocks.push([rest.slice(0, close)]);
      continue;
    }
    open = [];
    // The info string ("python", "text") names a language; anything else is the first line of code.
    if (!/^[\w+.-]*$/.test(rest)) open.push(rest);
  }
  if (open) blocks.push(open);
  return { blocks, outside };
}

/** What follows "Action:" on each such line, or the next non-empty line when nothing does. */
function actionLines(lines: readonly string[]): string[] {
  const found: string[] = [];
  lines.forEach((line, i) => {
    const rest = afterActionLabel(line);
    if (rest === undefined) return;
    if (rest !== '') found.push(rest);
    else {
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (next !== undefined) found.push(next);
    }
  });
  return found;
}

/** `Action: x`, `**Action:** x`, `## Action: x`, `- action: x` give `x`; other lines undefined. */
function afterActionLabel(line: string): string | undefined {
  const t = stripMarks(line.trim());
  if (t.slice(0, 6).toLowerCase() !== 'action') return undefined;
  const rest = t.slice(6).trimStart();
  if (!rest.startsWith(':')) return undefined;
  return stripMarks(rest.slice(1).trim());
}

/** Drops leading markdown marks (`**`, `#`, `>`, `-`, `_`) and the spaces after them. */
function stripMarks(s: string): string {
  let i = 0;
  while (i < s.length && '*#>-_ \t'.includes(s[i]!)) i++;
  return s.slice(i);
}

/** A line wrapped in backticks (`click('1')`) without them. */
function unquote(line: string): string {
  const t = line.trim();
  let n = 0;
  while (n < t.length && t[n] === '`') n++;
  if (n > 0 && t.length > 2 * n && t.endsWith('`'.repeat(n))) return t.slice(n, t.length - n);
  return t;
}

/** The contents of single-backtick spans in a line: "I will `click('1')` now". */
function inlineSpans(line: string): string[] {
  const parts = line.split('`');
  return parts.filter((_, i) => i % 2 === 1);
}
