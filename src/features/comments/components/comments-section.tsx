import { useInfiniteQuery } from '@tanstack/react-query';
import { formatCount } from '../../../lib/format-count';
import { QueryFailure } from '../../../lib/query-failure';
import { useSearchParam } from '../../../lib/router';
import { commentPagesQueryOptions } from '../api/get-comments';
import { useCommentSort } from '../lib/use-comment-sort';
import { FocusedThread } from './focused-thread';
import { OwnCommentOutcomes } from './own-comment-outcomes';
import { SortControl } from './sort-control';
import { TopLevelComments } from './top-level-comments';

/** From this many comments, rendering work off screen is worth skipping. */
const LARGE_DISCUSSION = 200;

/** The published discussion: its count as the heading, then the threads, or one of them. */
export function CommentsSection({ articleSlug }: { articleSlug: string }) {
  const focusedId = useSearchParam('fil');
  const [sort, setSort] = useCommentSort();
  const pages = useInfiniteQuery(commentPagesQueryOptions(articleSlug, sort));
  const total = pages.data?.pages[0]?.total;

  return (
    <section
      className="comments"
      aria-labelledby="comments-heading"
      aria-busy={pages.isPending || undefined}
      // Large discussions skip laying out comments off screen (see styles.css).
      data-size={total !== undefined && total >= LARGE_DISCUSSION ? 'large' : undefined}
    >
      <h2 id="comments-heading">Commentaires{total === undefined ? '' : ` (${formatCount(total)})`}</h2>
      <OwnCommentOutcomes articleSlug={articleSlug} />
      {!focusedId && total !== undefined && total > 1 && <SortControl sort={sort} onChange={setSort} />}
      {focusedId ? (
        <FocusedThread articleSlug={articleSlug} commentId={focusedId} />
      ) : (
        <>
          {pages.isPending && <p className="loading">Chargement des commentaires…</p>}
          {pages.isError && (
            <QueryFailure message="Impossible de charger les commentaires." onRetry={() => void pages.refetch()} />
          )}
          {total === 0 && <p>Aucun commentaire pour l’instant. Soyez le premier à réagir.</p>}
          {pages.data && (
            // Rendered even when empty: the reader's own pending comments go at its top.
            <TopLevelComments
              articleSlug={articleSlug}
              pages={pages.data.pages}
              hasMore={pages.hasNextPage}
              loadingMore={pages.isFetchingNextPage}
              onLoadMore={() => void pages.fetchNextPage()}
            />
          )}
        </>
      )}
    </section>
  );
}
