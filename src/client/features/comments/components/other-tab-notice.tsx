import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';
import { ChoiceNotice } from './choice-notice';

interface OtherTabNoticeProps {
  onTakeOtherTab: () => void;
  onKeepThisText: () => void;
}

/**
 * Another tab saved this draft with another text. Its text is never applied silently: the
 * reader chooses, and the notice waits politely (a status) until they do.
 */
export function OtherTabNotice({ onTakeOtherTab, onKeepThisText }: OtherTabNoticeProps) {
  const t = useDeferredCatalogue();
  const choices = [
    { label: t.form.takeOtherTab, onChoose: onTakeOtherTab },
    { label: t.form.keepThisText, onChoose: onKeepThisText },
  ];
  return <ChoiceNotice role="status" className="comment-form__note" message={t.form.otherTab} choices={choices} />;
}
