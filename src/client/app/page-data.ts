// The page's data, as the server rendered it, put into the query cache under the keys the app's
// own queries use: the server renders from this cache, and the browser hydrates from the same,
// so that neither asks the API for what the page already holds.
import type { QueryClient } from '@tanstack/react-query';
import type { ArticlePageData } from '../../shared/server-page';
import { articleQueryOptions } from '../features/article/api/get-article';
import { commentPagesQueryOptions } from '../features/comments/api/get-comments';

export function seedPageData(queryClient: QueryClient, data: ArticlePageData): void {
  queryClient.setQueryData(articleQueryOptions(data.slug).queryKey, data.article);
  queryClient.setQueryData(commentPagesQueryOptions(data.slug, data.sort).queryKey, {
    pages: [data.commentPage],
    pageParams: [null],
  });
}
