import { ApiError } from '../../../api/http-client';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';
import { useCatalogue } from '../../../lib/i18n/language';

interface SendFailureProps {
  error: Error;
  /** The failed comment was a reply: when its parent is gone, it may go on the article instead. */
  isReply: boolean;
  onRetry: () => void;
  onPostOnArticle: () => void;
}

/** Why a send failed, with what the reader can do about it; their text is kept. */
export function SendFailure({ error, isReply, onRetry, onPostOnArticle }: SendFailureProps) {
  const t = useCatalogue();
  const words = useDeferredCatalogue();
  const apiError = error instanceof ApiError ? error : null;
  const parentGone = isReply && apiError?.code === 'parent_not_found';
  // A banned author's next attempt would be refused the same way: nothing to retry.
  const final = apiError?.code === 'author_banned';
  return (
    <div role="alert" className="comment-form__alert">
      <p>
        {errorMessage(t, error, words.form.sendFailed)} {words.form.textKept}
      </p>
      {parentGone ? (
        <button type="button" className="button" onClick={onPostOnArticle}>
          {words.form.postOnArticle}
        </button>
      ) : (
        !final && (
          <button type="button" className="button" onClick={onRetry}>
            {t.site.retry}
          </button>
        )
      )}
    </div>
  );
}
