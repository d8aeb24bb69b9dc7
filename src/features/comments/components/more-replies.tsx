import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { formatCount } from '../../../lib/format-count';
import { QueryFailure } from '../../../lib/query-failure';
import { repliesQueryOptions } from '../api/get-comments';
import { threadOf } from '../lib/build-thread';
import { CommentItem } from './comment-item';

interface MoreRepliesProps {
  articleSlug: string;
  parentId: string;
  parentAuthor: string;
  /** The last reply already shown, or null when none is. */
  afterId: string | null;
  remaining: number;
  depth: number;
}

function moreRepliesLabel(remaining: number, noneShown: boolean): string {
  if (noneShown) return remaining > 1 ? `Voir les ${formatCount(remaining)} réponses` : 'Voir la réponse';
  return remaining > 1 ? `Voir les ${formatCount(remaining)} autres réponses` : 'Voir l’autre réponse';
}

/**
 * The replies a comment's preview left out, fetched only when asked for: a thread of 200
 * replies costs nothing until someone opens it. Renders list items for the parent's <ol>.
 */
export function MoreReplies(props: MoreRepliesProps) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <li className="comment-more">
        <button type="button" className="button button--link" onClick={() => setOpen(true)}>
          {moreRepliesLabel(props.remaining, props.afterId === null)}
        </button>
      </li>
    );
  }
  return <RepliesBatch {...props} />;
}

function RepliesBatch({ articleSlug, parentId, parentAuthor, afterId, remaining, depth }: MoreRepliesProps) {
  const replies = useInfiniteQuery(repliesQueryOptions(articleSlug, parentId, afterId));
  const firstNewId = replies.data?.pages[0]?.comments[0]?.id;
  const focused = useRef(false);

  // The button that was clicked is gone: focus goes to the first reply it brought.
  useEffect(() => {
    if (!firstNewId || focused.current) return;
    focused.current = true;
    document.getElementById(`commentaire-${firstNewId}`)?.querySelector('article')?.focus();
  }, [firstNewId]);

  if (replies.isPending) {
    return (
      <li className="comment-more loading" aria-live="polite">
        Chargement des réponses…
      </li>
    );
  }
  if (replies.isError) {
    return (
      <li className="comment-more">
        <QueryFailure message="Impossible de charger ces réponses." onRetry={() => void replies.refetch()} />
      </li>
    );
  }
  const pages = replies.data.pages;
  const loaded = pages.reduce((count, page) => count + threadOf(page.comments).roots.length, 0);
  return (
    <>
      {pages.map((page) => {
        const thread = threadOf(page.comments);
        return thread.roots.map((id) => (
          <CommentItem
            key={id}
            articleSlug={articleSlug}
            thread={thread}
            commentId={id}
            depth={depth}
            parentAuthor={parentAuthor}
          />
        ));
      })}
      {replies.hasNextPage && (
        <li className="comment-more">
          <button
            type="button"
            className="button button--link"
            aria-disabled={replies.isFetchingNextPage || undefined}
            onClick={() => !replies.isFetchingNextPage && void replies.fetchNextPage()}
          >
            {moreRepliesLabel(Math.max(remaining - loaded, 1), false)}
          </button>
        </li>
      )}
    </>
  );
}
