import { useEffect, useRef } from 'react';
import type { CommentPage } from '../../../../shared/contract';
import { useCatalogue } from '../../../lib/i18n/language';
import { useHydrated } from '../../../lib/hydration';
import { navigate, searchWith, useSearch } from '../../../lib/router';
import { threadOf } from '../lib/build-thread';
import { cameFromThread } from '../lib/history-state';
import { useOwnPendingUnder } from '../lib/own-pending';
import { useLinkedComment } from '../lib/use-linked-comment';
import { CommentItem } from './comment-item';
import { PendingComment } from './pending-comment';
import { commentHash, MAX_RENDERED_PAGES, PAGE_PARAMS } from '../../../../shared/page-address';
import { focusComment } from '../lib/focus-comment';

/**
 * A linked comment not among the first threads: shown on its own view, with its ancestors;
 * unless the reader is just coming back from that view, which would send them round in circles.
 */
function openOnItsOwn(id: string) {
  if (cameFromThread()) return;
  const url = new URL(window.location.href);
  url.searchParams.set(PAGE_PARAMS.thread, id);
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
  // Once each: under "Plus recommandés" a comment can move to a later page while it is paged.
  const seen = new Set<string>();
  const threads = pages.flatMap((page) => {
    const thread = threadOf(page.comments);
    return thread.roots.filter((id) => !seen.has(id) && seen.add(id)).map((id) => ({ id, thread }));
  });
  const remaining = (pages[0]?.topLevelTotal ?? 0) - threads.length;
  // "Voir plus de commentaires" goes away on the last page: focus goes to the first new thread.
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || threads.length <= from) return;
    focusFrom.current = null;
    const first = threads[from];
    if (first) focusComment(first.id);
  });
  // Newest first, like the list they head; once published, a comment is in the pages instead.
  const ownPending = [...useOwnPendingUnder(articleSlug, null)]
    .reverse()
    .filter((comment) => !pages.some((page) => threadOf(page.comments).byId.has(comment.id)));
  useLinkedComment(pages.length > 0, openOnItsOwn);
  const hydrated = useHydrated();
  const search = useSearch();
  const lastThread = threads.at(-1)?.id;

  return (
    <>
      <ol className="comment-thread">
        {ownPending.map((comment) => (
          <PendingComment key={comment.id} comment={comment} />
        ))}
        {threads.map(({ id, thread }) => (
          <CommentItem key={id} articleSlug={articleSlug} thread={thread} commentId={id} depth={0} parentAuthor={null} />
        ))}
      </ol>
      {hasMore && (
        <p className="comments__more">
          {hydrated ? (
          <button
            type="button"
            className="button"
            aria-disabled={loadingMore || undefined}
            onClick={() => {
              if (loadingMore) return;
              focusFrom.current = threads.length;
              onLoadMore();
            }}
          >
            {loadingMore ? t.site.loading : t.comments.loadMore}
          </button>
          ) : pages.length >= MAX_RENDERED_PAGES ? null : (
            // Before the app runs (or without it): the page again with one more page of threads,
            // scrolled to the last one already read (up to the pages one address may ask for).
            <a
              className="button"
              href={`${searchWith(search, (params) => params.set(PAGE_PARAMS.pages, String(pages.length + 1)))}${lastThread ? commentHash(lastThread) : ''}`}
            >
              {t.comments.loadMore}
            </a>
          )}{' '}
          <span className="comments__remaining">{t.comments.moreThreads(remaining)}</span>
        </p>
      )}
    </>
  );
}
