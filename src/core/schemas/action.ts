import { z } from 'zod';

/**
 * The action space: BrowserGym's whole HighLevelActionSet (browsergym/core/action/functions.py,
 * the "chat", "infeas", "bid", "coord", "nav" and "tab" subsets), with the same parameters and
 * defaults, plus WebArena's bracket forms (they parse into the same objects) and three
 * extensions: `fill`'s `pressEnter`, `stop(answer)`, and answering a JavaScript dialog. `bid` is
 * the element id shown in the observation; coordinates are CSS pixels of the viewport, as
 * Playwright's mouse takes them. The executor must handle exactly these types; adding one
 * without an executor branch fails to compile.
 */
const bid = z.string().min(1);
const coordinate = z.number();
export const MouseButton = z.enum(['left', 'middle', 'right']);
export type MouseButton = z.infer<typeof MouseButton>;
export const KeyModifier = z.enum(['Alt', 'Control', 'ControlOrMeta', 'Meta', 'Shift']);
export type KeyModifier = z.infer<typeof KeyModifier>;

/** BrowserGym's `noop(wait_ms: float = 1000)`: a bare noop() waits a second. */
export const NOOP_DEFAULT_MS = 1000;
export const NOOP_MAX_MS = 60_000;

const pointer = { button: MouseButton.optional(), modifiers: z.array(KeyModifier).optional() };
const point = { x: coordinate, y: coordinate };

export const Action = z.discriminatedUnion('type', [
  /** `button` defaults to left, `modifiers` to none (BrowserGym's defaults). */
  z.strictObject({ type: z.literal('click'), bid, ...pointer }),
  z.strictObject({ type: z.literal('dblclick'), bid, ...pointer }),
  z.strictObject({ type: z.literal('hover'), bid }),
  /**
   * `enableAutocompleteMenu` types the last character as a key press (BrowserGym's hybrid fill),
   * so a widget listening for key events opens its menu; `pressEnter` (WebArena's
   * `type [id] [text] [1]`) presses Enter after.
   */
  z.strictObject({ type: z.literal('fill'), bid, text: z.string(), enableAutocompleteMenu: z.boolean().optional(), pressEnter: z.boolean().optional() }),
  z.strictObject({ type: z.literal('select_option'), bid, options: z.array(z.string()).min(1) }),
  z.strictObject({ type: z.literal('check'), bid }),
  z.strictObject({ type: z.literal('uncheck'), bid }),
  /** Without a bid (BrowserGym's `keyboard_press(key)`, WebArena's `press [key]`) the key goes to the focused element. */
  z.strictObject({ type: z.literal('press'), bid: bid.optional(), key: z.string().min(1) }),
  z.strictObject({ type: z.literal('focus'), bid }),
  z.strictObject({ type: z.literal('clear'), bid }),
  z.strictObject({ type: z.literal('drag_and_drop'), fromBid: bid, toBid: bid }),
  /** Files by name inside the env's upload folder; an empty list clears the selection. */
  z.strictObject({ type: z.literal('upload_file'), bid, files: z.array(z.string().min(1)) }),
  z.strictObject({ type: z.literal('scroll'), dx: z.number(), dy: z.number() }),
  z.strictObject({ type: z.literal('scroll_at'), ...point, dx: z.number(), dy: z.number() }),
  z.strictObject({ type: z.literal('mouse_move'), ...point }),
  z.strictObject({ type: z.literal('mouse_down'), ...point, button: MouseButton.optional() }),
  z.strictObject({ type: z.literal('mouse_up'), ...point, button: MouseButton.optional() }),
  z.strictObject({ type: z.literal('mouse_click'), ...point, button: MouseButton.optional() }),
  z.strictObject({ type: z.literal('mouse_dblclick'), ...point, button: MouseButton.optional() }),
  z.strictObject({ type: z.literal('mouse_drag_and_drop'), fromX: coordinate, fromY: coordinate, toX: coordinate, toY: coordinate }),
  z.strictObject({ type: z.literal('mouse_upload_file'), ...point, files: z.array(z.string().min(1)) }),
  z.strictObject({ type: z.literal('keyboard_down'), key: z.string().min(1) }),
  z.strictObject({ type: z.literal('keyboard_up'), key: z.string().min(1) }),
  z.strictObject({ type: z.literal('keyboard_type'), text: z.string() }),
  z.strictObject({ type: z.literal('keyboard_insert_text'), text: z.string() }),
  z.strictObject({ type: z.literal('goto'), url: z.string().min(1) }),
  z.strictObject({ type: z.literal('go_back') }),
  z.strictObject({ type: z.literal('go_forward') }),
  z.strictObject({ type: z.literal('new_tab') }),
  z.strictObject({ type: z.literal('tab_focus'), index: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('tab_close') }),
  /** Answers the JavaScript dialog (alert, confirm, prompt, beforeunload) the observation shows; `text` fills a prompt. */
  z.strictObject({ type: z.literal('accept_dialog'), text: z.string().optional() }),
  z.strictObject({ type: z.literal('dismiss_dialog') }),
  z.strictObject({ type: z.literal('send_msg_to_user'), text: z.string() }),
  z.strictObject({ type: z.literal('report_infeasible'), reason: z.string() }),
  /** Without `ms`, waits NOOP_DEFAULT_MS, as BrowserGym's noop() does. */
  z.strictObject({ type: z.literal('noop'), ms: z.number().int().min(0).max(NOOP_MAX_MS).optional() }),
  /** Terminal: ends the episode, optionally with an answer. */
  z.strictObject({ type: z.literal('stop'), answer: z.string().optional() }),
]);
export type Action = z.infer<typeof Action>;
export type ActionType = Action['type'];

/** Actions that end the episode. */
export const TERMINAL_ACTIONS: readonly ActionType[] = ['stop', 'report_infeasible'];
