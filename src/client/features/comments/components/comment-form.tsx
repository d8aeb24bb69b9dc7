import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { commentProblems, normaliseComment, type CommentField, type RuleProblem } from '../../../../shared/comment-rules';
import { ApiError } from '../../../api/http-client';
import { countGraphemes } from '../../../../shared/count-graphemes';
import { messageFor } from '../../../../shared/coded-messages';
import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';
import { useIsSendingFrom, usePostComment } from '../api/post-comment';
import { draftKey, readDraft } from '../lib/draft-store';
import { rememberIdentity } from '../lib/remembered-identity';
import { sendKeyFor } from '../lib/send-keys';
import { useCommentDraft } from '../lib/use-comment-draft';
import { CancelConfirmation } from './cancel-confirmation';
import { CharacterCounter } from './character-counter';
import { FormField } from './form-field';
import { SendFailure } from './send-failure';

/** After this long without an answer the form says the server is slow (the send goes on). */
export const SLOW_SEND_NOTICE_MS = 3_000;

const FIELD_ORDER: readonly CommentField[] = ['author', 'email', 'body'];

/**
 * A field's error: a rule's problem, said in the interface's language when shown (so that it
 * follows a change of language), or the words of the server when only the server found it.
 */
type FieldErrors = Partial<Record<CommentField, RuleProblem | string>>;

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
 * A comment or reply form. Its values live here (and in its saved draft) and nowhere else, so
 * typing re-renders this form only, never the thread around it.
 */
export function CommentForm({ articleSlug, parentId, label, labelledBy, focusOnMount, onCancel }: CommentFormProps) {
  const t = useDeferredCatalogue();
  const id = useId();
  const key = draftKey(articleSlug, parentId);
  const draft = useCommentDraft(key);
  const { values } = draft;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sent, setSent] = useState(false);
  const [slow, setSlow] = useState(false);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const inFlight = useRef(false);
  // Where the last attempt went: "Réessayer" after posting a reply on the article goes there too.
  const lastTarget = useRef(parentId);
  const postComment = usePostComment(articleSlug, key);
  // A send from this draft by a form closed since is still on its way: this one waits for it.
  const sendingElsewhere = useIsSendingFrom(key) && !postComment.isPending;
  const sending = postComment.isPending || sendingElsewhere;

  useEffect(() => {
    if (!sending) return;
    const timer = setTimeout(() => setSlow(true), SLOW_SEND_NOTICE_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [sending]);

  // When the send made by a closed form ends: if it cleared the draft, the comment is stored.
  const { discard } = draft;
  useEffect(() => {
    if (!sendingElsewhere) return;
    return () => {
      const read = readDraft(key);
      if (read.ok && read.draft === null) {
        discard();
        setSent(true);
      }
    };
  }, [sendingElsewhere, key, discard]);

  function focusField(field: CommentField | undefined) {
    const control = field ? form.current?.elements.namedItem(field) : null;
    if (control instanceof HTMLElement) control.focus();
  }

  function update(field: CommentField, value: string) {
    draft.setField(field, value);
    // An error already shown is re-checked as the reader corrects it, so it goes away when fixed.
    if (errors[field]) {
      setErrors((previous) => ({ ...previous, [field]: commentProblems({ ...values, [field]: value })[field] }));
    }
  }

  function send(target: string | null = parentId) {
    // A ref, not isPending: two clicks within one frame both see the state of the last render.
    if (inFlight.current || sendingElsewhere) return;
    lastTarget.current = target;
    const found = commentProblems(values);
    setErrors(found);
    setSent(false);
    if (Object.keys(found).length > 0) {
      focusField(FIELD_ORDER.find((field) => found[field]));
      return;
    }
    const sentBody = values.body;
    const comment = { ...normaliseComment(values), parentId: target };
    inFlight.current = true;
    postComment.mutate(
      // The same comment keeps its key across retries and reloads; another text gets a new one.
      { comment, idempotencyKey: sendKeyFor(key, comment), draftKey: key },
      {
        onSuccess: () => {
          rememberIdentity({ author: comment.author, email: comment.email });
          draft.markSent(sentBody);
          setSent(true);
        },
        onSettled: () => {
          inFlight.current = false;
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'validation') {
            // The rules are the same on both sides: where ours agree, they say it in the reader's language.
            const ours = commentProblems(values);
            const found: FieldErrors = {};
            for (const field of FIELD_ORDER) {
              const theirs = error.fields[field];
              if (theirs !== undefined) found[field] = ours[field] ?? theirs;
            }
            setErrors(found);
            focusField(FIELD_ORDER.find((field) => found[field]));
          }
        },
      },
    );
  }

  function requestCancel() {
    if (!onCancel) return;
    if (values.body.trim() === '') onCancel();
    else setConfirmingCancel(true);
  }

  function keepWriting() {
    setConfirmingCancel(false);
    focusField('body');
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    send();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !onCancel) return;
    event.preventDefault();
    if (confirmingCancel) keepWriting();
    else requestCancel();
  }

  const failure = postComment.error;
  const showFailure = failure !== null && !(failure instanceof ApiError && failure.code === 'validation');
  const counterId = `${id}-counter`;
  const draftNoteId = `${id}-draft`;
  const errorText = (field: CommentField) => {
    const error = errors[field];
    return typeof error === 'object' ? messageFor(t.rules, error) : error;
  };

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
        {sent ? t.form.thanks : ''}
      </p>
      {draft.storageProblem && (
        <p className="comment-form__note">{t.form.noDrafts}</p>
      )}
      {draft.otherTabDraft && (
        <div className="comment-form__note" role="status">
          <p>{t.form.otherTab}</p>
          <div className="comment-form__actions">
            <button type="button" className="button" onClick={draft.takeOtherTabDraft}>
              {t.form.takeOtherTab}
            </button>
            <button type="button" className="button" onClick={draft.ignoreOtherTabDraft}>
              {t.form.keepThisText}
            </button>
          </div>
        </div>
      )}
      {showFailure && (
        <SendFailure error={failure} isReply={parentId !== null} onRetry={() => send(lastTarget.current)} onPostOnArticle={() => send(null)} />
      )}
      <div className="comment-form__identity">
        <FormField id={`${id}-author`} label={t.form.author} error={errorText('author')}>
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
        <FormField id={`${id}-email`} label={t.form.email} error={errorText('email')}>
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
        label={t.form.body}
        error={errorText('body')}
        extraDescriptions={draft.restored ? `${counterId} ${draftNoteId}` : counterId}
        after={
          <>
            <CharacterCounter id={counterId} count={countGraphemes(values.body)} />
            {draft.restored && (
              <p id={draftNoteId} className="comment-form__draft-note">
                {t.form.draftRestored}
              </p>
            )}
          </>
        }
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
      {slow && (
        <p className="comment-form__note">{t.form.slow}</p>
      )}
      {confirmingCancel ? (
        <CancelConfirmation
          onKeepWriting={keepWriting}
          onCloseKeepingDraft={() => onCancel?.()}
          onDiscard={() => {
            draft.discard();
            onCancel?.();
          }}
        />
      ) : (
        <div className="comment-form__actions">
          <button type="submit" className="button button--primary" aria-disabled={sending || undefined}>
            {sending ? t.form.sending : t.form.send}
          </button>
          {onCancel && (
            <button type="button" className="button" onClick={requestCancel}>
              {t.form.cancel}
            </button>
          )}
        </div>
      )}
    </form>
  );
}
