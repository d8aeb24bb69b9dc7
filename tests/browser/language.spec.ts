// An English-speaking browser: the interface in English from its preference, the article and
// the comments in French, and the header's switch bringing French back for good.
import { expect, test } from '@playwright/test';
import { ARTICLE } from './page-states';

test.use({ locale: 'en-US' });

test('comes up in English from the browser’s preference, content in French; the switch brings French back, remembered', async ({ page }) => {
  await page.goto(ARTICLE);
  const comments = page.getByRole('region', { name: 'Comments (19)' });
  await expect(comments).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Have your say' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Have your say' }).getByLabel('Name')).toBeVisible();
  await expect(comments.locator('time').first()).toHaveText('29/11/2015 at 11:37');
  await expect(page.getByRole('button', { name: 'Reply to Booboo' })).toBeVisible();

  // What is French stays marked French, for screen readers' voices and hyphenation.
  await expect(page.getByRole('article', { name: /Hollande et Poutine/ })).toHaveAttribute('lang', 'fr');
  for (const body of await comments.locator('.comment__body').all()) await expect(body).toHaveAttribute('lang', 'fr');

  const languages = page.getByRole('group', { name: 'Language' });
  await expect(languages.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(languages.getByRole('button', { name: 'Français' })).toHaveAttribute('lang', 'fr');
  await languages.getByRole('button', { name: 'Français' }).click();

  await expect(page.getByRole('region', { name: 'Commentaires (19)' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('region', { name: 'Commentaires (19)' }).locator('time').first()).toHaveText('29/11/2015 à 11:37');
  await expect(page.getByRole('button', { name: 'Répondre à Booboo' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Commentaires (19)' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'Français' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});
