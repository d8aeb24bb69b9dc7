// The app rendered on the real server (built apart into dist-server/ by `npm run build`, loaded
// by src/server/article-pages.ts): an article page's HTML, streamed, from the very query cache
// the browser will hydrate from, in the reader's language. What is personal to a reader (their
// drafts, recommendations, own pending comments) is never rendered here: the browser applies it
// once the page is hydrated.
import { StrictMode } from 'react';
import { renderToPipeableStream } from 'react-dom/server';
import type { Article } from '../shared/contract';
import type { ArticlePageRequest, RenderCallbacks, RenderedArticlePage, ServerRenderer } from '../shared/server-page';
import { App } from './app/app';
import { articleMetadata } from './app/article-metadata';
import { headTags, serializeJsonLd, type DocumentMetadata } from './app/document-metadata';
import { seedPageData } from './app/page-data';
import { createQueryClient } from './app/query-client';
import { en, enDeferred } from './lib/i18n/en';
import { fr } from './lib/i18n/fr';
import { ServerRenderContext, type ServerRender } from './lib/server-render';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

/** Tags as HTML: <title> and the head tags useDocumentMetadata would set, or the JSON-LD alone. */
function tagsHtml(metadata: DocumentMetadata): string {
  const tags = headTags(metadata).map(({ tag, attributes, text }) => {
    const attrs = Object.entries(attributes)
      .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
      .join('');
    // The JSON-LD text is already safe inside <script> (serializeJsonLd escapes "<").
    return tag === 'script' ? `<script${attrs}>${text ?? ''}</script>` : `<${tag}${attrs}>`;
  });
  return [metadata.title ? `<title>${escapeHtml(metadata.title)}</title>` : '', ...tags].join('');
}

/** What the head says about the article, without the comments (see ServerRenderer.articleHead). */
function articleHead(article: Article, origin: string): string {
  const { jsonLd: _listsTheComments, ...metadata } = articleMetadata({ article, comments: [], commentCount: undefined, origin });
  return tagsHtml(metadata);
}

function renderArticlePage(request: ArticlePageRequest, callbacks: RenderCallbacks): RenderedArticlePage {
  const queryClient = createQueryClient();
  seedPageData(queryClient, request.data);
  const server: ServerRender = {
    pathname: request.pathname,
    search: request.search,
    origin: request.origin,
    catalogue: request.language === 'en' ? en : fr,
    deferred: request.language === 'en' ? enDeferred : null,
    theme: request.theme,
    sort: request.data.sort,
    refusedForm: request.data.refusedForm,
  };
  const { article, commentPages, replies = [], thread } = request.data;
  // Every comment the page shows, once each, as the browser describes it (use-loaded-comments.ts).
  const shown = new Map(
    [...commentPages, ...replies.flatMap((opened) => opened.batches), ...(thread ? [thread.context] : [])]
      .flatMap((batch) => batch.comments)
      .filter((comment) => !comment.removed)
      .map((comment) => [comment.id, comment]),
  );
  const metadata = articleMetadata({
    article,
    comments: [...shown.values()],
    commentCount: commentPages[0]?.total,
    origin: request.origin,
  });
  const stream = renderToPipeableStream(
    <StrictMode>
      <ServerRenderContext value={server}>
        <App queryClient={queryClient} />
      </ServerRenderContext>
    </StrictMode>,
    {
      // Once everything is rendered, lazy parts included: the HTML then holds every boundary in
      // place, with none of the inline scripts React streams to fill late ones in (which the
      // Content-Security-Policy would have to allow), and a reader without JavaScript gets it all.
      // The data is read before rendering starts, so this waits only for the lazy modules.
      onAllReady: callbacks.onShellReady,
      // Every boundary inline, however large: an outlined one waits hidden for a script to show
      // it, which a reader without JavaScript never runs.
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      nonce: request.nonce,
      onShellError: callbacks.onShellError,
      onError: callbacks.onError,
    },
  );
  return {
    structuredData: metadata.jsonLd ? tagsHtml({ title: '', jsonLd: metadata.jsonLd }) : '',
    dataJson: serializeJsonLd(request.data),
    pipe: (destination) => void stream.pipe(destination as unknown as NodeJS.WritableStream),
    abort: () => stream.abort(),
  };
}

export const renderer: ServerRenderer = { articleHead, renderArticlePage };
