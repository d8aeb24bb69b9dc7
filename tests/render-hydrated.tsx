import { dehydrate, hydrate, QueryClientContext } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { prerender } from 'react-dom/static';
import { expect, onTestFinished, vi } from 'vitest';
import { App } from '../src/client/app/app';
import { createQueryClient } from '../src/client/app/query-client';
import type { ThemeChoice } from '../src/client/app/theme';
import { articleQueryOptions } from '../src/client/features/article/api/get-article';
import { commentPagesQueryOptions } from '../src/client/features/comments/api/get-comments';
import { fr } from '../src/client/lib/i18n/fr';
import { ServerRenderContext, type ServerRender } from '../src/client/lib/server-render';
import type { CommentSort } from '../src/shared/contract';
import { SORT_PARAMS } from '../src/shared/sort-params';

/** What the server reads from the request's cookies and hands to the render. */
export interface ServerChoices {
  sort?: CommentSort;
  theme?: ThemeChoice;
}

const newQueryClient = () => {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  return queryClient;
};

/**
 * An article page as the real server renders it for a reader it knows nothing personal about
 * (no storage: reading any fails the test), put into the document; then `personal()` gives this
 * browser its own state, and the app hydrates that HTML from the same data, as main.tsx does.
 * Resolves once hydrated and everything that follows at once has rendered. Any hydration
 * mismatch fails the test: a recoverable error here, a mismatched attribute as console.error.
 */
export async function renderOnServerThenHydrate(path: string, { server: choices = {}, personal = () => {} }: { server?: ServerChoices; personal?: () => void } = {}) {
  window.history.replaceState(null, '', path);
  const url = new URL(path, window.location.href);
  const slug = decodeURIComponent(url.pathname.split('/')[2] ?? '');

  // As the real server decides it (src/server/page-request.ts): the address, else the cookie.
  const inUrl = (Object.keys(SORT_PARAMS) as CommentSort[]).find((sort) => SORT_PARAMS[sort] === url.searchParams.get('tri'));
  const sort = inUrl ?? choices.sort ?? 'newest';
  // The server's data, read as the real server reads its store (here through the mock API).
  const serverQueries = newQueryClient();
  await Promise.all([
    serverQueries.prefetchQuery(articleQueryOptions(slug)),
    serverQueries.prefetchInfiniteQuery(commentPagesQueryOptions(slug, sort)),
  ]);
  const server: ServerRender = {
    pathname: url.pathname,
    search: url.search,
    origin: window.location.origin,
    catalogue: fr,
    deferred: null,
    theme: choices.theme ?? 'auto',
    refusedForm: undefined,
    sort,
  };
  const storageRead = vi.spyOn(Storage.prototype, 'getItem');
  const serverErrors: unknown[] = [];
  // All of it, lazy parts (the comment form) included, as the streamed page ends up; in place,
  // not outlined behind the scripts React streams (innerHTML runs no script).
  const { prelude } = await prerender(
    <StrictMode>
      <ServerRenderContext value={server}>
        <App queryClient={serverQueries} />
      </ServerRenderContext>
    </StrictMode>,
    { progressiveChunkSize: Number.POSITIVE_INFINITY, onError: (error) => void serverErrors.push(error) },
  );
  expect(serverErrors, 'errors while rendering on the server').toEqual([]);
  // A server and a browser are two processes; here they are one. React's server renderer leaves
  // the contexts of the last part it rendered set (ServerRenderContext among them): a render of
  // nothing sets them back, or the browser's render would believe it is the server. And (in
  // development) it marks the contexts it provided as its own, which the browser's would take
  // for two renderers at once.
  await prerender(null);
  for (const context of [QueryClientContext, ServerRenderContext]) (context as { _currentRenderer?: unknown })._currentRenderer = null;
  const html = await new Response(prelude).text();
  expect(storageRead, 'the server render read storage').not.toHaveBeenCalled();
  storageRead.mockRestore();

  const container = document.createElement('div');
  container.id = 'root';
  container.innerHTML = html;
  document.body.append(container);
  // What the server sent, as the document holds it.
  const serverHtml = container.innerHTML;
  personal();

  const clientQueries = newQueryClient();
  hydrate(clientQueries, dehydrate(serverQueries));
  const recoverableErrors: unknown[] = [];
  let root: Root | undefined;
  await act(async () => {
    root = hydrateRoot(
      container,
      <StrictMode>
        <App queryClient={clientQueries} />
      </StrictMode>,
      { onRecoverableError: (error) => recoverableErrors.push(error) },
    );
  });
  onTestFinished(() => {
    act(() => root?.unmount());
    container.remove();
    expect(recoverableErrors, 'recoverable errors while hydrating').toEqual([]);
  });
  return { container, serverHtml, recoverableErrors, user: userEvent.setup() };
}
