import type { ModerationComment, ModerationDecision } from '../../../api/contract';
import { formatParisDateTime } from '../../../lib/format-paris-date';
import { Link } from '../../../lib/router';

interface ModerationItemProps {
  comment: ModerationComment;
  busy: boolean;
  onDecide: (comment: ModerationComment, decision: ModerationDecision) => void;
}

/** A pending comment in its context (article, comment answered) and the two decisions. */
export function ModerationItem({ comment, busy, onDecide }: ModerationItemProps) {
  const labelId = `moderation-${comment.id}`;
  return (
    <li className="moderation-item">
      <article aria-labelledby={labelId}>
        <p className="moderation-item__context">
          Sur <Link href={`/articles/${comment.articleSlug}`}>{comment.articleTitle}</Link>
        </p>
        {comment.parent && (
          <blockquote className="moderation-item__parent">
            <p>
              En réponse à <strong>{comment.parent.author}</strong> :
            </p>
            <p className="moderation-item__parent-text">{comment.parent.body}</p>
          </blockquote>
        )}
        <p className="comment__meta" id={labelId}>
          <strong className="comment__author">{comment.author}</strong> a écrit le{' '}
          <time dateTime={comment.createdAt}>{formatParisDateTime(comment.createdAt)}</time> :
        </p>
        <div className="comment__body" lang="fr">
          {comment.body}
        </div>
        <div className="moderation-item__actions">
          <button
            type="button"
            className="button button--primary"
            aria-disabled={busy || undefined}
            onClick={() => busy || onDecide(comment, 'approve')}
          >
            Approuver
          </button>
          <button
            type="button"
            className="button button--danger"
            aria-disabled={busy || undefined}
            onClick={() => busy || onDecide(comment, 'reject')}
          >
            Rejeter
          </button>
        </div>
      </article>
    </li>
  );
}
