import { memo, useCallback, useId, useRef, useState } from 'react';
import { countReplies } from '../../../lib/format-count';
import { formatParisDateTime } from '../../../lib/format-paris-date';
import { Link } from '../../../lib/router';
import { childrenIn, type Thread } from '../lib/build-thread';
import { FROM_DISCUSSION } from '../lib/history-state';
import { CommentBody } from './comment-body';
import { CommentForm } from './comment-form';
// A cycle by design (an item holds reply batches that hold items); each side uses the other
// only at render time, after every module has loaded.
import { MoreReplies } from './more-replies';

/** Past this depth replies stop being indented further, so a phone keeps room for the text. */
export const MAX_INDENTED_DEPTH = 5;
/** From this depth a thread continues on its own view rather than nesting further. */
export const CONTINUE_DEPTH = 12;

interface CommentItemProps {
  articleSlug: string;
  /** The batch of comments this one came in, which holds its replies' preview. */
  thread: Thread;
  commentId: string;
  depth: number;
}

/**
 * One comment, its reply form when open, and its replies. Memoised on props that stay the same
 * objects between fetches, so opening a form here or typing in it renders nothing else.
 */
// The inner function is not named CommentItem: inside it that name would then mean the inner
// function itself, and the replies rendered below would skip the memo.
export const CommentItem = memo(function Comment({ articleSlug, thread, commentId, depth }: CommentItemProps) {
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
  const previewReplies = childrenIn(thread, comment.id);
  const continueElsewhere = depth + 1 >= CONTINUE_DEPTH && comment.replyCount > 0;

  return (
    <li className="comment" id={`commentaire-${comment.id}`}>
      {comment.removed ? (
        <article className="comment__card comment__card--removed" aria-labelledby={labelId} tabIndex={-1}>
          <p className="comment__meta" id={labelId}>
            Commentaire retiré par la modération
          </p>
        </article>
      ) : (
        <article className="comment__card" aria-labelledby={labelId} tabIndex={-1}>
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
      )}
      {replying && (
        <CommentForm
          articleSlug={articleSlug}
          parentId={comment.id}
          label={`Répondre à ${comment.author}`}
          focusOnMount
          onCancel={closeReply}
        />
      )}
      {continueElsewhere ? (
        <p className="comment__continue">
          <Link
            href={`/articles/${encodeURIComponent(articleSlug)}?fil=${encodeURIComponent(comment.id)}`}
            state={FROM_DISCUSSION}
          >
            Continuer la discussion ({countReplies(comment.descendantCount)})
          </Link>
        </p>
      ) : (
        comment.replyCount > 0 && (
          <ol className="comment-thread" data-indent={depth < MAX_INDENTED_DEPTH ? 'on' : 'off'}>
            {previewReplies.map((id) => (
              <CommentItem key={id} articleSlug={articleSlug} thread={thread} commentId={id} depth={depth + 1} />
            ))}
            {comment.replyCount > previewReplies.length && (
              <MoreReplies
                articleSlug={articleSlug}
                parentId={comment.id}
                afterId={previewReplies.at(-1) ?? null}
                remaining={comment.replyCount - previewReplies.length}
                depth={depth + 1}
              />
            )}
          </ol>
        )
      )}
    </li>
  );
});
