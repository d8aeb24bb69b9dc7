// The real server, as a newcomer runs it (`npm start`: the production build, the server on its
// embedded SQLite file): a comment posted in the browser outlives a restart, pending; approved
// in /moderation it appears in its thread, and stays through the next restart. No service
// worker and no mock code in what the browser gets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'vite';
import { addProcessModerator, PROCESS_MODERATOR } from '../server/moderator-session';
import { runServer, type ServerProcess } from '../server/server-process';

const ARTICLE = '/articles/hollande-poutine-daech';
const THANK_YOU = 'Merci pour votre commentaire. Il sera visible prochainement sous réserve de validation.';
const TEXT = 'Posté sur le vrai serveur, gardé après redémarrage.';

let dataDir = '';
let env: Record<string, string> = {};
let server: ServerProcess | undefined;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(join(tmpdir(), 'reagir-browser-'));
  const dist = join(dataDir, 'dist');
  await build({ mode: 'production', logLevel: 'warn', root: process.cwd(), build: { outDir: dist, emptyOutDir: true } });
  // One comment per email per 10 minutes: the last test meets the throttle from the form.
  env = { REAGIR_DATA_DIR: join(dataDir, 'data'), REAGIR_DIST: dist, REAGIR_RATE_LIMITS: 'comment-email=1/600' };
  await addProcessModerator(env);
});

test.afterAll(() => {
  server?.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function restart(): Promise<string> {
  if (server) {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }
  server = await runServer(env);
  return server.origin;
}

async function openArticle(page: Page, origin: string, count: number) {
  await page.goto(`${origin}${ARTICLE}`);
  await expect(page.getByRole('heading', { level: 2, name: `Commentaires (${count})` })).toBeVisible();
}

test('a comment posted in the browser survives restarts, pending, then published', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) scripts.push(response.url());
  });
  let origin = await restart();
  await openArticle(page, origin, 19);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((all) => all.length))).toBe(0);
  expect(scripts.some((url) => /mock|msw/i.test(url))).toBe(false);

  const form = page.getByRole('form', { name: 'Réagir' });
  await form.getByLabel('Pseudo').fill('Lectrice fidèle');
  await form.getByLabel('Email').fill('fidele@example.fr');
  await form.getByLabel('Commentaire').fill(TEXT);
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(form.getByRole('status')).toHaveText(THANK_YOU);

  origin = await restart();
  await page.goto(`${origin}/moderation`);
  // The real server has no demo account: the moderator made with `npm run moderator` signs in.
  await page.getByLabel('Identifiant').fill(PROCESS_MODERATOR.name);
  await page.getByLabel('Mot de passe').fill(PROCESS_MODERATOR.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  const pending = page.getByRole('listitem').filter({ hasText: TEXT });
  await expect(pending).toHaveCount(1);
  await pending.getByRole('button', { name: 'Approuver' }).click();
  await expect(page.getByRole('tabpanel').getByRole('status')).toContainText('approuvé');

  origin = await restart();
  await openArticle(page, origin, 20);
  await expect(page.getByRole('article').filter({ hasText: TEXT })).toContainText('Lectrice fidèle');
  await expect(page.getByText('fidele@example.fr')).toHaveCount(0);
});

test('a second comment from the same email within the window is throttled, said in French, and the text stays', async ({ page }) => {
  const origin = await restart();
  await page.goto(`${origin}${ARTICLE}`);
  const form = page.getByRole('form', { name: 'Réagir' });
  // fidele@example.fr posted in the test above, within the window of one comment per 10 minutes.
  await form.getByLabel('Pseudo').fill('Lectrice fidèle');
  await form.getByLabel('Email').fill('fidele@example.fr');
  await form.getByLabel('Commentaire').fill('Un deuxième, trop tôt.');
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(form.getByRole('alert')).toContainText(/patientez|réessayez|minute/i);
  await expect(form.getByLabel('Commentaire')).toHaveValue('Un deuxième, trop tôt.');
});
