/** Debian's Chromium through playwright-core: never a downloaded browser. */
import { chromium, type Browser } from 'playwright-core';

/** The flags this workplace's closed network needs (no background connections, no first-run work). */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Launch headless Chromium from `CHROMIUM_PATH` or `/usr/bin/chromium`. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS });
}
