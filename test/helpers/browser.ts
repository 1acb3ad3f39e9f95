import type { Browser } from 'playwright-core';
import { launchChromium } from '../../src/browser/chromium.js';

let browser: Browser | undefined;

export async function sharedBrowser(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}
