// The article with a thread in view, light and dark, from a small phone to a desktop: what each
// screenshot should show is checked (colours, what is in view, indentation, width), and the
// screenshots are left in test-results/browser/ for a person to look at. With README_SCREENSHOT=1
// the 1280 px light one is also written to docs/screenshots/article.png, which the README shows:
//   README_SCREENSHOT=1 npx playwright test -c tests/browser/playwright.config.ts screenshots
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { DARK_PAPER, documentScrollWidth, LIGHT_PAPER, openArticle, pageBackground } from './page-states';

const README_SCREENSHOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots/article.png');

const replyToBooboo = (page: Page) => page.getByRole('button', { name: 'Répondre à Booboo', exact: true });
/** Booboo's list item: his comment and, in its own list, the replies. */
const boobooThread = (page: Page) => page.locator('li', { has: replyToBooboo(page) }).last();
/** His comment alone: the card holding its own "Répondre", the replies' cards being outside it. */
const boobooComment = (page: Page) => page.getByRole('article').filter({ has: replyToBooboo(page) });

/**
 * Booboo's thread (a comment and its four replies): from the comment's first line, or, where
 * the comment alone would fill the screen (a phone), with its first replies in the lower part.
 */
async function showThread(page: Page) {
  const thread = boobooThread(page);
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
  test(`a thread at ${width} px, light and dark: the scheme's colours, the title then the thread in view, replies indented, nothing wider than the screen (screenshots kept)`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await openArticle(page);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await pageBackground(page), colorScheme).toBe(colorScheme === 'light' ? LIGHT_PAPER : DARK_PAPER);
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
      expect(await documentScrollWidth(page), `${colorScheme}: horizontal scrolling`).toBeLessThanOrEqual(width);
      await page.screenshot({ path: testInfo.outputPath(`top-${width}-${colorScheme}.png`) });

      await showThread(page);
      await expect(boobooComment(page)).toBeInViewport();
      const comment = await boobooComment(page).boundingBox();
      const reply = await boobooThread(page).locator('ol article').first().boundingBox();
      if (!comment || !reply) throw new Error('Booboo’s comment or its first reply has no box');
      // A reply sits to the right of the comment it answers, and neither runs off the screen.
      expect(reply.x, 'indentation of the first reply').toBeGreaterThanOrEqual(comment.x + 8);
      expect(comment.x).toBeGreaterThanOrEqual(0);
      expect(Math.max(comment.x + comment.width, reply.x + reply.width)).toBeLessThanOrEqual(width);
      const path = testInfo.outputPath(`thread-${width}-${colorScheme}.png`);
      await page.screenshot({ path });
      if (width === 1280 && colorScheme === 'light' && process.env.README_SCREENSHOT === '1') {
        mkdirSync(dirname(README_SCREENSHOT), { recursive: true });
        copyFileSync(path, README_SCREENSHOT);
      }
    }
  });
}
