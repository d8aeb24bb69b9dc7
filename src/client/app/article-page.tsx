import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/http-client';
import { articleQueryOptions } from '../features/article/api/get-article';
import { ArticleView } from '../features/article/components/article-view';
import { commentPagesQueryOptions } from '../features/comments/api/get-comments';
import { useCommentSort } from '../features/comments/lib/use-comment-sort';
import { CommentsSection } from '../features/comments/components/comments-section';
import { NewCommentPanel } from '../features/comments/components/new-comment-panel';
import { useCatalogue } from '../lib/i18n/language';
import { QueryFailure } from '../lib/query-failure';
import { NotFoundPage } from './not-found-page';
import { SITE_NAME } from './site';
import { useDocumentMetadata } from './use-document-metadata';
import { useLoadedComments } from './use-loaded-comments';
import { useServerRender } from '../lib/server-render';

export function ArticlePage({ slug }: { slug: string }) {
  const t = useCatalogue();
  const article = useQuery(articleQueryOptions(slug));
  // Started now rather than when the article has arrived: both requests go out together.
  const [sort] = useCommentSort();
  useInfiniteQuery({ ...commentPagesQueryOptions(slug, sort), enabled: !article.isError });
  const loaded = useLoadedComments(slug);
  const server = useServerRender();
  const notFound = article.error instanceof ApiError && article.error.status === 404;
  // Not found: the not-found page sets its own title.
  useDocumentMetadata(
    notFound
      ? null
      : article.data
        ? { article: article.data, comments: loaded.comments, commentCount: loaded.total, origin: server?.origin }
        : { title: `${t.article.title} · ${SITE_NAME}` },
  );

  if (article.error instanceof ApiError && article.error.status === 404) {
    return <NotFoundPage what="article" />;
  }

  return (
    <main id="contenu" className="page" aria-busy={article.isPending || undefined}>
      {article.isPending && <p className="loading">{t.article.loading}</p>}
      {article.isError && <QueryFailure message={t.article.loadFailed} onRetry={() => void article.refetch()} />}
      {article.data && (
        <>
          <ArticleView article={article.data} />
          <NewCommentPanel articleSlug={slug} />
          <CommentsSection articleSlug={slug} />
        </>
      )}
    </main>
  );
}
