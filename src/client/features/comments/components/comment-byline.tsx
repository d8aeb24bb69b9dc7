import type { PublishedComment } from '../../../../shared/contract';
import { useCatalogue } from '../../../lib/i18n/language';

/** "Booboo a écrit le 27/11/2015 à 11:25 :" or "Réponse de Patriote le …": the comment's label. */
export function CommentByline({ id, comment }: { id: string; comment: PublishedComment & { editedAt?: string | null } }) {
  const t = useCatalogue();
  const byline = comment.parentId ? t.comments.replyByline : t.comments.byline;
  return (
    <p className="comment__meta" id={id}>
      {byline.before}
      <strong className="comment__author" lang="fr">
        {comment.author}
      </strong>
      {byline.between}
      <time dateTime={comment.createdAt}>{t.dateTime(comment.createdAt)}</time>
      {comment.editedAt && (
        <>
          {' ('}
          <time className="comment__edited" dateTime={comment.editedAt}>
            {t.comments.edited(comment.editedAt)}
          </time>
          {')'}
        </>
      )}
      {byline.after}
    </p>
  );
}
