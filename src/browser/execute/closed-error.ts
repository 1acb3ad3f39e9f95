/** The page, context or browser is gone: not the agent's fault, the env handles it. */
export function isClosedError(err: unknown): boolean {
  const m = err instanceof Error ? err.message : String(err);
  return /Target (page, context or browser )?(has been )?closed|Browser has been closed|browser has disconnected|Page crashed|Target crashed|Session closed/i.test(m);
}
