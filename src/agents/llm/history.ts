import type { PastStep } from '../policy.js';

/** The path (and query) of a URL: enough to tell pages apart, shorter than the origin. */
function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/**
 * Earlier steps for the prompt: the last `k` in full (thought, action, error), everything before
 * as one line of what changed ("step 3: click("12") on /search -> /listing/7"), so a long
 * episode stays cheap but the model still knows where it has been. `currentUrl` is where the last
 * step led (each step's own URL is where it started).
 */
export function historyText(history: readonly PastStep[], k: number, currentUrl: string): string {
  if (history.length === 0) return 'none yet';
  const after = (i: number) => history[i + 1]?.url ?? currentUrl;
  const firstFull = Math.max(0, history.length - k);
  const lines: string[] = [];
  history.forEach((s, i) => {
    const n = i + 1;
    const err = s.error === null ? '' : ` (error: ${oneLine(s.error, 160)})`;
    if (i < firstFull) {
      const from = pathOf(s.url);
      const to = pathOf(after(i));
      lines.push(`step ${n}: ${oneLine(s.action, 160)} on ${from}${to === from ? '' : ` -> ${to}`}${err}`);
      return;
    }
    lines.push(
      [`step ${n} on ${pathOf(s.url)}:`, `  Thought: ${oneLine(s.thought, 1000) || '(none)'}`, `  Action: ${s.action}`, ...(s.error === null ? [] : [`  Error: ${s.error}`])].join('\n'),
    );
  });
  return lines.join('\n');
}

function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
