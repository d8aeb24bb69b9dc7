import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  normaliseComment,
  validateComment,
  type CommentDraft,
  type CommentField,
  type CommentFieldErrors,
} from '../../../api/comment-rules';
import { ApiError } from '../../../api/http-client';
import { countGraphemes } from '../../../lib/count-graphemes';
import { randomId } from '../../../lib/random-id';
import { usePostComment } from '../api/post-comment';
import { loadIdentity, rememberIdentity } from '../lib/remembered-identity';
import { CharacterCounter } from './character-counter';
import { FormField } from './form-field';

export const THANK_YOU_MESSAGE =
  'Merci pour votre commentaire. Il sera visible prochainement sous réserve de validation.';

const FIELD_ORDER: readonly CommentField[] = ['author', 'email', 'body'];

interface CommentFormProps {
  articleSlug: string;
  /** The comment answered, or null for a comment on the article. */
  parentId: string | null;
  /** The form's accessible name ("Répondre à Booboo"); or name it by a heading with labelledBy. */
  label?: string;
  labelledBy?: string;
  focusOnMount?: boolean;
  /** Shown as "Annuler" and bound to Escape when given. */
  onCancel?: () => void;
}

/**
 * A comment or reply form. Its values live here and nowhere else, so typing re-renders this
 * form only, never the thread around it.
 */
export function CommentForm({ articleSlug, parentId, label, labelledBy, focusOnMount, onCancel }: CommentFormProps) {
  const id = useId();
  const [values, setValues] = useState<CommentDraft>(() => ({ ...loadIdentity(), body: '' }));
  const [errors, setErrors] = useState<CommentFieldErrors>({});
  const [sent, setSent] = useState(false);
  // One key per comment, kept across retries, renewed only once the server has the comment.
  const idempotencyKey = useRef<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const inFlight = useRef(false);
  const postComment = usePostComment(articleSlug);

  function focusFirstInvalid(found: CommentFieldErrors) {
    const first = FIELD_ORDER.find((field) => found[field]);
    const control = first ? form.current?.elements.namedItem(first) : null;
    if (control instanceof HTMLElement) control.focus();
  }

  function update(field: CommentField, value: string) {
    setValues((previous) => ({ ...previous, [field]: value }));
    // An error already shown is re-checked as the reader corrects it, so it goes away when fixed.
    if (errors[field]) {
      setErrors((previous) => ({ ...previous, [field]: validateComment({ ...values, [field]: value })[field] }));
    }
  }

  function send() {
    // A ref, not isPending: two clicks within one frame both see the state of the last render.
    if (inFlight.current) return;
    const found = validateComment(values);
    setErrors(found);
    setSent(false);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(found);
      return;
    }
    idempotencyKey.current ??= randomId();
    const comment = { ...normaliseComment(values), parentId };
    inFlight.current = true;
    postComment.mutate(
      { comment, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: () => {
          idempotencyKey.current = null;
          rememberIdentity({ author: comment.author, email: comment.email });
          setValues((previous) => ({ ...previous, body: '' }));
          setSent(true);
        },
        onSettled: () => {
          inFlight.current = false;
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'validation') {
            setErrors(error.fields);
            focusFirstInvalid(error.fields);
          }
        },
      },
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    send();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  }

  const failure = postComment.error;
  const showFailure = failure !== null && !(failure instanceof ApiError && failure.code === 'validation');
  const counterId = `${id}-counter`;

  return (
    <form
      ref={form}
      className="comment-form"
      aria-label={label}
      aria-labelledby={labelledBy}
      noValidate
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
    >
      <p role="status" className="comment-form__status">
        {sent ? THANK_YOU_MESSAGE : ''}
      </p>
      {showFailure && (
        <div role="alert" className="comment-form__alert">
          <p>
            {failure instanceof ApiError ? failure.message : 'L’envoi a échoué.'} Votre texte est conservé.
          </p>
          <button type="button" onClick={send}>
            Réessayer
          </button>
        </div>
      )}
      <div className="comment-form__identity">
        <FormField id={`${id}-author`} label="Pseudo" error={errors.author}>
          {(describedBy) => (
            <input
              id={`${id}-author`}
              name="author"
              autoComplete="nickname"
              value={values.author}
              onChange={(event) => update('author', event.target.value)}
              aria-invalid={errors.author ? true : undefined}
              aria-describedby={describedBy}
            />
          )}
        </FormField>
        <FormField id={`${id}-email`} label="Email" error={errors.email}>
          {(describedBy) => (
            <input
              id={`${id}-email`}
              name="email"
              type="email"
              autoComplete="email"
              value={values.email}
              onChange={(event) => update('email', event.target.value)}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={describedBy}
            />
          )}
        </FormField>
      </div>
      <FormField
        id={`${id}-body`}
        label="Commentaire"
        error={errors.body}
        extraDescriptions={counterId}
        after={<CharacterCounter id={counterId} count={countGraphemes(values.body)} />}
      >
        {(describedBy) => (
          <textarea
            id={`${id}-body`}
            name="body"
            rows={parentId ? 4 : 6}
            // A reply form opens because the reader asked for it: their next keystroke goes there.
            autoFocus={focusOnMount}
            value={values.body}
            onChange={(event) => update('body', event.target.value)}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={describedBy}
          />
        )}
      </FormField>
      <div className="comment-form__actions">
        <button type="submit" className="button button--primary" aria-disabled={postComment.isPending || undefined}>
          {postComment.isPending ? 'Envoi en cours…' : 'Envoyer'}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Annuler
          </button>
        )}
      </div>
    </form>
  );
}
