// Layout that holds for every reader: text zoomed to 200 %, phones from 320 px to desktops of
// 1440 px, targets large enough to hit (WCAG 2.5.8), and no motion for those who ask for none.
import { expect, test, type Page } from '@playwright/test';
import { documentScrollWidth, openArticle, openModeration } from './page-states';

/** Controls whose box is cut or sticks out of the viewport: their text would be clipped. */
async function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll<HTMLElement>('button, a, input, textarea, select, label'))
      .filter((element) => element.getClientRects().length > 0 && !element.closest('.skip-link'))
      .flatMap((element) => {
        const box = element.getBoundingClientRect();
        const problems: string[] = [];
        if (box.left < -1 || box.right > viewport + 1) problems.push(`outside the viewport (${Math.round(box.left)}–${Math.round(box.right)} px)`);
        const style = getComputedStyle(element);
        // A text control scrolls its own content; a button or a link must show all of its text.
        if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) && style.display !== 'inline') {
          if (element.scrollWidth > element.clientWidth + 1) problems.push(`text wider than its box (${element.scrollWidth} > ${element.clientWidth})`);
          if (element.scrollHeight > element.clientHeight + 1) problems.push(`text taller than its box (${element.scrollHeight} > ${element.clientHeight})`);
        }
        const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
        return problems.map((problem) => `${element.tagName.toLowerCase()} "${name}": ${problem}`);
      });
  });
}

test('text zoomed to 200 % at 1280 px: no horizontal scrolling and no clipped control', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openArticle(page);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await page.getByRole('button', { name: 'Répondre à Booboo' }).click();
  await page.getByRole('form', { name: 'Répondre à Booboo' }).getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByRole('form', { name: 'Répondre à Booboo' }).getByLabel('Pseudo')).toHaveAttribute('aria-invalid', 'true');
  expect(await documentScrollWidth(page)).toBeLessThanOrEqual(1280);
  expect(await clippedControls(page)).toEqual([]);

  await openModeration(page, { withPending: true });
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  expect(await documentScrollWidth(page)).toBeLessThanOrEqual(1280);
  expect(await clippedControls(page)).toEqual([]);
});

test('from 320 to 1440 px wide, with a reply form open deep in a thread: no horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openArticle(page);
  // Sacha's "@délires:" sits two levels down in Booboo's thread.
  await page.getByRole('button', { name: 'Répondre à Sacha' }).click();
  await expect(page.getByRole('form', { name: 'Répondre à Sacha' }).getByLabel('Commentaire')).toBeFocused();
  for (const width of [320, 360, 390, 414, 768, 1024, 1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await documentScrollWidth(page), `horizontal scrolling at ${width} px`).toBeLessThanOrEqual(width);
    expect(await clippedControls(page), `at ${width} px`).toEqual([]);
  }
});

test('the moderation queue fits a 320 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await openModeration(page, { withPending: true });
  expect(await documentScrollWidth(page)).toBeLessThanOrEqual(320);
  expect(await clippedControls(page)).toEqual([]);
});

/** Buttons and links smaller than 24 × 24 CSS px, but for links inside a sentence (WCAG 2.5.8). */
async function smallTargets(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const inSentence = (link: Element) => {
      const block = link.parentElement?.closest('p, li, dd, td, blockquote, figcaption');
      return block !== null && block !== undefined && (block.textContent ?? '').trim().length > (link.textContent ?? '').trim().length;
    };
    return Array.from(document.querySelectorAll(selector))
      .flatMap((container) => Array.from(container.querySelectorAll<HTMLElement>('button, a[href], [role="button"]')))
      .filter((element) => element.getClientRects().length > 0 && !element.closest('.skip-link'))
      .filter((element) => !(element.tagName === 'A' && inSentence(element)))
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ element, box }) => `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}": ${box.width.toFixed(1)} × ${box.height.toFixed(1)}`);
  }, scope);
}

for (const width of [390, 1280]) {
  test(`targets of at least 24 × 24 px in the header, the forms and the comments at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openArticle(page);
    await page.getByRole('button', { name: 'Répondre à Booboo' }).click();
    expect(await smallTargets(page, 'header, main')).toEqual([]);
    await openModeration(page, { withPending: true });
    expect(await smallTargets(page, 'header, main')).toEqual([]);
  });
}

test('prefers-reduced-motion: nothing moves', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openArticle(page);
  await page.getByRole('button', { name: 'Répondre à Booboo' }).click();
  const moving = await page.evaluate(() => {
    const seconds = (value: string) => Math.max(...value.split(',').map((part) => parseFloat(part) * (part.trim().endsWith('ms') ? 0.001 : 1)));
    return Array.from(document.querySelectorAll('*'))
      .filter((element) => {
        const style = getComputedStyle(element);
        return (
          seconds(style.transitionDuration) > 0.001 ||
          (style.animationName !== 'none' && seconds(style.animationDuration) > 0.001) ||
          style.scrollBehavior === 'smooth'
        );
      })
      .map((element) => element.tagName.toLowerCase() + (element.className ? `.${String(element.className)}` : ''));
  });
  expect(moving).toEqual([]);
  // The stylesheet says so in a rule of its own, for whatever motion is added later.
  const hasRule = await page.evaluate(() =>
    Array.from(document.styleSheets).some((sheet) =>
      Array.from(sheet.cssRules).some((rule) => rule instanceof CSSMediaRule && rule.conditionText.includes('prefers-reduced-motion: reduce')),
    ),
  );
  expect(hasRule).toBe(true);
});
