import { expect, test, type Page } from '@playwright/test';
import { keepModeratorSignedIn } from './page-states';

const ARTICLE = '/articles/hollande-poutine-daech';
const THANK_YOU = 'Merci pour votre commentaire. Il sera visible prochainement sous réserve de validation.';

// window.__reagirFaults is declared by src/mocks/browser.ts, which installs it.
async function openArticle(page: Page) {
  await page.goto(ARTICLE);
  await expect(page.getByRole('heading', { level: 2, name: 'Commentaires (19)' })).toBeVisible();
}

async function pendingCount(page: Page, text: string) {
  await keepModeratorSignedIn(page);
  await page.goto('/moderation');
  await expect(page.getByRole('tab', { name: /^En attente/, selected: true })).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
  return page.getByRole('listitem').filter({ hasText: text }).count();
}

test('a reload mid-sentence loses nothing', async ({ page }) => {
  await openArticle(page);
  await page.getByRole('button', { name: 'Répondre à Booboo' }).click();
  const form = page.getByRole('form', { name: 'Répondre à Booboo' });
  await form.getByLabel('Commentaire').pressSequentially('Je tape, puis la page se recharge', { delay: 10 });
  // No wait for the debounce: the page's pagehide saves what is left.
  await page.reload();
  await page.getByRole('button', { name: 'Répondre à Booboo' }).click();
  await expect(form.getByLabel('Commentaire')).toHaveValue('Je tape, puis la page se recharge');
  await expect(form.getByText('Brouillon restauré')).toBeVisible();
});

test('a dropped connection: the text stays, the retry posts once', async ({ page }) => {
  await openArticle(page);
  const form = page.getByRole('form', { name: 'Réagir' });
  await form.getByLabel('Pseudo').fill('Câble débranché');
  await form.getByLabel('Email').fill('cable@example.fr');
  await form.getByLabel('Commentaire').fill('Envoyé malgré la coupure');
  await page.evaluate(() => window.__reagirFaults?.inject({ kind: 'lose-response' }));
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(form.getByRole('alert')).toContainText('Votre texte est conservé.');
  await expect(form.getByLabel('Commentaire')).toHaveValue('Envoyé malgré la coupure');
  await form.getByRole('button', { name: 'Réessayer' }).click();
  await expect(form.getByRole('status')).toHaveText(THANK_YOU);
  expect(await pendingCount(page, 'Envoyé malgré la coupure')).toBe(1);
});

test('double-clicking "Envoyer" on a slow server posts once', async ({ page }) => {
  await openArticle(page);
  const form = page.getByRole('form', { name: 'Réagir' });
  await form.getByLabel('Pseudo').fill('Impatient');
  await form.getByLabel('Email').fill('impatient@example.fr');
  await form.getByLabel('Commentaire').fill('Un seul envoi');
  await page.evaluate(() => window.__reagirFaults?.inject({ kind: 'slow', ms: 1500 }, { times: 5 }));
  await form.getByRole('button', { name: 'Envoyer' }).dblclick();
  // Enter in a text field submits the form: a second way to send twice.
  await form.getByLabel('Pseudo').press('Enter');
  await expect(form.getByRole('button', { name: 'Envoi en cours…' })).toHaveAttribute('aria-disabled', 'true');
  await expect(form.getByRole('status')).toHaveText(THANK_YOU);
  expect(await pendingCount(page, 'Un seul envoi')).toBe(1);
});

test('a long unbroken word wraps on a phone instead of widening the page', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await openArticle(page);
  const form = page.getByRole('form', { name: 'Réagir' });
  const word = `https://example.org/${'tres-long-chemin-'.repeat(40)}`;
  await form.getByLabel('Pseudo').fill('Copieur');
  await form.getByLabel('Email').fill('copieur@example.fr');
  await form.getByLabel('Commentaire').fill(word);
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(form.getByRole('status')).toHaveText(THANK_YOU);
  await keepModeratorSignedIn(page);
  await page.goto('/moderation');
  await page.getByRole('listitem').filter({ hasText: 'tres-long-chemin' }).getByRole('button', { name: 'Approuver' }).click();
  await expect(page.getByRole('tabpanel').getByRole('status')).toContainText('approuvé');
  await page.goto(ARTICLE);
  await expect(page.getByRole('article').filter({ hasText: word }).filter({ hasNotText: 'En attente' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
