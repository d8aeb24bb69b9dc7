// The client build, served the way a publisher's server would: each file read and compressed
// once (they do not change while the server runs), hashed assets cached for a year, index.html
// revalidated, and the app's pages (/articles/x, /moderation) answered with index.html so that
// a deep link or a reload lands in the app's router.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Encoding } from './compression';
import { textPayload, type Payload } from './payload';
import { inlineScriptHashes } from './security-headers';

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

// File names under /assets/ carry a hash of their content: a new build gives new names.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export const NOT_BUILT_MESSAGE =
  'L’application n’est pas construite : lancez `npm run build` (ou `npm start`, qui la construit).\n' +
  'The app is not built: run `npm run build` (or `npm start`, which builds it).\n';

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
  encoded: Map<Encoding, Promise<Buffer>>;
  /** An HTML file's inline scripts, as CSP hash sources; none for other files. */
  scriptHashes: readonly string[];
}

export interface StaticFiles {
  /** True when the folder holds a build (its index.html). */
  isBuilt(): Promise<boolean>;
  answer(method: string, pathname: string, ifNoneMatch: string | undefined): Promise<Payload>;
}

async function load(path: string): Promise<StaticFile | null> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  const body = await readFile(path);
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  return {
    body,
    type,
    etag: `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`,
    encoded: new Map(),
    scriptHashes: type.startsWith('text/html') ? inlineScriptHashes(body.toString('utf8')) : [],
  };
}

/** If-None-Match may list several tags, weak or strong; either kind matches here. */
function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export function createStaticFiles(root: string): StaticFiles {
  const absoluteRoot = resolve(root);
  // Only files found are kept: remembering misses would let anyone grow the cache without
  // bound by asking for made-up paths, and would hide a build made after the server started.
  const found = new Map<string, Promise<StaticFile | null>>();

  /** The file for a decoded URL path, or null; never a file outside root, nor a dotfile. */
  function find(urlPath: string): Promise<StaticFile | null> {
    const path = resolve(absoluteRoot, `.${urlPath}`);
    if (!path.startsWith(absoluteRoot + sep)) return Promise.resolve(null);
    // Dotfiles are the server's own (the build stamp), not the app's.
    if (path.slice(absoluteRoot.length).split(sep).some((segment) => segment.startsWith('.'))) return Promise.resolve(null);
    const cached = found.get(path);
    if (cached) return cached;
    const loading = load(path);
    found.set(path, loading);
    void loading.then(
      (file) => file ?? found.delete(path),
      () => found.delete(path),
    );
    return loading;
  }

  return {
    async isBuilt() {
      return (await find('/index.html')) !== null;
    },

    async answer(method, pathname, ifNoneMatch) {
      if (method !== 'GET' && method !== 'HEAD') {
        return textPayload(405, 'Méthode non autorisée.', { allow: 'GET, HEAD' });
      }
      let path: string;
      try {
        path = decodeURIComponent(pathname);
      } catch {
        return textPayload(400, 'Adresse mal formée.');
      }
      if (path.includes('\0')) return textPayload(400, 'Adresse mal formée.');

      let file = await find(path.endsWith('/') ? `${path}index.html` : path);
      let cacheControl = path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
      // A path without an extension is one of the app's pages: index.html answers it and the
      // app's router takes over (its own "not found" page included).
      if (!file && !extname(path)) {
        file = await find('/index.html');
        cacheControl = REVALIDATE;
        if (!file) return textPayload(503, NOT_BUILT_MESSAGE);
      }
      if (!file) return textPayload(404, 'Fichier introuvable.');

      const headers = { 'content-type': file.type, 'cache-control': cacheControl, etag: file.etag };
      // On the 304 too: a browser keeps the headers of a revalidation with the page it had.
      const { scriptHashes } = file;
      if (matchesEtag(ifNoneMatch, file.etag)) return { status: 304, headers, body: Buffer.alloc(0), scriptHashes };
      return { status: 200, headers, body: file.body, encoded: file.encoded, scriptHashes };
    },
  };
}
