import type { ActionType } from '../../core/schemas/action.js';
import type { DatasetRow } from '../../core/schemas/dataset.js';
import { actionTools } from './action-tools.js';

/** A function tool as OpenAI, transformers chat templates and LLaMA-Factory read it. */
export interface ExportTool {
  type: 'function';
  function: { name: ActionType; description: string; parameters: { type: 'object'; properties: Record<string, unknown>; required: string[] } };
}

/**
 * The tools an export declares: only the action types its rows call, in the action space's
 * order, each with its one-line description and bare parameter types (no per-field prose, no
 * `additionalProperties`). The full list of 21 tools costs ~1,700 tokens in every example; a
 * typical booking run calls 6-8 action types. The same list goes in every line, so the model
 * always sees one tool set; give it the same list at inference (the dataset card names them).
 */
export function exportTools(rows: readonly DatasetRow[]): ExportTool[] {
  const used = new Set<ActionType>(rows.flatMap((r) => r.steps.flatMap((s) => (s.parsed === null ? [] : [s.parsed.type]))));
  return actionTools()
    .filter((t) => used.has(t.function.name))
    .map((t): ExportTool => ({
      type: 'function',
      function: {
        name: t.function.name,
        description: t.function.description,
        parameters: {
          type: 'object',
          properties: Object.fromEntries(Object.entries(t.function.parameters.properties).map(([k, p]) => [k, bareProperty(k, p)])),
          required: t.function.parameters.required,
        },
      },
    }));
}

/** The property's type (and item type), plus a few words for the bid, which is ours to explain. */
function bareProperty(name: string, property: unknown): Record<string, unknown> {
  const p = property as { type?: unknown; items?: { type?: unknown } };
  const bare: Record<string, unknown> = { type: p.type };
  if (p.items !== undefined) bare.items = { type: p.items.type };
  if (name === 'bid') bare.description = 'Element id shown in [brackets].';
  return bare;
}

