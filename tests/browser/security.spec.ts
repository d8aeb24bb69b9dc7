// The browser's own defences on the real server (`npm start`: the production build and its
// inline scripts): every page and state of the app runs under the server's strict
// Content-Security-Policy without a single `securitypolicyviolation`, and the inline scripts
// allowed by their hashes do run.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page, type Response } from '@playwright/test';
import { buildProduction } from '../../tools/build-production.mjs';
import { runServer, type ServerProcess } from '../server/server-process';
import { ARTICLE } from './page-states';

const GENERATED = 'generated-300';
const MODERATOR = { name: 'securite', password: 'une-phrase-de-passe-longue' };

interface Violation {
  url: string;
  directive: string;
  blocked: string;
  sample: string;
}

let folder = '';
let env: Record<string, string> = {};
let server: ServerProcess | undefined;
let origin = '';

test.describe.configure({ mode: 'serial' });
test.setTimeout(60_000);

/** One of the server's command-line tools, on the same database as the server. */
async function serverTool(script: string, args: string[], input?: string): Promise<void> {
  const running = promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
  if (input !== undefined) running.child.stdin?.end(input);
  await running;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  folder = mkdtempSync(join(tmpdir(), 'reagir-security-'));
  const dist = join(folder, 'dist');
  await buildProduction({ outDir: dist });
  env = { REAGIR_DATA_DIR: join(folder, 'data'), REAGIR_DIST: dist };
  server = await runServer(env);
  origin = server.origin;
  // Once the server has seeded its database: a database holding an article is not seeded.
  await serverTool('src/server/cli/db.ts', ['seed', GENERATED]);
  await serverTool('src/server/cli/moderator.ts', ['add', MODERATOR.name], `${MODERATOR.password}\n`);
});

test.afterAll(() => {
  server?.child.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

let violations: Violation[] = [];

test.beforeEach(async ({ page }) => {
  violations = [];
  // Told from the page, through a binding that no policy can block, across navigations.
  await page.exposeFunction('__reportViolation', (violation: Violation) => violations.push(violation));
  // Before any script of the page, the inline ones included.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportViolation: (violation: unknown) => void }).__reportViolation;
      report({ url: event.documentURI, directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
    });
  });
  page.on('console', (message) => {
    // Chromium says it in the console too, also for what happens before the listener could hear it.
    if (/Content Security Policy/i.test(message.text())) violations.push({ url: page.url(), directive: 'console', blocked: '', sample: message.text() });
  });
});

test.afterEach(() => {
  expect(violations).toEqual([]);
});

/** A page of the app, loaded under the server's policy, which allows its own inline scripts by hash only. */
async function open(page: Page, path: string): Promise<Response> {
  const response = await page.goto(`${origin}${path}`);
  if (!response) throw new Error(`No answer for ${path}`);
  const policy = response.headers()['content-security-policy'] ?? '';
  // Hashes for index.html's inline scripts; on a page rendered on the server, a nonce for React's.
  expect(policy).toMatch(/^default-src 'self'; script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+( 'nonce-[A-Za-z0-9+/]{24}')?; style-src 'self';/);
  expect(policy).toContain("frame-ancestors 'self'");
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  return response;
}

async function openArticle(page: Page, path = ARTICLE): Promise<void> {
  await open(page, path);
  await expect(page.getByRole('heading', { level: 2, name: /^Commentaires \([\d\u00a0]+\)$/ })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

test('the article page, rendered on the server with React’s inline scripts allowed by nonce', async ({ page }) => {
  const response = await open(page, ARTICLE);
  await expect(page.getByRole('heading', { level: 2, name: /^Commentaires \([\d\u00a0]+\)$/ })).toBeVisible();
  const csp = (await response.allHeaders())['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'sha256-[^']+' 'nonce-[^']+'/);
  // The page holds its data: no early requests on a rendered page.
  expect(await page.evaluate(() => typeof (window as unknown as { __reagirEarly?: unknown }).__reagirEarly)).toBe('undefined');
  // Hydrated (the app's JavaScript ran and took the page over): a reply form opens.
  await page.getByRole('button', { name: 'Répondre à GERARD59' }).click();
  await expect(page.getByRole('form', { name: 'Répondre à GERARD59' })).toBeVisible();
  await expect(page.getByRole('figure').getByRole('img')).toBeVisible();
});

test('the app’s shell of an unknown article, rendered in the browser under the same policy', async ({ page }) => {
  const response = await open(page, '/articles/inconnu');
  expect(response.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
});

test('the sort control, and the sorted page loaded directly', async ({ page }) => {
  await openArticle(page);
  await page.getByRole('combobox', { name: 'Trier les commentaires' }).selectOption({ label: 'Plus anciens' });
  await expect(page).toHaveURL(/\?tri=anciens$/);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Trier les commentaires' })).toHaveValue('anciens');
});

test('a reply form, opened, refused empty, then sent', async ({ page }) => {
  await openArticle(page);
  await page.getByRole('button', { name: 'Répondre à Booboo' }).click();
  const form = page.getByRole('form', { name: 'Répondre à Booboo' });
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(form.getByLabel('Commentaire')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Pseudo').fill('Lectrice prudente');
  await form.getByLabel('Email').fill('prudente@example.fr');
  await form.getByLabel('Commentaire').fill('Une réponse envoyée sous une politique de sécurité stricte.');
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(form.getByRole('status')).toContainText('Merci pour votre commentaire');
});

test('the theme switch, set again before the first paint by the inline theme script', async ({ page }) => {
  await openArticle(page);
  await page.getByRole('group', { name: 'Thème' }).getByRole('button', { name: 'Sombre' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('group', { name: 'Thème' }).getByRole('button', { name: 'Automatique' }).click();
});

test('the English interface, and back to French', async ({ page }) => {
  await openArticle(page);
  await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Comments \(\d+\)$/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Reply to Booboo' }).click();
  await expect(page.getByRole('form', { name: 'Reply to Booboo' })).toBeVisible();
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('a generated discussion, more replies and more comments', async ({ page }) => {
  await openArticle(page, `/articles/${GENERATED}?tri=reponses`);
  const section = page.getByRole('region', { name: /^Commentaires/ });
  await section.getByRole('button', { name: /^Voir les \d+ autres réponses$/ }).first().click();
  await expect(page.locator('article:focus')).toHaveCount(1);
  const more = section.getByRole('button', { name: 'Voir plus de commentaires' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
});

test('the not-found pages, the app’s and the server’s', async ({ page }) => {
  await open(page, '/articles/inconnu');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await open(page, '/nulle/part');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  // A missing file: the server's own plain 404, under a policy too.
  const missing = await page.goto(`${origin}/assets/introuvable.js`);
  expect(missing?.status()).toBe(404);
  expect(missing?.headers()['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self';/);
});

test('moderation: the sign-in form, a wrong password, then the queues', async ({ page }) => {
  await open(page, '/moderation');
  const name = page.getByLabel('Identifiant');
  await name.fill(MODERATOR.name);
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toContainText('Identifiant ou mot de passe incorrect.');
  await page.getByLabel('Mot de passe').fill(MODERATOR.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Modération' })).toBeVisible();
  // The reply sent above waits in the queue.
  await expect(page.getByRole('listitem').filter({ hasText: 'politique de sécurité stricte' })).toHaveCount(1);
  for (const tab of await page.getByRole('tab').all()) {
    await tab.click();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  }
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByLabel('Identifiant')).toBeVisible();
});
