// The moderation tool behind its sign-in, in the demo build (the mock backend in a service
// worker, its demo account "moderateur" / "moderateur-demo"): what only a browser shows — the
// form as a password manager and a screen reader meet it, the focus, and axe on every new state
// (the sign-in form and its error, the ban form, the suspect words, "Bannis", "Mots"), light and dark.
import { expect, test, type Page } from '@playwright/test';
import { formatViolations, runAxe } from './axe';
import { keepModeratorSignedIn, openArticle, sendComment, THANK_YOU } from './page-states';

const DEMO = { name: 'moderateur', password: 'moderateur-demo' };

/** axe in both colour schemes; every violation printed. */
async function expectAxeClean(page: Page, state: string): Promise<void> {
  const report: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await runAxe(page);
    if (violations.length > 0) report.push(`${colorScheme} scheme:\n${formatViolations(violations)}`);
  }
  expect(report, `axe violations on ${state}:\n${report.join('\n')}`).toEqual([]);
}

const settled = (page: Page) => expect(page.locator('[aria-busy="true"]')).toHaveCount(0);

test('signs in with the demo account (after a wrong password) and approves a comment, which the article then shows', async ({ page }) => {
  const text = 'Un commentaire que la modératrice va approuver.';
  await sendComment(page, text);
  await page.goto('/moderation');
  await expect(page.getByRole('heading', { level: 1, name: 'Modération' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Connexion' });
  const name = form.getByLabel('Identifiant');
  const password = form.getByLabel('Mot de passe');
  // What a password manager looks for.
  await expect(name).toHaveAttribute('autocomplete', 'username');
  await expect(password).toHaveAttribute('type', 'password');
  await expect(password).toHaveAttribute('autocomplete', 'current-password');
  await expect(page.getByRole('tab')).toHaveCount(0);
  await expectAxeClean(page, 'the sign-in form');

  await name.fill(DEMO.name);
  await password.fill('pas-le-bon');
  await password.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue(DEMO.name);
  await expect(password).toHaveValue('');
  await expectAxeClean(page, 'the sign-in form and its error');

  await password.fill(DEMO.password);
  await form.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await expect(page.getByText('Connecté en tant que moderateur')).toBeVisible();
  await expect(page.getByRole('tab', { name: /^En attente/, selected: true })).toBeFocused();
  await settled(page);
  const pending = page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: text });
  await expect(pending).toContainText('Email : lectrice@example.fr');
  await pending.getByRole('button', { name: 'Approuver' }).click();
  await expect(page.getByRole('tabpanel').getByRole('status')).toHaveText('Commentaire de Lectrice attentive approuvé : il est publié.');
  await expect(pending).toHaveCount(0);

  await openArticle(page);
  await expect(page.getByRole('article').filter({ hasText: text })).toContainText('Lectrice attentive');

  // Signing out ends the session: the form comes back, the focus in its first field.
  await page.goto('/moderation');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('form', { name: 'Connexion' }).getByLabel('Identifiant')).toBeFocused();
  await page.reload();
  await expect(page.getByRole('form', { name: 'Connexion' })).toBeVisible();
});

test('the ban form, the suspect words highlighted, "Bannis" and "Mots" are axe clean', async ({ page }) => {
  await keepModeratorSignedIn(page);
  await page.goto('/moderation?onglet=mots');
  await settled(page);
  const words = page.getByRole('tabpanel', { name: 'Mots' });
  await expect(words.getByLabel('Mots interdits')).toHaveValue('');
  await words.getByLabel('Mots surveillés').fill('andouille');
  await words.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(words.getByRole('status')).toHaveText('Listes enregistrées.');
  await expectAxeClean(page, 'the "Mots" tab');

  // A comment holding a suspect word (written the way tricksters write it) waits, marked. Within
  // the page, by its links: the mock's word lists, like its sessions, last as long as the page.
  await page.getByRole('link', { name: 'Réagir' }).click();
  const form = page.getByRole('form', { name: 'Réagir' });
  await form.getByLabel('Pseudo').fill('Lectrice attentive');
  await form.getByLabel('Email').fill('lectrice@example.fr');
  await form.getByLabel('Commentaire').fill('Quel 4ND0UILLE, ce ministre.');
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(form.getByRole('status')).toHaveText(THANK_YOU);
  await page.getByRole('link', { name: 'Modération' }).click();
  await settled(page);
  const item = page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'ce ministre' });
  await expect(item.getByText('Mots surveillés')).toBeVisible();
  await expect(item.locator('mark')).toHaveText(['4ND0UILLE']);
  await item.getByRole('button', { name: 'Bannir l’auteur Lectrice attentive' }).click();
  const banForm = item.getByRole('form', { name: 'Bannir Lectrice attentive' });
  await expect(banForm.getByLabel('Motif du bannissement')).toBeFocused();
  await banForm.getByRole('button', { name: 'Bannir' }).click();
  await expect(banForm.getByLabel('Motif du bannissement')).toHaveAttribute('aria-invalid', 'true');
  await expectAxeClean(page, 'a queue with suspect words and a ban form showing its error');

  await banForm.getByLabel('Motif du bannissement').fill('Insultes répétées');
  await banForm.getByRole('button', { name: 'Bannir' }).click();
  await expect(page.getByRole('tabpanel').getByRole('status')).toHaveText('L’auteur est banni : ses prochains commentaires seront refusés.');

  await page.getByRole('tab', { name: 'Bannis' }).click();
  await settled(page);
  const ban = page.getByRole('tabpanel', { name: 'Bannis' }).getByRole('listitem');
  await expect(ban).toHaveCount(1);
  await expect(ban).toContainText('lectrice@example.fr');
  await expect(ban).toContainText('Insultes répétées');
  await expectAxeClean(page, 'the "Bannis" tab');

  await ban.getByRole('button', { name: 'Lever le bannissement de Lectrice attentive' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Bannis' }).getByText('Aucun auteur banni.')).toBeVisible();
  await expectAxeClean(page, 'the "Bannis" tab, empty');
});
