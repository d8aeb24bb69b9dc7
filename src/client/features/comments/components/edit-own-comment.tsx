import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { commentBodyProblem, type RuleProblem } from '../../../../shared/comment-rules';
import { messageFor } from '../../../../shared/coded-messages';
import type { PublishedComment } from '../../../../shared/contract';
import { countGraphemes } from '../../../../shared/count-graphemes';
import { ApiError } from '../../../api/http-client';
import { queryKeys } from '../../../api/query-keys';
import { announce } from '../../../lib/announcer';
import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCatalogue } from '../../../lib/i18n/language';
import { editOwnComment } from '../api/change-own-comment';
import { authorTokenOf } from '../lib/author-tokens';
import { addOwnPending, forgetOwnPending } from '../lib/own-pending';
import { CharacterCounter } from './character-counter';
import { TextField } from './text-field';

// Refused on the text itself: the rules (400 `validation`) or a banned word (422 `banned_words`).
const FIELD_CODES: readonly string[] = ['validation', 'banned_words'];

/**
 * "Modifier": the comment's text in the comment form's field and counter, checked by the rules
 * of posting; the pseudo and the email stay as they were.
 */
export function EditOwnComment({ articleSlug, comment, onClose }: { articleSlug: string; comment: PublishedComment; onClose: () => void }) {
  const t = useCatalogue();
  const words = useDeferredCatalogue();
  const id = useId();
  const queryClient = useQueryClient();
  const [body, setBody] = useState(comment.body);
  // On the text (a rule, a banned word), or the whole change refused (too late, not theirs, offline).
  const [problem, setProblem] = useState<RuleProblem | string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (text: string) => editOwnComment(articleSlug, comment.id, authorTokenOf(comment.id) ?? '', text),
    onSuccess: async (edited) => {
      const { status, editedAt: _editedAt, ...published } = edited;
      // Still (or again, the server sending edits back to moderation) awaiting approval: shown to its author only.
      forgetOwnPending([comment.id]);
      if (status === 'pending') addOwnPending(published);
      await queryClient.invalidateQueries({ queryKey: queryKeys.comments.ofArticle(articleSlug) });
      announce(words.ownComment.saved);
      onClose();
    },
    onError: (error) => {
      const onText = error instanceof ApiError && FIELD_CODES.includes(error.code) ? error.fields.body : undefined;
      if (onText === undefined) setFailure(errorMessage(t, error, words.ownComment.editFailed));
      else setProblem(error instanceof ApiError && error.code === 'banned_words' ? words.form.bannedWords : onText);
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const found = commentBodyProblem(body);
    setProblem(found ?? null);
    setFailure(null);
    if (!found) save.mutate(body.normalize('NFC').trim());
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  }

  const shown = problem === null ? undefined : typeof problem === 'string' ? problem : messageFor(words.rules, problem);
  return (
    <form className="comment-form" aria-label={words.ownComment.editLabel} noValidate onSubmit={onSubmit} onKeyDown={onKeyDown}>
      {failure && (
        <p role="alert" className="comment-form__failure">
          {failure}
        </p>
      )}
      <TextField
        id={`${id}-body`}
        name="body"
        label={words.form.body}
        rows={4}
        autoFocus
        value={body}
        error={shown}
        onValueChange={(value) => {
          setBody(value);
          if (problem !== null) setProblem(commentBodyProblem(value) ?? null);
        }}
        describedBy={`${id}-counter`}
      >
        <CharacterCounter id={`${id}-counter`} count={countGraphemes(body)} />
      </TextField>
      <div className="comment-form__actions">
        <button type="submit" className="button button--primary" aria-disabled={save.isPending || undefined}>
          {save.isPending ? words.ownComment.saving : words.ownComment.save}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {words.ownComment.cancel}
        </button>
      </div>
    </form>
  );
}
