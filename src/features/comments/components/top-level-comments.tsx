import { useEffect, useRef } from 'react';
import type { CommentPage } from '../../../api/contract';
import { formatCount } from '../../../lib/format-count';
import { threadOf } from '../lib/build-thread';
import { CommentItem } from './comment-item';

interface TopLevelCommentsProps {
  articleSlug: string;
  pages: readonly CommentPage[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** The pages of top-level comments loaded so far, as one list, and the way to the next page. */
export function TopLevelComments({ articleSlug, pages, hasMore, loadingMore, onLoadMore }: TopLevelCommentsProps) {
  const shown = pages.reduce((count, page) => count + threadOf(page.comments).roots.length, 0);
  const remaining = (pages[0]?.topLevelTotal ?? 0) - shown;
  useScrollToLinkedComment(pages.length > 0);

  return (
    <>
      <ol className="comment-thread">
        {pages.map((page) => {
          const thread = threadOf(page.comments);
          return thread.roots.map((id) => (
            <CommentItem key={id} articleSlug={articleSlug} thread={thread} commentId={id} depth={0} />
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
            {loadingMore ? 'Chargement…' : 'Voir plus de commentaires'}
          </button>{' '}
          <span className="comments__remaining">
            ({formatCount(remaining)} autre{remaining > 1 ? 's' : ''} fil{remaining > 1 ? 's' : ''} de discussion)
          </span>
        </p>
      )}
    </>
  );
}

/** Opening `#commentaire-<id>` brings that comment into view and focus once it is rendered. */
function useScrollToLinkedComment(ready: boolean) {
  const done = useRef(false);
  useEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    const match = /^#commentaire-(.+)$/.exec(window.location.hash);
    const article = match ? document.getElementById(`commentaire-${match[1]}`)?.querySelector('article') : null;
    if (!article) return;
    article.setAttribute('aria-current', 'true');
    article.scrollIntoView({ block: 'start' });
    article.focus({ preventScroll: true });
  }, [ready]);
}
