// The real server, as a newcomer runs it (`npm start`: the production build, the server on its
// embedded SQLite file): a comment posted in the browser outlives a restart, pending; approved
// in /moderation it appears in its thread, and stays through the next restart. No service
// worker and no mock code in what the browser gets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { JS_BUDGET_GZIP_BYTES } from '../tools/js-budget.mjs';
import { buildProduction } from '../../tools/build-production.mjs';
import { addProcessModerator, moderatorCookie, PROCESS_MODERATOR } from '../server/moderator-session';
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
  await buildProduction({ outDir: dist });
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

/** What the page says went wrong: console errors and warnings, uncaught errors. */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
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

test('the article page comes rendered from the server: the first comment is in the HTML, before any script', async ({ request }) => {
  const origin = await restart();
  const response = await request.get(`${origin}${ARTICLE}`, { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
  expect(response.status()).toBe(200);
  const html = await response.text();
  const firstComment = html.indexOf('Booboo');
  expect(firstComment, 'a comment of the seed in the HTML').toBeGreaterThan(0);
  // The head says what the page is before anything else arrives.
  expect(html.indexOf('<title>Hollande')).toBeLessThan(firstComment);
  expect(html).toMatch(/<link rel="canonical" href="http:\/\/127\.0\.0\.1:\d+\/articles\/hollande-poutine-daech">/);
  expect(html).toMatch(/Commentaires \(\d+\)/);
  // The data it was rendered from, for the browser to hydrate with, in a script that does not run.
  expect(html).toMatch(/<script type="application\/json" id="reagir-page-data">\{/);
  // Everything in place, no part left hidden for a script to show; the form posts to the server.
  expect(html).not.toContain('<template');
  expect(html).toMatch(/<form class="comment-form" aria-labelledby="reagir-heading" noValidate="" action="\/articles\/hollande-poutine-daech\/commentaires" method="post">/);
  // No early requests: the page holds its data already.
  expect(html).not.toContain('__reagirEarly');
  // Nothing personal in it: a shared cache may keep it briefly; a reader's own choices make it theirs.
  expect(response.headers()['cache-control']).toBe('public, max-age=0, s-maxage=10, stale-while-revalidate=30');
  expect(response.headers()['vary']).toContain('Cookie');
  const chosen = await request.get(`${origin}${ARTICLE}`, { headers: { cookie: 'reagir_theme=dark; reagir_lang=en' } });
  expect(chosen.headers()['cache-control']).toBe('private, no-cache');
  const chosenHtml = await chosen.text();
  expect(chosenHtml).toMatch(/<html lang="en" data-theme-choice="dark" data-theme="dark">/);
  expect(chosenHtml).toMatch(/Comments \(\d+\)/);
  // An unknown article is a 404, with the app's page.
  expect((await request.get(`${origin}/articles/inconnu`)).status()).toBe(404);
});

test('the rendered page hydrates without a mismatch, in French and in English, and asks the API for nothing it holds', async ({ browser }) => {
  const origin = await restart();
  for (const locale of ['fr-FR', 'en-GB']) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const problems = problemsOf(page);
    const apiReads: string[] = [];
    const streams: string[] = [];
    page.on('request', (sent) => {
      if (sent.url().includes('/events')) streams.push(sent.url());
      else if (sent.url().includes('/api/articles/')) apiReads.push(sent.url());
    });
    await page.goto(`${origin}${ARTICLE}`);
    const heading = locale === 'fr-FR' ? /^Commentaires \(\d+\)$/ : /^Comments \(\d+\)$/;
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    // Hydrated: a reply form opens, which only the app's JavaScript does.
    await page.getByRole('button', { name: /^(Répondre à|Reply to) GERARD59/ }).click();
    await expect(page.getByRole('form', { name: /^(Répondre à|Reply to) GERARD59/ })).toBeVisible();
    expect(problems).toEqual([]);
    expect(apiReads).toEqual([]);
    // The live stream, followed from where the page's data was read: not a read of what it holds.
    expect(streams).toEqual([expect.stringMatching(/\/api\/articles\/hollande-poutine-daech\/events\?after=\d+$/)]);
    await context.close();
  }
});

test('before the reader does anything the page fetches at most 90 KB of JavaScript; the form comes when reached for, keeping what was typed', async ({ browser }) => {
  const origin = await restart();
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const scripts = new Map<string, number>();
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.set(response.url().split('/').pop() ?? '', gzipSync(await response.body(), { level: 9 }).length);
  });
  // A slow network for the form's code: the reader types before it has arrived.
  let releaseForm = () => {};
  const formArrives = new Promise<void>((resolve) => (releaseForm = resolve));
  await page.route(/\/assets\/comment-form-[^/]+\.js$/, async (route) => {
    await formArrives;
    await route.continue();
  });
  await page.goto(`${origin}${ARTICLE}`);
  await page.waitForLoadState('networkidle');
  const total = [...scripts.values()].reduce((sum, size) => sum + size, 0);
  expect(total, `before any interaction: ${JSON.stringify([...scripts])}`).toBeLessThanOrEqual(JS_BUDGET_GZIP_BYTES);
  expect([...scripts.keys()].some((name) => name.startsWith('comment-form-'))).toBe(false);

  const form = page.getByRole('form', { name: 'Réagir' });
  await form.getByLabel('Commentaire').click();
  await page.keyboard.type('Écrit avant');
  releaseForm();
  // Hydrated: the counter follows the text, and nothing typed before was lost.
  await expect(form.getByText('11 / 2000')).toBeVisible();
  await page.keyboard.type(', et après.');
  await expect(form.getByLabel('Commentaire')).toHaveValue('Écrit avant, et après.');
  await expect(form.getByText('22 / 2000')).toBeVisible();
  await context.close();
});

