import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';
import { ChoiceNotice } from './choice-notice';

interface CancelConfirmationProps {
  onKeepWriting: () => void;
  onCloseKeepingDraft: () => void;
  onDiscard: () => void;
}

/** Asked before a non-empty form closes: nothing typed goes away without a clear choice. */
export function CancelConfirmation({ onKeepWriting, onCloseKeepingDraft, onDiscard }: CancelConfirmationProps) {
  const t = useDeferredCatalogue();
  const choices = [
    { label: t.form.keepWriting, onChoose: onKeepWriting, autoFocus: true },
    { label: t.form.closeKeepingDraft, onChoose: onCloseKeepingDraft },
    { label: t.form.discard, onChoose: onDiscard, destructive: true },
  ];
  return <ChoiceNotice role="alert" className="comment-form__confirm" message={t.form.closeQuestion} choices={choices} />;
}
