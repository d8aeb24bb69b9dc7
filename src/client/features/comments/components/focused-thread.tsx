import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ThreadComment } from '../../../../shared/contract';
import type { Catalogue } from '../../../lib/i18n/fr';
import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';
import { useCatalogue } from '../../../lib/i18n/language';
import { QueryFailure } from '../../../lib/query-failure';
import { Link } from '../../../lib/router';
import type { commentContextQueryOptions } from '../api/get-comments';
import { threadOf } from '../lib/build-thread';
import { cameFromDiscussion, FROM_THREAD } from '../lib/history-state';
import { linkedCommentId, useLinkedComment } from '../lib/use-linked-comment';
import type { CommentItem } from './comment-item';
import { commentHash } from '../../../../shared/page-address';

function parentAuthorOf(t: Catalogue, ancestors: readonly ThreadComment[]): string | null {
  const parent = ancestors.at(-1);
  if (!parent) return null;
  return parent.removed ? t.comments.removedAuthor : parent.author;
}

interface FocusedThreadProps {
  articleSlug: string;
  commentId: string;
  // Given by the page rather than imported, to stay out of the first bundle: see discussion-extras.ts.
  contextQuery: ReturnType<typeof commentContextQueryOptions>;
  Item: typeof CommentItem;
}

/**
 * A deep thread on its own view ("Continuer la discussion"): where it sits (its ancestors),
 * then the comment with its replies, and the way back to the whole discussion.
 */
export function FocusedThread({ articleSlug, commentId, contextQuery, Item }: FocusedThreadProps) {
  const t = useCatalogue();
  const words = useDeferredCatalogue();
  const context = useQuery(contextQuery);
  const heading = useRef<HTMLHeadingElement>(null);
  // Back to the thread's top-level comment: the deep comment itself is not on the main view.
  const anchorId = context.data?.ancestors[0]?.id ?? commentId;
  const backHref = `/articles/${encodeURIComponent(articleSlug)}${commentHash(anchorId)}`;

  useEffect(() => {
    // Unless a permalink brought the reader here: then the linked comment takes the focus.
    if (!linkedCommentId()) heading.current?.focus();
  }, [commentId]);
  useLinkedComment(context.isSuccess);

  return (
    <div className="focused-thread">
      <h3 ref={heading} tabIndex={-1}>
        {words.thread.heading}
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
          {words.thread.back}
        </Link>
      </p>
      {context.isPending && <p className="loading">{t.comments.loadingThread}</p>}
      {context.isError && <QueryFailure message={words.thread.failed} onRetry={() => void context.refetch()} />}
      {context.data && (
        <>
          {context.data.ancestors.length > 0 && (
            <nav aria-label={words.thread.place}>
              <ol className="thread-ancestors">
                {context.data.ancestors.map((ancestor) => (
                  <li key={ancestor.id}>
                    {ancestor.removed ? words.thread.removedAncestor : <span lang="fr">{ancestor.author}</span>},{' '}
                    <time dateTime={ancestor.createdAt}>{t.dateTime(ancestor.createdAt)}</time>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          <ol className="comment-thread">
            <Item
              articleSlug={articleSlug}
              thread={threadOf(context.data.comments)}
              commentId={commentId}
              depth={0}
              parentAuthor={parentAuthorOf(t, context.data.ancestors)}
            />
          </ol>
        </>
      )}
    </div>
  );
}
