import { queryOptions } from '@tanstack/react-query';
import type { Article } from '../../../../shared/contract';
import { requestJson } from '../../../api/http-client';
import { queryKeys } from '../../../api/query-keys';

export async function getArticle(slug: string, signal?: AbortSignal): Promise<Article> {
  const { article } = await requestJson(`/articles/${encodeURIComponent(slug)}`, (schemas) => schemas.ArticleResponseSchema, { signal });
  return article;
}

export const articleQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: queryKeys.article(slug),
    queryFn: ({ signal }) => getArticle(slug, signal),
    // An article's text does not change while it is being read.
    staleTime: 5 * 60_000,
  });
