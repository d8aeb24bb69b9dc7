import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { COMMENT_FIELDS, commentProblems, type CommentDraft, type CommentField } from '../../../../shared/comment-rules';
import { countGraphemes } from '../../../../shared/count-graphemes';
import { messageFor } from '../../../../shared/coded-messages';
import { FORM_POST_PATH } from '../../../../shared/server-page';
import { useHydrated } from '../../../lib/hydration';
import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';
import { useSearch } from '../../../lib/router';
import { useRefusedForm } from '../lib/refused-form';
import { draftKey } from '../lib/form-storage-keys';
import { firstInvalidField, type FieldErrors } from '../lib/field-errors';
import { useCommentDraft } from '../lib/use-comment-draft';
import { useSendComment } from '../lib/use-send-comment';
import { CancelConfirmation } from './cancel-confirmation';
import { CharacterCounter } from './character-counter';
import { FormActions } from './form-actions';
import { OtherTabNotice } from './other-tab-notice';
import { SendFailure } from './send-failure';
import { TextField } from './text-field';
import { FORM_ADDRESS_FIELD, PAGE_PARAMS, shownPart } from '../../../../shared/page-address';

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
  // Posted without JavaScript and refused, this form comes back from the server as it was sent.
  const refused = useRefusedForm(parentId);
  const draft = useCommentDraft(key, refused?.values);
  const { values } = draft;
  const [errors, setErrors] = useState<FieldErrors>(() => {
    const { form: _whole, ...fields } = refused?.errors ?? {};
    return fields;
  });
  const [refusedWhole, setRefusedWhole] = useState(refused?.errors.form);
  // The article's form, back from a post without JavaScript (src/server/form-posts.ts).
  const search = useSearch();
  const sentWithoutScript = new URLSearchParams(search).get(PAGE_PARAMS.sent) !== null && parentId === null;
  const pageShown = shownPart(search).toString();
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  // The values of the form's first render: while hydrating, the ones the server rendered.
  const [firstValues] = useState(values);
  const { keepTypedBeforeHydration } = draft;
  // Hydrated from the server's HTML, maybe well after it arrived (LazyCommentForm): what the
  // reader typed into it meanwhile is in the fields, not in the values rendered; it is kept.
  useLayoutEffect(() => {
    if (hydrated || !form.current) return;
    const typed: Partial<CommentDraft> = {};
    for (const field of COMMENT_FIELDS) {
      const control = form.current.elements.namedItem(field);
      if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
        if (control.value !== firstValues[field]) typed[field] = control.value;
      }
    }
    keepTypedBeforeHydration(typed);
  }, [hydrated, firstValues, keepTypedBeforeHydration]);

  function focusField(field: CommentField | undefined) {
    const control = field ? form.current?.elements.namedItem(field) : null;
    if (control instanceof HTMLElement) control.focus();
  }

  function showFieldErrors(found: FieldErrors) {
    setErrors(found);
    focusField(firstInvalidField(found));
  }

  const sender = useSendComment({ articleSlug, parentId, draftKey: key, draft, onFieldErrors: showFieldErrors });

  function update(field: CommentField, value: string) {
    draft.setField(field, value);
    // An error already shown is re-checked as the reader corrects it, so it goes away when fixed.
    if (errors[field]) {
      setErrors((previous) => ({ ...previous, [field]: commentProblems({ ...values, [field]: value })[field] }));
    }
  }

  /** What ties a text field to its value and its error; each field adds its label and kind. */
  function fieldProps(field: CommentField) {
    const error = errors[field];
    return {
      id: `${id}-${field}`,
      name: field,
      value: values[field],
      error:
        typeof error !== 'object' ? error
        : error.code === 'bannedWords' ? t.form.bannedWords
        : messageFor(t.rules, error),
      onValueChange: (value: string) => update(field, value),
    };
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
    setRefusedWhole(undefined);
    sender.send();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !onCancel) return;
    event.preventDefault();
    if (confirmingCancel) keepWriting();
    else requestCancel();
  }

  const counterId = `${id}-counter`;
  const draftNoteId = `${id}-draft`;

  return (
    <form
      ref={form}
      className="comment-form"
      aria-label={label}
      aria-labelledby={labelledBy}
      // Without JavaScript (or before it runs), the form posts to the server itself.
      method="post"
      action={`/articles/${encodeURIComponent(articleSlug)}/${FORM_POST_PATH}`}
      noValidate
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
    >
      {parentId !== null && <input type="hidden" name="parentId" value={parentId} />}
      {/* Without JavaScript, the server answers with the page the form was on (its pages, replies, thread). */}
      {pageShown && <input type="hidden" name={FORM_ADDRESS_FIELD} value={pageShown} />}
      <p role="status" className="comment-form__status">
        {sender.sent || sentWithoutScript ? t.form.thanks
        : sender.waiting ? t.form.offlineWaiting
        : ''}
      </p>
      {refusedWhole && (
        <p role="alert" className="comment-form__failure">
          {refusedWhole}
        </p>
      )}
      {draft.storageProblem && <p className="comment-form__note">{t.form.noDrafts}</p>}
      {draft.otherTabDraft && (
        <OtherTabNotice onTakeOtherTab={draft.takeOtherTabDraft} onKeepThisText={draft.ignoreOtherTabDraft} />
      )}
      {sender.failure && (
        <SendFailure
          error={sender.failure}
          isReply={parentId !== null}
          onRetry={sender.retry}
          onPostOnArticle={() => sender.send(null)}
        />
      )}
      <div className="comment-form__identity">
        <TextField {...fieldProps('author')} label={t.form.author} autoComplete="nickname" />
        <TextField {...fieldProps('email')} label={t.form.email} type="email" autoComplete="email" />
      </div>
      <TextField
        {...fieldProps('body')}
        label={t.form.body}
        rows={parentId ? 4 : 6}
        // A reply form opens because the reader asked for it: their next keystroke goes there.
        autoFocus={focusOnMount}
        describedBy={draft.restored ? `${counterId} ${draftNoteId}` : counterId}
      >
        <CharacterCounter id={counterId} count={countGraphemes(values.body)} />
        {draft.restored && (
          <p id={draftNoteId} className="comment-form__draft-note">
            {t.form.draftRestored}
          </p>
        )}
      </TextField>
      {sender.slow && <p className="comment-form__note">{t.form.slow}</p>}
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
        <FormActions sending={sender.sending} waiting={sender.waiting} onCancel={onCancel && requestCancel} />
      )}
    </form>
  );
}
