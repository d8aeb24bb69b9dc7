import { expect, test, type Page } from '@playwright/test';
import { keepModeratorSignedIn } from './page-states';

const ARTICLE = '/articles/hollande-poutine-daech';
const THANK_YOU = 'Merci pour votre commentaire. Il sera visible prochainement sous réserve de validation.';

async function openArticle(page: Page) {
  await page.goto(ARTICLE);
  await expect(page.getByRole('heading', { level: 2, name: 'Commentaires (19)' })).toBeVisible();
}

const commentItem = (page: Page, author: string) =>
  page.locator('li', { has: page.getByRole('button', { name: `Répondre à ${author}`, exact: true }) }).last();

test('reads the seed article and its threads, dates in Paris time from a New York browser', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/articles\/hollande-poutine-daech$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Hollande et Poutine s'accordent pour coordonner leur lutte contre Daech");
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const figure = page.getByRole('figure');
  await expect(figure.getByRole('img')).toHaveAttribute('alt', /Le destin du président/);
  await expect(figure.locator('figcaption')).toContainText('(Crédits : © POOL New / Reuters)');
  // The photo is decoded and laid out at its reserved size (no layout shift).
  const box = await figure.getByRole('img').boundingBox();
  expect(box && Math.round((box.width / box.height) * 9)).toBe(16);

  const section = page.getByRole('region', { name: 'Commentaires (19)' });
  await expect(section.getByRole('article')).toHaveCount(19);
  await expect(section.locator('time').first()).toHaveText('29/11/2015 à 11:37');
  await expect(section.locator('time[datetime="2015-11-28T00:51:00+01:00"]')).toHaveText('28/11/2015 à 0:51');
  // The "@délires:" reply nests under délires's reply, itself under Booboo's comment.
  const delires = commentItem(page, 'délires');
  await expect(delires.getByText(/^@délires:/)).toBeVisible();
  await expect(commentItem(page, 'Booboo').locator('ol li')).toHaveCount(4);
});

test('replies key by key with a live counter, is thanked, approved in /moderation, and the reply stays after reload', async ({ page }) => {
  await openArticle(page);
  await page.getByRole('button', { name: 'Répondre à délires' }).click();
  const form = page.getByRole('form', { name: 'Répondre à délires' });
  const textarea = form.getByLabel('Commentaire');
  await expect(textarea).toBeFocused();

  const counter = page.locator(`#${(await textarea.getAttribute('aria-describedby'))?.split(' ')[0]}`);
  await expect(counter).toHaveText('0 / 2000');
  await textarea.pressSequentially('Sanguinaire', { delay: 15 });
  await expect(counter).toHaveText('11 / 2000');
  await textarea.pressSequentially(' ? 👍🏽', { delay: 15 });
  await expect(counter).toHaveText('15 / 2000');

  await form.getByLabel('Pseudo').fill('Lectrice de Lyon');
  await form.getByLabel('Email').fill('lectrice@example.fr');
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(form.getByRole('status')).toHaveText(THANK_YOU);
  // Pending: shown to its author alone, in its thread, marked as such.
  const pendingReply = page.getByRole('article').filter({ hasText: 'Sanguinaire ? 👍🏽' });
  await expect(pendingReply).toContainText('En attente de validation');

  await keepModeratorSignedIn(page);
  await page.goto('/moderation');
  const pending = page.getByRole('listitem').filter({ hasText: 'Sanguinaire ? 👍🏽' });
  await expect(pending).toContainText('En réponse à délires');
  await pending.getByRole('button', { name: 'Approuver' }).click();
  await expect(page.getByRole('tabpanel').getByRole('status')).toContainText('approuvé');

  await page.goto(ARTICLE);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Commentaires (20)' })).toBeVisible();
  const reply = page.getByRole('article').filter({ hasText: 'Sanguinaire ? 👍🏽' });
  await expect(reply).toContainText('Réponse de Lectrice de Lyon le');
  await expect(commentItem(page, 'délires').locator('ol > li').filter({ hasText: 'Sanguinaire ? 👍🏽' })).toHaveCount(1);
});

test('pseudo and email are remembered; a pending comment survives a reload of /moderation', async ({ page }) => {
  await openArticle(page);
  const form = page.getByRole('form', { name: 'Réagir' });
  await form.getByLabel('Pseudo').fill('Habitué');
  await form.getByLabel('Email').fill('habitue@example.fr');
  await form.getByLabel('Commentaire').fill('Premier message');
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(form.getByRole('status')).toHaveText(THANK_YOU);

  await page.reload();
  await expect(page.getByRole('form', { name: 'Réagir' }).getByLabel('Pseudo')).toHaveValue('Habitué');
  await keepModeratorSignedIn(page);
  await page.goto('/moderation');
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: 'Premier message' })).toHaveCount(1);
});

test('unknown articles and paths get a not-found page; deep links load directly', async ({ page }) => {
  await page.goto('/articles/n-existe-pas');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await page.goto('/nulle/part');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await page.goto('/moderation');
  await expect(page.getByRole('heading', { level: 1, name: 'Modération' })).toBeVisible();
});

for (const width of [390, 1280]) {
  test(`a reply form open at ${width} px: in view, focused, within the screen's width, no horizontal scrolling (screenshots kept)`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await openArticle(page);
    await page.getByRole('button', { name: 'Répondre à Booboo' }).click();
    const form = page.getByRole('form', { name: 'Répondre à Booboo' });
    await expect(form.getByLabel('Commentaire')).toBeFocused();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(width);
    // Each of its fields and buttons fits across the screen.
    for (const control of [form.getByLabel('Pseudo'), form.getByLabel('Email'), form.getByLabel('Commentaire'), form.getByRole('button', { name: 'Envoyer' })]) {
      const box = await control.boundingBox();
      if (!box) throw new Error('a control of the reply form has no box');
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    await page.getByRole('button', { name: 'Répondre à Booboo' }).scrollIntoViewIfNeeded();
    await expect(form.getByLabel('Commentaire')).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`thread-${width}.png`) });
    await page.screenshot({ path: testInfo.outputPath(`article-${width}-full.png`), fullPage: true });
  });
}
