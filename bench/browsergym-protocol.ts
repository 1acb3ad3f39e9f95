/**
 * BrowserGym's per-step protocol, in TypeScript, for the speed comparison in
 * bench/browser.bench.ts. It mirrors ServiceNow/BrowserGym (Apache-2.0) as its source does it:
 *
 * - env.py step/post_step: run the action, sleep pre_observation_delay (0.5 s), call
 *   context.cookies(), wait for "domcontentloaded" on every page and frame (_wait_dom_loaded),
 *   then _get_obs;
 * - env.py _get_obs: _pre_extract (observation.py: frame_mark_elements.js in every frame,
 *   recursively), extract_dom_snapshot (a new CDP session, DOMSnapshot.captureSnapshot with DOM
 *   rects and paint order, bids popped from aria attributes), extract_merged_axtree (a new CDP
 *   session, Page.getFrameTree, Accessibility.getFullAXTree per frame, DOM.describeNode for each
 *   Iframe node), extract_focused_element_bid, extract_dom_extra_properties, _post_extract
 *   (frame_unmark_elements.js), and extract_screenshot (a new CDP session, device metrics
 *   override, Page.captureScreenshot, restore);
 * - action/functions.py: element actions locate by bid (`get_by_test_id` on the `bid`
 *   attribute, a count() first) and act with a 500 ms timeout;
 * - utils/obs.py flatten_axtree_to_str with its defaults, for the text an agent reads.
 *
 * Left out: decoding the screenshot PNG into an array (BrowserGym does it with PIL) and task
 * validation, so the figures are a lower bound of BrowserGym's own cost.
 */
import type { Browser, BrowserContext, CDPSession, ElementHandle, Frame, JSHandle, Page } from 'playwright-core';
import { FRAME_MARK_ELEMENTS, FRAME_UNMARK_ELEMENTS, PAGE_ACTIVATION_SCRIPT } from './browsergym-marking.js';

const BID = 'bid';
const PRE_OBSERVATION_DELAY_MS = 500;
const ACTION_TIMEOUT_MS = 500;

type AxNode = {
  nodeId: string;
  role: { value: string };
  name?: { value: string };
  value?: { value: unknown };
  description?: { value: string };
  properties?: { name: string; value: { value?: unknown } }[];
  childIds?: string[];
  backendDOMNodeId?: number;
  frameId?: string;
  browsergym_id?: string;
};

export type BgTimings = { actionMs: number; waitMs: number; observeMs: number; totalMs: number };
export type BgObservation = { axtreeText: string; extraProperties: Record<string, unknown>; focusedBid: string };

export class BrowserGymProtocol {
  private constructor(
    private readonly context: BrowserContext,
    public page: Page,
  ) {}

  static async create(browser: Browser, viewport: { width: number; height: number }): Promise<BrowserGymProtocol> {
    const context = await browser.newContext({ viewport });
    context.setDefaultTimeout(10_000);
    let active: Page | undefined;
    await context.exposeBinding('browsergym_page_activated', (source) => {
      active = source.page;
    });
    await context.addInitScript({ content: PAGE_ACTIVATION_SCRIPT });
    const page = await context.newPage();
    const p = new BrowserGymProtocol(context, page);
    void active;
    return p;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }

  /** reset(): open the start page, wait for the DOM, observe. */
  async reset(url: string): Promise<BgObservation> {
    await this.page.goto(url);
    await this.waitDomLoaded();
    return this.getObs();
  }

