import type { ReactNode } from 'react';

interface FormFieldProps {
  id: string;
  label: string;
  error: string | undefined;
  /** Renders the control, given the ids it must name in aria-describedby. */
  children: (describedBy: string | undefined) => ReactNode;
  /** Ids of other descriptions of the control (the character counter). */
  extraDescriptions?: string;
  after?: ReactNode;
}

/** A label, its control and the control's error message, tied together for assistive tech. */
export function FormField({ id, label, error, children, extraDescriptions, after }: FormFieldProps) {
  const errorId = `${id}-error`;
  const describedBy = [extraDescriptions, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-field" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>{label}</label>
      {children(describedBy)}
      {after}
      {error && (
        <p id={errorId} className="form-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
