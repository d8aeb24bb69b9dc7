// @vitest-environment node
// The browser's own defences, over real sockets: every kind of answer the server gives carries
// them, the Content-Security-Policy lets exactly the inline scripts of the index.html served run,
// and HSTS is said only over HTTPS, never because a request claims it.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../core/memory-store';
import { createApi, type Api } from '../http/api';
import { startHttpServer, type HttpServerOptions, type RunningHttpServer } from './http-server';
import { contentSecurityPolicy, inlineScriptHashes } from './security-headers';
import { seedIfEmpty } from './seed';

const SLUG = 'hollande-poutine-daech';
// As the production build writes them (vite.config.ts): the early requests, prepended to
// <head>, and the theme script of index.html, with its comment and its accent.
const EARLY_REQUESTS = `(function () {
  try { var early = new Map(); early.set('/articles/x', fetch('/api/articles/x')); window.__reagirEarly = early; } catch (error) {}
})();`;
const THEME = `
      // The theme chosen in the header, set before the first paint: no flash (é).
      (function () { document.documentElement.dataset.theme = 'dark'; })();
    `;
const INDEX_HTML = `<!doctype html>
<html lang="fr">
  <head>
    <script>${EARLY_REQUESTS}</script>
    <meta charset="UTF-8" />
    <title>Réagir</title>
    <script>${THEME}</script>
    <script type="module" crossorigin src="/assets/index-1a2b3c.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-1a2b3c.css">
  </head>
  <body><div id="root"></div></body>
</html>`;
const ASSET = `console.log(${JSON.stringify('x'.repeat(4000))});`;

/** The CSP source of a script's text, computed here as the CSP spec says: sha256 of its UTF-8, base64. */
const sha256Source = (text: string) => `'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`;

const POLICY_WITHOUT_SCRIPTS =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
const PAGE_POLICY = POLICY_WITHOUT_SCRIPTS.replace("script-src 'self'", `script-src 'self' ${sha256Source(EARLY_REQUESTS)} ${sha256Source(THEME)}`);

