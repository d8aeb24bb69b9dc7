import { useInfiniteQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useReadOnce } from '../../../lib/hydration';
import { useCatalogue } from '../../../lib/i18n/language';
import { QueryFailure } from '../../../lib/query-failure';
import { useSearchParam } from '../../../lib/router';
import { commentContextQueryOptions, commentPagesQueryOptions } from '../api/get-comments';
import { ownPendingOn } from '../lib/own-pending';
import { useLiveFeed } from '../lib/live-feed';
import type { CommentSort } from '../../../../shared/contract';
import { useCommentSort } from '../lib/use-comment-sort';
import { CommentItem } from './comment-item';
import { SortControl } from './sort-control';
import { TopLevelComments } from './top-level-comments';
import { PAGE_PARAMS } from '../../../../shared/page-address';
import { PartFailure } from '../../../lib/part-failure';

// Rarely needed, so out of the article's first bundle (see discussion-extras.ts): a deep
// thread's own view (a followed "Continuer la discussion" or permalink), and news of the
// reader's own pending comments.
const FocusedThread = lazy(() => import('./discussion-extras').then((module) => ({ default: module.FocusedThread })));
const OwnCommentOutcomes = lazy(() =>
  import('./discussion-extras').then((module) => ({ default: module.OwnCommentOutcomes })),
);

// Loaded with the stream's first news: most visits see none (live-feed.ts).
const LiveNews = lazy(() => import('./live-news').then((module) => ({ default: module.LiveNews })));

/** The discussion live: followed once the page has read its first page, from where that page was. */
function LiveDiscussion(props: { articleSlug: string; eventId: number; sort: CommentSort; showArrivals: boolean }) {
  const feed = useLiveFeed(props.articleSlug, props.eventId);
  return (
    feed && (
      <PartFailure>
        <Suspense fallback={null}>
          <LiveNews feed={feed} {...props} />
        </Suspense>
      </PartFailure>
    )
  );
}

/** From this many comments, rendering work off screen is worth skipping. */
const LARGE_DISCUSSION = 200;

/** The published discussion: its count as the heading, then the threads, or one of them. */
export function CommentsSection({ articleSlug }: { articleSlug: string }) {
  const t = useCatalogue();
  const focusedId = useSearchParam(PAGE_PARAMS.thread);
  const [sort, setSort] = useCommentSort();
  const pages = useInfiniteQuery(commentPagesQueryOptions(articleSlug, sort));
  const total = pages.data?.pages[0]?.total;
  const eventId = pages.data?.pages[0]?.eventId;
  // Outcomes are asked for the comments pending when the page opened, as OwnCommentOutcomes does
  // (once hydrated: they are this browser's own).
  const hadOwnPending = useReadOnce(() => ownPendingOn(articleSlug).length > 0, false);

  return (
    <section
      className="comments"
      aria-labelledby="comments-heading"
      // Also while another order's first page loads behind the current list.
      aria-busy={pages.isPending || pages.isPlaceholderData || undefined}
      // Large discussions skip laying out comments off screen (see styles.css).
      data-size={total !== undefined && total >= LARGE_DISCUSSION ? 'large' : undefined}
    >
      <h2 id="comments-heading">{t.comments.heading(total)}</h2>
      {hadOwnPending && (
        <PartFailure>
          <Suspense fallback={null}>
            <OwnCommentOutcomes articleSlug={articleSlug} />
          </Suspense>
        </PartFailure>
      )}
      {!focusedId && total !== undefined && total > 1 && <SortControl sort={sort} onChange={setSort} />}
      {eventId !== undefined && <LiveDiscussion articleSlug={articleSlug} eventId={eventId} sort={sort} showArrivals={!focusedId} />}
      {focusedId ? (
        <PartFailure>
          <Suspense fallback={<p className="loading">{t.comments.loadingThread}</p>}>
            <FocusedThread
              articleSlug={articleSlug}
              commentId={focusedId}
              contextQuery={commentContextQueryOptions(articleSlug, focusedId)}
              Item={CommentItem}
            />
          </Suspense>
        </PartFailure>
      ) : (
        <>
          {pages.isPending && <p className="loading">{t.comments.loading}</p>}
          {pages.isError && (
            <QueryFailure message={t.comments.loadFailed} onRetry={() => void pages.refetch()} />
          )}
          {total === 0 && <p>{t.comments.none}</p>}
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
