// Keyboard only: the order of Tab, the reply form opened, closed and sent with Enter and
// Escape, where focus goes at each step, and that it can always be seen.
import { expect, test, type Page } from '@playwright/test';
import { openArticle, THANK_YOU } from './page-states';

interface FocusStop {
  name: string;
  top: number;
  bottom: number;
  left: number;
  outline: string;
  /** Follows the previous stop in the document. */
  afterPrevious: boolean;
}

/** Presses Tab `count` times from where focus is, and describes each element reached. */
async function tabThrough(page: Page, count: number): Promise<FocusStop[]> {
  await page.evaluate(() => {
    (window as unknown as { __previousStop: Element | null }).__previousStop = null;
  });
  const stops: FocusStop[] = [];
  for (let index = 0; index < count; index++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const state = window as unknown as { __previousStop: Element | null };
        const element = document.activeElement as HTMLElement;
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        const previous = state.__previousStop;
        state.__previousStop = element;
        return {
          name: `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`,
          top: box.top + window.scrollY,
          bottom: box.bottom + window.scrollY,
          left: box.left,
          outline: style.outlineStyle === 'none' ? 'none' : `${style.outlineWidth} ${style.outlineStyle}`,
          afterPrevious: previous === null || Boolean(previous.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING),
        };
      }),
    );
  }
  return stops;
}

const commentItem = (page: Page, author: string) =>
  page.locator('li', { has: page.getByRole('button', { name: `Répondre à ${author}`, exact: true }) }).last();

test('Tab follows the reading order, down the page and through a thread, with a visible focus ring', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openArticle(page);
  await page.locator('body').focus();
  const stops = await tabThrough(page, 60);
  const report = stops.map((stop) => `${stop.name} @${Math.round(stop.top)}`).join('\n');

  expect(stops[0]?.name, 'the first stop is the skip link').toContain('Aller au contenu');
  stops.forEach((stop, index) => {
    expect(stop.afterPrevious, `stop ${index} (${stop.name}) comes before the previous one in the page\n${report}`).toBe(true);
    const previous = stops[index - 1];
    if (previous) {
      // Down the page, or along the same line from left to right: never back up.
      const sameLine = stop.top < previous.bottom && stop.bottom > previous.top;
      expect(sameLine ? stop.left >= previous.left : stop.top >= previous.bottom - 1, `stop ${index} (${stop.name}) goes back up\n${report}`).toBe(true);
    }
    expect(stop.outline, `stop ${index} (${stop.name}) shows no focus ring`).toMatch(/^[2-9](\.\d+)?px solid$/);
  });
  expect(stops.filter((stop) => stop.name.includes('Répondre à')).length, report).toBeGreaterThan(5);

  // Through a thread: from Booboo's "Répondre", the next "Répondre" is his first reply's.
  const booboo = commentItem(page, 'Booboo');
  await booboo.getByRole('button', { name: 'Répondre à Booboo' }).focus();
  const firstReplyButton = booboo.locator('ol > li').first().getByRole('button', { name: /^Répondre à / }).first();
  const firstReplyName = await firstReplyButton.getAttribute('aria-label');
  const next = await tabThrough(page, 12);
  const nextReply = next.find((stop) => stop.name.includes('Répondre à'));
  expect(nextReply?.name, next.map((stop) => stop.name).join('\n')).toBe(`button "${firstReplyName}"`);
});

test('Enter on "Répondre" opens the form with focus in "Commentaire"; Escape closes it and focus goes back', async ({ page }) => {
  await openArticle(page);
  const reply = page.getByRole('button', { name: 'Répondre à Booboo' });
  await reply.focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Répondre à Booboo' });
  await expect(form.getByLabel('Commentaire')).toBeFocused();
  await expect(reply).toHaveAttribute('aria-expanded', 'true');

  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(reply).toBeFocused();
  await expect(reply).toHaveAttribute('aria-expanded', 'false');
});

test('sending with errors focuses the first invalid field; correcting and sending by keyboard is thanked', async ({ page }) => {
  await openArticle(page);
  await page.getByRole('button', { name: 'Répondre à Booboo' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Répondre à Booboo' });
  await expect(form.getByLabel('Commentaire')).toBeFocused();

  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Envoyer' })).toBeFocused();
  await page.keyboard.press('Enter');
  const pseudo = form.getByLabel('Pseudo');
  await expect(pseudo).toBeFocused();
  await expect(pseudo).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Commentaire')).toHaveAttribute('aria-invalid', 'true');

  await page.keyboard.type('Clavier seul');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Email')).toBeFocused();
  await page.keyboard.type('clavier@example.fr');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Commentaire')).toBeFocused();
  await page.keyboard.type('Écrit et envoyé sans souris.');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Envoyer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toHaveText(THANK_YOU);
});
