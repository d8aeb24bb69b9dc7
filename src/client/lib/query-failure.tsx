import { useCatalogue } from './i18n/language';

/** What a failed load shows: a message and a way to try again. */
export function QueryFailure({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useCatalogue();
  return (
    <div role="alert" className="query-failure">
      <p>{message}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t.site.retry}
      </button>
    </div>
  );
}
