import { useId } from 'react';
import type { PublishedComment } from '../../../api/contract';
import { formatParisDateTime } from '../../../lib/format-paris-date';
import { CommentBody } from './comment-body';

/** The reader's own comment awaiting moderation, shown to them alone, where it will appear. */
export function PendingComment({ comment }: { comment: PublishedComment }) {
  const labelId = useId();
  return (
    <li className="comment comment--pending" id={`commentaire-${comment.id}`}>
      <article className="comment__card" aria-labelledby={labelId} aria-describedby={`${labelId}-state`}>
        <p className="comment__meta" id={labelId}>
          {comment.parentId ? 'Réponse de ' : ''}
          <strong className="comment__author">{comment.author}</strong>
          {comment.parentId ? ' le ' : ' a écrit le '}
          <time dateTime={comment.createdAt}>{formatParisDateTime(comment.createdAt)}</time> :
        </p>
        <p className="comment__pending-badge" id={`${labelId}-state`}>
          En attente de validation
        </p>
        <CommentBody text={comment.body} />
      </article>
    </li>
  );
}
