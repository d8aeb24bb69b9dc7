// @vitest-environment node
// Article pages on the server, over real sockets, with a stand-in for the client's renderer (the
// real one is a Vite build, exercised in Chromium by tests/browser/real-server.spec.ts): what the
// server reads and hands over, how the page is put together and streamed, its status and headers,
// and the comment forms posted without JavaScript.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../core/memory-store';
import type { CommentRecord } from '../core/records';
import type { Store } from '../core/store';
import type { ArticlePageData } from '../shared/server-page';
import { ACCEPTABLE, HOSTILE_INPUTS } from '../../tests/fixtures/hostile-inputs';
import { createApi } from '../http/api';
import { loadArticlePages, serverBuildDir } from './article-pages';
import { startHttpServer, type RunningHttpServer } from './http-server';
import { seedIfEmpty } from './seed';

const SLUG = 'hollande-poutine-daech';
const THEME_SCRIPT = '(function(){document.documentElement.dataset.x="1"})();';
const INDEX_HTML = `<!doctype html><html lang="fr"><head><meta charset="UTF-8"><title>Réagir</title><meta name="description" content="Défaut"><script>window.__reagirEarly = 1;</script><script>${THEME_SCRIPT}</script><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>`;
// The renderer's stand-in: it writes what it was given, so the test sees what the server handed over.
const RENDERER = `
export const renderer = {
  articleHead(article) {
    return '<title>' + article.title + '</title>';
  },
  renderArticlePage(request, callbacks) {
    setTimeout(() => callbacks.onShellReady(), 0);
    return {
      structuredData: '<script type="application/ld+json">{}</script>',
      dataJson: JSON.stringify(request.data).replace(/</g, '\\\\u003c'),
      pipe(destination) {
        destination.write('<main data-language="' + request.language + '" data-sort="' + request.data.sort + '" data-origin="' + request.origin + '">');
        destination.write(request.data.commentPages[0].comments.map((c) => c.author).join(',') + '</main>');
        if (request.data.refusedForm) destination.write('<p>' + JSON.stringify(request.data.refusedForm.errors) + '</p>');
        destination.end();
      },
      abort() {},
    };
  },
};
`;

