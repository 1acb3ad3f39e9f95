/** ANSI escape sequences (colours, cursor moves) that Playwright puts in its call logs. */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;

/** Text an agent reads: no terminal codes, no other control characters but line breaks and tabs. */
export function plainText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(ANSI, '').replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '');
}
