// The theme switch (remembered, applied before the first paint) and printing.
import { expect, test } from '@playwright/test';
import { ARTICLE, DARK_PAPER, LIGHT_PAPER, openArticle, pageBackground } from './page-states';

test('the header switch forces a theme over the system scheme, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openArticle(page);
  const themes = page.getByRole('group', { name: 'Thème' });
  await expect(themes).toBeVisible();
  await expect(themes.getByRole('button', { name: 'Automatique' })).toHaveAttribute('aria-pressed', 'true');
  expect(await pageBackground(page)).toBe(LIGHT_PAPER);

  await themes.getByRole('button', { name: 'Sombre' }).click();
  await expect(themes.getByRole('button', { name: 'Sombre' })).toHaveAttribute('aria-pressed', 'true');
  await expect(themes.getByRole('button', { name: 'Automatique' })).toHaveAttribute('aria-pressed', 'false');
  expect(await pageBackground(page)).toBe(DARK_PAPER);

  await page.reload();
  await expect(page.getByRole('group', { name: 'Thème' }).getByRole('button', { name: 'Sombre' })).toHaveAttribute('aria-pressed', 'true');
  expect(await pageBackground(page)).toBe(DARK_PAPER);

  // "Automatique" follows the system again, whichever way it turns.
  await page.getByRole('group', { name: 'Thème' }).getByRole('button', { name: 'Automatique' }).click();
  expect(await pageBackground(page)).toBe(LIGHT_PAPER);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await pageBackground(page)).toBe(DARK_PAPER);
});

for (const [stored, system, expected] of [
  ['dark', 'light', DARK_PAPER],
  ['light', 'dark', LIGHT_PAPER],
] as const) {
  test(`a stored "${stored}" theme is applied by index.html itself, before any app script, on a ${system} system`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: system });
    await page.addInitScript((theme) => window.localStorage.setItem('reagir:theme', theme), stored);
    // No app script at all: what the page shows then is what it shows at its first paint.
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(ARTICLE);
    await expect(page.locator('html')).toHaveAttribute('data-theme', stored);
    expect(await pageBackground(page)).toBe(expected);
    await expect(page.locator('#root')).toBeEmpty();
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`printing (${colorScheme} scheme) gives the article and its published comments, in black on white, without forms, buttons or navigation`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openArticle(page);
    await page.getByRole('button', { name: 'Répondre à Booboo' }).click();
    await expect(page.getByRole('form', { name: 'Répondre à Booboo' })).toBeVisible();
    await page.emulateMedia({ media: 'print', colorScheme });

    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('figure')).toBeVisible();
    const comments = page.getByRole('region', { name: /^Commentaires/ });
    await expect(comments).toBeVisible();
    const articles = comments.getByRole('article');
    expect(await articles.count()).toBeGreaterThanOrEqual(19);
    for (const article of await articles.all()) await expect(article).toBeVisible();
    // Laid out on paper even far down the page, where a screen skips them until scrolled to.
    expect(await articles.last().evaluate((element) => getComputedStyle(element).contentVisibility)).toBe('visible');

    // Hidden things leave the accessibility tree: role queries find none of them.
    await expect(page.getByRole('form')).toHaveCount(0);
    await expect(page.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.locator('form, button, nav, textarea, input')).not.toHaveCount(0);
    for (const element of await page.locator('form, button, nav, textarea, input').all()) await expect(element).toBeHidden();

    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return { ink: style.color, paper: getComputedStyle(document.documentElement).backgroundColor };
    });
    expect(colours).toEqual({ ink: 'rgb(0, 0, 0)', paper: LIGHT_PAPER });
  });
}
