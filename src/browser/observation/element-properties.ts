import type { ElementProperties } from '../../core/schemas/observation.js';
import type { Box, DomNode } from './cdp-snapshot.js';

export type { ElementProperties };

/** Which per-element extras the observation carries, as BrowserGym's flatten_axtree_to_str offers them. */
export type PropertyOptions = {
  /** `visible` on lines whose element shows at least half of itself in the viewport. */
  visible?: boolean;
  /** `clickable` on lines whose element takes clicks (by role, listener, cursor or tabindex). */
  clickable?: boolean;
  /** `center=(x,y)` or `box=(x0,y0,x1,y1)` in viewport CSS pixels, what mouse_click takes. */
  coords?: 'center' | 'box';
};

/**
 * BrowserGym's extra_element_properties entry for one bid (browsergym/core/observation.py,
 * extract_dom_extra_properties): the share of the element inside the viewport (0..1, to 2
 * decimals), its box [x, y, width, height] in viewport coordinates (null when not rendered), and
 * whether it takes clicks. BrowserGym measures visibility with an IntersectionObserver in the
 * page; here it is the same intersection computed from the layout box, without a page round trip.
 * BrowserGym's "clickable" is Chromium's listener verdict alone; here a control role, a pointer
 * cursor or a tabindex count too.
 */
export function elementProperties(d: DomNode, offset: { dx: number; dy: number }, viewport: Box, clickable: boolean): ElementProperties {
  const takesClicks = clickable || d.clickable;
  if (!d.box || !d.rendered) return { visibility: 0, bbox: null, clickable: takesClicks };
  const x = d.box.x + offset.dx;
  const y = d.box.y + offset.dy;
  const { width, height } = d.box;
  const bbox: [number, number, number, number] = [x, y, width, height];
  if (d.visibility !== undefined && d.visibility !== 'visible') return { visibility: 0, bbox, clickable: takesClicks };
  const ix = Math.max(0, Math.min(x + width, viewport.x + viewport.width) - Math.max(x, viewport.x));
  const iy = Math.max(0, Math.min(y + height, viewport.y + viewport.height) - Math.max(y, viewport.y));
  const area = width * height;
  const inside = x >= viewport.x && x <= viewport.x + viewport.width && y >= viewport.y && y <= viewport.y + viewport.height;
  const ratio = area > 0 ? (ix * iy) / area : inside ? 1 : 0;
  return { visibility: Math.round(ratio * 100) / 100, bbox, clickable: takesClicks };
}
