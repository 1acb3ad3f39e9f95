import { actionFromToolCall, actionTools, extractAction, formatAction } from '../../browser/actions/index.js';
import type { ChatResponse, ToolSpec } from '../../models/provider.js';

/** The action space as provider-neutral tool specs (one function per action type). */
export function toolSpecs(): ToolSpec[] {
  return actionTools().map((t) => ({ name: t.function.name, description: t.function.description, parameters: t.function.parameters }));
}

/** What one reply gave: the action in canonical form, or why there is none; and the thought. */
export type ReadReply = { ok: true; action: string; thought: string } | { ok: false; error: string; thought: string };

/**
 * Reads a reply. A tool call wins over text (in tool mode the model may still write prose); the
 * action comes back as its canonical string (formatAction), so `click('12')` and `click("12")`
 * are the same action in trajectories and in the repeat check.
 */
export function readReply(r: ChatResponse): ReadReply {
  const thought = thoughtOf(r);
  const call = r.toolCalls[0];
  if (call) {
    try {
      return { ok: true, action: formatAction(actionFromToolCall(call.name, call.arguments)), thought };
    } catch (err) {
      return { ok: false, error: `the function call ${call.name}(${JSON.stringify(call.arguments)}) is not a valid action: ${toolError(err)}`, thought };
    }
  }
  const parsed = extractAction(r.content);
  return parsed.ok ? { ok: true, action: formatAction(parsed.action), thought } : { ok: false, error: parsed.error, thought };
}

/**
 * The thought: a reasoning model's separate reasoning, then the visible one (the text after
 * "Thought:" up to the "Action:" line; without labels, the text before the action line).
 */
export function thoughtOf(r: Pick<ChatResponse, 'content' | 'reasoning'>): string {
  return [r.reasoning?.trim(), visibleThought(r.content)].filter((s): s is string => Boolean(s)).join('\n\n');
}

function visibleThought(content: string): string {
  const text = content.replace(/```[\s\S]*?(```|$)/g, '').trim();
  const labelled = /(?:^|\n)\W*thought\W*:\s*([\s\S]*?)(?=\n\W*action\W*:|$)/i.exec(text);
  if (labelled) return labelled[1]!.trim();
  const action = /(?:^|\n)\W*action\W*:/i.exec(text);
  return (action ? text.slice(0, action.index) : text).trim();
}

function toolError(err: unknown): string {
  if (err instanceof SyntaxError) return `arguments are not JSON (${err.message})`;
  const issues = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (issues) return issues.map((i) => `${i.path.map(String).join('.') || 'arguments'}: ${i.message}`).join('; ');
  return String(err);
}
