import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { reportDetailsProblem, type RuleProblem } from '../../../../shared/comment-rules';
import { REPORT_DETAILS_MAX_GRAPHEMES, REPORT_REASONS, type ReportReason } from '../../../../shared/contract';
import { ApiError } from '../../../api/http-client';
import { countGraphemes } from '../../../../shared/count-graphemes';
import { messageFor } from '../../../../shared/coded-messages';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';
import { useCatalogue } from '../../../lib/i18n/language';
import { reportComment } from '../api/reactions';
import { markReported, readerToken } from '../lib/reader-marks';
import { CharacterCounter } from './character-counter';

interface ReportDialogProps {
  articleSlug: string;
  commentId: string;
  author: string;
  onClose: () => void;
}

/**
 * "Signaler": a small non-modal dialog under the comment, so the reader keeps the text they
 * report in view. One report per reader and comment; the thanks replace the form.
 */
export function ReportDialog({ articleSlug, commentId, author, onClose }: ReportDialogProps) {
  const t = useCatalogue();
  const words = useDeferredCatalogue();
  const id = useId();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [details, setDetails] = useState('');
  // A rule's problem is worded when shown; other problems come worded.
  const [problem, setProblem] = useState<RuleProblem | string | null>(null);
  const [done, setDone] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, []);

  const report = useMutation({
    mutationFn: (chosen: ReportReason) =>
      // Words typed under "autre" go with "autre" only.
      reportComment(articleSlug, commentId, {
        reason: chosen,
        details: chosen === 'other' ? details.trim() : '',
        clientToken: readerToken(),
      }),
    onSuccess: () => succeed(),
    onError: (error) => {
      // Already reported from this browser (another tab): that is what the reader wanted.
      if (error instanceof ApiError && error.status === 409) succeed();
      else setProblem((error instanceof ApiError ? error.fields.details : undefined) ?? errorMessage(t, error, words.report.failed));
    },
  });

  function succeed() {
    // The comment's "Signaler" becomes "Signalé" (it follows what this browser remembers).
    markReported(commentId);
    setDone(true);
    // "Envoyer le signalement" goes away with the form: the focus stays in the dialog.
    requestAnimationFrame(() => closeButton.current?.focus());
  }

  function send() {
    if (report.isPending) return;
    if (!reason) return setProblem(words.report.chooseReason);
    const detailsProblem = reportDetailsProblem(reason, reason === 'other' ? details : '');
    if (detailsProblem) return setProblem(detailsProblem);
    setProblem(null);
    report.mutate(reason);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  }

  const detailsCount = countGraphemes(details);
  return (
    <div ref={dialog} role="dialog" aria-labelledby={`${id}-title`} className="report-dialog" onKeyDown={onKeyDown}>
      <h3 id={`${id}-title`} className="report-dialog__title">
        {words.report.title(author)}
      </h3>
      <p role="status" className="report-dialog__status">
        {done ? words.report.thanks : ''}
      </p>
      {!done && (
        <>
          <fieldset>
            <legend>{words.report.question}</legend>
            {REPORT_REASONS.map((option) => (
              <label key={option} className="report-dialog__reason">
                <input
                  type="radio"
                  name={`${id}-reason`}
                  value={option}
                  checked={reason === option}
                  onChange={() => setReason(option)}
                />{' '}
                {words.reportReasons[option]}
              </label>
            ))}
          </fieldset>
          {reason === 'other' && (
            <div className="form-field">
              <label htmlFor={`${id}-details`}>{words.report.details}</label>
              <textarea
                id={`${id}-details`}
                rows={3}
                value={details}
                onChange={(event) => setDetails(event.target.value)}
                aria-describedby={`${id}-counter`}
              />
              <CharacterCounter id={`${id}-counter`} count={detailsCount} max={REPORT_DETAILS_MAX_GRAPHEMES} />
            </div>
          )}
          {problem && (
            <p role="alert" className="form-field__error">
              {typeof problem === 'object' ? messageFor(words.rules, problem) : problem}
            </p>
          )}
        </>
      )}
      <div className="comment-form__actions">
        {!done && (
          <button type="button" className="button button--primary" aria-disabled={report.isPending || undefined} onClick={send}>
            {words.report.send}
          </button>
        )}
        <button ref={closeButton} type="button" className="button" onClick={onClose}>
          {done ? words.report.close : words.report.cancel}
        </button>
      </div>
    </div>
  );
}
