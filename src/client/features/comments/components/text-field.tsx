import type { ChangeEvent, ReactNode } from 'react';

interface TextFieldProps {
  id: string;
  name: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  /** Shown under the control, and named by its aria-describedby, while the value is refused. */
  error: string | undefined;
  type?: 'text' | 'email';
  autoComplete?: string;
  /** Given, the control is a textarea of this many rows; otherwise a one-line input. */
  rows?: number;
  autoFocus?: boolean;
  /** Ids of the control's other descriptions, rendered by `children` (the character counter). */
  describedBy?: string;
  /** Shown between the control and its error message. */
  children?: ReactNode;
}

/** A label, its text control and the control's error message, tied together for assistive tech. */
export function TextField(props: TextFieldProps) {
  const { id, name, label, value, onValueChange, error, type, autoComplete, rows, autoFocus, describedBy, children } = props;
  const errorId = `${id}-error`;
  const control = {
    id,
    name,
    value,
    autoComplete,
    autoFocus,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onValueChange(event.target.value),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [describedBy, error ? errorId : undefined].filter(Boolean).join(' ') || undefined,
  };
  return (
    <div className="form-field" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>{label}</label>
      {rows === undefined ? <input type={type} {...control} /> : <textarea rows={rows} {...control} />}
      {children}
      {error && (
        <p id={errorId} className="form-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
