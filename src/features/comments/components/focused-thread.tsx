import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ThreadComment } from '../../../api/contract';
import { QueryFailure } from '../../../lib/query-failure';
import { formatParisDateTime } from '../../../lib/format-paris-date';
import { Link } from '../../../lib/router';
import { commentContextQueryOptions } from '../api/get-comments';
import { threadOf } from '../lib/build-thread';
import { cameFromDiscussion, FROM_THREAD } from '../lib/history-state';
import { linkedCommentId, useLinkedComment } from '../lib/use-linked-comment';
import { CommentItem } from './comment-item';

function parentAuthorOf(ancestors: readonly ThreadComment[]): string | null {
  const parent = ancestors.at(-1);
  if (!parent) return null;
  return parent.removed ? 'un commentaire retiré' : parent.author;
}

interface FocusedThreadProps {
  articleSlug: string;
  commentId: string;
}

/**
 * A deep thread on its own view ("Continuer la discussion"): where it sits (its ancestors),
 * then the comment with its replies, and the way back to the whole discussion.
 */
export function FocusedThread({ articleSlug, commentId }: FocusedThreadProps) {
  const context = useQuery(commentContextQueryOptions(articleSlug, commentId));
  const heading = useRef<HTMLHeadingElement>(null);
  // Back to the thread's top-level comment: the deep comment itself is not on the main view.
  const anchorId = context.data?.ancestors[0]?.id ?? commentId;
  const backHref = `/articles/${encodeURIComponent(articleSlug)}#commentaire-${encodeURIComponent(anchorId)}`;

  useEffect(() => {
    // Unless a permalink brought the reader here: then the linked comment takes the focus.
    if (!linkedCommentId()) heading.current?.focus();
  }, [commentId]);
  useLinkedComment(context.isSuccess);

  return (
    <div className="focused-thread">
      <h3 ref={heading} tabIndex={-1}>
        Suite de la discussion
      </h3>
      <p>
        <Link
          href={backHref}
          state={FROM_THREAD}
          onClick={(event) => {
            // Came here from the discussion: going back restores where the reader was in it.
            if (cameFromDiscussion()) {
              event.preventDefault();
              window.history.back();
            }
          }}
        >
          Revenir à toute la discussion
        </Link>
      </p>
      {context.isPending && <p className="loading">Chargement du fil…</p>}
      {context.isError && <QueryFailure message="Impossible de charger ce fil." onRetry={() => void context.refetch()} />}
      {context.data && (
        <>
          {context.data.ancestors.length > 0 && (
            <nav aria-label="Dans la discussion">
              <ol className="thread-ancestors">
                {context.data.ancestors.map((ancestor) => (
                  <li key={ancestor.id}>
                    {ancestor.removed ? 'Commentaire retiré' : ancestor.author},{' '}
                    <time dateTime={ancestor.createdAt}>{formatParisDateTime(ancestor.createdAt)}</time>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          <ol className="comment-thread">
            <CommentItem
              articleSlug={articleSlug}
              thread={threadOf(context.data.comments)}
              commentId={commentId}
              depth={0}
              parentAuthor={parentAuthorOf(context.data.ancestors)}
            />
          </ol>
        </>
      )}
    </div>
  );
}
