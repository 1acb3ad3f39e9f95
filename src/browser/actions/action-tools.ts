import { z } from 'zod';
import { Action, type ActionType } from '../../core/schemas/action.js';
import { ACTION_SIGNATURES, ALL_SUBSETS, actionTypesOf, type ActionSubset } from './signatures.js';

/**
 * The action space as function-calling tools: one function per action type, named after the
 * type, whose parameters are the action's fields except `type`, generated from the zod union
 * so the tools cannot drift from the parser and executor.
 */
export interface FunctionTool {
  type: 'function';
  function: { name: ActionType; description: string; parameters: ToolParameters };
}

/** A type alias, not an interface, so it fits the schemas' open `{[k: string]: unknown}` objects. */
export type ToolParameters = {
  type: 'object';
  properties: Record<string, unknown>;
  required: string[];
  additionalProperties: false;
};

/** What each field means, for the model; fields without an entry keep their bare schema. */
const FIELD_DESCRIPTIONS: Record<string, string> = {
  bid: 'The element id shown in [brackets] in the observation.',
  text: 'The text to type, send, or answer a prompt with.',
  pressEnter: 'Press Enter after filling.',
  options: 'Option values or labels to select.',
  key: 'A key or combination, e.g. Enter, Backspace, Control+a.',
  dx: 'Horizontal scroll in pixels (positive is right).',
  dy: 'Vertical scroll in pixels (positive is down).',
  url: 'The URL to open.',
  index: 'Tab index, from 0.',
  reason: 'Why the task cannot be done.',
  ms: 'Milliseconds to wait.',
  answer: 'The answer, when the task asks for one.',
  button: 'The mouse button (left by default).',
  modifiers: 'Keys held during the click: Alt, Control, ControlOrMeta, Meta, Shift.',
  enableAutocompleteMenu: 'Type the last character as a key press, so a suggestion menu opens.',
  fromBid: 'The element to drag.',
  toBid: 'The element to drop on.',
  files: 'File names in the upload folder; an empty list clears the selection.',
  x: 'Horizontal viewport position in CSS pixels.',
  y: 'Vertical viewport position in CSS pixels.',
  fromX: 'Horizontal position to press at.',
  fromY: 'Vertical position to press at.',
  toX: 'Horizontal position to release at.',
  toY: 'Vertical position to release at.',
};

function parametersOf(variant: z.ZodType): ToolParameters {
  const schema = z.toJSONSchema(variant) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
    additionalProperties?: unknown;
  };
  const properties: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    if (name === 'type') continue;
    const description = FIELD_DESCRIPTIONS[name];
    properties[name] = description === undefined ? prop : { ...prop, description };
  }
  // `properties` stays even when empty: LLaMA-Factory's default tool formatter reads it unguarded.
  return {
    type: 'object',
    properties,
    required: (schema.required ?? []).filter((n) => n !== 'type'),
    additionalProperties: false,
  };
}

let cached: FunctionTool[] | undefined;

/**
 * Every action type as a tool, in the union's order (stable, so outputs are byte-stable); or only
 * those of some of BrowserGym's action subsets, as HighLevelActionSet.to_tool_description does.
 */
export function actionTools(subsets: readonly ActionSubset[] = ALL_SUBSETS): FunctionTool[] {
  cached ??= Action.options.map((variant) => {
    const name = variant.shape.type.value as ActionType;
    return { type: 'function', function: { name, description: ACTION_SIGNATURES[name].description, parameters: parametersOf(variant) } };
  });
  if (subsets === ALL_SUBSETS) return cached;
  const keep = new Set(actionTypesOf(subsets));
  return cached.filter((t) => keep.has(t.function.name));
}

/** The function call of an action: its type as the name, its other fields as arguments. */
export function toolCallOf(action: Action): { name: ActionType; arguments: Record<string, unknown> } {
  const { type, ...args } = action;
  return { name: type, arguments: args };
}

/** Reads a tool call back into an Action (throws a ZodError when it is not one). */
export function actionFromToolCall(name: string, args: string | Record<string, unknown>): Action {
  const fields = typeof args === 'string' ? (JSON.parse(args) as Record<string, unknown>) : args;
  return Action.parse({ ...fields, type: name });
}
