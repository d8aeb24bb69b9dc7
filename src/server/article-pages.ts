// Article pages rendered on the server: the real server reads the article and its first page of
// comments from the store, hands them to the client's renderer (dist-server/entry-server.js, a
// build of src/client/entry-server.tsx) and streams the page: the <head> with the article's
// title, description and structured data as soon as the article is read, then the app's HTML,
// then the data the browser hydrates from. Without that build (a development checkout), pages
// are the app's shell, as before.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { constants as zlibConstants, createBrotliCompress, createGzip } from 'node:zlib';
import { Problem } from '../core/problem';
import { readArticle } from '../core/read-discussion';
import type { StoreReads } from '../core/store';
import { PAGE_DATA_ELEMENT_ID, type ArticlePageRequest, type RefusedForm, type RenderedArticlePage, type ServerRenderer } from '../shared/server-page';
import { chooseEncoding } from './compression';
import { READER_COOKIES } from '../shared/reader-cookies';
import { cookieOf, decodedSegment, pageLanguage, pageSort, pageTheme, type PageTheme } from './page-request';
import { readPageData } from './page-reads';
import { inlineScriptHashes } from './security-headers';

export const SERVER_ENTRY = 'entry-server.js';

/** Where `npm run build` puts the server's renderer: beside the client build, `dist` → `dist-server`. */
export const serverBuildDir = (distDir: string): string => `${distDir.replace(/[\\/]+$/, '')}-server`;
const ROOT = '<div id="root"></div>';

/**
 * A page for a reader who chose nothing (no cookie of ours): the same for everyone who asks in
 * that language, so a shared cache (a CDN in front) may keep it a few seconds and serve it stale
 * while it fetches the next, which absorbs a front-page spike. Personal parts (drafts, one's own
 * comments, recommendations) are never in the HTML: the browser applies them. A reader with a
 * cookie (a language, a theme, an order chosen) gets a page of their own, kept by no one.
 */
export const SHARED_PAGE_CACHE = 'public, max-age=0, s-maxage=10, stale-while-revalidate=30';
export const OWN_PAGE_CACHE = 'private, no-cache';

function pageCache(request: IncomingMessage): string {
  const chosen = READER_COOKIES.some((name) => cookieOf(request, name) !== null);
  return chosen ? OWN_PAGE_CACHE : SHARED_PAGE_CACHE;
}
const ARTICLE_PATH = /^\/articles\/([^/]+)\/?$/;

export interface PageContext {
  /** The origin the reader addressed (canonical links). */
  origin: string;
  /** The browser's defences for a page whose inline scripts have these hashes. */
  securityHeaders(scriptHashes: readonly string[]): OutgoingHttpHeaders;
  /** A failure after the page was begun (it then ends as the app's shell): for the log. */
  report(error: unknown): void;
}

export interface ArticlePages {
  /** The slug, when the request is for an article page this module renders. */
  slugOf(method: string, url: URL): string | null;
  /**
   * Streams the page: the head as soon as the article is read, then the rest once rendered.
   * Throws only before anything was sent; a failure after that ends the page as the app's
   * shell and goes to `context.report`.
   * `refused`: a form posted without JavaScript came back refused (status 422, the form open).
   */
  answer(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    slug: string,
    context: PageContext,
    refused?: RefusedForm,
  ): Promise<void>;
}

/**
 * The page around the app, from the build's index.html: its head and the markup before and
 * after #root. The early-requests script goes: a rendered page holds its data already.
 */
interface Template {
  head: string;
  beforeRoot: string;
  afterRoot: string;
  scriptHashes: string[];
}

function readTemplate(distDir: string): Template {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
    .replace(/<script>(?:(?!<\/script>)[\s\S])*__reagirEarly(?:(?!<\/script>)[\s\S])*<\/script>/, '')
    // The page's own title and description come with the article.
    .replace(/<title>[^<]*<\/title>/, '')
    .replace(/<meta name="description"[^>]*>/, '');
  const [head = '', body = ''] = html.split('</head>');
  const [beforeRoot = '', afterRoot = ''] = body.split(ROOT);
  if (!body.includes(ROOT)) throw new Error(`${join(distDir, 'index.html')} has no ${ROOT}`);
  return { head, beforeRoot: `</head>${beforeRoot}<div id="root">`, afterRoot: `</div>${afterRoot}`, scriptHashes: inlineScriptHashes(html) };
}

function htmlElement(head: string, language: string, theme: PageTheme): string {
  const themeAttributes = theme === 'auto' ? ' data-theme-choice="auto"' : ` data-theme-choice="${theme}" data-theme="${theme}"`;
  return head.replace(/<html[^>]*>/, `<html lang="${language}"${themeAttributes}>`);
}

