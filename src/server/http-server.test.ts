// @vitest-environment node
// The HTTP side of the real server over real sockets, on the in-memory store: what it answers
// beside the API (health, static files, refusals), what it writes to its log and what it never
// does, and how it stops.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../core/memory-store';
import type { Store } from '../core/store';
import { createApi, type Api } from '../http/api';
import { addressKeyer } from './address-key';
import { startHttpServer, type HttpServerOptions, type RunningHttpServer } from './http-server';
import type { LogEntry } from './log';
import { seedIfEmpty } from './seed';

const SLUG = 'hollande-poutine-daech';
const INDEX_HTML = '<!doctype html><title>Réagir</title><div id="root"></div>';
// Past the 1 KB below which nothing is compressed.
const ASSET = `console.log(${JSON.stringify('x'.repeat(4000))});`;

let folder: string;
let distDir: string;
const running: RunningHttpServer[] = [];

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'reagir-http-'));
  distDir = join(folder, 'dist');
  mkdirSync(join(distDir, 'assets'), { recursive: true });
  writeFileSync(join(distDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(distDir, 'assets', 'app-1a2b3c.js'), ASSET);
  writeFileSync(join(distDir, '.build-stamp'), 'stamp');
  // Beside the build, where a path that climbs out of it would land.
  writeFileSync(join(folder, 'package.json'), '{"secret": "outside the build"}');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function seededStore(): Promise<Store> {
  const store = createMemoryStore();
  await seedIfEmpty(store);
  return store;
}

async function start(overrides: Partial<HttpServerOptions> = {}) {
  const store = await seededStore();
  const logs: LogEntry[] = [];
  const server = await startHttpServer({
    api: createApi({ store }),
    store,
    distDir,
    host: '127.0.0.1',
    port: 0,
    log: (entry) => logs.push(entry),
    ...overrides,
  });
  running.push(server);
  return { server, logs };
}

/** A request sent as written: fetch would tidy `/../` away before it left. */
function rawGet(origin: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${origin}/`, { path, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GET /healthz', () => {
  it('answers 200 while the store answers', async () => {
    const { server } = await start();
    const response = await fetch(`${server.origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 when the store does not, and logs why', async () => {
    const { server, logs } = await start({ store: { ping: () => Promise.reject(new Error('connection refused')) } });
    const response = await fetch(`${server.origin}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable' });
    expect(logs.some((entry) => entry.level === 'error' && entry.message === 'connection refused')).toBe(true);
  });
});

describe('/api', () => {
  it('answers JSON that is checked again before any reuse, compressed when large and accepted', async () => {
    const { server } = await start();
    const response = await fetch(`${server.origin}/api/articles/${SLUG}/comments`, { headers: { 'accept-encoding': 'br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    // A public read: kept only with its ETag, and asked again each time (tests/contract/api.test.ts).
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('etag')).toMatch(/^W\//);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(((await response.json()) as { total: number }).total).toBeGreaterThan(0);
  });

  it('refuses a 2 MiB body with the contract’s 413, whether its length is declared or not', async () => {
    const { server } = await start();
    const url = `${server.origin}/api/articles/${SLUG}/comments`;
    const declared = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(2 * 1024 * 1024, 'x') });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 32; i++) controller.enqueue(new Uint8Array(64 * 1024));
        controller.close();
      },
    });
    const streamed = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    for (const response of [declared, streamed]) {
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ error: { code: 'too_large', message: 'La demande est trop volumineuse.' } });
    }
  });

  it('answers 500 without a trace of the error when the API fails, and logs the error with its stack', async () => {
    const failing: Omit<Api, 'hub'> = { routes: [], routeOf: () => null, handle: () => Promise.reject(new Error('disk on fire')) };
    const { server, logs } = await start({ api: failing });
    const response = await fetch(`${server.origin}/api/articles/${SLUG}`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'server' } });
    expect(text).not.toMatch(/disk on fire|at /);
    const error = logs.find((entry) => entry.level === 'error');
    expect(error?.message).toBe('disk on fire');
    expect(error?.stack).toMatch(/http-server\.test\.ts/);
  });
});

describe('static files', () => {
  it('serves index.html revalidated, and hashed assets for a year, compressed', async () => {
    const { server } = await start();
    const page = await fetch(`${server.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toBe(INDEX_HTML);

    const asset = await fetch(`${server.origin}/assets/app-1a2b3c.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(await asset.text()).toBe(ASSET);

    const again = await fetch(`${server.origin}/assets/app-1a2b3c.js`, { headers: { 'if-none-match': asset.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });

  it('answers a deep link with index.html, for the app’s router', async () => {
    const { server } = await start();
    const response = await fetch(`${server.origin}/articles/x`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(INDEX_HTML);
    expect((await fetch(`${server.origin}/assets/missing.js`)).status).toBe(404);
  });

  it('never serves a file outside the build, nor its dotfiles', async () => {
    const { server } = await start();
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%2f..%2fpackage.json']) {
      const { status, body } = await rawGet(server.origin, path);
      expect(status, path).toBe(404);
      expect(body, path).not.toMatch(/secret/);
    }
    // A name without an extension is taken for one of the app's pages.
    expect(await rawGet(server.origin, '/.build-stamp')).toEqual({ status: 200, body: INDEX_HTML });
  });

  it('says the app is not built when the folder holds no build', async () => {
    const { server } = await start({ distDir: join(folder, 'nothing-here') });
    const response = await fetch(`${server.origin}/articles/x`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build/);
  });
});

describe('who the client is', () => {
  const secret = 'test-secret-'.repeat(4);
  const keyOf = addressKeyer(secret);

  /** An API that answers what it was given: the URL it saw and the client's key. */
  const echo: Omit<Api, 'hub'> = {
    routes: [],
    routeOf: () => null,
    handle: async (request, client) => Response.json({ url: request.url, addressKey: client?.addressKey ?? null }),
  };

  async function seen(origin: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${origin}/api/articles/x?tri=1`, { headers });
    return (await response.json()) as { url: string; addressKey: string };
  }

  it('without TRUST_PROXY: the socket’s address and plain HTTP, whatever X-Forwarded-* claim', async () => {
    const { server } = await start({ api: echo, addressKey: keyOf });
    const port = new URL(server.origin).port;
    const first = await seen(server.origin, { 'x-forwarded-for': '198.51.100.1', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' });
    const second = await seen(server.origin, { 'x-forwarded-for': '203.0.113.99, 198.51.100.2' });
    const plain = await seen(server.origin);
    // Forging the header does not make a new client: the throttles still count this one.
    expect(first.addressKey).toBe(keyOf('127.0.0.1'));
    expect(second.addressKey).toBe(first.addressKey);
    expect(plain.addressKey).toBe(first.addressKey);
    expect(first.url).toBe(`http://127.0.0.1:${port}/api/articles/x?tri=1`);
  });

  it('hands the API a keyed hash, never the address itself', async () => {
    const { server } = await start({ api: echo });
    const { addressKey } = await seen(server.origin);
    expect(addressKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(addressKey).not.toContain('127');
  });

  it('with TRUST_PROXY: the address the proxy saw (the last X-Forwarded-For), its protocol and host', async () => {
    const { server } = await start({ api: echo, addressKey: keyOf, trustProxy: true });
    const behind = await seen(server.origin, { 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'reagir.example.fr' });
    expect(behind).toEqual({ url: 'https://reagir.example.fr/api/articles/x?tri=1', addressKey: keyOf('198.51.100.7') });
    // What the client wrote before the proxy appended its own entry is not believed.
    const forged = await seen(server.origin, { 'x-forwarded-for': '203.0.113.1, 198.51.100.7' });
    expect(forged.addressKey).toBe(keyOf('198.51.100.7'));
    expect((await seen(server.origin, { 'x-forwarded-for': '203.0.113.2, 198.51.100.8' })).addressKey).not.toBe(forged.addressKey);
    // A proxy that says nothing: the socket, and the Host asked for.
    const port = new URL(server.origin).port;
    expect(await seen(server.origin)).toEqual({ url: `http://127.0.0.1:${port}/api/articles/x?tri=1`, addressKey: keyOf('127.0.0.1') });
  });

  it('keeps the host the client asked for, but never one that would change the URL', async () => {
    const { server } = await start({ api: echo });
    const get = (host: string) =>
      new Promise<string>((resolve, reject) => {
        const request = httpRequest(`${server.origin}/api/articles/x`, { headers: { host } }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve((JSON.parse(body) as { url: string }).url));
        });
        request.on('error', reject);
        request.end();
      });
    const port = new URL(server.origin).port;
    expect(await get('reagir.example.fr:8080')).toBe('http://reagir.example.fr:8080/api/articles/x');
    expect(await get('[::1]:3000')).toBe('http://[::1]:3000/api/articles/x');
    for (const forged of ['evil.example/other', 'user@evil.example', 'evil.example?x', '']) {
      expect(await get(forged), forged).toBe(`http://127.0.0.1:${port}/api/articles/x`);
    }
  });
});

describe('the log', () => {
  it('has one line per request, with the route and never the query, an email or a comment', async () => {
    const { server, logs } = await start();
    const posted = await fetch(`${server.origin}/api/articles/${SLUG}/comments?trace=query-secret`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ author: 'Zoé', email: 'zoe.secret@example.fr', body: 'Un avis très personnel sur la question.', parentId: null }),
    });
    expect(posted.status).toBe(201);
    const { comment } = (await posted.json()) as { comment: { id: string } };
    await fetch(`${server.origin}/api/articles/${SLUG}/comments/seed-12/context?cursor=query-secret`);
    await fetch(`${server.origin}/articles/x?utm=query-secret`);
    await pause(20);

    const requests = logs.filter((entry) => entry.event === 'request');
    expect(requests.map(({ method, route, status }) => ({ method, route, status }))).toEqual([
      { method: 'POST', route: '/api/articles/:slug/comments', status: 201 },
      { method: 'GET', route: '/api/articles/:slug/comments/:id/context', status: 200 },
      { method: 'GET', route: '/articles/x', status: 200 },
    ]);
    for (const entry of requests) {
      expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(typeof entry.durationMs).toBe('number');
    }
    const written = logs.map((entry) => JSON.stringify(entry)).join('\n');
    for (const secret of ['query-secret', '?', 'zoe.secret', 'personnel', comment.id, 'seed-12']) expect(written).not.toContain(secret);
  });

  it('notes a client that hangs up mid-body as aborted, not as an error', async () => {
    const { server, logs } = await start();
    const request = httpRequest(`${server.origin}/api/articles/${SLUG}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '1000' },
    });
    request.on('error', () => {});
    request.write('{"author":');
    await pause(50);
    request.destroy();
    await pause(100);
    expect(logs).toEqual([expect.objectContaining({ event: 'request', route: '/api/articles/:slug/comments', status: null, aborted: true })]);
  });
});

describe('close()', () => {
  it('stops accepting, lets the request in flight finish, then resolves', async () => {
    const store = await seededStore();
    const slowStore = { ping: () => pause(300).then(() => store.ping()) };
    const { server } = await start({ store: slowStore });
    const inFlight = fetch(`${server.origin}/healthz`);
    await pause(50);
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await pause(50);
    await expect(fetch(`${server.origin}/healthz`)).rejects.toThrow();
    // The store has not answered yet: close() waits for it.
    expect(closed).toBe(false);
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    await closing;
  });

  it('cuts a request that outlasts the grace period', async () => {
    const hanging: Omit<Api, 'hub'> = { routes: [], routeOf: () => null, handle: () => new Promise<Response>(() => {}) };
    const { server } = await start({ api: hanging, closeGraceMs: 200 });
    const inFlight = fetch(`${server.origin}/api/articles/${SLUG}`).then(
      () => 'answered',
      () => 'cut',
    );
    await pause(50);
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    expect(await inFlight).toBe('cut');
  });
});
