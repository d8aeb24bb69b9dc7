import { expect, test, type Page } from '@playwright/test';
import { keepModeratorSignedIn } from './page-states';

const ARTICLE = '/articles/hollande-poutine-daech';

async function openArticle(page: Page, suffix = '') {
  await page.goto(`${ARTICLE}${suffix}`);
  await expect(page.getByRole('heading', { level: 2, name: /^Commentaires \(\d+\)$/ })).toBeVisible();
}

const commentArticle = (page: Page, author: string) =>
  page.getByRole('article').filter({ has: page.getByRole('button', { name: `Répondre à ${author}`, exact: true }) });

test('"Lien" copies the comment’s address; opening it scrolls to the comment, focused and marked', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openArticle(page);
  await commentArticle(page, 'délires').getByRole('link', { name: 'Lien vers le commentaire de délires' }).click();
  await expect(page.locator('[data-announcer]')).toHaveText('Lien copié dans le presse-papiers.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${baseURL}${ARTICLE}#commentaire-seed-14`);

  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto('about:blank');
  await page.goto(copied);
  const linked = commentArticle(page, 'délires');
  await expect(linked).toHaveAttribute('aria-current', 'true');
  await expect(linked).toBeFocused();
  await expect(linked).toBeInViewport();
  await page.mouse.click(5, 5);
  await expect(linked).not.toHaveAttribute('aria-current');
});

test('the sort order is shared through the URL and remembered after a reload', async ({ page }) => {
  await openArticle(page);
  await page.getByRole('combobox', { name: 'Trier les commentaires' }).selectOption({ label: 'Plus anciens' });
  await expect(page).toHaveURL(/\?tri=anciens$/);
  await expect(page.locator('section ol > li time').first()).toHaveText('27/11/2015 à 8:17');
  await page.goto(ARTICLE);
  await expect(page.getByRole('combobox', { name: 'Trier les commentaires' })).toHaveValue('anciens');
  await expect(page.locator('section ol > li time').first()).toHaveText('27/11/2015 à 8:17');
});

test('collapsing a thread, reporting with the keyboard, recommending', async ({ page }) => {
  await openArticle(page);
  const booboo = commentArticle(page, 'Booboo');
  await booboo.getByRole('button', { name: 'Masquer les réponses à Booboo' }).click();
  await expect(page.getByText(/^Bravo Booboo/)).toBeHidden();
  await booboo.getByRole('button', { name: 'Afficher les 4 réponses à Booboo' }).click();
  await expect(page.getByText(/^Bravo Booboo/)).toBeVisible();

  const report = booboo.getByRole('button', { name: 'Signaler le commentaire de Booboo' });
  await report.click();
  const dialog = page.getByRole('dialog', { name: 'Signaler le commentaire de Booboo' });
  await expect(dialog.getByRole('radio', { name: 'injurieux ou haineux' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(report).toBeFocused();
  await page.keyboard.press('Enter');
  await dialog.getByRole('radio', { name: 'spam ou publicité' }).check();
  await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Merci, votre signalement a été transmis à la modération.');
  await expect(booboo.getByRole('button', { name: 'Signalé : commentaire de Booboo' })).toBeDisabled();

  const recommend = booboo.getByRole('button', { name: /^Recommander/ });
  await recommend.click();
  await expect(recommend).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(commentArticle(page, 'Booboo').getByRole('button', { name: /^Recommander/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(commentArticle(page, 'Booboo').getByRole('button', { name: /^Recommander/ })).toContainText('1');

  await keepModeratorSignedIn(page);
  await page.goto('/moderation?onglet=signales');
  const item = page.getByRole('tabpanel').locator('.moderation-list > li').filter({ hasText: '@ BONJOUR' });
  await expect(item).toContainText('spam ou publicité : 1');
});

test('a generated discussion of 20 000 comments: first screen, more replies, more threads', async ({ page }) => {
  // Most replies first: the comment with 200+ direct replies heads the list.
  await page.goto('/articles/generated-20000?tri=reponses');
  await expect(page.getByRole('heading', { level: 2, name: 'Commentaires (20\u00a0000)' })).toBeVisible({ timeout: 20_000 });
  const section = page.getByRole('region', { name: /^Commentaires/ });
  expect(await section.getByRole('article').count()).toBeGreaterThanOrEqual(20);
  const more = section.getByRole('button', { name: /^Voir les \d+ autres réponses$/ }).first();
  await more.click();
  // The first reply it brought has the focus, in a list that grew by a page of replies.
  await expect(page.locator('article:focus')).toHaveCount(1);
  await expect(section.locator('ol.comment-thread').first().locator(':scope > li').first().locator(':scope > ol > li.comment')).toHaveCount(53);
  // From the keyboard: off-screen comments keep a placeholder height until they are painted
  // (content-visibility), so a pointer aimed far down a freshly grown list may land elsewhere.
  const loadMore = section.getByRole('button', { name: 'Voir plus de commentaires' });
  await loadMore.focus();
  await page.keyboard.press('Enter');
  await expect(section.locator('ol.comment-thread').first().locator(':scope > li.comment')).toHaveCount(40);
});
