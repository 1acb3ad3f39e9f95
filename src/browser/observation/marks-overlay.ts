import type { Page } from 'playwright-core';
import { BID_ATTRIBUTE } from './page-runtime.js';

const OVERLAY_ID = '__wf_marks';

/**
 * Draws a set-of-marks overlay (a box and the bid label on each listed element in the viewport)
 * for one screenshot, then takes it away. A string expression, not a function: see page-runtime.ts.
 */
function drawSource(bids: string[]): string {
  return `(() => {
    const bids = ${JSON.stringify(bids)};
    const layer = document.createElement('div');
    layer.id = ${JSON.stringify(OVERLAY_ID)};
    layer.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483647;';
    const colors = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#008080'];
    let i = 0;
    for (const bid of bids) {
      const el = document.querySelector('[${BID_ATTRIBUTE}="' + CSS.escape(bid) + '"]');
      if (!el) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) continue;
      const c = colors[i++ % colors.length];
      const box = document.createElement('div');
      box.style.cssText = 'position:fixed;box-sizing:border-box;border:2px solid ' + c + ';left:' + r.left + 'px;top:' + r.top + 'px;width:' + r.width + 'px;height:' + r.height + 'px;';
      const tag = document.createElement('div');
      tag.textContent = bid;
      tag.style.cssText = 'position:absolute;left:-2px;top:-16px;font:bold 11px/14px monospace;padding:0 3px;color:#fff;background:' + c + ';';
      box.appendChild(tag);
      layer.appendChild(box);
    }
    (document.body || document.documentElement).appendChild(layer);
  })()`;
}

export async function screenshotWithMarks(page: Page, bids: string[], image: { type: 'png' } | { type: 'jpeg'; quality: number } = { type: 'png' }): Promise<Buffer> {
  await page.evaluate(drawSource(bids));
  try {
    return await page.screenshot(image);
  } finally {
    await page.evaluate(`document.getElementById(${JSON.stringify(OVERLAY_ID)})?.remove()`).catch(() => undefined);
  }
}
