// The page's data, as the server rendered it, put into the query cache under the keys the app's
// own queries use: the server renders from this cache, and the browser hydrates from the same,
// so that neither asks the API for what the page already holds.
import type { QueryClient } from '@tanstack/react-query';
import type { ArticlePageData } from '../../shared/server-page';
import { articleQueryOptions } from '../features/article/api/get-article';
import { commentContextQueryOptions, commentPagesQueryOptions, repliesQueryOptions } from '../features/comments/api/get-comments';

export function seedPageData(queryClient: QueryClient, data: ArticlePageData): void {
  queryClient.setQueryData(articleQueryOptions(data.slug).queryKey, data.article);
  const { slug, commentPages, replies = [], thread } = data;
  // Each page asked for with the cursor the page before it gave, as fetchNextPage would have.
  queryClient.setQueryData(commentPagesQueryOptions(slug, data.sort).queryKey, {
    pages: commentPages,
    pageParams: commentPages.map((_page, index) => (index === 0 ? null : (commentPages[index - 1]?.nextCursor ?? null))),
  });
  for (const { parentId, afterId, batches } of replies) {
    queryClient.setQueryData(repliesQueryOptions(slug, parentId, afterId).queryKey, {
      pages: batches,
      pageParams: batches.map((_batch, index) => (index === 0 ? afterId : (batches[index - 1]?.nextCursor ?? null))),
    });
  }
  if (thread) queryClient.setQueryData(commentContextQueryOptions(slug, thread.id).queryKey, thread.context);
}
