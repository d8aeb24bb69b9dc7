// Screenshots of the article with a thread in view, light and dark, from a small phone to a
// desktop, left in test-results/browser/ for a person to look at. With README_SCREENSHOT=1
// the 1280 px light one is also written to docs/screenshots/article.png, which the README shows:
//   README_SCREENSHOT=1 npx playwright test -c tests/browser/playwright.config.ts screenshots
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { documentScrollWidth, openArticle } from './page-states';

const README_SCREENSHOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots/article.png');

/**
 * Booboo's thread (a comment and its four replies): from the comment's first line, or, where
 * the comment alone would fill the screen (a phone), with its first replies in the lower part.
 */
async function showThread(page: Page) {
  const thread = page.locator('li', { has: page.getByRole('button', { name: 'Répondre à Booboo', exact: true }) }).last();
  await thread.evaluate(async (item) => {
    const top = (element: Element | null | undefined) => (element?.getBoundingClientRect().top ?? 0) + window.scrollY;
    const nextFrames = async () => {
      for (let frame = 0; frame < 4; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    };
    const firstReply = item.querySelector(':scope > ol > li');
    // Comments off screen have a placeholder height (content-visibility: auto) until they are
    // rendered: aim, let them render, and aim again until the page stops moving.
    for (let attempt = 0; attempt < 8; attempt++) {
      const target = Math.round(Math.max(top(item) - 16, top(firstReply) - window.innerHeight * 0.6));
      if (Math.abs(window.scrollY - target) < 2) break;
      window.scrollTo(0, target);
      await nextFrames();
    }
  });
  await expect(thread.locator('ol article').first()).toBeInViewport();
}

for (const width of [320, 390, 768, 1280]) {
  test(`screenshots of a thread at ${width} px, light and dark`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await openArticle(page);
    expect(await documentScrollWidth(page)).toBeLessThanOrEqual(width);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: testInfo.outputPath(`top-${width}-${colorScheme}.png`) });
      await showThread(page);
      const path = testInfo.outputPath(`thread-${width}-${colorScheme}.png`);
      await page.screenshot({ path });
      if (width === 1280 && colorScheme === 'light' && process.env.README_SCREENSHOT === '1') {
        mkdirSync(dirname(README_SCREENSHOT), { recursive: true });
        copyFileSync(path, README_SCREENSHOT);
      }
    }
  });
}
