// The mock backend over real HTTP, beside a build of the app on one origin, the way a
// publisher's server would serve them: static files compressed and cached (hashed assets for a
// year, index.html revalidated), deep links answered with index.html, and /api answered by the
// same MSW handlers as everywhere else. It lets the production bundle, which carries no mock
// code, be used and measured (`npm run serve`, `npm run bench`). Nothing in the app imports it.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { getResponse } from 'msw';
import { handlers } from './handlers';

export interface HttpServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** The folder of a build: index.html, assets/… */
  root: string;
  host?: string;
}

export interface RunningHttpServer {
  /** Where it listens, e.g. http://localhost:4173 (no trailing slash). */
  origin: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|javascript)|image\/svg\+xml)/;
// Below this, compressing saves less than the headers it adds.
const MIN_COMPRESSED_BYTES = 1024;
// Comments are at most a few KB; anything far larger is refused before it fills memory.
const MAX_API_BODY_BYTES = 1024 * 1024;

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

type Encoding = 'br' | 'gzip';
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

// Static files are compressed once, as a build step would: at brotli's best, except past a
// megabyte where it takes seconds per megabyte for a few percent. API answers change with every
// post, so they get the quicker settings servers use for dynamic content.
const STRONGEST_BROTLI_UP_TO_BYTES = 1024 * 1024;

function brotliQuality(body: Buffer, effort: 'static' | 'dynamic'): number {
  if (effort === 'dynamic') return 5;
  return body.length <= STRONGEST_BROTLI_UP_TO_BYTES ? zlibConstants.BROTLI_MAX_QUALITY : 9;
}

function compress(body: Buffer, encoding: Encoding, effort: 'static' | 'dynamic'): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(body, { level: effort === 'static' ? 9 : 6 });
  return brotli(body, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: brotliQuality(body, effort),
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/** br when the client takes it, else gzip, else nothing; an encoding with q=0 is refused. */
function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim());
    const quality = params.find((param) => param.startsWith('q='));
    if (!quality || Number(quality.slice(2)) > 0) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

interface Payload {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** Compressed bodies already made for this payload, when it is a static file. */
  encoded?: Map<Encoding, Promise<Buffer>>;
}

async function send(request: IncomingMessage, response: ServerResponse, payload: Payload): Promise<void> {
  const headers: OutgoingHttpHeaders = { ...payload.headers };
  let body = payload.body;
  const type = String(headers['content-type'] ?? '');
  if (COMPRESSIBLE.test(type) && body.length >= MIN_COMPRESSED_BYTES) {
    headers.vary = 'Accept-Encoding';
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (encoding) {
      let compressed = payload.encoded?.get(encoding);
      if (!compressed) {
        compressed = compress(body, encoding, payload.encoded ? 'static' : 'dynamic');
        payload.encoded?.set(encoding, compressed);
      }
      body = await compressed;
      headers['content-encoding'] = encoding;
    }
  }
  headers['content-length'] = body.length;
  response.writeHead(payload.status, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

function jsonError(status: number, code: string, message: string): Payload {
  return {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: Buffer.from(JSON.stringify({ error: { code, message } })),
  };
}

/** The request's body, or null past MAX_API_BODY_BYTES (the rest is read and dropped). */
function readBody(request: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_API_BODY_BYTES) chunks.push(chunk);
    });
    // Copied into a plain Uint8Array: Buffer's type admits a SharedArrayBuffer, which fetch refuses.
    request.on('end', () => resolveBody(size <= MAX_API_BODY_BYTES ? new Uint8Array(Buffer.concat(chunks)) : null));
    request.on('error', reject);
  });
}

async function answerApi(request: IncomingMessage, origin: string): Promise<Payload> {
  const method = request.method ?? 'GET';
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const read = await readBody(request);
    if (read === null) return jsonError(413, 'too_large', 'La demande est trop volumineuse.');
    body = read;
  }
  const fetchRequest = new Request(new URL(request.url ?? '/', origin), { method, headers, body });
  const answer = await getResponse(handlers, fetchRequest);
  if (!answer) return jsonError(404, 'not_found', 'Cette adresse de l’API n’existe pas.');

  const answerHeaders: OutgoingHttpHeaders = {};
  answer.headers.forEach((value, name) => {
    answerHeaders[name] = value;
  });
  // The mock's data changes with every post and decision: nothing along the way may keep it.
  answerHeaders['cache-control'] ??= 'no-store';
  return { status: answer.status, headers: answerHeaders, body: Buffer.from(await answer.arrayBuffer()) };
}

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
  encoded: Map<Encoding, Promise<Buffer>>;
}

/** Serves the files of a build, which do not change while the server runs: each is read once. */
function staticFiles(root: string) {
  const cache = new Map<string, Promise<StaticFile | null>>();

  async function load(path: string): Promise<StaticFile | null> {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    return {
      body: await readFile(path),
      type: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      etag: `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`,
      encoded: new Map(),
    };
  }

  /** The file for a URL path, or null; never a file outside root. */
  return function find(urlPath: string): Promise<StaticFile | null> {
    const path = resolve(root, `.${urlPath}`);
    if (!path.startsWith(root + sep)) return Promise.resolve(null);
    let file = cache.get(path);
    if (!file) {
      file = load(path);
      cache.set(path, file);
    }
    return file;
  };
}

async function answerStatic(request: IncomingMessage, url: URL, find: ReturnType<typeof staticFiles>): Promise<Payload> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('Méthode non autorisée.') };
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('Adresse mal formée.') };
  }
  let file = path.endsWith('/') ? await find(`${path}index.html`) : await find(path);
  let cacheControl = path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
  // A path without an extension is one of the app's pages (/articles/x, /moderation):
  // index.html answers it and the app's router takes over.
  if (!file && !extname(path)) {
    file = await find('/index.html');
    cacheControl = REVALIDATE;
  }
  if (!file) {
    return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('Fichier introuvable.') };
  }
  const headers = { 'content-type': file.type, 'cache-control': cacheControl, etag: file.etag };
  if (request.headers['if-none-match'] === file.etag) return { status: 304, headers, body: Buffer.alloc(0) };
  return { status: 200, headers, body: file.body, encoded: file.encoded };
}

export function startHttpServer({ port, root, host = 'localhost' }: HttpServerOptions): Promise<RunningHttpServer> {
  const absoluteRoot = resolve(root);
  const find = staticFiles(absoluteRoot);
  let origin = '';

  async function answer(request: IncomingMessage): Promise<Payload> {
    const url = new URL(request.url ?? '/', origin);
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    return isApi ? answerApi(request, origin) : answerStatic(request, url, find);
  }

  const server = createServer((request, response) => {
    answer(request)
      .then((payload) => send(request, response, payload))
      .catch((error: unknown) => {
        console.error(error);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Erreur du serveur.');
      });
  });

  return new Promise((resolveStarted, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      origin = `http://${host}:${(server.address() as AddressInfo).port}`;
      resolveStarted({
        origin,
        close: () =>
          new Promise<void>((resolveClosed) => {
            server.close(() => resolveClosed());
            server.closeAllConnections();
          }),
      });
    });
  });
}
