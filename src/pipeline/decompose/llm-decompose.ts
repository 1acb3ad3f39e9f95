import { InvalidInputError } from '../../core/errors.js';
import { addUsage } from '../../models/cost.js';
import type { ChatMessage, ModelProvider, Usage } from '../../models/provider.js';
import type { SiteDefinition } from '../../sites/engine/site-definition.js';
import { groundConstraint, type Decomposition } from '../../tasks/decompose/decompose.js';
import { describeSchema, type SiteSchema } from '../../tasks/decompose/site-schema.js';
import type { World } from '../../world/world.js';

/**
 * Constraint decomposition by a model (NNetNav's first step): the instruction and the site's
 * schema (its facts, their stages, value codes with their words, add-ons and traveller fields)
 * go to the model; each constraint it proposes is grounded in the site (`groundConstraint`):
 * unknown fields and values are reported as problems, never kept. A reply that is not the
 * JSON asked for gets one corrective retry, then a clear error.
 */

const KINDS = `Constraint kinds (JSON objects; "phrase" = the words of the instruction it comes from):
- {"kind":"exact","field":F,"value":V}            a fact equals a value (codes as listed, dates YYYY-MM-DD)
- {"kind":"range","field":F,"min":N,"max":N}      inclusive numeric bounds (give only the bounds said)
- {"kind":"set","field":F,"mode":"includes_all"|"one_of"|"excludes","values":[V,...]}
- {"kind":"time_window","field":F,"after":"HH:MM","before":"HH:MM"}
- {"kind":"date_window","field":F,"from":"YYYY-MM-DD","to":"YYYY-MM-DD"}
- {"kind":"superlative","field":F,"objective":"min"|"max"}   the cheapest, shortest, earliest, best rated
- {"kind":"count","field":F,"value":N}            adults, children, tickets, rooms
- {"kind":"details","field":F,"traveller":1,"value":"..."}   traveller fields (traveller = 1-based); contact fields without traveller
- {"kind":"addon","field":ADDON_ID,"chosen":true|false}
- {"kind":"booked"}                               the instruction asks to complete the booking`;

const FORMAT = 'Reply with one JSON object and nothing else: {"constraints": [...], "unmapped": ["words of the instruction no constraint covers"]}.';

export function buildDecomposeMessages(instruction: string, schema: SiteSchema): ChatMessage[] {
  return [
    {
      role: 'system',
      content: `You split a user's booking instruction into independent, checkable constraints over the facts a booking site records. Use only the fields and values listed; never invent one. What you cannot express with them goes in "unmapped".\n\n${KINDS}\n\n${describeSchema(schema)}\n\n${FORMAT}`,
    },
    { role: 'user', content: `Instruction: ${instruction}` },
  ];
}

/** The reply's JSON object: a fenced block, else the outermost braces. */
export function readReply(text: string): { ok: true; constraints: unknown[]; unmapped: string[] } | { ok: false; problem: string } {
  const fenced = /```[a-zA-Z]*\s*\n?([\s\S]*?)```/.exec(text)?.[1];
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  const raw = fenced ?? (start >= 0 && end > start ? text.slice(start, end + 1) : undefined);
  if (raw === undefined) return { ok: false, problem: 'no JSON object in the reply' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return { ok: false, problem: `the JSON does not parse (${(err as Error).message})` };
  }
  const v = value as { constraints?: unknown; unmapped?: unknown };
  if (typeof v !== 'object' || v === null || !Array.isArray(v.constraints)) return { ok: false, problem: 'the object has no "constraints" array' };
  const unmapped = Array.isArray(v.unmapped) ? v.unmapped.filter((u): u is string => typeof u === 'string' && u.trim().length > 0) : [];
  return { ok: true, constraints: v.constraints, unmapped };
}

export type LlmDecomposition = Decomposition & { usage: Usage; calls: number };

export async function decomposeWithModel(instruction: string, o: { site: SiteDefinition; world: World; schema: SiteSchema; provider: ModelProvider; signal?: AbortSignal }): Promise<LlmDecomposition> {
  const messages = buildDecomposeMessages(instruction, o.schema);
  const ask = (msgs: ChatMessage[]) => o.provider.chat({ messages: msgs, temperature: 0 }, o.signal);
  let response = await ask(messages);
  const usages = [response.usage];
  let reply = readReply(response.content);
  if (!reply.ok) {
    response = await ask([...messages, { role: 'assistant', content: response.content }, { role: 'user', content: `Your reply could not be used: ${reply.problem}. ${FORMAT}` }]);
    usages.push(response.usage);
    reply = readReply(response.content);
    if (!reply.ok) throw new InvalidInputError(`the model's decomposition of "${instruction}" was unreadable twice: ${reply.problem}`, { hint: 'try another model, or the embedded decomposer (no --model)' });
  }
  const d: LlmDecomposition = { site: o.site.id, instruction, constraints: [], unmapped: reply.unmapped, problems: [], usage: addUsage(usages), calls: usages.length };
  for (const proposed of reply.constraints) {
    const g = groundConstraint(proposed, o.schema, o.site, o.world);
    if ('ok' in g) d.constraints.push(g.ok);
    else d.problems.push({ proposed, reason: g.reason });
  }
  return d;
}
