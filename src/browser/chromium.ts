import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { EnvironmentError } from '../core/errors.js';

/** Flags that keep headless Chromium quiet and off the network it cannot reach here. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chrome binary: $WEBFOUNDRY_CHROME, else $CHROME_PATH, else a system Chromium. */
export function findChromium(): string {
  for (const env of ['WEBFOUNDRY_CHROME', 'CHROME_PATH']) {
    const v = process.env[env];
    if (v) {
      if (!existsSync(v)) throw new EnvironmentError(`${env}=${v} does not exist`, { hint: `point ${env} at a Chrome or Chromium binary` });
      return v;
    }
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new EnvironmentError('no Chromium found', {
      hint: 'install it (Debian: apt-get install -y chromium) or set WEBFOUNDRY_CHROME to a Chrome binary',
    });
  }
  return found;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  } catch (cause) {
    throw new EnvironmentError(`Chromium at ${executablePath} failed to start`, { cause, hint: 'check that it runs: chromium --headless --version' });
  }
}
