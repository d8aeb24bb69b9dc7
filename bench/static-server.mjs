// The static baselines' server, as fast as a static page can honestly be served: every page is
// compressed once, when the bench writes it (precompress, below: brotli and gzip files beside
// it, as a build step or `gzip_static`/`brotli_static` would make them), and this tiny node:http
// server, run as a process of its own (`node bench/static-server.mjs <folder>`), holds the files
// in memory from the start and sends the precompressed bytes the request accepts, with their
// Content-Length, at once. Nothing is compressed or read from disk at request time.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg']);
// Below this, compressing saves less than the headers it adds (the real server's threshold).
const MIN_COMPRESSED_BYTES = 1024;
// Brotli's best (11) up to about a megabyte; above, it takes seconds per megabyte for a few percent.
const STRONGEST_BROTLI_UP_TO_BYTES = 1024 * 1024;
const LARGE_BROTLI_QUALITY = 9;
const ENCODED_SUFFIX = { br: '.br', gzip: '.gz' };

/** Writes `file`.br and `file`.gz beside a compressible file; returns their sizes (null when it is not worth it). */
export function precompress(file) {
  const body = readFileSync(file);
  if (!COMPRESSIBLE.has(extname(file)) || body.length < MIN_COMPRESSED_BYTES) return null;
  const quality = body.length <= STRONGEST_BROTLI_UP_TO_BYTES ? zlib.BROTLI_MAX_QUALITY : LARGE_BROTLI_QUALITY;
  const br = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } });
  const gzip = gzipSync(body, { level: 9 });
  writeFileSync(file + ENCODED_SUFFIX.br, br);
  writeFileSync(file + ENCODED_SUFFIX.gzip, gzip);
  return { rawBytes: body.length, brBytes: br.length, brQuality: quality, gzipBytes: gzip.length };
}

function filesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

/** URL path → { type, identity, br?, gzip? }, every byte read now. */
function loadFiles(root) {
  const files = new Map();
  const all = filesUnder(root);
  const present = new Set(all);
  for (const file of all) {
    if (file.endsWith(ENCODED_SUFFIX.br) || file.endsWith(ENCODED_SUFFIX.gzip)) continue;
    const entry = { type: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', identity: readFileSync(file) };
    for (const [encoding, suffix] of Object.entries(ENCODED_SUFFIX)) {
      if (present.has(file + suffix)) entry[encoding] = readFileSync(file + suffix);
    }
    files.set(`/${relative(root, file).split(sep).join('/')}`, entry);
  }
  return files;
}

/** br when the client takes it and the file has it, else gzip, else none; q=0 refuses. */
function chooseEncoding(acceptEncoding, file) {
  const accepted = new Set();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim());
    const quality = params.find((param) => param.startsWith('q='));
    if (!quality || Number(quality.slice(2)) > 0) accepted.add(name);
  }
  return ['br', 'gzip'].find((encoding) => accepted.has(encoding) && file[encoding]) ?? null;
}

export function createStaticServer(root) {
  const files = loadFiles(root);
  return createServer((request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      path = '';
    }
    const file = files.get(path.endsWith('/') ? `${path}index.html` : path);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found.\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const encoding = chooseEncoding(request.headers['accept-encoding'], file);
    const body = encoding ? file[encoding] : file.identity;
    response.writeHead(200, {
      'content-type': file.type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      ...(file.br || file.gzip ? { vary: 'Accept-Encoding' } : {}),
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
}

// As a process: `node bench/static-server.mjs <folder> [port]`; prints its origin once it listens.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root, port = '0'] = process.argv.slice(2);
  if (!root) {
    console.error('Usage: node bench/static-server.mjs <folder> [port]');
    process.exit(1);
  }
  const server = createStaticServer(root);
  server.listen(Number(port), '127.0.0.1', () => {
    console.log(`Static pages listening on http://127.0.0.1:${server.address().port}/`);
  });
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      server.closeAllConnections();
      server.close(() => process.exit(0));
    });
  }
}
