// An answer ready to write: status, headers and the whole body, which is small (a page of
// comments, a built file) and so is compressed in one go rather than streamed.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { chooseEncoding, compress, COMPRESSIBLE, MIN_COMPRESSED_BYTES, type Encoding } from './compression';

export interface Payload {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** Compressed bodies already made for this very body: a static file is compressed once. */
  encoded?: Map<Encoding, Promise<Buffer>>;
  /**
   * An HTML page's inline scripts, as CSP hash sources (security-headers.ts): the scripts its
   * Content-Security-Policy lets run. Other answers run no script of their own.
   */
  scriptHashes?: readonly string[];
}

export function textPayload(status: number, text: string, headers: OutgoingHttpHeaders = {}): Payload {
  return {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: Buffer.from(text),
  };
}

export function jsonPayload(status: number, value: unknown, headers: OutgoingHttpHeaders = {}): Payload {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: Buffer.from(JSON.stringify(value)),
  };
}

// These statuses never carry a body (RFC 9110), and Node refuses to write one.
const BODYLESS_STATUSES = new Set([204, 304]);

export async function sendPayload(request: IncomingMessage, response: ServerResponse, payload: Payload): Promise<void> {
  const headers: OutgoingHttpHeaders = { ...payload.headers };
  if (BODYLESS_STATUSES.has(payload.status)) {
    response.writeHead(payload.status, headers);
    response.end();
    return;
  }
  let body = payload.body;
  if (COMPRESSIBLE.test(String(headers['content-type'] ?? '')) && body.length >= MIN_COMPRESSED_BYTES) {
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
