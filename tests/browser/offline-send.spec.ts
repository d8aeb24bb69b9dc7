// Sending a comment with the connection cut, in a real browser whose network is switched off
// (context.setOffline). Against the real server: in the demo build the mock answers /api from a
// service worker, and Chromium's offline emulation does not cut what the worker answers (tried:
// navigator.onLine false, the `offline` event fired, yet fetch('/api/…') still 200), so a request
// cut mid-way cannot happen there. At each step: what the form says, that the text is kept, and
// how many comments the server has stored (its moderation queue, read from outside the browser).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildProduction } from '../../tools/build-production.mjs';
import { addProcessModerator, moderatorCookie } from '../server/moderator-session';
import { runServer, type ServerProcess } from '../server/server-process';

const ARTICLE = '/articles/hollande-poutine-daech';
const THANK_YOU = 'Merci pour votre commentaire. Il sera visible prochainement sous réserve de validation.';
const OFFLINE = 'Vous êtes hors ligne : votre commentaire partira dès le retour de la connexion.';

let dataDir = '';
let server: ServerProcess | undefined;
let origin = '';

test.describe('the real server', () => {
  test.describe.configure({ mode: 'serial' });
  test.setTimeout(60_000);

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    dataDir = mkdtempSync(join(tmpdir(), 'reagir-offline-'));
    const dist = join(dataDir, 'dist');
    await buildProduction({ outDir: dist });
    const env = { REAGIR_DATA_DIR: join(dataDir, 'data'), REAGIR_DIST: dist };
    await addProcessModerator(env);
    server = await runServer(env);
    origin = server.origin;
  });

  test.afterAll(() => {
    server?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** How many comments with this text the server holds, pending, as its moderation queue says. */
  async function storedCount(text: string): Promise<number> {
    const cookie = await moderatorCookie(origin);
    const response = await fetch(`${origin}/api/moderation/comments?status=pending`, { headers: { cookie } });
    const queue = (await response.json()) as { comments: Array<{ body: string }> };
    return queue.comments.filter((comment) => comment.body === text).length;
  }

  async function fillArticleForm(page: Page, author: string, text: string) {
    await page.goto(`${origin}${ARTICLE}`);
    await expect(page.getByRole('heading', { level: 2, name: /^Commentaires \(\d+\)$/ })).toBeVisible();
    const form = page.getByRole('form', { name: 'Réagir' });
    await form.getByLabel('Pseudo').fill(author);
    await form.getByLabel('Email').fill(`${author.toLowerCase()}@example.fr`);
    await form.getByLabel('Commentaire').fill(text);
    // Hydrated (the counter follows the text): "Envoyer" is the app's, not a plain form post.
    await expect(form.getByText(`${text.length} / 2000`)).toBeVisible();
    return form;
  }

  test('offline before sending: said at once, the text kept, nothing sent; back online, stored once and thanked', async ({ page, context }) => {
    const text = 'Écrit hors ligne, parti au retour du réseau.';
    const form = await fillArticleForm(page, 'Tunnel', text);
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });

    await context.setOffline(true);
    await form.getByRole('button', { name: 'Envoyer' }).click();
    await expect(form.getByRole('status')).toHaveText(OFFLINE);
    await expect(form.getByRole('button', { name: 'En attente de connexion…' })).toHaveAttribute('aria-disabled', 'true');
    await expect(form.getByRole('alert')).toHaveCount(0);
    await expect(form.getByText(/met du temps/)).toHaveCount(0);
    await expect(form.getByLabel('Commentaire')).toHaveValue(text);
    expect(posts).toEqual([]);
    expect(await storedCount(text)).toBe(0);

    await context.setOffline(false);
    await expect(form.getByRole('status')).toHaveText(THANK_YOU);
    await expect(form.getByLabel('Commentaire')).toHaveValue('');
    expect(posts).toHaveLength(1);
    expect(await storedCount(text)).toBe(1);
  });

  test('the connection cut while the comment is on its way, after the server stored it: said as offline, then stored once', async ({ page, context }) => {
    const text = 'Coupé en plein envoi, gardé une seule fois.';
    const form = await fillArticleForm(page, 'Coupure', text);
    // The request reaches the server, which stores the comment; then the network goes, and the
    // answer with it.
    const comments = /\/api\/articles\/[^/]+\/comments$/;
    await page.route(comments, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      await route.fetch();
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    });

    await form.getByRole('button', { name: 'Envoyer' }).click();
    await expect(form.getByRole('status')).toHaveText(OFFLINE);
    await expect(form.getByRole('alert')).toHaveCount(0);
    await expect(form.getByText(/serveur/)).toHaveCount(0);
    await expect(form.getByLabel('Commentaire')).toHaveValue(text);
    expect(await storedCount(text)).toBe(1);

    await page.unroute(comments);
    await context.setOffline(false);
    await expect(form.getByRole('status')).toHaveText(THANK_YOU);
    await expect(form.getByLabel('Commentaire')).toHaveValue('');
    // Sent again with the same Idempotency-Key: the server answered with the comment it had.
    expect(await storedCount(text)).toBe(1);
  });
});
