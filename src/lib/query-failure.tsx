/** What a failed load shows: a message in French and a way to try again. */
export function QueryFailure({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div role="alert" className="query-failure">
      <p>{message}</p>
      <button type="button" className="button" onClick={onRetry}>
        Réessayer
      </button>
    </div>
  );
}
