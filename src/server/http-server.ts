// The real server's HTTP side, on node:http: /api to the API (src/http/api.ts), /healthz for
// whoever watches the process, everything else to the client build. One log line per request,
// with the route's pattern rather than its path so that no id, no query string, nothing a
// reader typed ever reaches the log. Every answer carries the browser's defences
// (security-headers.ts), and the API learns who the client is only as a keyed hash.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../core/store';
import type { Api } from '../http/api';
import { REQUEST_ERRORS } from '../http/messages-fr';
import { addressKeyer, type AddressKey } from './address-key';
import type { ArticlePages, PageContext } from './article-pages';
import { formPostSlug, postForm } from './form-posts';
import { refusedFormPath } from '../shared/server-page';
import { consoleLog, errorEntry, type Log } from './log';
import { jsonPayload, sendPayload, textPayload, type Payload } from './payload';
import { DEFAULT_FRAME_ANCESTORS, securityHeaders } from './security-headers';
import { createStaticFiles } from './static-files';
import { clientOrigin, clientView, fromWebResponse, routingRequest, toWebRequest, type ClientView } from './web-request';

export interface HttpServerOptions {
  api: Omit<Api, 'hub'>;
  /** Only asked whether it answers (GET /healthz). */
  store: Pick<Store, 'ping'>;
  /** The client build: index.html, assets/… */
  distDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  log?: Log;
  /** How long close() lets requests in flight finish before cutting their connections. */
  closeGraceMs?: number;
  /** One proxy in front, whose X-Forwarded-For, -Proto and -Host are believed (TRUST_PROXY). Default: none. */
  trustProxy?: boolean;
  /** CSP frame-ancestors (REAGIR_FRAME_ANCESTORS). Default: 'self'. */
  frameAncestors?: string;
  /**
   * The keyed hash of a client's address, the only form in which the API sees it (address-key.ts).
   * Default: keyed with a secret of this server's own, forgotten when it stops.
   */
  addressKey?: AddressKey;
  /** Article pages rendered on the server (article-pages.ts); without it, the app's shell answers them. */
  articlePages?: ArticlePages | null;
}

export interface RunningHttpServer {
  /** Where it listens, e.g. http://127.0.0.1:3000 (no trailing slash). */
  origin: string;
  /** Stops accepting, lets requests in flight finish (up to closeGraceMs), then resolves. */
  close(): Promise<void>;
}

const DEFAULT_CLOSE_GRACE_MS = 10_000;
// A database that hangs is as unavailable as one that refuses: the check answers in time.
const HEALTH_TIMEOUT_MS = 5_000;

/** What a live stream may hold unread for a slow reader before it is dropped. */
const MAX_UNREAD_STREAM_BYTES = 256 * 1024;

function isEventStream(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').startsWith('text/event-stream') && response.body !== null;
}

function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

