import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';

interface FormActionsProps {
  sending: boolean;
  /** The send waits for the connection: not "sending", which would not be true. */
  waiting?: boolean;
  /** Given, the form can be closed: "Annuler". */
  onCancel?: () => void;
}

/** The comment form's buttons: "Envoyer", and "Annuler" for a form that can be closed. */
export function FormActions({ sending, waiting = false, onCancel }: FormActionsProps) {
  const t = useDeferredCatalogue();
  return (
    <div className="comment-form__actions">
      {/* aria-disabled, not disabled: the button keeps its focus during the send, and the send ignores a click. */}
      <button type="submit" className="button button--primary" aria-disabled={sending || undefined}>
        {waiting ? t.form.waiting
        : sending ? t.form.sending
        : t.form.send}
      </button>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          {t.form.cancel}
        </button>
      )}
    </div>
  );
}
