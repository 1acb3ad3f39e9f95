import type { Page } from 'playwright-core';
import { ActionError } from '../execute/action-error.js';

/**
 * The open tabs of one env, in opening order, and which one is active. A tab the page opens
 * itself (target=_blank, window.open) becomes active, as in BrowserGym; a tab that closes is
 * forgotten and the one before it takes over.
 */
export class Tabs {
  private readonly list: Page[] = [];
  private activeIndex = 0;
  private readonly waiters = new Set<() => void>();
  /** Popups each tab has opened, as Playwright reported them. */
  private readonly popups = new WeakMap<Page, number>();

  constructor(private readonly onAdopt: (page: Page) => void) {}

  get pages(): readonly Page[] {
    return this.list;
  }

  get active(): number {
    return this.activeIndex;
  }

  /** The active page; undefined only when every tab was closed. */
  get current(): Page | undefined {
    return this.list[this.activeIndex];
  }

  adopt(page: Page, activate: boolean): void {
    const known = this.list.indexOf(page);
    if (known >= 0) {
      if (activate) this.activeIndex = known;
      return;
    }
    this.list.push(page);
    page.on('popup', () => {
      this.popups.set(page, this.popupsOf(page) + 1);
      for (const w of [...this.waiters]) w();
    });
    this.onAdopt(page);
    page.once('close', () => this.forget(page));
    if (activate) this.activeIndex = this.list.length - 1;
    for (const w of [...this.waiters]) w();
  }

  /** How many popups this tab has opened so far. */
  popupsOf(page: Page): number {
    return this.popups.get(page) ?? 0;
  }

  /**
   * Resolves true once `page` has opened `count` popups, false after `timeoutMs`: a tab the page
   * opened reaches us as an event some time after the click that opened it. A tab already open
   * counts at once, so nothing waits for it.
   */
  waitForPopups(page: Page, count: number, timeoutMs: number): Promise<boolean> {
    if (this.popupsOf(page) >= count) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (this.popupsOf(page) < count) return;
        done(true);
      };
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(ok);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      this.waiters.add(check);
    });
  }

  async focus(index: number): Promise<Page> {
    const page = this.list[index];
    if (!page) throw new ActionError(`tab ${index} does not exist (${this.list.length} tab${this.list.length === 1 ? '' : 's'} open, numbered from 0)`);
    this.activeIndex = index;
    await page.bringToFront();
    return page;
  }

  clear(): void {
    this.list.length = 0;
    this.activeIndex = 0;
  }

  private forget(page: Page): void {
    const i = this.list.indexOf(page);
    if (i < 0) return;
    this.list.splice(i, 1);
    if (i < this.activeIndex || this.activeIndex >= this.list.length) this.activeIndex = Math.max(0, this.activeIndex - 1);
  }
}
