// The states of the page that the accessibility, keyboard and layout specs visit, reached the
// way a reader reaches them (roles and names only, as ../shared/INTERFACE.md promises them).
import { expect, type Page } from '@playwright/test';

export const ARTICLE = '/articles/hollande-poutine-daech';
export const THANK_YOU = 'Merci pour votre commentaire. Il sera visible prochainement sous réserve de validation.';

export async function openArticle(page: Page): Promise<void> {
  await page.goto(ARTICLE);
  await expect(page.getByRole('heading', { level: 2, name: /^Commentaires \(\d+\)$/ })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** Booboo's reply form, sent empty: three fields in error. */
export async function openReplyWithErrors(page: Page): Promise<void> {
  await openArticle(page);
  await page.getByRole('button', { name: 'Répondre à Booboo' }).click();
  const form = page.getByRole('form', { name: 'Répondre à Booboo' });
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(form.getByLabel('Pseudo')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Commentaire')).toHaveAttribute('aria-invalid', 'true');
}

/** The article's own form, sent: the thank-you in its status region. */
export async function sendComment(page: Page, body = 'Un commentaire de test, pour voir.'): Promise<void> {
  await openArticle(page);
  const form = page.getByRole('form', { name: 'Réagir' });
  await form.getByLabel('Pseudo').fill('Lectrice attentive');
  await form.getByLabel('Email').fill('lectrice@example.fr');
  await form.getByLabel('Commentaire').fill(body);
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(form.getByRole('status')).toHaveText(THANK_YOU);
}

export async function openModeration(page: Page, { withPending }: { withPending: boolean }): Promise<void> {
  if (withPending) {
    await sendComment(page, 'Un commentaire qui attend la modération.');
    // An answer to a comment too, so the queue shows the comment answered.
    await page.getByRole('button', { name: 'Répondre à Booboo' }).click();
    const form = page.getByRole('form', { name: 'Répondre à Booboo' });
    await form.getByLabel('Commentaire').fill('Une réponse qui attend aussi.');
    await form.getByRole('button', { name: 'Envoyer' }).click();
    await expect(form.getByRole('status')).toHaveText(THANK_YOU);
  }
  await keepModeratorSignedIn(page);
  await page.goto('/moderation');
  await expect(page.getByRole('heading', { level: 1, name: 'Modération' })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Approuver' })).toHaveCount(withPending ? 2 : 0);
}

export async function openNotFound(page: Page): Promise<void> {
  await page.goto('/articles/inconnu');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
}

/** The page's background in each theme (its `--paper`). */
export const LIGHT_PAPER = 'rgb(255, 255, 255)';
export const DARK_PAPER = 'rgb(22, 22, 22)';
export const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

/** Widest scroll extent of the document, to compare with the viewport's width. */
export const documentScrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/**
 * Keeps the mock's demo moderator signed in for this page, as the tab would after signing in
 * once (src/mock/session-jar.ts): for the tests about what a moderator does, not about signing
 * in (tests/browser/moderation-signin.spec.ts walks the form).
 */
export async function keepModeratorSignedIn(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (!window.sessionStorage.getItem('reagir:mock-session')) window.sessionStorage.setItem('reagir:mock-session', 'session-des-tests-du-navigateur');
  });
}
