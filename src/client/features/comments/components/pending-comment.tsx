import { useId } from 'react';
import type { PublishedComment } from '../../../../shared/contract';
import { useCatalogue } from '../../../lib/i18n/language';
import { CommentBody } from './comment-body';
import { CommentByline } from './comment-byline';
import { OwnCommentSlot } from './own-comment-slot';
import { commentAnchor } from '../../../../shared/page-address';

/** The reader's own comment awaiting moderation, shown to them alone, where it will appear. */
export function PendingComment({ comment }: { comment: PublishedComment }) {
  const t = useCatalogue();
  const labelId = useId();
  return (
    <li className="comment comment--pending" id={commentAnchor(comment.id)}>
      <article className="comment__card" aria-labelledby={labelId} aria-describedby={`${labelId}-state`}>
        <CommentByline id={labelId} comment={comment} />
        <p className="comment__pending-badge" id={`${labelId}-state`}>
          {t.comments.pending}
        </p>
        <CommentBody text={comment.body} />
        <OwnCommentSlot articleSlug={comment.articleSlug} comment={comment} />
      </article>
    </li>
  );
}
