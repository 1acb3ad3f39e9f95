import type { Dialog, Page } from 'playwright-core';
import type { DialogInfo } from '../../core/schemas/observation.js';
import { ActionError } from '../execute/action-error.js';

/**
 * JavaScript dialogs (alert, confirm, prompt, beforeunload) of an episode's tabs. Playwright
 * dismisses them silently unless someone listens; the env listens and keeps each one open, shows
 * it in the observation, and lets the agent answer it with accept_dialog / dismiss_dialog.
 *
 * While a dialog is open its tab's script is blocked, and so is every CDP call that needs the
 * page's main thread (evaluation, the accessibility tree, a screenshot). Whatever the env does
 * in that tab therefore races against `opened(page)`, and the observation of a tab with an open
 * dialog is built from the dialog plus the page as last observed.
 */
export class Dialogs {
  private readonly pending = new Map<Page, Dialog>();
  private readonly waiters = new Map<Page, Set<() => void>>();
  private leaving = 0;

  watch(page: Page): void {
    page.on('dialog', (d) => {
      // The env itself is leaving the page (a new episode starts): nobody is there to answer.
      if (this.leaving > 0) {
        void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()).catch(() => undefined);
        return;
      }
      this.pending.set(page, d);
      for (const w of [...(this.waiters.get(page) ?? [])]) w();
    });
    page.once('close', () => {
      this.pending.delete(page);
      for (const w of [...(this.waiters.get(page) ?? [])]) w();
    });
  }

  /** The open dialog of this tab, as the observation shows it. */
  info(page: Page): DialogInfo | undefined {
    const d = this.pending.get(page);
    if (!d) return undefined;
    const info: DialogInfo = { type: d.type() as DialogInfo['type'], message: d.message() };
    if (d.type() === 'prompt') info.defaultValue = d.defaultValue();
    return info;
  }

  isOpen(page: Page): boolean {
    return this.pending.has(page);
  }

  /** Resolves when this tab has an open dialog (at once if it has one) or closes. */
  opened(page: Page): { promise: Promise<void>; cancel: () => void } {
    if (this.pending.has(page) || page.isClosed()) return { promise: Promise.resolve(), cancel: () => undefined };
    let set = this.waiters.get(page);
    if (!set) this.waiters.set(page, (set = new Set()));
    let done!: () => void;
    const promise = new Promise<void>((resolve) => {
      done = () => {
        set.delete(done);
        resolve();
      };
      set.add(done);
    });
    return { promise, cancel: () => set.delete(done) };
  }

  /**
   * `work` on this tab, unless a dialog opens first: then 'dialog' (the work is left to finish
   * once the dialog is answered, and its outcome ignored).
   */
  async race<T>(page: Page, work: Promise<T>): Promise<{ dialog: true } | { dialog: false; value: T }> {
    const w = this.opened(page);
    try {
      const r = await Promise.race([work.then((value) => ({ dialog: false as const, value })), w.promise.then(() => ({ dialog: true as const }))]);
      if (r.dialog) work.catch(() => undefined);
      return r;
    } finally {
      w.cancel();
    }
  }

  async answer(page: Page, accept: boolean, text?: string): Promise<void> {
    const d = this.pending.get(page);
    if (!d) throw new ActionError(`there is no open dialog to ${accept ? 'accept' : 'dismiss'} in this tab`);
    this.pending.delete(page);
    if (text !== undefined && d.type() !== 'prompt') throw new ActionError(`accept_dialog(text) is for a prompt; this dialog is ${article(d.type())} ${d.type()}: use accept_dialog()`);
    await (accept ? d.accept(text) : d.dismiss());
  }

  /** Runs `work` with every dialog that opens meanwhile answered at once ("Leave site?" accepted). */
  async whileLeaving<T>(work: () => Promise<T>): Promise<T> {
    this.leaving++;
    try {
      await this.dismissAll();
      return await work();
    } finally {
      this.leaving--;
    }
  }

  /** Dismisses every open dialog (a new episode starts with none). */
  async dismissAll(): Promise<void> {
    const open = [...this.pending.values()];
    this.pending.clear();
    await Promise.all(open.map((d) => d.dismiss().catch(() => undefined)));
  }
}

const article = (w: string) => (/^[aeiou]/.test(w) ? 'an' : 'a');

/** The observation's first line while a dialog is open: plain text, not a node line. */
export function dialogLine(d: DialogInfo): string {
  const what = d.type === 'beforeunload' ? 'The page asks "Leave site?"' : `A JavaScript ${d.type} is open`;
  const prompt = d.type === 'prompt' ? `; default answer ${JSON.stringify(d.defaultValue ?? '')}` : '';
  const how =
    d.type === 'beforeunload'
      ? 'accept_dialog() leaves, dismiss_dialog() stays'
      : d.type === 'alert'
        ? 'close it with accept_dialog()'
        : d.type === 'prompt'
          ? 'answer with accept_dialog("text") or dismiss_dialog()'
          : 'answer with accept_dialog() (OK) or dismiss_dialog() (Cancel)';
  return `${what}: ${JSON.stringify(d.message)}${prompt}. The page waits until it is answered: ${how}.`;
}