  /** step(): run the action, then post_step's fixed delay, DOM wait and full extraction. */
  async step(action: (page: Page) => Promise<void>): Promise<{ obs: BgObservation; timings: BgTimings; error: string }> {
    const t0 = performance.now();
    let error = '';
    try {
      await action(this.page);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const t1 = performance.now();
    await new Promise((r) => setTimeout(r, PRE_OBSERVATION_DELAY_MS));
    await this.context.cookies();
    await this.waitDomLoaded();
    const t2 = performance.now();
    const obs = await this.getObs();
    const t3 = performance.now();
    return { obs, error, timings: { actionMs: t1 - t0, waitMs: t2 - t1, observeMs: t3 - t2, totalMs: t3 - t0 } };
  }

  /** functions.py get_elem_by_bid (main frame only here): locate by bid, fail if absent. */
  async element(bid: string) {
    const elem = this.page.locator(`[${BID}="${bid}"]`);
    if (!(await elem.count())) throw new Error(`Could not find element with bid "${bid}"`);
    return elem;
  }

  async click(bid: string): Promise<void> {
    await (await this.element(bid)).click({ timeout: ACTION_TIMEOUT_MS });
  }

  async fill(bid: string, value: string): Promise<void> {
    await (await this.element(bid)).fill(value, { timeout: ACTION_TIMEOUT_MS });
  }

  async selectOption(bid: string, option: string): Promise<void> {
    await (await this.element(bid)).selectOption(option, { timeout: ACTION_TIMEOUT_MS });
  }

  private async waitDomLoaded(): Promise<void> {
    for (const page of this.context.pages()) {
      await page.waitForLoadState('domcontentloaded', { timeout: 3000 }).catch(() => undefined);
      for (const frame of page.frames()) await frame.waitForLoadState('domcontentloaded', { timeout: 3000 }).catch(() => undefined);
    }
  }

  private async getObs(): Promise<BgObservation> {
    const page = this.page;
    await this.preExtract(page);
    const dom = await extractDomSnapshot(page);
    const axtree = await extractMergedAxtree(page);
    const focusedBid = await extractFocusedElementBid(page);
    const extraProperties = extractDomExtraProperties(dom);
    await this.postExtract(page);
    await extractScreenshot(page);
    return { axtreeText: flattenAxtreeToStr(axtree), extraProperties, focusedBid };
  }

  /** observation.py _pre_extract: mark_frames_recursive. */
  private async preExtract(page: Page): Promise<void> {
    const mark = async (frame: Frame, frameBid: string): Promise<void> => {
      await frame.evaluate(`(${FRAME_MARK_ELEMENTS})(${JSON.stringify([frameBid, BID, 'standard_html'])})`);
      for (const child of frame.childFrames()) {
        if (child.isDetached()) continue;
        const elem = await child.frameElement();
        if ((await elem.contentFrame()) !== child) continue;
        const sandbox = await elem.getAttribute('sandbox');
        if (sandbox !== null && !sandbox.split(/\s+/).includes('allow-scripts')) continue;
        const bid = await elem.getAttribute(BID);
        if (bid === null) throw new Error('Cannot mark a child frame without a bid.');
        await mark(child, bid);
      }
    };
    await mark(page.mainFrame(), '');
  }

  /** observation.py _post_extract. */
  private async postExtract(page: Page): Promise<void> {
    for (const frame of page.frames()) {
      if (frame !== page.mainFrame()) {
        const elem = await frame.frameElement();
        const sandbox = await elem.getAttribute('sandbox');
        if (sandbox !== null && !sandbox.split(/\s+/).includes('allow-scripts')) continue;
        if ((await elem.getAttribute(BID)) === null) continue;
      }
      await frame.evaluate(`(${FRAME_UNMARK_ELEMENTS})()`);
    }
  }
}

async function session<T>(page: Page, run: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await run(cdp);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

type Snapshot = { strings: string[]; documents: { nodes: { attributes?: number[][]; isClickable?: { index: number[] } }; layout: { nodeIndex: number[]; bounds: number[][]; clientRects?: number[][] } }[] };

const DATA = /^browsergym_id_([a-zA-Z0-9]+)\s?(.*)$/s;

/** observation.py extract_dom_snapshot, with pop_bids_from_attribute on both aria attributes. */
async function extractDomSnapshot(page: Page): Promise<Snapshot> {
  const dom = (await session(page, (cdp) => cdp.send('DOMSnapshot.captureSnapshot', { computedStyles: [], includeDOMRects: true, includePaintOrder: true }))) as unknown as Snapshot;
  for (const attr of ['aria-roledescription', 'aria-description']) {
    const id = dom.strings.indexOf(attr);
    if (id < 0) continue;
    const done = new Set<number>();
    for (const doc of dom.documents) {
      for (const a of doc.nodes.attributes ?? []) {
        for (let i = 0; i < a.length; i += 2) {
          if (a[i] !== id) continue;
          const v = a[i + 1]!;
          if (!done.has(v)) {
            const m = DATA.exec(dom.strings[v] ?? '');
            if (m) dom.strings[v] = m[2]!;
            done.add(v);
          }
          if (dom.strings[v] === '') a.splice(i, 2);
          break;
        }
      }
    }
  }
  return dom;
}

/** observation.py extract_merged_axtree (extract_all_frame_axtrees, then linking Iframe nodes). */
async function extractMergedAxtree(page: Page): Promise<{ nodes: AxNode[] }> {
  const frameAxtrees = await session(page, async (cdp) => {
    const tree = (await cdp.send('Page.getFrameTree')) as { frameTree: FrameTreeNode };
    const ids: string[] = [];
    const todo = [tree.frameTree];
    while (todo.length) {
      const f = todo.pop()!;
      todo.push(...(f.childFrames ?? []));
      ids.push(f.frame.id);
    }
    const out = new Map<string, AxNode[]>();
    for (const id of ids) out.set(id, ((await cdp.send('Accessibility.getFullAXTree', { frameId: id })) as { nodes: AxNode[] }).nodes);
    return out;
  });
  for (const nodes of frameAxtrees.values()) {
    for (const node of nodes) {
      let items: string[] = [];
      const props = node.properties ?? [];
      const i = props.findIndex((p) => p.name === 'roledescription');
      if (i >= 0) {
        const m = DATA.exec(String(props[i]!.value.value ?? ''));
        if (m) {
          items = [m[1]!];
          props[i]!.value.value = m[2]!;
          if (m[2] === '') props.splice(i, 1);
        }
      }
      if (node.description) {
        const m = DATA.exec(node.description.value);
        if (m) {
          node.description.value = m[2]!;
          if (m[2] === '') delete node.description;
          if (!items.length) items = [m[1]!];
        }
      }
      if (items.length) node.browsergym_id = items[0];
    }
  }
  const merged: AxNode[] = [];
  await session(page, async (cdp) => {
    for (const nodes of frameAxtrees.values()) {
      merged.push(...nodes);
      for (const node of nodes) {
        if (node.role.value !== 'Iframe' || node.backendDOMNodeId === undefined) continue;
        const described = (await cdp.send('DOM.describeNode', { backendNodeId: node.backendDOMNodeId })) as { node: { frameId?: string } };
        const child = described.node.frameId ? frameAxtrees.get(described.node.frameId) : undefined;
        if (child?.[0]) (node.childIds ??= []).push(child[0].nodeId);
      }
    }
  });
  return { nodes: merged };
}

type FrameTreeNode = { frame: { id: string }; childFrames?: FrameTreeNode[] };

/** observation.py extract_focused_element_bid: follow focus through iframes. */
async function extractFocusedElementBid(page: Page): Promise<string> {
  let frame: Frame | null = page.mainFrame();
  let bid = '';
  while (frame) {
    const handle: JSHandle = await frame.evaluateHandle(`(() => { function g(root) { const a = root.activeElement; if (!a) return null; return a.shadowRoot ? g(a.shadowRoot) : a; } return g(document); })()`);
    const el: ElementHandle | null = handle.asElement();
    if (!el) break;
    frame = await el.contentFrame();
    bid = (await el.getAttribute(BID)) ?? '';
  }
  return bid;
}

/** observation.py extract_dom_extra_properties (main document; frames would add offsets). */
function extractDomExtraProperties(dom: Snapshot): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const s = (i: number) => dom.strings[i];
  const bidId = dom.strings.indexOf(BID);
  const visId = dom.strings.indexOf('browsergym_visibility_ratio');
  const somId = dom.strings.indexOf('browsergym_set_of_marks');
  for (const doc of dom.documents) {
    const nodes = (doc.nodes.attributes ?? []).map(() => ({ bid: undefined as string | undefined, visibility: 0, bbox: null as number[] | null, clickable: false, som: false }));
    for (const i of doc.nodes.isClickable?.index ?? []) nodes[i]!.clickable = true;
    (doc.nodes.attributes ?? []).forEach((a, n) => {
      for (let i = 0; i < a.length; i += 2) {
        if (a[i] === bidId) nodes[n]!.bid = s(a[i + 1]!);
        if (a[i] === visId) nodes[n]!.visibility = Number(s(a[i + 1]!));
        if (a[i] === somId) nodes[n]!.som = s(a[i + 1]!) === '1';
      }
    });
    doc.layout.nodeIndex.forEach((n, k) => {
      if ((doc.layout.clientRects?.[k]?.length ?? 0) > 0) nodes[n]!.bbox = doc.layout.bounds[k]!.slice();
    });
    for (const n of nodes) if (n.bid) out[n.bid] = { visibility: n.visibility, bbox: n.bbox, clickable: n.clickable, set_of_marks: n.som };
  }
  return out;
}

/** observation.py extract_screenshot (the PNG is not decoded here). */
async function extractScreenshot(page: Page): Promise<void> {
  const vp = page.viewportSize() ?? { width: 1280, height: 720 };
  await session(page, async (cdp) => {
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: vp.width, height: vp.height, deviceScaleFactor: 1, mobile: false });
    await cdp.send('Page.captureScreenshot', { format: 'png' });
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: vp.width, height: vp.height, deviceScaleFactor: 1, mobile: false });
  });
}

