interface Choice {
  label: string;
  onChoose: () => void;
  /** Takes the focus as the notice appears: the safe answer to a question that interrupts. */
  autoFocus?: boolean;
  /** Loses what the reader wrote: marked as dangerous. */
  destructive?: boolean;
}

interface ChoiceNoticeProps {
  /** "alert" for what interrupts the reader, "status" for what can wait until they are done. */
  role: 'alert' | 'status';
  className: string;
  message: string;
  choices: readonly Choice[];
}

/** A message in the form with what the reader may do about it, one button a choice. */
export function ChoiceNotice({ role, className, message, choices }: ChoiceNoticeProps) {
  return (
    <div role={role} className={className}>
      <p>{message}</p>
      <div className="comment-form__actions">
        {choices.map((choice, index) => (
          // By place, not by label: a change of language must not make a new button (autoFocus again).
          <button
            key={index}
            type="button"
            className={choice.destructive ? 'button button--danger' : 'button'}
            onClick={choice.onChoose}
            autoFocus={choice.autoFocus}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </div>
  );
}
