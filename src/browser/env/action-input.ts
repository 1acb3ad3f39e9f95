import { Action } from '../../core/schemas/action.js';
import { parseAction, type ParseResult } from '../actions/index.js';

/**
 * What step() accepts, as one Action: text goes through the action parser; an object is checked
 * against the schema (callers in plain JS can pass anything). Never throws.
 */
export function toAction(input: Action | string): ParseResult {
  if (typeof input === 'string') return parseAction(input);
  const checked = Action.safeParse(input);
  if (checked.success) return { ok: true, action: checked.data };
  const issues = checked.error.issues.map((i) => `${i.path.join('.') || 'action'}: ${i.message}`).join('; ');
  return { ok: false, error: `invalid action: ${issues}` };
}