const IGNORED_ROLES = new Set(['LineBreak']);
const IGNORED_PROPERTIES = new Set(['editable', 'readonly', 'level', 'settable', 'multiline', 'invalid', 'focusable']);

/** Python's repr() of a str, as flatten_axtree_to_str prints names and values. */
function pyRepr(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  const t = String(v);
  const quote = t.includes("'") && !t.includes('"') ? '"' : "'";
  const body = t.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
}

/** utils/obs.py flatten_axtree_to_str with its default arguments. */
export function flattenAxtreeToStr(tree: { nodes: AxNode[] }): string {
  const index = new Map<string, number>();
  tree.nodes.forEach((n, i) => index.set(n.nodeId, i));
  const dfs = (i: number, depth: number, parentName: string): string => {
    const node = tree.nodes[i]!;
    let out = '';
    const indent = '\t'.repeat(depth);
    let skip = false;
    const role = node.role.value;
    let name = '';
    if (IGNORED_ROLES.has(role) || node.name === undefined) skip = true;
    else {
      name = node.name.value;
      const value = node.value && 'value' in node.value ? node.value.value : undefined;
      const attributes: string[] = [];
      for (const p of node.properties ?? []) {
        if (!('value' in p.value)) continue;
        if (IGNORED_PROPERTIES.has(p.name)) continue;
        if (['required', 'focused', 'atomic'].includes(p.name)) {
          if (p.value.value) attributes.push(p.name);
        } else attributes.push(`${p.name}=${pyRepr(p.value.value)}`);
      }
      if (role === 'generic' && !attributes.length) skip = true;
      if (role === 'StaticText' && parentName.includes(name)) skip = true;
      if (!skip) {
        let line = role === 'generic' && !name ? role : `${role} ${pyRepr(name.trim())}`;
        if (node.browsergym_id !== undefined) line = `[${node.browsergym_id}] ${line}`;
        if (value !== undefined) line += ` value=${pyRepr(value)}`;
        if (attributes.length) line += ['', ...attributes].join(', ');
        out += `${indent}${line}`;
      }
    }
    for (const c of node.childIds ?? []) {
      const ci = index.get(c);
      if (ci === undefined || c === node.nodeId) continue;
      const child = dfs(ci, skip ? depth : depth + 1, name);
      if (child) out += (out ? '\n' : '') + child;
    }
    return out;
  };
  return tree.nodes.length ? dfs(0, 0, '') : '';
}
