import { commentAnchor } from '../../../../shared/page-address';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { PublishedComment } from '../../../../shared/contract';
import { queryKeys } from '../../../api/query-keys';
import { announce } from '../../../lib/announcer';
import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCatalogue } from '../../../lib/i18n/language';
import { deleteOwnComment } from '../api/change-own-comment';
import { authorTokenOf, forgetAuthorToken } from '../lib/author-tokens';
import { forgetOwnPending } from '../lib/own-pending';

/**
 * "Supprimer": a confirmation under the comment (a non-modal alert dialog, as "Signaler" opens
 * one), the focus on "Annuler" first, as deleting is for good.
 */
export function DeleteOwnComment({ articleSlug, comment, onClose }: { articleSlug: string; comment: PublishedComment; onClose: () => void }) {
  const t = useCatalogue();
  const words = useDeferredCatalogue();
  const id = useId();
  const queryClient = useQueryClient();
  const cancel = useRef<HTMLButtonElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    cancel.current?.focus();
  }, []);

  const remove = useMutation({
    mutationFn: () => deleteOwnComment(articleSlug, comment.id, authorTokenOf(comment.id) ?? ''),
    onSuccess: async () => {
      // Where the focus goes if nothing stays in the comment's place: the next comment, the one
      // before, else the one it answered.
      const item = document.getElementById(commentAnchor(comment.id));
      const nearby = [item?.nextElementSibling, item?.previousElementSibling, item?.parentElement?.closest('.comment')]
        .map((element) => element?.id ?? '')
        .filter((elementId) => elementId.startsWith(commentAnchor('')));
      forgetOwnPending([comment.id]);
      // The controls go with the token: the focus goes to the comment's placeholder, if one stays.
      forgetAuthorToken(comment.id);
      announce(words.ownComment.deleted);
      await queryClient.invalidateQueries({ queryKey: queryKeys.comments.ofArticle(articleSlug) });
      for (const target of [commentAnchor(comment.id), ...nearby]) {
        document.getElementById(target)?.querySelector('article')?.focus();
        if (document.activeElement?.closest('.comment')) break;
      }
    },
    onError: (error) => setProblem(errorMessage(t, error, words.ownComment.deleteFailed)),
  });

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  }

  return (
    <div role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} className="report-dialog" onKeyDown={onKeyDown}>
      <h3 id={`${id}-title`} className="report-dialog__title">
        {words.ownComment.deleteTitle}
      </h3>
      <p id={`${id}-text`}>{words.ownComment.deleteExplained}</p>
      {problem && (
        <p role="alert" className="form-field__error">
          {problem}
        </p>
      )}
      <div className="comment-form__actions">
        <button
          type="button"
          className="button button--primary"
          aria-disabled={remove.isPending || undefined}
          onClick={() => {
            if (!remove.isPending) remove.mutate();
          }}
        >
          {remove.isPending ? words.ownComment.deleting : words.ownComment.confirmDelete}
        </button>
        <button ref={cancel} type="button" className="button" onClick={onClose}>
          {words.ownComment.cancel}
        </button>
      </div>
    </div>
  );
}
