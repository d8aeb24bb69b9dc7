import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ModerationComment } from '../../../../shared/moderation-contract';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCatalogue } from '../../../lib/i18n/language';
import { useModerationCatalogue } from '../../../lib/i18n/moderation-catalogue';
import { useBanAuthor } from '../api/bans';
import { isSessionLost } from '../api/session';

/** The server's limit (BanRequestSchema): UTF-16 code units, as it counts them. */
const BAN_REASON_MAX = 500;

type ReasonProblem = 'missing' | 'tooLong' | null;

function reasonProblem(reason: string): ReasonProblem {
  const trimmed = reason.trim();
  if (trimmed === '') return 'missing';
  return trimmed.length > BAN_REASON_MAX ? 'tooLong' : null;
}

/** "Bannir l’auteur": a button that opens a small form asking why, then bans the comment's email. */
export function BanAuthor({ comment, onBanned }: { comment: ModerationComment; onBanned: () => void }) {
  const t = useCatalogue();
  const words = useModerationCatalogue();
  const id = useId();
  const ban = useBanAuthor();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ReasonProblem>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  function close() {
    setOpen(false);
    setProblem(null);
    ban.reset();
    opener.current?.focus();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (ban.isPending) return;
    const found = reasonProblem(reason);
    setProblem(found);
    if (found) {
      field.current?.focus();
      return;
    }
    ban.mutate(
      { commentId: comment.id, reason },
      {
        onSuccess: () => {
          setReason('');
          close();
          onBanned();
        },
      },
    );
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    // Inside the queue, single keys are shortcuts: Escape here only closes this form.
    event.preventDefault();
    event.stopPropagation();
    close();
  }

  const formId = `${id}-form`;
  const errorId = `${id}-error`;
  const message =
    problem === 'missing' ? words.ban.reasonMissing
    : problem === 'tooLong' ? words.ban.reasonTooLong(BAN_REASON_MAX)
    : null;

  return (
    <div className="ban-author">
      <button
        ref={opener}
        type="button"
        className="button button--danger"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        aria-label={words.ban.openLabel(comment.author)}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {words.ban.open}
      </button>
      {open && (
        <form id={formId} className="ban-author__form" aria-label={words.ban.form(comment.author)} noValidate onSubmit={onSubmit} onKeyDown={onKeyDown}>
          {ban.isError && !isSessionLost(ban.error) && (
            <p role="alert" className="moderation__error">
              {errorMessage(t, ban.error, words.ban.failed)}
            </p>
          )}
          <div className="form-field" data-invalid={message ? 'true' : undefined}>
            <label htmlFor={`${id}-reason`}>{words.ban.reason}</label>
            <textarea
              ref={field}
              id={`${id}-reason`}
              rows={2}
              value={reason}
              // The reader asked for this form: their next keystroke goes there.
              autoFocus
              aria-invalid={message ? true : undefined}
              aria-describedby={message ? errorId : undefined}
              onChange={(event) => {
                setReason(event.target.value);
                if (problem) setProblem(reasonProblem(event.target.value));
              }}
            />
            {message && (
              <p id={errorId} className="form-field__error">
                {message}
              </p>
            )}
          </div>
          <div className="ban-author__actions">
            <button type="submit" className="button button--danger" aria-disabled={ban.isPending || undefined}>
              {ban.isPending ? words.ban.submitting : words.ban.submit}
            </button>
            <button type="button" className="button" onClick={close}>
              {words.ban.cancel}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
