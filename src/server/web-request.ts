// Between node:http and the API, which speaks web-standard Request and Response (src/http):
// the request's body is read here, with a limit, so that a huge upload is refused as it arrives
// instead of being held in memory first. And who the client is, as far as the server can tell.
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Payload } from './payload';

/** Far above any valid request (a comment is a few KB; the API refuses past 64 KB itself). */
export const MAX_BODY_BYTES = 1024 * 1024;

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  return headers;
}

/**
 * The body, or null past MAX_BODY_BYTES: then reading stops, and what was read is dropped.
 * Copied into a plain Uint8Array: Buffer's type admits a SharedArrayBuffer, which Request refuses.
 */
function readBody(request: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers['content-length']);
  if (declared > MAX_BODY_BYTES) return Promise.resolve(null);
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      // Not destroyed: the socket is still needed to answer 413 (with Connection: close).
      request.pause();
      stop();
      chunks.length = 0;
      resolveBody(null);
    };
    const onEnd = () => {
      stop();
      resolveBody(new Uint8Array(Buffer.concat(chunks)));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    function stop() {
      request.off('data', onData).off('end', onEnd).off('error', onError);
    }
    request.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

export interface ClientView {
  /** The client's address: the socket's, or the one the trusted proxy saw. */
  address: string;
  /** It reached the server, or the trusted proxy, over HTTPS. */
  https: boolean;
  /** The host it asked for (the trusted proxy's X-Forwarded-Host, else Host); null when none is valid. */
  host: string | null;
}

// A host name, IPv4 or [IPv6] address, and a port: nothing that could change the URL's path.
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(:\d{1,5})?$/;

/**
 * The last entry of a header a proxy appends to: the one the proxy itself added, the earlier
 * ones having come with the request, from anyone.
 */
function lastEntry(value: string | string[] | undefined): string | undefined {
  const joined = Array.isArray(value) ? value.join(',') : value;
  const entry = joined?.split(',').at(-1)?.trim();
  return entry === '' ? undefined : entry;
}

function validHost(host: string | undefined): string | null {
  return host !== undefined && HOST.test(host) && URL.canParse(`http://${host}`) ? host.toLowerCase() : null;
}

/**
 * Who sent the request and how. `trustProxy`: one proxy stands in front and sets X-Forwarded-*;
 * otherwise those headers are anyone's words and are not read at all.
 */
export function clientView(request: IncomingMessage, trustProxy: boolean): ClientView {
  const socket = request.socket as IncomingMessage['socket'] & { encrypted?: boolean };
  const view: ClientView = {
    address: socket.remoteAddress ?? 'unknown',
    https: socket.encrypted === true,
    host: validHost(request.headers.host),
  };
  if (!trustProxy) return view;
  const forwardedFor = lastEntry(request.headers['x-forwarded-for']);
  const forwardedProto = lastEntry(request.headers['x-forwarded-proto'])?.toLowerCase();
  const forwardedHost = validHost(lastEntry(request.headers['x-forwarded-host']));
  return {
    address: forwardedFor ?? view.address,
    https: forwardedProto === undefined ? view.https : forwardedProto === 'https',
    host: forwardedHost ?? view.host,
  };
}

/**
 * The origin the client addressed: the API reads the protocol (a session cookie is Secure over
 * HTTPS) and the host (a moderation request must come from the site it was sent to).
 */
export function clientOrigin(view: ClientView, serverOrigin: string): string {
  return new URL(`${view.https ? 'https' : 'http'}://${view.host ?? new URL(serverOrigin).host}`).origin;
}

/**
 * The web Request for an /api request, or null when its body is too large to read. `origin`:
 * the one the client addressed (clientOrigin).
 */
export async function toWebRequest(request: IncomingMessage, origin: string): Promise<Request | null> {
  const method = request.method ?? 'GET';
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const read = await readBody(request);
    if (read === null) return null;
    body = read;
  }
  return new Request(new URL(request.url ?? '/', origin), { method, headers: headersOf(request), body });
}

/** The bare Request the API's routeOf needs: method and URL, no body. Null if it cannot be made. */
export function routingRequest(request: IncomingMessage, origin: string): Request | null {
  try {
    return new Request(new URL(request.url ?? '/', origin), { method: request.method ?? 'GET' });
  } catch {
    // A method fetch forbids (CONNECT, TRACE) or a URL that does not parse.
    return null;
  }
}

export async function fromWebResponse(response: Response): Promise<Payload> {
  const headers: OutgoingHttpHeaders = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // Answers change with every post and decision: nothing along the way may keep one.
  headers['cache-control'] ??= 'no-store';
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
}
