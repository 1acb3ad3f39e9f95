import { z } from 'zod';

/**
 * The action space: BrowserGym's high-level actions (WebArena's bracket forms parse into the
 * same objects). `bid` is the element id shown in the observation. The executor must handle
 * exactly these types; adding one without an executor branch fails to compile.
 */
const bid = z.string().min(1);

export const Action = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('click'), bid }),
  z.strictObject({ type: z.literal('dblclick'), bid }),
  z.strictObject({ type: z.literal('hover'), bid }),
  /** `pressEnter` comes from WebArena's `type [id] [text] [1]`. */
  z.strictObject({ type: z.literal('fill'), bid, text: z.string(), pressEnter: z.boolean().optional() }),
  z.strictObject({ type: z.literal('select_option'), bid, options: z.array(z.string()).min(1) }),
  z.strictObject({ type: z.literal('check'), bid }),
  z.strictObject({ type: z.literal('uncheck'), bid }),
  /** Without a bid (WebArena's `press [key]`) the key goes to the focused element. */
  z.strictObject({ type: z.literal('press'), bid: bid.optional(), key: z.string().min(1) }),
  z.strictObject({ type: z.literal('focus'), bid }),
  z.strictObject({ type: z.literal('clear'), bid }),
  z.strictObject({ type: z.literal('scroll'), dx: z.number(), dy: z.number() }),
  z.strictObject({ type: z.literal('goto'), url: z.string().min(1) }),
  z.strictObject({ type: z.literal('go_back') }),
  z.strictObject({ type: z.literal('go_forward') }),
  z.strictObject({ type: z.literal('new_tab') }),
  z.strictObject({ type: z.literal('tab_focus'), index: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('tab_close') }),
  z.strictObject({ type: z.literal('send_msg_to_user'), text: z.string() }),
  z.strictObject({ type: z.literal('report_infeasible'), reason: z.string() }),
  z.strictObject({ type: z.literal('noop'), ms: z.number().int().min(0).max(60_000).optional() }),
  /** Terminal: ends the episode, optionally with an answer. */
  z.strictObject({ type: z.literal('stop'), answer: z.string().optional() }),
]);
export type Action = z.infer<typeof Action>;
export type ActionType = Action['type'];

/** Actions that end the episode. */
export const TERMINAL_ACTIONS: readonly ActionType[] = ['stop', 'report_infeasible'];
