import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';

interface CancelConfirmationProps {
  onKeepWriting: () => void;
  onCloseKeepingDraft: () => void;
  onDiscard: () => void;
}

/** Asked before a non-empty form closes: nothing typed goes away without a clear choice. */
export function CancelConfirmation({ onKeepWriting, onCloseKeepingDraft, onDiscard }: CancelConfirmationProps) {
  const t = useDeferredCatalogue();
  return (
    <div role="alert" className="comment-form__confirm">
      <p>{t.form.closeQuestion}</p>
      <div className="comment-form__actions">
        <button type="button" className="button" onClick={onKeepWriting} autoFocus>
          {t.form.keepWriting}
        </button>
        <button type="button" className="button" onClick={onCloseKeepingDraft}>
          {t.form.closeKeepingDraft}
        </button>
        <button type="button" className="button button--danger" onClick={onDiscard}>
          {t.form.discard}
        </button>
      </div>
    </div>
  );
}
