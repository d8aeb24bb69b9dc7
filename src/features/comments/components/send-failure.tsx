import { ApiError } from '../../../api/http-client';

interface SendFailureProps {
  error: Error;
  /** The failed comment was a reply: when its parent is gone, it may go on the article instead. */
  isReply: boolean;
  onRetry: () => void;
  onPostOnArticle: () => void;
}

/** Why a send failed, in French, with what the reader can do about it; their text is kept. */
export function SendFailure({ error, isReply, onRetry, onPostOnArticle }: SendFailureProps) {
  const apiError = error instanceof ApiError ? error : null;
  const parentGone = isReply && apiError?.code === 'parent_not_found';
  return (
    <div role="alert" className="comment-form__alert">
      <p>
        {apiError ? apiError.message : 'L’envoi a échoué.'} Votre texte est conservé.
      </p>
      {parentGone ? (
        <button type="button" className="button" onClick={onPostOnArticle}>
          Publier comme commentaire sur l’article
        </button>
      ) : (
        <button type="button" className="button" onClick={onRetry}>
          Réessayer
        </button>
      )}
    </div>
  );
}