function errorBody(error: { code: string; message: string }) {
  return { error: { code: error.code, message: error.message } };
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function formatOrigin(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { api, store, distDir, host, port, log = consoleLog, closeGraceMs = DEFAULT_CLOSE_GRACE_MS } = options;
  const { trustProxy = false, frameAncestors = DEFAULT_FRAME_ANCESTORS } = options;
  const addressKey = options.addressKey ?? addressKeyer(randomBytes(32).toString('hex'));
  const staticFiles = createStaticFiles(distDir);
  let origin = '';
  let closing = false;

  async function health(): Promise<Payload> {
    try {
      await withTimeout(store.ping(), HEALTH_TIMEOUT_MS);
      return jsonPayload(200, { status: 'ok' });
    } catch (error) {
      log(errorEntry('health', error));
      return jsonPayload(503, { status: 'unavailable' });
    }
  }

  async function answerApi(request: IncomingMessage, client: ClientView): Promise<Payload | { stream: Response }> {
    const webRequest = await toWebRequest(request, clientOrigin(client, origin));
    // Connection: close, as the rest of the body is not read: the connection cannot be reused.
    if (webRequest === null) return jsonPayload(413, errorBody(REQUEST_ERRORS.tooLarge), { connection: 'close' });
    const response = await api.handle(webRequest, { addressKey: addressKey(client.address) });
    return isEventStream(response) ? { stream: response } : fromWebResponse(response);
  }

  /**
   * An SSE answer: written as its events come, until the reader or the server goes. However it
   * ends (the reader gone before the first byte, a write failing, the server stopping), the
   * stream is cancelled, which ends its follow and frees its client's place.
   */
  async function sendStream(request: IncomingMessage, response: ServerResponse, stream: Response, client: ClientView): Promise<void> {
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const cancel = () => void reader.cancel().catch(() => undefined);
    try {
      // Gone while the route read the database: 'close' was emitted already.
      if (response.destroyed || request.socket.destroyed) return;
      response.once('close', cancel);
      const headers: OutgoingHttpHeaders = {};
      stream.headers.forEach((value, name) => {
        headers[name] = value;
      });
      response.writeHead(stream.status, secured({ status: stream.status, headers, body: Buffer.alloc(0) }, client).headers);
      // Small writes, sent at once: Nagle's algorithm would hold an event back.
      request.socket.setNoDelay(true);
      if (request.method === 'HEAD') return;
      for (;;) {
        const { done, value } = await reader.read();
        if (done || response.destroyed) break;
        // A reader that stops reading (its window closed) is dropped rather than buffered for:
        // its browser reconnects and resumes from its last event.
        if (!response.write(value) && response.writableLength > MAX_UNREAD_STREAM_BYTES) break;
      }
    } finally {
      cancel();
      if (!response.destroyed) response.end();
    }
  }

  function answer(request: IncomingMessage, url: URL, client: ClientView): Promise<Payload | { stream: Response }> {
    if (isApiPath(url.pathname)) return answerApi(request, client);
    if (url.pathname === '/healthz') {
      const method = request.method ?? 'GET';
      if (method === 'GET' || method === 'HEAD') return health();
      return Promise.resolve(textPayload(405, 'Méthode non autorisée.', { allow: 'GET, HEAD' }));
    }
    const ifNoneMatch = request.headers['if-none-match'];
    return staticFiles.answer(request.method ?? 'GET', url.pathname, ifNoneMatch);
  }

  /** The log's name for the request: the API route's pattern, else the path; never the query. */
  function routeName(request: IncomingMessage, url: URL | null): string {
    if (url === null) return '(malformed)';
    if (!isApiPath(url.pathname)) return url.pathname;
    const bare = routingRequest(request, origin);
    try {
      const pattern = bare && api.routeOf(bare);
      return pattern ? `/api${pattern}` : '/api/*';
    } catch {
      // A malformed %-escape in an id: the API answers it 404; its path is not logged either.
      return '/api/*';
    }
  }

  function failure(url: URL | null): Payload {
    return url && isApiPath(url.pathname)
      ? jsonPayload(500, errorBody(REQUEST_ERRORS.server))
      : textPayload(500, 'Le serveur a rencontré une erreur. Réessayez dans un instant.');
  }

  /**
   * A comment form posted without JavaScript (form-posts.ts): 303 to the thanked article, or the
   * page again with the form refused.
   */
  async function answerFormPost(request: IncomingMessage, response: ServerResponse, slug: string, client: ClientView, context: PageContext): Promise<void> {
    const pages = options.articlePages as ArticlePages;
    const plain = (status: number, text: string, headers: OutgoingHttpHeaders = {}) => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers, ...context.securityHeaders([]) });
      response.end(text);
    };
    const webRequest = await toWebRequest(request, context.origin);
    if (webRequest === null) return plain(413, 'Le formulaire envoyé est trop volumineux.', { connection: 'close' });
    const outcome = await postForm(api, await webRequest.text(), slug, context.origin, { addressKey: addressKey(client.address) });
    if (outcome.kind === 'not-found') return plain(404, 'Cet article est introuvable.');
    if (outcome.kind === 'sent') return plain(303, '', { location: outcome.location });
    // Rendered at the address the browser will show (main.tsx puts it there): a reply form is
    // open by ?repondre=, as when its link is followed.
    await pages.answer(request, response, new URL(refusedFormPath(slug, outcome.refused.parentId, outcome.shown), context.origin), slug, context, outcome.refused);
  }

  /** The answer with the browser's defences, which win over anything the answer says itself. */
  function secured(payload: Payload, client: ClientView): Payload {
    const defences = securityHeaders({ frameAncestors, scriptHashes: payload.scriptHashes ?? [] }, { https: client.https });
    return { ...payload, headers: { ...payload.headers, ...defences } };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const client = clientView(request, trustProxy);
    let url: URL | null = null;
    try {
      url = new URL(request.url ?? '/', origin);
    } catch {
      // Left null: answered 400 below.
    }
    const route = routeName(request, url);
    response.once('close', () => {
      log({
        time: new Date().toISOString(),
        level: 'info',
        event: 'request',
        method: request.method ?? 'GET',
        route,
        // None when the client left before an answer was begun.
        status: response.headersSent ? response.statusCode : null,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        // The client went away before the whole answer was sent.
        ...(response.writableFinished ? {} : { aborted: true }),
      });
      // A connection kept alive after its last request would hold close() until its timeout.
      if (closing) server.closeIdleConnections();
    });

    const pages = options.articlePages;
    const slug = url && pages ? pages.slugOf(request.method ?? 'GET', url) : null;
    const postedTo = url && pages ? formPostSlug(request.method ?? 'GET', url) : null;
    if (url && pages && (slug !== null || postedTo !== null)) {
      const context = {
        origin: clientOrigin(client, origin),
        securityHeaders: (scriptHashes: readonly string[]) => securityHeaders({ frameAncestors, scriptHashes }, { https: client.https }),
        report: (error: unknown) => log(errorEntry('page-error', error, { method: request.method ?? 'GET', route })),
      };
      try {
        if (slug !== null) await pages.answer(request, response, url, slug, context);
        else await answerFormPost(request, response, postedTo as string, client, context);
        return;
      } catch (error) {
        if (response.destroyed) return;
        log(errorEntry('page-error', error, { method: request.method ?? 'GET', route }));
        if (response.headersSent) {
          response.destroy();
          return;
        }
        // Not begun: the app's shell answers instead, and the browser renders the page itself.
      }
    }

    let payload: Payload;
    try {
      const answered = url === null ? textPayload(400, 'Adresse mal formée.') : await answer(request, url, client);
      if ('stream' in answered) {
        await sendStream(request, response, answered.stream, client);
        return;
      }
      payload = answered;
    } catch (error) {
      // The client went away while sending its body: its line says "aborted", no one is left to answer.
      if (response.destroyed) return;
      log(errorEntry('request-error', error, { method: request.method ?? 'GET', route }));
      payload = failure(url);
    }
    if (closing) payload.headers.connection = 'close';
    try {
      await sendPayload(request, response, secured(payload, client));
    } catch (error) {
      log(errorEntry('response-error', error, { method: request.method ?? 'GET', route }));
      if (response.headersSent) response.destroy();
      else await sendPayload(request, response, secured(failure(url), client)).catch(() => response.destroy());
    }
  }

  const server = createServer((request, response) => {
    void handle(request, response);
  });

  let closed: Promise<void> | null = null;
  function close(): Promise<void> {
    closing = true;
    closed ??= new Promise((resolveClosed) => {
      const deadline = setTimeout(() => server.closeAllConnections(), closeGraceMs);
      server.close(() => {
        clearTimeout(deadline);
        resolveClosed();
      });
      server.closeIdleConnections();
    });
    return closed;
  }

  return new Promise((resolveStarted, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      server.on('error', (error) => log(errorEntry('server-error', error)));
      origin = formatOrigin(host, (server.address() as AddressInfo).port);
      resolveStarted({ origin, close });
    });
  });
}
