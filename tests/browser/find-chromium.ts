import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Debian's Chromium, or one named by CHROME_PATH, or Playwright's own if someone installed it:
 * Playwright cannot download its browser on this network, so we never ask it to.
 */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright's own browser is not installed: the usual case here.
  }
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
  if (!found) {
    throw new Error('Chromium not found: install it (sudo apt-get install chromium) or set CHROME_PATH to a Chromium binary.');
  }
  return found;
}