/** The response's body, compressed as the client accepts, flushed when the page says so. */
function openBody(request: IncomingMessage, response: ServerResponse, status: number, headers: OutgoingHttpHeaders) {
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  headers.vary = 'Accept-Encoding, Accept-Language, Cookie';
  if (encoding) headers['content-encoding'] = encoding;
  response.writeHead(status, headers);
  if (request.method === 'HEAD') return { write: () => true, onDrain: (next: () => void) => next(), flush: () => Promise.resolve(), end: () => response.end() };
  const compressor =
    encoding === 'br'
      ? createBrotliCompress({ params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } })
      : encoding === 'gzip'
        ? createGzip({ level: 6 })
        : null;
  compressor?.pipe(response);
  const out = compressor ?? response;
  return {
    /** False when the reader is slower than the page: wait for `drain` before writing more. */
    write: (chunk: string | Uint8Array) => out.write(chunk),
    onDrain: (next: () => void) => void out.once('drain', next),
    // What is written so far leaves now, not when the compressor's buffer fills; resolves once it
    // has (the compressor works off the main thread and hands its output back on a later turn).
    flush: () => new Promise<void>((resolve) => (compressor ? compressor.flush(() => resolve()) : resolve())),
    end: () => out.end(),
  };
}

export async function loadArticlePages(options: { store: StoreReads; distDir: string; ssrDir: string }): Promise<ArticlePages | null> {
  const entry = join(options.ssrDir, SERVER_ENTRY);
  if (!existsSync(entry) || !existsSync(join(options.distDir, 'index.html'))) return null;
  const { renderer } = (await import(pathToFileURL(entry).href)) as { renderer: ServerRenderer };
  const template = readTemplate(options.distDir);
  const { store } = options;

  return {
    slugOf(method, url) {
      if (method !== 'GET' && method !== 'HEAD') return null;
      return decodedSegment(ARTICLE_PATH.exec(url.pathname)?.[1]);
    },
    async answer(request, response, url, slug, context, refused) {
      const language = pageLanguage(request);
      const theme = pageTheme(request);
      let article;
      try {
        article = await readArticle(store, slug);
      } catch (error) {
        if (!(error instanceof Problem) || error.code !== 'article_not_found') throw error;
        // An unknown article: the app's shell, which shows "Page introuvable", with its status.
        response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...context.securityHeaders(template.scriptHashes) });
        response.end(request.method === 'HEAD' ? undefined : `${htmlElement(template.head, language, theme)}${template.beforeRoot}${template.afterRoot}`);
        return;
      }
      const sort = pageSort(request, url);
      // For React's own inline scripts in this response only (see ArticlePageRequest.nonce).
      const nonce = randomBytes(18).toString('base64');
      const scriptSources = [...template.scriptHashes, `'nonce-${nonce}'`];

      // The head leaves at once: the browser fetches the stylesheet and the scripts while the
      // comments are read and rendered. From here on the answer is begun.
      const body = openBody(request, response, refused ? 422 : 200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': refused ? 'no-store' : pageCache(request),
        ...context.securityHeaders(scriptSources),
      });
      body.write(`${htmlElement(template.head, language, theme)}${renderer.articleHead(article, context.origin)}${template.beforeRoot}`);
      // Awaited: the reads below may never yield to the event loop (better-sqlite3 is synchronous
      // under its promises), and the render does not either, so without this the head would
      // leave with the rest of the page.
      await body.flush();
      // A failure now ends the page as the app's shell, without data: the browser renders it itself.
      const endAsShell = (error: unknown) => {
        context.report(error);
        body.write(template.afterRoot);
        body.end();
      };

      // A HEAD has its answer; a reader gone needs no reading or rendering.
      if (request.method === 'HEAD') {
        body.end();
        return;
      }
      let gone = false;
      response.once('close', () => {
        gone = !response.writableFinished;
      });
      let reads;
      try {
        reads = await readPageData(store, slug, sort, url);
        if (gone) return;
      } catch (error) {
        endAsShell(error);
        return;
      }
      const pageRequest: ArticlePageRequest = {
        pathname: url.pathname,
        search: url.search,
        origin: context.origin,
        language,
        theme,
        nonce,
        data: { slug, sort, article, ...reads, ...(refused ? { refusedForm: refused, path: `${url.pathname}${url.search}` } : {}) },
      };
      let page: RenderedArticlePage;
      try {
        page = renderer.renderArticlePage(pageRequest, {
        onShellReady() {
          const app = Object.assign(
            new Writable({
              write(chunk: Buffer, _encoding, done) {
                // React waits while a slow reader catches up, rather than the server holding the page.
                if (body.write(chunk)) done();
                else body.onDrain(() => done());
              },
              final(done) {
                const trailer = `${page.structuredData}<script type="application/json" id="${PAGE_DATA_ELEMENT_ID}">${page.dataJson}</script></body>`;
                // A function, so that no "$'" or "$&" in a comment is read as a replacement pattern.
                body.write(template.afterRoot.replace('</body>', () => trailer));
                body.end();
                done();
              },
            }),
            // React flushes its destination when it has written a meaningful part.
            { flush: () => void body.flush() },
          );
          page.pipe(app);
        },
        onShellError: endAsShell,
        onError() {
          // Reported by onShellError, or recovered by the client (an error inside a boundary).
        },
        });
      } catch (error) {
        endAsShell(error);
        return;
      }
      response.once('close', () => {
        if (!response.writableFinished) page.abort();
      });
    },
  };
}
