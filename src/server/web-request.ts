// Between node:http and the API, which speaks web-standard Request and Response (src/http):
// the request's body is read here, with a limit, so that a huge upload is refused as it arrives
// instead of being held in memory first.
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

/** The web Request for an /api request, or null when its body is too large to read. */
export async function toWebRequest(request: IncomingMessage, origin: string): Promise<Request | null> {
  const method = request.method ?? 'GET';
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const read = await readBody(request);
    if (read === null) return null;
    body = read;
  }
  // The server's own origin, not the Host header: the API reads only the path and the query.
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
