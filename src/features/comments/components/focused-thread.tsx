import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { QueryFailure } from '../../../lib/query-failure';
import { formatParisDateTime } from '../../../lib/format-paris-date';
import { Link } from '../../../lib/router';
import { commentContextQueryOptions } from '../api/get-comments';
import { threadOf } from '../lib/build-thread';
import { cameFromDiscussion } from '../lib/history-state';
import { CommentItem } from './comment-item';

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
  const backHref = `/articles/${encodeURIComponent(articleSlug)}#commentaire-${encodeURIComponent(commentId)}`;

  useEffect(() => {
    heading.current?.focus();
  }, [commentId]);

  return (
    <div className="focused-thread">
      <h3 ref={heading} tabIndex={-1}>
        Suite de la discussion
      </h3>
      <p>
        <Link
          href={backHref}
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
            />
          </ol>
        </>
      )}
    </div>
  );
}
