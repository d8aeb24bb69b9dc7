import { memo, useCallback, useId, useRef, useState } from 'react';
import { formatParisDateTime } from '../../../lib/format-paris-date';
import type { Thread } from '../lib/build-thread';
import { CommentBody } from './comment-body';
import { CommentForm } from './comment-form';
// A cycle by design (a thread holds items that hold threads); both sides only use the other
// at render time, after every module has loaded.
import { CommentThread } from './comment-thread';

interface CommentItemProps {
  articleSlug: string;
  thread: Thread;
  commentId: string;
  depth: number;
}

/**
 * One comment, its reply form when open, and its replies. Memoised on props that stay the same
 * object between fetches, so opening a form here or typing in it renders nothing else.
 */
export const CommentItem = memo(function CommentItem({ articleSlug, thread, commentId, depth }: CommentItemProps) {
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const labelId = useId();
  const closeReply = useCallback(() => {
    setReplying(false);
    replyButton.current?.focus();
  }, []);

  const comment = thread.byId.get(commentId);
  if (!comment) return null;
  const isReply = comment.parentId !== null;

  return (
    <li className="comment" id={`commentaire-${comment.id}`}>
      <article className="comment__card" aria-labelledby={labelId}>
        <p className="comment__meta" id={labelId}>
          {isReply ? 'Réponse de ' : ''}
          <strong className="comment__author">{comment.author}</strong>
          {isReply ? ' le ' : ' a écrit le '}
          <time dateTime={comment.createdAt}>{formatParisDateTime(comment.createdAt)}</time> :
        </p>
        <CommentBody text={comment.body} />
        <div className="comment__actions">
          <button
            ref={replyButton}
            type="button"
            className="button button--link"
            // The visible word starts the name (WCAG 2.5.3); the pseudo tells the buttons apart.
            aria-label={`Répondre à ${comment.author}`}
            aria-expanded={replying}
            onClick={() => setReplying(true)}
          >
            Répondre
          </button>
        </div>
      </article>
      {replying && (
        <CommentForm
          articleSlug={articleSlug}
          parentId={comment.id}
          label={`Répondre à ${comment.author}`}
          focusOnMount
          onCancel={closeReply}
        />
      )}
      <CommentThread articleSlug={articleSlug} thread={thread} parentId={comment.id} depth={depth + 1} />
    </li>
  );
});
