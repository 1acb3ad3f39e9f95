/**
 * Text as a person compares answers: case, accents, punctuation, articles and spacing ignored
 * ("The Café Núñez!" = "cafe nunez"). `,` `;` and line breaks may be kept as " , " (what
 * separates the members of a set answer).
 */
export function normText(s: string, keepSeparators = false): string {
  let t = s.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  t = t.replace(/&/g, ' and ').replace(/['’`]/g, '');
  t = keepSeparators ? t.replace(/[,;\n•·]+/g, ' , ') : t;
  t = t.replace(keepSeparators ? /[^\p{L}\p{N},]+/gu : /[^\p{L}\p{N}]+/gu, ' ');
  t = t.replace(/\b(the|a|an)\b/g, ' ');
  return t.replace(/\s+/g, ' ').trim();
}

/** The answer of a reply that wraps it: WebDancer's `<answer>` tags, markdown emphasis. */
export function unwrapReply(reply: string): string {
  const tagged = /<answer>([\s\S]*?)<\/answer>/i.exec(reply);
  return (tagged ? tagged[1]! : reply).replace(/[*_`]+/g, '').trim();
}

/** Words that introduce an answer without being part of it ("The answer is: Lisbon."). */
const LEAD_IN = /^(?:(?:my |our )?final answer(?: is)?|(?:the )?answer(?: is)?|it is|its|it was|they are|these are|that is|this is)\s*[:\-–—]?\s*/i;

/** The reply without its lead-in and closing full stop. */
export function stripLeadIn(reply: string): string {
  return unwrapReply(reply).replace(LEAD_IN, '').replace(/[.!]+\s*$/, '').trim();
}
