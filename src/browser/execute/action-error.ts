/**
 * An action that could not be carried out for a reason the agent should see and can act on
 * (unknown bid, element hidden or covered, not a select, navigation blocked). The env turns it
 * into observation.lastActionError; it never escapes step().
 */
export class ActionError extends Error {
  override name = 'ActionError';
}
