import { errorMessage } from '../../../lib/i18n/error-message';
import { useCatalogue } from '../../../lib/i18n/language';
import { useModerationCatalogue } from '../../../lib/i18n/moderation-catalogue';
import { useSignOut } from '../api/session';

/** Who is signed in, and the way out (which ends the session on the server). */
export function SessionBar({ name, onSignedOut }: { name: string; onSignedOut: () => void }) {
  const t = useCatalogue();
  const words = useModerationCatalogue();
  const signOut = useSignOut();
  return (
    <div className="moderation-session">
      <p className="moderation-session__who">
        {words.session.signedIn} <strong>{name}</strong>
      </p>
      <button
        type="button"
        className="button"
        aria-disabled={signOut.isPending || undefined}
        onClick={() => signOut.isPending || signOut.mutate(undefined, { onSuccess: onSignedOut })}
      >
        {words.session.signOut}
      </button>
      {signOut.isError && (
        <p role="alert" className="moderation__error">
          {errorMessage(t, signOut.error, words.session.signOutFailed)}
        </p>
      )}
    </div>
  );
}