let folder: string;
let distDir: string;
const running: RunningHttpServer[] = [];

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'reagir-headers-'));
  distDir = join(folder, 'dist');
  mkdirSync(join(distDir, 'assets'), { recursive: true });
  writeFileSync(join(distDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(distDir, 'assets', 'index-1a2b3c.js'), ASSET);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function start(overrides: Partial<HttpServerOptions> = {}): Promise<string> {
  const store = createMemoryStore();
  await seedIfEmpty(store);
  const server = await startHttpServer({ api: createApi({ store }), store, distDir, host: '127.0.0.1', port: 0, log: () => {}, ...overrides });
  running.push(server);
  return server.origin;
}

interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

/** A request sent as written (fetch would refuse or tidy some of these), its headers as received. */
function send(origin: string, path: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${origin}/`, { path, method, headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => {
        const received = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') received.set(name, value);
        resolve({ status: response.statusCode ?? 0, headers: received, body: text });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

function expectDefences({ headers }: Answer, { policy, what }: { policy: string; what: string }) {
  expect(headers.get('content-security-policy'), what).toBe(policy);
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(headers.get('x-frame-options'), what).toBe('SAMEORIGIN');
  // Plain HTTP, no proxy: nothing to pin.
  expect(headers.get('strict-transport-security'), what).toBeNull();
}

describe('inlineScriptHashes', () => {
  it('hashes each inline script of a page as the browser does, and no script with a src', () => {
    expect(inlineScriptHashes(INDEX_HTML)).toEqual([sha256Source(EARLY_REQUESTS), sha256Source(THEME)]);
    expect(inlineScriptHashes('<SCRIPT type="text/javascript">a()</SCRIPT ><script src="/x.js">b()</script><script defer src=/y.js></script>')).toEqual([sha256Source('a()')]);
    expect(inlineScriptHashes('<p>rien</p>')).toEqual([]);
  });

  it('never allows unsafe-inline, unsafe-eval or another site in the policy', () => {
    const policy = contentSecurityPolicy({ frameAncestors: "'self'", scriptHashes: inlineScriptHashes(INDEX_HTML) });
    expect(policy).toBe(PAGE_POLICY);
    expect(policy).not.toMatch(/unsafe|\*|https?:|strict-dynamic/);
  });
});

describe('every answer of the server', () => {
  it('carries the CSP, nosniff, the referrer, opener and framing policies, whatever it is', async () => {
    const origin = await start();
    const page = await send(origin, '/');
    const asked: [string, Answer][] = [
      ['the app', page],
      ['a deep link', await send(origin, '/articles/x?tri=anciens')],
      ['a revalidated page (304)', await send(origin, '/', { headers: { 'if-none-match': page.headers.get('etag') ?? '' } })],
      ['a built file', await send(origin, '/assets/index-1a2b3c.js', { headers: { 'accept-encoding': 'br' } })],
      ['a missing file (404)', await send(origin, '/assets/missing.js')],
      ['a refused method (405)', await send(origin, '/', { method: 'POST' })],
      ['a malformed path (400)', await send(origin, '/%E0%A4%A')],
      ['a malformed URL (400)', await send(origin, '//[')],
      ['the health check', await send(origin, '/healthz')],
      ['the health check’s 405', await send(origin, '/healthz', { method: 'DELETE' })],
      ['an API answer', await send(origin, `/api/articles/${SLUG}/comments`, { headers: { 'accept-encoding': 'gzip' } })],
      ['an unknown API route (404)', await send(origin, '/api/nulle-part')],
      ['an unknown article (404)', await send(origin, '/api/articles/inconnu')],
      ['a body that is not JSON (400)', await send(origin, `/api/articles/${SLUG}/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })],
      ['a body too large (413)', await send(origin, `/api/articles/${SLUG}/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(2 * 1024 * 1024, 'x') })],
    ];
    expect(asked.map(([what, answer]) => [what, answer.status])).toEqual([
      ['the app', 200],
      ['a deep link', 200],
      ['a revalidated page (304)', 304],
      ['a built file', 200],
      ['a missing file (404)', 404],
      ['a refused method (405)', 405],
      ['a malformed path (400)', 400],
      ['a malformed URL (400)', 400],
      ['the health check', 200],
      ['the health check’s 405', 405],
      ['an API answer', 200],
      ['an unknown API route (404)', 404],
      ['an unknown article (404)', 404],
      ['a body that is not JSON (400)', 400],
      ['a body too large (413)', 413],
    ]);
    for (const [what, answer] of asked) {
      // The pages run their own inline scripts; nothing else runs any.
      const isPage = answer.headers.get('content-type')?.startsWith('text/html') || what.includes('304');
      expectDefences(answer, { policy: isPage ? PAGE_POLICY : POLICY_WITHOUT_SCRIPTS, what });
    }
  });

  it('carries them on a failure (500) and on the “not built” page (503), which show no trace of the error', async () => {
    const failing: Omit<Api, 'hub'> = { routes: [], routeOf: () => null, handle: () => Promise.reject(new Error('disk on fire')) };
    const failed = await send(await start({ api: failing }), `/api/articles/${SLUG}`);
    expect(failed.status).toBe(500);
    expect(failed.body).not.toMatch(/disk on fire|at .*\.ts/);
    expectDefences(failed, { policy: POLICY_WITHOUT_SCRIPTS, what: '500' });

    const unbuilt = await send(await start({ distDir: join(folder, 'nothing') }), '/articles/x');
    expect(unbuilt.status).toBe(503);
    expectDefences(unbuilt, { policy: POLICY_WITHOUT_SCRIPTS, what: '503' });
  });

  it('wins over a header the API would set itself', async () => {
    const loose: Omit<Api, 'hub'> = {
      routes: [],
      routeOf: () => null,
      handle: async () => new Response('{}', { headers: { 'content-type': 'application/json', 'content-security-policy': "script-src *", 'x-frame-options': 'ALLOWALL' } }),
    };
    expectDefences(await send(await start({ api: loose }), '/api/x'), { policy: POLICY_WITHOUT_SCRIPTS, what: 'the API’s own' });
  });

  it('never serves an API answer, error or not, as anything but JSON', async () => {
    const origin = await start();
    const json = { 'content-type': 'application/json' };
    const answers = [
      await send(origin, `/api/articles/${SLUG}`),
      await send(origin, '/api/articles/inconnu'),
      await send(origin, '/api/<script>alert(1)</script>'),
      await send(origin, `/api/articles/${SLUG}/comments`, { method: 'POST', headers: { 'content-type': 'text/html' }, body: '<b>x</b>' }),
      await send(origin, `/api/articles/${SLUG}/comments`, { method: 'POST', headers: json, body: '{"author":"<script>"}' }),
      await send(origin, `/api/articles/${SLUG}/comments`, { method: 'POST', headers: json, body: '<html>' }),
      await send(origin, `/api/articles/${SLUG}/comments`, { method: 'POST', headers: json, body: Buffer.alloc(2 * 1024 * 1024, 'x') }),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('content-type'), answer.body).toMatch(/^application\/json; charset=utf-8$/i);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(() => JSON.parse(answer.body) as unknown).not.toThrow();
    }
  });
});

describe('framing', () => {
  it('lets the publishers REAGIR_FRAME_ANCESTORS names frame the reader, without the older header that cannot name them', async () => {
    const origin = await start({ frameAncestors: "'self' https://www.example-journal.fr" });
    const page = await send(origin, '/');
    expect(page.headers.get('content-security-policy')).toBe(PAGE_POLICY.replace("frame-ancestors 'self'", "frame-ancestors 'self' https://www.example-journal.fr"));
    expect(page.headers.get('x-frame-options')).toBeNull();
  });

  it('lets no one frame it with \'none\'', async () => {
    const page = await send(await start({ frameAncestors: "'none'" }), '/');
    expect(page.headers.get('content-security-policy')).toMatch(/; frame-ancestors 'none'$/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('Strict-Transport-Security', () => {
  const HSTS = 'max-age=31536000; includeSubDomains';

  it('is said when the trusted proxy received the request over HTTPS, and only then', async () => {
    const origin = await start({ trustProxy: true });
    for (const path of ['/', '/api/articles/inconnu', '/healthz', '/assets/missing.js']) {
      expect((await send(origin, path, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security'), path).toBe(HSTS);
    }
    expect((await send(origin, '/', { headers: { 'x-forwarded-proto': 'http' } })).headers.get('strict-transport-security')).toBeNull();
    expect((await send(origin, '/')).headers.get('strict-transport-security')).toBeNull();
    // A client's own claim, before what the proxy appended, counts for nothing.
    expect((await send(origin, '/', { headers: { 'x-forwarded-proto': 'https, http' } })).headers.get('strict-transport-security')).toBeNull();
  });

  it('is never said on a forged X-Forwarded-Proto when no proxy is trusted', async () => {
    const origin = await start();
    for (const path of ['/', '/api/articles/inconnu', '/healthz']) {
      const answer = await send(origin, path, { headers: { 'x-forwarded-proto': 'https' } });
      expect(answer.headers.get('strict-transport-security'), path).toBeNull();
      expect(answer.headers.get('content-security-policy'), path).not.toBeNull();
    }
  });
});
