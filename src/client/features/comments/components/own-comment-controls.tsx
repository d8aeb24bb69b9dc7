// The chunk own-comment-slot.tsx loads once the page shows a comment this browser wrote.
import { useCallback, useRef, useState } from 'react';
import type { PublishedComment } from '../../../../shared/contract';
import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';
import { OwnCommentChange } from './own-comment-change';

export type OwnChange = 'edit' | 'delete';

/**
 * "Modifier" and "Supprimer", under a comment this browser wrote (it holds the comment's token),
 * and the form or the confirmation they open.
 */
export function OwnCommentControls({ articleSlug, comment }: { articleSlug: string; comment: PublishedComment }) {
  const t = useDeferredCatalogue().ownComment;
  const [change, setChange] = useState<OwnChange | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const close = useCallback((closed: OwnChange) => {
    setChange(null);
    (closed === 'edit' ? editButton : deleteButton).current?.focus();
  }, []);
  return (
    <>
      <p className="comment__actions">
        <button
          ref={editButton}
          type="button"
          className="button button--link"
          aria-label={t.editLabel}
          aria-expanded={change === 'edit'}
          onClick={() => setChange('edit')}
        >
          {t.edit}
        </button>
        <button
          ref={deleteButton}
          type="button"
          className="button button--link"
          aria-label={t.deleteLabel}
          aria-haspopup="dialog"
          aria-expanded={change === 'delete'}
          onClick={() => setChange('delete')}
        >
          {t.delete}
        </button>
      </p>
      {change && <OwnCommentChange change={change} articleSlug={articleSlug} comment={comment} onClose={close} />}
    </>
  );
}
