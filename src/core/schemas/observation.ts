import { z } from 'zod';

/**
 * Bump when a field of `Observation` changes meaning or shape. 2: optional dialog, html and
 * elements; the axtree joins text as rendered and marks elements clickable by behaviour.
 */
export const OBSERVATION_SCHEMA_VERSION = 2;

/**
 * 'viewport': only nodes whose box intersects the visible part of the page (plus nodes without
 * a box of their own, such as a select's options, under a visible parent). 'full': every node.
 */
export const ObservationMode = z.enum(['viewport', 'full']);
export type ObservationMode = z.infer<typeof ObservationMode>;

export const TabInfo = z.strictObject({
  index: z.number().int().min(0),
  url: z.string(),
  title: z.string(),
});
export type TabInfo = z.infer<typeof TabInfo>;

/** Where the viewport is on the page, in CSS pixels: lets an agent judge how far to scroll. */
export const ScrollInfo = z.strictObject({
  x: z.number(),
  y: z.number(),
  viewportWidth: z.number(),
  viewportHeight: z.number(),
  pageWidth: z.number(),
  pageHeight: z.number(),
});
export type ScrollInfo = z.infer<typeof ScrollInfo>;

/**
 * Token estimate of `axtree`: characters / 3.2, rounded up. Calibrated on our observations
 * (home, results and listing page of every site, viewport and full mode) against real BPE
 * tokenizers: o200k counts 1.22x and cl100k 1.24x the usual chars/4 rule (bids, brackets and
 * quotes tokenize densely), so chars/3.2 lands within ~3% above both. No tokenizer or model is
 * needed at run time.
 */
export const TokenEstimate = z.strictObject({
  /** How the figure was made; the env's is 'chars/3.2'. */
  method: z.string().min(1),
  tokens: z.number().int().min(0),
});
export type TokenEstimate = z.infer<typeof TokenEstimate>;

/** An image of the active tab's viewport (PNG, or JPEG to store per step compactly), inline or written to a file; `marks` when bids are drawn on it. */
export const ScreenshotFormat = z.enum(['png', 'jpeg']);
export const Screenshot = z.union([
  z.strictObject({ format: ScreenshotFormat, marks: z.boolean(), data: z.instanceof(Uint8Array) }),
  z.strictObject({ format: ScreenshotFormat, marks: z.boolean(), path: z.string() }),
]);
export type Screenshot = z.infer<typeof Screenshot>;

/** A JavaScript dialog the page opened and that waits for an answer (accept_dialog / dismiss_dialog). */
export const DialogInfo = z.strictObject({
  type: z.enum(['alert', 'confirm', 'prompt', 'beforeunload']),
  message: z.string(),
  /** A prompt's pre-filled answer. */
  defaultValue: z.string().optional(),
});
export type DialogInfo = z.infer<typeof DialogInfo>;

/**
 * One element's extra properties, as BrowserGym's extra_element_properties has them
 * (browsergym/core/observation.py): the share of it inside the viewport (0..1), its box
 * [x, y, width, height] in viewport CSS pixels (null when not rendered), whether it takes clicks.
 */
export const ElementProperties = z.strictObject({
  visibility: z.number().min(0).max(1),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  clickable: z.boolean(),
});
export type ElementProperties = z.infer<typeof ElementProperties>;

/**
 * What the agent sees after reset() and every step(): the active tab's accessibility tree as
 * compact text (`[bid] role "name" value states`, indented by depth), where it is, which tabs
 * are open, and what went wrong with the last action.
 */
export const Observation = z.strictObject({
  schemaVersion: z.literal(OBSERVATION_SCHEMA_VERSION),
  url: z.string(),
  title: z.string(),
  tabs: z.array(TabInfo).min(1),
  activeTab: z.number().int().min(0),
  mode: ObservationMode,
  /** One line per meaningful node; an action refers to an element by the bid in brackets. */
  axtree: z.string(),
  /** The bid of the focused element, when one has focus. */
  focusedBid: z.string().nullable(),
  scroll: ScrollInfo,
  /** Why the last action failed (unparseable, unknown bid, timeout, blocked...); null when it worked. */
  lastActionError: z.string().nullable(),
  tokens: TokenEstimate,
  screenshot: Screenshot.optional(),
  /** The open JavaScript dialog of the active tab; the axtree then starts with a line saying so. */
  dialog: DialogInfo.optional(),
  /** The pruned HTML of the active tab (BrowserGym's prune_html(flatten_dom_to_str(...))), when asked for. */
  html: z.string().optional(),
  /** Per bid shown: visibility, box and clickability, when asked for. */
  elements: z.record(z.string(), ElementProperties).optional(),
});
export type Observation = z.infer<typeof Observation>;
