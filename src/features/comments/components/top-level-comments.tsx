import type { CommentPage } from '../../../api/contract';
import { useCatalogue } from '../../../lib/i18n/language';
import { navigate } from '../../../lib/router';
import { threadOf } from '../lib/build-thread';
import { cameFromThread } from '../lib/history-state';
import { useOwnPendingUnder } from '../lib/own-pending';
import { useLinkedComment } from '../lib/use-linked-comment';
import { CommentItem } from './comment-item';
import { PendingComment } from './pending-comment';

/**
 * A linked comment not among the first threads: shown on its own view, with its ancestors;
 * unless the reader is just coming back from that view, which would send them round in circles.
 */
function openOnItsOwn(id: string) {
  if (cameFromThread()) return;
  const url = new URL(window.location.href);
  url.searchParams.set('fil', id);
  navigate(`${url.pathname}${url.search}${url.hash}`, { replace: true });
}

interface TopLevelCommentsProps {
  articleSlug: string;
  pages: readonly CommentPage[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** The pages of top-level comments loaded so far, as one list, and the way to the next page. */
export function TopLevelComments({ articleSlug, pages, hasMore, loadingMore, onLoadMore }: TopLevelCommentsProps) {
  const t = useCatalogue();
  const shown = pages.reduce((count, page) => count + threadOf(page.comments).roots.length, 0);
  const remaining = (pages[0]?.topLevelTotal ?? 0) - shown;
  // Newest first, like the list they head; once published, a comment is in the pages instead.
  const ownPending = [...useOwnPendingUnder(articleSlug, null)]
    .reverse()
    .filter((comment) => !pages.some((page) => threadOf(page.comments).byId.has(comment.id)));
  useLinkedComment(pages.length > 0, openOnItsOwn);

  return (
    <>
      <ol className="comment-thread">
        {ownPending.map((comment) => (
          <PendingComment key={comment.id} comment={comment} />
        ))}
        {pages.map((page) => {
          const thread = threadOf(page.comments);
          return thread.roots.map((id) => (
            <CommentItem key={id} articleSlug={articleSlug} thread={thread} commentId={id} depth={0} parentAuthor={null} />
          ));
        })}
      </ol>
      {hasMore && (
        <p className="comments__more">
          <button
            type="button"
            className="button"
            aria-disabled={loadingMore || undefined}
            onClick={() => !loadingMore && onLoadMore()}
          >
            {loadingMore ? t.site.loading : t.comments.loadMore}
          </button>{' '}
          <span className="comments__remaining">{t.comments.moreThreads(remaining)}</span>
        </p>
      )}
    </>
  );
}
