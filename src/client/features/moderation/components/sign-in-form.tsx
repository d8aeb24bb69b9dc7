import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/http-client';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCatalogue } from '../../../lib/i18n/language';
import { useModerationCatalogue } from '../../../lib/i18n/moderation-catalogue';
import type { ModerationCatalogue } from '../../../lib/i18n/fr-moderation';
import type { Catalogue } from '../../../lib/i18n/fr';
import { useSignIn } from '../api/session';

interface SignInFormProps {
  /** Why the form is back (the session expired), read with the first field. */
  note: string | null;
  /** Focus the first field at once: the form replaced what the moderator was using. */
  focusOnMount: boolean;
}

/** Wrong credentials and a throttled sign-in need a new password: the others may simply be retried. */
const needsNewPassword = (error: unknown) =>
  error instanceof ApiError && (error.code === 'invalid_credentials' || error.status === 429);

function failureMessage(t: Catalogue, words: ModerationCatalogue, error: unknown): string {
  if (error instanceof ApiError && error.code === 'invalid_credentials') return words.signIn.invalid;
  if (error instanceof ApiError && error.status === 429) return words.signIn.throttled(error.retryAfterSeconds);
  return errorMessage(t, error, words.signIn.failed);
}

/** The moderators' sign-in: identifiant and password, one message whichever was wrong. */
export function SignInForm({ note, focusOnMount }: SignInFormProps) {
  const t = useCatalogue();
  const words = useModerationCatalogue();
  const id = useId();
  const signIn = useSignIn();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState({ name: false, password: false });
  // Each failure is a new alert, so that the same words said twice are heard twice.
  const [attempt, setAttempt] = useState(0);
  const nameInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusOnMount) nameInput.current?.focus();
  }, [focusOnMount]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (signIn.isPending) return;
    const found = { name: name.trim() === '', password: password === '' };
    setMissing(found);
    if (found.name || found.password) {
      (found.name ? nameInput : passwordInput).current?.focus();
      return;
    }
    setAttempt((count) => count + 1);
    signIn.mutate(
      { name: name.trim(), password },
      {
        // Success needs nothing here: the session is set, and the tool takes this form's place.
        onError: (error) => {
          if (!needsNewPassword(error)) return;
          // The identifiant stays as typed; the password is typed again, from the first field.
          setPassword('');
          nameInput.current?.focus();
        },
      },
    );
  }

  const headingId = `${id}-heading`;
  const noteId = `${id}-note`;
  const nameErrorId = `${id}-name-error`;
  const passwordErrorId = `${id}-password-error`;
  const describe = (...ids: Array<string | false | null>) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <section className="sign-in" aria-labelledby={headingId}>
      <h2 id={headingId}>{words.signIn.heading}</h2>
      {note ? (
        <p id={noteId} className="sign-in__note">
          {note}
        </p>
      ) : (
        <p>{words.signIn.intro}</p>
      )}
      <form className="sign-in__form" aria-labelledby={headingId} noValidate onSubmit={onSubmit}>
        {signIn.isError && (
          <p key={attempt} role="alert" className="moderation__error">
            {failureMessage(t, words, signIn.error)}
          </p>
        )}
        <div className="form-field" data-invalid={missing.name || undefined}>
          <label htmlFor={`${id}-name`}>{words.signIn.name}</label>
          <input
            ref={nameInput}
            id={`${id}-name`}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={name}
            aria-invalid={missing.name || undefined}
            aria-describedby={describe(missing.name && nameErrorId, note !== null && noteId)}
            onChange={(event) => {
              setName(event.target.value);
              if (event.target.value.trim() !== '') setMissing((previous) => ({ ...previous, name: false }));
            }}
          />
          {missing.name && (
            <p id={nameErrorId} className="form-field__error">
              {words.signIn.nameMissing}
            </p>
          )}
        </div>
        <div className="form-field" data-invalid={missing.password || undefined}>
          <label htmlFor={`${id}-password`}>{words.signIn.password}</label>
          <input
            ref={passwordInput}
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            aria-invalid={missing.password || undefined}
            aria-describedby={describe(missing.password && passwordErrorId)}
            onChange={(event) => {
              setPassword(event.target.value);
              if (event.target.value !== '') setMissing((previous) => ({ ...previous, password: false }));
            }}
          />
          {missing.password && (
            <p id={passwordErrorId} className="form-field__error">
              {words.signIn.passwordMissing}
            </p>
          )}
        </div>
        <button type="submit" className="button button--primary" aria-disabled={signIn.isPending || undefined}>
          {signIn.isPending ? words.signIn.submitting : words.signIn.submit}
        </button>
      </form>
    </section>
  );
}