let folder: string;
let distDir: string;
const running: RunningHttpServer[] = [];

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'reagir-pages-'));
  distDir = join(folder, 'dist');
  mkdirSync(distDir);
  mkdirSync(serverBuildDir(distDir));
  writeFileSync(join(distDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(serverBuildDir(distDir), 'entry-server.js'), RENDERER);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function start(options: { readComments?: (read: () => Promise<CommentRecord[]>) => Promise<CommentRecord[]> } = {}) {
  const store = createMemoryStore();
  await seedIfEmpty(store);
  const logged: unknown[] = [];
  // The page's reads go through here; the API's through the store itself.
  const pageStore: Store = options.readComments
    ? { ...store, topLevel: (...args) => (options.readComments as NonNullable<typeof options.readComments>)(() => store.topLevel(...args)) }
    : store;
  const articlePages = await loadArticlePages({ store: pageStore, distDir, ssrDir: serverBuildDir(distDir) });
  expect(articlePages).not.toBeNull();
  const server = await startHttpServer({ api: createApi({ store }), store, distDir, host: '127.0.0.1', port: 0, articlePages, log: (entry) => logged.push(entry) });
  running.push(server);
  return { server, store, logged };
}

describe('article pages rendered on the server', () => {
  it('streams the head, the app and its data, in the reader’s language and order, with the page’s own CSP', async () => {
    const { server } = await start();
    const response = await fetch(`${server.origin}/articles/${SLUG}?tri=anciens`, { headers: { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.8' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html><html lang="en" data-theme-choice="auto"><head>/);
    expect(html).toContain('<title>Hollande');
    // The template's own title, description and early requests are gone; the theme script stays.
    expect(html).not.toContain('<title>Réagir</title>');
    expect(html).not.toContain('Défaut');
    expect(html).not.toContain('__reagirEarly');
    expect(html).toContain(THEME_SCRIPT);
    expect(html).toMatch(/<div id="root"><main data-language="en" data-sort="oldest" data-origin="http:\/\/127\.0\.0\.1:\d+">/);
    expect(html).toMatch(/<\/main><\/div><script type="application\/ld\+json">{}<\/script><script type="application\/json" id="reagir-page-data">\{"slug":"hollande-poutine-daech","sort":"oldest"/);
    expect(html.endsWith('</body></html>')).toBe(true);
    // The CSP allows the theme script by its hash, and nothing else inline.
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp.match(/'sha256-/g)).toHaveLength(1);
    expect(csp).toMatch(/'nonce-[A-Za-z0-9+/]{24}'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=10, stale-while-revalidate=30');
    expect(response.headers.get('vary')).toBe('Accept-Encoding, Accept-Language, Cookie');
  });

  it('sends the head before the comments are read, so the browser fetches the stylesheet and scripts meanwhile', async () => {
    let release = () => {};
    const commentsRead = new Promise<void>((resolve) => (release = resolve));
    const { server } = await start({ readComments: async (read) => (await commentsRead, read()) });
    const response = await fetch(`${server.origin}/articles/${SLUG}`);
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let received = '';
    while (!received.includes('<div id="root">')) received += new TextDecoder().decode((await reader.read()).value);
    expect(received).toContain('<title>Hollande');
    expect(received).toContain('/assets/app.js');
    expect(received).not.toContain('<main');
    release();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += new TextDecoder().decode(chunk.value);
    expect(received).toContain('<main data-language="fr"');
    expect(received.endsWith('</body></html>')).toBe(true);
  });

  it('carries every accepted hostile input in its data, byte for byte, and none closes the script element', async () => {
    const { server, store } = await start();
    const accepted = HOSTILE_INPUTS.filter((input) => input.refused.length === 0);
    const base = (await store.comment('seed-01')) as CommentRecord;
    await store.write(SLUG, (tx) =>
      tx.insertComments(
      accepted.map((input, index) => ({
        ...base,
        id: `hostile-${index}`,
        author: input.author ?? ACCEPTABLE.author,
        body: input.body ?? ACCEPTABLE.body,
        parentId: null,
        createdAt: new Date(Date.UTC(2030, 0, 1, 0, index)).toISOString(),
        createdMs: Date.UTC(2030, 0, 1, 0, index),
        replyCount: 0,
        descendantCount: 0,
        idempotencyKey: null,
      })),
      ),
    );
    const html = await (await fetch(`${server.origin}/articles/${SLUG}?pages=2`)).text();
    const scripts = [...html.matchAll(/<script type="application\/json" id="reagir-page-data">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(html.endsWith('</body></html>')).toBe(true);
    const data = JSON.parse(scripts[0]?.[1] ?? '') as ArticlePageData;
    const shown = new Map(data.commentPages.flatMap((page) => page.comments).map((comment) => [comment.id, comment]));
    accepted.forEach((input, index) => {
      expect(shown.get(`hostile-${index}`)?.body, input.name).toBe(input.body ?? ACCEPTABLE.body);
      expect(shown.get(`hostile-${index}`)?.author, input.name).toBe(input.author ?? ACCEPTABLE.author);
    });
  });

  it('ends a page begun whose comments cannot be read as the app’s shell, which renders itself, and logs why', async () => {
    const { server, logged } = await start({ readComments: () => Promise.reject(new Error('disk on fire')) });
    const response = await fetch(`${server.origin}/articles/${SLUG}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>Hollande');
    expect(html).toMatch(/<div id="root"><\/div><\/body><\/html>$/);
    expect(html).not.toContain('reagir-page-data');
    expect(JSON.stringify(logged)).toContain('disk on fire');
  });

  it('renders the choices a reader made, compresses when asked, and keeps such a page out of shared caches', async () => {
    const { server } = await start();
    const response = await fetch(`${server.origin}/articles/${SLUG}`, {
      headers: { cookie: 'reagir_lang=fr; reagir_theme=dark; reagir_tri=recommandes', 'accept-language': 'en', 'accept-encoding': 'br' },
    });
    expect(response.headers.get('content-encoding')).toBe('br');
    const html = await response.text();
    expect(html).toContain('<html lang="fr" data-theme-choice="dark" data-theme="dark">');
    expect(html).toContain('data-sort="recommended"');
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('answers an unknown article 404 with the app’s shell', async () => {
    const { server } = await start();
    const response = await fetch(`${server.origin}/articles/inconnu`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toContain('reagir-page-data');
  });

  it('takes a comment form posted without JavaScript: 303 to the thanked article, stored once however often it is sent', async () => {
    const { server, store } = await start();
    const form = new URLSearchParams({ author: 'Sans script', email: 'sans@example.fr', body: 'Envoyé par un formulaire.', parentId: 'seed-14' });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await fetch(`${server.origin}/articles/${SLUG}/commentaires`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
        redirect: 'manual',
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toMatch(/^\/articles\/hollande-poutine-daech\?envoye=[^#]+#commentaire-seed-14$/);
    }
    const stored = (await store.moderationQueue('pending', 10)).filter((comment) => comment.body === 'Envoyé par un formulaire.');
    expect(stored).toHaveLength(1);
    expect(stored[0]?.parentId).toBe('seed-14');
  });

  it('answers a refused form with the page again, 422, every value kept and each error by its field', async () => {
    const { server, store } = await start();
    const response = await fetch(`${server.origin}/articles/${SLUG}/commentaires`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ author: 'A', email: 'pas-un-email', body: 'Mon texte <gardé>.' }),
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('"values":{"author":"A","email":"pas-un-email","body":"Mon texte \\u003cgardé>."}');
    expect(html).toMatch(/<p>\{"author":"[^"]+","email":"[^"]+"\}<\/p>/);
    expect(await store.moderationQueue('pending', 10)).toHaveLength(0);
  });
});
