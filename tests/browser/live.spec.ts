// The discussion live in Chromium: through the mock in its service worker (a comment approved in
// the page's own mock reaches the page's stream), and on the real server, two processes on one
// PostgreSQL: a comment posted by one reader and approved by a moderator arrives in the other
// reader's page, connected to the other process, without a reload and without moving what they read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildProduction } from '../../tools/build-production.mjs';
import { formatViolations, runAxe } from './axe';
import { addProcessModerator, moderatorCookie } from '../server/moderator-session';
import { freshPostgresSchema, postgresAvailable } from '../server/postgres';
import { runServer, type ServerProcess } from '../server/server-process';

const ARTICLE = '/articles/hollande-poutine-daech';

/** Where the comment's card is on screen, to tell that nothing moved. */
const topOf = (page: Page, id: string) => page.locator(`#commentaire-${id} > article`).evaluate((card) => card.getBoundingClientRect().top);

test.describe('with the mock', () => {
  test('a comment approved while the page is open arrives behind "1 nouveau commentaire"', async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page.getByRole('heading', { level: 2, name: 'Commentaires (19)' })).toBeVisible();
    // The page's own mock plays the other reader and the moderator.
    await page.evaluate(async () => {
      const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const posted = await fetch('/api/articles/hollande-poutine-daech/comments', json({ author: 'Autre lecteur', email: 'autre@example.fr', body: 'Venu du mock, en direct.', parentId: null }));
      const { comment } = (await posted.json()) as { comment: { id: string } };
      await fetch('/api/session', json({ name: 'moderateur', password: 'moderateur-demo' }));
      await fetch(`/api/moderation/comments/${comment.id}/approve`, json({}));
    });
    const news = page.getByRole('button', { name: '1 nouveau commentaire' });
    await expect(news).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Commentaires (20)' })).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(formatViolations(await runAxe(page)), `axe with news waiting, ${colorScheme} scheme`).toBe('');
    }
    await news.click();
    await expect(page.locator(':focus')).toContainText('Venu du mock, en direct.');
  });
});

test.describe('on the real server, two processes on PostgreSQL', () => {
  test.describe.configure({ mode: 'serial' });
  let dir = '';
  let env: Record<string, string> = {};
  let drop = async () => {};
  const servers: ServerProcess[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // PostgreSQL is part of what the tests need (.ci/run installs it): without it this fails, saying so.
    if (!(await postgresAvailable())) throw new Error('These tests need PostgreSQL at 127.0.0.1:5432 (TEST_DATABASE_URL).');
    dir = mkdtempSync(join(tmpdir(), 'reagir-live-'));
    const dist = join(dir, 'dist');
    await buildProduction({ outDir: dist });
    const schema = await freshPostgresSchema();
    drop = schema.drop;
    env = { REAGIR_DATA_DIR: join(dir, 'data'), REAGIR_DIST: dist, DATABASE_URL: schema.url };
    await addProcessModerator(env);
    servers.push(await runServer(env), await runServer(env));
  });

  test.afterAll(async () => {
    for (const server of servers) server.child.kill('SIGKILL');
    await drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('two readers see each other’s approved comments arrive, without a reload and without a jump', async ({ browser }) => {
    const [one, two] = servers as [ServerProcess, ServerProcess];
    const writer = await (await browser.newContext()).newPage();
    const reader = await (await browser.newContext()).newPage();
    await writer.goto(`${one.origin}${ARTICLE}`);
    await reader.goto(`${two.origin}${ARTICLE}`);
    await expect(reader.getByRole('heading', { level: 2, name: 'Commentaires (19)' })).toBeVisible();

    // The reader is well into the discussion.
    await reader.locator('#commentaire-seed-12').scrollIntoViewIfNeeded();
    await reader.evaluate(() => window.scrollBy(0, 200));
    const before = await topOf(reader, 'seed-12');

    const form = writer.getByRole('form', { name: 'Réagir' });
    await form.getByLabel('Pseudo').fill('Lectrice en direct');
    await form.getByLabel('Email').fill('direct@example.fr');
    await form.getByLabel('Commentaire').fill('Écrit sur un processus, lu sur l’autre.');
    await form.getByRole('button', { name: 'Envoyer' }).click();
    await expect(form.getByRole('status')).toContainText('Merci pour votre commentaire');

    // Approved on the second process.
    const cookie = await moderatorCookie(two.origin);
    const queue = (await (await fetch(`${two.origin}/api/moderation/comments?status=pending`, { headers: { cookie } })).json()) as { comments: { id: string }[] };
    const id = queue.comments[0]?.id as string;
    const approved = await fetch(`${two.origin}/api/moderation/comments/${id}/approve`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{"from":"pending"}' });
    expect(approved.status).toBe(200);

    const news = reader.getByRole('button', { name: '1 nouveau commentaire' });
    await expect(news).toBeAttached();
    await expect(reader.getByRole('heading', { level: 2, name: 'Commentaires (20)' })).toBeAttached();
    // Nothing moved under the reader, nothing was reloaded.
    expect(Math.abs((await topOf(reader, 'seed-12')) - before)).toBeLessThanOrEqual(1);
    expect(await reader.getByText('Écrit sur un processus, lu sur l’autre.').count()).toBe(0);
    // The writer's own comment, shown pending at the top, is now published in its place.
    await expect(writer.locator(`#commentaire-${id}`)).toContainText('Lectrice en direct');

    await news.click();
    await expect(reader.locator(':focus')).toContainText('Écrit sur un processus, lu sur l’autre.');

    // And the other way: the reader answers it; approved on the first process, the writer sees it.
    await reader.getByRole('button', { name: 'Répondre à Lectrice en direct' }).click();
    const reply = reader.getByRole('form', { name: 'Répondre à Lectrice en direct' });
    await reply.getByLabel('Pseudo').fill('Lecteur en direct');
    await reply.getByLabel('Email').fill('lecteur@example.fr');
    await reply.getByLabel('Commentaire').fill('Et je réponds, en direct aussi.');
    await reply.getByRole('button', { name: 'Envoyer' }).click();
    await expect(reply.getByRole('status')).toContainText('Merci pour votre commentaire');
    const pending = (await (await fetch(`${one.origin}/api/moderation/comments?status=pending`, { headers: { cookie } })).json()) as { comments: { id: string }[] };
    const replyId = pending.comments[0]?.id as string;
    await fetch(`${one.origin}/api/moderation/comments/${replyId}/approve`, { method: 'POST', headers: { cookie } });
    // A reply under a thread the writer sees whole: in place.
    await expect(writer.locator(`#commentaire-${id} #commentaire-${replyId}`)).toContainText('Et je réponds, en direct aussi.');
  });
});
