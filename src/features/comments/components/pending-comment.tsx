import { useId } from 'react';
import type { PublishedComment } from '../../../api/contract';
import { useCatalogue } from '../../../lib/i18n/language';
import { CommentBody } from './comment-body';

/** The reader's own comment awaiting moderation, shown to them alone, where it will appear. */
export function PendingComment({ comment }: { comment: PublishedComment }) {
  const t = useCatalogue();
  const labelId = useId();
  const byline = comment.parentId ? t.comments.replyByline : t.comments.byline;
  return (
    <li className="comment comment--pending" id={`commentaire-${comment.id}`}>
      <article className="comment__card" aria-labelledby={labelId} aria-describedby={`${labelId}-state`}>
        <p className="comment__meta" id={labelId}>
          {byline.before}
          <strong className="comment__author" lang="fr">
            {comment.author}
          </strong>
          {byline.between}
          <time dateTime={comment.createdAt}>{t.dateTime(comment.createdAt)}</time>
          {byline.after}
        </p>
        <p className="comment__pending-badge" id={`${labelId}-state`}>
          {t.comments.pending}
        </p>
        <CommentBody text={comment.body} />
      </article>
    </li>
  );
}
