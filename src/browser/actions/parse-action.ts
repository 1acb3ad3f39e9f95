import { Action } from '../../core/schemas/action.js';
import { buildPyAction, PY_ACTIONS, pyActionSpec, pySignature } from './python-actions.js';
import { parsePythonCall } from './python-call.js';
import { fail, type ParseResult, type Step } from './result.js';
import { at, closest, snippet } from './text.js';
import { tokenize } from './tokenize.js';
import { parseWebArena, WEBARENA_ACTIONS, webArenaSpec } from './webarena.js';

const PY_NAMES = PY_ACTIONS.map((s) => s.name);
const WEBARENA_ONLY = WEBARENA_ACTIONS.map((s) => s.name).filter((n) => pyActionSpec(n) === undefined);
const ALL_NAMES = [...PY_NAMES, ...WEBARENA_ONLY];

/**
 * Reads one action written as a BrowserGym call (`fill('5', "Lisbon")`, keyword arguments
 * included) or in WebArena's bracket syntax (`type [5] [Lisbon] [1]`). Strict: anything that is
 * not exactly one well-formed action is an error that says what is wrong and what was expected.
 * Never throws.
 */
export function parseAction(text: string): ParseResult {
  try {
    if (typeof text !== 'string') return fail(`an action must be a string, got ${typeof text}`);
    const step = parse(text);
    if (!step.ok) return step;
    // The schema is the last word, so nothing the action space forbids gets through.
    const checked = Action.safeParse(step.value);
    if (!checked.success) {
      const issues = checked.error.issues.map((i) => `${i.path.join('.') || 'action'}: ${i.message}`).join('; ');
      return fail(`invalid ${step.value.type} action: ${issues}`);
    }
    return { ok: true, action: checked.data };
  } catch (err) {
    // Only a bug can get here; callers are promised a result, not an exception.
    return fail(`internal parser error: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function parse(input: string): Step<Action> {
  let src = input.trim();
  if (src.endsWith(';')) src = src.slice(0, -1).trimEnd();
  if (src === '') return fail(`empty action; expected an action such as click('12')`);

  let end = 0;
  while (end < src.length && isNameChar(src[end]!, end === 0)) end++;
  if (end === 0) return fail(`expected an action name ${at(0)}, found ${snippet(src.slice(0, 12))}`);
  const name = src.slice(0, end);
  const py = pyActionSpec(name);
  const wa = webArenaSpec(name);
  if (!py && !wa) return fail(unknownName(name));

  let next = end;
  while (next < src.length && /\s/.test(src[next]!)) next++;
  const c = src[next];
  if (c === '(') {
    if (!py) return fail(`${name} is written in WebArena's bracket syntax: ${wa!.usage}`);
    const tokens = tokenize(src);
    if (!tokens.ok) return tokens;
    const call = parsePythonCall(tokens.value);
    if (!call.ok) return call;
    return buildPyAction(py, call.value);
  }
  if (c === '[' || c === undefined) {
    if (!wa) return fail(`${name} is a call: expected ${pySignature(py!)}`);
    if (c === undefined && py && wa.minGroups > 0) return fail(`${name} needs arguments: expected ${pySignature(py)} or ${wa.usage}`);
    return parseWebArena(wa, src, end);
  }
  const forms = [py && pySignature(py), wa?.usage].filter(Boolean).join(' or ');
  return fail(`expected "(" or "[" after ${name} ${at(next)}, found ${snippet(src.slice(next, next + 12))}; expected ${forms}`);
}

function unknownName(name: string): string {
  const guess = closest(name, ALL_NAMES);
  const hint = guess ? ` (did you mean ${guess}?)` : '';
  return `unknown action ${snippet(name)}${hint}; known actions: ${PY_NAMES.join(', ')}; WebArena style: ${WEBARENA_ONLY.join(', ')}`;
}

const isNameChar = (c: string, first: boolean): boolean =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || (!first && c >= '0' && c <= '9');