test('choosing another language before touching the form: the page comes again in that language, the form whole', async ({ browser }) => {
  const origin = await restart();
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const problems = problemsOf(page);
  await page.goto(`${origin}${ARTICLE}`);
  await expect(page.getByRole('heading', { level: 2, name: /^Commentaires \(\d+\)$/ })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Comments \(\d+\)$/ })).toBeVisible();
  const form = page.getByRole('form', { name: 'Have your say' });
  await form.getByLabel('Comment', { exact: true }).click();
  await page.keyboard.type('Hello');
  await expect(form.getByText('5 / 2000')).toBeVisible();
  expect(problems).toEqual([]);
  await context.close();
});

test('without JavaScript, a reader reads the article and the first page of comments', async ({ browser }) => {
  const origin = await restart();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${origin}${ARTICLE}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hollande');
  await expect(page.getByRole('heading', { level: 2, name: /^Commentaires \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: 'GERARD59' }).first()).toBeVisible();
  await context.close();
});

test('without JavaScript, a reader pages, opens replies, follows a thread and changes the order: links and a form the server answers', async ({ browser }) => {
  // A discussion of a thousand comments, as `npm run db:seed -- generated-1000` makes it.
  server?.child.kill('SIGTERM');
  if (server) expect(await server.exited).toBe(0);
  server = undefined;
  execFileSync(process.execPath, ['--import', 'tsx', 'src/server/cli/db.ts', 'seed', 'generated-1000'], { env: { ...process.env, ...env }, stdio: 'pipe' });
  const origin = await restart();
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(`${origin}/articles/generated-1000`);
  const discussion = page.getByRole('region', { name: /^Commentaires/ });
  const threads = discussion.locator(':scope > ol > li.comment');
  await expect(threads).toHaveCount(20);

  // "Voir plus de commentaires": the page with the next 20, at the last thread already read.
  const lastRead = await threads.last().getAttribute('id');
  await discussion.getByRole('link', { name: 'Voir plus de commentaires' }).click();
  await expect(threads).toHaveCount(40);
  expect(new URL(page.url()).searchParams.get('pages')).toBe('2');
  expect(new URL(page.url()).hash).toBe(`#${lastRead}`);

  // The order: a form with a GET.
  const newestFirst = await threads.first().getAttribute('id');
  await page.getByRole('combobox', { name: 'Trier les commentaires' }).selectOption({ label: 'Plus anciens' });
  await page.getByRole('button', { name: 'Afficher' }).click();
  expect(new URL(page.url()).searchParams.get('tri')).toBe('anciens');
  await expect(page.getByRole('combobox', { name: 'Trier les commentaires' })).toHaveValue('anciens');
  await expect(threads).toHaveCount(20);
  await expect(threads.first()).not.toHaveAttribute('id', newestFirst ?? '');

  // "Voir les N autres réponses" under the oldest comment, which has hundreds: all of them, in place.
  const more = threads.first().getByRole('link', { name: /^Voir les \d+ autres réponses$/ }).last();
  const others = Number((await more.textContent())?.match(/\d+/)?.[0]);
  expect(others).toBeGreaterThan(50);
  const replies = threads.first().locator(':scope > ol > li.comment');
  const popularId = (await threads.first().getAttribute('id'))?.replace('commentaire-', '');
  const shownBefore = await replies.count();
  await more.click();
  await expect(replies).toHaveCount(shownBefore + others);
  expect(new URL(page.url()).searchParams.get('tri'), 'what the address asked for stays').toBe('anciens');

  // Replying to a reply those links revealed: the form opens there, and a refusal comes back there.
  const lateReply = replies.last();
  await lateReply.locator(':scope > article').getByRole('link', { name: /^Répondre à / }).click();
  const replyForm = lateReply.getByRole('form', { name: /^Répondre à / });
  await replyForm.getByLabel('Pseudo').fill('Sans script');
  await replyForm.getByLabel('Email').fill('pas-un-email');
  await replyForm.getByLabel('Commentaire').fill('Une réponse au fond du fil.');
  await replyForm.getByRole('button', { name: 'Envoyer' }).click();
  await expect(lateReply.getByRole('form', { name: /^Répondre à / }).getByLabel('Commentaire')).toHaveValue('Une réponse au fond du fil.');
  await lateReply.getByRole('form', { name: /^Répondre à / }).getByLabel('Email').fill('fond-du-fil@example.fr');
  await lateReply.getByRole('form', { name: /^Répondre à / }).getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByRole('form', { name: 'Réagir' }).getByRole('status')).toHaveText(THANK_YOU);
  expect(new URL(page.url()).searchParams.get('tri'), 'thanked on the page the reader was on').toBe('anciens');
  await expect(replies).toHaveCount(shownBefore + others);

  // A thread on its own ("Continuer la discussion" links there): read from the server too.
  const reply = await replies.last().getAttribute('id');
  await page.goto(`${origin}/articles/generated-1000?fil=${reply?.replace('commentaire-', '')}`);
  await expect(page.getByRole('heading', { name: 'Suite de la discussion' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Dans la discussion' })).toBeVisible();
  await expect(page.locator(`#${reply} > article`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Revenir à toute la discussion' })).toBeVisible();
  const opened = page.url();
  await context.close();

  // The same addresses with JavaScript: hydrated from what the page holds, asking the API nothing.
  const withScript = await browser.newContext({ locale: 'fr-FR' });
  const hydrating = await withScript.newPage();
  const problems = problemsOf(hydrating);
  const apiReads: string[] = [];
  const streams: string[] = [];
  hydrating.on('request', (sent) => {
    // The live stream is no read of what the page holds: it follows from the page's eventId.
    if (sent.url().includes('/events?')) streams.push(new URL(sent.url()).pathname);
    else if (sent.url().includes('/api/')) apiReads.push(sent.url());
  });
  for (const address of [`/articles/generated-1000?tri=anciens&pages=2&reponses=${popularId}`, new URL(opened).pathname + new URL(opened).search]) {
    await hydrating.goto(`${origin}${address}`);
    await hydrating.waitForLoadState('networkidle');
    // Hydrated: the links for readers without the app are buttons now.
    await expect(hydrating.getByRole('button', { name: /^Répondre à / }).first()).toBeVisible();
  }
  expect(problems).toEqual([]);
  expect(apiReads).toEqual([]);
  expect(streams).toEqual(['/api/articles/generated-1000/events', '/api/articles/generated-1000/events']);
  await withScript.close();
});

test('without JavaScript, a reader replies through plain forms: refused with every value kept, then thanked, once', async ({ browser }) => {
  const origin = await restart();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${origin}${ARTICLE}`);

  // "Répondre" is a link to the page with that reply form open.
  await page.getByRole('link', { name: 'Répondre à GERARD59' }).click();
  const form = page.getByRole('form', { name: 'Répondre à GERARD59' });
  await form.getByLabel('Pseudo').fill('Sans script');
  await form.getByLabel('Email').fill('pas-un-email');
  await form.getByLabel('Commentaire').fill('Une réponse écrite sans JavaScript.');
  await form.getByRole('button', { name: 'Envoyer' }).click();

  // Refused: the same form, open, each error by its field, everything typed still there.
  const refused = page.getByRole('form', { name: 'Répondre à GERARD59' });
  await expect(refused.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(refused.getByLabel('Email')).toHaveValue('pas-un-email');
  await expect(refused.getByLabel('Commentaire')).toHaveValue('Une réponse écrite sans JavaScript.');
  await expect(refused.getByLabel('Pseudo')).toHaveValue('Sans script');

  await refused.getByLabel('Email').fill('sans-script@example.fr');
  await refused.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByRole('form', { name: 'Réagir' }).getByRole('status')).toHaveText(THANK_YOU);
  // Post/Redirect/Get: a reload asks for the page again, it does not post again.
  expect(page.url()).toMatch(/\?envoye=/);
  await page.reload();
  await context.close();

  // Stored once, pending, under the comment answered.
  const server = (await browser.newContext()).request;
  const cookie = await moderatorCookie(origin);
  const queue = (await (await server.get(`${origin}/api/moderation/comments?status=pending`, { headers: { cookie } })).json()) as {
    comments: Array<{ body: string; parent: { author: string } | null }>;
  };
  const mine = queue.comments.filter((comment) => comment.body === 'Une réponse écrite sans JavaScript.');
  expect(mine).toHaveLength(1);
  expect(mine[0]?.parent?.author).toBe('GERARD59');
});
