// The chunk the author's "Modifier" and "Supprimer" load (own-comment-controls.tsx).
import type { PublishedComment } from '../../../../shared/contract';
import { DeleteOwnComment } from './delete-own-comment';
import { EditOwnComment } from './edit-own-comment';
import type { OwnChange } from './own-comment-controls';

interface OwnCommentChangeProps {
  change: OwnChange;
  articleSlug: string;
  comment: PublishedComment;
  onClose: (closed: OwnChange) => void;
}

export function OwnCommentChange({ change, articleSlug, comment, onClose }: OwnCommentChangeProps) {
  return change === 'edit' ? (
    <EditOwnComment articleSlug={articleSlug} comment={comment} onClose={() => onClose('edit')} />
  ) : (
    <DeleteOwnComment articleSlug={articleSlug} comment={comment} onClose={() => onClose('delete')} />
  );
}
