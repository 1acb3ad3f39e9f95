import type { Page, Request } from 'playwright-core';

/**
 * Requests in flight per page, seen from Playwright's side: documents, scripts, styles, images,
 * frames (the page runtime only sees fetch and XHR). A request older than `longRequestMs` stops
 * counting, so a long poll or a stream does not hold every step until the settle timeout.
 */
export class NetworkTracker {
  private readonly started = new Map<Request, number>();
  private waiters = new Set<() => void>();

  constructor(
    page: Page,
    private readonly longRequestMs = 2000,
  ) {
    page.on('request', (r) => this.started.set(r, performance.now()));
    page.on('requestfinished', (r) => this.end(r));
    page.on('requestfailed', (r) => this.end(r));
    page.on('close', () => {
      this.started.clear();
      this.wake();
    });
  }

  /** Requests that still count as in flight. */
  busy(): number {
    const cutoff = performance.now() - this.longRequestMs;
    let n = 0;
    for (const t of this.started.values()) if (t > cutoff) n++;
    return n;
  }

  /** Resolves true when nothing counts as in flight, false at the deadline (performance.now() time). */
  async idle(deadline: number): Promise<boolean> {
    while (this.busy() > 0) {
      const left = deadline - performance.now();
      if (left <= 0) return false;
      // Woken by a finished request, or when the oldest request turns "long" and stops counting.
      const oldest = Math.min(...this.started.values());
      const turnsLong = oldest + this.longRequestMs - performance.now();
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.max(1, Math.min(left, turnsLong)));
        this.waiters.add(done);
      });
    }
    return true;
  }

  private end(r: Request): void {
    this.started.delete(r);
    this.wake();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
