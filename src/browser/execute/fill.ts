import type { Action } from '../../core/schemas/action.js';
import { valueIn } from '../observation/runtime-calls.js';
import { ActionError } from './action-error.js';
import type { Located, Ready } from './element.js';

type Fill = Extract<Action, { type: 'fill' }>;

/**
 * Input types whose value the browser sanitizes: a value in another format is dropped and the
 * field stays empty. Playwright sets these directly (injectedScript fill, kInputTypesToSetValue)
 * and a page never sees the typed text; the format is checked here first so the agent learns
 * what the field takes.
 */
const FORMATS: Record<string, { re: RegExp; hint: string }> = {
  date: { re: /^\d{4}-\d{2}-\d{2}$/, hint: 'YYYY-MM-DD, e.g. 2016-10-16' },
  time: { re: /^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/, hint: 'HH:MM in 24-hour time, e.g. 14:05' },
  'datetime-local': { re: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/, hint: 'YYYY-MM-DDTHH:MM, e.g. 2016-10-16T14:05' },
  month: { re: /^\d{4}-\d{2}$/, hint: 'YYYY-MM, e.g. 2016-10' },
  week: { re: /^\d{4}-W\d{2}$/, hint: 'YYYY-Www, e.g. 2016-W42' },
  color: { re: /^#[0-9a-fA-F]{6}$/, hint: '#rrggbb, e.g. #ff0000' },
  range: { re: /^[-+]?(\d+\.?\d*|\.\d+)$/, hint: 'a number' },
  number: { re: /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/, hint: 'a number' },
};
const SANITIZED = new Set(['date', 'time', 'datetime-local', 'month', 'week', 'color', 'range']);

/**
 * BrowserGym's fill (browsergym/core/action/functions.py): Playwright's fill, or with
 * enable_autocomplete_menu clear, fill all but the last character and type the last one as a key
 * press, so widgets listening for key events open their menu. Then Enter when asked, and a check
 * that a format-bound field kept the value.
 */
export async function fillElement(at: Located, ready: Ready, action: Fill, timeout: number): Promise<void> {
  const type = ready.facts.type;
  const format = FORMATS[type];
  const text = SANITIZED.has(type) ? action.text.trim() : action.text;
  if (format && text !== '' && !format.re.test(text)) {
    throw new ActionError(`fill on element ${at.bid} failed: ${JSON.stringify(action.text)} is not a valid value for a ${type} input; it takes ${format.hint}`);
  }
  const el = at.locator;
  if (action.enableAutocompleteMenu && !SANITIZED.has(type)) {
    await el.clear({ force: true, timeout });
    if (text.length > 1) await el.fill(text.slice(0, -1), { force: true, timeout });
    if (text.length > 0) await el.pressSequentially(text.slice(-1), { timeout });
  } else {
    await el.fill(text, { force: true, timeout });
  }
  if (SANITIZED.has(type)) {
    const now = await valueIn(at.target, at.bid);
    if (now && now.value !== text) {
      throw new ActionError(`fill on element ${at.bid} failed: the ${type} input did not accept ${JSON.stringify(action.text)} (its value is ${JSON.stringify(now.value)}); it takes ${format?.hint ?? 'another format'}`);
    }
  }
  if (action.pressEnter) await el.press('Enter', { timeout });
}
