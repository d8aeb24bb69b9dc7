import { useInfiniteQuery } from '@tanstack/react-query';
import type { CommentSort } from '../../../api/contract';
import { formatCount } from '../../../lib/format-count';
import { QueryFailure } from '../../../lib/query-failure';
import { useSearchParam } from '../../../lib/router';
import { commentPagesQueryOptions } from '../api/get-comments';
import { FocusedThread } from './focused-thread';
import { TopLevelComments } from './top-level-comments';

/** The published discussion: its count as the heading, then the threads, or one of them. */
export function CommentsSection({ articleSlug }: { articleSlug: string }) {
  const focusedId = useSearchParam('fil');
  const sort: CommentSort = 'newest';
  const pages = useInfiniteQuery(commentPagesQueryOptions(articleSlug, sort));
  const total = pages.data?.pages[0]?.total;

  return (
    <section className="comments" aria-labelledby="comments-heading" aria-busy={pages.isPending || undefined}>
      <h2 id="comments-heading">Commentaires{total === undefined ? '' : ` (${formatCount(total)})`}</h2>
      {focusedId ? (
        <FocusedThread articleSlug={articleSlug} commentId={focusedId} />
      ) : (
        <>
          {pages.isPending && <p className="loading">Chargement des commentaires…</p>}
          {pages.isError && (
            <QueryFailure message="Impossible de charger les commentaires." onRetry={() => void pages.refetch()} />
          )}
          {pages.data &&
            (total === 0 ? (
              <p>Aucun commentaire pour l’instant. Soyez le premier à réagir.</p>
            ) : (
              <TopLevelComments
                articleSlug={articleSlug}
                pages={pages.data.pages}
                hasMore={pages.hasNextPage}
                loadingMore={pages.isFetchingNextPage}
                onLoadMore={() => void pages.fetchNextPage()}
              />
            ))}
        </>
      )}
    </section>
  );
}
