import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Catalogue } from '../../../lib/i18n/fr';
import { commentHash, PAGE_PARAMS } from '../../../../shared/page-address';
import { useHydrated } from '../../../lib/hydration';
import { useCatalogue } from '../../../lib/i18n/language';
import { searchWith, useSearch } from '../../../lib/router';
import { QueryFailure } from '../../../lib/query-failure';
import { repliesQueryOptions } from '../api/get-comments';
import { threadOf, type Thread } from '../lib/build-thread';
import { focusComment } from '../lib/focus-comment';

interface MoreRepliesProps {
  articleSlug: string;
  parentId: string;
  /** The last reply already shown, or null when none is. */
  afterId: string | null;
  remaining: number;
  /**
   * Renders one reply of a loaded batch (a CommentItem, which renders this component in turn:
   * passed in rather than imported, so that the two files do not import each other).
   */
  renderReply: (thread: Thread, id: string) => ReactNode;
}

const moreRepliesLabel = (t: Catalogue, remaining: number, noneShown: boolean) =>
  noneShown ? t.comments.viewReplies(remaining) : t.comments.viewOtherReplies(remaining);

/**
 * The replies a comment's preview left out, fetched only when asked for: a thread of 200
 * replies costs nothing until someone opens it. Renders list items for the parent's <ol>.
 */
export function MoreReplies(props: MoreRepliesProps) {
  const t = useCatalogue();
  const search = useSearch();
  const hydrated = useHydrated();
  const queryClient = useQueryClient();
  // Open from the start when the address asked for it (the link below followed without
  // JavaScript) and the server read them: the page holds them, no request goes out.
  const [openedByAddress] = useState(
    () =>
      new URLSearchParams(search).getAll(PAGE_PARAMS.replies).includes(props.parentId) &&
      queryClient.getQueryData(repliesQueryOptions(props.articleSlug, props.parentId, props.afterId).queryKey) !== undefined,
  );
  const [open, setOpen] = useState(openedByAddress);
  const label = moreRepliesLabel(t, props.remaining, props.afterId === null);
  if (!open) {
    return (
      <li className="comment-more">
        {hydrated ? (
          <button type="button" className="button button--link" onClick={() => setOpen(true)}>
            {label}
          </button>
        ) : (
          // Before the app runs (or without it): the page again with these replies, at the last one read.
          <a
            className="button button--link"
            href={`${searchWith(search, (params) => params.append(PAGE_PARAMS.replies, props.parentId))}${commentHash(props.afterId ?? props.parentId)}`}
          >
            {label}
          </a>
        )}
      </li>
    );
  }
  return <RepliesBatch {...props} openedByAddress={openedByAddress} />;
}

function RepliesBatch({ articleSlug, parentId, afterId, remaining, renderReply, openedByAddress }: MoreRepliesProps & { openedByAddress: boolean }) {
  const t = useCatalogue();
  const replies = useInfiniteQuery(repliesQueryOptions(articleSlug, parentId, afterId));
  const firstNewId = replies.data?.pages[0]?.comments[0]?.id;
  // Opened by the address, nothing was clicked: the focus stays where the reader is.
  const focused = useRef(openedByAddress);

  // The button that was clicked is gone: focus goes to the first reply it brought.
  useEffect(() => {
    if (!firstNewId || focused.current) return;
    focused.current = true;
    focusComment(firstNewId);
  }, [firstNewId]);

  if (replies.isPending) {
    return (
      <li className="comment-more loading" aria-live="polite">
        {t.comments.loadingReplies}
      </li>
    );
  }
  if (replies.isError) {
    return (
      <li className="comment-more">
        <QueryFailure message={t.comments.repliesFailed} onRetry={() => void replies.refetch()} />
      </li>
    );
  }
  const pages = replies.data.pages;
  const loaded = pages.reduce((count, page) => count + threadOf(page.comments).roots.length, 0);
  return (
    <>
      {pages.map((page) => {
        const thread = threadOf(page.comments);
        return thread.roots.map((id) => renderReply(thread, id));
      })}
      {replies.hasNextPage && (
        <li className="comment-more">
          <button
            type="button"
            className="button button--link"
            aria-disabled={replies.isFetchingNextPage || undefined}
            onClick={() => !replies.isFetchingNextPage && void replies.fetchNextPage()}
          >
            {moreRepliesLabel(t, Math.max(remaining - loaded, 1), false)}
          </button>
        </li>
      )}
    </>
  );
}
